// Stable permalinks: /<department>/<year>/<project>/, the same however much content is added.

/// Paths of the site's pages, derived only from each page's own identity.
///
/// A department is addressed by its normalised key (so a later document that
/// spells `人社局` in full does not move it), a project by its name, with its
/// code (or its place in its document) added only when two projects of one
/// department-year share a name.
public enum Permalinks {
    /// A path segment: the text with characters unsafe in paths and URLs replaced by `-`.
    public static func segment(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for scalar in text.unicodeScalars {
            let unsafe: Bool
            switch scalar {
            case "/", "\\", "?", "#", "%", "\"", "'", "<", ">", "|", ":", "*", "&", "+", "=", ";", ",", "[", "]", "{", "}", "^", "`", "~", ".":
                unsafe = true
            default:
                unsafe = scalar.isUnicodeWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                    || (0x3000...0x3002).contains(scalar.value) || (0xFF01...0xFF0F).contains(scalar.value)
            }
            if unsafe {
                if !lastDash && !out.isEmpty { out.append("-") }
                lastDash = true
            } else {
                out.unicodeScalars.append(scalar)
                lastDash = false
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        // Keep file names well under the 255-byte limit of common file systems.
        while out.utf8.count > 180 { out.removeLast() }
        return out.isEmpty ? "-" : out
    }

    public static func department(_ key: String) -> String { "/\(segment(key))/" }
    public static func departmentYear(_ key: String, _ year: Int) -> String { "/\(segment(key))/\(year)/" }

    /// Project slugs for a department-year, unique within it, in the projects' order (which is
    /// source order: file path, then line). A slug is the project's name. When several projects
    /// share a name, the first keeps the plain name, so a page's address does not change when
    /// a later document repeats its name; the others get their code, else their document's file
    /// name (never a line number, which moves when the document is edited), then `-2`, `-3`.
    public static func projectSlugs(_ projects: [Project]) -> [String] {
        let base = projects.map { segment($0.name) }
        // Compared by bytes (slugs are made of the same bytes for the same name).
        var seen = Set<ByteKey>()
        var used = Set<ByteKey>()
        var slugs: [String] = []
        for (i, p) in projects.enumerated() {
            var slug = base[i]
            if !seen.insert(ByteKey(slug)).inserted {
                if let code = p.code {
                    slug += "-" + segment(code)
                } else {
                    let file = p.location.file.split(separator: "/").last ?? ""
                    let stem = file.lastIndex(of: ".").map { file[..<$0] } ?? file
                    slug += "-" + segment(String(stem))
                }
            }
            var unique = slug
            var n = 2
            while used.contains(ByteKey(unique)) { unique = "\(slug)-\(n)"; n += 1 }
            used.insert(ByteKey(unique))
            slugs.append(unique)
        }
        return slugs
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Writes the percent-encoding of `bytes` at `out` (room for three bytes each); returns
    /// how many it wrote.
    @inline(__always)
    private static func encode(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for byte in bytes {
            if unreserved[Int(byte)] {
                out[n] = byte
                n += 1
            } else {
                out[n] = UInt8(ascii: "%")
                out[n + 1] = hex[Int(byte >> 4)]
                out[n + 2] = hex[Int(byte & 0x0F)]
                n += 3
            }
        }
        return n
    }

    /// Appends the percent-encoded path (`encode`) to `out`, skipping its first `dropping` bytes.
    static func encode(_ path: String, dropping: Int = 0, into out: inout [UInt8]) {
        path.withUTF8Bytes { all in
            let bytes = UnsafeBufferPointer(rebasing: all[min(dropping, all.count)...])
            guard !bytes.isEmpty else { return }
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: bytes.count * 3))
            let n = out.withUnsafeMutableBufferPointer { encode(bytes, to: $0.baseAddress! + start) }
            out.removeLast(bytes.count * 3 - n)
        }
    }

    /// Percent-encodes a site path for use in an `href` or sitemap.
    public static func encode(_ path: String) -> String {
        path.withUTF8Bytes { bytes in
            guard !bytes.isEmpty else { return "" }
            // Written straight into the string's storage: every link of every page passes here.
            return String(unsafeUninitializedCapacity: bytes.count * 3) { encode(bytes, to: $0.baseAddress!) }
        }
    }

    /// The bytes a path keeps as they are: letters, digits, `-_.~` and `/`.
    private static let unreserved: [Bool] = (0..<256).map { b in
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || [0x2D, 0x5F, 0x2E, 0x7E, 0x2F].contains(b)
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
