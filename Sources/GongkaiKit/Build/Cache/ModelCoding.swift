// The model in binary: what the build cache stores for each document.

extension BinaryWriter {
    /// A document's summary: `projects`, each project as `projectSummary` writes it followed by
    /// where its details are in the cache file (`DocumentCache.file`).
    mutating func document(_ d: DocumentResult, projects: [[UInt8]]) {
        string(d.path)
        string(d.layout?.rawValue)
        string(d.department)
        array(d.departmentSpellings) { $0.string($1) }
        int(d.year)
        string(d.sourceURL); string(d.date)
        array(projects) { $0.bytes.append(contentsOf: $1) }
        bool(d.annex != nil)
        if let a = d.annex {
            location(a.location)
            array(a.headerLines) { $0.int($1) }
            array(a.rows) { w, r in
                w.string(r.number); w.string(r.name); w.money(r.amount); w.string(r.amountText); w.int(r.line)
            }
        }
        bool(d.overallGoals != nil)
        if let g = d.overallGoals {
            string(g.title)
            location(g.location)
            array(g.sections) { w, s in
                w.string(s.title)
                w.array(s.paragraphs) { $0.string($1) }
                w.array(s.items) { w, i in w.string(i.title); w.string(i.goal); w.string(i.indicator); w.int(i.line) }
                w.int(s.line)
            }
        }
        array(d.diagnostics) { $0.diagnostic($1) }
        // The build's digests, where the projects have them (all or none).
        let digests = d.projects.compactMap(\.digest)
        bool(!digests.isEmpty && digests.count == d.projects.count)
        if !digests.isEmpty && digests.count == d.projects.count { array(digests) { $0.digest($1) } }
    }

    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    /// What lists and totals need of a project, without its details.
    mutating func projectSummary(_ p: Project) {
        string(p.layout.rawValue)
        location(p.location)
        string(p.rawDepartment)
        string(p.unit)
        int(p.year)
        string(p.name)
        array(p.otherNames) { $0.string($1) }
        string(p.code)
        money(p.amount)
        string(p.amountUnit?.rawValue)
        money(p.totalAmount)
        string(p.period)
        string(p.source)
        bool(p.incomplete)
    }

    mutating func details(_ p: ProjectDetails) {
        array(p.funding) { w, f in w.string(f.label); w.money(f.amount); w.string(f.text); w.int(f.line) }
        array(p.subItems) { w, s in w.string(s.name); w.money(s.halfYear); w.money(s.fullYear); w.int(s.line) }
        array(p.spendingPlan) { w, x in w.string(x.label); w.string(x.share); w.int(x.line) }
        array(p.sections) { w, s in w.string(s.title); w.string(s.text); w.int(s.line); w.bool(s.isGoal) }
        bool(p.indicatorColumns.halfAndFullYear); bool(p.indicatorColumns.description); bool(p.indicatorColumns.basis)
        int(p.indicatorColumns.headerLine)
        array(p.indicators) { w, i in
            w.string(i.level1); w.string(i.level2); w.string(i.name)
            w.array(i.targets) { w, t in w.string(t.halfYear); w.string(t.value); w.int(t.line); w.string(t.op); w.string(t.unit); w.string(t.term) }
            w.string(i.description); w.string(i.basis); w.int(i.line)
        }
        array(p.fields) { w, f in w.string(f.label); w.string(f.value); w.int(f.line) }
        array(p.structuralLines) { $0.int($1) }
    }

    mutating func digest(_ d: ProjectDigest) {
        varint(d.hash)
        array(d.findings) { w, f in w.diagnostic(f.diagnostic); w.string(f.note) }
        int(d.indicatorCount)
        int(d.measurableCount)
        int(Int(d.kinds))
    }

    mutating func diagnostic(_ x: Diagnostic) {
        // Both languages: a cached document prints what a read one does.
        string(x.severity.rawValue); location(x.location); string(x.code); string(x.message); string(x.english)
    }
}

extension BinaryReader {
    /// A document's summary; each project's details are read from `details` when first needed.
    mutating func document(details: DocumentCache.DetailsSource) throws -> DocumentResult {
        var d = DocumentResult(path: try string())
        d.layout = try optionalString().flatMap(Layout.init(rawValue:))
        d.department = try optionalString()
        d.departmentSpellings = try array { try $0.string() }
        d.year = try optionalInt()
        d.sourceURL = try optionalString(); d.date = try optionalString()
        var index = 0
        d.projects = try array { r in
            defer { index += 1 }
            return try r.project(details: details, index: index)
        }
        if try bool() {
            let location = try location()
            let headers = try array { try $0.int() }
            let rows = try array { r in
                AnnexRow(number: try r.string(), name: try r.string(), amount: try r.money(), amountText: try r.string(), line: try r.int())
            }
            d.annex = Annex(location: location, headerLines: headers, rows: rows)
        }
        if try bool() {
            let title = try string()
            let location = try location()
            let sections = try array { r in
                OverallSection(
                    title: try r.string(), paragraphs: try r.array { try $0.string() },
                    items: try r.array { r in GoalItem(title: try r.string(), goal: try r.optionalString(), indicator: try r.optionalString(), line: try r.int()) },
                    line: try r.int())
            }
            d.overallGoals = OverallGoals(title: title, sections: sections, location: location)
        }
        d.diagnostics = try array { try $0.diagnostic() }
        if try bool() {
            let digests = try array { try $0.digest() }
            guard digests.count == d.projects.count else { throw Damaged() }
            for i in d.projects.indices { d.projects[i].digest = digests[i] }
        }
        return d
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try sharedString(), line: try int(), column: try optionalInt())
    }

    /// A project of a cache file's summary, whose details are read when first needed.
    mutating func project(details source: DocumentCache.DetailsSource, index: Int) throws -> Project {
        guard let layout = Layout(rawValue: try string()) else { throw Damaged() }
        let location = try location()
        let rawDepartment = try optionalSharedString()
        let unit = try optionalSharedString()
        let year = try optionalInt()
        let name = try string()
        var p = Project(layout: layout, location: location, name: name)
        p.rawDepartment = rawDepartment
        p.unit = unit
        p.year = year
        p.otherNames = try array { try $0.string() }
        p.code = try optionalString()
        p.amount = try money()
        if let unit = try optionalSharedString() {
            guard let known = MoneyUnit(rawValue: unit) else { throw Damaged() }
            p.amountUnit = known
        }
        p.totalAmount = try money()
        p.period = try optionalSharedString()
        p.source = try optionalSharedString()
        p.incomplete = try bool()
        let offset = try int(), length = try int(), checksum = try varint()
        guard offset >= 0, length >= 0 else { throw Damaged() }
        p.detailsBox = ProjectDetailsBox(place: .init(source: source, offset: offset, length: length, checksum: checksum, index: index))
        return p
    }

    mutating func details() throws -> ProjectDetails {
        var p = ProjectDetails()
        p.funding = try array { r in FundingLine(label: try r.string(), amount: try r.money(), text: try r.string(), line: try r.int()) }
        p.subItems = try array { r in SubItem(name: try r.string(), halfYear: try r.money(), fullYear: try r.money(), line: try r.int()) }
        p.spendingPlan = try array { r in PlanPoint(label: try r.string(), share: try r.string(), line: try r.int()) }
        p.sections = try array { r in NarrativeSection(title: try r.string(), text: try r.string(), line: try r.int(), isGoal: try r.bool()) }
        p.indicatorColumns.halfAndFullYear = try bool()
        p.indicatorColumns.description = try bool()
        p.indicatorColumns.basis = try bool()
        p.indicatorColumns.headerLine = try optionalInt()
        p.indicators = try array { r in
            Indicator(level1: try r.string(), level2: try r.string(), name: try r.string(),
                      targets: try r.array { r in
                          Target(halfYear: try r.optionalString(), value: try r.optionalString(), line: try r.int(),
                                 op: try r.optionalString(), unit: try r.optionalString(), term: try r.optionalString())
                      },
                      description: try r.optionalString(), basis: try r.optionalString(), line: try r.int())
        }
        p.fields = try array { r in Field(label: try r.string(), value: try r.string(), line: try r.int()) }
        p.structuralLines = try array { try $0.int() }
        return p
    }

    mutating func digest() throws -> ProjectDigest {
        ProjectDigest(hash: try varint(),
                      findings: try array { r in QualityChecks.Finding(diagnostic: try r.diagnostic(), note: try r.optionalString()) },
                      indicatorCount: try int(), measurableCount: try int(), kinds: UInt8(truncatingIfNeeded: try int()))
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Severity(rawValue: try string()) else { throw Damaged() }
        let location = try location()
        return Diagnostic(severity, location, code: try sharedString(), try sharedString(), en: try sharedString())
    }
}
