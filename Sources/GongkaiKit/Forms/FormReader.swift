// Reading a document's items into projects: titles, numbered projects, tables, annex, goals.

/// Reads the projects of one document from its items, whatever converted it.
///
/// A project starts at a form title (`…绩效目标申报表`, `…绩效目标表`), at a numbered project
/// (`1. 就业补助资金县级配套项目`), or at a table row when no project is open; its table rows go
/// to a `TableReader`. Text before the first project is the document's header (department,
/// year, 部门整体绩效目标); `附件…` starts the 公开清单 annex.
/// Where a unit line (`单位：元`) stands: read, with nothing after it yet; right over a table's
/// rows (a budget list's own unit, if that table is one); or over a title.
enum UnitLinePlace { case justRead, overTable, overTitle }

/// A unit line (`金额单位：元`): its unit, its line, and the department of the title or heading it
/// was stated under.
struct UnitLine {
    /// A department a title or heading names, as a key (`Departments.baseKey`), and that
    /// heading's level (`.max` for a title that is no Markdown heading).
    struct Issuer {
        let key: String
        let level: Int
    }

    let unit: MoneyUnit
    let line: Int
    let issuer: Issuer?
}

struct FormReader {
    let path: String
    /// Whether the document has tables of its own: then labels run together in text are not
    /// looked for (a document of text only is split at its labels).
    var hasTables = true
    /// Whether the text may stop inside a cell (its last character closes none): a form cut
    /// there may have its last cell cut too.
    var mayEndInsideCell = false
    /// Whether the text's last line is a `|` row left open (a page cut inside its last cell).
    var endsInsidePipeRow = false
    /// The first lines of the runs of indicator rows left unread (`laid-out-rows-unread`): the
    /// categories open before such a run are not known after it.
    var unreadRowLines: [Int] = []

    private struct State {
        var current: TableReader?
        /// How the open project started: a numbered heading keeps its project through the
        /// `项目支出绩效目标表` title that comes before its table.
        var startedByHeading = false
        var currentHasRows = false
        /// A numbered heading (`## 二、数字城管平台运维`) came after the open project's rows: the
        /// narrative after it is the next table's, not the open one's.
        var sectionAfterRows = false
        /// The title the open project started at, if it did.
        var title: String?
        /// The items where a 公开清单 annex starts, and the item being read.
        var annexStarts: Set<Int> = []
        /// The items that are numbered rows of a schedule (`3、助残实事项目` / `2018年1月`), never
        /// a project's heading.
        var scheduleRows: Set<Int> = []
        /// The text items right above a form's title (`9 村村民参加…补贴` / `项目绩效目标表`,
        /// `(7) 绩效目标。` / `项目支出绩效目标表`): never an indicator row of the form before.
        var titleHeads: Set<Int> = []
        var index = 0
        var segmentYear: Int?
        var inAnnex = false
        var annex: AnnexReader
        /// 部门整体绩效目标: its title and the text lines after it, until the first project.
        var goals: (line: Int, title: String, lines: [(Int, String)])?
        /// A line of text not read yet: the first line of a title on two lines
        /// (`9村村民参加企业职工养老保险财政补贴` + `项目绩效目标表`), if the next line says so.
        var pending: (line: Int, text: String)?
        /// Narrative items before any form (`(3)实施主体:…`, `(6)年度预算安排:…`): the prose of
        /// the form that follows (a page cut before the project's heading).
        var prose: [(title: String, body: String, line: Int)] = []
        /// In a list of allocations (`…资金安排表`, `…分配表`): its rows are no form's.
        var inList = false
        /// The web page's publisher (`信息来源:`, `发布机构`).
        var publisher: (name: String, line: Int)?
        /// The department the first title with one names before its year (see `Reading`).
        var titleDepartment: (name: String, line: Int)?
        /// Whether the page's own text (a footer) came after the open form's last row: the page
        /// was stored to its end.
        var pageTextAfterRows = false
        /// The last unit line (`金额单位:万元`), for the amounts after it that name no unit.
        var statedUnit: UnitLine?
        /// Amounts budget lists read so far give projects, by name (see `TableReader.listedAmounts`).
        var listedAmounts: [String: Money] = [:]
        /// Where that line stands: just read, right over a table's rows, or over a title.
        var statedUnitPlace: UnitLinePlace?
        /// The department the last title or heading naming one names (`## 某县民政局2025年…`): the
        /// unit lines stated under it end at one naming another (see `noteDepartmentHeading`).
        var titleIssuer: UnitLine.Issuer?
        /// The line of the last Markdown heading read (its department noted already).
        var headingLine = 0
        /// The level of the last Markdown heading read, and of the last one before the open
        /// project started (its section's).
        var headingLevel: Int?
        var projectHeadingLevel: Int?
        /// The last heading's text, and the open project's heading's (how it is numbered).
        var headingText: String?
        var projectHeadingText: String?
        /// Unit lines over a title: the unit of every form under them (a document's, a section's).
        /// The last is in force.
        var headingUnits: [UnitLine] = []
        /// The last unit line right over a form's rows since then: that form's own, and only
        /// maybe a later form's that states none (see `start`).
        var formUnit: UnitLine?
        /// The unit line a title that only may name another department put in doubt
        /// (`## 某县民政局2025年…` / `单位：元`, then `## 某县殡仪馆项目支出绩效目标表`: a unit of the
        /// department, or another department): a form after it with no line of its own is in its
        /// unit or the others' as its amount tells (see `TableReader.doubtedUnit`).
        var doubtedUnit: UnitLine?
        /// Whether that line was a form's own (`formUnit`), not one over titles.
        var doubtedWasForms = false

        /// A unit line read at `line`: under the department of the last title naming one.
        mutating func state(_ unit: MoneyUnit, line: Int) {
            statedUnit = UnitLine(unit: unit, line: line, issuer: titleIssuer)
            statedUnitPlace = .justRead
        }
        /// The document's last line read, and whether its end has been reached.
        var lastLine = 1
        /// The first line of the last row read (a row may span lines).
        var lastRowLine = 1
        /// Whether a table's row came last and a blank line after it: the table has ended, and a
        /// line of text after it is outside it (a signature under the form: `东至县财政局
        /// 东至县农业农村局`), not one of its indicators.
        var afterTable = false
        /// The last filled cell of the last row read: where a text cut short would stop.
        var lastCell: String?
        /// Whether the row being read is a table's first.
        var rowStartsTable = false
        var atEnd = false
    }

    /// What a document's reading found beside its projects.
    struct Reading {
        /// The publisher the web page names: the department of projects that name none.
        var publisher: (name: String, line: Int)?
        /// The department a title names before its year (`东至县文化旅游体育局2024年项目支出…`):
        /// the department of projects that name neither one nor a unit.
        var titleDepartment: (name: String, line: Int)?
    }

    @discardableResult
    func read(_ items: [FormItem], into doc: inout DocumentResult) -> Reading {
        var state = State(annex: AnnexReader(path: path))
        state.annexStarts = Self.annexStarts(items)
        state.scheduleRows = Self.scheduleRows(items)
        state.titleHeads = Self.titleHeads(items)
        for (index, item) in items.enumerated() {
            state.index = index
            if case .text(_, let text, _) = item, let p = state.pending, text == "项目绩效目标表" || text == "绩效目标表" {
                state.pending = nil
                readTitle(p.text + text, line: p.line, &state, &doc)
                continue
            }
            if case .blank = item {
                if index > 0, case .row = items[index - 1] { state.afterTable = true }
                continue
            }
            switch item {
            case .row(let row, _): state.lastLine = row.lastLine; state.lastRowLine = row.line
            case .text(let line, _, _): state.lastLine = line; state.lastRowLine = line
            case .blank: break
            }
            flushPending(&state, &doc)
            switch item {
            case .blank:
                continue
            case .row(let row, let first):
                state.afterTable = false
                state.rowStartsTable = first
                readRow(row, &state, &doc)
            case .text(let line, let text, let style):
                state.rowStartsTable = false
                if case .heading(let level) = style {
                    // A unit line over a heading (`单位：万元` / `## 某县司法局`): over the forms under it.
                    Self.unitLineHeads(&state)
                    Self.noteDepartmentHeading(text, level: level, &state)
                    state.headingLine = line
                    state.headingLevel = level
                    state.headingText = text
                }
                readText(text, line: line, style: style, &state, &doc)
                state.afterTable = false
            }
        }
        flushPending(&state, &doc)
        if state.sectionAfterRows, state.current != nil, !state.prose.isEmpty {
            // Narrative held for a next form that never came (`## 二、项目实施计划` / `(1)…` after
            // the only form): the open form's after all.
            let prose = state.prose
            state.prose = []
            state.sectionAfterRows = false
            for p in prose { readProse(title: p.title, body: p.body, line: p.line, &state, &doc) }
        }
        state.atEnd = true
        finish(&state, &doc)
        if let goals = state.goals {
            doc.overallGoals = OverallGoalsReader.read(title: goals.title, line: goals.line, lines: goals.lines, path: path)
        }
        if let result = state.annex.result { doc.annex = result }
        for p in state.prose {
            noteOutside("(\(p.title))\(p.body)", line: p.line, &doc)
        }
        return Reading(publisher: state.publisher, titleDepartment: state.titleDepartment)
    }

    // MARK: Rows

    private func readRow(_ row: Row, _ state: inout State, _ doc: inout DocumentResult) {
        if let last = row.cells.last(where: { !$0.isEmpty }) { state.lastCell = last }
        guard !row.isEmpty else { return }
        // A row of one cell that is a title, a year, an annex's heading or the page's own text
        // (a web page puts its form's title in the table): read as that text.
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        if filled.count == 1, !state.inAnnex {
            let text = row.cells[filled[0]]
            if FormText.isTitle(text) || FormText.isYearLine(text) || Vocabulary.current.isPageText(text)
                || (text.utf8HasPrefix("附件") && text.scalarCount <= 6) || FormText.isListTitle(text)
                || (text.utf8Contains("整体绩效目标") && state.current == nil && doc.projects.isEmpty && text.scalarCount <= 30)
                || (state.currentHasRows && FormText.isOtherKindTitle(text))
            {
                readText(text, line: row.line(ofCell: filled[0]), style: .paragraph, &state, &doc)
                return
            }
        }
        if filled.count >= 2, !state.inAnnex, FormText.isTitle(row.cells[filled[0]]) || FormText.isYearLine(row.cells[filled[0]]) {
            // A page that writes a cell a line runs the title and the year into the first row
            // (`项目支出绩效目标表 |` / `(2025年度) |` / `项目责任人: |`): they are the form's text.
            var k = 0
            var rest = row
            while k < filled.count - 1, FormText.isTitle(row.cells[filled[k]]) || FormText.isYearLine(row.cells[filled[k]]) {
                readText(row.cells[filled[k]], line: row.line(ofCell: filled[k]), style: .paragraph, &state, &doc)
                rest.cells[filled[k]] = ""
                k += 1
            }
            if k == filled.count - 1, Vocabulary.current.statedUnit(row.cells[filled[k]]) != nil {
                // `（2025年度）    单位：元`: the year's line and the unit's side by side.
                readText(row.cells[filled[k]], line: row.line(ofCell: filled[k]), style: .paragraph, &state, &doc)
                return
            }
            readRow(rest, &state, &doc)
            return
        }
        if state.inAnnex {
            state.annex.read(row, into: &doc)
            return
        }
        if state.inList {
            // A row of an allocation list: accounted for at the list's title.
            return
        }
        if state.current == nil, Self.isPageRow(row) {
            // The page's own fields (索引号, 发布机构, 成文日期) in a table of their own.
            for (i, cell) in row.cells.enumerated() where Labels.field(cell) == .publisher {
                if state.publisher == nil, let name = row.cells[(i + 1)...].first(where: { !$0.isEmpty }),
                   Labels.field(name) == nil, Titles.looksLikeDepartment(name) || Titles.looksLikePlace(name)
                {
                    state.publisher = (name, row.line(ofCell: i))
                }
            }
            Self.notePageFields(row.filledCells.joined(separator: " "), line: row.line, &doc)
            return
        }
        if state.current == nil, doc.projects.isEmpty, let goals = state.goals, goals.lines.isEmpty {
            // `部门整体绩效目标` heading a table, not prose: a department-wide form, named by it.
            state.goals = nil
            var project = Project(layout: doc.layout ?? .a, location: SourceLocation(file: path, line: goals.line), name: "")
            project.year = Titles.year(in: goals.title)
            start(project, &state, &doc)
            state.title = goals.title
        }
        // (The open form's state is asked through `state.current?`: binding it would copy the
        // table reader, a retain for each of its references, at every row.)
        if state.current?.isReadingIndicators == true,
           let k = row.cells.lastIndex(where: { !$0.isEmpty }), let unit = Vocabulary.current.statedUnit(row.cells[k])
        {
            // `207101某法院 | 单位:万元` under an indicator table: no indicator has a unit line for
            // its value; it heads the next form, whose amounts are in that unit.
            finish(&state, &doc)
            state.state(unit, line: row.line)
            var rest = row
            rest.cells[k] = ""
            readRow(rest, &state, &doc)
            return
        }
        var row = row
        let glued = Self.splitGluedTitle(&row)
        if state.current == nil {
            // Rows before any title: a form without a title line.
            start(Project(layout: doc.layout ?? .a, location: SourceLocation(file: path, line: row.line), name: ""), &state, &doc)
        } else if let hasName = state.current?.hasNameField, row.startsForm ? hasName || state.current?.hasIndicatorTable == true
                    : hasName && (state.current?.isReadingIndicators == true ? Self.isNameRow(row, of: state.current?.project)
                                                                             : Self.namesAProject(row, as: Self.isNextForm(state) ? nil : state.current?.nameLabel))
        {
            // A second form with no title of its own: its 项目名称 starts it.
            start(Project(layout: doc.layout ?? .a, location: SourceLocation(file: path, line: row.line), name: ""), &state, &doc)
        }
        if state.statedUnitPlace == .justRead {
            state.statedUnitPlace = .overTable
            state.formUnit = state.statedUnit
        }
        state.current?.read(row, into: &doc)
        state.currentHasRows = true
        state.pageTextAfterRows = false
        if let title = glued {
            // The next form's title glued to this row (a lost line break): start it here.
            readText(title, line: row.line, style: .paragraph, &state, &doc)
        }
    }

    // MARK: Text

    private func readText(_ text: String, line n: Int, style: SourceLine.Style, _ state: inout State, _ doc: inout DocumentResult) {
        // (An indicator table after text that names another term — `中期绩效指标（2024—2026年）` —
        // is another table, not the first one cut at a page break: `续表`, `- 2 -` are no such text.)
        if state.current?.isReadingIndicators == true, TableReader.namesAnotherTerm(text) { state.current?.textAfterRows = true }
        if state.inAnnex {
            state.annex.headerLine(n)
            return
        }
        if let rest = Vocabulary.beforePageNumber(text), rest.utf8Contains("元"),
           Vocabulary.current.statedUnit(rest, ownLine: true) != nil || Vocabulary.current.titleUnitAtEnd(rest) != nil || Vocabulary.current.unitLineAtEnd(rest) != nil
        {
            // `（单位：元）  第1页`: a unit line (or a title with its unit) and the page's number,
            // the number skipped as the page's.
            readText(rest, line: n, style: style, &state, &doc)
            return
        }
        if Vocabulary.current.isPageText(text) {
            if state.publisher == nil, let name = PageText.publisher(in: text) { state.publisher = (name, n) }
            if state.currentHasRows { state.pageTextAfterRows = true }
            doc.diagnose(.note, line: n, code: "page-text", "网页上的文字，不属于表格，未读取：‘\(text.prefix(40))’",
                         en: "text of the web page, not of the form; not read: ‘\(text.prefix(40))’")
            return
        }
        if let (rest, unit) = Vocabulary.current.titleUnitAtEnd(text) {
            // `…绩效目标表（单位：元）`, `## 二、某县林业局（单位：元）`: the title, then its unit line.
            readText(rest, line: n, style: style, &state, &doc)
            readText("单位：" + unit.rawValue, line: n, style: .paragraph, &state, &doc)
            return
        }
        if let (rest, unitLine) = Vocabulary.current.unitLineAtEnd(text) {
            // `填报单位：某县林业局（盖章）　　　金额单位：元`, `（2025年度）    单位：元`: a line and a unit
            // line side by side, each read as it is.
            readText(rest, line: n, style: style, &state, &doc)
            readText(unitLine, line: n, style: .paragraph, &state, &doc)
            return
        }
        if let unit = Vocabulary.current.statedUnit(text, ownLine: true) {
            // `金额单位:万元` on a line of its own: the unit of the amounts after it that name none.
            state.state(unit, line: n)
            state.current?.tableUnit = unit
            state.current?.tableUnitLine = n
            state.current?.unitCandidates = []
            state.current?.doubtedUnit = nil
            state.current?.project.structuralLines.append(n)
            return
        }
        if !hasTables, text.scalarCount > 24, let pieces = TextTitles.pieces(of: text) {
            // Titles inside a line of run-together or space-separated text (a PDF's or a
            // document-sharing site's): each part read as what it is.
            for (k, piece) in pieces.enumerated() {
                if k > 0 { flushPending(&state, &doc) }
                switch piece {
                case .title(let title): readText(title, line: n, style: .paragraph, &state, &doc)
                case .text(let part): readText(part, line: n, style: .paragraph, &state, &doc)
                }
            }
            return
        }
        if FormText.isListTitle(text) {
            // `2022年省级第七批水利专项资金安排表`: the allocations of a fund, not a form.
            finish(&state, &doc)
            state.inList = true
            doc.diagnose(.note, line: n, code: "allocation-list",
                         "‘\(text.prefix(40))’是资金分配（安排）表，不是绩效目标表；其中各行不作为项目读取",
                         en: "‘\(text.prefix(40))’ is a list of allocations, not a targets form; its rows are not read as projects")
            return
        }
        if state.inList {
            guard FormText.isTitle(text) || FormText.numberedHeading(text).map({ isNumberedProject($0.name) }) == true else { return }
            state.inList = false
        }
        if state.annexStarts.contains(state.index), state.current != nil || !doc.projects.isEmpty {
            finish(&state, &doc)
            state.inAnnex = true
            state.annex.start(line: n)
            return
        }
        // The document's 部门整体绩效目标, up to its first project.
        if state.current == nil, doc.projects.isEmpty {
            // (Not a form's title: `…部门整体绩效目标表` heads a 部门整体 form.)
            if state.goals == nil, text.utf8Contains("整体绩效目标"), !FormText.isTitle(text) {
                state.goals = (n, text, [])
                if doc.year == nil { doc.year = Titles.year(in: text) }
                return
            }
            if state.goals != nil, !FormText.isTitle(text), !isProjectTitleStart(text) {
                state.goals?.lines.append((n, text))
                return
            }
        }
        if let (title, body) = FormText.narrativeItem(text), !body.isEmpty {
            readProse(title: title, body: body, line: n, &state, &doc)
            return
        }
        if state.currentHasRows, case .heading(let level) = style, let section = state.projectHeadingLevel, level <= section,
           let style = Titles.listNumberStyle(text), !Self.sectionWords.contains(where: { text.utf8HasSuffix($0) }),
           let own = state.projectHeadingText, Titles.listNumberStyle(own) == style {
            // A heading like the open project's own (`## 二、数字城管平台运维` after `## 一、…`), not
            // one of its sections (`### （一）项目说明`, `## 二、绩效目标编制说明`).
            state.sectionAfterRows = true
        }
        if case .heading = style, let name = Self.projectNameHeading(text) {
            // `## 一、项目名称：大气污染防治监测运维`: a heading naming the project of the table under
            // it (whose own 项目名称 row then names the same project, not a second one).
            start(Project(layout: doc.layout ?? .c, location: SourceLocation(file: path, line: n), name: name), &state, &doc)
            state.startedByHeading = true
            return
        }
        if case .orderedItem = style, let heading = FormText.numberedHeading(text) ?? listHeading(text, style) {
            startNumbered(heading, line: n, &state, &doc)
            return
        }
        if let heading = FormText.numberedHeading(text), isNumberedProject(heading.name), !state.scheduleRows.contains(state.index) {
            startNumbered(heading, line: n, &state, &doc)
            return
        }
        if state.current == nil, doc.projects.isEmpty, Self.isPageTitleField(text) {
            // The page's own `标 题 …绩效目标表 文 号` (beside 索引号 and 发布机构): the page's title,
            // not a form's.
            Self.notePageFields(text, line: n, &doc)
            return
        }
        if FormText.isTitle(text) {
            readTitle(text, line: n, &state, &doc)
            return
        }
        if state.currentHasRows, FormText.isOtherKindTitle(text) {
            // `## 项目支出绩效运行监控表` after a form's rows: another kind of table, whose `项目名称`
            // row repeats the form's and is no page break. The form ends here.
            finish(&state, &doc)
        }
        // A row written as text (`项目名称 特困家庭再扶助`), or an indicator row under a header.
        // Under a header, a row whose cells are apart (laid-out text's rows, `LaidOutText`) is
        // not cut where a label stands inside a name (`绩效目标合理性` holds the label 绩效目标).
        let splitRunTogether = !hasTables && !(state.current?.isReadingIndicators == true && text.utf8Has(0x09))
        if FormText.narrativeItem(text) == nil || TextRows.row(text, line: n, splitRunTogether: false) != nil,
           let rows = TextRows.rows(text, line: n, splitRunTogether: splitRunTogether, startsForm: state.current == nil)
        {
            for row in rows { readRow(row, &state, &doc) }
            return
        }
        if state.current?.takeGoalText(text, line: n, into: &doc) == true { return }
        if let held = state.current?.heldLabelCount, held >= 2 {
            // The values of a row of labels, written as a line of amounts (`0.00  25.00  0.00`
            // under `项目资金来源情况(万元) 其中:上级财政补助资金 其中:同级财政资金 其他`): read as
            // the row below them, where the table reader pairs each with its label.
            let cells = TextRows.cells(text, splitRunTogether: false)
            if cells.count >= 2, cells.count <= held, cells.allSatisfy({ Amounts.wan($0) != nil }) {
                readRow(Row(line: n, cells: cells), &state, &doc)
                return
            }
        }
        if state.current?.awaitsValue == true, !FormText.isSectionTitle(text) {
            // The value of the label that ended the line before (`…项目总投资` / `174.78万元…`,
            // `年度目标` / its text).
            let cells = state.current?.awaitsAmount == true ? TextRows.cells(text, splitRunTogether: !hasTables) : [text]
            readRow(Row(line: n, cells: cells), &state, &doc)
            return
        }
        if state.current != nil, text.scalarCount <= 24, Labels.field(text) != nil {
            // A label on a line of its own (`年度预算安排(万元)`, `年度目标`).
            readRow(Row(line: n, cells: [text]), &state, &doc)
            return
        }
        if state.current?.isReadingIndicators == true, !FormText.isTitle(text), !state.titleHeads.contains(state.index) {
            let cells = TextRows.cells(text, splitRunTogether: false)
            // After a table that has ended, only a line that reads as an indicator row continues
            // it (a category, or a figure in its value), not a signature (`东至县财政局 东至县农业农村局`).
            if cells.count >= 2, !state.afterTable || cells.contains(where: IndicatorVocabulary.isVocabulary)
                || cells.last?.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) == true
            {
                readRow(Row(line: n, cells: cells), &state, &doc)
                return
            }
        }
        if let year = Titles.year(in: text), text.scalarCount <= 12 {
            // `2022年度` under a title, `(2024年度)` above a table.
            if state.current != nil, state.currentHasRows, let known = state.current?.project.year ?? state.segmentYear ?? doc.year, known != year {
                // A year among the form's rows (`完成时间` / `2026年`) is a value, not the form's year.
                noteOutside(text, line: n, &doc)
                return
            }
            if state.current == nil {
                if doc.year == nil { doc.year = year } else { state.pending = (n, text) }
            } else {
                state.segmentYear = year
                state.current?.project.year = year
                state.current?.project.structuralLines.append(n)
            }
            return
        }
        guard state.current != nil else {
            state.pending = (n, text)
            return
        }
        if FormText.narrativeItem(text)?.body.isEmpty == true {
            state.current?.project.structuralLines.append(n)
            return
        }
        if FormText.isSectionTitle(text) {
            // `决策指标`, `### 产出指标`: the rows say the same.
            return
        }
        if text.utf8HasSuffix("绩效目标表") {
            state.current?.project.structuralLines.append(n)
            return
        }
        state.pending = (n, text)
    }

    /// A narrative item (`(1) 项目概述。…`, `(6)年度预算安排:500万元`): a section of the open
    /// project and the facts it states; before any form, kept for the form that follows.
    private func readProse(title: String, body: String, line n: Int, _ state: inout State, _ doc: inout DocumentResult) {
        if state.current != nil, state.sectionAfterRows {
            // Under the next section's heading: kept for the form that follows (said as text
            // outside a form if none does).
            state.prose.append((title, body, n))
            return
        }
        guard state.current != nil else {
            if doc.projects.isEmpty {
                state.prose.append((title, body, n))
            } else {
                noteOutside("(\(title))\(body)", line: n, &doc)
            }
            return
        }
        var isGoal = false
        if case .narrative(_, let goal)? = Labels.field(title) { isGoal = goal }
        state.current?.project.sections.append(NarrativeSection(title: title, text: body, line: n, isGoal: isGoal))
        state.current?.readProse(title: title, body: body, line: n, into: &doc)
    }

    /// The line kept back in case it began a title: read as what it is.
    private func flushPending(_ state: inout State, _ doc: inout DocumentResult) {
        guard let (n, text) = state.pending else { return }
        state.pending = nil
        if state.current == nil && !state.inAnnex {
            readHeader(text, line: n, &state, &doc)
        } else {
            state.current?.noteUnreadText(text, line: n)
            noteOutside(text, line: n, &doc)
        }
    }

    /// Text before the first project: the department, the year, cover text.
    private func readHeader(_ text: String, line n: Int, _ state: inout State, _ doc: inout DocumentResult) {
        if doc.department == nil, Titles.looksLikeDepartment(text) {
            doc.department = Departments.stripCode(text)
        } else if text.utf8HasSuffix("编制") || (Titles.year(in: text) != nil && Self.isCoverText(text)) {
            // `高新区人社局编制`, `2024年部门预算绩效文本`: cover text.
            if doc.year == nil, let y = Titles.year(in: text) { doc.year = y }
            if doc.department == nil, let issuer = Titles.issuer(inTitle: text), !issuer.utf8Contains("财政") {
                // `周口市城乡一体化示范区2023年度…项目实施计划`: the issuer before the year (not a
                // finance bureau's, which publishes other departments' forms: `某县财政局（2025年度）县级…`).
                doc.department = issuer
            }
        } else if let d = doc.department, text.utf8HasPrefix(d) {
            // Cover text naming the department again.
        } else if FormText.isSectionTitle(text) {
            // A section title before the first table.
        } else {
            noteOutside(text, line: n, &doc)
        }
    }

    /// Whether a line with a year is about budgets or targets (a document's cover or title, a
    /// notice), not a name that happens to hold a year (`2026年营造林技术咨询服务`).
    static func isCoverText(_ text: String) -> Bool {
        ["绩效", "预算", "目标", "部门", "计划", "资金", "决算", "公开", "通知", "年度"].contains { text.utf8Contains($0) }
    }

    private func noteOutside(_ text: String, line n: Int, _ doc: inout DocumentResult) {
        doc.diagnose(.note, line: n, code: "text-outside-table",
                     "表格外的文字未读取：‘\(text.prefix(40))’", en: "text outside the form's table not read: ‘\(text.prefix(40))’")
    }

    /// `1. 名称` as a list item whose marker cmark took.
    private func listHeading(_ text: String, _ style: SourceLine.Style) -> (number: Int, name: String)? {
        guard case .orderedItem(let number) = style, !text.isEmpty, text.scalarCount <= 40, !text.contains("。") else { return nil }
        return (number, text)
    }

    /// The endings of a section's heading, never a project's name.
    private static let sectionWords = ["说明", "情况", "依据", "概况", "概述", "分析", "措施", "目标", "指标", "内容"]

    /// The name a heading gives as a label and its value (`一、项目名称：大气污染防治监测运维`).
    private static func projectNameHeading(_ text: String) -> String? {
        guard text.utf8Contains("名称"), text.utf8Contains("：") || text.utf8Contains(":") else { return nil }
        let bare = Titles.withoutListNumber(text)
        guard let colon = bare.firstIndex(where: { $0 == "：" || $0 == ":" }), Labels.field(String(bare[..<colon])) == .name else { return nil }
        let name = bare[bare.index(after: colon)...].trimmingWhitespace()
        return name.isEmpty || name.scalarCount > 60 ? nil : name
    }

    /// A numbered line names a project when it reads like one (`…项目`, `…经费`, `…资金`).
    private func isNumberedProject(_ name: String) -> Bool {
        ["项目", "经费", "资金", "补助", "补贴", "专项"].contains { name.utf8HasSuffix($0) }
    }

    private func isProjectTitleStart(_ text: String) -> Bool {
        if let heading = FormText.numberedHeading(text) { return isNumberedProject(heading.name) }
        return false
    }

    private func startNumbered(_ heading: (number: Int, name: String), line n: Int, _ state: inout State, _ doc: inout DocumentResult) {
        var project = Project(layout: doc.layout ?? .c, location: SourceLocation(file: path, line: n), name: heading.name)
        project.fields.append(Field(label: "序号", value: String(heading.number), line: n))
        start(project, &state, &doc)
        state.startedByHeading = true
    }

    /// A form title: the start of a project, unless the open project began at its numbered
    /// heading and has no table yet (`项目支出绩效目标表` before the table of `1. …项目`).
    private func readTitle(_ text: String, line n: Int, _ state: inout State, _ doc: inout DocumentResult) {
        if state.current != nil, state.currentHasRows, FormText.isContinuationTitle(text) {
            // `项目支出绩效目标表（续）` over the rest of the open form's rows (a page break in the
            // Word file): no new form.
            state.current?.project.structuralLines.append(n)
            return
        }
        let name = Titles.projectName(inTitle: text)
        if state.current != nil, state.startedByHeading, !state.currentHasRows, name == nil {
            state.current?.project.structuralLines.append(n)
            return
        }
        if state.current != nil, !state.currentHasRows, state.title == text {
            // The page's heading, then the same title over the form (`…审批表` twice): one title.
            state.current?.project.structuralLines.append(n)
            return
        }
        if state.titleDepartment == nil, let issuer = Titles.issuer(inTitle: text).map(Departments.stripCode), Titles.looksLikeDepartment(issuer),
           !issuer.utf8Contains("财政")
        {
            // `东至县文化旅游体育局2024年项目支出绩效目标表`, `[066]某县司法局2025年…`: the department
            // before the year, for the forms under it that name no department (a finance bureau's
            // title heads other departments' forms).
            state.titleDepartment = (issuer, n)
        }
        if n != state.headingLine { Self.noteDepartmentHeading(text, level: .max, &state) }
        var project = Project(layout: doc.layout ?? .a, location: SourceLocation(file: path, line: n), name: name ?? "")
        // `项目支出绩效目标表` / `(2023年)` / `3.…-2023中央绩效目标表`: a title under a title
        // with no rows between keeps the year the one above it was given.
        let year = Titles.year(in: text) ?? (state.currentHasRows ? nil : state.current?.project.year)
        project.year = year
        Self.unitLineHeads(&state)
        start(project, &state, &doc)
        state.title = text
        state.segmentYear = year
    }

    /// A unit line just read, over a title or heading: every form under it (a document's, or a
    /// section's), up to a title naming another department than the one it was stated under.
    private static func unitLineHeads(_ state: inout State) {
        guard state.statedUnitPlace == .justRead, let stated = state.statedUnit else { return }
        state.statedUnitPlace = .overTitle
        state.headingUnits.append(stated)
        state.formUnit = nil
        // (A form's own line leaves a doubt as it was; a line over titles ends it.)
        state.doubtedUnit = nil
    }

    /// A title or heading naming a department (`## 某县农业农村局2025年项目支出绩效目标表`, a county
    /// page's `## 某县司法局`): the unit lines stated under another department's heading of its
    /// level or a deeper one end there (not under a heading deeper than theirs: a unit's own title
    /// `### 某县人民医院2025年…` or `#### 某县殡仪馆` inside the department's part); a title that only
    /// may name one (see `Titles.department(inHeading:)`) puts them in doubt. `level` is the
    /// Markdown heading's, `.max` for a title that is no heading.
    private static func noteDepartmentHeading(_ text: String, level: Int, _ state: inout State) {
        guard let (department, sure) = Titles.department(inHeading: text) else { return }
        let key = Departments.baseKey(department)
        let ends = { (line: UnitLine) in line.issuer.map { $0.key != key && level <= $0.level } ?? false }
        let ended = state.headingUnits.filter(ends) + [state.formUnit].compactMap { $0 }.filter(ends)
        if let doubted = state.doubtedUnit, sure, level <= (doubted.issuer?.level ?? .max) {
            // A title surely naming a department, at the level of the one the line in doubt was
            // stated under or above, after one that only may have (not a deeper one: `### 某县殡仪馆
            // 2025年…` under `## 某县殡仪馆项目…`): the line is its again, where it was, or surely ended.
            if doubted.issuer?.key == key {
                if state.doubtedWasForms { state.formUnit = doubted } else { state.headingUnits.append(doubted) }
            }
            state.doubtedUnit = nil
        }
        let inForce = state.headingUnits.last(where: { !ends($0) })?.unit
        if !sure, let last = ended.filter({ $0.unit != inForce }).max(by: { $0.line < $1.line }) {
            // A title that only may name another department (a unit's, a project's, the
            // department written short): the line is in doubt, not ended (see `doubtedUnit`).
            // (A line in the unit still in force changes nothing: an older doubt stays.)
            state.doubtedUnit = last
            state.doubtedWasForms = state.formUnit.map { $0.line == last.line } ?? false
        }
        state.headingUnits.removeAll(where: ends)
        if let form = state.formUnit, ends(form) { state.formUnit = nil }
        state.titleIssuer = UnitLine.Issuer(key: key, level: level)
    }

    private func start(_ project: Project, _ state: inout State, _ doc: inout DocumentResult) {
        finish(&state, &doc)
        var reader = TableReader(project: project, file: path, unreadRowLines: unreadRowLines)
        let heading = state.headingUnits.last
        if state.statedUnitPlace == .justRead {
            // Its own line, right over it.
            reader.tableUnit = state.statedUnit?.unit
            reader.tableUnitLine = state.statedUnit?.line
        } else {
            // A form with no line of its own after a form with one (`## 表（一）` / `金额单位：元` /
            // its rows, then `## 表（二）`): the same unit, or the heading's, or another; the
            // amounts tell which, if one only (see `TableReader.unitCandidates`).
            var candidates = state.formUnit.map { $0.unit != heading?.unit ? [$0] + (heading.map { [$0] } ?? []) : [] } ?? []
            if let doubted = state.doubtedUnit, doubted.unit != heading?.unit || !candidates.isEmpty {
                // A line in doubt (a title after it may name another department): one of the
                // candidates; where the amount is plausible in more than one, the department's own
                // forms take it (see `TableReader.finish`).
                if candidates.isEmpty { candidates = heading.map { [$0] } ?? [] }
                if !candidates.contains(where: { $0.unit == doubted.unit }) { candidates.insert(doubted, at: 0) }
                reader.doubtedUnit = doubted
                reader.doubtedAlone = candidates.count == 1
            }
            if candidates.isEmpty {
                reader.tableUnit = heading?.unit
                reader.tableUnitLine = heading?.line
                reader.tableUnitInherited = heading != nil
            } else {
                reader.unitCandidates = candidates.map { ($0.unit, $0.line) }
            }
        }
        state.current = reader
        state.current?.listedAmounts = state.listedAmounts
        state.startedByHeading = false
        state.currentHasRows = false
        state.sectionAfterRows = false
        state.projectHeadingLevel = state.headingLevel
        state.projectHeadingText = state.headingText
        state.title = nil
        state.inList = false
        let prose = state.prose
        state.prose = []
        for p in prose { readProse(title: p.title, body: p.body, line: p.line, &state, &doc) }
    }

    private func finish(_ state: inout State, _ doc: inout DocumentResult) {
        // (Taken out, not copied: the reader is moved to here.)
        guard var reader = state.current.take() else { return }
        reader.finish(into: &doc)
        if !state.currentHasRows, !state.startedByHeading {
            // A title with nothing after it.
            let title = (state.title ?? reader.project.name).prefix(40)
            doc.diagnose(.warning, line: reader.project.location.line, code: "empty-form",
                         "标题‘\(title)’后没有表格", en: "title ‘\(title)’ has no table after it")
            return
        }
        if state.publisher == nil, let publisher = reader.publisher { state.publisher = publisher }
        if reader.isBudgetList {
            // `项目名称 | 预算数 | …` over a row per project, no indicator anywhere: a budget table
            // (a 部门预算's 项目支出预算表), not a target table. Nothing of it is a project.
            // A unit line right over it was its own (`单位：元` over `表十一 项目支出预算表`), not the
            // next table's (`表十二 项目支出绩效目标表`, in 万元: read in 元, 10,000 times too small).
            // A unit line over a target form stays every later form's, as a document's may be.
            if state.statedUnitPlace == .overTable { state.statedUnit = nil; state.statedUnitPlace = nil; state.formUnit = nil }
            for row in reader.listedProjects {
                if let amount = row.amount { state.listedAmounts[row.name] = amount }
            }
            for (line, name, _) in reader.budgetListRows {
                doc.diagnose(.note, line: line, code: "budget-list",
                             "‘\(name.prefix(30))’一行只列预算金额，所在的表是项目预算清单（没有绩效目标），不是绩效目标表：未作为项目发布",
                             en: "the row ‘\(name.prefix(30))’ gives only amounts: its table lists projects' budgets (no targets) and is no target table; not published as a project")
            }
            return
        }
        var project = reader.project
        if project.name.isEmpty, let title = state.title, let name = Titles.wholeDepartmentName(inTitle: title) {
            // A 部门整体 form names no project: the whole department's entry is named by its title.
            project.name = name
            doc.diagnose(.note, line: project.location.line, code: "whole-department-form",
                         "部门整体绩效目标表，没有项目名称：以表题‘\(name)’为名",
                         en: "a department-wide form with no project name: named by its title ‘\(name)’")
        }
        if project.year == nil { project.year = state.segmentYear ?? doc.year }
        if state.atEnd, !state.pageTextAfterRows, Self.isCut(reader) {
            // The document ends inside this form (a page stored only in part): what it holds
            // is published, marked incomplete; nothing is filled in for the rest.
            project.incomplete = true
            doc.diagnose(.warning, line: state.lastLine, code: "incomplete-form",
                         "项目‘\(project.name)’的表格在文末中断（网页或文件只存了前一部分）：按已读到的内容发布，并标为不完整",
                         en: "the form of project ‘\(project.name)’ stops at the end of the text (the page or file was stored in part): published as read and marked incomplete")
            if mayEndInsideCell, let department = project.rawDepartment, department.scalarCount >= 4, !department.contains(where: \.isWhitespace),
               !Titles.looksLikeDepartment(department), !Titles.looksLikePlace(department),
               let field = project.fields.last(where: { $0.line >= state.lastRowLine && Departments.stripCode($0.value) == department })
            {
                // The text stops inside the department's cell (`[027]六安市叶集区文化旅游体育`):
                // a name cut short is no department.
                project.rawDepartment = nil
                doc.diagnose(.warning, line: field.line, code: "department-cut",
                             "主管部门‘\(department)’在文末被截断，不作为部门",
                             en: "the department ‘\(department)’ is cut off at the end of the text; not taken as the department")
            }
            if endsInsidePipeRow, let i = project.indicators.indices.last, let t = project.indicators[i].targets.indices.last,
               project.indicators[i].targets[t].line >= state.lastRowLine, let value = project.indicators[i].targets[t].value, !value.isEmpty,
               let cell = state.lastCell?.trimmingWhitespace(), !cell.isEmpty, value.hasSuffix(cell),
               let end = cell.utf8.last, end >= 0x30 && end <= 0x39
            {
                // The text stops inside the last indicator's value (`补贴资金发放准确率 | 10` of
                // `100%`): a value cut short is no value. One that ends with its unit or `%`
                // (`1座`, `≥60%`) is taken as whole.
                project.indicators[i].targets[t].value = nil
                project.indicators[i].targets[t].op = nil
                project.indicators[i].targets[t].unit = nil
                let name = project.indicators[i].name
                doc.diagnose(.warning, line: project.indicators[i].targets[t].line, code: "value-cut",
                             "指标‘\(name)’的指标值‘\(value)’在文末被截断，不作为指标值",
                             en: "the value ‘\(value)’ of indicator ‘\(name)’ is cut off at the end of the text; not taken as its value")
            }
        }
        if project.name.isEmpty, project.amount == nil, project.totalAmount == nil, project.indicators.isEmpty {
            // Rows that name no project, give no amount and hold no indicator are no project.
            doc.diagnose(.note, line: project.location.line, code: "stray-rows",
                         "这几行表格没有项目名称、金额或指标，不作为项目读取",
                         en: "table rows with no project name, amount or indicator: not read as a project")
            return
        }
        doc.projects.append(project)
    }

    /// The items of `附件` headings that a 清单 follows (`附件:` … `项目支出绩效目标公开清单`): an
    /// annex listing the projects. A form that is itself an attachment (`附件1` above its title)
    /// starts none.
    static func annexStarts(_ items: [FormItem]) -> Set<Int> {
        var starts: Set<Int> = []
        func text(_ item: FormItem) -> (Int, String)? {
            switch item {
            case .text(let line, let text, _): return (line, text)
            case .row(let row, _):
                // The row's only filled cell, found without a copy of its cells.
                var only: String?
                for cell in row.cells where !cell.isEmpty {
                    if only != nil { return nil }
                    only = cell
                }
                return only.map { (row.line, $0) }
            case .blank: return nil
            }
        }
        for (i, item) in items.enumerated() {
            guard let (_, t) = text(item), t.utf8HasPrefix("附件") else { continue }
            let next = items[i...].prefix(6).compactMap(text).map(\.1)
            if next.contains(where: { $0.utf8Contains("清单") }) { starts.insert(i) }
        }
        return starts
    }

    /// The numbered items of a schedule (`专项实施进度计划`: `1、执收成本` / `2018年1月` /
    /// `2018年12月` / `2、培训及扶持` …): an item a date follows, and the items that go on with
    /// its numbering. Such a row names what is done when, not a project (`3、助残实事项目`).
    static func scheduleRows(_ items: [FormItem]) -> Set<Int> {
        var rows: Set<Int> = []
        var last: Int?
        for (i, item) in items.enumerated() {
            guard case .text(_, let text, _) = item, let first = text.utf8.first, first >= 0x30, first <= 0x39,
                  let heading = FormText.numberedHeading(text)
            else { continue }
            let next = items[(i + 1)...].lazy.compactMap { item -> String? in
                if case .text(_, let t, _) = item { return t }
                if case .row(let row, _) = item { return row.cells.first { !$0.isEmpty } }
                return nil
            }.first
            if next.map(Self.isDate) == true || (last.map { heading.number == $0 + 1 } ?? false) {
                rows.insert(i)
                last = heading.number
            } else {
                last = nil
            }
        }
        return rows
    }

    /// The text items whose next item, past blank lines, is a form's title.
    static func titleHeads(_ items: [FormItem]) -> Set<Int> {
        var heads: Set<Int> = []
        var previousText: Int?
        for (i, item) in items.enumerated() {
            switch item {
            case .blank: continue
            case .row: previousText = nil
            case .text(_, let text, _):
                if let p = previousText, FormText.isTitle(text) { heads.insert(p) }
                previousText = i
            }
        }
        return heads
    }

    /// `2018年1月`, `2018.12`, `2018-01-01`: a date alone in its cell.
    static func isDate(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        guard t.scalarCount <= 12 else { return false }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let mark = t.dropFirst(4).first, "年.-/".contains(mark) else { return false }
        let rest = t.dropFirst(5)
        return rest.first.map { $0.isASCII && $0.isNumber } ?? false
    }

    /// Whether a form that the document ends in was cut: its indicator table stops before a
    /// whole 满意度 indicator, has a header and no row, or there is no indicator table and no
    /// indicator named anywhere in it (a form states its targets).
    static func isCut(_ reader: TableReader) -> Bool {
        if let last = reader.lastIndicatorRow { return !(last.complete && last.satisfaction) }
        if reader.project.indicatorColumns.headerLine != nil { return true }
        let p = reader.project
        let words = ["产出指标", "效益指标", "满意度指标", "效果指标"]
        let mentions = p.fields.contains { f in words.contains { f.value.utf8Contains($0) || f.label.utf8Contains($0) } }
            || p.sections.contains { s in words.contains { s.text.utf8Contains($0) } }
        return !mentions
    }

    /// Whether a line is the page's `标题` and `文号` fields (`标     题 绩效目标表 文     号`, as a
    /// government page sets them beside 索引号 and 发布机构): the label `标题` (spaced as pages set
    /// it) at the line's start and `文号` after it. (`标题：…` alone may be the only place a page
    /// names its form: it is left to be read.)
    static func isPageTitleField(_ text: String) -> Bool {
        let compact = LabelText.compact(text)
        guard compact.starts(with: Array("标题".utf8)), String(decoding: compact, as: UTF8.self).utf8Contains("文号") else { return false }
        // `标题` itself, not the start of a word (`标题栏`…): a space or a colon after it in the text.
        guard let end = text.unicodeScalars.firstIndex(of: "题") else { return false }
        let after = text.unicodeScalars[text.unicodeScalars.index(after: end)...].first
        return after.map { $0 == ":" || $0 == "：" || $0.properties.isWhitespace } ?? false
    }

    /// Says that the web page's own fields were left out.
    private static func notePageFields(_ text: String, line: Int, _ doc: inout DocumentResult) {
        doc.diagnose(.note, line: line, code: "page-text", "网页上的栏目，不属于表格，未读取：‘\(text.prefix(40))’",
                     en: "fields of the web page, not of the form; not read: ‘\(text.prefix(40))’")
    }

    /// Whether a row holds the web page's fields only (`索引号 | … | 发布机构 | …`).
    static func isPageRow(_ row: Row) -> Bool {
        var any = false
        var afterLabel = false
        for cell in row.cells where !cell.isEmpty {
            let kind = Labels.field(cell)
            if kind == .pageField || kind == .publisher {
                any = true
                afterLabel = true
            } else if kind != nil, !afterLabel {
                return false
            } else {
                // A page field's value (`主题分类: 其他`).
                afterLabel = false
            }
        }
        return any
    }

    /// `项目名称 | 办案业务费(陪审员及互联网专线)` under an indicator table: the next form's name row,
    /// its label first and one name after it (not a list of names run into one cell), another
    /// name than the open project's (a page break repeats the form's head) and no sub-project's
    /// (`二级项目名称`, `子项目名称`).
    /// Under an indicator table, a row that starts the next form: `项目名称 | 乙项目`, or with
    /// more label and value pairs after it (`项目名称 | 乙项目 | 主管部门 | 某县文化局`: a review's
    /// three forms in one document were read as one, the others' rows as its indicators).
    static func isNameRow(_ row: Row, of project: Project?) -> Bool {
        let current = project?.name ?? ""
        let count = row.cells.lazy.filter({ !$0.isEmpty }).count
        guard count >= 2, count % 2 == 0, let head = row.cells.first(where: { !$0.isEmpty }), Labels.field(head) == .name else { return false }
        let filled = row.filledCells
        let label = Labels.normalize(filled[0])
        guard Labels.field(filled[0]) == .name, !label.utf8HasPrefix("二级"), !label.utf8HasPrefix("子"),
              filled[1].scalarCount <= 60, Labels.field(filled[1]) == nil
        else { return false }
        // The pairs beside it are a form's head (who runs it, its code, what kind of project,
        // its period: `项目名称 | 农村人居环境整治 | 项目类别 | 特定目标类`), not a breakdown's
        // (`项目名称 | 胜利镇高标准农田 | 资金金额（万元） | 500.00`: a detail row of the table).
        let headPairs = stride(from: 2, to: filled.count, by: 2).allSatisfy { k in
            switch Labels.field(filled[k]) {
            case .department?, .departmentLevel?, .unit?, .code?, .source?, .period?, .year?, .attribute?:
                return Labels.field(filled[k + 1]) == nil
            default: return false
            }
        }
        // A page break's repeated head (`农村公路养护项目` over `农村公路养护`) is the same form —
        // unless the head beside the name is another's: the same name under another 主管部门 or
        // 实施单位 is another form (a summary of several counties' forms).
        let name = filled[1].filter { !$0.isWhitespace }, open = current.filter { !$0.isWhitespace }
        if filled[1] == current || !open.isEmpty && (name.contains(open) || open.contains(name)) {
            guard filled.count > 2, headPairs, let project else { return false }
            return TableReader.headContradicts(filled, project)
        }
        return filled.count == 2 || headPairs
    }

    /// Whether the open form is done enough that a name under any label starts the next one: it
    /// has its amount, and the row starts a table of its own or the form has its indicators.
    private static func isNextForm(_ state: State) -> Bool {
        guard state.current?.project.amount != nil else { return false }
        return state.rowStartsTable || state.current?.project.indicators.isEmpty == false
    }

    /// Whether a row gives a project's name (`项目名称` and a value after it) under the label the
    /// open project's name was given under: under another (`转移支付名称` after `项目名称`) it
    /// is the same project's other name — unless that project is done (`isNextForm`: the
    /// caller gives no label then, and the next form starts whatever it calls its name).
    static func namesAProject(_ row: Row, as label: ByteKey? = nil) -> Bool {
        for (i, cell) in row.cells.enumerated() where Labels.field(cell) == .name && (label == nil || LabelText.key(cell) == label) {
            if row.cells[(i + 1)...].contains(where: { !$0.isEmpty && Labels.field($0) == nil }) { return true }
        }
        return false
    }

    // MARK: Glued titles

    private static let gluedTitles = ["市级财政项目支出预算绩效目标表", "项目支出预算绩效目标表", "项目支出绩效目标表", "项目绩效目标表"]

    /// Splits a form title glued to the end of a row's last cell (`>80%市级财政项目支出预算绩效目标表`);
    /// returns the title and leaves the row with the cell's own text.
    static func splitGluedTitle(_ row: inout Row) -> String? {
        guard let last = row.cells.lastIndex(where: { !$0.isEmpty }), let (text, title) = gluedTitle(in: row.cells[last]) else { return nil }
        row.cells[last] = text
        return title
    }

    /// A cell's own text and the form title glued to its end, if any.
    static func gluedTitle(in cell: String) -> (text: String, title: String)? {
        guard cell.utf8HasSuffix("绩效目标表") || cell.utf8HasSuffix("申报表") else { return nil }
        for title in gluedTitles {
            guard let range = cell.range(of: title), range.lowerBound > cell.startIndex else { continue }
            return (cell[..<range.lowerBound].trimmingWhitespace(), String(cell[range.lowerBound...]))
        }
        return nil
    }
}
