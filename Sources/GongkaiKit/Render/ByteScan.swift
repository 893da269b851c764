// Finding a few ASCII bytes in UTF-8 text eight bytes at a time, so that text needing no
// escaping or quoting (almost all of it) is copied whole.

enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `bytes` holds any of the ASCII bytes `a`…`e` (repeat one to look for fewer).
    ///
    /// SWAR: `v = word ^ (ones * t)` has a zero byte exactly where the word has `t`, and
    /// `(v - ones) & ~v & highs` is non-zero exactly when `v` has a zero byte (a borrow starts
    /// only at a zero byte; a byte >= 0x80 is cleared by `~v` since `t` < 0x80).
    @inline(__always)
    static func containsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8) -> Bool {
        let n = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        let (ma, mb, mc, md, me) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c), ones &* UInt64(d), ones &* UInt64(e))
        var i = 0
        while i + 8 <= n {
            let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let va = x ^ ma, vb = x ^ mb, vc = x ^ mc, vd = x ^ md, ve = x ^ me
            let hit = ((va &- ones) & ~va) | ((vb &- ones) & ~vb) | ((vc &- ones) & ~vc) | ((vd &- ones) & ~vd) | ((ve &- ones) & ~ve)
            if hit & highs != 0 { return true }
            i += 8
        }
        while i < n {
            let x = bytes[i]
            if x == a || x == b || x == c || x == d || x == e { return true }
            i += 1
        }
        return false
    }
}
