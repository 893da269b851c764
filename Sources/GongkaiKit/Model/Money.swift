// Exact money: integer fen, parsed from and printed as decimal 万元 or 元.

/// An exact amount of money, held as an integer number of fen (0.01 元).
///
/// Amounts in the forms are decimal 万元 with up to four places, and sub-items
/// are in 元; both are exact in fen (1 万元 = 1,000,000 fen). No floating point.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)
    public static let fenPerWan: Int64 = 1_000_000
    public static let fenPerYuan: Int64 = 100

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen &+ b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen &- b.fen) }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// Parses a plain decimal number of 万元 (`625.39`, `1,234.5`, full-width digits).
    public init?(wan text: some StringProtocol) {
        guard let fen = Money.parseDecimal(text, scale: 6) else { return nil }
        self.fen = fen
    }

    /// Parses a plain decimal number of 元 (`80405500`, `106000.50`).
    public init?(yuan text: some StringProtocol) {
        guard let fen = Money.parseDecimal(text, scale: 2) else { return nil }
        self.fen = fen
    }

    /// The amount in 万元 with at least two decimals: `625.39`, `9035.00`, `10606.7522`.
    public var wanString: String { Money.format(fen, scale: 6, minimumDecimals: 2) }

    /// The amount in 元 with no decimals unless it has fen: `80405500`, `106000.5`.
    public var yuanString: String { Money.format(fen, scale: 2, minimumDecimals: 0) }

    /// Parses `[-]digits[.digits]` (ASCII or full-width, with `,` separators) into an
    /// integer scaled by 10^scale; nil when malformed or more precise than the scale. Separators
    /// stand every three digits (`1,000,000`), or every four as 万 groups them (`125,0000`), the
    /// same all along: `12,458,3`, a figure a page cut in the middle of, or `1234,5` is
    /// malformed, not 124583 or 12345.
    static func parseDecimal(_ text: some StringProtocol, scale: Int) -> Int64? {
        // A comma after a figure with no other separator is punctuation (`120,`, `120，`); after
        // one with separators it may end a figure cut short (`12,458,`), which stays malformed.
        if let last = text.unicodeScalars.last, last == "," || last == "，" {
            let body = text.unicodeScalars.dropLast()
            if !body.contains(where: { $0 == "," || $0 == "，" }) { return parseDecimal(String(String.UnicodeScalarView(body)), scale: scale) }
        }
        var groupDigits = 0
        var seenSeparator = false
        var firstGroup = 0
        var groupSize = 0
        /// Whether the group just ended is as long as the groups after the first must be.
        func groupEnds() -> Bool {
            if !seenSeparator { return true }
            if groupSize == 0 {
                guard groupDigits == 3 || groupDigits == 4, firstGroup <= groupDigits else { return false }
                groupSize = groupDigits
                return true
            }
            return groupDigits == groupSize
        }
        var negative = false
        var intPart: Int64 = 0
        var fracDigits: [Int64] = []
        var seenDigit = false
        var seenPoint = false
        var first = true
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF10 && v <= 0xFF19 { v = v - 0xFF10 + 0x30 }  // full-width digits
            if v == 0xFF0E { v = 0x2E }  // full-width point
            if v == 0xFF0C { v = 0x2C }
            defer { first = false }
            switch v {
            case 0x30...0x39:
                seenDigit = true
                let d = Int64(v - 0x30)
                if seenPoint {
                    fracDigits.append(d)
                } else {
                    groupDigits += 1
                    let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { return nil }
                    intPart = s
                }
            case 0x2E:
                if seenPoint || !groupEnds() { return nil }
                seenPoint = true
            case 0x2C:
                if seenPoint || !seenDigit { return nil }
                if seenSeparator {
                    if !groupEnds() { return nil }
                } else {
                    guard groupDigits <= 4 else { return nil }
                    firstGroup = groupDigits
                }
                seenSeparator = true
                groupDigits = 0
            case 0x2D, 0x2212:
                if !first { return nil }
                negative = true
            case 0x2B:
                if !first { return nil }
            default:
                return nil
            }
        }
        guard seenDigit, seenPoint || groupEnds() else { return nil }
        while let last = fracDigits.last, last == 0, fracDigits.count > 0 { fracDigits.removeLast() }
        if fracDigits.count > scale { return nil }
        var value = intPart
        for _ in 0..<scale {
            let (m, o) = value.multipliedReportingOverflow(by: 10)
            if o { return nil }
            value = m
        }
        var frac: Int64 = 0
        var place: Int64 = 1
        for _ in 0..<(scale - fracDigits.count) { place *= 10 }
        for d in fracDigits.reversed() {
            frac += d * place
            place *= 10
        }
        let (sum, o) = value.addingReportingOverflow(frac)
        if o { return nil }
        return negative ? -sum : sum
    }

    static func format(_ value: Int64, scale: Int, minimumDecimals: Int) -> String {
        var unit: Int64 = 1
        for _ in 0..<scale { unit *= 10 }
        let negative = value < 0
        let magnitude = value.magnitude
        let intPart = magnitude / UInt64(unit)
        var frac = magnitude % UInt64(unit)
        var digits: [Character] = []
        for _ in 0..<scale {
            digits.append(Character(String(frac % 10)))
            frac /= 10
        }
        digits.reverse()
        while digits.count > minimumDecimals, digits.last == "0" { digits.removeLast() }
        var s = negative ? "-" : ""
        s += String(intPart)
        if !digits.isEmpty { s += "." + String(digits) }
        return s
    }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}
