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
        parse(text, defaultScaleToFen: Money.fenPerWan)
    }

    /// Parses an amount in 元 unless the text names another unit.
    static func yuan(_ text: String) -> Money? {
        parse(text, defaultScaleToFen: Money.fenPerYuan)
    }

    private static func parse(_ text: String, defaultScaleToFen: Int64) -> Money? {
        // Whitespace is dropped; it can only be there when a byte says so (ASCII whitespace, or
        // the lead bytes C2, E1, E2, E3 of Unicode's spaces), so most amounts skip the filter.
        let mayHaveSpace = text.utf8.contains { b in b <= 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) }
        var s = mayHaveSpace ? text.filter { !$0.isWhitespace } : text
        guard !s.isEmpty else { return nil }
        var scale = defaultScaleToFen
        // The units are whole characters at the end: their bytes say it.
        if s.utf8HasSuffix("亿元") { s.removeLast(2); scale = Money.fenPerWan * 10_000 }
        else if s.utf8HasSuffix("亿") { s.removeLast(1); scale = Money.fenPerWan * 10_000 }
        else if s.utf8HasSuffix("万元") { s.removeLast(2); scale = Money.fenPerWan }
        else if s.utf8HasSuffix("万") { s.removeLast(1); scale = Money.fenPerWan }
        else if s.utf8HasSuffix("元") { s.removeLast(1); scale = Money.fenPerYuan }
        guard let micro = Money.parseDecimal(s, scale: 6) else { return nil }
        // micro is the value × 10^6; convert to fen exactly or fail.
        let (product, overflow) = micro.multipliedReportingOverflow(by: scale)
        guard !overflow, product % 1_000_000 == 0 else { return nil }
        return Money(fen: product / 1_000_000)
    }
}
