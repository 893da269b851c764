// What the search index knows about a project: every text its page shows, and the values results show.

/// One project as the search index sees it: the texts its page shows, each a cell of its own
/// (no match spans two cells), in the order of the fields a search ranks by.
struct SearchDocument: Sendable {
    /// What a cell is, in the order results are ranked by: a match in the project's name first,
    /// then in the department's and the indicators' names, then in the narrative, then anywhere
    /// else on the page (money lines, values, codes, dates).
    enum Field: UInt8, CaseIterable, Sendable {
        case name = 0, label, narrative, other
    }

    /// A cell: where its text ends in `text`, and its field.
    struct Cell: Equatable, Sendable {
        var end: Int32
        var field: Field
    }

    /// The project page's path in the site, as routing made it (`/部门/2024/项目.html`).
    var path: String
    var name: String
    var department: String
    var year: Int
    /// The amount results sort by and add up: nil when there is none or its unit is unsure.
    var money: Money?
    /// An amount whose unit no form states (read as 万元, unverified): shown with that said, in
    /// no sum or order by amount.
    var unsureMoney: Money?
    /// Bit i set when the project has an indicator of `kinds[i]`.
    var kinds: UInt8
    /// The UTF-8 of every cell's text, one after another: the name first, then the cells of
    /// each field in `Field` order. Empty in a document made `withText: false`.
    var text: [UInt8] = []
    var cells: [Cell] = []
    /// The project's digest hash, when the build has one: it stands for the text in `hash`.
    var projectHash: UInt64?

    static let kinds: [IndicatorKind] = IndicatorKind.allCases.filter { $0 != .other }

    /// Bit i set when the project has an indicator of `kinds[i]`.
    static func kinds(of p: Project) -> UInt8 {
        var kinds: UInt8 = 0
        for indicator in p.indicators {
            if let i = Self.kinds.firstIndex(of: indicator.kind) { kinds |= 1 << UInt8(i) }
        }
        return kinds
    }

    /// `withText: false` leaves the cells out (and the project's details undecoded); only for
    /// a project with a digest, whose hash then stands for them.
    init(_ p: Project, department: String, year: Int, path: String, withText: Bool = true) {
        self.path = path
        self.name = p.name
        self.department = department
        self.year = year
        self.money = p.amountUnitUnstated ? nil : p.amount
        self.unsureMoney = p.amountUnitUnstated ? p.amount : nil
        self.kinds = p.digest?.kinds ?? Self.kinds(of: p)
        self.projectHash = p.digest?.hash
        guard withText || projectHash == nil else { return }
        text.reserveCapacity(4096)
        cells.reserveCapacity(64)
        // What templates/project.mustache shows, field by field (Pages.project makes its view).
        add(p.name, .name)
        if !p.otherNames.isEmpty { add(p.otherNames.joined(separator: "；"), .name) }

        add(department, .label)
        if let raw = p.rawDepartment, raw != department { add(raw, .label) }
        if let unit = p.unit { add(unit, .label) }
        // Indicators are read in place, by index: a copy of one retains and releases each of its strings.
        let indicators = p.indicators
        for k in indicators.indices {
            // The table shows a run of rows' 一级 and 二级 once: a cell each.
            let newLevel1 = k == 0 || indicators[k].level1 != indicators[k - 1].level1
            if newLevel1 { add(indicators[k].level1.isEmpty ? "—" : indicators[k].level1, .label) }
            if newLevel1 || indicators[k].level2 != indicators[k - 1].level2 { add(indicators[k].level2.isEmpty ? "—" : indicators[k].level2, .label) }
            add(indicators[k].name, .label)
        }

        for s in p.sections {
            add(s.title, .narrative)
            // Paragraphs and list items, as Narrative.html shows them.
            s.text.withUTF8Bytes { bytes in
                Narrative.forEachBlock(bytes) { block in
                    text.append(contentsOf: block)
                    end(.narrative)
                }
            }
        }

        add(String(year), "年", .other)
        if let code = p.code { add(code, .other) }
        if let period = p.period { add(period, .other) }
        if let source = p.source { add(source, .other) }
        // The page's 来源文件: the document's name.
        let file = p.location.file.utf8
        add(Substring(file.lastIndex(of: 0x2F).map { file[file.index(after: $0)...] } ?? file[...]), .other)
        add(p.amount?.wanString ?? "—", " 万元", .other)
        if let total = p.totalAmount, total != p.amount { add(total.wanString, " 万元", .other) }
        for f in p.funding {
            add(f.label, .other)
            add(f.amount?.wanString ?? (f.text.isEmpty ? "—" : f.text), .other)
        }
        for s in p.subItems {
            add(s.name, .other)
            add(s.halfYear?.yuanString ?? "—", .other)
            add(s.fullYear?.yuanString ?? "—", .other)
        }
        for point in p.spendingPlan {
            add(point.label, .other)
            add(point.share, .other)
        }
        let columns = p.indicatorColumns
        for k in indicators.indices {
            if columns.description, let d = indicators[k].description { add(d, .other) }
            let targets = indicators[k].targets
            let longer = Pages.hasLongerTerm(targets)
            for t in targets.indices {
                if columns.halfAndFullYear { add(targets[t].halfYear.map { TargetValueParser.parsed($0).display } ?? "—", .other) }
                // As the page's value cell shows it: what it is for (`中期：`), then the value
                // (or what its own columns gave, `未填写（单位：公里）`), as one cell.
                if let term = Pages.termLabel(targets[t], longer: longer) {
                    text.append(contentsOf: term.utf8)
                    text.append(contentsOf: "：".utf8)
                }
                add(targets[t].value.map { TargetValueParser.parsed($0).display } ?? Pages.unfilled(targets[t]), .other)
            }
            if columns.basis, let b = indicators[k].basis { add(b, .other) }
        }
    }

    /// A document of these cells (the update rebuilds a previous document's keys from the
    /// cells its index entry lists).
    init(cells: [(Field, String)]) {
        path = ""; name = ""; department = ""; year = 0; kinds = 0
        for (field, text) in cells { add(text, field) }
    }

    /// Ends the cell whose text was just appended (an empty one is no cell).
    private mutating func end(_ field: Field) {
        let start = cells.last.map { Int($0.end) } ?? 0
        if text.count > start { cells.append(Cell(end: Int32(text.count), field: field)) }
    }

    private mutating func add(_ s: String, _ field: Field) {
        text.append(contentsOf: s.utf8)
        end(field)
    }

    private mutating func add(_ s: Substring, _ field: Field) {
        text.append(contentsOf: s.utf8)
        end(field)
    }

    private mutating func add(_ s: String, _ suffix: StaticString, _ field: Field) {
        text.append(contentsOf: s.utf8)
        suffix.withUTF8Buffer { text.append(contentsOf: $0) }
        end(field)
    }

    /// Calls `body` with each cell's field and UTF-8, in order.
    func forEachCell(_ body: (Field, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try text.withUnsafeBufferPointer { all in
            var start = 0
            for c in cells {
                try body(c.field, UnsafeBufferPointer(rebasing: all[start..<Int(c.end)]))
                start = Int(c.end)
            }
        }
    }

    /// Each cell's text, with its field (for tests and the update).
    var cellTexts: [(Field, String)] {
        var out: [(Field, String)] = []
        forEachCell { field, bytes in out.append((field, String(decoding: bytes, as: UTF8.self))) }
        return out
    }

    /// The amount as results show it (万元), or "".
    /// The amount as a result shows it (`625.39`, followed by 万元), `53.60（单位未注明）` when
    /// its unit is unsure, or empty.
    var amount: String { money?.wanString ?? unsureMoney.map { "\($0.wanString)（单位未注明）" } ?? "" }

    var facet: SearchIndex.Facet { SearchIndex.Facet(department: department, year: year, kinds: kinds) }

    /// A hash of everything the index takes from this document. (The project's digest, when
    /// there is one, stands for its cells; the department's name and the path are not in it.)
    var hash: UInt64 {
        var h = StableHash()
        h.combine(path); h.combine(name); h.combine(department); h.combine(year)
        h.combine(money == nil ? 0 : 1); h.combine(Int(money?.fen ?? 0))
        h.combine(Int(kinds))
        if let unsureMoney { h.combine(-1 - Int(unsureMoney.fen)) }
        if let projectHash {
            h.combine(projectHash)
        } else {
            text.withUnsafeBytes { h.combineWords($0) }
            h.combine(cells.count)
            for c in cells { h.combine(Int(c.end) << 2 | Int(c.field.rawValue)) }
        }
        return h.value
    }
}
