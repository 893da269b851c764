// Which of a project's funding lines make up its amount.

extension Project {
    /// The funding lines that make up the year's amount, when they add up to it to the fen:
    /// every line, or — where 小计 lines head numbered parts (`财政拨款小计 | 1、一般公共预算 | …
    /// | 自有资金小计 | …`) — the 小计 lines and those before the first. An empty line counts as 0.
    /// Nil when there is no amount or no line, when a line's sum was not read, when every line is
    /// empty or 0 beside an amount that is not, or when they do not add up: then the project's
    /// split by source is not published as if it were sure.
    public var fundingThatAddsUp: [FundingLine]? {
        guard let amount, !funding.isEmpty else { return nil }
        var parts: [Money] = []
        for line in funding {
            if line.text.trimmingWhitespace().isEmpty { parts.append(.zero) } else if let money = line.amount { parts.append(money) } else { return nil }
        }
        if parts.allSatisfy({ $0 == .zero }), amount != .zero { return nil }
        if parts.sum() == amount { return funding }
        var top: [FundingLine] = []
        var subtotals = Money.zero
        var anySubtotal = false
        // The open 小计's amount and what its parts have added up to: once they reach it, the
        // lines after it are the subtotal's siblings again (`（二）上年结转` after `（一）财政拨款小计`
        // and its numbered parts).
        var open: (amount: Money, parts: Money)?
        for (line, part) in zip(funding, parts) {
            if line.label.utf8HasSuffix("小计") {
                anySubtotal = true
                open = part == .zero ? nil : (part, .zero)
            } else if let o = open {
                let sum = o.parts + part
                open = sum == o.amount ? nil : (o.amount, sum)
                continue
            }
            subtotals = subtotals + part
            top.append(line)
        }
        if anySubtotal { return subtotals == amount ? top : nil }
        return Self.wholes(funding, parts, adding: amount)
    }

    /// The project's funding lines, each with whether it is a part of a line above it (其中, a
    /// 小计's numbered parts): when the wholes are what add up to the amount. The page labels a
    /// part `其中：`; the open data marks it `partOfAbove`.
    public var fundingRows: [(line: FundingLine, isPart: Bool)] {
        guard let wholes = fundingThatAddsUp, wholes.count < funding.count else { return funding.map { ($0, false) } }
        var w = 0
        return funding.map { line in
            if w < wholes.count, wholes[w] == line {
                w += 1
                return (line, false)
            }
            return (line, true)
        }
    }

    /// The lines that are no other's parts, when lines right after one add up to it exactly (two
    /// or more: `财政拨款 100 | 其中：中央补助 60 | 其中：县级资金 40 | 其他资金 20` for 120) and the
    /// wholes then add up to the amount; nil otherwise.
    private static func wholes(_ lines: [FundingLine], _ parts: [Money], adding amount: Money) -> [FundingLine]? {
        var top: [FundingLine] = []
        var sum = Money.zero
        var nested = false
        var i = 0
        while i < lines.count {
            top.append(lines[i])
            sum = sum + parts[i]
            var run = Money.zero
            var end: Int?
            var j = i + 1
            while j < lines.count, parts[i] != .zero {
                run = run + parts[j]
                if run == parts[i], j - i >= 2 { end = j; break }
                if run > parts[i] { break }
                j += 1
            }
            if let end {
                nested = true
                i = end + 1
            } else {
                i += 1
            }
        }
        return nested && sum == amount ? top : nil
    }
}
