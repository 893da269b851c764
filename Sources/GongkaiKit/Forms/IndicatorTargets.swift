// The targets of an indicator row: its cells under the header's columns after the 三级 name
// (value, half-year, operator, unit, 中期, a place, description), joined and checked.

extension IndicatorTableReader {
    /// The cells after an indicator's name under the header's columns after the 三级 one: by
    /// position when there are as many, the extra ones before them kept as its description;
    /// when fewer, each to the nearest column from the right that fits what it says.
    func assignTail(_ cells: [String], report: (Severity, String, Localized) -> Void) -> [(IndicatorHeader.Role, String)] {
        let tail = header.tail
        if cells.count >= tail.count {
            var out = Array(zip(tail, cells.suffix(tail.count)))
            let extra = cells.prefix(cells.count - tail.count)
            if !extra.isEmpty {
                report(.warning, "extra-cells", Localized(
                    zh: "指标行比表头多 \(extra.count) 格；多出的文字记入指标说明",
                    en: "indicator row has \(extra.count) cell(s) more than its header; the extra text is kept as its description"))
                if let k = out.firstIndex(where: { $0.0 == .description }) {
                    out[k].1 = (extra + [out[k].1]).joined(separator: " ")
                } else {
                    out.append((.description, extra.joined(separator: " ")))
                }
            }
            return out
        }
        var out: [(IndicatorHeader.Role, String)] = []
        var t = tail.count - 1
        for cell in cells.reversed() {
            while t >= 0, !Self.fits(cell, tail[t]) { t -= 1 }
            guard t >= 0 else { break }
            out.insert((tail[t], cell), at: 0)
            t -= 1
        }
        return out
    }

    /// Whether a cell can stand in a column after the name.
    private static func fits(_ cell: String, _ role: IndicatorHeader.Role) -> Bool {
        let digits = cell.contains { $0.isASCII && $0.isNumber }
        switch role {
        case .operator: return IndicatorVocabulary.isOperator(cell)
        case .value, .halfYear, .longValue: return !IndicatorVocabulary.isOperator(cell) && (digits || IndicatorVocabulary.isValueLike(cell) || cell.scalarCount <= 12)
        case .unit: return !digits && cell.scalarCount <= 6 && !IndicatorVocabulary.isOperator(cell)
        case .weight: return digits && cell.scalarCount <= 6
        default: return !IndicatorVocabulary.isOperator(cell) && !IndicatorVocabulary.isValueLike(cell)
        }
    }

    func rightAligned(_ values: [String], count: Int) -> [String] {
        if values.count >= count { return Array(values.suffix(count)) }
        return Array(repeating: "", count: count - values.count) + values
    }

    func makeTarget(values: [String], line: Int, report: (Severity, String, Localized) -> Void) -> [Target] {
        makeTarget(Array(zip(header.valueRoles, values)), line: line, report: report)
    }

    /// The targets a row's cells under the columns after the name give: the year's (with the
    /// operator and unit of their own columns joined into its value), then a 中期/长期 one. An
    /// unfilled template value (`≧ %`, a unit alone, `(≥**%)`) is reported and not taken as a
    /// value.
    func makeTarget(_ cells: [(IndicatorHeader.Role, String)], line: Int,
                            report: (Severity, String, Localized) -> Void) -> [Target] {
        func cell(_ role: IndicatorHeader.Role) -> String? {
            cells.first { $0.0 == role }.flatMap { nonEmpty($0.1) }
        }
        let op = cell(.operator), unit = cell(.unit)
        var half = cell(.halfYear)
        // Value columns named by place (`西坪镇尧山村 | 桃舟乡吾培村 …`): the first is the
        // indicator's value, each with its column's name as its term.
        let values = cells.filter { $0.0 == .value }.map(\.1)
        let valueCell = values.first.flatMap(nonEmpty)
        let names = header.valueNames
        let long = cell(.longValue)
        var value = valueCell.map { Self.joined(op: op, value: $0, unit: unit) }
        var shownOp = op, shownUnit = unit
        if valueCell == nil, op != nil || unit != nil, header.position(of: .value) != nil {
            // An operator or a unit with no number beside it.
            value = Self.joined(op: op, value: "", unit: unit)
        }
        for v in [value, half].compactMap({ $0 }) where IndicatorVocabulary.isUnfilled(v) {
            report(.warning, "unfilled-value", Localized(
                zh: "指标值‘\(v)’是未填写的模板（只有符号或单位），不作为指标值读取",
                en: "target value ‘\(v)’ is an unfilled template (an operator or a unit alone); not read as a value"))
        }
        if let v = value, IndicatorVocabulary.isUnfilled(v) {
            value = nil
            if op == nil, unit == nil { (shownOp, shownUnit) = IndicatorVocabulary.unfilledParts(v) }
        }
        if let h = half, IndicatorVocabulary.isUnfilled(h) { half = nil }
        var targets = [Target(halfYear: half, value: value, line: self.line(of: valueCell ?? half, else: line), op: shownOp, unit: shownUnit,
                              term: names.first.flatMap(nonEmpty))]
        for (k, v) in values.enumerated().dropFirst() {
            guard let v = nonEmpty(v), !IndicatorVocabulary.isUnfilled(v) else { continue }
            targets.append(Target(value: Self.joined(op: op, value: v, unit: unit), line: self.line(of: v, else: line),
                                  op: op, unit: unit, term: k < names.count ? nonEmpty(names[k]) : nil))
        }
        if let long, !IndicatorVocabulary.isUnfilled(long) {
            targets.append(Target(value: Self.joined(op: op, value: long, unit: unit), line: self.line(of: long, else: line),
                                  op: op, unit: unit, term: header.longTerm))
        }
        return targets
    }

    /// `=` `116` `人` → `=116人`: the value as shown, without doubling what it already says.
    static func joined(op: String?, value: String, unit: String?) -> String {
        var s = value
        if let op, !s.hasPrefix(op), !(s.first.map { IndicatorVocabulary.isOperator(String($0)) } ?? false) { s = op + s }
        if let unit, !s.hasSuffix(unit) { s += unit }
        return s
    }
}
