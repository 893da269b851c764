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
        simpleSegment(text) ?? stringSegment(text)
    }

    /// A character replaced by `-` in a path segment.
    @inline(__always)
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "\\", "?", "#", "%", "\"", "'", "<", ">", "|", ":", "*", "&", "+", "=", ";", ",", "[", "]", "{", "}", "^", "`", "~", ".":
            true
        default:
            scalar.isUnicodeWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || (0x3000...0x3002).contains(scalar.value) || (0xFF01...0xFF0F).contains(scalar.value)
        }
    }

    /// `segment` by Unicode scalars and Characters, for any text.
    static func stringSegment(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
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

    /// `segment` on bytes, for text whose every scalar is a Character of its own (ASCII, CJK
    /// and full-width forms: what names are made of), so that trimming and cutting by bytes
    /// and by Characters agree; nil for any other text.
    static func simpleSegment(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastDash = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // (Not the marks that join the character before them: U+302A–302F, U+3099–309A.)
            guard v < 0x80 || (0x3000...0x3029).contains(v) || (0x3030...0x3098).contains(v) || (0x309B...0x9FFF).contains(v)
                || (0xFF00...0xFF5E).contains(v) || (0xFFE0...0xFFEE).contains(v) else { return nil }
            if isUnsafe(scalar) {
                if !lastDash && !out.isEmpty { out.append(0x2D) }
                lastDash = true
            } else {
                if v < 0x80 {
                    out.append(UInt8(v))
                } else {
                    // Three bytes: U+0800–U+FFFF.
                    out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
                }
                lastDash = false
            }
        }
        while out.last == 0x2D { out.removeLast() }
        // Keep file names well under the 255-byte limit of common file systems (whole characters).
        while out.count > 180 {
            while let last = out.last, last & 0xC0 == 0x80 { out.removeLast() }
            out.removeLast()
        }
        return out.isEmpty ? "-" : String(decoding: out, as: UTF8.self)
    }

    /// The longest slug, in bytes: with `.html` a file name stays far below the 255-byte limit
    /// of common file systems, whatever is appended to tell duplicates apart.
    static let maximumSlug = 180

    /// Folders of the site's own pages at its root: no department is given one of them.
    static let reservedFolders: Set<String> = ["search", "quality", "data", "assets", "originals"]

    /// The folder of each department (by its key, in site order), unique across the site: two
    /// keys whose segments are the same (`a/b局` and `a?b局`, `.` and `-`), or the same but for
    /// the case of Latin letters (one folder on a file system that ignores case), or a segment
    /// that is a folder of the site's own pages (`search`), would share a folder and one would
    /// overwrite the other. The first department keeps its segment; the others, and a reserved
    /// one, get `-2`, `-3`, …, so the result is the same on every build of the same content.
    public static func departmentSegments(_ keys: [String]) -> [String] {
        var used = Set(reservedFolders.map { ByteKey($0) })
        return keys.map { key in
            let plain = segment(key)
            var unique = plain
            var n = 2
            while !used.insert(folded(unique)).inserted {
                unique = joined(plain, String(n))
                n += 1
            }
            return unique
        }
    }

    /// Project slugs for a department-year, unique within it, in the projects' order (which is
    /// source order: file path, then line). A slug is the project's name. When several projects
    /// share a name, the first keeps the plain name, so a page's address does not change when
    /// a later document repeats its name; the others get their code, else their document's file
    /// name (never a line number, which moves when the document is edited), then `-2`, `-3`.
    /// Names are compared as the file system may (Latin letters in either case are the same),
    /// `index` is the department-year's own page, and no slug is longer than `maximumSlug`.
    public static func projectSlugs(_ projects: [Project]) -> [String] {
        let base = projects.map { segment($0.name) }
        // Compared by bytes (slugs are made of the same bytes for the same name).
        var seen = Set<ByteKey>()
        var used: Set<ByteKey> = [ByteKey("index")]
        var slugs: [String] = []
        for (i, p) in projects.enumerated() {
            var slug = base[i]
            if !seen.insert(folded(slug)).inserted || folded(slug) == ByteKey("index") {
                if let code = p.code {
                    slug = joined(slug, segment(code))
                } else {
                    let file = p.location.file.split(separator: "/").last ?? ""
                    let stem = file.lastIndex(of: ".").map { file[..<$0] } ?? file
                    slug = joined(slug, segment(String(stem)))
                }
            }
            var unique = slug
            var n = 2
            while used.contains(folded(unique)) { unique = joined(slug, String(n)); n += 1 }
            used.insert(folded(unique))
            slugs.append(unique)
        }
        return slugs
    }

    /// `a-b`, within `maximumSlug` bytes: `b` (what tells duplicates apart) kept whole up to a
    /// third of that, `a` cut at a character boundary to make room.
    static func joined(_ a: String, _ b: String) -> String {
        var suffix = b
        while suffix.utf8.count > maximumSlug / 3 { suffix.removeLast() }
        var head = a
        while head.utf8.count + 1 + suffix.utf8.count > maximumSlug { head.removeLast() }
        return head + "-" + suffix
    }

    /// The key under which two slugs name one file on a file system that ignores the case of
    /// Latin letters.
    private static func folded(_ slug: String) -> ByteKey {
        guard slug.utf8HasByte(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return ByteKey(slug) }
        return ByteKey(String(decoding: slug.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
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

    /// Percent-encodes a site path for use in an `href` or sitemap (without its first
    /// `dropping` bytes).
    public static func encode(_ path: String, dropping: Int = 0) -> String {
        path.withUTF8Bytes { all in
            let bytes = UnsafeBufferPointer(rebasing: all[min(dropping, all.count)...])
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
