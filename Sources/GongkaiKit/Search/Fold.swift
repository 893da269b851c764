// Folding text for search: the same in the index (Swift) and the query (search.js).

/// Folds text so that what a citizen types matches what a form says:
/// full-width ASCII → half-width (`９０４．３５` → `904.35`, `（` → `(`), the ideographic
/// space → space, ASCII letters → lower case, `≧`/`≦` → `≥`/`≤`, and `>=`/`<=` → `≥`/`≤`.
/// `Themes/default/assets/search.js` implements the same function; the index and the query
/// must agree exactly.
enum SearchFold {
    @inline(__always)
    static func foldScalar(_ v: UInt32) -> UInt32 {
        var c = v
        if c >= 0xFF01 && c <= 0xFF5E { c -= 0xFEE0 }
        else if c == 0x3000 { c = 0x20 }
        if c >= 0x41 && c <= 0x5A { c += 32 }
        if c == 0x2267 { c = 0x2265 } else if c == 0x2266 { c = 0x2264 }
        return c
    }

    /// The folded code points of `text`.
    static func fold(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count / 2)
        fold(text) { out.append($0) }
        return out
    }

    /// Hands each folded code point of `text` to `body`, without an array (the index folds
    /// every project's text). `>` and `<` wait one character, to become `≥` / `≤` when `=` follows.
    @inline(__always)
    static func fold(_ text: String, _ body: (UInt32) -> Void) {
        var pending: UInt32 = 0
        for scalar in text.unicodeScalars {
            let c = foldScalar(scalar.value)
            if pending != 0 {
                let p = pending
                pending = 0
                if c == 0x3D {
                    body(p == 0x3E ? 0x2265 : 0x2264)
                    continue
                }
                body(p)
            }
            if c == 0x3E || c == 0x3C { pending = c } else { body(c) }
        }
        if pending != 0 { body(pending) }
    }

    static func foldedString(_ text: String) -> String {
        var s = ""
        for c in fold(text) { if let u = Unicode.Scalar(c) { s.unicodeScalars.append(u) } }
        return s
    }

    /// Whitespace, which never belongs to a search term and is left out of an indexed text
    /// (`服务对象 满意度` in a cell is found by `服务对象满意度`): what Python's `str.isspace`
    /// calls whitespace, and NUL, the zero-width space and the byte-order mark. search.js and the
    /// tests use the same set.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c <= 0x20 { return c == 0x20 || c == 0 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) }
        if c < 0x85 { return false }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029
            || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF
    }

    /// The text of a cell as the index holds it: folded, its whitespace left out, then `>=` and
    /// `<=` made `≥` and `≤` (after the whitespace is gone: `> =` is `≥` too) and a comma between
    /// two digits left out (`6,660,000` is `6660000`). Appends the code
    /// points to `out`. A query term is normalised the same way (search.js `normalize`).
    @inline(__always)
    static func normalize(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) {
        let start = out.count
        var i = 0
        let n = utf8.count
        var pending: UInt32 = 0
        while i < n {
            // UTF-8 → code point (the bytes are valid UTF-8: they come from Strings).
            let b0 = UInt32(utf8[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0; i += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F); i += 4
            }
            let c = foldScalar(v)
            if isSpace(c) { continue }
            if pending != 0 {
                let p = pending
                pending = 0
                if c == 0x3D {
                    out.append(p == 0x3E ? 0x2265 : 0x2264)
                    continue
                }
                out.append(p)
            }
            if c == 0x3E || c == 0x3C {
                pending = c
            } else {
                // A thousands separator between two digits is left out, as whitespace is: pages
                // show `6,660,000` and `2,000.00`, forms and queries write `6660000`.
                if c >= 0x30 && c <= 0x39, out.count - start >= 2, out[out.count - 1] == 0x2C,
                    out[out.count - 2] >= 0x30 && out[out.count - 2] <= 0x39
                {
                    out.removeLast()
                }
                out.append(c)
            }
        }
        if pending != 0 { out.append(pending) }
    }

    /// `normalize` of a string, as code points.
    static func normalized(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        text.withUTF8Bytes { normalize($0, into: &out) }
        return out
    }

    /// The terms of a query: split on whitespace, each normalised; empty terms dropped.
    static func terms(_ query: String) -> [[UInt32]] {
        var out: [[UInt32]] = []
        var current = ""
        func flush() {
            let t = normalized(current)
            if !t.isEmpty { out.append(t) }
            current = ""
        }
        for scalar in query.unicodeScalars {
            if isSpace(foldScalar(scalar.value)) { flush() } else { current.unicodeScalars.append(scalar) }
        }
        flush()
        return out
    }

    /// The hash that picks the shard of a key of one to three characters (FNV-1a over the code
    /// points; search.js computes the same).
    static func hash(_ codes: some Collection<UInt32>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for c in codes {
            h ^= c
            h = h &* 16_777_619
        }
        return h
    }
}
