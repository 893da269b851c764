// What every syntax becomes before a form is read: text lines and tables of cells, in order.

/// Which syntax a table was written in (said in diagnostics and in `check`).
public enum TableShape: String, Sendable, Equatable {
    /// Cells separated by tabs, one row a line (the seeds).
    case tabs
    /// One cell per line, led by a tab, rows between blank lines (a Word table dump).
    case cellLines
    /// `|` rows: GFM pipe tables (with or without a delimiter row) and web pages' `|` text.
    case pipes
    /// An HTML `<table>` (pandoc, mammoth, LibreOffice).
    case html
    /// A pandoc grid table (`+---+`).
    case grid
    /// A pandoc multiline or simple table (dashed rules, space-aligned columns).
    case multiline
    /// A table of a Word file read directly.
    case docx

    /// The name a publisher reads in a diagnostic.
    public var name: Localized {
        switch self {
        case .tabs: Localized(zh: "制表符分隔的行", en: "tab-separated rows")
        case .cellLines: Localized(zh: "每行一个单元格", en: "one cell per line")
        case .pipes: Localized(zh: "竖线（|）表格", en: "pipe table")
        case .html: Localized(zh: "HTML 表格", en: "HTML table")
        case .grid: Localized(zh: "网格表格（+---+）", en: "grid table")
        case .multiline: Localized(zh: "多行表格（虚线分隔）", en: "multiline table")
        case .docx: Localized(zh: "Word 表格", en: "Word table")
        }
    }
}

/// One cell as the source wrote it: its text, where it starts and how far it spans.
///
/// `text` is the cell's text with the syntax removed (HTML tags and entities, pipes and grid
/// rules, pandoc's backslash escapes) but not cleaned further: the form reader trims it and
/// removes what converters leave inside cells (`<b>` written as text, LaTeX) the same way
/// for every shape. A cell of several paragraphs has them joined by `\n`.
public struct SourceCell: Sendable, Equatable {
    public var text: String
    /// The 1-based line where the cell's text starts (for a .docx: the paragraph's number).
    public var line: Int
    /// The 1-based column (in characters) where the cell starts, where the shape has columns
    /// worth naming (several cells on one line); nil for a cell alone on its line.
    public var column: Int?
    public var rowSpan: Int
    public var colSpan: Int

    public init(text: String, line: Int, column: Int? = nil, rowSpan: Int = 1, colSpan: Int = 1) {
        self.text = text
        self.line = line
        self.column = column
        self.rowSpan = rowSpan
        self.colSpan = colSpan
    }
}

/// A table as written: rows of the cells the source has (a position covered by a span from
/// another cell has no cell of its own; `SourceTable.grid` fills those in).
public struct SourceTable: Sendable, Equatable {
    public var shape: TableShape
    public var rows: [[SourceCell]]
    /// The lines of the table's first and last source lines.
    public var firstLine: Int
    public var lastLine: Int
    /// The line of each row (where its first cell starts, or the row's own line), parallel to
    /// `rows`.
    public var rowLines: [Int]
    /// Whether the cells' text is already cleaned (`CellText.clean`): the tab shapes clean
    /// cells as they cut them from the line's bytes, on the fast path.
    var cleaned = false

    public init(shape: TableShape, rows: [[SourceCell]], firstLine: Int, lastLine: Int, rowLines: [Int]? = nil) {
        self.shape = shape
        self.rows = rows
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.rowLines = rowLines ?? rows.enumerated().map { i, row in row.first?.line ?? firstLine + i }
    }
}

/// A line of text outside tables: a heading, a paragraph's line, a list item's first line.
public struct SourceLine: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case paragraph
        case heading(level: Int)
        /// `1. 名称项目` as a list (cmark, HTML `<ol>`): the item's number.
        case orderedItem(number: Int)
        case bulletItem
    }

    /// The text with the syntax removed (heading marks, escapes, tags); not trimmed further.
    public var text: String
    public var line: Int
    public var column: Int?
    public var style: Style

    public init(text: String, line: Int, column: Int? = nil, style: Style = .paragraph) {
        self.text = text
        self.line = line
        self.column = column
        self.style = style
    }
}

/// A document as the form reader sees it, whatever its syntax.
public enum SourceBlock: Sendable, Equatable {
    case text(SourceLine)
    /// An empty line or paragraph (they separate tables and rows in some shapes).
    case blank(line: Int)
    case table(SourceTable)
    /// The paragraphs of a document that writes every table cell as a paragraph of its own
    /// (docx2txt, LibreOffice's text export, web pages stored as text): rows and tables are
    /// not marked, so the form reader rebuilds them from what the cells say. An empty
    /// paragraph (an empty or merged-away cell) is a cell with empty text.
    case cells([SourceCell])
}
