// Reading one document: bytes → lines and cmark blocks → layout → projects and diagnostics.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one converted form into projects, annex, overall goals and diagnostics.
///
/// Never throws and never traps on content: empty, binary, non-UTF-8 or
/// unrecognised documents yield an error diagnostic naming the file.
public enum DocumentReader {
    public static func read(path: String, bytes: [UInt8]) -> DocumentResult {
        var doc = DocumentResult(path: path)
        // The publisher's front matter (source_url, date) is read and left as empty lines.
        let bytes = isWordFile(path) ? bytes : FrontMatter.read(bytes, into: &doc)
        if isWordFile(path) {
            // A Word file is read as it is: no converter between the form and the model.
            switch DocxReader.blocks(of: bytes) {
            case .failure(let problem):
                doc.diagnose(problem.severity, line: problem.line, column: problem.column, code: problem.code,
                             problem.message.zh, en: problem.message.en)
                return doc
            case .success(let reading):
                read(reading, into: &doc)
                return doc
            }
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            doc.diagnose(.error, line: 1, code: "empty-document", "文档是空的", en: "document is empty")
            return doc
        }
        if let problem = Encoding.problem(in: bytes) {
            doc.diagnose(.error, line: problem.line, code: problem.code, problem.message.zh, en: problem.message.en)
            return doc
        }
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        let spam = PageText.removingSpam(text)
        if !spam.removed.isEmpty {
            // A mirror's injected advertisements are no part of any value.
            text = spam.bytes
            for r in spam.removed {
                doc.diagnose(.note, line: r.line, code: "spam-removed", "删去了镜像网站注入的垃圾文字‘\(r.term)’",
                             en: "removed text a mirror site injected: ‘\(r.term)’")
            }
        }
        if let cleaned = Script.withoutPinyin(text) {
            // A mirror's pinyin after characters (`項(xiàng)目`) is no part of any label or value.
            text = cleaned.bytes
            doc.diagnose(.note, line: cleaned.firstLine, code: "pinyin-removed",
                         "删去了镜像网站在字后加注的拼音（\(cleaned.removed) 处，如‘项(xiàng)目’）",
                         en: "removed the pinyin a mirror site wrote after characters (\(cleaned.removed), as in ‘项(xiàng)目’)")
        }
        if let simplified = Script.simplified(text) {
            // A 繁體 page (a mirror, a site's traditional version): read in the script the form
            // and the vocabulary are written in.
            text = simplified.bytes
            doc.diagnose(.note, line: simplified.firstLine, code: "traditional-script",
                         "文档用繁体字写成：按简体读取（\(simplified.changed) 个字转成简体，发布的名称和文字也是简体）",
                         en: "the document is written in traditional script: read in simplified (\(simplified.changed) characters converted; names and text are published in simplified)")
        }
        // `Encoding.problem` found the bytes valid UTF-8 (without its BOM, still).
        let source = SourceText(path: path, validUTF8: text)

        // A text whose last character closes no cell (`|`) nor tag (`>`) may stop inside a cell.
        let lastIndex = text.lastIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let last = lastIndex.map { text[$0] }
        // And one whose last line is a `|` row left open, under rows closed with `|`, stops
        // inside its last cell.
        let lineStart = lastIndex.flatMap { i in text[..<i].lastIndex(of: 0x0A).map { $0 + 1 } } ?? 0
        let previousEnd = text[..<lineStart].lastIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let endsInsidePipeRow = lastIndex.map { i in last != 0x7C && text[lineStart...i].contains(0x7C) } == true
            && previousEnd.map { text[$0] == 0x7C } == true
        read(MarkdownBlocks.read(source), into: &doc, mayEndInsideCell: last != 0x7C && last != 0x3E, endsInsidePipeRow: endsInsidePipeRow)
        if LaidOutText.isPlainPDFText(source) { leaveOutIndicators(&doc) }
        return doc
    }

    /// Plain `pdftotext` writes a table's cells in reading order, one column block after another,
    /// a long cell wrapped onto lines of its own beside the next cells (`职(创)业培训合格 ≥95%` /
    /// `率`): which value is which indicator's cannot be told (of 81 indicators read from the
    /// seeds so, 72 had a name or value out of place). Its projects' names and amounts are read;
    /// its indicators are left out, each project's said once.
    private static func leaveOutIndicators(_ doc: inout DocumentResult) {
        for p in doc.projects.indices where !doc.projects[p].indicators.isEmpty {
            let count = doc.projects[p].indicators.count
            let line = doc.projects[p].indicatorColumns.headerLine ?? doc.projects[p].indicators[0].line
            doc.diagnose(.warning, line: line, code: "pdf-text-indicators-unread",
                         "项目‘\(doc.projects[p].name)’的指标表来自 pdftotext 的文字（没有 -layout），单元格按列拆开，无法确定每个指标的名称和数值：\(count) 个指标未读取；请用 Word 文件或 pdftotext -layout",
                         en: "the indicator table of ‘\(doc.projects[p].name)’ comes from pdftotext's text (without -layout), which takes a table's columns apart: which name and value belong together cannot be told, so its \(count) indicators are not read; use the Word file or pdftotext -layout")
            doc.projects[p].indicators = []
        }
    }

    /// Whether a cell is empty or the web page's own (`浏览量:1`, `发布单位:区教育局`, `字号:`).
    static func isPageCell(_ cell: String) -> Bool {
        if cell.isEmpty || Vocabulary.current.isPageText(cell) { return true }
        let kind = Labels.field(cell) ?? TableReader.labelAndValue(cell)?.1
        return kind == .pageField || kind == .publisher
    }

    /// Whether a path names a Word file (`.docx`), by its extension.
    static func isWordFile(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".docx")
    }

    /// Reads a document's blocks into projects (whatever syntax they came from).
    private static func read(_ reading: MarkupReading, into doc: inout DocumentResult, mayEndInsideCell: Bool = false, endsInsidePipeRow: Bool = false) {
        for p in reading.problems {
            doc.diagnose(p.severity, line: p.line, column: p.column, code: p.code, p.message.zh, en: p.message.en)
        }
        let items = ProjectList.expand(FormItems.items(of: reading.blocks), into: &doc)
        doc.layout = LayoutDetector.detect(items)
        var reader = FormReader(path: doc.path)
        reader.mayEndInsideCell = mayEndInsideCell
        reader.endsInsidePipeRow = endsInsidePipeRow
        reader.unreadRowLines = reading.problems.filter { $0.code == "laid-out-rows-unread" }.map(\.line)
        // A row of the page's own text (`浏览量:1 | | |`) is no table of the form's.
        reader.hasTables = items.contains {
            if case .row(let row, _) = $0 { return !row.cells.allSatisfy(Self.isPageCell) }
            return false
        }
        let reading = reader.read(items, into: &doc)
        let lookAlike = DocumentKinds.lookAlike(items, doc)
        if let lookAlike, let kept = DocumentKinds.targetForms(beside: lookAlike, items, doc) {
            // Target forms beside a self-evaluation or a monitoring form in one document: the
            // forms published, the other part said as what it is, and nothing of it published.
            let keep = Set(kept.map(\.index))
            let starts = doc.projects.map(\.location.line).sorted()
            var dropped = doc.projects.indices.filter { !keep.contains($0) }.map { i -> Range<Int> in
                let start = doc.projects[i].location.line
                return start..<(starts.first { $0 > start } ?? Int.max)
            }
            for (i, cut) in kept {
                // The look-alike's rows after the form's own: not its indicators.
                guard let cut else { continue }
                let start = doc.projects[i].location.line
                dropped.append(cut..<(starts.first { $0 > start } ?? Int.max))
                doc.projects[i].indicators.removeAll { $0.line >= cut }
            }
            doc.projects = kept.map(\.index).sorted().map { doc.projects[$0] }
            // The document's year said only in the part left out (`## 二、2024年度…自评表`) is not
            // the forms' year.
            if let year = doc.year, !items.contains(where: { item in
                guard case .text(let line, let text, _) = item, !dropped.contains(where: { $0.contains(line) }), !FormText.isOtherKindTitle(text) else { return false }
                return Titles.year(in: text) == year
            }) {
                doc.year = nil
            }
            doc.diagnostics = doc.diagnostics.filter { d in !dropped.contains { $0.contains(d.location.line) } }
            let kind = lookAlike.kind.name
            doc.diagnose(.warning, line: lookAlike.line, code: "not-a-target-form",
                         "文件的这一部分不是绩效目标表，而是\(kind.zh)（\(lookAlike.evidence.zh)）；不发布其中的项目，同一文件中的 \(kept.count) 张绩效目标表照常发布",
                         en: "this part of the file is not a performance targets form but a \(kind.en) (\(lookAlike.evidence.en)); nothing of it is published; the file's \(kept.count) targets form(s) are published")
        } else if let lookAlike {
            // A self-evaluation, an evaluation report, a budget's explanation, a blank template:
            // said as what it is, and nothing of it published.
            doc.projects = []
            doc.annex = nil
            doc.overallGoals = nil
            doc.kind = lookAlike.kind
            doc.evidence = lookAlike.evidence
            doc.diagnostics = doc.diagnostics.filter { $0.code.hasPrefix("html-") || $0.code.hasPrefix("docx-") || $0.code.hasPrefix("table-") }
            let kind = lookAlike.kind.name
            doc.diagnose(.warning, line: lookAlike.line, code: "not-a-target-form",
                         "这不是绩效目标表，而是\(kind.zh)（\(lookAlike.evidence.zh)）；不发布其中的项目",
                         en: "this is not a performance targets form but a \(kind.en) (\(lookAlike.evidence.en)); nothing of it is published")
            return
        }
        guard let evidence = formEvidence(doc, items: items) else {
            // No indicator header and no project named with an amount: not a form. What was
            // read from it is not published (a project is never made up from stray rows).
            let notes = doc.diagnostics.filter { $0.code == "empty-form" }
            doc.projects = []
            doc.annex = nil
            doc.diagnostics = doc.diagnostics.filter { $0.code.hasPrefix("html-") || $0.code.hasPrefix("docx-") || $0.code.hasPrefix("table-") } + notes
            // Labels on lines of their own with their values elsewhere (PDF text writes a table's
            // columns one after the other): said, since pairing them would be a guess.
            let labels = items.compactMap { item -> (Int, String)? in
                if case .text(let line, let text, _) = item, text.utf8.count <= 40, Labels.field(text) != nil { return (line, text) }
                return nil
            }
            if labels.count >= 3 {
                let names = labels.prefix(3).map(\.1).joined(separator: "、")
                doc.diagnose(.error, line: labels[0].0, code: "unrecognised-layout",
                             "找到了表格的栏目（\(names)…），但栏目旁没有可以确定的值（PDF 转出的文字常把一列栏目和一列值分开写）；不按猜测配对，未读取。请用 Word 文件（.docx）或 pdftotext -layout",
                             en: "a form's labels were found (\(names)…) but no value stands beside them for certain (PDF text writes a column of labels, then a column of values); they are not paired by guess, nothing is read. Use the Word file (.docx) or pdftotext -layout")
                return
            }
            doc.diagnose(.error, line: 1, code: "unrecognised-layout",
                         "不是可识别的绩效目标表：没有找到指标表头（一级/二级/三级指标、指标值），也没有带金额的项目名称",
                         en: "not a recognised form: no indicator header (一级/二级/三级指标, 指标值) and no project name with an amount was found")
            return
        }
        doc.evidence = evidence.reason
        finish(&doc, publisher: reading.publisher, titleDepartment: reading.titleDepartment)
    }

    /// Why a document holds a form: an indicator table's header, or a project with a name (from
    /// a 项目名称 label or its title) and an amount; nil when it has neither.
    static func formEvidence(_ doc: DocumentResult, items: [FormItem] = []) -> (line: Int, reason: Localized)? {
        for p in doc.projects {
            if let header = p.indicatorColumns.headerLine {
                // The header's own cells, as the publisher sees them in the form (`一级指标/二级指标/
                // 三级指标/指标值`), when the row is at hand.
                var labels: [String] = []
                for case .row(let row, _) in items where row.line <= header && header <= row.lastLine {
                    for cell in row.cells where !cell.isEmpty && cell.utf8.count <= 40 && !labels.contains(cell) {
                        labels.append(cell)
                    }
                    break
                }
                let shown = labels.prefix(6).joined(separator: "/") + (labels.count > 6 ? "…" : "")
                return labels.isEmpty
                    ? (header, Localized(zh: "指标表头，第\(header)行", en: "indicator header, line \(header)"))
                    : (header, Localized(zh: "\(shown) 表头，第\(header)行", en: "header \(shown), line \(header)"))
            }
        }
        for p in doc.projects where !p.name.isEmpty && (p.amount != nil || p.totalAmount != nil) {
            let line = p.location.line
            return (line, Localized(zh: "项目名称与金额，第\(line)行", en: "project name and amount, line \(line)"))
        }
        // A form cut before its amount: a project's name with its department or unit beside it.
        for p in doc.projects where !p.name.isEmpty && (p.rawDepartment != nil || p.unit != nil) {
            let line = p.location.line
            return (line, Localized(zh: "项目名称与主管部门，第\(line)行", en: "project name and department, line \(line)"))
        }
        return nil
    }

    /// Document-level fill-in and checks after the layout reader ran.
    private static func finish(_ doc: inout DocumentResult, publisher: (name: String, line: Int)? = nil, titleDepartment: (name: String, line: Int)? = nil) {
        if doc.projects.isEmpty {
            doc.diagnose(.error, line: 1, code: "no-projects", "绩效目标表中没有项目", en: "a form with no project in it")
        }
        var unnamed: [Int] = []
        for i in doc.projects.indices {
            var p = doc.projects[i]
            let line = p.location.line
            if p.name.isEmpty {
                // A name is never made up: what has none is said and not published.
                let amount = p.amount.map { Localized(zh: "（其金额 \($0.wanString) 万元未计入）", en: " (its amount of \($0.wanString) 万元 is not counted)") }
                doc.diagnose(.error, line: line, code: "missing-name", "这一项目没有名称（既无标题也无“项目名称”），不发布\(amount?.zh ?? "")",
                             en: "a project with no name (no title and no 项目名称) is not published\(amount?.en ?? "")")
                unnamed.append(i)
                continue
            }
            // C tables write `2024_就业见习服务`: the name is the part after the year.
            if let underscore = p.name.firstIndex(of: "_"), p.name[..<underscore].count == 4,
                p.name[..<underscore].allSatisfy(\.isNumber)
            {
                let raw = p.name
                p.name = String(p.name[p.name.index(after: underscore)...])
                if !p.otherNames.contains(raw) { p.otherNames.append(raw) }
            }
            // A heading `…项目` also goes by its name without `项目`.
            for other in p.otherNames where other.utf8HasSuffix("项目") && other.scalarCount > 4 {
                let base = String(other.dropLast(2))
                if base != p.name, !p.otherNames.contains(base) { p.otherNames.append(base) }
            }
            let name = p.name
            p.otherNames.removeAll { $0 == name }
            // (A place the page's heading names — `分宜县2025年部门项目绩效目标公开`, the county's
            // page of every department's forms — is who published it, not the project's
            // department, when the project names its unit, a body of that place: `单位名称 |
            // 分宜县林业局`. A unit not named after it — `示范区脱贫衔接办` under `周口市城乡一体化示范区`
            // — is the place's own office: the place stands.)
            let unitOfPlace = { (place: String) -> Bool in
                guard let unit = p.unit.map(Departments.stripCode) else { return false }
                // (A bureau or commission of the place; a hospital, a school or a centre is a
                // unit under some department, which it does not name.)
                return unit.count > place.count && unit.hasPrefix(place) && Titles.looksLikeDepartment(unit)
                    && ["局", "委", "委员会", "办", "办公室", "厅"].contains(where: { unit.utf8HasSuffix($0) })
            }
            if p.rawDepartment == nil, let d = doc.department, !(Titles.looksLikePlace(d) && !Titles.looksLikeDepartment(d) && unitOfPlace(d)) {
                p.rawDepartment = d
            }
            let fromTitle = { (p: inout Project, doc: inout DocumentResult) in
                // No 主管部门: the department the title names before its year (`[066]某县司法局2025年
                // 项目支出绩效目标表`), over the unit (`实施单位 | 某县法律援助中心`, one of its units).
                // (A government's title — `某县人民政府2025年重点民生项目…` — heads its departments'
                // forms: their units go first.)
                guard p.rawDepartment == nil, let titleDepartment else { return }
                p.rawDepartment = titleDepartment.name
                doc.diagnose(.note, line: titleDepartment.line, code: "department-from-title",
                             "项目‘\(p.name)’没有写主管部门，按表题中的‘\(titleDepartment.name)’归集",
                             en: "project ‘\(p.name)’ names no 主管部门; grouped under ‘\(titleDepartment.name)’ of its title")
            }
            let titleIsGovernment = titleDepartment?.name.utf8HasSuffix("政府") == true
            if !titleIsGovernment { fromTitle(&p, &doc) }
            if p.rawDepartment == nil, let unit = p.unit {
                // No 主管部门: the unit that owns the budget (预算单位, 申报单位, 实施单位) stands for it.
                p.rawDepartment = Departments.stripCode(unit)
                doc.diagnose(.note, line: line, code: "department-from-unit",
                             "项目‘\(p.name)’没有写主管部门，按其单位‘\(unit)’归集",
                             en: "project ‘\(p.name)’ names no 主管部门; grouped under its unit ‘\(unit)’")
            }
            fromTitle(&p, &doc)
            if p.rawDepartment == nil, let publisher {
                // Neither a 主管部门 nor a unit: the web page's publisher (信息来源, 发布机构).
                p.rawDepartment = Departments.stripCode(publisher.name)
                doc.diagnose(.note, line: publisher.line, code: "department-from-publisher",
                             "项目‘\(p.name)’没有写主管部门或单位，按网页的发布者‘\(publisher.name)’归集",
                             en: "project ‘\(p.name)’ names no 主管部门 or unit; grouped under the page's publisher ‘\(publisher.name)’")
            }
            if p.year == nil { p.year = doc.year }
            if p.year == nil, let year = Titles.year(in: p.name) {
                // No year stated but the project's own name's (`2018年市级专项扶贫资金…`).
                p.year = year
                doc.diagnose(.note, line: line, code: "year-from-name", "项目‘\(p.name)’没有写年度，按其名称读作\(year)年",
                             en: "project ‘\(p.name)’ states no year; read as \(year) from its name")
            }
            if p.year == nil, let period = p.period, let year = Titles.year(inPeriod: period) {
                // No year stated: the period lies within one (`2022年1月—12月`, `20191`–`201912`).
                p.year = year
                doc.diagnose(.note, line: line, code: "year-from-period", "项目‘\(p.name)’没有写年度，按其项目期‘\(period)’读作\(year)年",
                             en: "project ‘\(p.name)’ states no year; read as \(year) from its period ‘\(period)’")
            }
            if p.amount == nil, let total = p.totalAmount { p.amount = total }
            if p.amount == nil {
                doc.diagnose(.error, line: line, code: "missing-amount", "项目‘\(p.name)’没有金额（项目总金额、年度资金总额或预算数）",
                             en: "project ‘\(p.name)’ has no amount (项目总金额 / 年度资金总额 / 预算数)")
            }
            if p.year == nil {
                doc.diagnose(.error, line: line, code: "missing-year", "项目‘\(p.name)’的标题和文档中都没有年度",
                             en: "project ‘\(p.name)’ has no year in its title or document")
            }
            if p.rawDepartment == nil {
                doc.diagnose(.error, line: line, code: "missing-department", "项目‘\(p.name)’没有部门（无“主管部门”，也无标题行）",
                             en: "project ‘\(p.name)’ has no department (主管部门 or a title line)")
            }
            if p.indicators.isEmpty {
                doc.diagnose(.warning, line: line, code: "no-indicators", "项目‘\(p.name)’没有绩效指标（表格不完整？）",
                             en: "project ‘\(p.name)’ has no indicators (truncated form?)")
            } else if !p.indicators.contains(where: { $0.level1.utf8Contains("满意") || $0.level2.utf8Contains("满意") }),
                      p.indicators.contains(where: { !$0.level1.isEmpty || !$0.level2.isEmpty }) {
                // (A flat list names no categories: nothing says where it should end.)
                let last = p.indicators[p.indicators.count - 1].line
                doc.diagnose(.warning, line: last, code: "incomplete-indicators",
                             "项目‘\(p.name)’的指标表在满意度指标之前就结束了（表格不完整？）",
                             en: "project ‘\(p.name)’: the indicator table ends before any 满意度指标 (truncated form?)")
            }
            doc.projects[i] = p
        }
        for i in unnamed.reversed() { doc.projects.remove(at: i) }
        reconcileYear(with: pathYear(doc.path), &doc)
        if doc.year == nil { doc.year = doc.projects.compactMap(\.year).first }
        if doc.department == nil { doc.department = doc.projects.compactMap(\.rawDepartment).first }
        for p in doc.projects {
            if let unit = p.unit { doc.departmentSpellings.append(unit) }
            if let d = p.rawDepartment { doc.departmentSpellings.append(d) }
        }
        if let d = doc.department { doc.departmentSpellings.append(d) }
    }
}

/// The year a publisher filed a document under: a file name starting with it
/// (`2020-人社专职协理员工作经费.md`, `2020.md`) or a folder named by it (`2020/`).
func pathYear(_ path: String) -> Int? {
    let parts = path.split(separator: "/")
    guard let file = parts.last else { return nil }
    func leadingYear(_ s: Substring) -> Int? {
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 4, let y = Int(digits), (1990...2099).contains(y) else { return nil }
        let rest = s.dropFirst(4)
        guard rest.isEmpty || "-_.年 ".contains(rest.first!) else { return nil }
        return y
    }
    if let y = leadingYear(file) { return y }
    if parts.count >= 2, let y = leadingYear(parts[parts.count - 2]), parts[parts.count - 2].count == 4 { return y }
    return nil
}

/// When every project of a document has one year and the file is filed under another,
/// the publisher's filing wins, with a warning naming both.
func reconcileYear(with filed: Int?, _ doc: inout DocumentResult) {
    guard let filed else { return }
    let years = Set(doc.projects.compactMap(\.year))
    guard years.count == 1, let read = years.first, read != filed else { return }
    let line = doc.projects.first?.location.line ?? 1
    doc.diagnose(.warning, line: line, code: "year-mismatch",
                 "文档写的是\(read)年，但文件名归在\(filed)年；按\(filed)年发布",
                 en: "the document says \(read) but is filed as \(filed) (its file name); published under \(filed)")
    for i in doc.projects.indices { doc.projects[i].year = filed }
    doc.year = filed
}

/// Which of the known layouts a document's form is, from its titles and labels (whatever
/// syntax its tables were written in).
enum LayoutDetector {
    /// Labels in table cells and titles in text, with the layout and weight each one votes for.
    private static let cellSignals: [(String, Layout, Int)] = [
        ("主管部门及代码", .c, 2), ("本年度项目金额", .b, 2), ("绩效支出明细", .b, 1), ("项目总金额", .a, 1),
        ("资金支出计划（%）", .d, 2), ("预算规模及资金用途", .d, 1),
    ]
    private static let textSignals: [(String, Layout, Int)] = [
        ("申报表", .a, 2), ("市级财政项目支出预算绩效目标表", .b, 2), ("部门项目及绩效目标情况", .c, 2),
        ("绩效目标公开清单", .c, 2), ("项目绩效目标表", .d, 1),
    ]

    /// The cells' signals, each cell scanned once for all of them; a cell shorter than the
    /// shortest holds none.
    private static let cellWords = NeedleSet(cellSignals.map(\.0))
    private static let shortestCellSignal = cellSignals.map(\.0.utf8.count).min() ?? 0

    static func detect(_ items: [FormItem]) -> Layout? {
        var votes: [Layout: Int] = [:]
        for item in items {
            switch item {
            case .row(let row, _):
                for cell in row.cells where cell.utf8.count >= shortestCellSignal && cell.utf8.count <= 30 {
                    for k in cellWords.found(in: cell) {
                        votes[cellSignals[k].1, default: 0] += cellSignals[k].2
                    }
                }
            case .text(_, let text, _):
                for (pattern, layout, weight) in textSignals where text.utf8Contains(pattern) {
                    votes[layout, default: 0] += weight
                }
            case .blank:
                break
            }
        }
        for layout in [Layout.d, .c, .b, .a] where votes[layout, default: 0] >= 2 {
            return layout
        }
        return nil
    }
}

/// Text encoding checks: binary files and non-UTF-8 text are reported, not guessed at.
enum Encoding {
    struct Problem {
        var line: Int
        var code: String
        var message: Localized
    }

    static func problem(in bytes: [UInt8]) -> Problem? {
        // One pass without branches counts the control bytes (all but tab, LF, FF and CR); the
        // line of a NUL is counted only when there is one.
        let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D
        let control: UInt32 = ~allowed
        var controls = 0
        var nul: Int?
        bytes.withUnsafeBufferPointer { buf in
            func count(_ b: UInt8) { controls &+= Int(truncatingIfNeeded: (control >> UInt32(b & 31)) & (b < 0x20 ? 1 : 0)) }
            // Eight bytes at a time: a word with no byte under 0x20 (most: a line break every
            // few dozen bytes) is passed over whole.
            let words = buf.count / 8
            if let base = buf.baseAddress {
                let raw = UnsafeRawPointer(base)
                for w in 0..<words {
                    let x = raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
                    guard (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 != 0 else { continue }
                    for b in buf[(w * 8)..<(w * 8 + 8)] { count(b) }
                }
            }
            for b in buf[(words * 8)...] { count(b) }
            if let base = buf.baseAddress, let hit = memchr(base, 0, buf.count) {
                nul = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
        }
        if let nul {
            let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return Problem(line: line, code: "binary-file", message: Localized(
                zh: "二进制文件（含 NUL 字节），不是转换后的表格", en: "binary file (contains NUL bytes), not a converted form"))
        }
        if controls > max(8, bytes.count / 100) {
            return Problem(line: 1, code: "binary-file", message: Localized(
                zh: "二进制文件（\(controls) 个控制字节），不是转换后的表格", en: "binary file (\(controls) control bytes), not a converted form"))
        }
        // Only when the bytes are not UTF-8 are they walked again, to find the first bad line.
        if bytes.isValidUTF8 { return nil }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var badLine = 1
        var currentLine = 1
        var bad = 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                if s == "\n" { currentLine += 1 }
            case .emptyInput:
                break loop
            case .error:
                if bad == 0 { badLine = currentLine }
                bad += 1
            }
        }
        if bad > 0 {
            return Problem(line: badLine, code: "not-utf8", message: Localized(
                zh: "不是 UTF-8 文本（\(bad) 处无效字节，第一处在本行）；请先转换编码，例如 `iconv -f GB18030 -t UTF-8`",
                en: "not UTF-8 text (\(bad) invalid byte sequence(s), first on this line); convert it, e.g. `iconv -f GB18030 -t UTF-8`"))
        }
        return nil
    }
}
