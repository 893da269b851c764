// Blocks → what the form reader walks: rows of a table's grid, lines of text, blank lines.

/// One step of a document for the form reader.
enum FormItem {
    /// A row of a table's grid (spans expanded: a covered position is an empty cell).
    /// `first` marks a table's first row.
    case row(Row, first: Bool)
    /// A line of text outside tables, cleaned (tags, entities, LaTeX, whitespace).
    case text(line: Int, text: String, style: SourceLine.Style)
    case blank(line: Int)
}

enum FormItems {
    static func items(of blocks: [SourceBlock]) -> [FormItem] {
        var items: [FormItem] = []
        items.reserveCapacity(blocks.count * 2)
        for block in blocks {
            switch block {
            case .blank(let line):
                items.append(.blank(line: line))
            case .text(let t):
                let text = CellText.clean(t.text)
                if text.isEmpty {
                    items.append(.blank(line: t.line))
                } else {
                    items.append(.text(line: t.line, text: text, style: t.style))
                }
            case .cells(let entries):
                items.append(contentsOf: StreamRows.items(entries))
            case .table(let table):
                for (i, row) in grid(table).enumerated() {
                    items.append(.row(row, first: i == 0))
                }
            }
        }
        return joinBrokenHeaders(joinFragments(items))
    }

    /// Joins an indicator header whose row a page broke at the line breaks inside its cells
    /// (`绩效指标 | 一级 指标 |` / `二级 指标 |` / `三级 指标 |` / `指标值(或计划水平) | 二级 指标 |`
    /// …, 东莞's 批复表): rows of one or two cells, each a column's name (or the table's caption,
    /// `绩效指标`), the first naming the 一级 column, are one header row.
    static func joinBrokenHeaders(_ items: [FormItem]) -> [FormItem] {
        func piece(_ row: Row) -> [(String, Int)]? {
            // Most rows have more cells: counted first, with no array made.
            var count = 0
            for cell in row.cells where !cell.isEmpty {
                count += 1
                if count > 2 { return nil }
            }
            guard count > 0 else { return nil }
            var cells: [(String, Int)] = []
            for (k, cell) in row.cells.enumerated() where !cell.isEmpty {
                guard IndicatorHeader.role(of: cell) != nil || LabelText.display(cell) == "绩效指标" else { return nil }
                cells.append((cell, row.line(ofCell: k)))
            }
            return cells
        }
        var out: [FormItem] = []
        var i = 0
        while i < items.count {
            // (A byte test first: only a row with `一级` can start such a header.)
            guard case .row(let row, let first) = items[i], row.cells.contains(where: { $0.utf8.count <= 40 && $0.utf8Contains("一级") }),
                  let cells = piece(row), cells.contains(where: { IndicatorHeader.role(of: $0.0) == .level1 })
            else {
                out.append(items[i])
                i += 1
                continue
            }
            var merged = Row(line: row.line, cells: cells.map(\.0), lastLine: row.lastLine, cellLines: cells.map(\.1))
            var k = i + 1
            while k < items.count, case .row(let next, _) = items[k], let more = piece(next) {
                merged.cells += more.map(\.0)
                merged.cellLines += more.map(\.1)
                merged.lastLine = next.lastLine
                k += 1
            }
            let roles = Set(merged.cells.compactMap { IndicatorHeader.role(of: $0) })
            if k - i >= 2, roles.contains(.level2), roles.contains(.level3) || roles.contains(.value) {
                out.append(.row(merged, first: first))
                i = k
            } else {
                out.append(items[i])
                i += 1
            }
        }
        return out
    }

    /// Joins a label that a page broke over lines of a few characters (`年度` / `预算` / `安排`
    /// / `(万元)`, `绩效指标 项目完成` / `指标`) when together they are a label or a category the
    /// vocabulary knows.
    static func joinFragments(_ items: [FormItem]) -> [FormItem] {
        var out: [FormItem] = []
        out.reserveCapacity(items.count)
        var i = 0
        while i < items.count {
            // Only a text line followed by a short one can be a label's first part.
            guard case .text(let line, let text, let style) = items[i], i + 1 < items.count,
                  case .text(_, let next, _) = items[i + 1], next.utf8.count <= 16, next.scalarCount <= 4
            else {
                out.append(items[i])
                i += 1
                continue
            }
            let head = text.lastIndex(where: \.isWhitespace).map { text[text.index(after: $0)...] } ?? Substring(text)
            var parts: [String] = []
            var k = i + 1
            while k < items.count, parts.count < 4, case .text(_, let next, _) = items[k], next.scalarCount <= 4,
                  !next.contains(where: \.isWhitespace)
            {
                parts.append(next)
                k += 1
            }
            var joined = false
            if head.scalarCount <= 8, !parts.isEmpty {
                for count in stride(from: parts.count, through: 1, by: -1) where i + 1 + count < items.count {
                    // An indicator header's first cell broken over lines (`一级` / `指标` / `二级指标
                    // 三级指标 指标值`, the rest of the header on the next line, each cell a column's
                    // name): the header is one line (`指标` alone is a column of flat lists, so the
                    // joining below would not take it).
                    let word = String(head) + parts.prefix(count).joined()
                    guard IndicatorHeader.role(of: word) == .level1, head.endIndex == text.endIndex, head.startIndex == text.startIndex,
                          case .text(_, let rest, _) = items[i + 1 + count],
                          case let columns = rest.split(whereSeparator: \.isWhitespace), columns.count >= 2,
                          columns.allSatisfy({ IndicatorHeader.role(of: String($0)) != nil })
                    else { continue }
                    out.append(.text(line: line, text: word + " " + rest, style: style))
                    i += 2 + count
                    joined = true
                    break
                }
            }
            if !joined, head.scalarCount <= 8, !parts.isEmpty {
                for count in stride(from: parts.count, through: 1, by: -1) {
                    let word = String(head) + parts.prefix(count).joined()
                    guard TextRows.isKnown(word), !TextRows.isKnown(parts[count - 1]) else { continue }
                    out.append(.text(line: line, text: String(text[..<head.startIndex]) + word, style: style))
                    i += 1 + count
                    joined = true
                    break
                }
            }
            if !joined {
                out.append(items[i])
                i += 1
            }
        }
        return out
    }

    /// Upper bounds on spans: a `rowspan` of 10⁶ must not make a million rows.
    static let maxColumns = 256

    /// The table's rows with spans expanded, as the reader's rows.
    static func grid(_ table: SourceTable) -> [Row] {
        let clean: (String) -> String = table.cleaned ? { $0 } : CellText.clean
        let hasSpans = table.rows.contains { $0.contains { $0.rowSpan > 1 || $0.colSpan > 1 } }
        guard hasSpans else {
            return table.rows.enumerated().map { i, cells in
                let line = i < table.rowLines.count ? table.rowLines[i] : cells.first?.line ?? table.firstLine
                return Row(line: line, cells: cells.map { clean($0.text) }, lastLine: cells.map(\.line).max() ?? line,
                           cellLines: cells.map(\.line))
            }
        }
        // Positions taken by a span from a row above: (remaining rows, cell) per column.
        var carried: [Int: (rows: Int, line: Int)] = [:]
        var rows: [Row] = []
        for (i, cells) in table.rows.enumerated() {
            let line = i < table.rowLines.count ? table.rowLines[i] : cells.first?.line ?? table.firstLine
            var texts: [String] = []
            var lines: [Int] = []
            func fillCarried() {
                while let c = carried[texts.count], texts.count < maxColumns {
                    texts.append("")
                    lines.append(c.line)
                    if c.rows <= 1 { carried[texts.count - 1] = nil } else { carried[texts.count - 1] = (c.rows - 1, c.line) }
                }
            }
            for cell in cells {
                fillCarried()
                guard texts.count < maxColumns else { break }
                let span = max(1, min(cell.colSpan, maxColumns - texts.count))
                let down = max(1, min(cell.rowSpan, table.rows.count - i))
                for k in 0..<span {
                    texts.append(k == 0 ? clean(cell.text) : "")
                    lines.append(cell.line)
                    if down > 1 { carried[texts.count - 1] = (down - 1, cell.line) }
                }
            }
            // Spans from above beyond this row's own cells: the row reaches to them.
            while let far = carried.keys.max(), far >= texts.count, texts.count < maxColumns {
                fillCarried()
                if carried[texts.count] == nil && far >= texts.count {
                    texts.append("")
                    lines.append(line)
                }
            }
            rows.append(Row(line: line, cells: texts, lastLine: lines.max() ?? line, cellLines: lines))
        }
        return rows
    }
}
