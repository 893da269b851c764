// The files compiled into gongkai (by Plugins/EmbedResources from the repository): the default
// theme, docs/diagnostics.md (the one list of diagnostic codes), the label vocabulary
// (Vocabulary/labels.yml) and the starter site's example.

import Foundation

/// Files inside the executable, by name: `theme/templates/home.mustache`, `diagnostics.md`,
/// `example/<部门>/<file>.md`.
public enum Embedded {
    /// Decoded once, on first use.
    static let files: [String: [UInt8]] = {
        var out: [String: [UInt8]] = [:]
        for (name, base64) in EmbeddedFiles.base64 {
            out[name] = Data(base64Encoded: base64).map { [UInt8]($0) } ?? []
        }
        return out
    }()

    static func file(_ name: String) -> [UInt8]? { files[name] }

    /// The files under `folder/` as (path relative to it, bytes), sorted by path.
    static func files(under folder: String) -> [(String, [UInt8])] {
        let prefix = folder + "/"
        return files.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) }.sorted { $0.0 < $1.0 }
    }

    /// The default theme's files (`templates/home.mustache`, `assets/style.css`, …).
    public static var defaultTheme: [(String, [UInt8])] { files(under: "theme") }

    /// The example content `gongkai init` writes into a new site's Content/ (a real published
    /// form), as (path relative to Content/, bytes).
    public static var exampleContent: [(String, [UInt8])] { files(under: "example") }
}

/// The diagnostic codes gongkai has: those docs/diagnostics.md lists (`| \`code\` | severity |`
/// rows), so that the documentation is the one place they are kept.
public enum DiagnosticCodes {
    public static let known: Set<String> = Set(parse(String(decoding: Embedded.file("diagnostics.md") ?? [], as: UTF8.self)).map(\.code))

    /// The code and severity of each table row of a diagnostics document.
    static func parse(_ markdown: String) -> [(code: String, severity: String)] {
        var out: [(String, String)] = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 2, cells[1].hasPrefix("`"), cells[1].hasSuffix("`"), cells[1].count > 2 else { continue }
            out.append((String(cells[1].dropFirst().dropLast()), cells[2]))
        }
        return out
    }
}
