// Where a value came from: a content file and a 1-based line.

/// A place in the content, printed as `path:line` (or `path:line:column`) the way compilers do.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The 1-based column (in characters) where the shape has one: a cell of a pipe row, an
    /// HTML cell on a long line. Not part of comparisons.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)" }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
    }

    // Most comparisons are within one file: equal bytes are equal strings, found without the
    // Unicode-aware comparison, which is slow for Chinese paths.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file.utf8Equals(b.file) { return a.line < b.line }
        return a.file != b.file ? a.file < b.file : a.line < b.line
    }

    public static func == (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line == b.line && (a.file.utf8Equals(b.file) || a.file == b.file)
    }
}
