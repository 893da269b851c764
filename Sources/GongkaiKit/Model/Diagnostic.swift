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

    /// The severity as printed: `错误`/`警告`/`提示`, or `error`/`warning`/`note`.
    public func name(_ language: Language) -> String {
        guard language == .zh else { return rawValue }
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .note: return "提示"
        }
    }
}

/// One problem in the content, printed as `path:line: severity: message [code]` (with
/// `:column` after the line where the shape has columns), in Chinese or in English.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    /// A stable, documented identifier (see docs/diagnostics.md), e.g. `ocr-garbage`: the same
    /// in both languages, so that CI and `silence:` keep working.
    public var code: String
    /// The message in Chinese.
    public var message: String
    /// The message in English.
    public var english: String

    public init(_ severity: Severity, _ location: SourceLocation, code: String, _ message: String, en english: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.english = english
    }

    public init(_ severity: Severity, _ location: SourceLocation, code: String, _ text: Localized) {
        self.init(severity, location, code: code, text.zh, en: text.en)
    }

    public func message(_ language: Language) -> String { language == .zh ? message : english }

    /// The Chinese line.
    public var description: String { line(.zh) }

    /// The printed line in `language`.
    public func line(_ language: Language) -> String {
        var bytes: [UInt8] = []
        write(into: &bytes, language: language)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The printed line as UTF-8, appended (a build prints thousands of these).
    func write(into out: inout [UInt8], language: Language = .zh) {
        out.append(contentsOf: location.file.utf8)
        out.append(0x3A)
        out.append(contentsOf: String(location.line).utf8)
        if let column = location.column {
            out.append(0x3A)
            out.append(contentsOf: String(column).utf8)
        }
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: severity.name(language).utf8)
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: message(language).utf8)
        out.append(contentsOf: " [".utf8)
        out.append(contentsOf: code.utf8)
        out.append(0x5D)
    }
}

extension Array where Element == Diagnostic {
    /// Sorts by location (file, then line), then by severity when `severityFirst`, code and
    /// message: the order of `SourceLocation`'s `<`, with each distinct file compared once
    /// (a build sorts tens of thousands of diagnostics from a few thousand files).
    mutating func sortByLocation(severityFirst: Bool = false) {
        // Each distinct file's number (its position in `names`), and each diagnostic's file.
        var files: [ByteKey: Int] = [:]
        var names: [String] = []
        let fileOf = map { d -> Int in
            let key = ByteKey(d.location.file)
            if let known = files[key] { return known }
            files[key] = names.count
            names.append(d.location.file)
            return names.count - 1
        }
        // Ranks in `String` order; names that are equal as Strings (canonically equivalent
        // bytes) share a rank, as `SourceLocation` compares them.
        var rank = [Int](repeating: 0, count: names.count)
        var r = -1
        var previous: String?
        for i in names.indices.sorted(by: { names[$0] < names[$1] }) {
            if previous.map({ $0 != names[i] }) ?? true { r += 1 }
            rank[i] = r
            previous = names[i]
        }
        let fileRank = fileOf.map { rank[$0] }
        let lines = map(\.location.line)
        var order = Array<Int>(indices)
        order.sort { a, b in
            if fileRank[a] != fileRank[b] { return fileRank[a] < fileRank[b] }
            if lines[a] != lines[b] { return lines[a] < lines[b] }
            let x = self[a], y = self[b]
            if severityFirst && x.severity != y.severity { return x.severity < y.severity }
            return (x.code, x.message) < (y.code, y.message)
        }
        self = order.map { self[$0] }
    }
}

