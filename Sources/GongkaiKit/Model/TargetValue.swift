// What an indicator's target value (指标值) means: operator, number, unit — or a phrase.

import Foundation

/// A parsed 指标值. The raw text is always kept; the parts are what could be read from it.
public struct TargetValue: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A number, with an operator and a unit where given (`≥904.35元/人/月`).
        case quantitative
        /// A date or deadline (`2024年12月底前`).
        case date
        /// A range of numbers or dates (`2023.07-2024.01`).
        case range
        /// A phrase (`及时`, `完善`, `较高`, `不适用`).
        case qualitative
    }

    public enum Operator: String, Sendable, Codable {
        case atLeast = "≥", atMost = "≤", equal = "=", greater = ">", less = "<", approximately = "≈", notEqual = "≠"
    }

    public var raw: String
    public var kind: Kind
    public var op: Operator?
    /// The number, exact, with 万 / 亿 multipliers applied (`>=2.07万` → 20700). Money units
    /// (`万元`, `亿元`) are units, not multipliers (`≥ 4000 万元` → 4000 万元).
    public var number: Decimal?
    /// The number as written (digits normalised), with its multiplier: `2.07万`, `2/3`.
    public var numberText: String?
    public var unit: String?
    /// What the number is of, when the value says so (`贷款总量` in `1.5%贷款总量`).
    public var qualifier: String?
    /// For ranges and dates: the start and end as written (`2023.07`, `2024.01`).
    public var from: String?
    public var to: String?

    /// The value in a consistent form: `≥904.35元/人/月`, `≥2.07万`, `≥95%`, `及时`.
    public var display: String {
        switch kind {
        case .quantitative:
            var s = op?.rawValue ?? ""
            if let q = qualifier, qualifierFirst { s += q }
            s += numberText ?? ""
            s += unit ?? ""
            if let q = qualifier, !qualifierFirst { s += q }
            return s
        case .range:
            return (from ?? "") + "–" + (to ?? "") + (unit ?? "")
        case .date:
            return raw.filter { !$0.isWhitespace }
        case .qualitative:
            return raw
        }
    }

    /// Whether the qualifier came before the number in the text (`当年征缴额的2%`).
    public var qualifierFirst = false
    /// Whether the number was written as a fraction (`2/3`), which a decimal cannot hold exactly.
    public var isFraction = false

    /// The number for data files: exact decimal digits (`20700`, `904.35`), a fraction as written
    /// (`2/3`), a date as `2024-12`; empty for phrases.
    public var numberString: String {
        switch kind {
        case .quantitative:
            if isFraction { return numberText ?? "" }
            return number.map { "\($0)" } ?? ""
        case .date: return numberText ?? ""
        case .range: return (from ?? "") + "/" + (to ?? "")
        case .qualitative: return ""
        }
    }

    /// Whether the value is measurable: a number, a date or a range.
    public var isMeasurable: Bool { kind != .qualitative }

    /// Whether the unit is money (元, 万元, 亿元), and the amount in fen if so.
    public var money: Money? {
        guard kind == .quantitative, let number, let unit else { return nil }
        let factor: Decimal
        switch unit {
        case "元": factor = 100
        case "万元": factor = 1_000_000
        case "亿元": factor = 10_000_000_000
        default: return nil
        }
        var fen = number * factor
        var rounded = Decimal()
        NSDecimalRound(&rounded, &fen, 0, .plain)
        guard rounded == fen else { return nil }
        return Money(fen: NSDecimalNumber(decimal: rounded).int64Value)
    }
}
