// `|` tables: GFM pipe tables (pandoc-gfm, markitdown) and the `|` text of web pages, split into
// rows of cells by one scan over each line's bytes.

/// Reads `|` rows.
///
/// Two shapes:
/// - **GFM pipe tables**: a row of cells, then a delimiter row (`|---|:--:|`), then rows, one a
///   line, up to the first line without an unescaped `|` (GFM also takes such a line as a row;
///   here it ends the table, so that a paragraph written right after a table stays text).
///   Leading and trailing pipes are optional and padding is trimmed. markitdown's empty header
///   row (`|  |  |` over `| --- |`) is dropped. A row shorter than the delimiter row is padded
///   with empty cells **on the left**: markitdown drops the cells a vertical merge covers, and in
///   forms those are the label columns at the left, so the row's last cell belongs in the last
///   column. (GFM itself pads on the right; no writer seen here writes short rows that way.)
/// - **Web-page `|` text**, no delimiter row. A line with two cells, or a leading pipe and a
///   cell (`a | b | |||||`, `| a | b |`), is a row of its own. A line holding one cell and its
///   pipe (`a |`) is the next cell of the current row (a row of its own right after such a
///   row), and text lines closed by a line of pipes alone are one cell of several lines
///   (`项目资金` / `(万元)` / `|`; at most `maxCellLines`). A row ends where the text marks it:
///   at a line of pipes when no cell is open (`a |` then `|`), at pipes after a cell on its line
///   (`a | |||`: a merged cell padded to the row's end, the padding read as empty cells) and at
///   a line of several pipes. An unmarked row end is not guessed: where every cell is followed
///   by one `|` (mengcheng) the cells run on, and a `|` after a closed cell (an empty value in
///   mengcheng, a row end in bozhou) ends the row. Text before a cell's line (`附件2` then
///   `项目名称 |`) is not the table's: it ends the table, or does not start one.
///
/// Cell text is trimmed and read in the given flavor (CommonMark: backslash escapes removed,
/// `\|` → `|`). A cell's column is the 1-based character column where its text starts (for an
/// empty cell, just after its pipe); a cell alone on its line, or one padded in on the left, has
/// none.
public enum PipeTable {
    /// The longest run of text lines read as one cell of `|` text (a vertical label written one
    /// character a line, `总`/`体`/`目`/`标`, has four).
    static let maxCellLines = 12

    /// The `|` table starting at `line`, reading no further than `last` (default: the end), or
    /// nil when no `|` table starts there (fewer than two cells, or a text line that no `|` line
    /// closes).
    ///
    /// `isLabel` tells the words a form's vocabulary knows: in web-page `|` text, a few short
    /// lines with no pipe right before a cell's line are that cell's first lines when together
    /// they make such a word (`项目资金` / `(万元) |`, `绩` / `效` / `指` / `标 |`).
    public static func scan(_ text: SourceText, at line: Int, through last: Int? = nil, flavor: MarkdownFlavor = .commonMark,
                            isLabel: ((String) -> Bool)? = nil) -> TableScan? {
        let last = min(last ?? text.lineCount, text.lineCount)
        guard line >= 1, line <= last else { return nil }
        return text.withBytes { bytes in
            PipeReader(text: text, bytes: bytes, last: last, flavor: flavor, isLabel: isLabel).scan(at: line)
        }
    }
}

/// One `|` line split into cells: byte ranges of the trimmed texts and their columns.
struct PipeLine {
    struct Cell {
        var range: Range<Int>
        var column: Int
    }

    var cells: [Cell] = []
    var pipes = 0
    var leadingPipe = false
    var nonEmpty = 0

    /// Splits `range` at its unescaped pipes, as GFM does (pipes in code spans split too).
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var i = range.lowerBound
        let end = range.upperBound
        var column = 1
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1; column += 1 }
        if i < end && bytes[i] == 0x7C {
            leadingPipe = true
            pipes = 1
            i += 1
            column += 1
        }
        var start = i
        var startColumn = column
        while i < end {
            let b = bytes[i]
            if b == 0x5C && i + 1 < end && Escapes.isASCIIPunctuation(bytes[i + 1]) {
                i += 2
                column += 2
                continue
            }
            if b == 0x7C {
                add(bytes, start..<i, startColumn)
                pipes += 1
                start = i + 1
                startColumn = column + 1
            }
            if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        add(bytes, start..<end, startColumn)
        // The segment after a trailing pipe is not a cell.
        if pipes > (leadingPipe ? 1 : 0), let lastCell = cells.last, lastCell.range.isEmpty, lastCell.range.lowerBound == Self.trimmedEnd(bytes, range) {
            cells.removeLast()
        }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ column: Int) {
        var lower = range.lowerBound
        var upper = range.upperBound
        var column = column
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1; column += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        if lower == upper { lower = range.upperBound; upper = range.upperBound } else { nonEmpty += 1 }
        cells.append(Cell(range: lower..<upper, column: column))
    }

    static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var upper = range.upperBound
        while upper > range.lowerBound && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        return upper
    }

    /// Whether the line is a GFM delimiter row: cells of `-` with optional `:` at either end.
    func isDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard pipes > 0, !cells.isEmpty else { return false }
        for cell in cells {
            var lower = cell.range.lowerBound
            var upper = cell.range.upperBound
            if lower < upper && bytes[lower] == 0x3A { lower += 1 }
            if upper > lower && bytes[upper - 1] == 0x3A { upper -= 1 }
            guard lower < upper else { return false }
            for i in lower..<upper where bytes[i] != 0x2D { return false }
        }
        return true
    }

    /// Pipes and spaces only.
    var isPipesOnly: Bool { pipes > 0 && nonEmpty == 0 }
    /// A row by itself: two cells with text, or a leading pipe and one.
    var isRow: Bool { nonEmpty >= 2 || (leadingPipe && nonEmpty == 1) }
    /// One cell followed by its pipe (and maybe padding pipes): `a |`, `a | |||`.
    var isCell: Bool { pipes > 0 && nonEmpty == 1 && !leadingPipe }
}

/// The scan of one `|` table.
private struct PipeReader {
    let text: SourceText
    let bytes: UnsafeBufferPointer<UInt8>
    let last: Int
    let flavor: MarkdownFlavor
    let isLabel: ((String) -> Bool)?

    init(text: SourceText, bytes: UnsafeBufferPointer<UInt8>, last: Int, flavor: MarkdownFlavor, isLabel: ((String) -> Bool)?) {
        self.text = text
        self.bytes = bytes
        self.last = last
        self.flavor = flavor
        self.isLabel = isLabel
    }

    func split(_ n: Int) -> PipeLine { PipeLine(bytes, text.lineRange(n)) }

    func cell(_ c: PipeLine.Cell, line: Int, column: Bool = true) -> SourceCell {
        SourceCell(text: Escapes.string(UnsafeBufferPointer(rebasing: bytes[c.range]), flavor), line: line, column: column ? c.column : nil)
    }

    /// Whether line `n` has an unescaped pipe: not a text line.
    func hasPipe(_ n: Int) -> Bool {
        let r = text.lineRange(n)
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            if b == 0x7C { return true }
            i += (b == 0x5C && i + 1 < r.upperBound && Escapes.isASCIIPunctuation(bytes[i + 1])) ? 2 : 1
        }
        return false
    }

    func scan(at start: Int) -> TableScan? {
        if text.isBlank(start) { return nil }
        if hasPipe(start), start < last {
            let delimiter = split(start + 1)
            if delimiter.isDelimiterRow(bytes) { return gfm(start, delimiter: delimiter) }
        }
        return web(start)
    }

    // MARK: GFM

    func gfm(_ start: Int, delimiter: PipeLine) -> TableScan? {
        let header = split(start)
        let width = delimiter.cells.count
        var rows: [[SourceCell]] = []
        var rowLines: [Int] = []
        // markitdown's empty header row stands for no header: the table starts at the next row.
        if header.nonEmpty > 0 {
            rows.append(header.cells.map { cell($0, line: start) })
            rowLines.append(start)
        }
        var n = start + 2
        var budget = CellBudget(columns: width)
        while n <= last, !text.isBlank(n), hasPipe(n) {
            let line = split(n)
            guard budget.spend(cells: max(width, line.cells.count), bytes: text.lineRange(n).count + 1) else {
                var end = n
                while end < last, !text.isBlank(end + 1), hasPipe(end + 1) { end += 1 }
                return TableScan(table: nil, problems: [.unreadable(.pipes, line: start, why: CellBudget.exceeded)], firstLine: start, lastLine: end)
            }
            var row = line.cells.map { cell($0, line: n) }
            if row.count < width {
                let padding = (0..<(width - row.count)).map { _ in SourceCell(text: "", line: n) }
                row.insert(contentsOf: padding, at: 0)
            }
            rows.append(row)
            rowLines.append(n)
            n += 1
        }
        let table = SourceTable(shape: .pipes, rows: rows, firstLine: start, lastLine: n - 1, rowLines: rowLines)
        return TableScan(table: table, firstLine: start, lastLine: n - 1)
    }

    // MARK: Web-page `|` text

    /// Whether the text lines from `n` are closed, within `maxCellLines`, by a line of pipes
    /// alone: they are then the lines of one cell (`项目资金` / `(万元)` / `|`). Text lines before a
    /// cell's own line (`附件2` / `…绩效目标表` / `项目名称 |`) are paragraphs between tables.
    func isClosedCell(_ n: Int) -> Bool {
        var k = n
        while k <= last, k < n + PipeTable.maxCellLines {
            if text.isBlank(k) { return false }
            if hasPipe(k) { return split(k).isPipesOnly }
            k += 1
        }
        return false
    }

    /// The line of the cell that the short text lines from `n` begin, when together with that
    /// cell's text they make a word the vocabulary knows (`一级` / `指标 |`); nil otherwise.
    func labelCellLine(_ n: Int) -> Int? {
        guard let isLabel else { return nil }
        var parts: [String] = []
        var k = n
        while k <= last, k < n + 4, !text.isBlank(k), !hasPipe(k) {
            let part = text.line(k).trimmingWhitespace()
            guard part.scalarCount <= 6 else { return nil }
            parts.append(part)
            k += 1
        }
        guard !parts.isEmpty, k <= last, hasPipe(k) else { return nil }
        let line = split(k)
        guard line.isCell, let c = line.cells.first(where: { !$0.range.isEmpty }) else { return nil }
        let tail = cell(c, line: k).text
        guard tail.scalarCount <= 8, !isLabel(tail), isLabel(parts.joined() + tail) else { return nil }
        return k
    }

    func web(_ start: Int) -> TableScan? {
        // A table starts at a `|` line, or at the one text line right before a line of pipes
        // alone (`项目支出绩效目标表` / `|`).
        if !hasPipe(start) {
            guard start < last, hasPipe(start + 1), split(start + 1).isPipesOnly else { return nil }
        }
        var rows: [[SourceCell]] = []
        var row: [SourceCell] = []
        var open: [(line: Int, text: String)] = []
        var cellCount = 0
        var previousWasRow = false

        func flush() {
            if !row.isEmpty { rows.append(row); cellCount += row.count }
            row = []
        }
        func closeOpen() {
            row.append(SourceCell(text: Escapes.read(open.map(\.text).joined(separator: "\n"), flavor), line: open[0].line))
            open = []
        }

        var n = start
        var end = start - 1
        // The first lines of the next cell, when a label was broken over lines before it.
        var head: (line: Int, text: String)?
        while n <= last, !text.isBlank(n) {
            if !hasPipe(n) {
                if open.isEmpty, n > start, head == nil, !isClosedCell(n), let k = labelCellLine(n) {
                    head = (n, (n..<k).map { text.line($0).trimmingWhitespace() }.joined())
                    end = k - 1
                    n = k
                    continue
                }
                // Text lines belong to the table only as a cell that a later `|` line closes.
                if open.isEmpty, n > start, !isClosedCell(n) { break }
                open.append((n, WrappedCell.line(bytes, text.lineRange(n), last: true)))
                previousWasRow = false
                end = n
                n += 1
                continue
            }
            let line = split(n)
            if line.isRow {
                flush()
                row = line.cells.map { cell($0, line: n) }
                flush()
                previousWasRow = true
            } else if line.isCell, let index = line.cells.firstIndex(where: { !$0.range.isEmpty }) {
                let padding = line.cells.count - index - 1
                var first = cell(line.cells[index], line: n, column: false)
                if let h = head {
                    first = SourceCell(text: h.text + first.text, line: h.line)
                    head = nil
                }
                row.append(first)
                row.append(contentsOf: line.cells[(index + 1)...].map { cell($0, line: n) })
                // Right after a row of its own (`a | b`), a cell's line is a row too (`项目资金 |`).
                if padding > 0 || previousWasRow { flush() }
                previousWasRow = false
            } else {
                // Pipes alone close an open cell; with no cell open, or with several pipes, they
                // end the row.
                if !open.isEmpty {
                    closeOpen()
                    if line.pipes > 1 { flush() }
                } else {
                    flush()
                }
                previousWasRow = false
            }
            end = n
            n += 1
        }
        // Text lines read ahead of a line that then did not close them are not the table's.
        if !open.isEmpty { end = open[0].line - 1 }
        flush()
        guard cellCount >= 2, end >= start else { return nil }
        let table = SourceTable(shape: .pipes, rows: rows, firstLine: start, lastLine: end)
        return TableScan(table: table, firstLine: start, lastLine: end)
    }
}
