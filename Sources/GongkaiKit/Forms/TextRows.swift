// Rows written as text: cells separated by spaces (`项目名称 特困家庭再扶助`), or run together.

/// Reads a line of text as a table row when it is one: its cells are separated by whitespace
/// (web pages and PDF text turn a table's cell borders into spaces), or run together where a
/// label of the vocabulary starts (`项目名称特困家庭再扶助预算单位区卫生健康局`).
enum TextRows {
    /// The cells of `text`: split at whitespace, then at `标签:` inside a cell, then before and
    /// after labels inside run-together text (only when `splitRunTogether`).
    static func cells(_ text: String, splitRunTogether: Bool) -> [String] {
        var cells: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            var rest = String(token)
            // `年度资金总额:50万` → label, value.
            if let (label, _, value) = TableReader.labelAndValue(rest) {
                cells.append(label)
                rest = value
            }
            if splitRunTogether, rest.scalarCount > 4 {
                cells.append(contentsOf: splitAtLabels(rest))
            } else {
                cells.append(rest)
            }
        }
        return cells.filter { !$0.isEmpty }
    }

    /// Whether a cell is a label the vocabulary knows (a field or an indicator column).
    static func isLabel(_ cell: String) -> Bool {
        Labels.field(cell) != nil || IndicatorHeader.role(of: cell) != nil
    }

    /// The row a line of text is, or nil: it is one when its first cell is a label and another
    /// cell follows, or when it holds two labels or more.
    static func row(_ text: String, line: Int, splitRunTogether: Bool) -> Row? {
        guard text.utf8.count >= 4 else { return nil }
        let cells = cells(text, splitRunTogether: splitRunTogether)
        guard cells.count >= 2 else { return nil }
        let labels = cells.filter(isLabel).count
        guard (isLabel(cells[0]) && cells.count >= 2) || labels >= 2 else { return nil }
        return Row(line: line, cells: cells)
    }

    /// Splits text at the labels it contains: `项目名称X主管部门Y` → `项目名称`, `X`, `主管部门`, `Y`.
    static func splitAtLabels(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        outer: while !rest.isEmpty {
            // The earliest label in the rest (the longest at that place).
            var best: (Range<Substring.Index>, String)?
            for label in Vocabulary.current.runTogetherLabels {
                if let r = rest.range(of: label), best == nil || r.lowerBound < best!.0.lowerBound {
                    best = (r, label)
                }
            }
            guard let (range, label) = best else {
                out.append(String(rest))
                break outer
            }
            let before = rest[..<range.lowerBound]
            if !before.isEmpty { out.append(String(before)) }
            out.append(label)
            rest = rest[range.upperBound...]
            while let f = rest.first, f == ":" || f == "：" { rest = rest.dropFirst() }
        }
        return out
    }
}
