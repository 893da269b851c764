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

    /// Whitespace never belongs to a search term.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 }

    /// The key of a one- or two-character string in the index, and the hash that picks its shard
    /// (FNV-1a over the code points; search.js computes the same).
    static func hash(_ a: UInt32, _ b: UInt32?) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        h ^= a
        h = h &* 16_777_619
        if let b {
            h ^= b
            h = h &* 16_777_619
        }
        return h
    }
}
