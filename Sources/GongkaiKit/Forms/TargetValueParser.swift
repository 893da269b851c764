// Reading 指标值: operators (≥ ≧ >= ＞ \geq 不低于 以上 …), numbers (万/亿, 1,234, ２０, 2/3),
// units (% 人 个 万元 元/人/月 …), dates, ranges, and qualitative phrases.
// Works on Unicode scalars: values are short and parsed hundreds of thousands of times.

import Foundation

enum TargetValueParser {
    typealias Scalars = [Unicode.Scalar]

    /// Parses `rawValue`, remembering the result: the same values recur across thousands of forms.
    static func parse(_ rawValue: String) -> TargetValue {
        parsed(rawValue).value
    }

    /// `parse`, with the strings pages and open data print of the value, made once per
    /// distinct text (printing a `Decimal` is slow, and the same values recur).
    static func parsed(_ rawValue: String) -> ParsedTarget {
        cache.value(for: rawValue) { ParsedTarget(parseUncached(rawValue)) }
    }

    private static let cache = ParseCache()

    static func parseUncached(_ rawValue: String) -> TargetValue {
        let raw = rawValue.trimmingWhitespace()
        var value = TargetValue(raw: raw, kind: .qualitative)
        var text = normalize(raw)
        guard !text.isEmpty else { return value }

        // An operator at the start, as a symbol or in words.
        for (prefix, op) in symbolOperators where text.starts(with: prefix) {
            value.op = op
            text.removeFirst(prefix.count)
            break
        }

        if let date = parseDateOrRange(text) {
            var d = date
            d.raw = raw
            if d.op == nil { d.op = value.op }
            return d
        }

        guard let number = firstNumber(in: text) else { return value }
        value.kind = .quantitative
        value.isFraction = number.isFraction
        var before = Array(text[..<number.range.lowerBound])
        var after = Array(text[number.range.upperBound...])
        var multiplierExponent: Int16 = 0
        var shown = number.text
        // 万 / 亿 multiply unless they start a money unit (万元, 亿元).
        if after.first == "万", !(after.count > 1 && after[1] == "元") {
            multiplierExponent = 4
            after.removeFirst()
            shown += "万"
        } else if after.first == "亿", !(after.count > 1 && after[1] == "元") {
            multiplierExponent = 8
            after.removeFirst()
            shown += "亿"
        }
        var n = number.value
        if multiplierExponent != 0 {
            n = n * Decimal(sign: .plus, exponent: Int(multiplierExponent), significand: 1)
        }
        value.number = n
        value.numberText = shown
        // The unit right after the number.
        if let unit = units.first(where: { after.starts(with: $0.scalars) }) {
            value.unit = unit.text
            after.removeFirst(unit.scalars.count)
        }
        // Comparative words before or after the number.
        if value.op == nil {
            for (word, op) in wordOperators {
                if let r = find(word, in: before) {
                    value.op = op
                    before.removeSubrange(r)
                    break
                }
            }
        }
        if value.op == nil {
            for (word, op) in suffixOperators where after.starts(with: word) {
                value.op = op
                after.removeFirst(word.count)
                break
            }
        }
        if !before.isEmpty {
            value.qualifier = string(before) + (after.isEmpty ? "" : "…" + string(after))
            value.qualifierFirst = true
        } else if !after.isEmpty {
            value.qualifier = string(after)
        }
        return value
    }

    /// Half-width digits and signs, no spaces, LaTeX math as text.
    static func normalize(_ s: String) -> Scalars {
        var source = s
        if s.utf8Has(0x24) || s.utf8Has(0x5C) { source = CellText.convertMath(s) }
        var out: Scalars = []
        out.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if v == 0x3000 || v == 0x20 || v == 0xA0 || v == 0x09 { continue }
            if let u = Unicode.Scalar(v) { out.append(u) }
        }
        return out
    }

    private static func s(_ text: String) -> Scalars { Array(text.unicodeScalars) }
    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    private static func find(_ needle: Scalars, in hay: Scalars) -> Range<Int>? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if hay[i..<i + needle.count].elementsEqual(needle) { return i..<i + needle.count }
        }
        return nil
    }

    private typealias Words = [(String, TargetValue.Operator)]
    private static let symbolOperators: [(Scalars, TargetValue.Operator)] = ([
        (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("≧", .atLeast), ("≤", .atMost), ("≦", .atMost),
        ("≠", .notEqual), ("≈", .approximately), ("~", .approximately), ("约", .approximately),
        (">", .greater), ("<", .less), ("=", .equal),
        ("不低于", .atLeast), ("不少于", .atLeast), ("至少", .atLeast), ("大于等于", .atLeast), ("达到", .atLeast),
        ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost), ("小于等于", .atMost), ("最多", .atMost),
        ("大于", .greater), ("高于", .greater), ("多于", .greater), ("超过", .greater),
        ("小于", .less), ("低于", .less), ("少于", .less), ("等于", .equal),
    ] as Words).map { (s($0.0), $0.1) }
    private static let wordOperators: [(Scalars, TargetValue.Operator)] = ([
        ("不低于", .atLeast), ("不少于", .atLeast), ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost),
        ("控制在", .atMost), ("至少", .atLeast), ("达到", .atLeast),
    ] as Words).map { (s($0.0), $0.1) }
    private static let suffixOperators: [(Scalars, TargetValue.Operator)] = ([
        ("及以上", .atLeast), ("以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost),
    ] as Words).map { (s($0.0), $0.1) }

    /// Known units, longest first so `元/人/月` wins over `元`.
    static let unitNames: [String] = [
        "元/人/月", "元/人·月", "元/人/年", "元/人", "元/月", "元/年", "万元", "亿元", "元", "%", "‰",
        "人次", "万人", "个月", "批次", "平方米", "公里", "小时", "工作日",
        "人", "个", "家", "份", "场", "名", "项", "次", "期", "件", "卷", "户", "所", "套", "台", "篇", "天", "日",
        "年", "月", "周", "倍", "座", "条", "本", "册", "张", "亩", "处", "间", "辆", "课时", "学时", "个点", "村", "镇", "类",
    ]
    private static let units: [(text: String, scalars: Scalars)] =
        unitNames.map { ($0, s($0)) }.sorted { $0.scalars.count > $1.scalars.count }
    static let unitSet = Set(unitNames)

    struct Number {
        var range: Range<Int>
        var text: String
        var value: Decimal
        var isFraction: Bool
    }

    @inline(__always) private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The first number: digits with `,` separators and a decimal point, or a fraction `2/3`.
    static func firstNumber(in text: Scalars) -> Number? {
        guard let start = text.firstIndex(where: isDigit) else { return nil }
        var mantissa: Decimal = 0
        var digits = ""
        var scale = 0
        var sawPoint = false
        var j = start
        while j < text.count {
            let c = text[j]
            if isDigit(c) {
                digits.unicodeScalars.append(c)
                mantissa = mantissa * 10 + Decimal(Int(c.value - 0x30))
                if sawPoint { scale += 1 }
            } else if c == ",", !sawPoint, j + 1 < text.count, isDigit(text[j + 1]) {
                // A thousands separator.
            } else if c == ".", !sawPoint, j + 1 < text.count, isDigit(text[j + 1]) {
                sawPoint = true
                digits.append(".")
            } else {
                break
            }
            j += 1
        }
        var value = mantissa
        if scale > 0 { value = mantissa / Decimal(sign: .plus, exponent: scale, significand: 1) }
        // A fraction: 2/3.
        if j < text.count, text[j] == "/", !sawPoint, j + 1 < text.count, isDigit(text[j + 1]) {
            var m = j + 1
            var denominator: Decimal = 0
            var denominatorText = ""
            while m < text.count, isDigit(text[m]) {
                denominator = denominator * 10 + Decimal(Int(text[m].value - 0x30))
                denominatorText.unicodeScalars.append(text[m])
                m += 1
            }
            if denominator != 0 {
                return Number(range: start..<m, text: digits + "/" + denominatorText, value: value / denominator, isFraction: true)
            }
        }
        return Number(range: start..<j, text: digits, value: value, isFraction: false)
    }

    private static let year: Unicode.Scalar = "年", month: Unicode.Scalar = "月", day: Unicode.Scalar = "日"

    /// `2024年12月底前`, `2023.07-2024.01`, `20240101-20241231`.
    static func parseDateOrRange(_ text: Scalars) -> TargetValue? {
        guard text.count >= 5, isDigit(text[0]), isDigit(text[1]), isDigit(text[2]), isDigit(text[3]) else { return nil }
        // Ranges of dates separated by - – — ~ 至.
        if let sep = text.firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" || $0 == "~" || $0 == "至" }),
            let a = dateText(text[..<sep]), let b = dateText(text[(sep + 1)...])
        {
            var v = TargetValue(raw: string(text), kind: .range)
            v.from = a
            v.to = b
            return v
        }
        // A single date: 2024年12月底前 / 2024年12月31日前 / 2024年底.
        guard text[4] == year else { return nil }
        let y = Int(string(text[0..<4])) ?? 0
        guard (1990...2099).contains(y) else { return nil }
        var i = 5
        let restStart = i < text.count ? text[i] : nil
        guard restStart == nil || isDigit(restStart!) || ["底", "末", "内", "前"].contains(restStart!) else { return nil }
        var date = String(y)
        var monthDigits = ""
        while i < text.count, isDigit(text[i]) { monthDigits.unicodeScalars.append(text[i]); i += 1 }
        if !monthDigits.isEmpty {
            guard i < text.count, text[i] == month, let m = Int(monthDigits) else { return nil }
            date += "-" + (m < 10 ? "0" : "") + String(m)
            i += 1
            var dayDigits = ""
            var k = i
            while k < text.count, isDigit(text[k]) { dayDigits.unicodeScalars.append(text[k]); k += 1 }
            if !dayDigits.isEmpty, k < text.count, text[k] == day, let d = Int(dayDigits) {
                date += "-" + (d < 10 ? "0" : "") + String(d)
                i = k + 1
            }
        }
        var v = TargetValue(raw: string(text), kind: .date)
        if let last = text.last, last == "前" || last == "底" || last == "内" || last == "末" { v.op = .atMost }
        v.numberText = date
        return v
    }

    /// A date written as `2023.07`, `2023-07`, `20240101`, `2024年7月`; nil otherwise.
    private static func dateText(_ part: ArraySlice<Unicode.Scalar>) -> String? {
        guard part.count >= 6, part.count <= 11 else { return nil }
        let digits = part.filter(isDigit).count
        guard digits >= 6, part.prefix(4).allSatisfy(isDigit), let y = Int(string(part.prefix(4))), (1990...2099).contains(y),
            part.allSatisfy({ isDigit($0) || $0 == "." || $0 == "/" || $0 == year || $0 == month || $0 == day })
        else { return nil }
        return string(part)
    }
}


/// A parsed target value and what is printed of it: a class, so that handing it out of the
/// cache retains one object, not each of its strings.
final class ParsedTarget: Sendable {
    let value: TargetValue
    /// `value.display`.
    let display: String
    /// `value.numberString`.
    let numberString: String

    init(_ value: TargetValue) {
        self.value = value
        display = value.display
        numberString = value.numberString
    }
}

/// A thread-safe memo of what is worked out from a text (a parsed value, a cleaned cell),
/// keyed by the text's UTF-8 (`ByteKey`: String hashing normalises Unicode, which is slow);
/// the key's hash picks the shard.
final class TextMemo<Value: Sendable>: @unchecked Sendable {
    private final class Shard {
        let lock = NSLock()
        var values: [ByteKey: Value] = [:]
    }

    private let shards = (0..<16).map { _ in Shard() }
    /// Beyond this many values per shard, results are computed but not remembered.
    private let limit: Int

    init(limit: Int = 8192) { self.limit = limit }

    func value(for text: String, _ compute: () -> Value) -> Value {
        let key = ByteKey(text)
        let shard = shards[Int(key.bytesHash >> 60)]
        shard.lock.lock()
        if let known = shard.values[key] {
            shard.lock.unlock()
            return known
        }
        shard.lock.unlock()
        let value = compute()
        shard.lock.lock()
        if shard.values.count < limit { shard.values[key] = value }
        shard.lock.unlock()
        return value
    }
}

/// Parsed target values, by their raw text.
typealias ParseCache = TextMemo<ParsedTarget>
