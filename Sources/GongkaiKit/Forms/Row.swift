// A table row: cleaned cells and the line it starts on.

/// One row of a form's table, as cells of cleaned text.
struct Row {
    var line: Int
    var cells: [String]
    /// The last source line of the row (rows of cell-per-line dumps span lines).
    var lastLine: Int

    init(line: Int, cells: [String], lastLine: Int? = nil) {
        self.line = line
        self.cells = cells
        self.lastLine = lastLine ?? line
    }

    var lines: ClosedRange<Int> { line...max(line, lastLine) }

    var filledCells: [String] { cells.filter { !$0.isEmpty } }
    var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}

extension SourceText {
    /// The cleaned cells of a tab-separated line.
    func row(_ n: Int) -> Row {
        guard n >= 1, n <= lineCount else { return Row(line: n, cells: [""]) }
        let r = lineRange(n)
        return bytes.withUnsafeBufferPointer { buf in
            var cells: [String] = []
            cells.reserveCapacity(12)  // most rows have fewer cells: no regrowth
            var start = r.lowerBound
            for i in r where buf[i] == 0x09 {
                cells.append(CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: buf[start..<i])))
                start = i + 1
            }
            cells.append(CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: buf[start..<r.upperBound])))
            return Row(line: n, cells: cells)
        }
    }

    /// The cleaned text of a line without tabs.
    func text(_ n: Int) -> String {
        guard n >= 1, n <= lineCount else { return "" }
        let r = lineRange(n)
        return bytes.withUnsafeBufferPointer { CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: $0[r])) }
    }
}
