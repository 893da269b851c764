// What kind of document a text is: a target table, or a look-alike that publishes nothing.

/// Tells a 绩效目标表 from the documents that look like one: a 绩效自评表 (targets beside what was
/// achieved), a 绩效评价报告, a 部门预算 explanation that only names the tables, a blank template.
enum DocumentKinds {
    struct Finding {
        var kind: DocumentKind
        var line: Int
        var evidence: Localized
        /// The lines of every column that showed the kind (a self-evaluation's, a monitoring
        /// form's): what a document that also holds a target form is cut at.
        var lines: [Int] = []
    }

    /// The kind of a document that is not a target table, with its evidence; nil for a target
    /// table (or a document that is nothing gongkai knows).
    static func lookAlike(_ items: [FormItem], _ doc: DocumentResult) -> Finding? {
        let vocabulary = Vocabulary.current
        // Labels of other kinds of document standing as cells (`实际完成值`, `得分`): a cell is
        // looked up only when it ends with the last character of such a label (one byte
        // comparison for most cells), as written, normalised only when it has what normalising
        // drops. In run-together text the columns stand inside a line.
        var selfEvaluation: [(Int, String)] = []
        let runTogether = vocabulary.selfEvaluationInText
        // Columns found inside long texts count when the document's table is run together (asked
        // only when there are some).
        var inLongText: [(Int, String)] = []
        // Columns of a form that follows the year as it goes (`1-7月执行数`, `偏差原因分析`).
        var monitoring: [(Int, String)] = []
        func look(_ text: String, _ line: Int) {
            if text.utf8.count <= 40 {
                // (A label of money spent with its unit, `执行金额（万元）`, is looked up without it;
                // a budget's, `年初预算数(万元)`, is in a form that adjusts targets too.)
                guard vocabulary.mayBeKindLabel(text)
                    || (text.utf8.last == 0x29 || text.utf8.last == 0x89) && (text.utf8HasSuffix("元）") || text.utf8HasSuffix("元)"))
                    && (text.utf8Contains("执行") || text.utf8Contains("实际") || text.utf8Contains("支出"))
                else { return }
                var kind = vocabulary.kinds[ByteKey(text)]
                if kind == nil, Labels.mayNeedNormalising(text) { kind = vocabulary.kinds[LabelText.key(text)] }
                if kind == .selfEvaluation { selfEvaluation.append((line, text)) }
                if kind == .monitoring { monitoring.append((line, text)) }
            } else {
                let found = runTogether.found(in: text)
                guard !found.isEmpty else { return }
                // Beside (A) and (B) columns (a page's summary of a self-evaluation:
                // `全年预算数(A)…全年执行数(B)`) they count at once.
                let columns = text.utf8Contains("(A)") && text.utf8Contains("(B)")
                for k in found {
                    if columns { selfEvaluation.append((line, runTogether.needles[k])) } else { inLongText.append((line, runTogether.needles[k])) }
                }
            }
        }
        /// A title of a self-evaluation or a monitoring form (`## 项目支出绩效运行监控表`) counts as
        /// one of its columns.
        // (A title stands before its table's first line: it does not cut the documents that
        // hold target forms too, see `targetForms`.)
        var titleLines = Set<Int>()
        func title(_ text: String, _ line: Int) {
            guard FormText.isOtherKindTitle(text) else { return }
            let title = text.trimming("# *")
            titleLines.insert(line)
            if title.utf8Contains("监控") { monitoring.append((line, title)) } else if title.utf8Contains("自评") { selfEvaluation.append((line, title)) }
        }
        for item in items {
            switch item {
            case .row(let row, _):
                for (i, cell) in row.cells.enumerated() where !cell.isEmpty { look(cell, row.line(ofCell: i)) }
                // A header's columns of what was done so far (`年度指标值 | 1-6月执行情况`,
                // `年初预算数 | 1-7月执行数`), not a schedule's months or a value (`1-4月完成`).
                // (One stretch of the year, `1-7月`: a plan's row names several, `1-6月 | 1-9月 | 1-12月`.)
                if row.cells.contains(where: Self.isSoFarColumn) {
                    let soFar = row.cells.indices.filter { Self.isSoFarColumn(row.cells[$0]) }
                    if Set(soFar.map { row.cells[$0].prefix { $0 != "月" } }).count == 1, row.cells.contains(where: { cell in
                        cell.utf8.count <= 30 && (cell.utf8Contains("目标值") || cell.utf8Contains("指标值")
                            || ["年初预算", "年度预算", "全年预算", "预算数"].contains { cell.utf8HasPrefix($0) })
                    }) {
                        for i in soFar { monitoring.append((row.line(ofCell: i), row.cells[i])) }
                    }
                }
                // Beside a score (`分值 | 得分`), the weight is a self-evaluation's column too.
                if row.cells.contains(where: { $0.utf8.count == 6 && $0 == "得分" }) {
                    for (i, cell) in row.cells.enumerated() where cell == "分值" { selfEvaluation.append((row.line(ofCell: i), cell)) }
                }
                if let k = row.cells.firstIndex(where: { !$0.isEmpty }), row.cells[(k + 1)...].allSatisfy(\.isEmpty) { title(row.cells[k], row.line(ofCell: k)) }
            case .text(let line, let text, _):
                look(text, line)
                title(text, line)
                if text.utf8.count <= 40, text.utf8Has(0x20) {
                    for token in text.split(separator: " ") where token.utf8.count < text.utf8.count { look(String(token), line) }
                }
            case .blank:
                break
            }
        }
        // Whether a form's amount was read (a project's year amount).
        let amountRead = doc.projects.contains { $0.amount != nil }
        if !inLongText.isEmpty, Set(selfEvaluation.map(\.1)).count < 2 {
            // Inside a table run together (`…一级指标二级指标三级指标年初目标值()实际完成值()得分`),
            // not in a form's prose (`各项指标实际完成值均达到年初目标值`): the document's indicator
            // header stands inside a long text too.
            func isRunTogetherHeader(_ text: String) -> Bool {
                text.utf8.count > 40 && (text.utf8Contains("一级指标") || text.utf8Contains("二级指标") || text.utf8Contains("三级指标"))
            }
            let runTogetherTable = items.contains { item in
                switch item {
                case .text(_, let text, _): return isRunTogetherHeader(text)
                case .row(let row, _): return row.cells.contains(where: isRunTogetherHeader)
                case .blank: return false
                }
            }
            // Or the document says it is one in its heading (`…部门整体绩效自评表` run together with
            // its columns) and no amount of a form was read (not `附件：…自评表（另行公开）` under
            // a form, nor a form that cites such columns in its prose).
            let saysSo = !amountRead && Self.textsAboveTheFirstRow(items).contains { _, text in
                !text.utf8HasPrefix("附件") && !text.utf8HasPrefix("注") && String(text.unicodeScalars.prefix(60)).utf8Contains("自评表")
            }
            if runTogetherTable || saysSo { selfEvaluation.append(contentsOf: inLongText) }
        }
        /// The columns (and the title, where one counted) that show a kind, as said.
        func evidence(_ found: [(Int, String)], zh: String, en: String) -> Localized {
            let columns = Array(Set(found.filter { !titleLines.contains($0.0) }.map(\.1))).sorted().prefix(3).joined(separator: "、")
            guard let (_, title) = found.first(where: { titleLines.contains($0.0) }) else {
                return Localized(zh: "有\(zh)的栏目：\(columns)", en: "it has \(en)'s columns: \(columns)")
            }
            return Localized(zh: "标题为‘\(title.prefix(30))’，有\(zh)的栏目：\(columns)", en: "its title is ‘\(title.prefix(30))’, and it has \(en)'s columns: \(columns)")
        }
        /// Two labels at least, one of them a column (not two titles alone).
        func enough(_ found: [(Int, String)]) -> Bool {
            Set(found.map(\.1)).count >= 2 && found.contains { !titleLines.contains($0.0) }
        }
        // (Where the columns of either kind stand: what a file that holds target forms too is cut at.)
        let columnLines = (selfEvaluation + monitoring).map(\.0).filter { !titleLines.contains($0) }
        if enough(monitoring) {
            return Finding(kind: .monitoring, line: monitoring[0].0, evidence: evidence(monitoring, zh: "监控表", en: "a monitoring form"), lines: columnLines)
        }
        if enough(selfEvaluation) {
            return Finding(kind: .selfEvaluation, line: selfEvaluation[0].0, evidence: evidence(selfEvaluation, zh: "自评表", en: "a self-evaluation"),
                           lines: columnLines)
        }
        // One column of what was achieved (`实际完成值`) under a report's title (`…绩效评价报告`,
        // a line of its own above the first table, ending so): the report's table, not a form's.
        // (Not a link or a note that names a report: `相关链接：…自评报告`, `注：…报告已另行公开。`)
        // (With an amount read, only beside the report's own sections: `评价结论`, `综合评价`.)
        let reportSections = !amountRead || items.contains { item in
            guard case .text(_, let text, _) = item, text.utf8.count <= 120 else { return false }
            return ["评价结论", "综合评价", "评价得分", "综合评分"].contains { text.utf8Contains($0) }
        }
        if !selfEvaluation.isEmpty, reportSections, let (line, text) = Self.textsAboveTheFirstRow(items).first(where: { _, text in
            text.utf8.count <= 90 && Self.reportTitles.contains(where: { text.trimmingWhitespace().utf8HasSuffix($0) })
                && !text.utf8Contains(":") && !text.utf8Contains("：")
        }) {
            return Finding(kind: .evaluationReport, line: line,
                           evidence: Localized(zh: "标题为‘\(text.prefix(30))’，表中有‘\(selfEvaluation[0].1)’栏", en: "its title is ‘\(text.prefix(30))’, and its table has a ‘\(selfEvaluation[0].1)’ column"))
        }
        let hasIndicatorHeader = doc.projects.contains { $0.indicatorColumns.headerLine != nil }
        let hasAmount = doc.projects.contains { $0.amount != nil || $0.totalAmount != nil }
        // The other kinds are told by their text: looked for only where no form was read.
        guard !hasIndicatorHeader || !hasAmount else { return nil }
        var texts: [(Int, String)] = []
        // The lines of text above the first table row (a document's heading: a notice's title
        // stands there, not in a form's 立项依据 cell).
        var heading: [(Int, String)] = []
        for item in items {
            if case .row(let row, _) = item {
                // The page's own `标题: | …通知` row is the heading too; a form's row ends it.
                let filled = row.cells.filter { !$0.isEmpty }
                guard let first = filled.first, LabelText.display(first) == "标题" else { break }
                for cell in filled.dropFirst() where heading.count < 6 { heading.append((row.line, cell)) }
                continue
            }
            // (A line that starts with a label is a row of the form written as text.)
            if case .text(let line, let text, _) = item, heading.count < 6,
               !TextRows.isLabel(String(text.prefix { !$0.isWhitespace })) { heading.append((line, text)) }
        }
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
        if !hasIndicatorHeader {
            // Titles of an evaluation (labels.yml's evaluation_report that name a document:
            // `绩效评价报告`, `自评报告`, `绩效评价指标表`, `评价指标体系`).
            let titles = Vocabulary.current.kindLabels(.evaluationReport).filter { $0.utf8HasSuffix("报告") || $0.utf8HasSuffix("表") || $0.utf8HasSuffix("体系") }
            // (A form with its amount whose project is named after one, `财政绩效评价指标体系建设`,
            // is a form: only the report's own names count then.)
            let strong = Self.reportTitles
            if let (line, text) = texts.first(where: { t in
                t.1.utf8.count <= 90 && titles.contains { t.1.utf8Contains($0) && (!hasAmount || strong.contains($0)) }
            }) {
                return Finding(kind: .evaluationReport, line: line,
                               evidence: Localized(zh: "标题为‘\(text.prefix(30))’，没有指标表", en: "its title is ‘\(text.prefix(30))’, with no indicator table"))
            }
            // A self-evaluation report's own section (`二、绩效目标完成情况分析`): what was done,
            // measured against targets set before.
            if let (line, text) = texts.first(where: { $0.1.utf8.count <= 60 && $0.1.utf8Contains("绩效目标完成情况分析") }) {
                return Finding(kind: .evaluationReport, line: line,
                               evidence: Localized(zh: "有自评报告的章节‘\(text.prefix(30))’，没有指标表", en: "it has a self-evaluation report's section ‘\(text.prefix(30))’, with no indicator table"))
            }
            let parts = texts.filter { t in
                t.1.utf8.count <= 120 && (t.1.utf8HasSuffix("情况说明") || t.1.utf8HasPrefix("第一部分") || t.1.utf8HasPrefix("第二部分") || t.1.utf8HasPrefix("第三部分"))
            }
            if parts.count >= 3, !hasAmount {
                return Finding(kind: .budgetExplanation, line: parts[0].0,
                               evidence: Localized(zh: "是部门预算的说明（\(parts.count) 个“情况说明”或“第…部分”），没有指标表",
                                                   en: "it is a budget's explanation (\(parts.count) sections), with no indicator table"))
            }
            // A 绩效文本's table of contents (`目 录 第一部分 部门整体绩效目标 … 第二部分 预算项目
            // 绩效目标 1.…绩效目标表 5`): it names the forms and holds none.
            if !hasAmount, let (line, _) = texts.first(where: { t in
                t.1.utf8Contains("第一部分") && t.1.utf8Contains("第二部分") && t.1.filter({ $0 != " " && $0 != "\u{3000}" }).utf8Contains("目录")
            }) {
                return Finding(kind: .budgetExplanation, line: line,
                               evidence: Localized(zh: "是目录（第一部分、第二部分……），没有指标表", en: "it is a table of contents (第一部分, 第二部分 …), with no indicator table"))
            }
            // A notice that hands down targets (`关于下达2023年第一批…资金项目绩效目标的通知`), or
            // money with its targets attached (`关于下达…专项资金的通知` … `附件: 2.…绩效目标表.xls`),
            // whose forms are not in the text: no indicator table, no amount and no project's name
            // (a form cut before its amount is a form, and its error says so) — unless the
            // document's heading is the notice's title: then a form cut at its first row is the
            // notice's attachment, stored in part.
            if !hasAmount, let (line, text) = (doc.projects.allSatisfy({ $0.name.isEmpty }) ? texts.first(where: { t in
                t.1.utf8.count <= 240 && t.1.utf8Contains("关于") && t.1.utf8Contains("通知") && t.1.utf8Contains("绩效目标")
            }) : nil) ?? (texts.contains(where: { $0.1.utf8Contains("绩效目标") }) && !doc.projects.contains(where: { !$0.indicators.isEmpty }) ? heading.first(where: { t in
                Self.isNoticeTitle(t.1) || Self.isSalutation(t.1)
            }) : nil) {
                return Finding(kind: .notice, line: line,
                               evidence: Localized(zh: "是通知‘\(text.prefix(30))’，文中没有绩效目标表", en: "it is a notice ‘\(text.prefix(30))’ with no targets form in its text"))
            }
            // A title that says it is the budget's explanation (`…2024年部门预算情况说明`).
            let explanations = Vocabulary.current.kindLabels(.budgetExplanation).filter { $0.utf8HasSuffix("说明") }
            if !hasAmount, let (line, text) = texts.first(where: { t in t.1.utf8.count <= 120 && explanations.contains { t.1.utf8HasSuffix($0) } }) {
                return Finding(kind: .budgetExplanation, line: line,
                               evidence: Localized(zh: "标题为‘\(text.prefix(30))’，没有指标表", en: "its title is ‘\(text.prefix(30))’, with no indicator table"))
            }
        }
        // A form's title that says it is a template or a sample (`…申报表(范本)`, `…填写样例`),
        // with no amount read: nothing of it is a budget.
        if !hasAmount, doc.projects.allSatisfy({ $0.indicators.allSatisfy { Self.isUnfilled($0) } }), let (line, text) = texts.first(where: { t in
            t.1.utf8.count <= 400 && Self.specimenWords.contains { t.1.utf8Contains($0) } && (t.1.utf8Contains("表") || t.1.utf8Contains("样例"))
        }) {
            return Finding(kind: .blankTemplate, line: line,
                           evidence: Localized(zh: "标题说明是范本或样例（‘\(text.prefix(30))’），没有读到金额", en: "its title says it is a template or a sample (‘\(text.prefix(30))’), and no amount was read"))
        }
        // A template: the labels of a form with nothing filled in: no 项目名称 filled in (a
        // template's title names its issuer, not a project), no amount, no indicator, and no
        // amount written anywhere (a form whose values were cut from their labels, as PDF text
        // does, is no template).
        guard !hasAmount, doc.projects.allSatisfy({ $0.indicators.allSatisfy { Self.isUnfilled($0) } }),
              !doc.projects.contains(where: { p in p.fields.contains { !Self.isBlank($0.value) && Labels.field($0.label) == .name } })
        else { return nil }
        // The web page's own fields (`发文机关:`, `文号:`, `主题分类:`) are no labels of a form.
        let labelCells = texts.filter { t in
            guard t.1.utf8.count <= 40, let kind = Labels.field(t.1) else { return false }
            return kind != .pageField && kind != .publisher && !Vocabulary.current.isPageText(t.1)
        }
        let writesAmount = texts.contains { t in
            t.1.utf8.count <= 40 && Amounts.unit(in: t.1) != nil && Amounts.wan(t.1) != nil
        }
        // A figure written on its own (`92156434`, `284500.00`) is a filled cell: a template has
        // none (a year, a list's number or a code is no figure).
        let writesFigure = texts.contains { t in Self.isFigure(t.1) }
        if labelCells.count >= 3, !writesAmount, !writesFigure {
            let names = labelCells.prefix(3).map(\.1).joined(separator: "、")
            return Finding(kind: .blankTemplate, line: labelCells[0].0,
                           evidence: Localized(zh: "有表格的栏目（\(names)），但都没有填写", en: "it has a form's labels (\(names)) with nothing filled in"))
        }
        return nil
    }

    /// The lines of text before the document's first table row (its heading), as they stand.
    static func textsAboveTheFirstRow(_ items: [FormItem]) -> [(line: Int, text: String)] {
        var texts: [(line: Int, text: String)] = []
        for item in items {
            switch item {
            case .row: return texts
            case .text(let line, let text, _): texts.append((line, text))
            case .blank: continue
            }
        }
        return texts
    }

    /// Words of a title that says the form is a template or a sample to fill in.
    static let specimenWords = ["(范本)", "（范本）", "范本)", "(模板)", "（模板）", "(样表)", "（样表）", "填写样例", "填报样例", "(样例)", "（样例）", "样例项目"]

    /// The names of an evaluation's report.
    static let reportTitles = ["绩效评价报告", "自评报告"]

    /// A notice's title (`关于下达…资金的通知`), also with the notice's first words run on after
    /// it on one line (`…的通知各有关乡镇人民政府,县直有关单位:根据…`).
    /// Not a notice named inside a sentence (`根据《…关于…的通知》`).
    /// A document that holds target forms beside a self-evaluation or a monitoring form (上年自评
    /// and 本年目标 on one page): the indices of the projects of its target forms, each under a
    /// target form's title (`…绩效目标表`, not `…自评表`), with its own indicator header and an
    /// amount, and none of the look-alike's columns between its first line and the next
    /// project's; nil when there is none (the document is the look-alike, as a whole).
    static func targetForms(beside finding: Finding, _ items: [FormItem], _ doc: DocumentResult) -> [(index: Int, cut: Int?)]? {
        guard finding.kind == .selfEvaluation || finding.kind == .monitoring, !finding.lines.isEmpty else { return nil }
        let order = doc.projects.indices.sorted { doc.projects[$0].location.line < doc.projects[$1].location.line }
        // The titles, target forms' (true) or other tables' (false), by line. (A title is a line
        // of text, or a row of one cell where a page writes a cell a line.)
        let titles = items.compactMap { item -> (line: Int, isTargets: Bool)? in
            func title(_ text: String, _ line: Int) -> (line: Int, isTargets: Bool)? {
                isTargetTitle(text) ? (line, true) : FormText.isOtherKindTitle(text) ? (line, false) : nil
            }
            switch item {
            case .text(let line, let text, _): return title(text, line)
            case .row(let row, _):
                let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
                return filled.count == 1 ? title(row.cells[filled[0]], row.line(ofCell: filled[0])) : nil
            case .blank: return nil
            }
        }
        // Headings, and lines that name another kind of table (not a page's number between a
        // form's rows).
        let textLines = items.compactMap { item -> Int? in
            guard case .text(let line, let text, let style) = item else { return nil }
            if case .heading = style { return line }
            return ["自评", "监控", "评价", "执行情况", "完成情况"].contains { text.utf8Contains($0) } ? line : nil
        }
        var kept: [(index: Int, cut: Int?)] = []
        for (k, i) in order.enumerated() {
            let p = doc.projects[i]
            let end = k + 1 < order.count ? doc.projects[order[k + 1]].location.line : Int.max
            // Under a target form's title: the nearest title above it (or its own) is one.
            guard p.amount != nil, let header = p.indicatorColumns.headerLine, header >= p.location.line, header < end,
                  titles.last(where: { $0.line <= p.location.line })?.isTargets == true else { continue }
            // A look-alike's columns after the form's own indicator header (its table with no
            // 项目名称 row of its own, `## 附：2024年度绩效自评情况`): the form is cut there.
            let inside = finding.lines.filter { $0 >= p.location.line && $0 < end }
            guard inside.allSatisfy({ $0 > header }) else { continue }
            // (At the part's heading, where one stands between: `## 附：2024年度绩效自评情况`.)
            let cut = inside.min().map { first in textLines.last { $0 > header && $0 < first } ?? first }
            kept.append((i, cut))
        }
        return kept.isEmpty ? nil : kept
    }

    /// A target form's title: it names targets and a table, and no other kind of table.
    private static func isTargetTitle(_ text: String) -> Bool {
        guard text.utf8.count <= 150, !text.utf8Contains("自评") else { return false }
        // (`…预算执行情况动态监控系统运维项目绩效目标表` is a form's title: the project is named so.)
        if FormText.isTitle(text.trimming("# *")) { return true }
        return text.utf8Contains("目标") && text.utf8Contains("表") && !FormText.isOtherKindTitle(text)
            && !["完成情况", "执行情况"].contains { text.utf8Contains($0) }
    }

    /// A column of what was done so far in the year: months, then what was done in them
    /// (`1-7月执行数`, `1—6月执行情况`, `1-9月完成值`, `1至6月支出（万元）`).
    static func isSoFarColumn(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == 0x31, text.utf8Contains("月") else { return false }
        var rest = Substring(text)
        func digits() -> Bool {
            let n = rest.prefix { $0.isASCII && $0.isNumber }.count
            rest = rest.dropFirst(n)
            return n >= 1 && n <= 2
        }
        guard text.utf8.count <= 40, rest.first == "1", rest.dropFirst().first?.isNumber == false, digits(), let dash = rest.first, "-—–~～至到".contains(dash) else { return false }
        rest = rest.dropFirst()
        // (Up to a month before December: `1-12月` is the whole year, a plan's or an account's.)
        let end = Int(String(rest.prefix { $0.isASCII && $0.isNumber })) ?? 0
        guard digits(), rest.first == "月", end >= 2, end <= 11 else { return false }
        rest = rest.dropFirst()
        if rest.first == "份" { rest = rest.dropFirst() }
        // The column's words, and only a unit after them (`1-9月支出（万元）`), not a figure
        // (`1-6月执行50%`, `1-6月支出≥50%`: a plan's or a target's value).
        if let open = rest.firstIndex(where: { $0 == "（" || $0 == "(" }) { rest = rest[..<open] }
        return ["执行数", "执行率", "执行情况", "执行金额", "完成值", "完成情况", "完成数", "实际完成值", "实际完成情况", "支出", "支出数", "实际支出"].contains(String(rest))
    }

    static func isNoticeTitle(_ text: String) -> Bool {
        if text.utf8.count <= 240, text.utf8Contains("关于"), text.utf8HasSuffix("通知"), !text.utf8Contains("《") { return true }
        let head = String(text.unicodeScalars.prefix(80))
        guard let about = head.range(of: "关于"), let notice = head.range(of: "的通知"), about.upperBound <= notice.lowerBound,
              !head[notice.upperBound...].hasPrefix("》")
        else { return false }
        // Before 关于 stands who issues it, not a sentence that cites it (`根据县财政局关于…的通知要求`).
        let issuer = String(head[..<about.lowerBound])
        return !["《", "根据", "按照", "依据", "遵照", "落实", "，", ","].contains { issuer.utf8Contains($0) }
    }

    /// The line a notice or a letter is addressed with (`各有关乡镇财政所、农业服务中心:`,
    /// `区委组织部、退役军人局:`): a few names of bodies and a colon, nothing after it, and no
    /// label of a form before it.
    static func isSalutation(_ text: String) -> Bool {
        var t = Substring(text.trimmingWhitespace())
        if t.hasPrefix("各"), let colon = t.prefix(40).firstIndex(where: { $0 == ":" || $0 == "：" }) {
            // `各乡镇人民政府、相关建设单位:根据…`: the body run on after it.
            t = t[...colon]
        }
        guard t.hasSuffix(":") || t.hasSuffix("："), (4...40).contains(t.unicodeScalars.count),
              !t.unicodeScalars.contains(where: { $0.properties.numericType != nil })
        else { return false }
        let body = String(t.unicodeScalars.dropLast())
        guard Labels.field(body) == nil, !TextRows.isLabel(body) else { return false }
        return body.utf8HasPrefix("各") || body.split(whereSeparator: { "、，,".contains($0) }).allSatisfy { Titles.looksLikeDepartment(String($0)) }
    }

    /// Whether an indicator was read from a template's labels, not filled in: its value is none,
    /// an unfilled template value (`≥ %`, `……`), or a column's or a form's label (`具体指标`,
    /// `负责人`) that run-together text put where a value goes.
    static func isUnfilled(_ indicator: Indicator) -> Bool {
        indicator.targets.allSatisfy { target in
            [target.halfYear, target.value].allSatisfy { value in
                guard let value, !value.isEmpty else { return true }
                return IndicatorVocabulary.isUnfilled(value) || IndicatorVocabulary.looksLikeLevel2(value) || Labels.field(value) != nil
                    || value.unicodeScalars.allSatisfy { $0 == "…" || $0 == "." || $0 == "。" || $0 == "-" || $0 == "—" || $0 == " " }
            }
        }
    }

    /// Whether a value is a blank to fill in: nothing, or only underscores (`_________`).
    static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0 == "_" || $0 == "＿" || $0 == " " || $0 == "\u{3000}" }
    }

    /// Whether a cell is a figure: a number with a decimal point (`284500.00`) or of five to
    /// twelve digits not starting with 0 (`92156434`), never a year, a list's number or a code.
    static func isFigure(_ text: String) -> Bool {
        let b = text.utf8
        guard b.count >= 4, b.count <= 16, b.first != 0x30 else { return false }
        var digits = 0, points = 0
        for c in b {
            if c >= 0x30 && c <= 0x39 { digits += 1 } else if c == 0x2E { points += 1 } else if c != 0x2C { return false }
        }
        if points == 1 { return digits >= 3 && b.last != 0x2E }
        return points == 0 && digits >= 5 && digits <= 12
    }
}
