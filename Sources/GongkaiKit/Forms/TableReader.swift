// The row machine shared by all layouts: header fields, 绩效支出明细, 资金支出计划, indicators.

/// Reads the rows of one project's table into a `Project`.
///
/// Every row ends up in the project (a field, a funding line, a sub-item, a plan
/// point, an indicator or a structural line) or in a diagnostic.
struct TableReader {
    private enum State {
        case fields
        case subItems
        case plan(labels: [String])
        case indicators

        var isIndicators: Bool { if case .indicators = self { return true } else { return false } }
    }

    var project: Project
    private var state: State = .fields
    /// The columns a spending breakdown's own header row names (`子项目名称 | 支出内容 | 金额`):
    /// positions in the row of the name, the half year's amount and the year's.
    private var subItemColumns: (name: Int, half: Int?, full: Int?)?
    private var indicators: IndicatorTableReader?
    /// A second group of indicator columns beside the first (中期 and 年度 side by side): its
    /// reader, the indicators it read, and the terms the form's goals name in their order.
    private var secondGroup: IndicatorTableReader?
    private var secondIndicators: [Indicator] = []
    private var goalTerms: [String] = []
    /// The last indicator row: whether it was a whole indicator with a value, and whether it
    /// was a 满意度 one (a form cut before its end stops elsewhere).
    private(set) var lastIndicatorRow: (complete: Bool, satisfaction: Bool)?
    /// An indicator row that stopped before its values, waiting for the row with them.
    private var heldRow: Row?
    /// Whether the last row read was the indicator header (the next may be its second row).
    private var afterHeader = false
    /// The group label of the last labelled row (`预算规模及资金用途`, `绩效目标`).
    private var lastGroup: FieldKind?
    /// A row of labels naming a project and its amount (`项目名称 | 预算数 | 一般公共预算拨款`) read
    /// with the row of values under it: how many labels, while the rows after it may be more
    /// projects in the same columns (a 项目支出预算表).
    private var listWidth: Int?
    /// The rows of such a list, by line and name (the first is the project's own): with a
    /// second one, the table lists projects' budgets and no targets.
    private(set) var budgetListRows: [(line: Int, name: String, amount: Money?)] = []
    /// Words of a group's total in the place of a label or a name (`资金来源 | 合计 | …`).
    static let groupTotalWords: Set<String> = ["合计", "总计", "总额"]
    /// Those and a subtotal's (`小计`): a total's row or heading, no project's name or value.
    static let totalWords = groupTotalWords.union(["小计"])
    /// The projects a budget list names (its rows but the totals).
    var listedProjects: [(line: Int, name: String, amount: Money?)] { budgetListRows.filter { !Self.totalWords.contains($0.name) } }
    /// Whether the form read is a budget list: two projects or more a row each, amounts only,
    /// and no indicator anywhere (a 合计 row under one project's values is its total).
    var isBudgetList: Bool { listedProjects.count >= 2 && project.indicators.isEmpty }
    /// The unit of the list's amounts (its amount label's, or the table's).
    private var listUnit: MoneyUnit?
    /// Amounts a budget list earlier in the document gives projects, by name (in 万元): a form
    /// whose amount names no unit is in the unit that makes it the listed one.
    var listedAmounts: [String: Money] = [:]
    /// Units the document's unit lines may give the form's amounts when it has no line of its
    /// own and they are not certain (another form's own line, or two lines that disagree): the
    /// one its amount is plausible in is taken (see `finish`), each with its line.
    var unitCandidates: [(unit: MoneyUnit, line: Int)] = []
    /// A unit line among them that a title only maybe naming another department put in doubt
    /// (see `FormReader.State.doubtedUnit`): where the amount is plausible in it and in another,
    /// the form's if its 主管部门 is the line's department.
    var doubtedUnit: UnitLine?
    /// Whether that line is the only candidate (no other line in force): then the amount as it
    /// stands, in no unit stated, is one reading too.
    var doubtedAlone = false
    /// The line of the row read before this one, and this one's (a row split in parts is one row).
    private var rowLines: (previous: Int?, current: Int?) = (nil, nil)
    /// The unit the last group label named (`项目资金（万元）`): the amounts under it are in it.
    private var groupUnit: MoneyUnit?
    /// The unit the table states for all its amounts (`金额单位：万元`).
    var tableUnit: MoneyUnit? { didSet { tableUnitInherited = false } }
    /// Whether `tableUnit` is a line's over the titles (a document's or a section's), not one of
    /// the form's own: set after it by the form reader.
    var tableUnitInherited = false
    /// The lines of amounts read in `tableUnit` for want of a unit of their own.
    private var linesReadInTableUnit: [Int] = []
    /// The lines of the year's amount and the term's total, when read.
    private var amountLine: Int?
    private var totalLine: Int?
    /// The line of the unit line that gave it, when a line of its own did.
    var tableUnitLine: Int?
    /// A row of labels only, waiting for the row of their values.
    private var heldLabels: [Pair]?
    /// How many cells the row of those labels had (a grid's rows keep their empty cells).
    private var heldWidth = 0
    /// How many texts of held goal labels were taken one a line so far.
    private var heldGoalTexts = 0
    /// A second row of labels under held ones, naming the parts of one of them by who gives the
    /// money (`中央 | 省级 | 市级资金 | 本级` under `财政资金(万元)`).
    private var heldParts: [(name: String, line: Int)]?
    /// The label that ended the last row with no value (`…项目总投资` / `174.78万元…`): the next
    /// row's first, unlabelled cell is its value when it is one.
    private var trailingLabel: Pair?
    /// The rank of the department label read so far (the transfer-payment chain's most local
    /// level names the department).
    private var departmentRank = Int.min
    private var totalUnit: MoneyUnit?
    /// The unit the year's amount's label names (`年度资金总额（亿元）`), for its parts.
    private var yearLabelUnit: MoneyUnit?
    /// Funding lines read in that unit (元 or 亿元) because nothing else said theirs: where in
    /// `project.funding`, their text and line. They stand only if the lines add up to the amount.
    private var linesInYearLabelUnit: [(index: Int, text: String, label: String, line: Int)] = []
    /// Funding lines read in the table's unit line's unit though the year's amount's label
    /// states another (see `settleLinesInTableUnit`).
    private var linesInTableUnit: [(index: Int, text: String, line: Int)] = []
    /// An amount the project's prose states (`(6)年度预算安排:500万元`): its amount when its
    /// table gives none.
    private var proseAmount: (money: Money, unit: MoneyUnit?)?
    /// Whether the prose's amount came after a table's (not the form's order).
    private var proseAfterTable = false
    /// The lines of the table's amounts that named no unit (each said as uncertain).
    private var unitUnknownLines: [Int] = []
    /// Figures of money at lines nothing read (text beside the table, a group label's value):
    /// the funding lines read may then not be all of them. Each with the cells' amounts, the amounts written in 万元 in
    /// running text, and whether the text names the amount or a source of it.
    private var unreadFigures: [(line: Int, amounts: [Money], wan: [Money], namesAmount: Bool)] = []
    /// The line of the funding lines' group label (`项目资金（万元）`), the first one.
    private var fundingGroupLine: Int?
    /// The funding lines' amounts, and whether each is nested under a 小计 (`1、一般公共预算`
    /// under `(一)财政拨款小计`): the top-level ones add up to the year's amount.
    private var fundingParts: [(money: Money, unit: MoneyUnit?, nested: Bool, line: Int)] = []
    /// Where the year's money stands when a row gave the term's total and the year's side by side
    /// (`中期资金总额: | 449.8 | 年度资金总额: | 189.8`): the half (0 or 1) the year's is in. The
    /// funding rows under it repeat their labels in the same two halves.
    private var yearHalf: Int?
    /// The columns of amounts a header row names by year (`上年度安排资金 | 本年度申请资金`): how
    /// many, and which one is the year's. A row under it with as many amounts takes the year's.
    private var amountColumns: (count: Int, year: Int, change: Bool)?
    private var inSubtotal = false
    /// The page's publisher, when the table names it (`发布机构 | 民族事务委员会`).
    private(set) var publisher: (name: String, line: Int)?
    private let file: String

    init(project: Project, file: String, unreadRowLines: [Int] = []) {
        self.project = project
        self.file = file
        self.unreadRowLines = unreadRowLines
    }

    /// Where runs of indicator rows were left unread (their first lines), and the line of the
    /// last indicator row read.
    private let unreadRowLines: [Int]
    private var lastIndicatorLine: Int?
    /// Whether text came between the indicator rows read and the row now read (`中期绩效指标`
    /// above a second table): a table after it is another table, not the first one cut.
    var textAfterRows = false

    /// Whether rows were left unread between the last indicator row read and `line`.
    private func rowsUnread(before line: Int) -> Bool {
        guard !unreadRowLines.isEmpty, let last = lastIndicatorLine else { return false }
        return unreadRowLines.contains { $0 > last && $0 < line }
    }

    var hasIndicatorTable: Bool { indicators != nil }

    static func isAmount(_ kind: FieldKind?) -> Bool { kind == .yearAmount || kind == .totalAmount }

    static func isNarrative(_ kind: FieldKind?) -> Bool {
        switch kind {
        case .narrative?, .goal?: return true
        default: return false
        }
    }

    /// Whether a 项目名称 row has been read (a second one starts another form).
    private(set) var hasNameField = false
    /// The label the project's name was given under (`项目名称`, `转移支付名称`), normalised.
    private(set) var nameLabel: ByteKey?

    /// Whether the last row ended with a label whose value may open the next row.
    var awaitsValue: Bool { trailingLabel != nil }
    /// Whether the label waiting for its value is an amount's.
    var awaitsAmount: Bool { Self.isAmount(trailingLabel?.kind) }

    /// How many labels the last row held back for their values in the row below (0 when none).
    var heldLabelCount: Int { heldLabels?.count ?? 0 }

    /// A line of text under a row of goal labels only (`中期目标(2024年—2026年) | 年度目标`, then
    /// each goal's text on a line of its own): the next label's text. False when no such labels
    /// wait, or the line is a title or a row's label.
    mutating func takeGoalText(_ text: String, line: Int, into doc: inout DocumentResult) -> Bool {
        guard var held = heldLabels, let first = held.first, held.count >= 2 || heldGoalTexts > 0,
              held.allSatisfy(Self.isGoal), case .narrative? = first.kind, !FormText.isTitle(text), Labels.field(text) == nil, !TextRows.isOnlyLabels(text),
              !Self.isIndicatorCaption(text)
        else { return false }
        held.removeFirst()
        heldLabels = held.isEmpty ? nil : held
        heldGoalTexts = held.isEmpty ? 0 : heldGoalTexts + 1
        if let kind = first.kind { apply(kind, label: first.label, value: text, line: first.line, valueLine: line, into: &doc) }
        return true
    }

    /// Whether the rows read now are an indicator table's.
    var isReadingIndicators: Bool {
        if case .indicators = state { return true }
        return false
    }

    /// Reads what is still held back; call when the project's rows end.
    mutating func finish(into doc: inout DocumentResult) {
        flushHeldRow(into: &doc)
        flushHeldLabels(into: &doc)
        mergeSecondGroup(into: &doc)
        confirmLinesInYearLabelUnit(into: &doc)
        settleLinesInTableUnit(into: &doc)
        if project.amount == nil, let total = project.totalAmount {
            project.amount = total
            project.amountUnit = totalUnit
            amountLine = totalLine
        }
        if project.amount == nil, let (money, unit) = proseAmount {
            project.amount = money
            project.amountUnit = unit
        } else if proseAfterTable, let table = project.amount, let (prose, _) = proseAmount, table != prose {
            // A table read before the project's own prose, and the prose says another amount: a
            // page that put another form's table here (PDF text); neither is published for
            // certain. (Prose then table is the form's order: the table's amount stands, and
            // the quality checks note the difference.)
            doc.diagnose(.error, line: project.location.line, code: "amount-conflict",
                         "项目‘\(project.name)’的表中年度金额是 \(table.wanString) 万元，文字（年度预算安排）却是 \(prose.wanString) 万元：不发布金额",
                         en: "project ‘\(project.name)’: its table's amount is \(table.wanString) 万元 but its text (年度预算安排) says \(prose.wanString) 万元; no amount is published")
            project.amount = nil
            project.amountUnit = nil
            project.totalAmount = nil
            proseAmount = nil
            fundingParts = []
        }
        if let table = project.amount, project.amountUnit == nil, !unitUnknownLines.isEmpty, let listed = listedAmounts[project.name] {
            // The table names no unit, and a budget list of the document gives the project an
            // amount: the table's figures are in the unit that makes them that amount (`138.00`
            // beside a list's `1,380,000.00` 元 is 万元; `260,000.00` beside `260,000.00` 元 is 元).
            let unit: MoneyUnit? = listed == table ? .wan : listed == Self.reading(table, in: .yuan) ? .yuan : nil
            if let unit {
                settleUnknownUnit(unit, code: "amount-unit-from-list",
                                  zh: "表中金额没有注明单位，文档中的项目预算清单列出同一项目 \(listed.wanString) 万元：按\(unit.rawValue)读取",
                                  en: "the table's amounts name no unit; the document's budget list gives the same project \(listed.wanString) 万元: read in \(unit.rawValue)",
                                  into: &doc)
            }
        }
        if let table = project.amount, project.amountUnit == nil, let prose = proseAmount?.money, proseAmount?.unit != nil,
           prose == table, !unitUnknownLines.isEmpty
        {
            // The table names no unit, and the project's own text states the same amount with
            // its unit (`年度预算安排:…5万元` beside `年度资金总额 | 5.00`): the table's figures,
            // read as 万元, are that amount; they are in 万元, for certain.
            settleUnknownUnit(.wan, code: "amount-unit-from-text",
                              zh: "表中金额没有注明单位，项目说明写明了同一金额（\(prose.wanString) 万元）：按万元读取",
                              en: "the table's amounts name no unit; the project's text states the same amount (\(prose.wanString) 万元): read in 万元",
                              into: &doc)
        }
        settleUnitFromCandidates(into: &doc)
        // Figures at lines nothing read: the parts read may not be all of them, and their sum is
        // no amount for certain — unless such a figure is that sum (the total the parts add up
        // to: `项目预算资金（万元） | 260.00` above its parts). Figures among the funding lines count
        // (from the group's label to the last line read); outside them, text above the
        // indicators that names the amount or a source in 万元 (`县级配套资金250.00万元`), unless it
        // repeats a line read (`上年结转资金30.00万元…`): a date or a note is no part of them.
        let sum = project.amount == nil ? fundingSum() : nil
        let partLines = fundingParts.map(\.line)
        let block = partLines.isEmpty ? nil : min(fundingGroupLine ?? .max, partLines.min()!)...partLines.max()!
        let partAmounts = Set(fundingParts.map(\.money))
        let unsure = unreadFigures.filter { figure in
            if block?.contains(figure.line) == true { return true }
            return figure.namesAmount && figure.line < (project.indicatorColumns.headerLine ?? .max)
                && !figure.wan.isEmpty && !figure.wan.allSatisfy(partAmounts.contains)
        }
        if project.amount == nil, let sum, let line = unsure.first?.line,
           !unreadFigures.contains(where: { $0.amounts.contains(sum.money) || $0.wan.contains(sum.money) }) {
            doc.diagnose(.warning, line: line, code: "funding-sum-unsure",
                         "项目‘\(project.name)’的金额未读到；资金来源读到的各项之和为 \(sum.money.wanString) 万元，但第 \(line) 行有未读取的金额，不能确定是全部：不作为项目金额",
                         en: "no amount of project ‘\(project.name)’ was read; the funding lines read add up to \(sum.money.wanString) 万元, but line \(line) has a figure that was not read, so they may not be all: not taken as the project's amount")
        } else if project.amount == nil, let sum {
            // `年度资金总额` left empty (or a heading `金额(万元)`), its parts filled in: the
            // year's amount is what they add up to (the top level of 小计 lines only).
            project.amount = sum.money
            project.amountUnit = sum.unit
            let parts = fundingParts.filter { !$0.nested }
            amountLine = parts[0].line
            doc.diagnose(.note, line: parts[0].line, code: "amount-from-funding",
                         "项目金额未填，按资金来源各项之和（\(parts.count) 项）读作 \(sum.money.wanString) 万元",
                         en: "the project's amount is not filled in; read as the sum of its \(parts.count) funding line(s): \(sum.money.wanString) 万元")
            // (A sum in no unit stated for certain is settled as a stated amount is.)
            settleUnitFromCandidates(into: &doc)
        }
        doubtImplausibleInheritedUnit(into: &doc)
    }

    /// The year's amount names no unit and took that of a unit line over the titles (a
    /// document's or a section's), not the form's own. Where it is then no plausible project's
    /// amount (1,000 元 up to, not including, 100 亿元) but would be in the other of 元 and 万元, the line may not
    /// be this form's (a title the reader did not tell from the text around it: `…绩效目标表
    /// （单位：元）` written another way, a unit's title under its department's line): the
    /// amounts read in it are of uncertain unit, as written, and said. (`86.00` under another
    /// department's `单位：元` is no 86 元 project; `1,200,000.00` under a document's
    /// `金额单位：万元` no 120 亿元 one.)
    private mutating func doubtImplausibleInheritedUnit(into doc: inout DocumentResult) {
        guard tableUnitInherited, let unit = tableUnit, unit != .yi, project.amountUnit == unit, let amount = project.amount,
              let line = amountLine, linesReadInTableUnit.contains(line), !Self.isPlausibleAmount(amount),
              let asWritten = Self.asWritten(amount, in: unit)
        else { return }
        let other: MoneyUnit = unit == .wan ? .yuan : .wan
        guard let otherReading = Self.reading(asWritten, in: other), Self.isPlausibleAmount(otherReading) else { return }
        let lines = Set(linesReadInTableUnit)
        if let t = project.totalAmount, totalUnit == unit, let l = totalLine, lines.contains(l), Self.isPlausibleAmount(t),
           let w = Self.asWritten(t, in: unit), !(Self.reading(w, in: other).map(Self.isPlausibleAmount) ?? false) {
            // The form's own total (`项目总金额 | 3,000,000.00`) is plausible in the line's unit
            // alone: the line is the form's, and a small year's amount a part of a large term's.
            return
        }
        project.amount = asWritten
        project.amountUnit = nil
        if let t = project.totalAmount, totalUnit == unit, let l = totalLine, lines.contains(l), let w = Self.asWritten(t, in: unit) {
            project.totalAmount = w
            totalUnit = nil
        }
        rescaleFunding(at: lines) { Self.asWritten($0, in: unit) }
        unitUnknownLines.append(contentsOf: linesReadInTableUnit)
        let unitLine = tableUnitLine.map { "第\($0)行的单位行（\(unit.rawValue)）" } ?? "上方的单位行（\(unit.rawValue)）"
        let unitLineEn = tableUnitLine.map { "line \($0)'s unit line (\(unit.rawValue))" } ?? "the unit line above (\(unit.rawValue))"
        doc.diagnose(.warning, line: line, code: "amount-unit-implausible",
                     "项目‘\(project.name)’的金额没有写单位，按标题之上\(unitLine)读作 \(amount.wanString) 万元，不是合理的项目金额（1,000 元至不足 100 亿元），按\(other.rawValue)读才合理：该单位行可能不管本表，金额按原文 \(asWritten.wanString) 标为单位不确定",
                     en: "project ‘\(project.name)’: its amount names no unit; read in \(unitLineEn) over the titles it is \(amount.wanString) 万元, no plausible project amount (1,000 元 up to, not including, 100 亿元), while in \(other.rawValue) it would be: that line may not be this form's, so the amount is kept as written, \(asWritten.wanString), of uncertain unit")
    }

    /// The funding lines at `lines` read again by `read` (a line whose amount it cannot read stays
    /// as it was).
    private mutating func rescaleFunding(at lines: Set<Int>, _ read: (Money) -> Money?) {
        for k in project.funding.indices where lines.contains(project.funding[k].line) {
            if let a = project.funding[k].amount, let r = read(a) { project.funding[k].amount = r }
        }
    }

    /// An amount read in `unit`, as its figure was written (read as 万元, as an amount naming no
    /// unit is); nil when that overflows.
    static func asWritten(_ amount: Money, in unit: MoneyUnit) -> Money? {
        let (scaled, overflow) = amount.fen.multipliedReportingOverflow(by: Money.fenPerWan)
        guard !overflow, scaled % unit.fenPerUnit == 0 else { return nil }
        return Money(fen: scaled / unit.fenPerUnit)
    }

    /// A line of the form's fields with a figure of money that was not read (text beside the
    /// table: `元）其中：财政拨   1,050.00`).
    mutating func noteUnreadText(_ text: String, line: Int) {
        // (A total over several years is no part of the year's — `2023—2025年总投资4,050.00` —
        // unless the text names the year's too: `中期资金总额375.00万元，其中2024年度资金总额125.00万元`.)
        let words = Vocabulary.current.money
        guard Self.holdsMoneyFigure(text),
              !words.termTotal.contains(where: { text.utf8Contains($0) }) || words.textYearAmount.contains(where: { text.utf8Contains($0) })
        else { return }
        // The figures as amounts in this form's unit (a sum they confirm is compared with them).
        let unit = groupUnit ?? tableUnit
        let amounts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Self.readAmount(String($0), unit: unit) }
        // In running text, figures in 万元; in 元 too where the text names the amount
        // (`当年预算资金12,500,000.00元`), not a standard (`每人次不超过1,500元`).
        // (Nor a standard per head or month in 元: `每人每月补助300.00元`.)
        let namesAmount = words.textAmount.contains { text.utf8Contains($0) }
        let perUnit = text.utf8Contains("每") || text.utf8Contains("/")
        let figures = Self.figures(in: text, unit: "万元") + (namesAmount && !perUnit ? Self.figures(in: text, unit: "元") : [])
        unreadFigures.append((line, amounts, figures, namesAmount || words.textSource.contains { text.utf8Contains($0) }))
    }

    /// Amounts in cells nothing read as the project's (a line's several amounts, a figure kept as
    /// text among the lines): the funding lines read may not be all. `namesAmount`: whether they
    /// also stand for the project's money outside the lines' block (a source's figure does).
    private mutating func noteUnreadAmounts(_ amounts: [Money], line: Int, namesAmount: Bool) {
        unreadFigures.append((line, amounts, namesAmount ? amounts : [], namesAmount))
    }

    /// The figures running text writes right before `unit` (`万元` or `元`), in 万元:
    /// `县级配套资金250.00万元（…）` → 250.00; `12,500,000.00元` → 1,250.00 with `元`.
    static func figures(in text: String, unit: String) -> [Money] {
        let b = Array(text.utf8), mark = Array(unit.utf8), wan = Array("万".utf8)
        let changeFromYear = Vocabulary.current.money.changeFromYear
        var out: [Money] = []
        var i = 0
        while i + mark.count <= b.count {
            guard b[i..<(i + mark.count)].elementsEqual(mark) else { i += 1; continue }
            var end = i
            // (`元` alone: not the end of `万元`.)
            if unit == "元", end >= wan.count, b[(end - wan.count)..<end].elementsEqual(wan) { i += mark.count; continue }
            var start = end
            while start > 0, (0x30...0x39).contains(b[start - 1]) || b[start - 1] == 0x2C || b[start - 1] == 0x2E { start -= 1 }
            let number = String(decoding: b[start..<end], as: UTF8.self)
            // (A change from another year is no amount: `较上年增加20.00万元`.)
            let before = String(decoding: b[max(0, start - 12)..<start], as: UTF8.self)
            if changeFromYear.contains(where: { before.utf8Contains($0) }) { i = end + mark.count; continue }
            if start < end, let money = unit == "元" ? Amounts.yuan(number) : Amounts.wan(number) { out.append(money) }
            end += mark.count
            i = end
        }
        return out
    }

    /// Text that names a term other than the year (`中期绩效指标（2024—2026年）`).
    static func namesAnotherTerm(_ text: String) -> Bool {
        Vocabulary.current.money.anotherTerm.contains { text.utf8Contains($0) }
    }

    /// Whether text holds a figure written as money is: with decimals (`300.00`) or thousands
    /// separators (`1,350`). (A year, a count or a date has neither.)
    static func holdsMoneyFigure(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            guard (0x30...0x39).contains(b[i]) else { i += 1; continue }
            var j = i
            while j < b.count, (0x30...0x39).contains(b[j]) { j += 1 }
            if j + 1 < b.count, b[j] == 0x2E, (0x30...0x39).contains(b[j + 1]) { return true }
            if j + 3 < b.count, b[j] == 0x2C, b[(j + 1)...(j + 3)].allSatisfy({ (0x30...0x39).contains($0) }) { return true }
            i = j
        }
        return false
    }

    /// Lines with no unit of their own read in the unit of the year's amount's label (元, 亿元)
    /// stand when the lines then add up to the amount (`年度资金总额（亿元） | 3.25` over `2.60`,
    /// `0.40`, `0.25`); otherwise they are read as any amount that names no unit is, in 万元 and
    /// marked unsure (`年度资金总额（元） | 3,860,000.00` over `其中：省级补助 | 286.00`: the
    /// parts were written in 万元).
    private mutating func confirmLinesInYearLabelUnit(into doc: inout DocumentResult) {
        guard !linesInYearLabelUnit.isEmpty else { return }
        defer { linesInYearLabelUnit = [] }
        if let amount = project.amount, let sum = fundingSum(), sum.money == amount { return }
        for line in linesInYearLabelUnit where line.index < project.funding.count {
            let read = Amounts.wan(line.text)
            let old = project.funding[line.index].amount
            project.funding[line.index].amount = read
            if let k = fundingParts.firstIndex(where: { $0.line == line.line && $0.money == old }) {
                if let read { fundingParts[k].money = read; fundingParts[k].unit = nil } else { fundingParts.remove(at: k) }
            }
            reportUnitUnknown(line.text, label: line.label, line: line.line, into: &doc)
        }
    }

    /// Lines read in the table's unit (`金额单位：元` over the page) beside a year's amount whose
    /// label states its own (`年度资金总额（万元） | 1,236.80 | 其中：中央补助 | 980.00`): they are
    /// its parts, in its unit, when they add up to it so and not as read (0.098 万元 was published).
    private mutating func settleLinesInTableUnit(into doc: inout DocumentResult) {
        guard !linesInTableUnit.isEmpty else { return }
        defer { linesInTableUnit = [] }
        // (Only where the amount is a plausible project's in its label's unit: `年度资金总额（万元） |
        // 1,236,800.00` under `金额单位：元` is in 元 by its figures, and so are its lines.)
        guard let unit = yearLabelUnit, let amount = project.amount, fundingSum()?.money != amount, Self.isPlausibleAmount(amount) else { return }
        let read = fundingParts
        var parts = fundingParts
        var funding = project.funding
        for line in linesInTableUnit where line.index < funding.count {
            guard let money = Self.readAmount(line.text, unit: unit) else { return }
            if let k = parts.firstIndex(where: { $0.line == line.line && $0.money == funding[line.index].amount }) {
                parts[k].money = money
                parts[k].unit = unit
            }
            funding[line.index].amount = money
        }
        fundingParts = parts
        guard fundingSum()?.money == amount else {
            fundingParts = read
            return
        }
        project.funding = funding
        doc.diagnose(.note, line: linesInTableUnit[0].line, code: "funding-unit-from-amount",
                     "资金来源各行没有写单位，按表格的单位行读取加起来不等于本年度金额；按金额标签的单位（\(unit.rawValue)）读取正好相等：按\(unit.rawValue)读取",
                     en: "the funding lines name no unit; read in the table's unit line's they do not add up to the year's amount, in its label's unit (\(unit.rawValue)) they do: read in \(unit.rawValue)")
    }

    /// The sum of the top-level funding lines, when they have amounts and one unit.
    private func fundingSum() -> (money: Money, unit: MoneyUnit?)? {
        let parts = fundingParts.filter { !$0.nested }
        guard !parts.isEmpty, parts.contains(where: { $0.money.fen != 0 }), Set(parts.map { $0.unit?.rawValue ?? "" }).count == 1 else { return nil }
        var fen: Int64 = 0
        for p in parts {
            let (sum, overflow) = fen.addingReportingOverflow(p.money.fen)
            guard !overflow else { return nil }
            fen = sum
        }
        return (Money(fen: fen), parts[0].unit)
    }

    private mutating func flushHeldRow(into doc: inout DocumentResult) {
        guard let held = heldRow else { return }
        heldRow = nil
        readIndicatorRow(held, into: &doc)
    }

    /// Whether an indicator row ends before its values: a name (and categories) with nothing
    /// under the value columns and no value-like cell.
    private static func stopsBeforeValues(_ row: Row, _ header: IndicatorHeader) -> Bool {
        let filled = row.cells.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.count <= 3, !filled.contains(where: IndicatorVocabulary.isValueLike),
              filled.contains(where: { !IndicatorVocabulary.isVocabulary($0) }) else { return false }
        for role in header.valueRoles {
            if let p = header.position(of: role), p < row.cells.count, !row.cells[p].isEmpty { return false }
        }
        guard let last = row.cells.lastIndex(where: { !$0.isEmpty }), let name = header.position(of: .level3) else { return false }
        return last <= name
    }

    /// The two halves of a cut row as one row, when the second names no category and both fit
    /// under the header. A second row that names its unit and holds no figure
    /// (`上一轮退耕还林补助面积(万亩)`) is the next indicator's name, never this one's value: the
    /// form left the value blank.
    private static func join(_ first: Row, _ second: Row, _ header: IndicatorHeader) -> Row? {
        let filled = second.cells.enumerated().filter { !$0.element.isEmpty }
        guard !filled.isEmpty, !filled.contains(where: { IndicatorVocabulary.isVocabulary($0.element) }) else { return nil }
        if filled.contains(where: { namesItsUnit($0.element) }) { return nil }
        if let p = header.position(of: .level1), p < second.cells.count, !second.cells[p].isEmpty { return nil }
        guard let last = first.cells.lastIndex(where: { !$0.isEmpty }), last + 1 + filled.count <= header.width else { return nil }
        var cells = Array(first.cells[...last])
        var lines = Array(first.cellLines.prefix(last + 1))
        for (i, text) in filled {
            cells.append(text)
            lines.append(second.line(ofCell: i))
        }
        return Row(line: first.line, cells: cells, lastLine: max(first.lastLine, second.lastLine), cellLines: lines)
    }

    /// A name ending in its unit in brackets, with no figure (`补助面积(万亩)`, `参保人数（人）`): a
    /// value gives its figure (`1980亩`).
    static func namesItsUnit(_ text: String) -> Bool {
        guard let (head, unit) = IndicatorVocabulary.trailingBracket(text), head.unicodeScalars.count >= 2,
              !text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || ("０"..."９").contains($0) }), !IndicatorVocabulary.isValueLike(text)
        else { return false }
        // A unit in the brackets (`万亩`, `人`, `%`), not a word (`合格（良好）`, `办法（试行）`).
        return IndicatorVocabulary.isUnitWord(String(unit))
    }

    mutating func read(_ row: Row, into doc: inout DocumentResult) {
        guard !row.isEmpty else { return }
        defer { textAfterRows = false }
        if row.line != rowLines.current { rowLines = (rowLines.current, row.line) }
        if let width = listWidth {
            // Another project's name and amounts in the list's columns: a budget table, as long
            // as every row after it is one too (a goal, a breakdown's label or an indicator
            // header after them: a form, read as any is). The rows are read as any row is.
            if let name = Self.budgetListName(row, width: width) {
                let first = row.filledCells.dropFirst().first { Amounts.wan($0) != nil }
                budgetListRows.append((row.line, name, first.flatMap { Self.readAmount($0, unit: listUnit) }))
            } else {
                listWidth = nil
                budgetListRows = []
            }
        }
        if let only = row.cells.first(where: { !$0.isEmpty }), let unit = Vocabulary.current.statedUnit(only), row.filledCells.count == 1 {
            // `金额单位:元` in a row of its own: the unit of the table's amounts that name none.
            tableUnit = unit
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        if case .fields = state, let (k, unit) = row.cells.indices.lazy.compactMap({ k in Vocabulary.current.statedUnit(row.cells[k]).map { (k, $0) } }).first {
            // `预算单位: | 某县应急管理局 | 金额单位:万元`: the unit in a cell of a row of fields
            // is the table's too, and no value of the field before it.
            tableUnit = unit
            var rest = row
            rest.cells[k] = ""
            read(rest, into: &doc)
            return
        }
        // Only a row naming the 一级 column can hold a header (one scan of its cells).
        let level1 = Self.level1Cell(row)
        if let k = level1, let (before, header, after) = Self.splitAtHeader(row, at: k) {
            // A page that ran a table's rows together: the fields before the indicator header,
            // the header, and the indicator rows after it, each read as what it is.
            read(before, into: &doc)
            read(header, into: &doc)
            read(after, into: &doc)
            return
        }
        if level1 != nil || row.cells.contains(where: IndicatorHeader.isFlatName), let header = IndicatorHeader(cells: row.cells, line: row.line) {
            flushHeldRow(into: &doc)
            flushHeldLabels(into: &doc)
            mergeSecondGroup(into: &doc)
            startIndicators(header, lines: row.lines)
            secondGroup = IndicatorHeader(secondGroupOf: row.cells, line: row.line).map { IndicatorTableReader(header: $0) }
            if let terms = header.terms { goalTerms = terms }
            return
        }
        if state.isIndicators, Self.isSignatureRow(row) {
            // `财政资金管理科室(盖章) 年 月 日`: the form's boxes for stamps and signatures end its
            // indicator table; nothing in them is the project's. A row of the people who filled it
            // (`制表人：… 审核人：…`) may be a page's footer, the table going on after it: skipped.
            flushHeldRow(into: &doc)
            if !Self.isPeopleRow(row) { state = .fields }
            project.structuralLines.append(contentsOf: row.lines)
            doc.diagnose(.note, line: row.line, code: "signature-row", "签章栏‘\(row.filledCells.joined(separator: " ").prefix(40))’，未读取",
                         en: "the form's stamp and signature boxes ‘\(row.filledCells.joined(separator: " ").prefix(40))’; not read")
            return
        }
        if state.isIndicators, let only = row.cells.first(where: { !$0.isEmpty }), FormText.isTableCaption(only),
           row.cells.lazy.filter({ !$0.isEmpty }).count == 1 {
            // `表十二`: the next table's caption ends this one's indicators.
            flushHeldRow(into: &doc)
            state = .fields
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        if state.isIndicators, let first = row.cells.first(where: { !$0.isEmpty }), first.utf8HasSuffix("名称"), first.utf8.count <= 30,
           Labels.field(first) == .name, row.cells.lazy.filter({ !$0.isEmpty }).count == 2 || Self.repeatsHead(row, of: project)
        {
            // `项目名称 | 本项目` repeated by a page break, or `二级项目名称 | 营养改善计划` inside
            // the indicators: no indicator; another name is kept as a field.
            let value = row.filledCells[1]
            if value != project.name { project.fields.append(Field(label: first, value: value, line: row.line)) }
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        if state.isIndicators, afterHeader, Self.isHeaderContinuation(row) {
            // `2021年实际实现值 | 预期2022年实现值` under `指标值`: the header's second row.
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        afterHeader = false
        if case .fields = state { noteGoalTerms(row) }
        if case .indicators = state, case .narrative? = firstField(row), !IndicatorVocabulary.isVocabulary(row.filledCells[0]) {
            // `其他需说明的问题 | …` after the last indicator: the form's fields again.
            flushHeldRow(into: &doc)
            state = .fields
        }
        if case .indicators = state, let header = indicators?.header {
            // An indicator row that a page break or a converter cut in two: the name in one row,
            // its values in the next.
            if let held = heldRow {
                heldRow = nil
                if let joined = Self.join(held, row, header) {
                    readIndicatorRow(joined, into: &doc)
                    return
                }
                readIndicatorRow(held, into: &doc)
            }
            if Self.stopsBeforeValues(row, header) {
                heldRow = row
                return
            }
        }
        switch state {
        case .fields:
            readFieldRow(row, into: &doc)
        case .subItems:
            if firstField(row) != nil {
                state = .fields
                readFieldRow(row, into: &doc)
            } else {
                readSubItem(row, into: &doc)
            }
        case .plan(let labels):
            readPlanValues(row, labels: labels, into: &doc)
            state = .fields
        case .indicators:
            readIndicatorRow(row, into: &doc)
        }
    }

    private mutating func startIndicators(_ header: IndicatorHeader, lines: ClosedRange<Int>) {
        state = .indicators
        afterHeader = true
        indicators = IndicatorTableReader(header: header, continuing: rowsUnread(before: lines.lowerBound) || textAfterRows ? nil : indicators)
        project.indicatorColumns.headerLine = project.indicatorColumns.headerLine ?? header.line
        project.indicatorColumns.halfAndFullYear = project.indicatorColumns.halfAndFullYear || header.roles.contains(.halfYear)
        project.indicatorColumns.description = project.indicatorColumns.description || header.hasDescription
        project.indicatorColumns.basis = project.indicatorColumns.basis || header.hasBasis
        project.structuralLines.append(contentsOf: lines)
    }

    private func firstField(_ row: Row) -> FieldKind? {
        for cell in row.cells where !cell.isEmpty {
            return Labels.field(cell)
        }
        return nil
    }

    // MARK: Header fields

    /// One label of a row with the values after it (and where each value cell is).
    private struct Pair {
        var label: String
        var kind: FieldKind?
        var values: [String] = []
        var lines: [Int] = []
        var line: Int
        /// The label's cell in its row (nil when the pair is no cell's: `标签:值` split, a label added).
        var column: Int?
    }

    /// Splits a row into (label, values) pairs: a label cell starts a pair, the cells after it
    /// are its values; a cell `标签:值` is a pair of its own.
    private func pairs(_ row: Row) -> [Pair] {
        var pairs: [Pair] = []
        for (i, cell) in row.cells.enumerated() where !cell.isEmpty {
            let line = row.line(ofCell: i)
            if let kind = Labels.field(cell) {
                pairs.append(Pair(label: cell, kind: kind, line: line, column: i))
            } else if let (label, kind, value) = Self.labelAndValue(cell) {
                pairs.append(Pair(label: label, kind: kind, values: [value], lines: [line], line: line))
            } else if let last = pairs.last, !last.values.isEmpty, Self.looksLikePhone(cell),
                      let next = row.cells[(i + 1)...].first(where: { !$0.isEmpty }), Self.isPhoneLabel(next)
            {
                // `财政拨款 收入构成 支出构成 6296906 联系电话`: a PDF's text put the phone number
                // before its label; it is the contact's, never the money's before it. (Not a
                // value right after its own label: `年度资金总额（元） | 36000000 | 联系电话`.)
                pairs.append(Pair(label: next, kind: .contact, values: [cell], lines: [line], line: line))
            } else if pairs.isEmpty {
                pairs.append(Pair(label: "", kind: nil, values: [cell], lines: [line], line: line))
            } else {
                pairs[pairs.count - 1].values.append(cell)
                pairs[pairs.count - 1].lines.append(line)
            }
        }
        return pairs
    }

    /// The form's first row repeated by a page break (`项目名称 | 学生资助 | 主管部门 | 歙县教育局`
    /// among the indicators): the project's name after the name label, and only field labels
    /// and their values after it, none of which another value of the form contradicts.
    static func repeatsHead(_ row: Row, of project: Project) -> Bool {
        let filled = row.filledCells
        guard filled.count >= 4, filled.count % 2 == 0, filled[1] == project.name else { return false }
        return stride(from: 2, to: filled.count, by: 2).allSatisfy { Labels.field(filled[$0]) != nil && Labels.field(filled[$0 + 1]) == nil }
            && !headContradicts(filled, project)
    }

    /// Whether a head row's values (`项目名称 | X | 主管部门 | Y | …`, as filled cells) give a
    /// department, unit or code that the project has otherwise: another form's head. Written a
    /// little differently is the same (`黟县教育局` for `黟县教育局（本级）`, a code before it); a
    /// value the project lacks contradicts nothing.
    static func headContradicts(_ filled: [String], _ project: Project) -> Bool {
        // (A unit or department the form lacks is another form's: `实施单位 | 某县第一中学` under
        // a form that named none.)
        func differs(_ value: String, _ known: String?) -> Bool {
            guard let known, !known.isEmpty else { return true }
            return sameBody(value) != sameBody(known)
        }
        /// A name without its code, spaces, a short bracketed note and a trailing 本级.
        func sameBody(_ name: String) -> String {
            let key = Departments.baseKey(name)
            return key.utf8HasSuffix("本级") ? String(key.dropLast(2)) : key
        }
        return stride(from: 2, to: filled.count - 1, by: 2).contains { k in
            switch Labels.field(filled[k]) {
            case .department?, .departmentLevel?: return differs(filled[k + 1], project.rawDepartment)
            case .unit?: return differs(filled[k + 1], project.unit)
            case .code?:
                let digits = filled[k + 1].filter { $0.isLetter || $0.isNumber }
                return project.code.map { !$0.isEmpty && $0 != digits } ?? false
            default: return false
            }
        }
    }

    /// A label of a telephone number (`联系电话`, `电话`, `手机`), not of a person (`联系人`).
    static func isPhoneLabel(_ cell: String) -> Bool {
        guard Labels.field(cell) == .contact else { return false }
        return cell.utf8Contains("电话") || cell.utf8Contains("手机") || cell.utf8Contains("联系方式")
    }

    /// A telephone number as forms write it: 7 or 8 digits, a mobile's 11 starting with 1, or an
    /// area code and a number (`0722-6296906`, `(0722)6296906`).
    static func looksLikePhone(_ cell: String) -> Bool {
        // Only ASCII digits, `-`, brackets and spaces around them: told on the bytes.
        let utf8 = cell.utf8
        guard (7...18).contains(utf8.count) else { return false }
        var digits = 0, marks = 0
        var first: UInt8?
        for b in utf8 {
            switch b {
            case 0x30...0x39: digits += 1
            case 0x2D, 0x28, 0x29: marks += 1
            case 0x20: continue
            default: return false
            }
            if first == nil { first = b }
        }
        if marks == 0 { return digits == 7 || digits == 8 || (digits == 11 && first == 0x31) }
        return first == 0x30 || first == 0x28 ? (10...12).contains(digits) : false
    }

    /// `年度资金总额:50万` → (`年度资金总额`, the kind, `50万`): a known label and its value in
    /// one cell.
    static func labelAndValue(_ cell: String) -> (String, FieldKind, String)? {
        // The first colon (`:` or `：`), found on the bytes; a label is at most 20 characters.
        let utf8 = cell.utf8
        var offset = 0
        var colon: (at: Int, length: Int)?
        var it = utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let b = it.next(), offset < 80 {
            if b == 0x3A { colon = (offset, 1); break }
            if b == 0x9A, previous == (0xEF, 0xBC) { colon = (offset - 2, 3); break }
            previous = (previous.1, b)
            offset += 1
        }
        guard let colon, colon.at > 0 else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: colon.at)
        let label = String(cell[..<start])
        if label.trimmingWhitespace() == "其中" {
            // `其中：财政拨款：50万`: the source after 其中 is the label.
            let rest = String(cell[utf8.index(start, offsetBy: colon.length)...])
            guard let (inner, kind, value) = labelAndValue(rest), case .funding? = Labels.field(inner) ?? Labels.fundingSource(inner) else { return nil }
            return (inner, kind, value)
        }
        let value = cell[utf8.index(start, offsetBy: colon.length)...].trimmingWhitespace()
        guard !value.isEmpty, label.scalarCount <= 20, let kind = Labels.field(label) else { return nil }
        return (label, kind, value)
    }

    private mutating func readFieldRow(_ row: Row, into doc: inout DocumentResult) {
        if let only = Self.onlyCell(row), Self.isIndicatorCaption(only) {
            // `绩 效 指 标` on a row of its own above the indicator header: the table's caption.
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        var pairs = pairs(row)
        guard !pairs.isEmpty else { return }
        if let columns = Self.amountColumns(of: row.cells) { amountColumns = columns }
        if var trailing = trailingLabel, Self.isAmount(trailing.kind), pairs.count == 1, pairs[0].kind == nil, pairs[0].values.count == 1,
           Self.isBracketedUnit(pairs[0].values[0])
        {
            // `…项目申报金额` / `(万元)` / `2243.02`: the label's unit on a line of its own; its
            // value comes after.
            trailing.label += pairs[0].values[0]
            trailingLabel = trailing
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        if let trailing = trailingLabel {
            trailingLabel = nil
            if !Self.isAmount(trailing.kind), pairs[0].kind == nil, !pairs[0].values.contains(where: FormText.isSectionTitle) {
                // `年度目标` on a line of its own, its text on the next.
                var pair = trailing
                pair.values = [pairs[0].values.joined(separator: " ")]
                pair.lines = [pairs[0].lines.first ?? row.line]
                pairs.removeFirst()
                apply(pair, row: row, into: &doc)
                guard !pairs.isEmpty else { return }
            } else if pairs[0].kind == nil, let first = pairs[0].values.first, Self.readAmount(first, unit: nil) != nil {
                var pair = trailing
                pair.values = [first]
                pair.lines = [pairs[0].lines.first ?? row.line]
                pairs[0].values.removeFirst()
                pairs[0].lines.removeFirst()
                if pairs[0].values.isEmpty { pairs.removeFirst() }
                apply(pair, row: row, into: &doc)
                guard !pairs.isEmpty else { return }
            } else {
                apply(trailing, row: row, into: &doc)
            }
        }
        if pairs.count >= 2, pairs[0].kind == nil, pairs[0].values.count == 1, Labels.isSectionCaption(pairs[0].values[0]) {
            // The caption of the form's part in a column of its own (`项目基本情况 | 项目名称 | …`):
            // it heads the row and is no value.
            project.structuralLines.append(pairs[0].lines.first ?? row.line)
            pairs.removeFirst()
        }
        /// The unit of an amount's label ending the row with no value (`… | 金额（元）`).
        var columnUnit: MoneyUnit?
        if let last = pairs.last, last.values.isEmpty,
           (pairs.count >= 2 && Self.isAmount(last.kind))
            || (pairs.count == 1 && row.filledCells.count == 1 && (Self.isNarrative(last.kind) || last.kind == .name))
        {
            // Its value may open the next row.
            if let unit = Labels.unit(last.label) {
                groupUnit = unit
                columnUnit = unit
            }
            trailingLabel = last
            pairs.removeLast()
            guard !pairs.isEmpty else {
                project.structuralLines.append(contentsOf: row.lines)
                return
            }
        }
        // `部门预算资金（万元） | 合计 | 一般公共预算拨款 | …` over a row of figures: `合计` heads the
        // column of the group's total (the year's amount), as a label would.
        // (An amount's label so, `预算金额（万元） | 总额 | 财政拨款 | 其他资金`, heads the group.)
        if heldLabels == nil, pairs.count >= 2, pairs[0].kind == .fundingGroup || pairs[0].kind == .yearAmount, pairs[0].values.count == 1,
           Self.groupTotalWords.contains(pairs[0].values[0]), pairs.dropFirst().allSatisfy({ $0.kind != nil && $0.values.isEmpty }) {
            pairs[0].kind = .fundingGroup
            let column = pairs[0].column.flatMap { c in row.cells.indices.first { $0 > c && !row.cells[$0].isEmpty } }
            let total = Pair(label: pairs[0].values[0], kind: .yearAmount, line: pairs[0].lines.first ?? row.line, column: column)
            pairs[0].values = []
            pairs[0].lines = []
            pairs.insert(total, at: 1)
        }
        // A row of labels only, its values in the row below (`资金来源 财政拨款 上年结转 …` then
        // `36 0 0 …`).
        var endsGroup = false
        if let held = heldLabels, heldParts == nil, held.contains(where: { if case .funding? = $0.kind { return true } else { return false } }),
           let parts = Self.sourceParts(row)
        {
            heldParts = parts
            project.structuralLines.append(contentsOf: row.lines)
            return
        }
        if let held = heldLabels {
            heldLabels = nil
            let parts = heldParts
            heldParts = nil
            let isGroup: (Pair) -> Bool = { $0.kind == .fundingGroup || $0.kind == .goalGroup }
            if let parts, pairs.allSatisfy({ $0.kind == nil }), let values = pairs.first?.values {
                // Two rows of labels over the values: the parts take their source's place.
                let slots = held.filter { !isGroup($0) }
                if let split = Self.split(slots, parts: parts, values: values, lines: pairs[0].lines) {
                    // (The group's label, `专项资金情况`, was kept with its row.)
                    pairs = split
                    if held.contains(where: isGroup) { lastGroup = .fundingGroup }
                    // The unit the header's labels state (`本年度预计投入(万元) | 财政资金(万元) | 其他`)
                    // is the block's, when they state one only.
                    let units = Set(slots.compactMap { Labels.unit($0.label) })
                    if groupUnit == nil, units.count == 1 { groupUnit = units.first }
                } else {
                    // Which source the parts split is not certain: the columns before the first
                    // source are read (the year's amount) — only when every column has its value,
                    // since a blank cell left out of the row moves the values after it; the rest
                    // is kept as it reads, and said.
                    // (Or a value alone at the row's start: the first column's, `25 |` then blank
                    // lines in a page stored a cell a line.)
                    let aligned = values.count == slots.count - 1 + parts.count
                    let alone = values.count == 1 && row.cells.first.map { !$0.isEmpty } == true
                    let first = slots.firstIndex { if case .funding? = $0.kind { return true } else { return false } } ?? 0
                    var joined = held.filter(isGroup)
                    for k in 0..<min(first, values.count) where aligned || alone {
                        var pair = slots[k]
                        pair.values = [values[k]]
                        pair.lines = [pairs[0].lines[k]]
                        joined.append(pair)
                    }
                    let kept = aligned || alone ? min(first, values.count) : 0
                    let labels = slots.dropFirst(kept).map { LabelText.display($0.label) }.joined(separator: " ")
                    let text = labels + " / " + parts.map(\.name).joined(separator: " ") + " / " + values.dropFirst(kept).joined(separator: " ")
                    project.fields.append(Field(label: "资金来源", value: text, line: row.line))
                    doc.diagnose(.warning, line: row.line, code: "funding-split-unclear",
                                 "资金来源的第二行表头（\(parts.map(\.name).joined(separator: "、"))）分的是哪一项来源，按数值对不上或不止一种读法：来源未读取，原文保留为字段",
                                 en: "the second header row of the funding sources (\(parts.map(\.name).joined(separator: ", "))) splits no source the values tell for certain: the sources are not read, the text is kept as a field")
                    pairs = joined
                }
                endsGroup = true
            } else if held.allSatisfy(Self.isGoal), pairs.allSatisfy({ $0.kind == nil }), let first = pairs.first,
                      case let texts = zip(first.values, first.lines).filter({ !Self.isIndicatorCaption($0.0) }),
                      !texts.isEmpty, texts.count <= held.count
            {
                // Goals' labels in one row with fewer texts below (`中期目标 | 年度目标` with a text
                // a row; `总体目标 | 中期目标 | 年度目标` over two texts): a text alone at the row's
                // start is the first goal's, the others wait for theirs; otherwise which text is
                // whose cannot be told (a blank cell left out, a heading over the others), and
                // the texts are kept under 总体目标 (or 绩效目标), said.
                if texts.count == held.count {
                    // As many texts as goals: each its goal's, in order (a caption run in is none).
                    pairs = zip(held, texts).map { label, text in
                        var pair = label
                        pair.values = [text.0]
                        pair.lines = [text.1]
                        return pair
                    }
                } else if texts.count == 1, row.cells.first.map({ !$0.isEmpty }) == true {
                    var pair = held[0]
                    pair.values = [texts[0].0]
                    pair.lines = [texts[0].1]
                    pairs = [pair]
                    heldLabels = Array(held.dropFirst())
                } else {
                    let title = LabelText.display(held[0].label) == "总体目标" ? held[0].label : "绩效目标"
                    pairs = texts.map { Pair(label: title, kind: .narrative(LabelText.display(title), isGoal: true), values: [$0.0], lines: [$0.1], line: $0.1) }
                    doc.diagnose(.note, line: row.line, code: "goal-columns-unclear",
                                 "目标的栏目（\(held.map { LabelText.display($0.label) }.joined(separator: "、"))）比下面的文字多，分不清哪段文字属于哪一栏：都作为‘\(LabelText.display(title))’保留",
                                 en: "the goals' columns (\(held.map { LabelText.display($0.label) }.joined(separator: ", "))) outnumber the texts below them, and which text is whose cannot be told: each is kept as ‘\(LabelText.display(title))’")
                }
                endsGroup = true
            } else if pairs.allSatisfy({ $0.kind == nil }), held.first.map(isGroup) == true, let heading = row.cells.first, !heading.isEmpty,
                      Self.readAmount(heading, unit: nil) == nil, Vocabulary.current.money.termTotal.contains(where: { heading.utf8Contains($0) })
            {
                // `实施期 | 3,600.00 | …` under `预算金额（万元） | 总额 | 财政拨款 | …`: the term's
                // figures, kept as written; the labels wait for the year's row (`年度 | 1,200.00 | …`).
                let labels = held.filter { !isGroup($0) }.map { LabelText.display($0.label) }
                let figures = pairs[0].values.dropFirst()
                let text = zip(labels, figures).map { "\($0) \($1)" }.joined(separator: " ")
                project.fields.append(Field(label: heading, value: text, line: row.line))
                heldLabels = held
                return
            } else if pairs.allSatisfy({ $0.kind == nil }), let values = pairs.first?.values, !values.isEmpty,
               values.count <= held.count, values.count * 2 >= held.count
            {
                let cellLines = pairs[0].lines
                // A group label (`资金来源(万元)`) heads the labels and has no value of its own
                // when there is one value fewer than labels.
                let slots = values.count < held.count ? held.filter { !isGroup($0) } : held
                var joined: [Pair] = held.filter(isGroup).filter { _ in slots.count < held.count }
                // A grid's row of values under its labels, empty cells kept: each value is the
                // label's above it (`| | 268.00 | 218.00 | | 50.00 |` under `… | 财政拨款 | 专项债券 |
                // 其他资金`: 50.00 is 其他资金's, not the next label's after a blank).
                let columns = slots.compactMap(\.column)
                let byColumn = values.count < slots.count && row.cells.count == heldWidth && columns.count == slots.count
                    && row.cells.indices.allSatisfy { row.cells[$0].isEmpty || columns.contains($0) }
                for (k, label) in slots.enumerated() {
                    var pair = label
                    if byColumn, let c = label.column {
                        if !row.cells[c].isEmpty {
                            pair.values = [row.cells[c]]
                            pair.lines = [row.line(ofCell: c)]
                        }
                    } else if k < values.count {
                        pair.values = [values[k]]
                        pair.lines = [cellLines[k]]
                    }
                    joined.append(pair)
                }
                pairs = joined
                if case .fields = state, held.first?.kind == .name, held.contains(where: { Self.isAmount($0.kind) }), let name = values.first {
                    listWidth = held.count
                    let amountLabel = held.first { Self.isAmount($0.kind) }
                    listUnit = amountLabel.flatMap { Labels.unit($0.label) } ?? groupUnit ?? tableUnit
                    let k = held.firstIndex { Self.isAmount($0.kind) }
                    let amount = k.flatMap { $0 < values.count ? Self.readAmount(values[$0], unit: listUnit) : nil }
                    budgetListRows = [(row.line, name, amount)]
                }
                // The group's labels and values are both read: a row after them is not the group's
                // (not a 资金用途 under `项目资金来源情况(万元)`).
                endsGroup = true
            } else {
                for label in held { apply(label, row: row, into: &doc) }
            }
        } else if pairs.count >= 2, pairs.allSatisfy({ $0.kind != nil && $0.values.isEmpty }),
                  !pairs.contains(where: { if case .spendingPlan? = $0.kind { return true }; if case .subItems? = $0.kind { return true }; return false })
        {
            heldLabels = pairs
            heldWidth = row.cells.count
            project.structuralLines.append(contentsOf: row.lines)
            return
        }

        // A unit a funding group of the row names (`项目资金 (元)`) is the unit of the row's
        // amounts, also of those before it (a scrambled row).
        if groupUnit == nil, let unit = pairs.lazy.filter({ $0.kind == .fundingGroup }).compactMap({ Labels.unit($0.label) }).first {
            groupUnit = unit
        }
        if let half = Self.yearHalf(of: pairs) { yearHalf = half }
        let termPairs = yearHalf.flatMap { Self.termHalf(of: pairs, yearHalf: $0) } ?? []
        for (index, pair) in pairs.enumerated() {
            guard let kind = pair.kind else {
                readUnlabelled(pair, row: row, into: &doc)
                continue
            }
            if termPairs.contains(index) {
                // The term's (中期) funding line beside the year's: kept as a field, not added to
                // the year's funding.
                let value = pair.values.joined(separator: " ")
                project.fields.append(Field(label: "中期·" + pair.label, value: value, line: row.line))
                continue
            }
            if lastGroup == .spendingGroup {
                if case .funding = kind, let first = pair.label.trimmingWhitespace().first,
                   first.isNumber || "(（".contains(first)
                {
                    // `4、其他 23 45` under `支出明细预算`: a numbered spending item named like a
                    // source. (`财政拨款 30` with no number after the breakdown is a source again.)
                    keepSpendingItem(label: pair.label, values: pair.values, row: row)
                    continue
                } else if kind != .spendingGroup {
                    lastGroup = nil
                }
            }
            switch kind {
            case .spendingGroup:
                // `支出明细预算(万元) 项目 上年度安排资金 本年度申请资金 测算依据及说明`: the rest of
                // the row are the breakdown's column labels.
                lastGroup = kind
                project.structuralLines.append(contentsOf: row.lines)
                return
            case .subItems:
                // `绩效支出明细 子项目 半年… 全年…`: the rest of the row are column labels.
                state = .subItems
                project.structuralLines.append(contentsOf: row.lines)
                return
            case .spendingPlan:
                state = .plan(labels: pair.values + pairs.dropFirst(index + 1).flatMap { [$0.label] + $0.values })
                project.structuralLines.append(contentsOf: row.lines)
                return
            case .fundingGroup where Self.groupTotalWords.contains(pair.values.first ?? "") && pair.values.count >= 2
                && Self.readAmount(pair.values[1], unit: nil) != nil:
                // `项目资金 (万元) | 合计 | 1800`: the group's total is the year's amount.
                lastGroup = kind
                groupUnit = Labels.unit(pair.label)
                var total = pair
                total.kind = .yearAmount
                total.values = [pair.values[1]]
                total.lines = Array(pair.lines.dropFirst().prefix(1))
                apply(total, row: row, into: &doc)
            case .fundingGroup where Self.sourceLine(in: pair, row: row) != nil:
                // `项目资金（万元） | 上级补助资金 | 100`, the group's cell repeated in each of its rows.
                lastGroup = kind
                if let unit = Labels.unit(pair.label) { groupUnit = unit }
                if let line = Self.sourceLine(in: pair, row: row) { apply(line, row: row, into: &doc) }
            case .fundingGroup, .goalGroup:
                lastGroup = kind
                // (`项目资金 | 资金来源 | 预算金额（万元）`: the amounts' column heading after the
                // group's labels states the group's unit.)
                groupUnit = Labels.unit(pair.label) ?? (kind == .fundingGroup ? columnUnit : groupUnit)
                var value = pair.values.joined(separator: " ")
                if kind == .fundingGroup, groupUnit == nil, pair.values.count == 1, let unit = Labels.unit(value),
                   !value.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 })
                {
                    // `资金来源 | 金额（元）`: the column heading of the group's amounts, with their unit.
                    // Where the table's unit line (or another form's) says another, which is right
                    // the heading cannot tell (a template's heading left under `单位：万元`, or a
                    // document's `金额单位：元` over a form in 万元): the amount tells, if in one only
                    // it is a plausible project's (see `finish`).
                    if let table = tableUnit, table != unit {
                        unitCandidates = [(table, tableUnitLine ?? project.location.line), (unit, row.line)]
                        tableUnit = nil
                    } else if !unitCandidates.isEmpty, !unitCandidates.contains(where: { $0.unit == unit }) {
                        unitCandidates.append((unit, row.line))
                    } else if unitCandidates.isEmpty {
                        groupUnit = unit
                    }
                    value = ""
                }
                if !value.isEmpty { project.fields.append(Field(label: pair.label, value: value, line: row.line)) }
                else if index == 0 { project.structuralLines.append(row.line) }
                if kind == .fundingGroup {
                    fundingGroupLine = fundingGroupLine ?? row.line
                    noteUnreadText(value, line: row.line)
                }
            default:
                if pair.values.isEmpty, let unit = Labels.unit(pair.label) {
                    // A label alone that names a unit (`年度预算安排(万元)` on lines of its own):
                    // the amounts under it are in it.
                    groupUnit = unit
                }
                apply(pair, row: row, into: &doc)
            }
        }
        if endsGroup { lastGroup = nil }
    }

    private static func isGoal(_ pair: Pair) -> Bool { if case .narrative(_, isGoal: true)? = pair.kind { return true } else { return false } }

    /// The row's one filled cell, if it has exactly one (no array made: this is asked of every
    /// row of fields).
    static func onlyCell(_ row: Row) -> String? {
        var only: String?
        for cell in row.cells where !cell.isEmpty {
            if only != nil { return nil }
            only = cell
        }
        return only
    }

    /// The caption of an indicator table (`绩效指标`, `绩 效 指 标`, `年度绩效指标`).
    static func isIndicatorCaption(_ cell: String) -> Bool {
        guard cell.utf8.count <= 40, cell.utf8Contains("指") else { return false }
        let name = LabelText.display(cell)
        return name == "绩效指标" || name == "年度绩效指标" || name == "项目绩效指标"
    }

    /// A unit alone in brackets (`(万元)`, `（元）`).
    static func isBracketedUnit(_ cell: String) -> Bool {
        let bare = cell.trimmingWhitespace()
        guard let open = bare.first, let close = bare.last, "(（".contains(open), ")）".contains(close), bare.count > 2 else { return false }
        return MoneyUnit(rawValue: String(bare.dropFirst().dropLast()).trimmingWhitespace()) != nil
    }

    /// Names of the parts a second header row splits a source's money into (`中央 | 省级 | 市级 |
    /// 本级` under `财政资金`): labels.yml's `funding_parts`.
    private static var levelNames: Set<String> { Vocabulary.current.fundingPartNames }

    /// The levels of government among them (not 自筹, 其他).
    private static var governmentLevels: [String] { Vocabulary.current.fundingLevels }

    /// A row naming the parts of a source of money (`中央 | 省级 | 市级资金 | 本级`): two or more
    /// cells, each a level of government or a source's name.
    static func sourceParts(_ row: Row) -> [(name: String, line: Int)]? {
        var parts: [(name: String, line: Int)] = []
        for (i, cell) in row.cells.enumerated() where !cell.isEmpty {
            let name = LabelText.display(cell)
            if !levelNames.contains(name) {
                guard case .funding? = Labels.field(cell) ?? Labels.fundingSource(cell) else { return nil }
            }
            parts.append((name, row.line(ofCell: i)))
        }
        return parts.count >= 2 ? parts : nil
    }

    /// The values under two rows of labels, the second naming the parts of one source of the
    /// first (`本年度预计投入 | 财政资金 | 其他` over `中央 | 省级 | 市级资金 | 本级` over
    /// `7 | 0 | 7 | 0 | 0 | 0`): the parts take that source's place (`财政资金·中央`). The source
    /// they split is the only one after the amount, or else the one that is government money
    /// (财政: what levels of government split); and the block must add up — the year's amount
    /// equals the sum of the values after it. Nil when the values are not one a column, no single
    /// source is told, or the sum is not the amount.
    private static func split(_ slots: [Pair], parts: [(name: String, line: Int)], values: [String], lines: [Int]) -> [Pair]? {
        guard values.count == slots.count - 1 + parts.count, values.count == lines.count,
              let total = slots.firstIndex(where: { isAmount($0.kind) })
        else { return nil }
        let sources = slots.indices.filter { k in
            guard k > total, case .funding? = slots[k].kind else { return false }
            return true
        }
        // Levels of government split government money that names no level itself (财政资金, not
        // 中央财政资金 nor 地方资金); a second row that names other parts (`自筹 | 其他`) splits
        // only a lone source.
        let levels = parts.allSatisfy { part in
            var name = Substring(part.name)
            for suffix in ["财政资金", "资金", "财政"] where name.hasSuffix(suffix) && name.count > suffix.count { name = name.dropLast(suffix.count); break }
            return governmentLevels.contains(String(name))
        }
        let chosen = sources.count == 1 ? sources : !levels ? [] : sources.filter { k in
            let label = LabelText.display(slots[k].label)
            return label.utf8Contains("财政") && !governmentLevels.contains { label.utf8Contains($0) }
        }
        guard chosen.count == 1, case .funding(let parent)? = slots[chosen[0]].kind else { return nil }
        let p = chosen[0]
        let split = parts.map { Pair(label: parent + "·" + $0.name, kind: .funding(parent + "·" + $0.name), line: $0.line) }
        var out = Array(slots[..<p]) + split + Array(slots[(p + 1)...])
        for k in out.indices {
            out[k].values = [values[k]]
            out[k].lines = [lines[k]]
        }
        guard let amount = readAmount(values[total], unit: nil) else { return nil }
        var fen: Int64 = 0
        for pair in out {
            guard case .funding? = pair.kind else { continue }
            guard let money = readAmount(pair.values[0], unit: nil) else { return nil }
            let (sum, overflow) = fen.addingReportingOverflow(money.fen)
            guard !overflow else { return nil }
            fen = sum
        }
        return fen == amount.fen ? out : nil
    }

    /// The columns of amounts a header row names by year, when it names two or more and exactly
    /// one of them is the year's: `上年度安排资金 | 本年度申请资金`, `中期资金 | 年度资金`; and
    /// whether a column of the change between them follows (`上年预算数 | 本年预算数 | 增减`): a
    /// row may give one amount more there (the change), or leave it blank, a dash or words.
    static func amountColumns(of cells: [String]) -> (count: Int, year: Int, change: Bool)? {
        let words = Vocabulary.current.money
        var isYear: [Bool] = []
        var change = false
        for cell in cells where cell.utf8.count <= 60 && !cell.utf8Contains("目标") {
            if isYear.count >= 2, words.columnChange.occurs(in: cell) {
                change = true
            } else if words.columnEarlier.occurs(in: cell) {
                isYear.append(false)
            } else if words.columnThisYear.occurs(in: cell) || cell.utf8HasPrefix("年度") {
                isYear.append(true)
            }
        }
        guard isYear.count >= 2, isYear.filter({ $0 }).count == 1, let year = isYear.firstIndex(of: true) else { return nil }
        return (isYear.count, year, change)
    }


    /// The half of a row its year's amount is in, when the row gives a term's or the project's
    /// total (`中期资金总额`, `实施期资金总额`, `项目资金总额`) and the year's amount (`年度资金总额`,
    /// `年度资金申请总额`) side by side; nil otherwise.
    private static func yearHalf(of pairs: [Pair]) -> Int? {
        let term = pairs.firstIndex { $0.kind == .totalAmount }
        guard let term, let year = pairs.firstIndex(where: { $0.kind == .yearAmount }) else { return nil }
        return year > term ? 1 : 0
    }

    /// The positions of the term's funding pairs in a row whose funding labels come twice, once
    /// for each half (`其中:财政拨款 | 449.8 | 其中:财政拨款 | 189.8`); nil when they do not.
    private static func termHalf(of pairs: [Pair], yearHalf: Int) -> [Int]? {
        let funding = pairs.indices.filter { if case .funding? = pairs[$0].kind { return true }; return false }
        guard funding.count >= 2, funding.count % 2 == 0 else { return nil }
        let half = funding.count / 2
        let first = Array(funding.prefix(half)), second = Array(funding.suffix(half))
        guard zip(first, second).allSatisfy({ pairs[$0].kind == pairs[$1].kind }) else { return nil }
        return yearHalf == 1 ? first : second
    }

    private mutating func apply(_ pair: Pair, row: Row, into doc: inout DocumentResult) {
        guard let kind = pair.kind else { return }
        var value = pair.values.joined(separator: " ")
        var valueLine = pair.lines.first ?? pair.line
        switch kind {
        case .yearAmount, .totalAmount, .funding:
            guard pair.values.count > 1, Self.readAmount(value, unit: nil) == nil else { break }
            // The first amount and the bare numbers right after it: an amount after a text cell
            // is that cell's (`年度本级预算金额 | 250万 | 该项目支出上级资金 | 0`), and a fund's
            // name with its amount is a funding line (`其中:财政拨款 53.60`).
            var amounts: [(Int, Money)] = []
            for k in pair.values.indices {
                if amounts.isEmpty, let money = Self.readAmount(pair.values[k], unit: nil) { amounts.append((k, money)) }
                else if !amounts.isEmpty, let money = Amounts.wan(pair.values[k]) { amounts.append((k, money)) }
                else if !amounts.isEmpty { break }
            }
            var chosen = amounts.first?.0
            if amounts.count >= 2, Set(amounts.map(\.1)).count > 1 {
                // Two different amounts after one label (`区级资金 30 40`): the year's is the one
                // under the column a header row names as the year's (`上年度安排资金 本年度申请资金`);
                // with no such header, which one is the year's cannot be told.
                if let columns = amountColumns, columns.count == amounts.count || columns.change && columns.count + 1 == amounts.count,
                   !(columns.change && columns.count == amounts.count && amounts.contains { $0.1.fen < 0 })
                {
                    // (Beside a change column, a negative amount among as many as the year
                    // columns may be the change standing where a year's cell was left blank.)
                    chosen = amounts[columns.year].0
                } else {
                    let listed = amounts.map { pair.values[$0.0] }.joined(separator: "、")
                    let at = amounts[0].0 < pair.lines.count ? pair.lines[amounts[0].0] : pair.line
                    doc.diagnose(.warning, line: at, code: "amount-ambiguous",
                                 "‘\(pair.label)’后有 \(amounts.count) 个不同的金额（\(listed)），看不出哪一个是本年度的，未读取",
                                 en: "‘\(pair.label)’ is followed by \(amounts.count) different amounts (\(listed)) and nothing says which is the year's; not read")
                    chosen = nil
                    value = ""
                    // Figures left unread among the funding lines: the lines read are not all
                    // (`财政拨款 | 800.00 | 900.00 | 1,000.00` by year columns beside `其他资金 | 100.00
                    // | 100.00 | 100.00`: 100.00 is no amount of the project).
                    noteUnreadAmounts(amounts.map(\.1), line: at, namesAmount: false)
                }
            }
            // Several cells after an amount's label (`年度资金总额:50万 | 中央衔接…资金50`): the
            // first that is an amount is its value.
            if let k = chosen {
                value = pair.values[k]
                valueLine = k < pair.lines.count ? pair.lines[k] : valueLine
            }
        default:
            break
        }
        apply(kind, label: pair.label, value: value, line: row.line, valueLine: valueLine, into: &doc)
    }

    /// A fact the project's prose states (`(3)实施主体:卢村乡人民政府`, `(6)年度预算安排:500万元`):
    /// an amount stands when the table gives none; other fields as in a table row. Narrative
    /// labels are the caller's sections.
    mutating func readProse(title: String, body: String, line: Int, into doc: inout DocumentResult) {
        let value = body.trimming("。.;；")
        guard !value.isEmpty, let kind = Labels.field(title) else { return }
        switch kind {
        case .yearAmount, .totalAmount:
            guard proseAmount == nil else { return }
            if project.amount != nil { proseAfterTable = true }
            let unit = Amounts.unit(in: value) ?? Labels.unit(title)
            if let money = Self.readAmount(value, unit: unit), unit != nil {
                proseAmount = (money, unit)
            }
        case .narrative, .goal, .goalGroup, .fundingGroup, .spendingGroup, .subItems, .spendingPlan:
            break
        case .unit, .department, .departmentLevel:
            // `卢村乡人民政府根据行动方案明确职责:…`: the body the sentence starts with.
            let short = value.scalarCount <= 20 && !value.contains(where: { "，,:：;；".contains($0) })
            if let name = short ? value : Titles.leadingDepartment(in: value) {
                apply(kind, label: title, value: name, line: line, into: &doc)
            }
        default:
            apply(kind, label: title, value: value, line: line, into: &doc)
        }
    }

    /// An amount's text read in `unit` (万元 when nil): the number, or a fund's name with the
    /// number after it (`中央衔接推进乡村振兴补助资金(少数民族发展任务)50`,
    /// `财政衔接推进乡村振兴补助资金575.038908万元`).
    static func readAmount(_ text: String, unit: MoneyUnit?) -> Money? {
        let parse: (String) -> Money? = { Amounts.read($0, unit: unit) }
        if let money = parse(text) { return money }
        if let number = Amounts.afterFundName(text) { return parse(number) }
        // `854万(高标准农田建设400万元,示范建设295万元,…)`: the amount, then its breakdown in brackets.
        let head = beforeBreakdown(text)
        if head.utf8.count < text.utf8.count, !head.isEmpty { return parse(String(head)) }
        return nil
    }

    /// An amount's text without the breakdown in brackets after it (`854万(…400万元…)` → `854万`);
    /// the text itself when it has none.
    static func beforeBreakdown(_ text: String) -> Substring {
        guard text.utf8.last == 0x29 || text.utf8HasSuffix("）"), let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }) else {
            return Substring(text)
        }
        return Substring(text[..<open].trimmingWhitespace())
    }

    /// Says that a value was only a table's column names and was not read (`label-as-value`).
    static func noteLabelAsValue(_ label: String, _ value: String, line: Int, into doc: inout DocumentResult) {
        doc.diagnose(.warning, line: line, code: "label-as-value",
                     "‘\(label)’后面是表格的栏目‘\(value.prefix(30))’，不是名称，未读取",
                     en: "‘\(label)’ is followed by a table's columns ‘\(value.prefix(30))’, not a name; not read")
    }

    /// Says that a value held the next cell's label and only `kept` was taken (`label-in-value`).
    static func noteLabelInValue(_ label: String, _ value: String, kept: String, line: Int, into doc: inout DocumentResult) {
        doc.diagnose(.note, line: line, code: "label-in-value",
                     "‘\(label)’的值‘\(value.prefix(40))’里有别的栏目，只取其前的‘\(kept)’",
                     en: "the value ‘\(value.prefix(40))’ of ‘\(label)’ holds another column's label; only ‘\(kept)’ before it is taken")
    }

    /// A name's value cut before the first word of it that is a label the vocabulary knows
    /// (`镇江博物馆 项目负责人/ 联系电话` → `镇江博物馆`), or empty when the value is labels from
    /// its start, or is words of which none reads like a department or a place (`部门相应职能职
    /// 责概述 专项立项 依据 …`); nil when the value is a name as it stands.
    static func beforeNextLabel(_ value: String) -> String? {
        // (Told on the bytes first: no control byte or space, and no lead byte of a Unicode space
        // — U+0085/00A0, U+1680, U+2000…205F, U+3000 — means no whitespace.)
        guard value.utf8.count <= 160,
              value.utf8HasByte(where: { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 }),
              value.contains(where: \.isWhitespace) else { return nil }
        let tokens = value.split(whereSeparator: \.isWhitespace).map(String.init)
        var k = 0
        while k < tokens.count {
            let words = TextRows.joinSpaced(Array(tokens[k...]))
            if let first = words.first, TextRows.isLabel(first) || TextRows.isLabel(first.trimming("/／、")) { break }
            k += 1
        }
        if k < tokens.count { return tokens[..<k].joined(separator: " ") }
        if tokens.count >= 4, !tokens.contains(where: { Titles.looksLikeDepartment($0) || Titles.looksLikePlace($0) }) { return "" }
        // `某市机关事务管理局 项目合计上年度预算安排21.62…`: a department, then the next line's
        // figures run into its cell.
        if Titles.looksLikeDepartment(tokens[0]), tokens.dropFirst().joined().contains(where: { $0.isASCII && $0.isNumber }) {
            return tokens[0]
        }
        return nil
    }

    /// Whether a value is a mask a page put over a name (`****`, `＊＊＊`, `×××`).
    static func isMasked(_ value: String) -> Bool {
        value.scalarCount >= 2 && value.allSatisfy { "*＊×xX".contains($0) }
    }

    /// Whether a value is a form's instruction, not a value (`(盖章)`, `(签字)`).
    static func isInstruction(_ value: String) -> Bool {
        guard value.utf8.count <= 24, value.utf8Contains("章") || value.utf8Contains("签字") else { return false }
        let s = value.trimming("()（）[]【】 ")
        return s.scalarCount <= 4 && ["盖章", "签字", "签章", "公章"].contains { s.utf8Contains($0) }
    }

    /// Whether the funding lines read so far fall short of the year's amount, and `line`'s amount
    /// (read as its row says) keeps them within it: the one more source a `其中` list may have
    /// (`县级配套（元）` after `其中：中央补助（元）`), not a use after lines that are all there
    /// (`社会救助专项补助 | 1,480.00` after 中央, 省级 and 县级 lines adding up to the amount).
    private func fundingFallsShort(by line: Pair) -> Bool {
        guard let amount = project.amount, let value = line.values.first,
              let more = Self.readAmount(value, unit: unitSaid(for: value, label: line.label) ?? yearLabelUnit)
        else { return false }
        let read = project.funding.compactMap(\.amount).reduce(Int64(0)) { $0 &+ $1.fen }
        return read < amount.fen && read &+ more.fen <= amount.fen
    }

    /// The project a row of a budget list names (`劳动保障监察执法 | 260,000.00 | 200,000.00`, or
    /// `合计 | …`): a name that is no label and no figure, then figures, in at most the list's
    /// columns; nil for any other row.
    private static func budgetListName(_ row: Row, width: Int) -> String? {
        let filled = row.filledCells
        guard filled.count >= 2, filled.count <= width, let name = filled.first, Labels.field(name) == nil,
              Amounts.wan(name) == nil, filled.dropFirst().contains(where: { Amounts.wan($0) != nil }),
              !filled.dropFirst().contains(where: { Labels.field($0) != nil })
        else { return nil }
        return name
    }

    private mutating func readUnlabelled(_ pair: Pair, row: Row, into doc: inout DocumentResult) {
        let values = pair.values
        let text = values.joined(separator: " ")
        switch lastGroup {
        case .spendingGroup? where values.count >= 2:
            keepSpendingItem(label: values[0], values: Array(values.dropFirst()), row: row)
        case .fundingGroup? where Self.sourceLine(in: pair, row: row) != nil:
            // `上级补助资金 | 100` under `项目资金（万元）`: a source of the money no list has, with
            // its amount.
            if let line = Self.sourceLine(in: pair, row: row) { apply(line, row: row, into: &doc) }
        case .fundingGroup?:
            // The row under `预算规模及资金用途` states what the money is for.
            apply(.narrative("资金用途", isGoal: false), label: "资金用途", value: text, line: row.line, into: &doc)
            // (A cell of it that is a figure of money — `3 | 县级财政资金 | 12.60`, a line the
            // reader could not take as a source — is a figure left unread among the lines.)
            let figures = values.filter(Self.holdsMoneyFigure).compactMap { Self.readAmount($0, unit: groupUnit ?? tableUnit) }
            if !figures.isEmpty { noteUnreadAmounts(figures, line: row.line, namesAmount: true) }
        default:
            if let last = project.funding.last, let previous = rowLines.previous, last.line >= previous,
               let line = Self.sourceLine(in: pair, row: row), fundingFallsShort(by: line) {
                // `县级配套（元） | 512,400.00` right after `其中：中央补助（元） | 4,614,000.00`: a
                // source no list has, with its amount, continues the funding lines above it.
                apply(line, row: row, into: &doc)
            } else if values.count >= 2, !(Self.holdsMoneyFigure(values[0]) && Self.readAmount(values[0], unit: nil) != nil) {
                // (A source's name with its amount not taken as a line — no amount to tell a
                // source from a use by — is a figure left unread: the lines read may not be all.)
                if let source = Self.sourceLine(in: pair, row: row), let value = source.values.first,
                   let money = Self.readAmount(value, unit: unitSaid(for: value, label: source.label)) {
                    noteUnreadAmounts([money], line: row.line, namesAmount: true)
                }
                // An unknown label: keep it as a field and a narrative section, in order.
                let label = values[0]
                let rest = values.dropFirst().joined(separator: " ")
                project.fields.append(Field(label: label, value: rest, line: row.line))
                project.sections.append(NarrativeSection(title: label, text: rest, line: row.line, isGoal: false))
                doc.diagnose(.note, line: row.line, code: "unknown-field", "未知的栏目‘\(label)’，作为叙述段落保留",
                             en: "unknown field ‘\(label)’ kept as a narrative section")
            } else {
                // (A figure of money left unread here makes a sum of the funding lines unsure:
                // `1,286.45` under `资金总额`, in a cell the reader could not pair.)
                noteUnreadText(text, line: row.line)
                doc.diagnose(.warning, line: row.line, code: "unlabelled-row", "表格行‘\(text.prefix(40))’没有标签，未读入项目",
                             en: "table row ‘\(text.prefix(40))’ has no label; not read into the project")
            }
        }
    }

    /// Whether a goal's cell only names a term (`2022年—2022年`, `中期目标(2024年—2026年)`,
    /// `实施期目标`): the heading of a goal column, not a goal.
    static func isTermHeading(_ value: String) -> Bool {
        guard value.utf8.count <= 72, value.scalarCount <= 24, value.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) || value.utf8Contains("期")
        else { return false }
        var rest = value
        for word in ["中期滚动目标", "中期目标", "长期目标", "实施期目标", "年度目标", "中期", "长期", "实施期", "滚动"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        let hadYear = Titles.year(in: value) != nil
        let left = rest.unicodeScalars.filter { !"0123456789年度月—–-~～至到()（） 、".unicodeScalars.contains($0) }
        return left.isEmpty && (hadYear || rest.count < value.count)
    }

    /// A row of the form's boxes for stamps and signatures: a cell asks for a stamp (`(盖章)`,
    /// `签章`, `(签字)`) or is a date left blank (`年 月 日`).
    static func isSignatureRow(_ row: Row) -> Bool {
        if isPeopleRow(row) { return true }
        return row.cells.contains { cell in
            guard cell.utf8.count >= 3, cell.utf8.count <= 120 else { return false }
            if cell.utf8HasSuffix("日"), cell.utf8Has(0x20) {
                // `年 月 日` left blank: 年 月 日 with only spaces between, and no digit.
                let compact = cell.utf8.filter { $0 != 0x20 }
                if compact.count >= 9, compact.suffix(9).elementsEqual("年月日".utf8), !compact.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    return true
                }
            }
            // A stamp or a signature asked for in brackets (`(盖章)`, `（签字）`): a cell that asks
            // for one, not an indicator about seals (`公章刻制备案率`, `电子签章应用率`). A closing
            // bracket, then 章 or 签, before the marks.
            guard cell.utf8Has(0x29) || cell.utf8Contains("）") else { return false }
            if cell.utf8Contains("章") { return Self.sealMarkSet.occurs(in: cell) }
            return cell.utf8Contains("签") && Self.signMarkSet.occurs(in: cell)
        }
    }

    /// `填报人：张三　　联系电话：…`, `单位负责人 | 李四 | 填报人 | 王五`: a row that starts with a
    /// person, a telephone or a date the form asks for.
    static func isPeopleRow(_ row: Row) -> Bool {
        guard let first = row.cells.first(where: { !$0.isEmpty }) else { return false }
        return Vocabulary.current.isSignatureLabel(first)
    }

    /// The marks where a form asks for a seal or a signature (also taken out of a unit's name).
    private static let sealMarks = ["(盖章)", "（盖章）", "(签章)", "（签章）", "(公章)", "（公章）"]
    private static let signMarks = ["(签字)", "（签字）", "(签名)", "（签名）"]
    private static let sealMarkSet = NeedleSet(sealMarks)
    private static let signMarkSet = NeedleSet(signMarks)

    /// The second row of a two-row indicator header: two or more cells, each naming a value
    /// column (`2021年实际实现值`, `预期2022年实现值`, `目标值`), none a category or a figure of
    /// its own.
    static func isHeaderContinuation(_ row: Row) -> Bool {
        let filled = row.filledCells
        return filled.count >= 2 && filled.allSatisfy { cell in
            cell.scalarCount <= 16 && (cell.utf8HasSuffix("值") || IndicatorHeader.role(of: cell) != nil)
                && !IndicatorVocabulary.isVocabulary(cell)
        }
    }

    /// The funding line a group's values make when they are a source no list has and its amount
    /// (`上级补助资金`, `100`); nil for any other values.
    private static func sourceLine(in pair: Pair, row: Row) -> Pair? {
        guard pair.values.count >= 2, let kind = Labels.fundingSource(pair.values[0]), readAmount(pair.values[1], unit: nil) != nil else { return nil }
        return Pair(label: pair.values[0], kind: kind, values: Array(pair.values.dropFirst()), lines: Array(pair.lines.dropFirst()),
                    line: pair.lines.first ?? row.line)
    }

    /// A line of a spending breakdown, kept as a field of the project (`支出明细·1、办公及加班用餐费`,
    /// `10 40`): what the money is spent on, never added to its sources.
    private mutating func keepSpendingItem(label: String, values: [String], row: Row) {
        project.fields.append(Field(label: "支出明细·" + label, value: values.joined(separator: " "), line: row.line))
    }

    /// Fills in what a label says. `line` is the row's (where the field is recorded), `valueLine`
    /// the value cell's (where a problem with the value is reported).
    private mutating func apply(_ kind: FieldKind, label: String, value: String, line: Int, valueLine: Int? = nil,
                                into doc: inout DocumentResult) {
        let valueLine = valueLine ?? line
        var value = Self.isInstruction(value) ? "" : value
        switch kind {
        case .unit, .department, .departmentLevel:
            // `(盖章)` is the form's place for the stamp, not part of the name; `填报单位:(盖章)
            // 单位:万元` holds the unit of the form's amounts, not a unit's name.
            // A colon left of the label's (`填报单位(盖章): 单位负责人:`) is no part of a name.
            value = Self.withoutStamp(value).trimming(":：").trimmingWhitespace()
            if Self.isMasked(Departments.stripCode(value)) {
                // `****`: the page hid the name; it names no department.
                doc.diagnose(.warning, line: valueLine, code: "masked-value",
                             "‘\(label)’的值被网页遮盖为‘\(value)’，未读取",
                             en: "the value of ‘\(label)’ is masked by the page as ‘\(value)’; not read")
                value = ""
            }
            if let unit = Vocabulary.current.statedUnit(value) {
                tableUnit = unit
                value = ""
            } else if !value.isEmpty, TextRows.isOnlyLabels(value) {
                // `项目单位 | 产 出 指 标 | 效 益 指 标`: the columns of a table beside the label,
                // never a department's or a unit's name.
                Self.noteLabelAsValue(label, value, line: valueLine, into: &doc)
                value = ""
            } else if !value.isEmpty, let kept = Self.beforeNextLabel(value) {
                // `镇江博物馆 项目负责人/ 联系电话`: the next cell's label ran into the name.
                if kept.isEmpty {
                    Self.noteLabelAsValue(label, value, line: valueLine, into: &doc)
                } else {
                    Self.noteLabelInValue(label, value, kept: kept, line: valueLine, into: &doc)
                }
                // The label run in may name the unit of the amounts under it (`年度预算申请 (万元)`).
                if let unit = Labels.unit(String(value.dropFirst(kept.count))) { groupUnit = unit }
                value = kept
            }
        default:
            break
        }
        project.fields.append(Field(label: label, value: value, line: line))
        let otherNameLabel = kind == .name && nameLabel != nil && nameLabel != LabelText.key(label)
        if kind == .name { hasNameField = true }
        switch kind {
        case .department:
            if !value.isEmpty, departmentRank <= 1000 {
                project.rawDepartment = Departments.stripCode(value)
                departmentRank = 1000
            }
        case .departmentLevel(let rank):
            if !value.isEmpty, rank >= departmentRank, departmentRank < 1000 {
                project.rawDepartment = Departments.stripCode(value)
                departmentRank = rank
            }
        case .parentName:
            if !value.isEmpty, !project.otherNames.contains(value) { project.otherNames.append(value) }
        case .unit:
            // A unit named with its place (`蒙城县卫生健康委员会`) is not replaced by a short
            // spelling of it (`卫健委`).
            if !value.isEmpty, project.unit.map({ Self.namesPlace($0) && !Self.namesPlace(value) }) != true {
                project.unit = value
            }
        case .publisher:
            let name = value.trimming("。")
            if publisher == nil, Titles.looksLikeDepartment(name) || Titles.looksLikePlace(name) { publisher = (name, valueLine) }
        case .name:
            // A label broken over lines (`主管部门及代 码`) is no name; nor is the next cell's
            // label run into it (`赛珍珠文化公园运转经费 实施部门 …`).
            guard !value.isEmpty, !TextRows.isLabel(value) else { return }
            if let kept = Self.beforeNextLabel(value), !kept.isEmpty {
                Self.noteLabelInValue(label, value, kept: kept, line: valueLine, into: &doc)
                value = kept
            }
            if nameLabel == nil { nameLabel = LabelText.key(label) }
            if project.name.isEmpty {
                project.name = value
            } else if otherNameLabel {
                // A second name under another label (`项目名称` then `转移支付名称`): the same
                // project's other name.
                if project.name != value, !project.otherNames.contains(value) { project.otherNames.append(value) }
            } else if project.name != value {
                // The table's name is the project's name; the title or heading is another.
                if !project.otherNames.contains(project.name) { project.otherNames.append(project.name) }
                project.name = value
                project.otherNames.removeAll { $0 == value }
            }
        case .code:
            let digits = value.filter { $0.isLetter || $0.isNumber }
            project.code = digits.isEmpty ? nil : digits
        case .totalAmount:
            if let (money, unit) = amount(value, label: label, line: valueLine, into: &doc) {
                project.totalAmount = money
                totalUnit = unit
                totalLine = valueLine
            }
        case .yearAmount:
            if project.amount == nil, let (money, unit) = amount(value, label: label, line: valueLine, into: &doc) {
                project.amount = money
                project.amountUnit = unit
                amountLine = valueLine
                yearLabelUnit = Labels.unit(label)
            }
        case .funding where Self.totalWords.contains(value):
            // `单位资金 | 合计`: a header of columns run together (a total's heading), no value.
            project.structuralLines.append(line)
        case .funding(let name):
            // The parts of the year's amount are in its unit when nothing else says theirs
            // (`年度资金总额（亿元） | 3.25` then `其中：中央补助 | 2.60`).
            let read = value.isEmpty ? nil : amount(value, label: label, line: valueLine, partsUnit: yearLabelUnit, into: &doc)
            if read != nil, let unit = yearLabelUnit, unit != .wan, unitSaid(for: value, label: label) == nil {
                linesInYearLabelUnit.append((project.funding.count, value, label, valueLine))
            }
            if read != nil, let unit = yearLabelUnit, let table = tableUnit, unit != table, unitWritten(for: value, label: label) == nil {
                linesInTableUnit.append((project.funding.count, value, valueLine))
            }
            project.funding.append(FundingLine(label: name, amount: read?.0, text: value, line: line))
            // `(一)财政拨款小计` heads the numbered lines after it (`1、一般公共预算`).
            let compact = LabelText.compact(label)
            let numbered = compact.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            if name.utf8HasSuffix("小计") || compact.first == 0x28 {
                inSubtotal = name.utf8HasSuffix("小计")
                if let (money, unit) = read { fundingParts.append((money, unit, false, valueLine)) }
            } else if let (money, unit) = read {
                fundingParts.append((money, unit, numbered && inSubtotal, valueLine))
            }
        case .source:
            if !value.isEmpty { project.source = value }
        case .period:
            // `20246-202516 主管部门及其编码 …`: the next cell's label ran into the period.
            if let kept = Self.beforeNextLabel(value), !kept.isEmpty {
                Self.noteLabelInValue(label, value, kept: kept, line: valueLine, into: &doc)
                value = kept
            }
            if !value.isEmpty { project.period = value }
        case .periodStart:
            if !value.isEmpty { project.period = value + (project.period.map { "—" + $0 } ?? "") }
        case .periodEnd:
            if !value.isEmpty { project.period = (project.period.map { $0 + "—" } ?? "") + value }
        case .year:
            if let y = Titles.year(in: value) { project.year = y }
        case .narrative(let title, let isGoal) where isGoal && Self.isTermHeading(value):
            // `总 体 目 标 | 2022年—2022年 | 年度目标`: the term of the goal columns, not a goal.
            project.fields.append(Field(label: title + "·期间", value: value, line: line))
        case .narrative(let title, let isGoal):
            if !value.isEmpty {
                project.sections.append(NarrativeSection(title: title, text: value, line: line, isGoal: isGoal))
            }
        case .goal(let title):
            if !value.isEmpty {
                project.sections.append(NarrativeSection(title: title, text: value, line: line, isGoal: true))
            }
        case .fundingGroup, .spendingGroup, .goalGroup, .subItems, .spendingPlan, .contact, .financeDepartment, .attribute, .pageField:
            break
        }
    }

    /// Reads what is held back (a row of labels whose values never came) and ends the project's
    /// rows.
    private mutating func flushHeldLabels(into doc: inout DocumentResult) {
        if let trailing = trailingLabel, let kind = trailing.kind {
            trailingLabel = nil
            apply(kind, label: trailing.label, value: "", line: trailing.line, into: &doc)
        }
        guard let held = heldLabels else { return }
        heldLabels = nil
        for label in held {
            guard let kind = label.kind else { continue }
            apply(kind, label: label.label, value: "", line: label.line, into: &doc)
        }
    }

    /// An amount and the unit the form wrote it in: the value's own (`449.8万`, `666万元`), else
    /// the label's (`项目资金（元）`), its group label's or the table's (`金额单位：万元`); nil when
    /// none says, and then the amount is read as 万元 and reported as uncertain.
    private mutating func amount(_ text: String, label: String, line: Int, partsUnit: MoneyUnit? = nil,
                                 into doc: inout DocumentResult) -> (Money, MoneyUnit?)? {
        guard !text.isEmpty else { return nil }
        let written = unitWritten(for: text, label: label)
        let unit = written ?? tableUnit ?? partsUnit
        if let money = Self.readAmount(text, unit: unit) {
            if unit == nil { reportUnitUnknown(text, label: label, line: line, into: &doc) }
            if written == nil, tableUnit != nil { linesReadInTableUnit.append(line) }
            return (money, unit)
        }
        doc.diagnose(.warning, line: line, code: "unreadable-amount", "\(label)‘\(text)’不是金额",
                     en: "\(label) ‘\(text)’ is not an amount")
        return nil
    }

    /// The unit the form says an amount's text is in: the value's own, also when a breakdown in
    /// brackets follows it (`854万(…)`), else the label's (`项目资金（元）`), its group label's or
    /// the table's (`金额单位：万元`); nil when none says.
    private func unitSaid(for text: String, label: String) -> MoneyUnit? {
        unitWritten(for: text, label: label) ?? tableUnit
    }

    /// The unit the amount's text, its label or its group label says (not the table's line).
    private func unitWritten(for text: String, label: String) -> MoneyUnit? {
        let head = Self.beforeBreakdown(text)
        let own = Amounts.unit(in: text) ?? (head.utf8.count < text.utf8.count ? Amounts.unit(in: String(head)) : nil)
        return own ?? Labels.unit(label) ?? groupUnit
    }

    /// The form has no unit line of its own; the document's lines give it one only with doubt
    /// (another form's own line, lines that disagree, a line a title may have ended). The unit
    /// its amount is a plausible project's amount in (1,000 元 to 100 亿元) is taken, when it is one
    /// only: `86.00` after a form's `单位：元` is no 86 元 project, `1,860,000.00` after the 部门整体
    /// form's `（单位：万元）` no 186 亿元 one. Else it stays uncertain, said.
    private mutating func settleUnitFromCandidates(into doc: inout DocumentResult) {
        guard let table = project.amount, project.amountUnit == nil, !unitUnknownLines.isEmpty, !unitCandidates.isEmpty else { return }
        let plausible = unitCandidates.compactMap { c in Self.reading(table, in: c.unit).flatMap { Self.isPlausibleAmount($0) ? (c, $0) : nil } }
        // A line in doubt the only one: the amount as it stands, in no unit stated (万元), is a
        // reading too (`1,500.00` under `# 二、某县林业局` after the 民政局's `单位：元`).
        let readings = plausible.count + (doubtedAlone && Self.isPlausibleAmount(table) ? 1 : 0)
        if readings == 1, let (taken, amount) = plausible.first {
            let read = amount.wanString
            let others = unitCandidates.filter { $0.unit != taken.unit }
            let zhOthers = others.isEmpty ? "" : "；第" + others.map { "\($0.line)行的\($0.unit.rawValue)" }.joined(separator: "、") + "读出的不是合理的项目金额"
            let enOthers = others.isEmpty ? "" : "; " + others.map { "line \($0.line)'s \($0.unit.rawValue)" }.joined(separator: ", ") + " gives no plausible project amount"
            settleUnknownUnit(taken.unit, code: "amount-unit-from-form",
                              zh: "表中金额的单位没有确定写明（表上方没有单位行，或单位行与栏目名不一致）：按第\(taken.line)行的\(taken.unit.rawValue)读取，为 \(read) 万元\(zhOthers)",
                              en: "the table's amounts have no unit stated for certain (no unit line over the table, or its line and a column heading disagree): read in line \(taken.line)'s \(taken.unit.rawValue), \(read) 万元\(enOthers)",
                              into: &doc)
        } else if readings >= 2, let doubted = doubtedUnit, let issuer = doubted.issuer,
                  plausible.contains(where: { $0.0.line == doubted.line }),
                  let raw = project.rawDepartment, Departments.baseKey(raw) == issuer.key {
            // A unit of the department headed as its own (`## 某县殡仪馆项目…` under `## 某县民政局…`
            // / `单位：元`), its form naming the department as 主管部门: the department's line.
            settleUnknownUnit(doubted.unit, code: "amount-unit-from-department",
                              zh: "表上方没有单位行；第\(doubted.line)行的单位行（\(doubted.unit.rawValue)）写在本表主管部门‘\(raw)’的标题下，其后的标题可能写的是另一部门，金额按几种单位读都合理：按主管部门的单位行读取",
                              en: "no unit line over the table; line \(doubted.line)'s unit line (\(doubted.unit.rawValue)) stands under the title of the table's 主管部门 ‘\(raw)’, a title after it may name another department, and the amount is plausible in more than one unit: read in the 主管部门's line",
                              into: &doc)
        } else {
            let zh = unitCandidates.map { "第\($0.line)行的\($0.unit.rawValue)" }.joined(separator: "、")
            let en = unitCandidates.map { "line \($0.line)'s \($0.unit.rawValue)" }.joined(separator: ", ")
            doc.diagnose(.note, line: unitUnknownLines[0], code: "amount-unit-lines-unsure",
                         "表中金额的单位没有确定写明；可能的单位（\(zh)）中是哪一个，按金额无法确定：金额仍标为单位不确定",
                         en: "the table's amounts have no unit stated for certain; which of the possible ones (\(en)) is theirs, the amounts cannot tell: they stay of uncertain unit")
        }
    }

    /// The unit the table's unit-less amounts turned out to be in (`code` says how it was
    /// told): the amount's unit is sure, and the warnings at those amounts' lines are dropped.
    private mutating func settleUnknownUnit(_ unit: MoneyUnit, code: String, zh: String, en: String, into doc: inout DocumentResult) {
        project.amountUnit = unit
        let lines = Set(unitUnknownLines)
        // The amounts read as 万元 at those lines, in the unit now known (a figure that is no
        // whole number of fen in it is left as read).
        if let a = project.amount, let read = Self.reading(a, in: unit) { project.amount = read }
        if totalUnit == nil, let t = project.totalAmount, let read = Self.reading(t, in: unit) {
            // (A 中期 form's 项目总金额, read in the same doubt.)
            project.totalAmount = read
            totalUnit = unit
        }
        rescaleFunding(at: lines) { Self.reading($0, in: unit) }
        doc.diagnostics.removeAll { $0.code == "amount-unit-unknown" && lines.contains($0.location.line) }
        doc.diagnose(.note, line: unitUnknownLines[0], code: code, zh, en: en)
    }

    /// Whether an amount is a plausible project's: 1,000 元 up to (not including) 100 亿元.
    static func isPlausibleAmount(_ amount: Money) -> Bool {
        amount.fen >= 100_000 && amount.fen < 1_000_000_000_000
    }

    /// An amount read as 万元 for want of a unit, read in `unit` instead (nil when that is no whole
    /// number of fen: `86.001` in 元).
    static func reading(_ amount: Money, in unit: MoneyUnit) -> Money? {
        let (fen, overflow) = amount.fen.multipliedReportingOverflow(by: unit.fenPerUnit)
        guard !overflow, fen % Money.fenPerWan == 0 else { return nil }
        return Money(fen: fen / Money.fenPerWan)
    }

    /// An amount read in 万元 because nothing says its unit: kept as uncertain, and said at its line.
    private mutating func reportUnitUnknown(_ text: String, label: String, line: Int, into doc: inout DocumentResult) {
        unitUnknownLines.append(line)
        doc.diagnose(.warning, line: line, code: "amount-unit-unknown",
                     "\(label)‘\(text)’没有注明单位（标签、表头和数值都未写元或万元），暂按万元读取并标为单位不确定",
                     en: "\(label) ‘\(text)’ names no unit (neither its label, the table nor the value says 元 or 万元); read as 万元 and marked uncertain")
    }

    /// A name with the form's stamp placeholder (`(盖章)`, `（公章）`) taken out.
    static func withoutStamp(_ value: String) -> String {
        guard value.utf8Contains("章") else { return value }
        var v = value
        for mark in sealMarks + ["(章)", "（章）"] {
            v = v.replacingOccurrences(of: mark, with: "")
        }
        return v.trimmingWhitespace()
    }

    /// Whether a unit's name says its place (`蒙城县…`, `芜湖市…`, `卢村乡…`).
    static func namesPlace(_ name: String) -> Bool {
        // (On the bytes of its first eight characters: no Foundation search per word.)
        let head = String(name.prefix(8))
        return ["省", "市", "县", "区", "乡", "镇", "旗", "州"].contains { head.utf8Contains($0) }
    }

    // MARK: 绩效支出明细

    private mutating func readSubItem(_ row: Row, into doc: inout DocumentResult) {
        let cells = row.filledCells
        guard let name = cells.first else { return }
        if Self.isSubItemsHeader(cells) {
            // `子项目名称 | 支出内容 | 金额`: the breakdown's own header on a row of its own; the
            // rows under it are read by its columns.
            project.structuralLines.append(contentsOf: row.lines)
            let at = { (words: [String]) in row.cells.firstIndex { c in !c.isEmpty && words.contains { c.utf8Contains($0) } } }
            if let nameAt = row.cells.firstIndex(where: { !$0.isEmpty }) {
                let half = at(["半年"])
                let full = row.cells.indices.first { k in
                    k != half && !row.cells[k].isEmpty && ["金额", "全年", "预算", "资金"].contains { row.cells[k].utf8Contains($0) }
                }
                subItemColumns = (nameAt, half, full)
            }
            return
        }
        if let columns = subItemColumns, row.cells.count > max(columns.name, columns.half ?? 0, columns.full ?? 0) {
            let name = row.cells[columns.name]
            guard !name.isEmpty else { return }
            func at(_ k: Int?) -> Money? {
                guard let k, !row.cells[k].isEmpty else { return nil }
                return Self.subItemAmount(row.cells[k], line: row.line(ofCell: k), into: &doc)
            }
            let half = at(columns.half)
            project.subItems.append(SubItem(name: name, halfYear: half, fullYear: at(columns.full), line: row.line))
            return
        }
        let amounts = cells.dropFirst()
        var half: Money?, full: Money?
        if amounts.count >= 2 {
            half = Self.subItemAmount(amounts[amounts.startIndex], line: row.line, into: &doc)
            full = Self.subItemAmount(amounts[amounts.startIndex + 1], line: row.line, into: &doc)
        } else if let only = amounts.first {
            full = Self.subItemAmount(only, line: row.line, into: &doc)
        }
        project.subItems.append(SubItem(name: name, halfYear: half, fullYear: full, line: row.line))
    }

    /// An amount of a spending breakdown, in 元; nil, and said at its line, when it is none.
    private static func subItemAmount(_ text: String, line: Int, into doc: inout DocumentResult) -> Money? {
        guard let money = Amounts.yuan(text) else {
            doc.diagnose(.warning, line: line, code: "unreadable-amount", "绩效支出明细的金额‘\(text)’不是以元为单位的金额",
                         en: "绩效支出明细 amount ‘\(text)’ is not an amount in 元")
            return nil
        }
        return money
    }

    /// A header of a spending breakdown: no figure, a name's column (`子项目名称`, `项目`) and a
    /// money column (`金额`, `预算数`, `全年`).
    static func isSubItemsHeader(_ cells: [String]) -> Bool {
        // (No figure: not in ASCII or full-width digits, nor an amount in words, `二十万元`.)
        guard let first = cells.first, cells.count >= 2,
              !cells.contains(where: { c in c.utf8HasByte { $0 >= 0x30 && $0 <= 0x39 } || c.unicodeScalars.contains { $0.value >= 0xFF10 && $0.value <= 0xFF19 } || c.utf8HasSuffix("元") }),
              first.utf8HasSuffix("名称") || first.utf8HasSuffix("项目") || first.utf8HasSuffix("内容")
        else { return false }
        return cells.dropFirst().contains { c in ["金额", "预算", "全年", "半年", "资金"].contains { c.utf8Contains($0) } }
    }

    // MARK: 资金支出计划

    private mutating func readPlanValues(_ row: Row, labels: [String], into doc: inout DocumentResult) {
        let values = row.filledCells
        if values.count != labels.count {
            doc.diagnose(.warning, line: row.line, code: "plan-mismatch", "资金支出计划有 \(labels.count) 个日期，却有 \(values.count) 个数值",
                         en: "资金支出计划 has \(labels.count) dates but \(values.count) values")
        }
        for (i, value) in values.enumerated() {
            let label = i < labels.count ? labels[i] : "第\(i + 1)项"
            project.spendingPlan.append(PlanPoint(label: label, share: value, line: row.line))
        }
        if values.isEmpty { project.structuralLines.append(contentsOf: row.lines) }
    }

    // MARK: Indicators

    private mutating func readIndicatorRow(_ row: Row, into doc: inout DocumentResult) {
        guard let header = indicators?.header else { return }
        if secondGroup == nil, row.cells.count <= header.width || row.cells.lazy.filter({ !$0.isEmpty }).count <= header.width {
            // A row that fits under the header (almost all): read as it is.
            readIndicatorRow(row, group: 0, into: &doc)
            return
        }
        for part in Self.splitMerged(row, header) {
            guard let second = secondGroup else {
                readIndicatorRow(part, group: 0, into: &doc)
                continue
            }
            // 中期 and 年度 side by side: each half of the row read by its own columns.
            let (first, other) = Self.splitGroups(part, header, second.header)
            readIndicatorRow(first, group: 0, into: &doc)
            if let other { readIndicatorRow(other, group: 1, into: &doc) }
        }
    }

    /// `中期目标(2024年—2026年) | 年度目标`: the order of the terms the indicator groups follow.
    private mutating func noteGoalTerms(_ row: Row) {
        // Only a row with a cell that starts with a term is looked at.
        guard row.cells.contains(where: { $0.utf8HasPrefix("中期") || $0.utf8HasPrefix("长期") || $0.utf8HasPrefix("实施期") }) else { return }
        var terms: [String] = []
        for cell in row.cells where !cell.isEmpty && cell.scalarCount <= 24 {
            let key = Labels.normalize(cell)
            if let term = ["中期", "长期", "实施期"].first(where: { key.utf8HasPrefix($0) }), key.utf8Contains("目标") {
                terms.append(term)
            } else if key.utf8HasPrefix("年度") && key.utf8Contains("目标") {
                terms.append("年度")
            }
        }
        if terms.count >= 2, terms.contains("年度") { goalTerms = terms }
    }

    private mutating func readIndicatorRow(_ row: Row, group: Int, into doc: inout DocumentResult) {
        // Taken out while it reads the row (and put back below): a copy would copy its arrays
        // at the row's first change to them.
        guard var reader = group == 0 ? indicators.take() : secondGroup.take() else { return }
        if rowsUnread(before: row.line) {
            // Rows left unread above this one: the categories they opened are not known.
            reader.forgetCategories()
        }
        lastIndicatorLine = row.line
        let path = doc.path
        var found: [Diagnostic] = []
        let reading = reader.read(cells: row.cells, line: row.line, cellLines: row.cellLines) { severity, code, message in
            found.append(Diagnostic(severity, SourceLocation(file: path, line: row.line), code: code, message))
        }
        if group == 0 { indicators = reader } else { secondGroup = reader }
        if secondGroup != nil {
            // Two groups side by side (长期 | 年度): one group's half of a row with its categories
            // and nothing else is that group left blank there, not a row that lost its name.
            found.removeAll { $0.code == "indicator-without-name" }
        }
        doc.diagnostics.append(contentsOf: found)
        switch reading {
        case .indicator(let indicator)?:
            let hasValue = !indicator.targets.allSatisfy({ $0.value == nil && $0.halfYear == nil })
            if !hasValue {
                doc.diagnose(.warning, line: row.line, code: "indicator-without-value", "指标‘\(indicator.name)’没有指标值",
                             en: "indicator ‘\(indicator.name)’ has no value")
            }
            // Appended in place: the project's indicators are not copied for each row.
            if group == 0 { project.indicators.append(indicator) } else { secondIndicators.append(indicator) }
            lastIndicatorRow = (hasValue, indicator.level1.utf8Contains("满意") || indicator.level2.utf8Contains("满意"))
        case .continuation(let target)?:
            let isEmpty = group == 0 ? project.indicators.isEmpty : secondIndicators.isEmpty
            if isEmpty {
                doc.diagnose(.warning, line: row.line, code: "value-without-indicator", "指标值上方没有指标",
                             en: "values with no indicator above them")
            } else if group == 0 {
                project.indicators[project.indicators.count - 1].targets.append(target)
            } else {
                secondIndicators[secondIndicators.count - 1].targets.append(target)
            }
        case .categoryOnly?:
            project.structuralLines.append(contentsOf: row.lines)
            lastIndicatorRow = (false, false)
        case .valuesWithoutIndicator(let values)?:
            let category = [reader.level1, reader.level2].filter { !$0.isEmpty }.joined(separator: " / ")
            let values = values.map { "‘\($0)’" }.joined(separator: "、")
            doc.diagnose(.warning, line: row.line, code: "value-without-indicator",
                         "指标值\(values)没有指标名称\(category.isEmpty ? "" : "（在 \(category) 下）")；不作为指标读取",
                         en: "value \(values) has no indicator name\(category.isEmpty ? "" : " (under \(category))"); not read as an indicator")
            project.structuralLines.append(contentsOf: row.lines)
        case nil:
            break
        }
    }

    /// The second group's indicators after the first's, the year's first: an indicator of the
    /// other term with the same name as one of the year's is another target of it (its term
    /// said); one of its own is an indicator whose targets say their term.
    private mutating func mergeSecondGroup(into doc: inout DocumentResult) {
        guard secondGroup != nil else { return }
        defer { secondGroup = nil; secondIndicators = [] }
        guard !secondIndicators.isEmpty else { return }
        // Which group is the year's: the goals' order says (`中期目标 | 年度目标`), else the first.
        let firstIsYear = goalTerms.first.map { $0 == "年度" } ?? true
        let otherTerm = goalTerms.first { $0 != "年度" } ?? "中期"
        if goalTerms.isEmpty, let line = project.indicatorColumns.headerLine {
            doc.diagnose(.warning, line: line, code: "indicator-term-unknown",
                         "指标表有两组指标列，表中没有说明哪一组是年度指标：按第一组为年度、第二组为中期读取",
                         en: "the indicator table has two groups of columns and does not say which is the year's: the first is read as the year's, the second as 中期")
        }
        var year = firstIsYear ? project.indicators : secondIndicators
        var other = firstIsYear ? secondIndicators : project.indicators
        for i in other.indices { for t in other[i].targets.indices { other[i].targets[t].term = otherTerm } }
        var own: [Indicator] = []
        for indicator in other {
            // The same indicator under a category each group names its own way
            // (`时效指标(工期指标)`, `时效指标(工期指标、形象进度指标)`).
            if let k = year.firstIndex(where: { $0.name == indicator.name && ($0.level2 == indicator.level2 || LabelText.key($0.level2) == LabelText.key(indicator.level2)) }) {
                year[k].targets.append(contentsOf: indicator.targets)
            } else {
                own.append(indicator)
            }
        }
        project.indicators = year + own
    }
}
