// Reading indicator rows: merged cells, shifted rows, garbage cells, continuation values.

/// The columns of an indicator table, read from its header row.
struct IndicatorHeader: Sendable {
    /// A column of an indicator table (the keys of labels.yml's `indicator_columns`).
    enum Role: String, Equatable, Sendable {
        case label, level1, level2, level3, description
        case halfYear = "half_year"
        case value
        /// 中期/长期/实施期 targets beside the 年度 ones.
        case longValue = "long_value"
        case basis
        /// The operator of the value in a column of its own (`=`, `≥`).
        case `operator`
        /// The unit of the value in a column of its own (`米`, `%`).
        case unit
        /// 分值: the indicator's weight.
        case weight
        case remark
    }

    /// The role of each header cell, by position (empty header cells are `.label`).
    var roles: [Role]
    var line: Int
    /// The term a `long_value` column names (`中期指标值` → `中期`).
    var longTerm = "中期"
    /// The names of value columns that a header names by place (`西坪镇尧山村`), in order; empty
    /// for a header with 指标值 columns.
    var valueNames: [String] = []
    /// Where a second group of 二级/三级/指标值 columns starts (`… 指标值 | 二级指标 | 三级指标 |
    /// 指标值`: 中期 and 年度 side by side), and the columns of a row that make its own row: the
    /// columns before the first group's 二级, then the second group's.
    var secondGroup: [Int]?
    /// The terms of the first and the second group when their columns name them
    /// (`指标值(长期)` … `指标值(年度)`).
    var terms: [String]?

    var width: Int { roles.count }
    /// A flat list's header: no 一级 or 二级 column.
    var isFlat: Bool { !roles.contains(.level1) && !roles.contains(.level2) }
    func position(of role: Role) -> Int? { roles.firstIndex(of: role) }
    var valueRoles: [Role] { roles.filter { $0 == .halfYear || $0 == .value } }
    var hasDescription: Bool { roles.contains(.description) }
    var hasBasis: Bool { roles.contains(.basis) }
    /// Whether the header has columns beyond 描述/指标值/依据 (operator, unit, 中期 value, 分值,
    /// 备注), or its 描述 after the values: rows are then read by the header's columns after the
    /// 三级 name.
    private(set) var hasExtraColumns = false
    /// The columns after the 三级 name, in order, and where they are.
    private(set) var tail: [Role] = []
    private(set) var tailPositions: [Int] = []

    /// The column a header cell names (`一级指标` → `.level1`), or nil for any other text.
    static func role(of cell: String) -> Role? {
        guard !cell.isEmpty, cell.utf8.count <= 60 else { return nil }
        if let role = Vocabulary.current.column(LabelText.key(cell)) { return role }
        // `二级指标(长期)`, `指标值（年度）`: a column of one term's group.
        guard let (head, _) = term(of: cell) else { return nil }
        return Vocabulary.current.column(LabelText.key(String(head)))
    }

    private static let flatNameBytes = ["指标", "指标名称", "三级指标", "绩效指标名称"].map { Array($0.utf8) }

    /// Whether a cell names the name column of a flat indicator list (`指标 | 指标权重 | 计量单位 |
    /// 指标性质 | 指标值`, no 一级 or 二级 column).
    static func isFlatName(_ s: String) -> Bool {
        // A length test first: most cells are none of these (6, 12 or 18 bytes).
        let n = s.utf8.count
        guard n == 6 || n == 12 || n == 18 else { return false }
        // Compared as bytes (String's == compares canonical equivalence).
        return flatNameBytes.contains { $0.count == n && s.utf8.elementsEqual($0) }
    }

    /// Whether a row is the header of a flat indicator list: a name column (after a label column
    /// such as `绩效指标`), then only columns of a value's parts (权重, 单位, 性质, 指标值 …), a
    /// value among them and at least one other.
    static func isFlat(_ cells: [String]) -> Bool {
        var filled = cells.filter { !$0.isEmpty }
        if let first = filled.first, !isFlatName(first), role(of: first) == nil, filled.count > 1, isFlatName(filled[1]) {
            filled.removeFirst()
        }
        guard filled.count >= 4, filled.count <= 10, isFlatName(filled[0]) else { return false }
        let roles = filled.dropFirst().map { role(of: $0) }
        let parts: [Role] = [.weight, .unit, .operator, .value, .description, .remark, .basis]
        // A weight or an operator column: what only an indicator list has (`指标名称 | 计量单位 |
        // 目标值` is as often a table of a form's own fields or of a budget's explanation).
        return roles.allSatisfy { $0.map(parts.contains) ?? false } && roles.contains(.value)
            && roles.contains { $0 == .weight || $0 == .operator }
    }

    /// Whether a flat list's row fits its columns: a name that is no value, a weight that is a
    /// number, an operator that is one (or 定性, 定量), a unit without a digit; blanks allowed.
    static func fitsFlat(_ cells: [String], roles: [Role]) -> Bool {
        for (cell, role) in zip(cells, roles) {
            switch role {
            case .level3:
                if cell.isEmpty || IndicatorVocabulary.isValueLike(cell) || isFlatName(cell) { return false }
            case .weight:
                if !cell.isEmpty, !cell.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "%") }) { return false }
            case .operator:
                if !cell.isEmpty, !IndicatorVocabulary.isOperator(cell), cell != "定性", cell != "定量" { return false }
            case .unit:
                if cell.scalarCount > 6 || cell.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) || cell == "定性" || cell == "定量"
                    || IndicatorVocabulary.isOperator(cell) { return false }
            default:
                break
            }
        }
        return true
    }

    /// The term a header cell ends with in brackets (`三级指标(长期)` → `长期`), and the cell
    /// before it.
    static func term(of cell: String) -> (head: Substring, term: String)? {
        guard cell.utf8.last == 0x29 || cell.utf8HasSuffix("）") else { return nil }
        guard let (head, inside) = IndicatorVocabulary.trailingBracket(cell) else { return nil }
        let term = String(inside)
        return ["年度", "中期", "长期", "实施期"].contains(term) ? (head, term) : nil
    }

    /// The terms the two groups' columns name (`二级指标(长期) … 二级指标(年度)` → 长期, 年度),
    /// in order; nil unless both groups name one and one of them is 年度.
    static func groupTerms(_ cells: [String], secondGroupStart: Int) -> [String]? {
        let first = cells[..<min(secondGroupStart, cells.count)].lazy.compactMap { term(of: $0)?.term }.first
        let second = cells[min(secondGroupStart, cells.count)...].lazy.compactMap { term(of: $0)?.term }.first
        guard let first, let second, first != second, first == "年度" || second == "年度" else { return nil }
        return [first, second]
    }

    /// Recognises a header row (`一级指标 二级指标 三级指标 指标值 …`); nil for any other row.
    init?(cells: [String], line: Int) {
        // Cheap test first: a header names the 一级 column, or is a flat list's.
        let flat = !cells.contains(where: { $0.utf8.count <= 16 && $0.utf8Contains("一级") })
        if flat { guard cells.contains(where: Self.isFlatName), Self.isFlat(cells) else { return nil } }
        // A template's header comes once a form: read once for its cells' text.
        let key = cells.joined(separator: "\u{0}")
        guard var header = Vocabulary.current.indicatorHeaders.value(for: key, { IndicatorHeader(reading: cells, flat: flat) }) else { return nil }
        header.line = line
        self = header
    }

    /// The header of `cells`, which pass the cheap test (`flat`: with no 一级 column), at line 0.
    private init?(reading cells: [String], flat: Bool) {
        let line = 0
        var roles: [Role] = []
        var seen1 = flat, seen2 = flat, seen3 = false, seenValue = false
        for cell in cells {
            var role = Self.role(of: cell) ?? .label
            if flat, !seen3, Self.isFlatName(cell) { role = .level3 }
            switch role {
            case .level1: seen1 = true
            case .level2: seen2 = true
            case .level3: seen3 = true
            case .value, .halfYear: seenValue = true
            default: break
            }
            roles.append(role)
        }
        // No 指标值 column, but columns named after the 三级 one (`指标解释 | 西坪镇尧山村 |
        // 桃舟乡吾培村 …`): a value column per place.
        if !seenValue, seen1, seen2, seen3, let p3 = roles.firstIndex(of: .level3) {
            let named = roles.indices.filter { $0 > p3 && roles[$0] == .label && !cells[$0].isEmpty }
            if !named.isEmpty, named.count <= 16,
               named.allSatisfy({ cells[$0].scalarCount <= 16 && Labels.field(cells[$0]) == nil && !IndicatorVocabulary.isVocabulary(cells[$0]) })
            {
                for k in named { roles[k] = .value }
                valueNames = named.map { cells[$0] }
                seenValue = true
            }
        }
        guard seen1, seen2, seen3, seenValue else { return nil }
        while roles.last == .label { roles.removeLast() }
        // A second group: 二级 and 三级 again after the first value column.
        if let firstValue = roles.firstIndex(where: { $0 == .value || $0 == .halfYear || $0 == .longValue }),
           let level2 = roles.firstIndex(of: .level2),
           let again = roles[(firstValue + 1)...].firstIndex(where: { $0 == .level2 || $0 == .level3 })
        {
            secondGroup = Array(0..<level2) + Array(again..<roles.count)
            terms = Self.groupTerms(cells, secondGroupStart: again)
            roles = Array(roles[..<again])
        }
        self.roles = roles
        self.line = line
        // A description after the values (`指标值 | 指标值说明`) is read by position too: the
        // order of 描述 first, then the values, is the seeds' (`绩效指标描述 | 指标值`), not every form's.
        let descriptionAfterValues = roles.firstIndex(of: .description).map { d in
            roles.firstIndex { $0 == .value || $0 == .halfYear }.map { d > $0 } ?? false
        } ?? false
        hasExtraColumns = descriptionAfterValues || roles.contains { [.operator, .unit, .longValue, .weight, .remark].contains($0) }
        if let p = roles.firstIndex(of: .level3) {
            tailPositions = roles.indices.filter { $0 > p && ![.label, .level1, .level2, .level3].contains(roles[$0]) }
            tail = tailPositions.map { roles[$0] }
        }
        if let k = roles.firstIndex(of: .longValue), k < cells.count {
            for term in ["中期", "长期", "实施期"] where cells[k].utf8Contains(term) { longTerm = term }
        }
    }

    /// The header of a second group's rows (built from `secondGroup`'s columns).
    init?(secondGroupOf cells: [String], line: Int) {
        guard let first = IndicatorHeader(cells: cells, line: line), let columns = first.secondGroup else { return nil }
        guard let header = IndicatorHeader(cells: columns.map { $0 < cells.count ? cells[$0] : "" }, line: line) else { return nil }
        self = header
    }
}

/// What one indicator row turned out to be.
enum IndicatorRowReading {
    case indicator(Indicator)
    /// More values for the indicator above (a row with no 三级 name).
    case continuation(Target)
    /// A row naming only a 一级/二级 category.
    case categoryOnly
    /// A row with values but no 三级 name to give them to (after a category, or before any
    /// indicator): not read as an indicator.
    case valuesWithoutIndicator([String])
}

/// Reads the rows of one indicator table, carrying merged 一级/二级 cells down.
struct IndicatorTableReader {
    let header: IndicatorHeader
    private(set) var level1 = ""
    private(set) var level2 = ""
    private(set) var hasIndicator = false

    init(header: IndicatorHeader) { self.header = header }

    /// After rows that were not read: the 一级 and 二级 they may have opened are not known.
    mutating func forgetCategories() {
        level1 = ""
        level2 = ""
    }

    /// A table under the same header as `previous` (a Word table cut at a page break, its header
    /// typed again): its rows that leave 一级/二级 blank are under `previous`'s open ones.
    init(header: IndicatorHeader, continuing previous: IndicatorTableReader?) {
        self.header = header
        if let previous, previous.hasIndicator, previous.header.roles == header.roles, previous.header.valueNames == header.valueNames {
            level1 = previous.level1
            level2 = previous.level2
        }
    }

    /// The row being read and the line of each of its cells: a target is at its value's cell.
    private var rowCells: [String] = []
    private var rowLines: [Int] = []

    /// The line of the cell holding `text` (the row's last such cell), else `line`.
    func line(of text: String?, else line: Int) -> Int {
        guard let text, let i = rowCells.lastIndex(of: text), i < rowLines.count else { return line }
        return rowLines[i]
    }

    /// A cell of a row with its position in the row.
    private struct Cell {
        var text: String
        var position: Int
    }

    /// Interprets one row. Diagnostics (garbage cells, extra cells) go to `report`.
    mutating func read(cells rawCells: [String], line: Int, cellLines: [Int]? = nil,
                       report: (Severity, String, Localized) -> Void) -> IndicatorRowReading? {
        rowCells = rawCells
        rowLines = cellLines ?? Array(repeating: line, count: rawCells.count)
        var cells = rawCells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return nil }

        if let reading = readByPosition(cells, line: line, report: report) { return reading }
        return readByContent(cells, line: line, report: report)
    }

    // MARK: Positional reading: the row's cells sit under the header's columns.

    /// A standard a target is set by (`计划标准`, `历史标准`, `行业标准`): the 依据 column's words.
    static func isBasisWord(_ text: String) -> Bool {
        text.scalarCount >= 4 && text.scalarCount <= 6 && text.utf8HasSuffix("标准") && !text.contains(where: \.isNumber)
    }

    private mutating func readByPosition(_ cells: [String], line: Int,
                                         report: (Severity, String, Localized) -> Void) -> IndicatorRowReading? {
        let roles = header.roles
        guard cells.count <= roles.count else { return nil }
        if cells.count == roles.count - 1, let v = header.position(of: .value), header.position(of: .basis) == v + 1,
           v + 1 == roles.count - 1, cells.count - 1 == v, Self.isBasisWord(cells[v])
        {
            // `成本指标 | 控制在预算成本内 | 控制在预算内 | 计划标准` under `一级 | 二级 | 三级 | 指标值 |
            // 绩效标准`: the row ends in the 依据 column and is one cell short on the left, where a
            // category cell spans two columns or was merged from above.
            var shifted = cells
            let at = header.position(of: .level1).map { p in p < cells.count && IndicatorVocabulary.isLevel1(cells[p]) ? p + 1 : p } ?? 0
            shifted.insert("", at: min(at, shifted.count))
            return readByPosition(shifted, line: line, report: report)
        }
        func cell(_ role: IndicatorHeader.Role) -> String {
            guard let p = header.position(of: role), p < cells.count else { return "" }
            return cells[p]
        }
        // Label columns (e.g. the merged `绩效指标` column) must be empty.
        for (i, role) in roles.enumerated() where role == .label && i < cells.count && !cells[i].isEmpty {
            return nil
        }
        // The last filled cell must sit under a value (or basis) column, or, where the header has
        // columns beyond them, at or after the first value column.
        guard let lastFilled = cells.lastIndex(where: { !$0.isEmpty }) else { return nil }
        let lastRole = roles[lastFilled]
        if header.isFlat {
            // A flat list's row: its name, and whatever of its value's parts is filled in (a
            // qualitative indicator leaves its value blank) — when each cell fits its column. A
            // row that does not (a name over two lines, a blank left out, as a page a cell a line
            // shifts them) is said and not read: read by position it would be wrong.
            let lead = roles.prefix { $0 == .label }.count
            let own = Array(cells.dropFirst(lead)) + Array(repeating: "", count: max(0, roles.count - cells.count))
            guard IndicatorHeader.fitsFlat(own, roles: Array(roles.dropFirst(lead))) else {
                let text = cells.filter { !$0.isEmpty }.joined(separator: " ")
                report(.warning, "flat-row-unread", Localized(
                    zh: "平列指标表的行‘\(text.prefix(40))’与表头的列对不上（名称、权重、性质的位置不符），未读取",
                    en: "row ‘\(text.prefix(40))’ of a flat indicator list does not fit the header's columns; not read"))
                return .categoryOnly
            }
        } else if header.hasExtraColumns {
            guard let firstValue = roles.firstIndex(where: { $0 == .value || $0 == .halfYear }), lastFilled >= firstValue else { return nil }
        } else {
            guard lastRole == .value || lastRole == .halfYear || lastRole == .basis else { return nil }
        }

        let l1 = cell(.level1), l2 = cell(.level2), l3 = cell(.level3)
        if !l1.isEmpty && !IndicatorVocabulary.isLevel1(l1) { return nil }
        if IndicatorVocabulary.isValueLike(l3) {
            // (`完成…` under 三级 with a value under 指标值 is the indicator's name.)
            let value = cell(.value).isEmpty ? cell(.halfYear) : cell(.value)
            guard IndicatorVocabulary.isDoneName(l3, before: CollectionOfOne(value)) else { return nil }
        }
        let l3IsCategory = IndicatorVocabulary.isVocabulary(l3)
        if l3IsCategory && l2.isEmpty { return nil }
        if l3IsCategory && l1.isEmpty && IndicatorVocabulary.isLevel1(l2) && l2 != l3 { return nil }
        if l3IsCategory && l1.isEmpty && IndicatorVocabulary.isLevel1(l2) && IndicatorVocabulary.isLevel2(l2) {
            // `→满意度指标→满意度指标→名称→值`: shifted one column right.
            return nil
        }

        var garbage: String?
        if !l2.isEmpty && !IndicatorVocabulary.looksLikeLevel2(l2) {
            guard !l3.isEmpty else { return nil }
            garbage = l2
        }

        if l3.isEmpty {
            // No 三级 name: a continuation row with more values, if it has no category cells.
            guard l1.isEmpty, l2.isEmpty, hasIndicator else { return nil }
            let target = makeTarget(tailCells(cells), line: line, report: report)
            return .continuation(target.first ?? Target(line: line))
        }

        if !l1.isEmpty { level1 = l1; level2 = "" }
        if let garbage {
            report(.warning, "ocr-garbage", Localized(
                zh: "识别错误的乱码格‘\(garbage)’（原为合并的二级指标格），已忽略（二级指标仍为‘\(level2)’）",
                en: "OCR garbage cell ‘\(garbage)’ where a merged 二级指标 cell was; ignored (二级指标 stays ‘\(level2)’)"))
        } else if !l2.isEmpty {
            level2 = l2
        }
        let indicator = Indicator(
            level1: level1, level2: level2, name: l3,
            targets: makeTarget(tailCells(cells), line: line, report: report),
            description: nonEmpty(cell(.description)), basis: nonEmpty(cell(.basis)), line: line)
        hasIndicator = true
        return .indicator(indicator)
    }

    // MARK: Content reading: rows whose cells moved; classify cells by what they say.

    private mutating func readByContent(_ cells: [String], line: Int,
                                        report: (Severity, String, Localized) -> Void) -> IndicatorRowReading? {
        var filled: [Cell] = []
        for (i, c) in cells.enumerated() where !c.isEmpty { filled.append(Cell(text: c, position: i)) }
        guard !filled.isEmpty else { return nil }

        var index = 0
        var newLevel1: String?
        var newLevel2: String?
        let level1Position = header.position(of: .level1) ?? 0
        // The merged label column's text (`绩效指标`) is no category.
        while index < filled.count, Self.isLabelColumnText(filled[index].text) { index += 1 }
        // Peel a 一级 name.
        if index < filled.count, IndicatorVocabulary.isLevel1(filled[index].text) {
            let text = filled[index].text
            let nextIsCategory = index + 1 < filled.count && IndicatorVocabulary.isVocabulary(filled[index + 1].text)
            // Under a root of another name (`实施效果指标`), `产出指标` and `效益指标` are 二级;
            // `成本指标` before an indicator's name is the 二级 of 产出 (before 经济成本指标 and
            // the like it is the 一级 of the 101号 tree).
            let underRoot = IndicatorKind(level1: level1) == .other && !level1.isEmpty && IndicatorVocabulary.isLevel2(text)
            let costAsLevel2 = IndicatorKind(level1: text) == .cost && !nextIsCategory && IndicatorVocabulary.isLevel2(text)
                && !level1.isEmpty && IndicatorKind(level1: level1) != .cost
            if !underRoot, !costAsLevel2,
               !IndicatorVocabulary.isLevel2(text) || nextIsCategory || filled[index].position <= level1Position
            {
                newLevel1 = text
                index += 1
            }
        }
        // Peel a 二级 name.
        if index < filled.count, IndicatorVocabulary.isVocabulary(filled[index].text) || (
            IndicatorVocabulary.looksLikeLevel2(filled[index].text) && index + 1 < filled.count)
        {
            newLevel2 = filled[index].text
            index += 1
        }
        var rest = Array(filled[index...])

        let valueCount = header.valueRoles.count
        let full = 1 + (header.hasDescription ? 1 : 0) + valueCount + (header.hasBasis ? 1 : 0)

        if rest.isEmpty {
            if let newLevel1 { level1 = newLevel1; level2 = "" }
            if let newLevel2 { level2 = newLevel2 }
            report(.warning, "indicator-without-name", Localized(
                zh: "指标行只有类别（\(level1) \(level2)），没有指标", en: "indicator row names only a category (\(level1) \(level2)), no indicator"))
            return .categoryOnly
        }

        // A row of values only: more values for the indicator above.
        if newLevel1 == nil, newLevel2 == nil, hasIndicator,
            Self.areValues(rest.map(\.text), valueCount: valueCount)
                || (rest.count <= valueCount && rest[0].position >= (header.position(of: header.valueRoles.first ?? .value) ?? .max))
        {
            if rest.count > valueCount {
                report(.warning, "extra-cells", Localized(
                    zh: "续行有 \(rest.count) 个值，但只有 \(valueCount) 个指标值列；保留最后 \(valueCount) 个",
                    en: "continuation row has \(rest.count) values for \(valueCount) value column(s); kept the last \(valueCount)"))
                rest = Array(rest.suffix(valueCount))
            }
            return .continuation(makeTarget(values: rightAligned(rest.map(\.text), count: valueCount), line: line, report: report)[0])
        }

        // Values where the 三级 name should be: a row of values that has no indicator to go to
        // (it names a new category, or comes before the first indicator).
        if rest.count <= valueCount, Self.areValues(rest.map(\.text), valueCount: valueCount) {
            if let newLevel1 { level1 = newLevel1; level2 = "" }
            if let newLevel2 { level2 = newLevel2 }
            return .valuesWithoutIndicator(rest.map(\.text))
        }

        // One cell too many before the 三级 name: OCR garbage standing where a merged cell was.
        if rest.count == full + 1, newLevel2 == nil {
            let text = rest[0].text
            if IndicatorVocabulary.looksLikeLevel2(text) {
                newLevel2 = text
            } else {
                report(.warning, "ocr-garbage", Localized(
                    zh: "识别错误的乱码格‘\(text)’（原为合并的二级指标格），已忽略",
                    en: "OCR garbage cell ‘\(text)’ where a merged 二级指标 cell was; ignored"))
            }
            rest.removeFirst()
        }

        if let newLevel1 { level1 = newLevel1; level2 = "" }
        if let newLevel2 { level2 = newLevel2 }

        let name = rest[0].text
        var others = rest.dropFirst().map(\.text)
        if header.hasExtraColumns {
            // Operator, unit, 中期 value, 分值 or 备注 in columns of their own: the cells after the
            // name go to those columns by position, or by what they say when some are missing.
            var assigned = assignTail(others, report: report)
            let description = assigned.first { $0.0 == .description }?.1
            let basis = assigned.first { $0.0 == .basis }?.1
            assigned.removeAll { $0.0 == .description || $0.0 == .basis }
            hasIndicator = true
            return .indicator(Indicator(
                level1: level1, level2: level2, name: name, targets: makeTarget(assigned, line: line, report: report),
                description: description.flatMap(nonEmpty), basis: basis.flatMap(nonEmpty), line: line))
        }
        var description: String?
        var basis: String?
        var values: [String]
        if others.count > full - 1 {
            report(.warning, "extra-cells", Localized(
                zh: "指标行有 \(others.count + 1) 格，应为 \(full) 格；多出的文字记入指标说明",
                en: "indicator row has \(others.count + 1) cells where \(full) were expected; extra text kept in the description"))
            values = Array(others.suffix(valueCount + (header.hasBasis ? 1 : 0)))
            if header.hasBasis { basis = values.removeLast() }
            let middle = others.dropLast(valueCount + (header.hasBasis ? 1 : 0))
            description = middle.joined(separator: " ")
        } else if others.count == full - 1 {
            if header.hasDescription { description = others.removeFirst() }
            if header.hasBasis { basis = others.removeLast() }
            values = others
        } else if others.count <= valueCount {
            values = rightAligned(others, count: valueCount)
        } else {
            // Fewer cells than columns but more than values: description first, then values, then basis.
            if header.hasDescription { description = others.removeFirst() }
            values = Array(others.prefix(valueCount))
            let remaining = others.dropFirst(valueCount)
            if header.hasBasis, let b = remaining.first { basis = b }
        }
        hasIndicator = true
        return .indicator(Indicator(
            level1: level1, level2: level2, name: name,
            targets: makeTarget(values: rightAligned(values, count: valueCount), line: line, report: report),
            description: description.flatMap(nonEmpty), basis: basis.flatMap(nonEmpty), line: line))
    }

    /// A row's cells under the header's columns after the 三级 one, by position.
    private func tailCells(_ cells: [String]) -> [(IndicatorHeader.Role, String)] {
        header.tailPositions.map { k in (header.roles[k], k < cells.count ? cells[k] : "") }
    }

    /// The text of a merged label column (`绩效指标`, `绩 效 指 标`), not a category.
    /// Whether a row's cells are all values; `完成…` before as many values as the header has is
    /// an indicator's name and its values (`完成造林面积 | ≥500亩`).
    static func areValues(_ cells: [String], valueCount: Int) -> Bool {
        guard cells.allSatisfy(IndicatorVocabulary.isValueLike) else { return false }
        return !(cells.count <= valueCount + 1 && IndicatorVocabulary.isDoneName(cells[0], before: cells.dropFirst()))
    }

    static func isLabelColumnText(_ text: String) -> Bool {
        let words = Labels.normalize(text)
        if ["绩效指标", "绩效目标", "指标"].contains(words) { return true }
        // `年度绩效指标`, `中期绩效目标`: the column named with its term.
        return ["年度", "中期", "长期", "实施期"].contains { term in
            words.utf8HasPrefix(term) && ["绩效指标", "绩效目标"].contains(String(words.dropFirst(term.count)))
        }
    }

    func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
