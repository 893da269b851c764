// Where a value came from: a content file and a 1-based line.

/// A place in the content, printed as `path:line` the way compilers do.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        a.file != b.file ? a.file < b.file : a.line < b.line
    }
}
