// A table row: cleaned cells and the line it starts on.

/// One row of a form's table, as cells of cleaned text.
struct Row {
    var line: Int
    var cells: [String]

    var filledCells: [String] { cells.filter { !$0.isEmpty } }
    var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}

extension SourceText {
    /// The cleaned cells of a tab-separated line.
    func row(_ n: Int) -> Row {
        Row(line: n, cells: rawCells(n).map(CellText.clean))
    }

    /// The cleaned text of a line without tabs.
    func text(_ n: Int) -> String {
        CellText.clean(line(n))
    }
}
