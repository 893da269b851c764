// Byte-level text helpers for the hot path: comparing CJK Strings as Strings is slow
// (Unicode normalisation on every comparison and hash), comparing their UTF-8 is not.

import Foundation

extension Array where Element == UInt8 {
    /// Whether the bytes are UTF-8: validated in place (the standard library's validator is
    /// quick, and a UTF8Span copies nothing).
    var isValidUTF8: Bool { (try? UTF8Span(validating: span)) != nil }
}

extension String {
    /// A String of bytes that are valid UTF-8 by construction, copied without validating them
    /// again: a slice of a document that was validated as a whole, cut at ASCII bytes or at
    /// whole characters, or bytes written from Strings' UTF-8 and ASCII. (`String(decoding:)`
    /// validates every byte again, about half the cost of making the String.) Debug builds,
    /// which run the tests, check.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        assert(String(validating: bytes, as: UTF8.self) != nil, "not UTF-8: \(Array(bytes))")
        self = unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes)))
    }
}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: in place where they are stored contiguously
    /// (native strings), else from a contiguous copy.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return try copy.withUTF8(body)
    }

    /// Whether the UTF-8 holds `byte`: one `memchr` (the UTF-8 view's own `contains` steps
    /// through its indices one by one).
    @inline(__always)
    func utf8Has(_ byte: UInt8) -> Bool {
        withUTF8Bytes { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
    }

    /// Whether a UTF-8 byte satisfies `test`: a loop over the bytes in place.
    @inline(__always)
    func utf8HasByte(where test: (UInt8) -> Bool) -> Bool { withUTF8Bytes { $0.contains(where: test) } }

    /// `memcmp` order of the UTF-8 bytes: negative, zero or positive.
    @inline(__always)
    func utf8Compare(_ other: some StringProtocol) -> Int {
        withUTF8Bytes { x in
            other.withUTF8Bytes { y in
                let n = Swift.min(x.count, y.count)
                let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
                return c != 0 ? c : x.count - y.count
            }
        }
    }

    /// Equal UTF-8 bytes: lengths first, then one `memcmp`.
    @inline(__always)
    func utf8Equals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && utf8Compare(other) == 0
    }

    /// Whether the UTF-8 starts with `prefix`'s: one `memcmp` (a generic `starts(with:)` over
    /// the two UTF-8 views walks them byte by byte).
    @inline(__always)
    func utf8HasPrefix(_ prefix: String) -> Bool {
        withUTF8Bytes { x in
            prefix.withUTF8Bytes { p in p.count <= x.count && (p.isEmpty || memcmp(x.baseAddress!, p.baseAddress!, p.count) == 0) }
        }
    }

    func utf8HasSuffix(_ suffix: String) -> Bool {
        withUTF8Bytes { x in
            suffix.withUTF8Bytes { s in
                s.count <= x.count && (s.isEmpty || memcmp(x.baseAddress! + (x.count - s.count), s.baseAddress!, s.count) == 0)
            }
        }
    }

    /// Whether the UTF-8 of `needle` occurs in this string's UTF-8.
    func utf8Contains(_ needle: String) -> Bool {
        // Most calls ask a short cell for a longer label: no copy, no search.
        guard needle.utf8.count <= utf8.count else { return false }
        return withUTF8Bytes { hay in needle.withUTF8Bytes { ByteSearch.firstIndex(of: $0, in: hay) != nil } }
    }

    /// Whether the text may hold a whitespace character, told on its bytes and on the safe
    /// side: an ASCII space or control, a lead byte of U+0080–00BF, U+1000–1FFF or
    /// U+2000–2FFF (the other spaces are there), or U+3000. False means there is none.
    var utf8MayHaveWhitespace: Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in utf8 {
            if b <= 0x20 || b == 0xC2 || b == 0xE1 || b == 0xE2 { return true }
            if b == 0x80, previous == (0xE3, 0x80) { return true }
            previous = (previous.1, b)
        }
        return false
    }

    /// The number of Unicode scalars (a cheap length for CJK text; no grapheme breaking).
    var scalarCount: Int { unicodeScalars.count }
}

extension String {
    /// The text in Unicode Normalization Form C, made by Foundation only when it may differ:
    /// text whose every scalar is below U+0300 or one of the punctuation, CJK and full-width
    /// characters names and paths are made of is NFC already (none of them is a combining
    /// mark, none is changed by NFC, and none composes with the character before it: checked
    /// for every scalar of those ranges against Python's unicodedata). Foundation's NFC takes
    /// microseconds a string, and every document path and department spelling is normalised.
    var nfc: String {
        for scalar in unicodeScalars where !Self.isNFCStable(scalar.value) { return precomposedStringWithCanonicalMapping }
        return self
    }

    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        v < 0x300 || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0x3000...0x3029).contains(v)
            || (0x3030...0x3098).contains(v) || (0x309B...0x9FFF).contains(v) || (0xFF00...0xFF5E).contains(v) || (0xFFE0...0xFFEE).contains(v)
    }
}

enum ByteSearch {
    /// The offset of the first occurrence of `pattern` in `hay`, or nil.
    static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = pattern.count, m = hay.count
        guard n > 0, m >= n, let h = hay.baseAddress, let p = pattern.baseAddress else { return n == 0 ? 0 : nil }
        // Candidates are found by memchr (vectorised) on the pattern's last byte: in CJK text that
        // is a continuation byte, one of 64 values, where the first byte is one of a handful.
        let last = Int32(p[n - 1])
        var i = n - 1  // where the pattern's last byte would be
        while i < m {
            guard let hit = memchr(h + i, last, m - i) else { return nil }
            let end = UnsafeRawPointer(hit) - UnsafeRawPointer(h)
            if memcmp(h + (end - (n - 1)), p, n - 1) == 0 { return end - (n - 1) }
            i = end + 1
        }
        return nil
    }

    /// `bytes` with every occurrence of `pattern` taken out, left to right and without looking
    /// again across a cut (what `String.replacing(_:with: "")` does to text whose characters
    /// are one scalar each).
    static func removingAll(_ pattern: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { all in
            pattern.withUnsafeBufferPointer { p in
                var start = 0
                while let at = firstIndex(of: p, in: UnsafeBufferPointer(rebasing: all[start...])) {
                    out.append(contentsOf: all[start..<(start + at)])
                    start += at + p.count
                }
                out.append(contentsOf: all[start...])
            }
        }
        return out
    }

    /// Whether `pattern` occurs in `bytes[range]`.
    static func contains(_ pattern: [UInt8], in bytes: [UInt8], range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            pattern.withUnsafeBufferPointer { p in
                firstIndex(of: p, in: UnsafeBufferPointer(rebasing: all[range])) != nil
            }
        }
    }
}

/// Several needles looked for in one pass over a text: only positions whose first bytes start
/// a needle (a bit in a 64 K-bit table) are compared. Looking for each needle in turn scans CJK
/// text once per needle and stops at every byte equal to the needle's last one. When every
/// needle has three bytes or more (a CJK character), the table is of their first three bytes
/// (hashed): two bytes are shared by 64 CJK characters, and most positions of CJK text would
/// pass.
struct NeedleSet: Sendable {
    let needles: [String]
    private let bytes: [[UInt8]]
    private var starts = [UInt64](repeating: 0, count: 1024)
    /// How many bytes the table is of: 3, or 2 when a needle is shorter.
    private let width: Int

    /// Needles of fewer than two bytes are not looked for.
    init(_ needles: [String]) {
        self.needles = needles
        bytes = needles.map { Array($0.utf8) }
        width = bytes.allSatisfy { $0.count >= 3 } ? 3 : 2
        for b in bytes where b.count >= 2 {
            let key = width == 3 ? Self.key(b[0], b[1], b[2]) : Int(b[0]) << 8 | Int(b[1])
            starts[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    @inline(__always)
    private static func key(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        (Int(a) << 8 | Int(b)) ^ (Int(c) &* 0x9E5) & 0xFFFF
    }

    /// Calls `body` with each position of `hay` where a needle may start, and the bytes there,
    /// until it returns false.
    @inline(__always)
    private func candidates(_ hay: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        let n = hay.count
        guard n >= width else { return }
        starts.withUnsafeBufferPointer { starts in
            if width == 3 {
                for i in 0..<(n - 2) {
                    let key = Self.key(hay[i], hay[i + 1], hay[i + 2])
                    guard starts[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    if !body(i) { return }
                }
            } else {
                for i in 0..<(n - 1) {
                    let key = Int(hay[i]) << 8 | Int(hay[i + 1])
                    guard starts[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
                    if !body(i) { return }
                }
            }
        }
    }

    /// Whether needle `k` starts at `i` of `hay`.
    @inline(__always)
    private func matches(_ k: Int, _ hay: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let needle = bytes[k]
        guard needle.count >= 2, needle.count <= hay.count - i, needle[0] == hay[i], needle[1] == hay[i + 1] else { return false }
        return needle.withUnsafeBufferPointer { memcmp(hay.baseAddress! + i, $0.baseAddress!, $0.count) } == 0
    }

    /// The indices of the needles that occur in `text`, ascending.
    func found(in text: String) -> [Int] {
        guard !needles.isEmpty else { return [] }
        var hits: [Int] = []
        var text = text
        text.withUTF8 { hay in
            candidates(hay) { i in
                for k in bytes.indices where !hits.contains(k) && matches(k, hay, at: i) { hits.append(k) }
                return true
            }
        }
        return hits.sorted()
    }

    /// Whether any needle occurs in `text` (the first found ends the search).
    func occurs(in text: String) -> Bool {
        guard !needles.isEmpty else { return false }
        var found = false
        var text = text
        text.withUTF8 { hay in
            candidates(hay) { i in
                found = bytes.indices.contains { matches($0, hay, at: i) }
                return !found
            }
        }
        return found
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (what `properties.isWhitespace` answers), without the
    /// property-table lookup: U+0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028, 2029,
    /// 202F, 205F and 3000. A test checks it against the standard library for every scalar.
    @inline(__always)
    var isUnicodeWhitespace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        return v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000
    }
}
