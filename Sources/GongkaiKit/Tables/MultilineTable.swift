// pandoc's multiline and simple tables: space-aligned columns under dashed rules.

/// Reads pandoc's multiline and simple tables.
///
/// Recognised at their first line, which is one of:
/// - a rule of dashes, then header lines, then the header's underline of dash groups
///   (`------ ------`): a **multiline** table, rows separated by blank lines, closed by a rule
///   (what `pandoc -t markdown` writes, indented two spaces);
/// - a line of text over an underline of two or more dash groups: a **simple** table, one row
///   a line, up to a blank line or a closing rule;
/// - an underline of two or more dash groups with no header: rows up to a closing rule, one a
///   line (simple) or separated by blank lines (multiline).
///
/// The columns are the dash groups of the underline, counted in display columns as pandoc lays
/// them out (a CJK character is 2 wide); each column's text runs from its dashes to the next
/// column's (the last to the line's end), as pandoc's reader splits it. Text left of the first
/// column is kept in the first. A cell's lines are joined as `WrappedCell` says. A line of only
/// spaces that reaches the last column is an empty row (pandoc writes an empty row that way,
/// and its own reader loses it); a shorter blank line separates rows. One-column tables are not
/// recognised (a dashed line over text is a heading or a rule). A table with a header whose
/// closing rule is missing is read up to two blank lines in a row or the end, with a problem.
public enum MultilineTable {
    /// At most this many header lines between the top rule and the underline.
    static let maxHeaderLines = 50

    /// The multiline or simple table whose first line is `line`, reading no further than
    /// `last`, or nil when no such table starts there.
    public static func scan(_ text: SourceText, at line: Int, through last: Int? = nil, flavor: MarkdownFlavor = .pandoc) -> TableScan? {
        let last = min(last ?? text.lineCount, text.lineCount)
        guard line >= 1, line <= last else { return nil }
        return text.withBytes { bytes in
            MultilineReader(text: text, bytes: bytes, last: last, flavor: flavor).scan(line)
        }
    }
}

private struct MultilineReader {
    let text: SourceText
    let bytes: UnsafeBufferPointer<UInt8>
    let last: Int
    let flavor: MarkdownFlavor

    /// The display columns where the dash groups of line `n` start, or nil when the line is
    /// not dashes and spaces (up to three spaces before).
    func dashGroups(_ n: Int) -> [Int]? {
        let r = text.lineRange(n)
        var i = r.lowerBound
        while i < r.upperBound && bytes[i] == 0x20 && i - r.lowerBound < 3 { i += 1 }
        guard i < r.upperBound, bytes[i] == 0x2D else { return nil }
        var starts: [Int] = []
        var inDashes = false
        while i < r.upperBound {
            switch bytes[i] {
            case 0x2D:
                if !inDashes { starts.append(i - r.lowerBound) }
                inDashes = true
            case 0x20:
                inDashes = false
            default:
                return nil
            }
            i += 1
        }
        return starts
    }

    /// A line with nothing in it (a row separator), as opposed to a line of spaces that reaches
    /// `reach` (an empty row).
    func isSeparator(_ n: Int, reach: Int) -> Bool {
        text.isBlank(n) && text.lineRange(n).count <= reach
    }

    func scan(_ start: Int) -> TableScan? {
        if let top = dashGroups(start) {
            if top.count == 1 {
                return multilineWithHeader(start)
            }
            return headless(start, columns: top)
        }
        // A simple table: one header line over its underline, rows up to a blank line or a rule.
        guard !text.isBlank(start), start < last, let columns = dashGroups(start + 1), columns.count >= 2 else { return nil }
        var body = readRows(from: start + 2, columns: columns, multiline: false)
        body.rows.insert(row([start], columns), at: 0)
        body.rowLines.insert(start, at: 0)
        body.closed = true  // a blank line ends a simple table as well as a rule
        return finish(start, body)
    }

    /// A rule, header lines, the underline, rows between blank lines, a closing rule.
    func multilineWithHeader(_ start: Int) -> TableScan? {
        var n = start + 1
        var header: [Int] = []
        while n <= last, header.count < MultilineTable.maxHeaderLines, !text.isBlank(n), dashGroups(n) == nil {
            header.append(n)
            n += 1
        }
        guard !header.isEmpty, n <= last, let columns = dashGroups(n), columns.count >= 2 else { return nil }
        var body = readRows(from: n + 1, columns: columns, multiline: true)
        body.rows.insert(row(header, columns), at: 0)
        body.rowLines.insert(header[0], at: 0)
        return finish(start, body)
    }

    /// An underline without a header: rows to the closing rule, one a line or between blank lines.
    func headless(_ start: Int, columns: [Int]) -> TableScan? {
        // Multiline when a blank line comes before the closing rule.
        var n = start + 1
        var multiline = false
        while n <= last, dashGroups(n) == nil {
            if isSeparator(n, reach: columns[columns.count - 1]) {
                if n + 1 <= last && text.isBlank(n + 1) { break }
                multiline = true
            }
            n += 1
        }
        guard n <= last, dashGroups(n) != nil, n > start + 1 else { return nil }
        return finish(start, readRows(from: start + 1, columns: columns, multiline: multiline))
    }

    struct Body {
        var rows: [[SourceCell]] = []
        var rowLines: [Int] = []
        var end: Int
        var closed: Bool
        var tooWide = false
    }

    /// Rows from line `from`: each line a row, or each run of lines between separators one.
    func readRows(from: Int, columns: [Int], multiline: Bool) -> Body {
        var body = Body(end: from - 1, closed: false)
        let reach = columns[columns.count - 1]
        var group: [Int] = []
        var n = from
        var budget = CellBudget(columns: columns.count)
        var bytesRead = 0
        func flush() {
            if !group.isEmpty {
                if budget.spend(cells: columns.count, bytes: bytesRead) {
                    body.rows.append(row(group, columns))
                    body.rowLines.append(group[0])
                } else {
                    body.tooWide = true
                }
                bytesRead = 0
                group = []
            }
        }
        while n <= last {
            bytesRead += text.lineRange(n).count + 1
            if dashGroups(n) != nil {
                flush()
                body.end = n
                body.closed = true
                return body
            }
            if isSeparator(n, reach: reach) {
                flush()
                // Two blank lines in a row: the table ended without its rule.
                if !multiline || (n + 1 <= last && text.isBlank(n + 1) && isSeparator(n + 1, reach: reach)) { break }
            } else {
                group.append(n)
                body.end = n
                if !multiline { flush() }
            }
            n += 1
        }
        flush()
        return body
    }

    func finish(_ start: Int, _ body: Body) -> TableScan {
        let end = max(body.end, start)
        if body.tooWide {
            return TableScan(table: nil, problems: [.unreadable(.multiline, line: start, why: CellBudget.exceeded)], firstLine: start, lastLine: end)
        }
        let table = SourceTable(shape: .multiline, rows: body.rows, firstLine: start, lastLine: end, rowLines: body.rowLines)
        var problems: [TableProblem] = []
        if !body.closed {
            problems.append(TableProblem(
                .warning, shape: .multiline, line: start, code: "table-unterminated",
                Localized(zh: "多行表格到第 \(end) 行没有结束的虚线，已按现有的行读取；请检查表格是否完整",
                          en: "the multiline table has no closing dashed rule by line \(end); it was read as far as it goes: check that the table is complete")))
        }
        return TableScan(table: table, problems: problems, firstLine: start, lastLine: end)
    }

    /// One row from its lines: each column's pieces joined.
    func row(_ lines: [Int], _ columns: [Int]) -> [SourceCell] {
        var pieces = [[String]](repeating: [], count: columns.count)
        var firstLine = [Int](repeating: lines[0], count: columns.count)
        var firstColumn = [Int?](repeating: nil, count: columns.count)
        var emptyColumn = [Int](repeating: 1, count: columns.count)
        for (k, n) in lines.enumerated() {
            let layout = LineLayout(bytes, text.lineRange(n))
            var from = 0
            for c in 0..<columns.count {
                let to = c + 1 < columns.count ? layout.firstIndex(atOrAfter: columns[c + 1]) : layout.count
                if k == 0 { emptyColumn[c] = min(layout.firstIndex(atOrAfter: columns[c]), layout.count) + 1 }
                let range = layout.range(from: from, to: to)
                let piece = WrappedCell.line(bytes, range, last: k == lines.count - 1)
                if firstColumn[c] == nil && !piece.isEmpty {
                    var i = range.lowerBound
                    var spaces = 0
                    while i < range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1; spaces += 1 }
                    firstLine[c] = n
                    firstColumn[c] = from + spaces + 1
                }
                pieces[c].append(piece)
                from = max(from, to)
            }
        }
        return (0..<columns.count).map { c in
            SourceCell(text: Escapes.read(WrappedCell.join(pieces[c]), flavor), line: firstLine[c], column: firstColumn[c] ?? emptyColumn[c])
        }
    }
}
