// What the Markdown table readers share: what a scan returns, pandoc's character widths, and
// how a cell wrapped over several lines is joined again.

/// What a table reader found at a line: the table, the lines it took, and any problem.
public struct TableScan: Sendable, Equatable {
    /// The table, or nil when the lines are in this shape but could not be made into a grid
    /// (`problems` then says why, at the first line).
    public var table: SourceTable?
    /// Problems at their lines: a table that could not be read, or a part of one that was read
    /// with a caveat (an unterminated grid table).
    public var problems: [TableProblem]
    /// The lines the table takes, first to last (blank lines inside it included).
    public var firstLine: Int
    public var lastLine: Int

    public init(table: SourceTable?, problems: [TableProblem] = [], firstLine: Int, lastLine: Int) {
        self.table = table
        self.problems = problems
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// A problem with a table's syntax, at a line (and a column where it has one).
public struct TableProblem: Sendable, Equatable {
    public var severity: Severity
    public var shape: TableShape
    public var line: Int
    public var column: Int?
    /// A stable identifier: `table-unreadable` (no grid could be made: the lines are left
    /// unread), `table-unterminated` (read, but the table's closing line is missing).
    public var code: String
    public var message: Localized

    public init(_ severity: Severity, shape: TableShape, line: Int, column: Int? = nil, code: String, _ message: Localized) {
        self.severity = severity
        self.shape = shape
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// The problem as a diagnostic of the file at `path`.
    public func diagnostic(path: String) -> Diagnostic {
        Diagnostic(severity, SourceLocation(file: path, line: line, column: column), code: code, message)
    }

    /// A table in `shape` at `line` that could not be made into a grid, and why.
    static func unreadable(_ shape: TableShape, line: Int, column: Int? = nil, why: Localized) -> TableProblem {
        let name = shape.name
        return TableProblem(
            .warning, shape: shape, line: line, column: column, code: "table-unreadable",
            Localized(zh: "这里的\(name.zh)无法读成表格：\(why.zh)；这几行未作为表格读取",
                      en: "this \(name.en) could not be read as a table: \(why.en); its lines were not read as a table"))
    }
}

/// A bound on the cells a table may make from its bytes. A table's cells come from its text,
/// except those a reader adds (a multiline row has a cell for every column, a short pipe row is
/// padded): a hostile table (dashes of 10⁵ columns over thousands of one-character rows) would
/// otherwise make billions of empty cells. Each row's bytes earn 8 cells, the rule that sets the
/// columns 2 a column; no real form comes near the bound.
struct CellBudget {
    private var allowance: Int

    init(columns: Int) { allowance = 2 * columns + 4096 }

    /// Whether a row of `cells` cells from `bytes` bytes is still within the bound.
    mutating func spend(cells: Int, bytes: Int) -> Bool {
        allowance += 8 * bytes - cells
        return allowance >= 0
    }

    static let exceeded = Localized(zh: "表格的列数与其内容不相称（空单元格过多）", en: "it has far more columns than its text fills (too many empty cells)")
}

/// Character widths as pandoc lays out its grid and multiline tables (doclayout 0.3, which
/// pandoc 2.17 uses): CJK, Hangul, full-width forms 2 columns, combining marks 0, the rest 1.
/// `≧` `“` `—` are 1 wide, `（` `：` `〔` 2.
enum DisplayWidth {
    static func of(_ c: UInt32) -> Int {
        if c < 0x0300 { return 1 }
        if c <= 0x036F { return 0 }
        if c <= 0x10FC { return 1 }
        if c <= 0x115F { return c >= 0x1100 ? 2 : 1 }
        switch c {
        case 0x11A3...0x11A7, 0x11FA...0x11FF, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x3247,
             0x3250...0x4DBF, 0x4E00...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7FB, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B001,
             0x1F200...0x1F251, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// The display columns of a line's characters: for each scalar, its byte offset and the
    /// display column where it starts; plus the line's total width.
    static func columns(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (offsets: [Int], starts: [Int], width: Int) {
        var offsets: [Int] = []
        var starts: [Int] = []
        offsets.reserveCapacity(range.count)
        starts.reserveCapacity(range.count)
        var i = range.lowerBound
        var column = 0
        while i < range.upperBound {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            offsets.append(i)
            starts.append(column)
            // A tab is one column here: pandoc's writer never puts one in a table.
            column += DisplayWidth.of(scalar?.value ?? 0xFFFD)
            i += min(length, range.upperBound - i)
        }
        return (offsets, starts, column)
    }
}

/// How the lines of a wrapped cell become its text again.
///
/// pandoc wraps a cell's text at spaces. In a multiline table no word is wider than its column,
/// so every break was a space, and a break is read back as one (as pandoc's reader does).
/// In a grid table a line still wider than the column is then cut anywhere, from its end back,
/// into pieces that fill the column: CJK text and numbers are cut mid-word (`4`/`000万元`,
/// `项`/`目名称`), where pandoc's own reader reads a space (`4 000万元`) and a publisher wrote
/// none. A grid break is read back as:
/// - a space, when the line after it does not fill the column (so the break was a wrap at a
///   space): `基本生活,`/`解决…`;
/// - else, when it may be a cut: a space if the character before or after it is a letter and
///   neither is wide (Latin words, which pandoc breaks at spaces); nothing when either side is
///   wide (CJK, full-width punctuation) or both are digits, punctuation or symbols (`=7`/`000万元`,
///   `-----`/`-------`, `≥`/`90%`).
/// A blank line inside a cell separates paragraphs, which are joined by `\n`. Each line is
/// trimmed; a line ending in a backslash is a hard line break (`\n`).
enum WrappedCell {
    /// The lines of one cell joined: `columnWidth` is the grid cell's text width (nil for
    /// tables where every break is a space).
    static func join(_ lines: [String], columnWidth: Int? = nil) -> String {
        var text = ""
        var pendingBreak = false
        for line in lines {
            if line.isEmpty {
                if !text.isEmpty { pendingBreak = true }
                continue
            }
            if text.isEmpty {
                text = line
            } else if pendingBreak || text.last == "\n" {
                if text.last != "\n" { text.append("\n") }
                text.append(line)
            } else {
                text.append(separator(text.unicodeScalars.last!, line, columnWidth))
                text.append(line)
            }
            pendingBreak = false
        }
        return text
    }

    static func separator(_ before: Unicode.Scalar, _ line: String, _ columnWidth: Int?) -> String {
        guard let columnWidth else { return " " }
        let after = line.unicodeScalars.first!
        let width = line.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1.value) }
        if width + DisplayWidth.of(before.value) <= columnWidth { return " " }
        if DisplayWidth.of(before.value) == 2 || DisplayWidth.of(after.value) == 2 { return "" }
        if before.properties.isAlphabetic || after.properties.isAlphabetic { return " " }
        return ""
    }

    /// One line of a cell as written: trimmed of spaces; a final unescaped backslash (a hard
    /// line break) comes back as a trailing `\n`. The joined text is read in its flavor after
    /// joining, as pandoc does, so that a dash or a quote cut by a break is read whole.
    static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, last: Bool) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        var hardBreak = false
        if !last && upper > lower && bytes[upper - 1] == 0x5C {
            var slashes = 0
            while upper - slashes > lower && bytes[upper - 1 - slashes] == 0x5C { slashes += 1 }
            if slashes % 2 == 1 { hardBreak = true; upper -= 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        return hardBreak ? text + "\n" : text
    }
}

extension SourceText {
    /// Calls `body` with the document's bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer(body)
    }
}
