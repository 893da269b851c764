// The row machine shared by all layouts: header fields, 绩效支出明细, 资金支出计划, indicators.

/// Reads the rows of one project's table into a `Project`.
///
/// Every row ends up in the project (a field, a funding line, a sub-item, a plan
/// point, an indicator or a structural line) or in a diagnostic.
struct TableReader {
    private enum State {
        case fields
        case subItems
        case plan(labels: [String])
        case indicators
    }

    var project: Project
    private var state: State = .fields
    private var indicators: IndicatorTableReader?
    /// An indicator row that stopped before its values, waiting for the row with them.
    private var heldRow: Row?
    /// The group label of the last labelled row (`预算规模及资金用途`, `绩效目标`).
    private var lastGroup: FieldKind?
    /// The unit the last group label named (`项目资金（万元）`): the amounts under it are in it.
    private var groupUnit: MoneyUnit?
    /// The unit the table states for all its amounts (`金额单位：万元`).
    var tableUnit: MoneyUnit?
    /// A row of labels only, waiting for the row of their values.
    private var heldLabels: [Pair]?
    /// The rank of the department label read so far (the transfer-payment chain's most local
    /// level names the department).
    private var departmentRank = Int.min
    private var totalUnit: MoneyUnit?
    private let file: String

    init(project: Project, file: String) {
        self.project = project
        self.file = file
    }

    var hasIndicatorTable: Bool { indicators != nil }

    /// Whether the rows read now are an indicator table's.
    var isReadingIndicators: Bool {
        if case .indicators = state { return true }
        return false
    }

    /// Reads what is still held back; call when the project's rows end.
    mutating func finish(into doc: inout DocumentResult) {
        flushHeldRow(into: &doc)
        flushHeldLabels(into: &doc)
        if project.amount == nil, let total = project.totalAmount {
            project.amount = total
            project.amountUnit = totalUnit
        }
    }

    private mutating func flushHeldRow(into doc: inout DocumentResult) {
        guard let held = heldRow else { return }
        heldRow = nil
        readIndicatorRow(held, into: &doc)
    }

    /// Whether an indicator row ends before its values: a name (and categories) with nothing
    /// under the value columns and no value-like cell.
    private static func stopsBeforeValues(_ row: Row, _ header: IndicatorHeader) -> Bool {
        let filled = row.cells.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.count <= 3, !filled.contains(where: IndicatorVocabulary.isValueLike),
              filled.contains(where: { !IndicatorVocabulary.isVocabulary($0) }) else { return false }
        for role in header.valueRoles {
            if let p = header.position(of: role), p < row.cells.count, !row.cells[p].isEmpty { return false }
        }
        guard let last = row.cells.lastIndex(where: { !$0.isEmpty }), let name = header.position(of: .level3) else { return false }
        return last <= name
    }

    /// The two halves of a cut row as one row, when the second names no category and both fit
    /// under the header.
    private static func join(_ first: Row, _ second: Row, _ header: IndicatorHeader) -> Row? {
        let filled = second.cells.enumerated().filter { !$0.element.isEmpty }
        guard !filled.isEmpty, !filled.contains(where: { IndicatorVocabulary.isVocabulary($0.element) }) else { return nil }
        if let p = header.position(of: .level1), p < second.cells.count, !second.cells[p].isEmpty { return nil }
        guard let last = first.cells.lastIndex(where: { !$0.isEmpty }), last + 1 + filled.count <= header.width else { return nil }
        var cells = Array(first.cells[...last])
        var lines = Array(first.cellLines.prefix(last + 1))
        for (i, text) in filled {
            cells.append(text)
            lines.append(second.line(ofCell: i))
        }
        return Row(line: first.line, cells: cells, lastLine: max(first.lastLine, second.lastLine), cellLines: lines)
    }

    mutating func read(_ row: Row, into doc: inout DocumentResult) {
        guard !row.isEmpty else { return }
        if let header = IndicatorHeader(cells: row.cells, line: row.line) {
            flushHeldRow(into: &doc)
            flushHeldLabels(into: &doc)
            startIndicators(header, lines: row.lines)
            return
        }
        if case .indicators = state, let header = indicators?.header {
            // An indicator row that a page break or a converter cut in two: the name in one row,
            // its values in the next.
            if let held = heldRow {
                heldRow = nil
                if let joined = Self.join(held, row, header) {
                    readIndicatorRow(joined, into: &doc)
                    return
                }
                readIndicatorRow(held, into: &doc)
            }
            if Self.stopsBeforeValues(row, header) {
                heldRow = row
                return
            }
        }
        switch state {
        case .fields:
            readFieldRow(row, into: &doc)
        case .subItems:
            if firstField(row) != nil {
                state = .fields
                readFieldRow(row, into: &doc)
            } else {
                readSubItem(row, into: &doc)
            }
        case .plan(let labels):
            readPlanValues(row, labels: labels, into: &doc)
            state = .fields
        case .indicators:
            readIndicatorRow(row, into: &doc)
        }
    }

    private mutating func startIndicators(_ header: IndicatorHeader, lines: ClosedRange<Int>) {
        state = .indicators
        indicators = IndicatorTableReader(header: header)
        project.indicatorColumns.headerLine = project.indicatorColumns.headerLine ?? header.line
        project.indicatorColumns.halfAndFullYear = project.indicatorColumns.halfAndFullYear || header.roles.contains(.halfYear)
        project.indicatorColumns.description = project.indicatorColumns.description || header.hasDescription
        project.indicatorColumns.basis = project.indicatorColumns.basis || header.hasBasis
        project.structuralLines.append(contentsOf: lines)
    }

    private func firstField(_ row: Row) -> FieldKind? {
        for cell in row.cells where !cell.isEmpty {
            return Labels.field(cell)
        }
        return nil
    }

    // MARK: Header fields

    /// One label of a row with the values after it (and where each value cell is).
    private struct Pair {
        var label: String
        var kind: FieldKind?
        var values: [String] = []
        var lines: [Int] = []
        var line: Int
    }

    /// Splits a row into (label, values) pairs: a label cell starts a pair, the cells after it
    /// are its values; a cell `标签:值` is a pair of its own.
    private func pairs(_ row: Row) -> [Pair] {
        var pairs: [Pair] = []
        for (i, cell) in row.cells.enumerated() where !cell.isEmpty {
            let line = row.line(ofCell: i)
            if let kind = Labels.field(cell) {
                pairs.append(Pair(label: cell, kind: kind, line: line))
            } else if let (label, kind, value) = Self.labelAndValue(cell) {
                pairs.append(Pair(label: label, kind: kind, values: [value], lines: [line], line: line))
            } else if pairs.isEmpty {
                pairs.append(Pair(label: "", kind: nil, values: [cell], lines: [line], line: line))
            } else {
                pairs[pairs.count - 1].values.append(cell)
                pairs[pairs.count - 1].lines.append(line)
            }
        }
        return pairs
    }

    /// `年度资金总额:50万` → (`年度资金总额`, the kind, `50万`): a known label and its value in
    /// one cell.
    static func labelAndValue(_ cell: String) -> (String, FieldKind, String)? {
        guard let colon = cell.firstIndex(where: { $0 == ":" || $0 == "：" }), colon > cell.startIndex else { return nil }
        let label = String(cell[..<colon])
        let value = cell[cell.index(after: colon)...].trimmingWhitespace()
        guard !value.isEmpty, label.scalarCount <= 20, let kind = Labels.field(label) else { return nil }
        return (label, kind, value)
    }

    private mutating func readFieldRow(_ row: Row, into doc: inout DocumentResult) {
        var pairs = pairs(row)
        guard !pairs.isEmpty else { return }
        // A row of labels only, its values in the row below (`资金来源 财政拨款 上年结转 …` then
        // `36 0 0 …`).
        if let held = heldLabels {
            heldLabels = nil
            if pairs.allSatisfy({ $0.kind == nil }), let values = pairs.first?.values, !values.isEmpty,
               values.count <= held.count, values.count * 2 >= held.count
            {
                let cellLines = pairs[0].lines
                var joined: [Pair] = []
                for (k, label) in held.enumerated() {
                    var pair = label
                    if k < values.count {
                        pair.values = [values[k]]
                        pair.lines = [cellLines[k]]
                    }
                    joined.append(pair)
                }
                pairs = joined
            } else {
                for label in held { apply(label, row: row, into: &doc) }
            }
        } else if pairs.count >= 2, pairs.allSatisfy({ $0.kind != nil && $0.values.isEmpty }),
                  !pairs.contains(where: { if case .spendingPlan? = $0.kind { return true }; if case .subItems? = $0.kind { return true }; return false })
        {
            heldLabels = pairs
            project.structuralLines.append(contentsOf: row.lines)
            return
        }

        for (index, pair) in pairs.enumerated() {
            guard let kind = pair.kind else {
                readUnlabelled(values: pair.values, row: row, into: &doc)
                continue
            }
            switch kind {
            case .subItems:
                // `绩效支出明细 子项目 半年… 全年…`: the rest of the row are column labels.
                state = .subItems
                project.structuralLines.append(contentsOf: row.lines)
                return
            case .spendingPlan:
                state = .plan(labels: pair.values + pairs.dropFirst(index + 1).flatMap { [$0.label] + $0.values })
                project.structuralLines.append(contentsOf: row.lines)
                return
            case .fundingGroup, .goalGroup:
                lastGroup = kind
                groupUnit = Labels.unit(pair.label) ?? (kind == .fundingGroup ? nil : groupUnit)
                let value = pair.values.joined(separator: " ")
                if !value.isEmpty { project.fields.append(Field(label: pair.label, value: value, line: row.line)) }
                else if index == 0 { project.structuralLines.append(row.line) }
            default:
                apply(pair, row: row, into: &doc)
            }
        }
    }

    private mutating func apply(_ pair: Pair, row: Row, into doc: inout DocumentResult) {
        guard let kind = pair.kind else { return }
        apply(kind, label: pair.label, value: pair.values.joined(separator: " "), line: row.line, valueLine: pair.lines.first ?? pair.line, into: &doc)
    }

    private mutating func readUnlabelled(values: [String], row: Row, into doc: inout DocumentResult) {
        let text = values.joined(separator: " ")
        switch lastGroup {
        case .fundingGroup?:
            // The row under `预算规模及资金用途` states what the money is for.
            apply(.narrative("资金用途", isGoal: false), label: "资金用途", value: text, line: row.line, into: &doc)
        default:
            if values.count >= 2 {
                // An unknown label: keep it as a field and a narrative section, in order.
                let label = values[0]
                let rest = values.dropFirst().joined(separator: " ")
                project.fields.append(Field(label: label, value: rest, line: row.line))
                project.sections.append(NarrativeSection(title: label, text: rest, line: row.line, isGoal: false))
                doc.diagnose(.note, line: row.line, code: "unknown-field", "unknown field ‘\(label)’ kept as a narrative section")
            } else {
                doc.diagnose(.warning, line: row.line, code: "unlabelled-row",
                             "table row ‘\(text.prefix(40))’ has no label; not read into the project")
            }
        }
    }

    /// Fills in what a label says. `line` is the row's (where the field is recorded), `valueLine`
    /// the value cell's (where a problem with the value is reported).
    private mutating func apply(_ kind: FieldKind, label: String, value: String, line: Int, valueLine: Int? = nil,
                                into doc: inout DocumentResult) {
        let valueLine = valueLine ?? line
        project.fields.append(Field(label: label, value: value, line: line))
        switch kind {
        case .department:
            if !value.isEmpty, departmentRank <= 1000 {
                project.rawDepartment = Departments.stripCode(value)
                departmentRank = 1000
            }
        case .departmentLevel(let rank):
            if !value.isEmpty, rank >= departmentRank, departmentRank < 1000 {
                project.rawDepartment = Departments.stripCode(value)
                departmentRank = rank
            }
        case .parentName:
            if !value.isEmpty, !project.otherNames.contains(value) { project.otherNames.append(value) }
        case .unit:
            if !value.isEmpty { project.unit = value }
        case .name:
            guard !value.isEmpty else { return }
            if project.name.isEmpty {
                project.name = value
            } else if project.name != value {
                // The table's name is the project's name; the title or heading is another.
                if !project.otherNames.contains(project.name) { project.otherNames.append(project.name) }
                project.name = value
                project.otherNames.removeAll { $0 == value }
            }
        case .code:
            let digits = value.filter { $0.isLetter || $0.isNumber }
            project.code = digits.isEmpty ? nil : digits
        case .totalAmount:
            if let (money, unit) = amount(value, label: label, line: valueLine, into: &doc) {
                project.totalAmount = money
                totalUnit = unit
            }
        case .yearAmount:
            if project.amount == nil, let (money, unit) = amount(value, label: label, line: valueLine, into: &doc) {
                project.amount = money
                project.amountUnit = unit
            }
        case .funding(let name):
            let money = value.isEmpty ? nil : amount(value, label: label, line: valueLine, into: &doc)?.0
            project.funding.append(FundingLine(label: name, amount: money, text: value, line: line))
        case .source:
            if !value.isEmpty { project.source = value }
        case .period:
            if !value.isEmpty { project.period = value }
        case .periodStart:
            if !value.isEmpty { project.period = value + (project.period.map { "—" + $0 } ?? "") }
        case .periodEnd:
            if !value.isEmpty { project.period = (project.period.map { $0 + "—" } ?? "") + value }
        case .year:
            if let y = Titles.year(in: value) { project.year = y }
        case .narrative(let title, let isGoal):
            if !value.isEmpty {
                project.sections.append(NarrativeSection(title: title, text: value, line: line, isGoal: isGoal))
            }
        case .goal(let title):
            if !value.isEmpty {
                project.sections.append(NarrativeSection(title: title, text: value, line: line, isGoal: true))
            }
        case .fundingGroup, .goalGroup, .subItems, .spendingPlan, .contact:
            break
        }
    }

    /// Reads what is held back (a row of labels whose values never came) and ends the project's
    /// rows.
    private mutating func flushHeldLabels(into doc: inout DocumentResult) {
        guard let held = heldLabels else { return }
        heldLabels = nil
        for label in held {
            guard let kind = label.kind else { continue }
            apply(kind, label: label.label, value: "", line: label.line, into: &doc)
        }
    }

    /// An amount and the unit the form wrote it in: the value's own (`449.8万`, `666万元`), else
    /// the label's (`项目资金（元）`), its group label's or the table's (`金额单位：万元`); nil when
    /// none says, and then the amount is read as 万元 and reported as uncertain.
    private func amount(_ text: String, label: String, line: Int, into doc: inout DocumentResult) -> (Money, MoneyUnit?)? {
        guard !text.isEmpty else { return nil }
        let unit = Amounts.unit(in: text) ?? Labels.unit(label) ?? groupUnit ?? tableUnit
        if let money = unit == .yuan ? Amounts.yuan(text) : Amounts.wan(text) {
            if unit == nil {
                doc.diagnose(.warning, line: line, code: "amount-unit-unknown",
                             "\(label)‘\(text)’没有注明单位（标签、表头和数值都未写元或万元），暂按万元读取并标为单位不确定",
                             en: "\(label) ‘\(text)’ names no unit (neither its label, the table nor the value says 元 or 万元); read as 万元 and marked uncertain")
            }
            return (money, unit)
        }
        doc.diagnose(.warning, line: line, code: "unreadable-amount", "\(label)‘\(text)’不是金额",
                     en: "\(label) ‘\(text)’ is not an amount")
        return nil
    }

    // MARK: 绩效支出明细

    private mutating func readSubItem(_ row: Row, into doc: inout DocumentResult) {
        let cells = row.filledCells
        guard let name = cells.first else { return }
        let amounts = cells.dropFirst()
        var half: Money?, full: Money?
        var unreadable: [String] = []
        if amounts.count >= 2 {
            half = Amounts.yuan(amounts[amounts.startIndex])
            full = Amounts.yuan(amounts[amounts.startIndex + 1])
            if half == nil { unreadable.append(amounts[amounts.startIndex]) }
            if full == nil { unreadable.append(amounts[amounts.startIndex + 1]) }
        } else if let only = amounts.first {
            full = Amounts.yuan(only)
            if full == nil { unreadable.append(only) }
        }
        for text in unreadable {
            doc.diagnose(.warning, line: row.line, code: "unreadable-amount", "绩效支出明细 amount ‘\(text)’ is not an amount in 元")
        }
        project.subItems.append(SubItem(name: name, halfYear: half, fullYear: full, line: row.line))
    }

    // MARK: 资金支出计划

    private mutating func readPlanValues(_ row: Row, labels: [String], into doc: inout DocumentResult) {
        let values = row.filledCells
        if values.count != labels.count {
            doc.diagnose(.warning, line: row.line, code: "plan-mismatch",
                         "资金支出计划 has \(labels.count) dates but \(values.count) values")
        }
        for (i, value) in values.enumerated() {
            let label = i < labels.count ? labels[i] : "第\(i + 1)项"
            project.spendingPlan.append(PlanPoint(label: label, share: value, line: row.line))
        }
        if values.isEmpty { project.structuralLines.append(contentsOf: row.lines) }
    }

    // MARK: Indicators

    private mutating func readIndicatorRow(_ row: Row, into doc: inout DocumentResult) {
        guard var reader = indicators else { return }
        let path = doc.path
        var found: [Diagnostic] = []
        let reading = reader.read(cells: row.cells, line: row.line, cellLines: row.cellLines) { severity, code, message in
            found.append(Diagnostic(severity, SourceLocation(file: path, line: row.line), code: code, message))
        }
        indicators = reader
        doc.diagnostics.append(contentsOf: found)
        switch reading {
        case .indicator(let indicator)?:
            if indicator.targets.allSatisfy({ $0.value == nil && $0.halfYear == nil }) {
                doc.diagnose(.warning, line: row.line, code: "indicator-without-value", "indicator ‘\(indicator.name)’ has no value")
            }
            project.indicators.append(indicator)
        case .continuation(let target)?:
            if project.indicators.isEmpty {
                doc.diagnose(.warning, line: row.line, code: "value-without-indicator", "values with no indicator above them")
            } else {
                project.indicators[project.indicators.count - 1].targets.append(target)
            }
        case .categoryOnly?:
            project.structuralLines.append(contentsOf: row.lines)
        case .valuesWithoutIndicator(let values)?:
            let category = [reader.level1, reader.level2].filter { !$0.isEmpty }.joined(separator: " / ")
            let values = values.map { "‘\($0)’" }.joined(separator: "、")
            doc.diagnose(.warning, line: row.line, code: "value-without-indicator",
                         "value \(values) has no indicator name\(category.isEmpty ? "" : " (under \(category))"); not read as an indicator")
            project.structuralLines.append(contentsOf: row.lines)
        case nil:
            break
        }
    }
}
