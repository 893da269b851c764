// What reading one document yields.

/// The projects, annex, overall goals and diagnostics read from one document.
public struct DocumentResult: Sendable {
    public var path: String
    public var layout: Layout?
    /// What kind of document it is (a look-alike publishes no project).
    public var kind: DocumentKind = .targets
    /// Why gongkai took it for what it is (`指标表头，第12行`), for `check` to say.
    public var evidence: Localized?
    /// The department named by the document itself (title line or 主管部门), raw.
    public var department: String?
    /// Other raw department spellings seen in the document (units, titles).
    public var departmentSpellings: [String] = []
    public var year: Int?
    public var projects: [Project] = []
    public var annex: Annex?
    public var overallGoals: OverallGoals?
    public var diagnostics: [Diagnostic] = []
    /// What the document's front matter says (`source_url`, `date`: `FrontMatter`).
    public var sourceURL: String?
    public var date: String?

    public init(path: String) { self.path = path }

    mutating func diagnose(_ severity: Severity, line: Int, column: Int? = nil, code: String, _ message: String, en english: String) {
        diagnostics.append(Diagnostic(severity, SourceLocation(file: path, line: line, column: column), code: code, message, en: english))
    }
}
