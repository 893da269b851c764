// What reading HTML or a Word file gives: blocks in order, and the problems met on the way.

/// Something a publisher should hear about while HTML or a Word file became blocks: a stable
/// code (see `HTMLBlocks` and `DocxReader` for the list), where, and what, in both languages.
public struct MarkupProblem: Error, Sendable, Equatable {
    public var severity: Severity
    public var code: String
    /// The 1-based line (for a .docx: the paragraph's number, 1 for the file as a whole).
    public var line: Int
    public var column: Int?
    public var message: Localized

    public init(_ severity: Severity, code: String, line: Int, column: Int? = nil, _ message: Localized) {
        self.severity = severity
        self.code = code
        self.line = line
        self.column = column
        self.message = message
    }
}

/// The blocks read from HTML or a Word file, and what could not be read as written.
public struct MarkupReading: Sendable, Equatable {
    public var blocks: [SourceBlock]
    public var problems: [MarkupProblem]

    public init(blocks: [SourceBlock], problems: [MarkupProblem]) {
        self.blocks = blocks
        self.problems = problems
    }
}
