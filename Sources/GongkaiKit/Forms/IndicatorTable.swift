// Reading indicator rows: merged cells, shifted rows, garbage cells, continuation values.

/// The columns of an indicator table, read from its header row.
struct IndicatorHeader {
    /// A column of an indicator table (the keys of labels.yml's `indicator_columns`).
    enum Role: String, Equatable {
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

    var width: Int { roles.count }
    func position(of role: Role) -> Int? { roles.firstIndex(of: role) }
    var valueRoles: [Role] { roles.filter { $0 == .halfYear || $0 == .value } }
    var hasDescription: Bool { roles.contains(.description) }
    var hasBasis: Bool { roles.contains(.basis) }

    /// The column a header cell names (`一级指标` → `.level1`), or nil for any other text.
    static func role(of cell: String) -> Role? {
        guard !cell.isEmpty, cell.utf8.count <= 60 else { return nil }
        return Vocabulary.current.column(LabelText.key(cell))
    }

    /// Recognises a header row (`一级指标 二级指标 三级指标 指标值 …`); nil for any other row.
    init?(cells: [String], line: Int) {
        // Cheap test first: a header names the 一级 column.
        guard cells.contains(where: { $0.utf8.count <= 16 && $0.utf8Contains("一级") }) else { return nil }
        var roles: [Role] = []
        var seen1 = false, seen2 = false, seen3 = false, seenValue = false
        for cell in cells {
            let role = Self.role(of: cell) ?? .label
            switch role {
            case .level1: seen1 = true
            case .level2: seen2 = true
            case .level3: seen3 = true
            case .value, .halfYear: seenValue = true
            default: break
            }
            roles.append(role)
        }
        guard seen1, seen2, seen3, seenValue else { return nil }
        while roles.last == .label { roles.removeLast() }
        self.roles = roles
        self.line = line
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

    /// The row being read and the line of each of its cells: a target is at its value's cell.
    private var rowCells: [String] = []
    private var rowLines: [Int] = []

    /// The line of the cell holding `text` (the row's last such cell), else `line`.
    private func line(of text: String?, else line: Int) -> Int {
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
                       report: (Severity, String, String) -> Void) -> IndicatorRowReading? {
        rowCells = rawCells
        rowLines = cellLines ?? Array(repeating: line, count: rawCells.count)
        var cells = rawCells
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return nil }

        if let reading = readByPosition(cells, line: line, report: report) { return reading }
        return readByContent(cells, line: line, report: report)
    }

    // MARK: Positional reading: the row's cells sit under the header's columns.

    private mutating func readByPosition(_ cells: [String], line: Int,
                                         report: (Severity, String, String) -> Void) -> IndicatorRowReading? {
        let roles = header.roles
        guard cells.count <= roles.count else { return nil }
        func cell(_ role: IndicatorHeader.Role) -> String {
            guard let p = header.position(of: role), p < cells.count else { return "" }
            return cells[p]
        }
        // Label columns (e.g. the merged `绩效指标` column) must be empty.
        for (i, role) in roles.enumerated() where role == .label && i < cells.count && !cells[i].isEmpty {
            return nil
        }
        // The last filled cell must sit under a value (or basis) column.
        guard let lastFilled = cells.lastIndex(where: { !$0.isEmpty }) else { return nil }
        let lastRole = roles[lastFilled]
        guard lastRole == .value || lastRole == .halfYear || lastRole == .basis else { return nil }

        let l1 = cell(.level1), l2 = cell(.level2), l3 = cell(.level3)
        if !l1.isEmpty && !IndicatorVocabulary.isLevel1(l1) { return nil }
        if IndicatorVocabulary.isValueLike(l3) { return nil }
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
            let target = makeTarget(values: header.valueRoles.map { cell($0) }, line: line)
            return .continuation(target)
        }

        if !l1.isEmpty { level1 = l1; level2 = "" }
        if let garbage {
            report(.warning, "ocr-garbage",
                   "OCR garbage cell ‘\(garbage)’ where a merged 二级指标 cell was; ignored (二级指标 stays ‘\(level2)’)")
        } else if !l2.isEmpty {
            level2 = l2
        }
        let indicator = Indicator(
            level1: level1, level2: level2, name: l3,
            targets: [makeTarget(values: header.valueRoles.map { cell($0) }, line: line)],
            description: nonEmpty(cell(.description)), basis: nonEmpty(cell(.basis)), line: line)
        hasIndicator = true
        return .indicator(indicator)
    }

    // MARK: Content reading: rows whose cells moved; classify cells by what they say.

    private mutating func readByContent(_ cells: [String], line: Int,
                                        report: (Severity, String, String) -> Void) -> IndicatorRowReading? {
        var filled: [Cell] = []
        for (i, c) in cells.enumerated() where !c.isEmpty { filled.append(Cell(text: c, position: i)) }
        guard !filled.isEmpty else { return nil }

        var index = 0
        var newLevel1: String?
        var newLevel2: String?
        let level1Position = header.position(of: .level1) ?? 0
        // Peel a 一级 name.
        if index < filled.count, IndicatorVocabulary.isLevel1(filled[index].text) {
            let text = filled[index].text
            let nextIsCategory = index + 1 < filled.count && IndicatorVocabulary.isVocabulary(filled[index + 1].text)
            if !IndicatorVocabulary.isLevel2(text) || nextIsCategory || filled[index].position <= level1Position {
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
            report(.warning, "indicator-without-name", "indicator row names only a category (\(level1) \(level2)), no indicator")
            return .categoryOnly
        }

        // A row of values only: more values for the indicator above.
        if newLevel1 == nil, newLevel2 == nil, hasIndicator,
            rest.allSatisfy({ IndicatorVocabulary.isValueLike($0.text) })
                || (rest.count <= valueCount && rest[0].position >= (header.position(of: header.valueRoles.first ?? .value) ?? .max))
        {
            if rest.count > valueCount {
                report(.warning, "extra-cells", "continuation row has \(rest.count) values for \(valueCount) value column(s); kept the last \(valueCount)")
                rest = Array(rest.suffix(valueCount))
            }
            return .continuation(makeTarget(values: rightAligned(rest.map(\.text), count: valueCount), line: line))
        }

        // Values where the 三级 name should be: a row of values that has no indicator to go to
        // (it names a new category, or comes before the first indicator).
        if rest.count <= valueCount, rest.allSatisfy({ IndicatorVocabulary.isValueLike($0.text) }) {
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
                report(.warning, "ocr-garbage",
                       "OCR garbage cell ‘\(text)’ where a merged 二级指标 cell was; ignored")
            }
            rest.removeFirst()
        }

        if let newLevel1 { level1 = newLevel1; level2 = "" }
        if let newLevel2 { level2 = newLevel2 }

        let name = rest[0].text
        var others = rest.dropFirst().map(\.text)
        var description: String?
        var basis: String?
        var values: [String]
        if others.count > full - 1 {
            report(.warning, "extra-cells",
                   "indicator row has \(others.count + 1) cells where \(full) were expected; extra text kept in the description")
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
            targets: [makeTarget(values: rightAligned(values, count: valueCount), line: line)],
            description: description.flatMap(nonEmpty), basis: basis.flatMap(nonEmpty), line: line))
    }

    private func rightAligned(_ values: [String], count: Int) -> [String] {
        if values.count >= count { return Array(values.suffix(count)) }
        return Array(repeating: "", count: count - values.count) + values
    }

    private func makeTarget(values: [String], line: Int) -> Target {
        let roles = header.valueRoles
        var half: String?
        var value: String?
        for (role, v) in zip(roles, values) {
            if role == .halfYear { half = nonEmpty(v) } else if value == nil { value = nonEmpty(v) }
        }
        return Target(halfYear: half, value: value, line: self.line(of: value ?? half, else: line))
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
}
