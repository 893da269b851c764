// Rows rebuilt from a document written a cell per paragraph, by what the cells say.

/// Turns the paragraphs of a cell-per-paragraph document (`CellStream`) into the rows and text
/// lines the form reader reads.
///
/// Nothing marks where a row or a table ends, so the vocabulary does: a label (`项目名称`,
/// `年度资金总额`) starts a row that runs to the next label; an indicator header (`一级指标 …
/// 指标值`) gives the width of the rows under it, and each of those rows is cut where its cells
/// best fit the header's columns (a merged cell leaves an empty paragraph, a cell merged across
/// columns is one paragraph for several); titles, numbered projects and narrative items are
/// text. Label fragments on paragraphs of their own (`项目` + `编码`) are joined first.
struct StreamRows {
    private struct Cell {
        var text: String
        var line: Int
    }

    private var cells: [Cell]
    private var items: [FormItem] = []
    private var i = 0
    /// Whether the last item was a table row (an unlabelled run of cells then continues the table).
    private var inTable = false

    static func items(_ entries: [SourceCell]) -> [FormItem] {
        var reader = StreamRows(cells: splitGluedTitles(joinFragments(entries.map { Cell(text: CellText.clean($0.text), line: $0.line) })))
        reader.read()
        return reader.items
    }

    /// A table's last value run into the next form's title (`>80%市级财政项目支出预算绩效目标表`,
    /// as the tab-separated text has it too) is that value and the title, as `FormReader` splits
    /// a row's last cell.
    private static func splitGluedTitles(_ cells: [Cell]) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(cells.count)
        for cell in cells {
            // (What a title starts with, `2024年`, `2023年教育局`, stays in it.)
            if let (value, title) = FormReader.gluedTitle(in: cell.text), Titles.year(in: value) == nil,
               !value.unicodeScalars.contains(where: { $0.properties.isIdeographic && $0 != "万" && !IndicatorVocabulary.isUnit(String($0)) }),
               IndicatorVocabulary.isValueLike(value) || IndicatorVocabulary.isUnfilled(value)
            {
                out.append(Cell(text: value, line: cell.line))
                out.append(Cell(text: title, line: cell.line))
            } else {
                out.append(cell)
            }
        }
        return out
    }

    private init(cells: [Cell]) { self.cells = cells }

    // MARK: Fragments

    /// Joins labels broken into paragraphs of a few characters (`项目` + `编码`, `一级` + `指标`,
    /// `年度` + `预算` + `安排`) when together they are a label the vocabulary knows.
    private static func joinFragments(_ cells: [Cell]) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(cells.count)
        var k = 0
        while k < cells.count {
            var joined = false
            for count in stride(from: 4, through: 2, by: -1) where k + count <= cells.count {
                let parts = cells[k..<k + count]
                // Fragments of a few characters each, or an indicator category's longer head and
                // short tail (`可持续影响` + `指标`).
                let text = parts.map(\.text).joined()
                guard parts.allSatisfy({ !$0.text.isEmpty && $0.text.scalarCount <= 4 })
                    || (count == 2 && !parts.first!.text.isEmpty && parts.first!.text.scalarCount <= 8 && parts.last!.text.scalarCount <= 2
                        && !parts.last!.text.isEmpty && IndicatorVocabulary.isVocabulary(text))
                else { continue }
                guard TextRows.isKnown(text), !TextRows.isKnown(parts.last!.text) else { continue }
                out.append(Cell(text: text, line: parts.first!.line))
                k += count
                joined = true
                break
            }
            if !joined {
                out.append(cells[k])
                k += 1
            }
        }
        return out
    }

    // MARK: Reading

    private mutating func read() {
        while i < cells.count {
            let text = cells[i].text
            if text.isEmpty {
                i += 1
                continue
            }
            if let header = headerStart(i) {
                readIndicators(header)
                continue
            }
            if let width = listHeader(i) {
                readList(width: width)
                continue
            }
            if !isBoundary(i), let kind = Labels.field(text) {
                readField(kind)
                continue
            }
            if inTable, !isBoundary(i), i > 0, cells[i - 1].text.isEmpty {
                // Cells after an empty one (a label merged from above): a row without a label.
                var values: [Cell] = []
                while i < cells.count, !cells[i].text.isEmpty, !isBoundary(i), Labels.field(cells[i].text) == nil, headerStart(i) == nil {
                    values.append(cells[i])
                    i += 1
                }
                emit([Cell(text: "", line: values[0].line)] + values)
                continue
            }
            items.append(.text(line: cells[i].line, text: text, style: .paragraph))
            inTable = false
            i += 1
        }
    }

    /// A cell that is text, not a table cell: a title, a numbered project, a narrative item,
    /// an annex, a year line, or the first line of a title on two lines.
    private func isBoundary(_ k: Int) -> Bool {
        let text = cells[k].text
        if FormText.isTitle(text) || FormText.narrativeItem(text) != nil || text.utf8HasPrefix("附件") { return true }
        // The page's footer after a form (`鲁ICP备…`, `公务邮箱`) is no cell of it.
        if Vocabulary.current.isPageText(text) { return true }
        if let heading = FormText.numberedHeading(text), heading.name.scalarCount >= 4, Labels.field(heading.name) == nil { return true }
        // A year under a label is its value (`完成时间` / `2026年`), not the form's year.
        if FormText.isYearLine(text), !(k > 0 && Labels.field(cells[k - 1].text) != nil) { return true }
        if text.utf8Contains("整体绩效目标") || OverallGoalsReader.isSectionTitle(text) || OverallGoalsReader.isItemTitle(text) { return true }
        if k + 1 < cells.count, cells[k + 1].text == "项目绩效目标表" || cells[k + 1].text == "绩效目标表" { return true }
        return false
    }

    private mutating func emit(_ row: [Cell]) {
        guard let first = row.first(where: { !$0.text.isEmpty }) ?? row.first else { return }
        let lines = row.map(\.line)
        items.append(.row(Row(line: first.line, cells: row.map(\.text), lastLine: lines.max() ?? first.line, cellLines: lines), first: !inTable))
        inTable = true
    }

    // MARK: Fields

    private mutating func readField(_ kind: FieldKind) {
        let label = cells[i]
        i += 1
        switch kind {
        case .spendingPlan:
            // `资金支出计划（%）`, the dates, then (after the empty cell under the label) the shares.
            var dates: [Cell] = []
            while i < cells.count, isPlanDate(cells[i].text) {
                dates.append(cells[i])
                i += 1
            }
            emit([label] + dates)
            skipEmpty()
            var shares: [Cell] = []
            while i < cells.count, shares.count < dates.count, !cells[i].text.isEmpty, !isBoundary(i), Labels.field(cells[i].text) == nil {
                shares.append(cells[i])
                i += 1
            }
            if !shares.isEmpty { emit([Cell(text: "", line: shares[0].line)] + shares) }
        case .subItems:
            // `绩效支出明细`, its column labels, then a row per sub-item.
            var columns: [Cell] = []
            while i < cells.count, !cells[i].text.isEmpty, !isBoundary(i), Labels.field(cells[i].text) == nil, headerStart(i) == nil {
                columns.append(cells[i])
                i += 1
            }
            emit([label] + columns)
            let width = max(1, columns.count)
            while true {
                skipEmpty()
                guard i < cells.count, !isBoundary(i), Labels.field(cells[i].text) == nil, headerStart(i) == nil else { break }
                var row: [Cell] = []
                while i < cells.count, row.count < width, Labels.field(cells[i].text) == nil, headerStart(i) == nil, !isBoundary(i) {
                    row.append(cells[i])
                    i += 1
                }
                emit(row)
            }
        default:
            if i < cells.count, cells[i].text.isEmpty {
                // The label's own cell is empty.
                emit([label, cells[i]])
                i += 1
                return
            }
            var values: [Cell] = []
            while i < cells.count, !cells[i].text.isEmpty, !isBoundary(i), Labels.field(cells[i].text) == nil, headerStart(i) == nil,
                  !(FormText.isSectionTitle(cells[i].text) && headerStart(i + 1) != nil)
            {
                values.append(cells[i])
                i += 1
            }
            emit([label] + values)
        }
    }

    private mutating func skipEmpty() {
        while i < cells.count, cells[i].text.isEmpty { i += 1 }
    }

    private func isPlanDate(_ text: String) -> Bool {
        !text.isEmpty && text.scalarCount <= 8 && (text.utf8Contains("月") || text.utf8Contains("季度") || text.utf8Contains("年底"))
    }

    // MARK: Lists (the 公开清单)

    /// A list's header at `k` (`序号 项目名称 预算金额`): its width.
    private func listHeader(_ k: Int) -> Int? {
        guard Labels.normalize(cells[k].text) == "序号" else { return nil }
        var j = k + 1
        while j < cells.count, j - k < 8, !cells[j].text.isEmpty, Money(wan: cells[j].text) == nil, Int(cells[j].text) == nil {
            j += 1
        }
        let names = cells[k + 1..<j].map { Labels.normalize($0.text) }
        guard names.contains(where: { $0.utf8Contains("名称") }) else { return nil }
        return j - k
    }

    private mutating func readList(width: Int) {
        emit(Array(cells[i..<i + width]))
        i += width
        while i < cells.count, !isBoundary(i), Int(cells[i].text) != nil || cells[i].text.utf8HasPrefix("合计") || cells[i].text.utf8HasPrefix("总计") {
            let end = min(cells.count, i + width)
            emit(Array(cells[i..<end]))
            i = end
        }
    }

    // MARK: Indicators

    /// An indicator header starting at `k`: its cells (with a label cell before them, like
    /// `绩效指标`) and where it ends.
    private func headerStart(_ k: Int) -> (cells: [Cell], end: Int)? {
        guard k < cells.count, !cells[k].text.isEmpty else { return nil }
        var j = k
        var header: [Cell] = []
        if IndicatorHeader.role(of: cells[j].text) == nil {
            // A label column before the header: `绩效指标`.
            // `指标` before a flat list's columns (`指标 | 指标权重 | …`) is its name column.
            let flatName = IndicatorHeader.isFlatName(cells[j].text)
            if !flatName {
                guard ["绩效指标", "绩效目标", "指标"].contains(cells[j].text), j + 1 < cells.count,
                      IndicatorHeader.role(of: cells[j + 1].text) == .level1 || IndicatorHeader.isFlatName(cells[j + 1].text) else { return nil }
                header.append(cells[j])
                j += 1
            }
            if IndicatorHeader.isFlatName(cells[j].text), IndicatorHeader.role(of: cells[j].text) == nil {
                header.append(cells[j])
                j += 1
            }
        } else if IndicatorHeader.role(of: cells[j].text) != .level1 && !IndicatorHeader.isFlatName(cells[j].text) {
            return nil
        }
        while j < cells.count, IndicatorHeader.role(of: cells[j].text) != nil {
            header.append(cells[j])
            j += 1
        }
        guard IndicatorHeader(cells: header.map(\.text), line: header[0].line) != nil else { return nil }
        return (header, j)
    }

    private mutating func readIndicators(_ start: (cells: [Cell], end: Int)) {
        emit(start.cells)
        i = start.end
        guard let header = IndicatorHeader(cells: start.cells.map(\.text), line: start.cells[0].line) else { return }
        let roles = header.roles
        let width = roles.count
        while i < cells.count {
            // Where the rows under this header end: a title, a new header, a label of the form, a
            // section title before a header.
            var limit = i
            while limit < cells.count, limit - i < width * 2 {
                if ends(at: limit) { break }
                limit += 1
            }
            guard limit > i else { break }
            if !roles.contains(.level1) {
                // A flat list (`指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`) has no categories to
                // merge: each row is as wide as its header, its blank cells kept.
                // (A label column before the header, `绩效指标`, spans the rows: no cell of theirs.)
                let lead = roles.prefix { $0 == .label }.count
                let rowWidth = width - lead
                guard rowWidth > 0, limit - i >= rowWidth else { break }
                emit(Array(repeating: Cell(text: "", line: cells[i].line), count: lead) + Array(cells[i..<(i + rowWidth)]))
                i += rowWidth
                continue
            }
            // The row's length: its cells end with a value, and the next cell starts a row.
            // (A cell merged across columns is one paragraph, so a row can be shorter than the
            // header; a table cut in two adds an empty paragraph before its first row.)
            var best = min(width, limit - i)
            var bestStart = width - best
            var bestScore = Int.min
            let longest = min(width + (cells[i].text.isEmpty ? 1 : 0), limit - i)
            // The column a row starting with a category name starts in.
            let first = cells[i].text
            let categoryStart = IndicatorVocabulary.isLevel1(first) ? roles.firstIndex(of: .level1)
                : IndicatorVocabulary.looksLikeLevel2(first) ? roles.firstIndex(of: .level2) : nil
            for length in 1...longest {
                // Where the row's cells sit: under the header's last columns (those before them
                // were merged from above), or, for a row starting with its 一级 or 二级 name, from
                // that name's column on (its last cell merged across the columns after it).
                let shown = min(length, width)
                let skip = length - shown  // the empty paragraph before a table's first row
                var starts = [width - shown]
                if let categoryStart, categoryStart + shown <= width, categoryStart != starts[0] { starts.append(categoryStart) }
                for start in starts {
                    var score = 0
                    for k in 0..<shown {
                        let text = cells[i + skip + k].text
                        guard !text.isEmpty else { continue }
                        switch roles[start + k] {
                        case .level1, .level2, .level3:
                            // A 一级 column holds a 一级 name and a 二级 column a 二级 name
                            // (`信息管理及时性`, `及时` are one row's name and value, not its 一级 and
                            // 二级); a 一级 name is no indicator's name.
                            let role = roles[start + k]
                            if role == .level1, !IndicatorVocabulary.isLevel1(text) { score -= 3 }
                            if role == .level2, !IndicatorVocabulary.looksLikeLevel2(text) { score -= 2 }
                            if role == .level3, IndicatorVocabulary.isLevel1(text) { score -= 2 }
                            // A value never stands in a name's column: `协理员人数（人）`, `=315个`
                            // is one row, not the head of a row that runs on into the next one's
                            // name and value. (A figure or a comparison: a word such as `完成时间`
                            // can be a name.)
                            if let first = text.unicodeScalars.first, !first.properties.isIdeographic,
                               IndicatorVocabulary.isValueLike(text) { score -= 6 }
                        case .label:
                            break
                        case let role:
                            // A cell under a column after the name's (value, description, basis).
                            score += Self.fit(text, role)
                        }
                    }
                    if i + length < cells.count, !ends(at: i + length) {
                        score += Self.startScore(cells[i + length].text, next: i + length + 1 < cells.count ? cells[i + length + 1].text : nil)
                    }
                    if length == width { score += 1 }
                    if score > bestScore || (score == bestScore && length == width) {
                        bestScore = score
                        best = length
                        bestStart = start
                    }
                }
                // A row cut after its name (the name's cell ends where the next row's merged
                // cell begins): read whole when its cells sit under the header's first columns.
                if let nameColumn = roles.firstIndex(of: .level3), length == nameColumn + 1,
                   i + length < cells.count, cells[i + length].text.isEmpty
                {
                    var head = 2
                    for (k, role) in roles.prefix(length).enumerated() {
                        let text = cells[i + k].text
                        switch role {
                        case .level1: head += text.isEmpty ? 1 : (IndicatorVocabulary.isLevel1(text) ? 2 : -4)
                        case .level2: head += text.isEmpty ? 1 : (IndicatorVocabulary.looksLikeLevel2(text) ? 2 : -4)
                        case .level3: head += !text.isEmpty && !IndicatorVocabulary.isVocabulary(text) && !IndicatorVocabulary.isValueLike(text) ? 2 : -4
                        default: head += text.isEmpty ? 1 : -4
                        }
                    }
                    if head > bestScore {
                        bestScore = head
                        best = length
                        bestStart = 0
                    }
                }
            }
            var row = Array(cells[i..<i + best])
            // The columns before the row's first cell were merged from above. (A row too short
            // to reach the name's column is left as it is: a name alone at the end of a cut
            // table, or values going on from the row above, are told apart by what they say.)
            if bestStart > 0, let nameColumn = roles.firstIndex(of: .level3),
               bestStart <= nameColumn, bestStart + best > nameColumn
            {
                row.insert(contentsOf: Array(repeating: Cell(text: "", line: row[0].line), count: bestStart), at: 0)
            }
            i += best
            emit(row)
        }
    }

    /// Whether the rows of an indicator table end at `k`.
    private func ends(at k: Int) -> Bool {
        let text = cells[k].text
        if text.isEmpty { return false }
        if isBoundary(k) || headerStart(k) != nil || FormText.isTableCaption(text) { return true }
        if FormText.isSectionTitle(text), headerStart(k + 1) != nil { return true }
        // A label that starts a form's header ends the table (an amount or a narrative label
        // can be an indicator's name: `项目金额`).
        switch Labels.field(text) {
        case .name?, .code?, .department?, .departmentLevel?, .unit?, .subItems?, .spendingPlan?, .fundingGroup?, .spendingGroup?:
            return !IndicatorVocabulary.isVocabulary(text)
        default:
            return false
        }
    }

    /// How well a cell fits one of the last columns of an indicator row: a value under a value
    /// column, text under a description or basis column; never a 一级/二级 name.
    private static func fit(_ cell: String, _ role: IndicatorHeader.Role) -> Int {
        if cell.isEmpty { return 0 }
        if IndicatorVocabulary.isVocabulary(cell) { return -4 }
        // An unfilled template value (`公里`, `≧ %`) stands where a value does.
        let valueLike = IndicatorVocabulary.isValueLike(cell) || IndicatorVocabulary.isUnfilled(cell)
        switch role {
        case .value, .halfYear: return valueLike ? 3 : 1
        case .basis: return valueLike ? -1 : 1
        default: return 1
        }
    }

    /// How well a cell starts an indicator row: an empty (merged) cell or a 一级/二级 name does,
    /// a value cannot. (`完成…` before a value is a name: `完成造林面积`, `≥500亩`.)
    private static func startScore(_ cell: String, next: String?) -> Int {
        if cell.isEmpty { return 2 }
        if let next, IndicatorVocabulary.isDoneName(cell, before: CollectionOfOne(next)) { return 0 }
        if IndicatorVocabulary.isValueLike(cell) || IndicatorVocabulary.isUnfilled(cell) { return -4 }
        return IndicatorVocabulary.isLevel1(cell) || IndicatorVocabulary.looksLikeLevel2(cell) ? 2 : 0
    }
}
