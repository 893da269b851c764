// A table row as the form reader sees it: cleaned cells, each with the line it starts on.

/// One row of a form's table, as cells of cleaned text.
struct Row {
    var line: Int
    var cells: [String]
    /// The last source line of the row (rows of cell-per-line dumps span lines).
    var lastLine: Int
    /// Where each cell starts (parallel to `cells`): a problem with a cell is reported there.
    var cellLines: [Int]
    /// Whether the row starts a form of its own (a project row of a project list table).
    var startsForm = false

    init(line: Int, cells: [String], lastLine: Int? = nil, cellLines: [Int]? = nil) {
        self.line = line
        self.cells = cells
        self.lastLine = lastLine ?? line
        self.cellLines = cellLines ?? Array(repeating: line, count: cells.count)
    }

    var lines: ClosedRange<Int> { line...max(line, lastLine) }

    var filledCells: [String] { cells.filter { !$0.isEmpty } }
    var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }

    /// The line of the cell at `index` (the row's line when there is no such cell).
    func line(ofCell index: Int) -> Int { index >= 0 && index < cellLines.count ? cellLines[index] : line }
}

extension SourceText {
    /// The cleaned cells of a tab-separated line.
    func row(_ n: Int) -> Row {
        guard n >= 1, n <= lineCount else { return Row(line: n, cells: [""]) }
        return Row(line: n, cells: TabRows.cells(self, line: n).map(\.text))
    }

    /// The cleaned text of a line without tabs.
    func text(_ n: Int) -> String {
        guard n >= 1, n <= lineCount else { return "" }
        let r = lineRange(n)
        return bytes.withUnsafeBufferPointer { CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: $0[r])) }
    }
}
