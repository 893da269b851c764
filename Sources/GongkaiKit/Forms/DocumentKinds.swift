// What kind of document a text is: a target table, or a look-alike that publishes nothing.

/// Tells a 绩效目标表 from the documents that look like one: a 绩效自评表 (targets beside what was
/// achieved), a 绩效评价报告, a 部门预算 explanation that only names the tables, a blank template.
enum DocumentKinds {
    struct Finding {
        var kind: DocumentKind
        var line: Int
        var evidence: Localized
    }

    /// The kind of a document that is not a target table, with its evidence; nil for a target
    /// table (or a document that is nothing gongkai knows).
    static func lookAlike(_ items: [FormItem], _ doc: DocumentResult) -> Finding? {
        let vocabulary = Vocabulary.current
        var texts: [(Int, String)] = []
        for item in items {
            switch item {
            case .row(let row, _):
                for (i, cell) in row.cells.enumerated() where !cell.isEmpty { texts.append((row.line(ofCell: i), cell)) }
            case .text(let line, let text, _):
                texts.append((line, text))
                for token in text.split(whereSeparator: { $0.isWhitespace }) where token.count < text.count {
                    texts.append((line, String(token)))
                }
            case .blank:
                break
            }
        }
        // Labels of other kinds of document standing as cells (`实际完成值`, `得分`).
        var selfEvaluation: [(Int, String)] = []
        for (line, text) in texts where text.utf8.count <= 40 {
            if vocabulary.kinds[LabelText.key(text)] == .selfEvaluation { selfEvaluation.append((line, text)) }
        }
        // In run-together text the columns stand inside a line.
        for (line, text) in texts where text.utf8.count > 40 {
            for label in vocabulary.kindLabels(.selfEvaluation) where label.count >= 4 && text.contains(label) {
                selfEvaluation.append((line, label))
            }
        }
        if Set(selfEvaluation.map(\.1)).count >= 2 {
            let names = Array(Set(selfEvaluation.map(\.1))).sorted().prefix(3).joined(separator: "、")
            return Finding(kind: .selfEvaluation, line: selfEvaluation[0].0,
                           evidence: Localized(zh: "有自评表的栏目：\(names)", en: "it has a self-evaluation's columns: \(names)"))
        }
        let hasIndicatorHeader = doc.projects.contains { $0.indicatorColumns.headerLine != nil }
        let hasAmount = doc.projects.contains { $0.amount != nil || $0.totalAmount != nil }
        if !hasIndicatorHeader {
            if let (line, text) = texts.first(where: { $0.1.utf8.count <= 90 && ($0.1.utf8Contains("绩效评价报告") || $0.1.utf8Contains("自评报告")) }) {
                return Finding(kind: .evaluationReport, line: line,
                               evidence: Localized(zh: "标题为‘\(text.prefix(30))’，没有指标表", en: "its title is ‘\(text.prefix(30))’, with no indicator table"))
            }
            let parts = texts.filter { t in
                t.1.utf8.count <= 120 && (t.1.utf8HasSuffix("情况说明") || t.1.utf8HasPrefix("第一部分") || t.1.utf8HasPrefix("第二部分") || t.1.utf8HasPrefix("第三部分"))
            }
            if parts.count >= 3, !hasAmount {
                return Finding(kind: .budgetExplanation, line: parts[0].0,
                               evidence: Localized(zh: "是部门预算的说明（\(parts.count) 个“情况说明”或“第…部分”），没有指标表",
                                                   en: "it is a budget's explanation (\(parts.count) sections), with no indicator table"))
            }
        }
        // A template: the labels of a form with nothing filled in.
        let labelCells = texts.filter { $0.1.utf8.count <= 40 && Labels.field($0.1) != nil }
        let named = doc.projects.contains { !$0.name.isEmpty && !$0.name.hasPrefix("未命名") }
        if labelCells.count >= 3, !named, !hasAmount, doc.projects.allSatisfy({ $0.indicators.isEmpty }) {
            let names = labelCells.prefix(3).map(\.1).joined(separator: "、")
            return Finding(kind: .blankTemplate, line: labelCells[0].0,
                           evidence: Localized(zh: "有表格的栏目（\(names)），但都没有填写", en: "it has a form's labels (\(names)) with nothing filled in"))
        }
        return nil
    }
}
