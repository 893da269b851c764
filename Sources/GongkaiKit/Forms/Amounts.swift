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

    /// Parses an amount in 亿元 unless the text names another unit.
    static func yi(_ text: String) -> Money? {
        parse(text, defaultDecimals: 10)
    }

    /// Parses an amount in `unit` (万元 when nil) unless the text names another unit.
    static func read(_ text: String, unit: MoneyUnit?) -> Money? {
        switch unit {
        case .yuan?: yuan(text)
        case .yi?: yi(text)
        case .wan?, nil: wan(text)
        }
    }

    /// The number after a fund's name in one cell (`中央衔接推进乡村振兴补助资金(少数民族发展任务)50`
    /// → `50`, `财政资金895.8万元。` → `895.8万元`): forms that write what the money is and how much
    /// in one cell. Nil unless the name has no digit and ends like a fund's name.
    static func afterFundName(_ text: String) -> String? {
        var t = Substring(text.trimmingWhitespace())
        while let l = t.last, l == "。" || l == ";" || l == "；" { t = t.dropLast() }
        var start = t.endIndex
        while start > t.startIndex {
            let c = t[t.index(before: start)]
            guard c.isASCII && (c.isNumber || c == "." || c == ",") || "万元亿".contains(c) else { break }
            start = t.index(before: start)
        }
        let name = t[..<start].trimmingWhitespace()
        let number = t[start...]
        guard number.first?.isNumber == true, name.scalarCount >= 4, !name.contains(where: { $0.isASCII && $0.isNumber }),
              ["资金", "经费", "补助", "拨款", "预算", "安排", "收入", ")", "）"].contains(where: { name.utf8HasSuffix($0) })
        else { return nil }
        return String(number)
    }

    /// Whether whitespace stands between two digits (`40 40`, `1 2`).
    static func digitsOnBothSidesOfSpace(_ text: String) -> Bool {
        var lastDigit = false
        var spaceAfterDigit = false
        for c in text.unicodeScalars {
            if c.properties.isWhitespace {
                if lastDigit { spaceAfterDigit = true }
                continue
            }
            let digit = c.value >= 0x30 && c.value <= 0x39
            if digit && spaceAfterDigit { return true }
            lastDigit = digit
            spaceAfterDigit = false
        }
        return false
    }

    /// `defaultDecimals`: how many decimal places of the number one fen is, for a text without
    /// a unit (2 for 元, 6 for 万元). The number is read straight into fen at its unit's places,
    /// so every amount that fen can hold in 64 bits is exact (reading it at 10⁻⁶ of its unit
    /// first overflowed from 9,223,373 万元 on).
    private static func parse(_ text: String, defaultDecimals: Int) -> Money? {
        // Whitespace is dropped; it can only be there when a byte says so (ASCII whitespace, or
        // the lead bytes C2, E1, E2, E3 of Unicode's spaces), so most amounts skip the filter.
        let mayHaveSpace = text.utf8HasByte { b in b <= 0x20 || b == 0xC2 || (b >= 0xE1 && b <= 0xE3) }
        if mayHaveSpace, digitsOnBothSidesOfSpace(text) {
            // `40 40`: two numbers (a form's last-year and this-year columns run together), never
            // one amount of 4040.
            return nil
        }
        var s = mayHaveSpace ? text.filter { !$0.isWhitespace } : text
        // A sentence's full stop after the amount (`500万元。`).
        while s.utf8.last == 0x82, s.utf8HasSuffix("。") { s.removeLast() }
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
