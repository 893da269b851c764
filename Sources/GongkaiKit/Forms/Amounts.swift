// Reading amounts written with units: `666万元`, `4000万元`, `155.00`, `210000元`.

enum Amounts {
    /// The unit an amount's text ends with (`666万元`, `449.8万`, `1,000,000元`, `2亿元`), if any.
    static func unit(in text: String) -> MoneyUnit? {
        var t = Substring(text)
        while let l = t.last, l.isWhitespace || l == "。" || l == "." { t = t.dropLast() }
        if t.hasSuffix("万元") || t.hasSuffix("万") || t.hasSuffix("亿元") || t.hasSuffix("亿") { return .wan }
        if t.hasSuffix("元") { return .yuan }
        return nil
    }

    /// Parses an amount in 万元 unless the text names another unit (元, 亿元).
    /// Returns nil for text that is not an amount.
    static func wan(_ text: String) -> Money? {
        parse(text, defaultDecimals: 6)
    }

    /// Parses an amount in 元 unless the text names another unit.
    static func yuan(_ text: String) -> Money? {
        parse(text, defaultDecimals: 2)
    }

    /// `defaultDecimals`: how many decimal places of the number one fen is, for a text without
    /// a unit (2 for 元, 6 for 万元). The number is read straight into fen at its unit's places,
    /// so every amount that fen can hold in 64 bits is exact (reading it at 10⁻⁶ of its unit
    /// first overflowed from 9,223,373 万元 on).
    private static func parse(_ text: String, defaultDecimals: Int) -> Money? {
        // Whitespace is dropped; it can only be there when a byte says so (ASCII whitespace, or
        // the lead bytes C2, E1, E2, E3 of Unicode's spaces), so most amounts skip the filter.
        let mayHaveSpace = text.utf8.contains { b in b <= 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) }
        var s = mayHaveSpace ? text.filter { !$0.isWhitespace } : text
        guard !s.isEmpty else { return nil }
        var decimals = defaultDecimals
        // The units are whole characters at the end: their bytes say it.
        if s.utf8HasSuffix("亿元") { s.removeLast(2); decimals = 10 }
        else if s.utf8HasSuffix("亿") { s.removeLast(1); decimals = 10 }
        else if s.utf8HasSuffix("万元") { s.removeLast(2); decimals = 6 }
        else if s.utf8HasSuffix("万") { s.removeLast(1); decimals = 6 }
        else if s.utf8HasSuffix("元") { s.removeLast(1); decimals = 2 }
        // Nil when finer than a fen or past what fen can hold.
        return Money.parseDecimal(s, scale: decimals).map { Money(fen: $0) }
    }
}
