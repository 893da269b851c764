// Reading amounts written with units: `666万元`, `4000万元`, `155.00`, `210000元`.

enum Amounts {
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
        var s = text.filter { !$0.isWhitespace }
        guard !s.isEmpty else { return nil }
        var scale = defaultScaleToFen
        if s.hasSuffix("亿元") { s.removeLast(2); scale = Money.fenPerWan * 10_000 }
        else if s.hasSuffix("亿") { s.removeLast(1); scale = Money.fenPerWan * 10_000 }
        else if s.hasSuffix("万元") { s.removeLast(2); scale = Money.fenPerWan }
        else if s.hasSuffix("万") { s.removeLast(1); scale = Money.fenPerWan }
        else if s.hasSuffix("元") { s.removeLast(1); scale = Money.fenPerYuan }
        guard let micro = Money.parseDecimal(s, scale: 6) else { return nil }
        // micro is the value × 10^6; convert to fen exactly or fail.
        let (product, overflow) = micro.multipliedReportingOverflow(by: scale)
        guard !overflow, product % 1_000_000 == 0 else { return nil }
        return Money(fen: product / 1_000_000)
    }
}
