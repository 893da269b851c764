// pandoc's grid tables (`+----+` rules, `|` columns), read into cells with their spans.

/// Reads pandoc grid tables.
///
/// The columns are where the top rule has its `+`, counted in display columns as pandoc lays
/// them out (a CJK character is 2 wide: `DisplayWidth`). Rows are the bands between rule lines
/// (`+---+`, `+===+` under the header, `:` alignment marks allowed); a cell's lines are joined
/// as `WrappedCell` says (`4`/`000万元` → `4000万元`, a blank line → a new paragraph, `\n`).
///
/// Spans: pandoc 2.x writes no spans (merged cells come out as the text and empty cells), and
/// those tables read cell for cell. A cell whose line has no `|` at a column boundary spans
/// the next column (`colSpan`), and a rule line whose segment under a cell is not dashes
/// (`|     +-----+`, as pandoc 3 writes row spans) continues that cell into the next row
/// (`rowSpan`); covered positions have no cell of their own.
///
/// A content line whose `|`s are not at the rule's columns (another writer's widths) is split
/// at its own `|`s when it has one per boundary. Otherwise the table cannot be read as a grid:
/// the scan returns no table and a problem at its first line. A table whose last line is not a
/// rule (a truncated page) is read as far as it goes, with a problem saying so.
public enum GridTable {
    /// The grid table whose top rule is line `line`, reading no further than `last`, or nil
    /// when line `line` is not a grid rule (`+---+---+`, up to three spaces before it).
    public static func scan(_ text: SourceText, at line: Int, through last: Int? = nil, flavor: MarkdownFlavor = .pandoc) -> TableScan? {
        let last = min(last ?? text.lineCount, text.lineCount)
        guard line >= 1, line <= last else { return nil }
        return text.withBytes { bytes in
            GridReader(text: text, bytes: bytes, flavor: flavor).scan(line, last)
        }
    }
}

private struct GridReader {
    let text: SourceText
    let bytes: UnsafeBufferPointer<UInt8>
    let flavor: MarkdownFlavor

    /// A piece of a cell on one line: its bytes and the index of its first character.
    struct Piece {
        var line: Int
        var range: Range<Int>
        var character: Int
    }

    /// A cell being read: its extent, its pieces line by line.
    struct Cell {
        var row: Int
        var first: Int
        var lastColumn: Int
        var rowSpan = 1
        var pieces: [Piece] = []
    }

    /// The display columns of the `+`s of a top rule, or nil when the line is not one.
    func rule(_ n: Int) -> [Int]? {
        let r = text.lineRange(n)
        var i = r.lowerBound
        var column = 0
        while i < r.upperBound && bytes[i] == 0x20 && column < 3 { i += 1; column += 1 }
        guard i < r.upperBound, bytes[i] == 0x2B else { return nil }
        var plus = [column]
        var dashes = 0
        i += 1
        column += 1
        while i < r.upperBound {
            switch bytes[i] {
            case 0x2D, 0x3D: dashes += 1
            case 0x3A: break
            case 0x2B:
                guard dashes > 0 else { return nil }
                plus.append(column)
                dashes = 0
            case 0x20:
                // Only trailing spaces.
                var k = i
                while k < r.upperBound && bytes[k] == 0x20 { k += 1 }
                guard k == r.upperBound, dashes == 0 else { return nil }
                return plus.count >= 2 ? plus : nil
            default: return nil
            }
            i += 1
            column += 1
        }
        return dashes == 0 && plus.count >= 2 ? plus : nil
    }

    /// Whether line `n` continues a grid table: `+` or `|` first (after the rule's indent).
    func isGridLine(_ n: Int, indent: Int) -> Bool {
        let r = text.lineRange(n)
        guard r.count > indent else { return false }
        for i in r.lowerBound..<(r.lowerBound + indent) where bytes[i] != 0x20 { return false }
        let b = bytes[r.lowerBound + indent]
        return b == 0x2B || b == 0x7C
    }

    func scan(_ start: Int, _ last: Int) -> TableScan? {
        guard let bounds = rule(start) else { return nil }
        var end = start
        while end < last && isGridLine(end + 1, indent: bounds[0]) { end += 1 }
        guard end > start else { return nil }  // a rule alone is not a table
        let m = bounds.count - 1
        var cells: [Cell] = []
        var open = [Int?](repeating: nil, count: m)  // the cell covering each column
        var row = 0
        var bandHasContent = false
        var rowLines: [Int] = []
        var lastWasRule = true

        func unreadable(_ why: Localized) -> TableScan {
            TableScan(table: nil, problems: [TableProblem.unreadable(.grid, line: start, why: why)], firstLine: start, lastLine: end)
        }

        for n in (start + 1)...end {
            let layout = LineLayout(bytes, text.lineRange(n))
            let at = bounds.map { layout.index(atColumn: $0) }
            // Where each column's text starts and ends on this line (character indices).
            let from = bounds.map { layout.firstIndex(atOrAfter: $0 + 1) }
            let to = bounds.map { layout.firstIndex(atOrAfter: $0) }
            let borders = borderSegments(layout, at, m)
            // A full rule must cross every column where the top rule does.
            if layout.isRuleLike && borders?.contains(false) != false {
                return unreadable(Localized(zh: "第 \(n) 行的分隔线与首行 +---+ 的列位置对不上", en: "the rule on line \(n) does not line up with the columns of the top rule"))
            }
            if let borders {
                // A rule: the cells above a border end; the others run on into the next row.
                var continued: [Int] = []
                for j in 0..<m {
                    if borders[j] {
                        open[j] = nil
                    } else if let c = open[j], cells[c].first == j {
                        continued.append(c)
                        // The cell's text may go on across the rule; its blank there is no paragraph break.
                        let lower = from[j], upper = to[cells[c].lastColumn + 1]
                        let range = layout.range(from: lower, to: upper)
                        if range.contains(where: { bytes[$0] != 0x20 }) {
                            cells[c].pieces.append(Piece(line: n, range: range, character: lower))
                        }
                    }
                }
                if bandHasContent { row += 1 }
                for c in continued { cells[c].rowSpan += 1 }
                bandHasContent = false
                lastWasRule = true
                continue
            }
            lastWasRule = false
            // A content line: its `|`s stand at the rule's columns, or are one per boundary.
            var pipes = at.map { index in index.map { layout.byte(at: $0) == 0x7C || layout.byte(at: $0) == 0x2B } ?? false }
            var own: [(range: Range<Int>, character: Int)]? = nil
            if !(pipes[0] && pipes[m] && layout.isBlank(after: at[m] ?? 0)) {
                guard let segments = layout.pipeSegments(count: m) else {
                    return unreadable(Localized(zh: "第 \(n) 行的竖线（|）与首行 +---+ 的列位置对不上", en: "the `|`s of line \(n) do not line up with the columns of the top rule"))
                }
                own = segments
                pipes = [Bool](repeating: true, count: m + 1)
            }
            if !bandHasContent {
                rowLines.append(n)
                bandHasContent = true
            }
            func piece(_ a: Int, _ b: Int) -> Piece {
                if let own {
                    return Piece(line: n, range: own[a].range.lowerBound..<own[b].range.upperBound, character: own[a].character)
                }
                return Piece(line: n, range: layout.range(from: from[a], to: to[b + 1]), character: from[a])
            }
            var j = 0
            while j < m {
                if let c = open[j] {
                    // Not a copy of the cell: its pieces would be copied on every line.
                    let (first, lastColumn) = (cells[c].first, cells[c].lastColumn)
                    cells[c].pieces.append(piece(first, lastColumn))
                    j = lastColumn + 1
                    continue
                }
                // A new cell: it spans the columns up to the next `|` that no open cell stands behind.
                var k = j
                while k + 1 < m && !pipes[k + 1] && open[k + 1] == nil { k += 1 }
                cells.append(Cell(row: row, first: j, lastColumn: k, pieces: [piece(j, k)]))
                for c in j...k { open[c] = cells.count - 1 }
                j = k + 1
            }
        }
        if bandHasContent { row += 1 }

        var rows = [[SourceCell]](repeating: [], count: row)
        for cell in cells where cell.row < row {
            rows[cell.row].append(sourceCell(cell, bounds))
        }
        let table = SourceTable(shape: .grid, rows: rows, firstLine: start, lastLine: end, rowLines: rowLines)
        var problems: [TableProblem] = []
        if !lastWasRule {
            problems.append(TableProblem(
                .warning, shape: .grid, line: start, code: "table-unterminated",
                Localized(zh: "网格表格到第 \(end) 行没有结束线（+---+），已按现有的行读取；请检查表格是否完整",
                          en: "the grid table has no closing rule (+---+) by line \(end); it was read as far as it goes: check that the table is complete")))
        }
        return TableScan(table: table, problems: problems, firstLine: start, lastLine: end)
    }

    /// For a rule line, which column segments are borders (dashes between `+`s); nil when the
    /// line has none (a content line).
    func borderSegments(_ layout: LineLayout, _ at: [Int?], _ m: Int) -> [Bool]? {
        var borders = [Bool](repeating: false, count: m)
        var any = false
        for j in 0..<m {
            guard let a = at[j], let b = at[j + 1], layout.byte(at: a) == 0x2B, layout.byte(at: b) == 0x2B, b > a + 1 else { continue }
            var dashes = false
            var ok = true
            for k in (a + 1)..<b {
                switch layout.byte(at: k) {
                case 0x2D, 0x3D: dashes = true
                case 0x3A: break
                default: ok = false
                }
                if !ok { break }
            }
            if ok && dashes { borders[j] = true; any = true }
        }
        if any, let a = at[m], !layout.isBlank(after: a) { return nil }
        return any ? borders : nil
    }

    func sourceCell(_ cell: Cell, _ bounds: [Int]) -> SourceCell {
        var lines: [String] = []
        lines.reserveCapacity(cell.pieces.count)
        var startLine = cell.pieces.first?.line ?? 0
        var column = cell.pieces.first.map { $0.character + 1 }
        var found = false
        for (k, piece) in cell.pieces.enumerated() {
            let text = WrappedCell.line(bytes, piece.range, last: k == cell.pieces.count - 1)
            if !found && !text.isEmpty {
                found = true
                startLine = piece.line
                var i = piece.range.lowerBound
                var spaces = 0
                while i < piece.range.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1; spaces += 1 }
                column = piece.character + spaces + 1
            }
            lines.append(text)
        }
        // The text width pandoc gave the cell: its columns' dashes and the borders between them,
        // less a space on either side.
        let width = bounds[cell.lastColumn + 1] - bounds[cell.first] - 3
        return SourceCell(text: Escapes.read(WrappedCell.join(lines, columnWidth: width), flavor), line: startLine, column: column,
                          rowSpan: cell.rowSpan, colSpan: cell.lastColumn - cell.first + 1)
    }
}

/// A line's characters with the display column where each starts.
struct LineLayout {
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let offsets: [Int]
    let starts: [Int]
    let width: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        self.range = range
        (offsets, starts, width) = DisplayWidth.columns(bytes, range)
    }

    var count: Int { offsets.count }

    /// The index of the first character starting at or after display column `column`.
    func firstIndex(atOrAfter column: Int) -> Int {
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < column { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the character that starts at display column `column`, if one does.
    func index(atColumn column: Int) -> Int? {
        let i = firstIndex(atOrAfter: column)
        return i < starts.count && starts[i] == column ? i : nil
    }

    /// The first byte of character `index`.
    func byte(at index: Int) -> UInt8 { bytes[offsets[index]] }

    /// The bytes of characters `from..<to` (indices, clamped to the line).
    func range(from: Int, to: Int) -> Range<Int> {
        let lower = from < offsets.count ? offsets[from] : range.upperBound
        let upper = to < offsets.count ? offsets[to] : range.upperBound
        return lower..<max(lower, upper)
    }

    /// Whether only spaces follow character `index`.
    func isBlank(after index: Int) -> Bool {
        guard index < offsets.count else { return true }
        var i = offsets[index] + 1
        while i < range.upperBound {
            if bytes[i] != 0x20 { return false }
            i += 1
        }
        return true
    }

    /// `+` first and only `+ - = :` after it (then spaces): a full rule line.
    var isRuleLike: Bool {
        var i = range.lowerBound
        while i < range.upperBound && bytes[i] == 0x20 { i += 1 }
        guard i < range.upperBound, bytes[i] == 0x2B else { return false }
        var end = range.upperBound
        while end > i && bytes[end - 1] == 0x20 { end -= 1 }
        for k in i..<end {
            switch bytes[k] {
            case 0x2B, 0x2D, 0x3D, 0x3A: continue
            default: return false
            }
        }
        return true
    }

    /// The line split at its own `|`s when it has exactly `count + 1` of them, the first leading
    /// and the last trailing: the bytes between them and the index of their first character.
    func pipeSegments(count: Int) -> [(range: Range<Int>, character: Int)]? {
        var pipes: [(byte: Int, character: Int)] = []
        var character = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x5C && i + 1 < range.upperBound && Escapes.isASCIIPunctuation(bytes[i + 1]) {
                i += 2
                character += 2
                continue
            }
            if b == 0x7C {
                pipes.append((i, character))
                if pipes.count > count + 1 { return nil }
            }
            if b & 0xC0 != 0x80 { character += 1 }
            i += 1
        }
        guard pipes.count == count + 1 else { return nil }
        var k = range.lowerBound
        while k < pipes[0].byte { if bytes[k] != 0x20 { return nil }; k += 1 }
        k = pipes[count].byte + 1
        while k < range.upperBound { if bytes[k] != 0x20 { return nil }; k += 1 }
        return (0..<count).map { ((pipes[$0].byte + 1)..<pipes[$0 + 1].byte, pipes[$0].character + 1) }
    }
}
