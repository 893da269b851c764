// Layout C: 部门项目及绩效目标情况 — numbered projects, narrative items, tables, and a 公开清单 annex.

/// Reads a department's 部门项目及绩效目标情况 document.
///
/// `N. 名称项目` (an ordered list item to cmark) starts a project; `(n) 标题。正文`
/// paragraphs are its narrative; the `项目支出绩效目标表` rows are its table; a
/// `附件` line starts the annex.
struct DepartmentProjectsReader {
    let source: SourceText
    let blocks: [Block]

    /// The reading state while walking the document.
    private struct State {
        var current: TableReader?
        var inAnnex = false
        var annex: AnnexReader
        var lastRowLine = 0

        mutating func finish(into doc: inout DocumentResult) {
            guard var project = current?.project else { return }
            if project.year == nil { project.year = doc.year }
            doc.projects.append(project)
            current = nil
        }
    }

    func read(into doc: inout DocumentResult) {
        var state = State(annex: AnnexReader(path: source.path))
        for block in blocks {
            if case .listItem(ordered: true, let number) = block.kind, !state.inAnnex {
                let text = source.text(block.firstLine)
                let heading = Self.dropNumber(text)
                if !heading.isEmpty, !source.hasTab(block.firstLine) {
                    state.finish(into: &doc)
                    var project = Project(layout: .c, location: SourceLocation(file: source.path, line: block.firstLine), name: heading)
                    project.fields.append(Field(label: "序号", value: String(number), line: block.firstLine))
                    state.current = TableReader(project: project, file: source.path)
                    if block.lastLine > block.firstLine {
                        readLines(block.firstLine + 1...block.lastLine, &state, doc: &doc)
                    }
                    continue
                }
            }
            readLines(block.firstLine...block.lastLine, &state, doc: &doc)
        }
        state.finish(into: &doc)
        if let result = state.annex.result {
            doc.annex = result
        }
    }

    private func readLines(_ lines: ClosedRange<Int>, _ state: inout State, doc: inout DocumentResult) {
        for n in lines where n <= source.lineCount && !source.isBlank(n) {
            let text = source.text(n)
            if !state.inAnnex, !source.hasTab(n), text.utf8HasPrefix("附件") {
                state.finish(into: &doc)
                state.inAnnex = true
                state.annex.start(line: n)
                continue
            }
            if state.inAnnex {
                state.annex.read(line: n, source: source, into: &doc)
                continue
            }
            if source.hasTab(n) {
                if state.current == nil {
                    doc.diagnose(.warning, line: n, code: "row-outside-project",
                                 "table row before any numbered project heading; not read")
                    continue
                }
                state.current?.read(source.row(n), into: &doc)
                state.lastRowLine = n
                continue
            }
            if state.lastRowLine == n - 1, var reader = state.current,
                reader.hasIndicatorTable || !reader.project.fields.isEmpty, !Self.isNarrativeItem(text)
            {
                if reader.continueLastCell(text, line: n) {
                    state.current = reader
                    state.lastRowLine = n
                    continue
                }
            }
            readText(text, line: n, current: &state.current, doc: &doc)
        }
    }

    private func readText(_ text: String, line n: Int, current: inout TableReader?, doc: inout DocumentResult) {
        if current == nil {
            // The document header: department and year.
            if doc.department == nil, Titles.looksLikeDepartment(text) {
                doc.department = Departments.stripCode(text)
            } else if doc.year == nil, let year = Titles.year(in: text) {
                doc.year = year
            } else {
                doc.diagnose(.note, line: n, code: "text-outside-table", "text before the first project not read: ‘\(text.prefix(40))’")
            }
            return
        }
        if let (title, body) = Self.narrativeItem(text) {
            guard !body.isEmpty else {
                current?.project.structuralLines.append(n)
                return
            }
            let kind = Labels.field(title)
            var isGoal = false
            if case .narrative(_, let goal)? = kind { isGoal = goal }
            current?.project.sections.append(NarrativeSection(title: title, text: body, line: n, isGoal: isGoal))
            if case .period? = kind, current?.project.period == nil {
                current?.project.period = body.trimming("。.")
            }
            return
        }
        if text.utf8HasSuffix("绩效目标表") {
            current?.project.structuralLines.append(n)
            return
        }
        if let year = Titles.year(in: text), text.scalarCount <= 12 {
            current?.project.year = year
            current?.project.structuralLines.append(n)
            return
        }
        doc.diagnose(.note, line: n, code: "text-outside-table", "text not read: ‘\(text.prefix(40))’")
    }

    /// `1. 就业补助资金县级配套项目` → `就业补助资金县级配套项目`.
    static func dropNumber(_ text: String) -> String {
        var s = Substring(text)
        s = s.drop(while: { $0.isNumber })
        if s.first == "." || s.first == "、" || s.first == "．" { s = s.dropFirst() }
        return s.trimmingWhitespace()
    }

    static func isNarrativeItem(_ text: String) -> Bool { narrativeItem(text) != nil }

    /// `(1) 项目概述。就业是民生之本…` → (`项目概述`, `就业是民生之本…`).
    static func narrativeItem(_ text: String) -> (String, String)? {
        var s = Substring(text)
        guard let open = s.first, open == "(" || open == "（" else { return nil }
        s = s.dropFirst()
        let number = s.prefix(while: { $0.isNumber })
        guard !number.isEmpty else { return nil }
        s = s.dropFirst(number.count)
        guard let close = s.first, close == ")" || close == "）" else { return nil }
        s = s.dropFirst()
        s = Substring(s.trimmingWhitespace())
        guard let stop = s.firstIndex(where: { $0 == "。" || $0 == "：" || $0 == ":" }) else {
            return (s.trimmingWhitespace(), "")
        }
        let title = s[..<stop].trimmingWhitespace()
        guard title.count <= 16 else { return nil }
        return (title, s[s.index(after: stop)...].trimmingWhitespace())
    }
}

/// Reads the `项目支出绩效目标公开清单` annex rows.
struct AnnexReader {
    let path: String
    private var startLine: Int?
    private var headerLines: [Int] = []
    private var rows: [AnnexRow] = []
    private var columns: (name: Int, amount: Int, number: Int?)?

    init(path: String) { self.path = path }

    mutating func start(line: Int) {
        startLine = startLine ?? line
        headerLines.append(line)
    }

    var result: Annex? {
        guard let startLine else { return nil }
        return Annex(location: SourceLocation(file: path, line: startLine), headerLines: headerLines, rows: rows)
    }

    mutating func read(line n: Int, source: SourceText, into doc: inout DocumentResult) {
        guard source.hasTab(n) else {
            // Annex titles (`… 年度项目支出绩效目标`).
            headerLines.append(n)
            return
        }
        let row = source.row(n)
        let cells = row.cells
        if let header = Self.header(cells) {
            columns = header
            headerLines.append(n)
            return
        }
        guard let columns else {
            // `项目支出绩效目标公开清单` and other title rows before the header.
            headerLines.append(n)
            return
        }
        let name = columns.name < cells.count ? cells[columns.name] : ""
        let amountText = columns.amount < cells.count ? cells[columns.amount] : ""
        let number = columns.number.flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
        if name.isEmpty && amountText.isEmpty {
            headerLines.append(n)
            return
        }
        if name.utf8HasPrefix("合计") || name.utf8HasPrefix("总计") || number.utf8HasPrefix("合计") {
            // A published total row: checked against the sum.
            headerLines.append(n)
            if let stated = Amounts.wan(amountText), stated != rows.compactMap(\.amount).sum() {
                doc.diagnose(.warning, line: n, code: "annex-total-mismatch",
                             "公开清单 states a total of \(stated.wanString) but its rows sum to \(rows.compactMap(\.amount).sum().wanString)")
            }
            return
        }
        let amount = Amounts.wan(amountText)
        if amount == nil {
            doc.diagnose(.warning, line: n, code: "unreadable-amount", "公开清单 amount ‘\(amountText)’ is not an amount in 万元")
        }
        rows.append(AnnexRow(number: number, name: name, amount: amount, amountText: amountText, line: n))
    }

    private static func header(_ cells: [String]) -> (name: Int, amount: Int, number: Int?)? {
        var name: Int?, amount: Int?, number: Int?
        for (i, c) in cells.enumerated() {
            let k = Labels.normalize(c)
            if k == "项目名称" { name = i }
            else if k.utf8HasPrefix("预算金额") || k.utf8HasPrefix("金额") || k.utf8HasPrefix("预算数") { amount = i }
            else if k == "序号" { number = i }
        }
        guard let name, let amount else { return nil }
        return (name, amount, number)
    }
}
