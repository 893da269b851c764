// Numbers as pages show them: amounts with thousands separators, shares and changes.

extension Money {
    /// 万元 with thousands separators: `90,713.35`, `625.39`.
    var groupedWan: String { Money.grouped(wanString) }

    /// 元 with thousands separators and two decimals where there are fen: `80,405,500`, `106,000.50`.
    var groupedYuan: String {
        let text = fen % Money.fenPerYuan == 0 ? yuanString : Money.format(fen, scale: 2, minimumDecimals: 2)
        return Money.grouped(text)
    }

    /// `1234567.5` as `1,234,567.5` (a leading minus kept).
    static func grouped(_ decimal: String) -> String {
        let negative = decimal.hasPrefix("-")
        let body = negative ? decimal.dropFirst() : Substring(decimal)
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let digits = Array(body[..<point])
        var out = negative ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        out += body[point...]
        return out
    }
}

enum Shares {
    /// Each part's share of the whole in tenths of a percent, rounded so that they add up to
    /// exactly 1000 (largest remainders; ties to the earlier part). Nil when the parts are
    /// not all zero or more, or add up to nothing.
    static func permille(_ parts: [Money]) -> [Int]? {
        let total = parts.reduce(Int64(0)) { $0 &+ $1.fen }
        guard total > 0, parts.allSatisfy({ $0.fen >= 0 }) else { return nil }
        var shares: [Int] = []
        var remainders: [(remainder: Int64, index: Int)] = []
        for (i, part) in parts.enumerated() {
            // part * 1000 fits: amounts are far below Int64.max / 1000.
            let (q, r) = (part.fen * 1000).quotientAndRemainder(dividingBy: total)
            shares.append(Int(q))
            remainders.append((r, i))
        }
        var missing = 1000 - shares.reduce(0, +)
        for (_, i) in remainders.sorted(by: { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }) where missing > 0 {
            shares[i] += 1
            missing -= 1
        }
        return shares
    }

    /// `24.8%` for 248 tenths of a percent.
    static func text(_ permille: Int) -> String { "\(permille / 10).\(permille % 10)%" }
}

enum Change {
    /// The change from `before` to `now` in 万元, signed: `+12.30`, `−5.00` (a true minus sign), `0.00`.
    static func amount(_ before: Money, _ now: Money) -> String {
        let d = now.fen &- before.fen
        if d == 0 { return "0.00" }
        return (d > 0 ? "+" : "−") + Money(fen: d > 0 ? d : 0 &- d).groupedWan
    }

    /// The change in percent of `before`, one decimal, rounded half away from zero: `+12.3%`;
    /// `—` when there was nothing before.
    static func percent(_ before: Money, _ now: Money) -> String {
        guard before.fen > 0 else { return "—" }
        let d = now.fen &- before.fen
        var (b, magnitude) = (before.fen, d > 0 ? d : 0 &- d)
        // Amounts too large to multiply by 2000 are scaled down first (a percent with one
        // decimal does not need their fen).
        while magnitude > Int64.max / 4000 || b > Int64.max / 4 {
            magnitude /= 1000
            b = max(1, b / 1000)
        }
        let tenths = (magnitude * 2000 + b) / (b * 2)
        if tenths == 0 { return "0.0%" }
        return (d > 0 ? "+" : "−") + Money.grouped(String(tenths / 10)) + ".\(tenths % 10)%"
    }
}
