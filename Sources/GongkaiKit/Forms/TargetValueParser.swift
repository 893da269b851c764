// Reading 指标值: operators (≥ ≧ >= ＞ \geq 不低于 以上 …), numbers (万/亿, 1,234, ２０, 2/3),
// units (% 人 个 万元 元/人/月 …), dates, ranges, and qualitative phrases.

import Foundation

enum TargetValueParser {
    static func parse(_ rawValue: String) -> TargetValue {
        let raw = rawValue.trimmingWhitespace()
        var text = normalize(raw)
        var value = TargetValue(raw: raw, kind: .qualitative)
        guard !text.isEmpty else { return value }

        // An operator at the start, as a symbol or in words.
        for (prefix, op) in symbolOperators where text.hasPrefix(prefix) {
            value.op = op
            text = String(text.dropFirst(prefix.count))
            break
        }

        if let date = parseDateOrRange(text) {
            var d = date
            d.raw = raw
            if d.op == nil { d.op = value.op }
            return d
        }

        guard let (numberRange, numberText, number, isFraction) = firstNumber(in: text) else {
            if let op = value.op, !text.isEmpty {
                // An operator before words (`≥较高`): keep it, the value is still a phrase.
                value.op = op
            }
            return value
        }
        value.kind = .quantitative
        value.isFraction = isFraction
        var before = String(text[..<numberRange.lowerBound])
        var after = String(text[numberRange.upperBound...])
        var multiplier: Decimal = 1
        var shownNumber = numberText
        // 万 / 亿 multiply unless they start a money unit (万元, 亿元).
        if after.hasPrefix("万"), !after.hasPrefix("万元") {
            multiplier = 10_000
            after.removeFirst()
            shownNumber += "万"
        } else if after.hasPrefix("亿"), !after.hasPrefix("亿元") {
            multiplier = 100_000_000
            after.removeFirst()
            shownNumber += "亿"
        }
        value.number = number * multiplier
        value.numberText = shownNumber
        // The unit right after the number.
        if let unit = units.first(where: { after.hasPrefix($0) }) {
            value.unit = unit
            after.removeFirst(unit.count)
        }
        // Comparative words before or after the number.
        if value.op == nil {
            for (word, op) in wordOperators where before.contains(word) {
                value.op = op
                before = before.replacingOccurrences(of: word, with: "")
                break
            }
        }
        if value.op == nil {
            for (word, op) in suffixOperators where after.hasPrefix(word) {
                value.op = op
                after.removeFirst(word.count)
                break
            }
        }
        let qualifierBefore = before.trimmingCharacters(in: .whitespaces)
        let qualifierAfter = after.trimmingCharacters(in: .whitespaces)
        if !qualifierBefore.isEmpty {
            value.qualifier = qualifierBefore + (qualifierAfter.isEmpty ? "" : "…" + qualifierAfter)
            value.qualifierFirst = true
        } else if !qualifierAfter.isEmpty {
            value.qualifier = qualifierAfter
        }
        return value
    }

    /// Half-width digits and signs, no spaces, LaTeX math as text.
    static func normalize(_ s: String) -> String {
        var t = CellText.convertMath(s)
        var out = ""
        for scalar in t.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII
            if v == 0x3000 || v == 0x20 || v == 0xA0 || v == 0x09 { continue }
            if let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
        }
        t = out
        return t
    }

    private static let symbolOperators: [(String, TargetValue.Operator)] = [
        (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("≧", .atLeast), ("≤", .atMost), ("≦", .atMost),
        ("≠", .notEqual), ("≈", .approximately), ("~", .approximately), ("约", .approximately),
        (">", .greater), ("<", .less), ("=", .equal),
        ("不低于", .atLeast), ("不少于", .atLeast), ("至少", .atLeast), ("大于等于", .atLeast), ("达到", .atLeast),
        ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost), ("小于等于", .atMost), ("最多", .atMost),
        ("大于", .greater), ("高于", .greater), ("多于", .greater), ("超过", .greater),
        ("小于", .less), ("低于", .less), ("少于", .less), ("等于", .equal),
    ]
    private static let wordOperators: [(String, TargetValue.Operator)] = [
        ("不低于", .atLeast), ("不少于", .atLeast), ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost),
        ("控制在", .atMost), ("至少", .atLeast), ("达到", .atLeast),
    ]
    private static let suffixOperators: [(String, TargetValue.Operator)] = [
        ("以上", .atLeast), ("及以上", .atLeast), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost),
    ]

    /// Known units, longest first so `元/人/月` wins over `元`.
    static let units: [String] = [
        "元/人/月", "元/人·月", "元/人/年", "元/人", "元/月", "元/年", "万元", "亿元", "元", "%", "‰",
        "人次", "万人", "个月", "批次", "平方米", "公里", "小时", "工作日",
        "人", "个", "家", "份", "场", "名", "项", "次", "期", "件", "卷", "户", "所", "套", "台", "篇", "天", "日",
        "年", "月", "周", "倍", "座", "条", "本", "册", "张", "亩", "处", "间", "辆", "课时", "学时", "个点", "村", "镇", "类",
    ].sorted { $0.count > $1.count }

    /// The first number: digits with `,` separators and a decimal point, or a fraction `2/3`.
    static func firstNumber(in text: String) -> (Range<String.Index>, String, Decimal, Bool)? {
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isASCII, text[i].isNumber else { i = text.index(after: i); continue }
            let start = i
            var digits = ""
            var j = i
            var sawPoint = false
            while j < text.endIndex {
                let c = text[j]
                if c.isASCII && c.isNumber { digits.append(c) }
                else if c == ",", let next = text.index(j, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                    text[next].isASCII, text[next].isNumber, !sawPoint { /* thousands separator */ }
                else if c == ".", !sawPoint, let next = text.index(j, offsetBy: 1, limitedBy: text.endIndex), next < text.endIndex,
                    text[next].isASCII, text[next].isNumber { sawPoint = true; digits.append(".") }
                else { break }
                j = text.index(after: j)
            }
            // A fraction: 2/3.
            if j < text.endIndex, text[j] == "/", !sawPoint {
                let k = text.index(after: j)
                var denominator = ""
                var m = k
                while m < text.endIndex, text[m].isASCII, text[m].isNumber { denominator.append(text[m]); m = text.index(after: m) }
                if let n = Decimal(string: digits), let d = Decimal(string: denominator), d != 0 {
                    return (start..<m, digits + "/" + denominator, n / d, true)
                }
            }
            guard let number = Decimal(string: digits) else { return nil }
            return (start..<j, digits, number, false)
        }
        return nil
    }

    /// `2024年12月底前`, `2023.07-2024.01`, `20240101-20241231`, `2024-12-31`.
    static func parseDateOrRange(_ text: String) -> TargetValue? {
        // Ranges of dates or numbers separated by - – — ~ 至.
        for separator in ["至", "—", "–", "~", "-"] {
            let parts = text.components(separatedBy: separator)
            if parts.count == 2, let a = dateText(parts[0]), let b = dateText(parts[1]) {
                var v = TargetValue(raw: text, kind: .range)
                v.from = a
                v.to = b
                return v
            }
        }
        // A single date: 2024年12月底前 / 2024年12月31日前 / 2024年底.
        guard let yearEnd = text.range(of: "年"), text[..<yearEnd.lowerBound].count == 4,
            text[..<yearEnd.lowerBound].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let rest = text[yearEnd.upperBound...]
        guard rest.isEmpty || rest.first!.isNumber || rest.hasPrefix("底") || rest.hasPrefix("末") || rest.hasPrefix("内") || rest.hasPrefix("前") else { return nil }
        var v = TargetValue(raw: text, kind: .date)
        var date = String(text[..<yearEnd.lowerBound])
        var tail = String(rest)
        if let monthEnd = tail.range(of: "月"), tail[..<monthEnd.lowerBound].allSatisfy({ $0.isNumber }), !tail[..<monthEnd.lowerBound].isEmpty {
            let month = Int(tail[..<monthEnd.lowerBound]) ?? 0
            date += "-" + String(format: "%02d", month)
            tail = String(tail[monthEnd.upperBound...])
            if let dayEnd = tail.range(of: "日"), tail[..<dayEnd.lowerBound].allSatisfy({ $0.isNumber }), !tail[..<dayEnd.lowerBound].isEmpty {
                date += "-" + String(format: "%02d", Int(tail[..<dayEnd.lowerBound]) ?? 0)
                tail = String(tail[dayEnd.upperBound...])
            }
        }
        if tail.hasSuffix("前") || tail.hasSuffix("以前") || tail.hasSuffix("之前") || tail.hasSuffix("底") || tail.hasSuffix("内") { v.op = .atMost }
        v.numberText = date
        return v
    }

    /// A date written as `2023.07`, `2023-07`, `20240101`, `2024年7月`; nil otherwise.
    private static func dateText(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let digits = t.filter(\.isNumber)
        guard digits.count >= 6, t.count <= 11, t.prefix(4).allSatisfy(\.isNumber),
            let year = Int(t.prefix(4)), (1990...2099).contains(year),
            t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "/" || $0 == "年" || $0 == "月" || $0 == "日" })
        else { return nil }
        return t
    }
}
