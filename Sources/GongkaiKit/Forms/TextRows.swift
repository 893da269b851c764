// Rows written as text: cells separated by spaces (`项目名称 特困家庭再扶助`), or run together.

/// Reads a line of text as a table row when it is one: its cells are separated by whitespace
/// (web pages and PDF text turn a table's cell borders into spaces), or run together where a
/// label of the vocabulary starts (`项目名称特困家庭再扶助预算单位区卫生健康局`).
enum TextRows {
    /// The cells of `text`: split at whitespace, then at `标签:` inside a cell, then before and
    /// after labels inside run-together text (only when `splitRunTogether`).
    static func cells(_ text: String, splitRunTogether: Bool) -> [String] {
        var cells: [String] = []
        let tokens = joinSpaced(text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        for (t, token) in tokens.enumerated() {
            var rest = token
            if splitRunTogether, rest.utf8Has(0x2A) {
                // `一*级项目名称`: a required field's mark (or OCR's) inside run-together text.
                rest.removeAll { $0 == "*" }
            }
            // `年度资金总额:50万` → label, value.
            if let (label, _, value) = TableReader.labelAndValue(rest) {
                cells.append(label)
                rest = value
            }
            if splitRunTogether, rest.scalarCount > 4, !isLabel(rest) {
                // (Whether a value follows the token: a label ending it has none when the line
                // ends there or the next token is a label.)
                cells.append(contentsOf: splitAtLabels(rest, valueFollows: t + 1 < tokens.count && !isLabel(tokens[t + 1])))
            } else {
                cells.append(rest)
            }
        }
        return cells.filter { !$0.isEmpty }
    }

    /// Tokens that are one label spaced out (`年 度 总 体 目 标`, `一级 指标`, `项目资金 (元)`)
    /// joined into it: the longest run of up to eight tokens that the vocabulary knows.
    static func joinSpaced(_ tokens: [String]) -> [String] {
        guard tokens.count >= 2 else { return tokens }
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var best = 1
            var word = tokens[i]
            if tokens[i].scalarCount <= 8 {
                var joined = tokens[i]
                var k = i + 1
                while k < tokens.count, k - i < 8, tokens[k].scalarCount <= 6 {
                    joined += tokens[k]
                    k += 1
                    if isKnown(joined) {
                        best = k - i
                        word = joined
                    }
                }
            }
            out.append(word)
            i += best
        }
        return out
    }

    /// Whether `text` is a word the vocabulary knows: a label (`isLabel`) or a word of the
    /// indicator vocabulary (a first- or second-level category).
    static func isKnown(_ text: String) -> Bool {
        isLabel(text) || IndicatorVocabulary.isVocabulary(text)
    }

    /// Whether text is nothing but words the vocabulary knows, spaced out or not (`产 出 指 标 效
    /// 益 指 标`, `一级指标 二级指标`): a table's columns, never a name.
    static func isOnlyLabels(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        // One word when nothing spaces it out (most cells): no split.
        if !text.utf8MayHaveWhitespace { return !text.isEmpty && isKnown(text) }
        let words = joinSpaced(text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        return !words.isEmpty && words.allSatisfy(isKnown)
    }

    /// Whether a cell is a label the vocabulary knows (a field or an indicator column).
    static func isLabel(_ cell: String) -> Bool {
        Labels.field(cell) != nil || IndicatorHeader.role(of: cell) != nil
    }

    /// The row a line of text is, or nil: it is one when its first cell is a label and another
    /// cell follows, or when it holds two labels or more.
    static func row(_ text: String, line: Int, splitRunTogether: Bool) -> Row? {
        rows(text, line: line, splitRunTogether: splitRunTogether)?.first
    }

    /// The rows a line of text is, or nil: as `row`, and an indicator header inside the line
    /// (`… 资金额度 4623 万 一级指标 二级指标 三级指标 …`) starts a row of its own.
    static func rows(_ text: String, line: Int, splitRunTogether: Bool, startsForm: Bool = true) -> [Row]? {
        guard text.utf8.count >= 4 else { return nil }
        let cells = cells(text, splitRunTogether: splitRunTogether)
        guard cells.count >= 2 else { return nil }
        let labels = cells.filter(isLabel).count
        // A row may open with its part's caption (`项目基本情况 项目名称 流动人口公卫经费`).
        guard (isLabel(cells[0]) && cells.count >= 2) || labels >= 2
            || (cells.count >= 3 && isLabel(cells[1]) && Labels.isSectionCaption(cells[0]))
        else { return nil }
        // Text split where labels stand inside it starts a form only when it starts with one: a
        // sentence that mentions labels (`…资金规模7359万元。`) is prose. (Within a form, a line
        // may begin with the value the line before cut off.)
        if startsForm, !isLabel(cells[0]), splitRunTogether, cells.count > text.split(whereSeparator: { $0.isWhitespace }).count { return nil }
        if cells.count > 4, let header = cells.indices.dropFirst().first(where: { k in
            IndicatorHeader.role(of: cells[k]) == .level1 && cells[(k + 1)...].prefix(3).contains { IndicatorHeader.role(of: $0) == .level2 }
        }), cells[..<header].contains(where: { Labels.field($0) != nil }) {
            var out = [Row(line: line, cells: Array(cells[..<header]))]
            if let more = rows(cells[header...].joined(separator: " "), line: line, splitRunTogether: false, startsForm: false) {
                out.append(contentsOf: more)
            } else {
                out.append(Row(line: line, cells: Array(cells[header...])))
            }
            return out
        }
        return [Row(line: line, cells: cells)]
    }

    /// Text that ends where a page was cut, inside a label after an amount (`174.78万元中央补`,
    /// the start of `中央补助安排`): the amount and the cut label as cells of their own.
    static func splitCutLabel(_ text: Substring) -> [String] {
        guard let unitEnd = text.range(of: "万元") ?? text.range(of: "元"), unitEnd.upperBound < text.endIndex else { return [String(text)] }
        let amount = text[..<unitEnd.upperBound]
        let cut = text[unitEnd.upperBound...]
        guard Amounts.wan(String(amount)) != nil, cut.count >= 2,
              Vocabulary.current.runTogetherLabels.contains(where: { $0.count > cut.count && $0.hasPrefix(cut) })
        else { return [String(text)] }
        return [String(amount), String(cut)]
    }

    /// `(一)`, `(1)`, `1、`, `一、`, `1.`: a list's number.
    static func isListNumber(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.count <= 5 else { return false }
        let inner = s.filter { !"()（）、.．".contains($0) }
        return !inner.isEmpty && inner.allSatisfy { $0.isNumber } && s.contains(where: { "()（）、.．".contains($0) })
    }

    /// Splits text at the labels it contains: `项目名称X主管部门Y` → `项目名称`, `X`, `主管部门`, `Y`.
    static func splitAtLabels(_ text: String, valueFollows: Bool = true) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        // Text passed over that looked like a label but is not one (`上年度预算安排`).
        var carried = ""
        outer: while !rest.isEmpty {
            // The earliest label in the rest (the longest at that place).
            var best: (Range<Substring.Index>, String)?
            for label in Vocabulary.current.runTogetherLabels {
                if let r = rest.range(of: label), best == nil || r.lowerBound < best!.0.lowerBound {
                    best = (r, label)
                }
            }
            guard let (range, found) = best else {
                out.append(contentsOf: splitCutLabel(Substring(carried + rest)))
                carried = ""
                break outer
            }
            if found.utf8HasPrefix("年"), range.lowerBound > rest.startIndex,
               "上去前".contains(rest[rest.index(before: range.lowerBound)]) {
                // `上年度预算安排 21.62`: last year's, not the label `年度预算安排`.
                carried += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            var before = Substring(carried + rest[..<range.lowerBound])
            carried = ""
            if !valueFollows, range.upperBound == rest.endIndex, before.unicodeScalars.count >= 4, !isListNumber(before),
               !before.hasSuffix(":"), !before.hasSuffix("："), !before.hasSuffix("元"), !before.contains(where: \.isNumber),
               case .funding? = Labels.field(found) {
                // `城乡居民基本医疗保险县级补助` with no value after it: a name that ends with a
                // source's words, not a name and a source with no amount. (Not after a value:
                // `683 万元其他资金`.)
                out.append(String(before) + found)
                rest = rest[range.upperBound...]
                break outer
            }
            // `其中:` before a label is the label's (`资金总额:35其中:财政拨款35`: 35 is the total's).
            var lead = ""
            for word in ["其中:", "其中："] where before.hasSuffix(word) {
                before = before.dropLast(word.count)
                lead = word
                break
            }
            // A list number before a label is the label's (`(一)财政拨款小计`, `1、一般公共预算`).
            var label = lead.isEmpty && isListNumber(before) ? String(before) + found : lead + found
            if !before.isEmpty, !lead.isEmpty || !isListNumber(before) { out.append(String(before)) }
            rest = rest[range.upperBound...]
            // The unit after a label belongs to it: `中央补助年度金额(万元)158.18`.
            for unit in ["(万元)", "(元)", "(单位:万元)", "(单位:元)", "（万元）", "（元）"] where rest.hasPrefix(unit) {
                label += unit
                rest = rest.dropFirst(unit.count)
                break
            }
            out.append(label)
            while let f = rest.first, f == ":" || f == "：" { rest = rest.dropFirst() }
        }
        if !carried.isEmpty { out.append(carried) }
        return out
    }
}
