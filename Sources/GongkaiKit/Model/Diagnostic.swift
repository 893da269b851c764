// Problems found in content, each at a file and line, with a stable code.

/// How bad a diagnostic is. Errors make `check` and `build` exit with 1.
public enum Severity: String, Sendable, Comparable, Codable {
    case error
    case warning
    case note

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem in the content, printed as `path:line: severity: message [code]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    /// A stable, documented identifier (see docs/diagnostics.md), e.g. `ocr-garbage`.
    public var code: String
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, code: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    public var description: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `description` as UTF-8, appended (a build prints thousands of these).
    func write(into out: inout [UInt8]) {
        out.append(contentsOf: location.file.utf8)
        out.append(0x3A)
        out.append(contentsOf: String(location.line).utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: severity.rawValue.utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: message.utf8)
        out.append(contentsOf: " [".utf8)
        out.append(contentsOf: code.utf8)
        out.append(0x5D)
    }
}
