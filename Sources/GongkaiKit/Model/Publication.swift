// Where a document came from: the original file it was converted from, the address it was
// published at, and the date its publisher gives.

/// A document's original (a `.pdf`, `.doc(x)` or `.xls(x)` beside the converted file, or the
/// document itself when gongkai read it directly), published on the site and linked as 原文.
public struct OriginalFile: Hashable, Sendable {
    /// The file in the content folder.
    public var file: String
    /// Where it is published, relative to the site root (`originals/…/2024-….pdf`).
    public var path: String

    public init(file: String, path: String) {
        self.file = file
        self.path = path
    }

    /// `PDF`, `Word` or `Excel`, from the file's extension.
    public var kind: String {
        switch path.split(separator: ".").last?.lowercased() {
        case "pdf": "PDF"
        case "doc", "docx", "wps": "Word"
        case "xls", "xlsx", "et": "Excel"
        default: "文件"
        }
    }
}

/// What the publisher says about one document: its original, where it was published and when.
public struct DocumentSource: Hashable, Sendable {
    public var originals: [OriginalFile] = []
    /// The address the publisher published the document at (`source_url`), http or https.
    public var url: String?
    /// The publication date the publisher gives (`date`), as `YYYY-MM-DD`.
    public var date: String?

    public init(originals: [OriginalFile] = [], url: String? = nil, date: String? = nil) {
        self.originals = originals
        self.url = url
        self.date = date
    }

    var isEmpty: Bool { originals.isEmpty && url == nil && date == nil }
}

/// Publication dates as publishers write them, read into `YYYY-MM-DD`.
public enum PublicationDate {
    /// `2024-02-01`, `2024-2-1`, `2024/02/01`, `2024.2.1` or `2024年2月1日` as `2024-02-01`; nil
    /// for anything else or a day that does not exist.
    public static func normalize(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        var numbers: [Int] = []
        var current: Int?
        var separators: [Character] = []
        for ch in t {
            if let d = ch.wholeNumberValue, ch.isASCII {
                current = (current ?? 0) * 10 + d
                if current! > 9999 { return nil }
            } else {
                guard let n = current else { return nil }
                numbers.append(n)
                current = nil
                separators.append(ch)
            }
        }
        if let n = current { numbers.append(n) }
        guard numbers.count == 3 else { return nil }
        let chinese = separators == ["年", "月", "日"] || separators == ["年", "月"]
        let plain = separators.count == 2 && separators[0] == separators[1] && "-/.".contains(separators[0])
        guard chinese || plain else { return nil }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        guard (1900...2999).contains(y), (1...12).contains(m), d >= 1, d <= days(inMonth: m, year: y) else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2024-02-01` as `2024年2月1日`.
    static func chinese(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }
}

/// Addresses a publisher gives for a document: only absolute http and https URLs are links.
public enum SourceURL {
    /// The URL when it is an absolute http(s) address without spaces or control characters.
    public static func validate(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        let lower = t.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let rest = lower.hasPrefix("https://") ? t.dropFirst(8) : t.dropFirst(7)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else { return nil }
        guard !t.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return t
    }
}
