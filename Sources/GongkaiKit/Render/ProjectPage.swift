// A project's page: its facts and money, narrative, indicators and history, with the document
// it was read from and that document's original.

extension Pages {
    static func project(_ ctx: PageContext, _ entry: SiteIndex.DepartmentYearEntry, index i: Int) -> PageView {
        let dy = entry.departmentYear
        let p = dy.projects[i]
        let path = entry.projectPaths[i]
        let root = PageContext.root(of: path)
        var fields: TemplateObject = [
            "name": .string(p.name),
            "otherNames": .string(p.otherNames.joined(separator: "；")),
            "hasOtherNames": .bool(!p.otherNames.isEmpty),
            "department": .string(dy.department),
            // The 主管部门 as the form writes it, when it differs from the name the site uses
            // (`江阴市人社局`): shown, so that a search for it finds the page that shows it.
            "departmentAsWritten": .string(p.rawDepartment.flatMap { $0 == dy.department ? nil : $0 }),
            "departmentHref": .string(ctx.href(entry.departmentPath, from: root)),
            "year": .string(String(dy.year)),
            "yearHref": .string(ctx.href(entry.path, from: root)),
            "unit": .string(p.unit),
            "code": .string(p.code),
            "period": .string(p.period),
            "origin": .string(p.source),
            "amount": .string(p.amount?.groupedWan ?? "—"),
            // In 元 only when the unit is sure: a conversion would present the 万元 reading as fact.
            "amountYuan": .string(p.amountUnitUnstated ? nil : p.amount?.groupedYuan),
            "amountUnitUnstated": .bool(p.amountUnitUnstated),
            // The form wrote the amount in 元 (shown in 万元 here, exactly).
            "amountInYuan": .bool(p.amount != nil && p.amountUnit == .yuan),
            "amountInYi": .bool(p.amount != nil && p.amountUnit == .yi),
            "incomplete": .bool(p.incomplete),
            "totalAmount": .string(p.totalAmount.flatMap { $0 == p.amount ? nil : $0.groupedWan }),
            // A line that is a part of the one above it (其中, a 小计's numbered parts) says so.
            "funding": .list(p.fundingRows.map { row in
                .object(["label": .string((row.isPart ? "其中：" : "") + row.line.label),
                         "amount": .string(row.line.amount?.groupedWan ?? (row.line.text.isEmpty ? "—" : row.line.text))])
            }),
            "hasFunding": .bool(!p.funding.isEmpty),
            "subItems": .list(p.subItems.map { s in
                .object(["name": .string(s.name), "halfYear": .string(s.halfYear?.groupedYuan ?? "—"), "fullYear": .string(s.fullYear?.groupedYuan ?? "—")])
            }),
            "hasSubItems": .bool(!p.subItems.isEmpty),
            "plan": .list(p.spendingPlan.map { .object(["label": .string($0.label), "share": .string($0.share)]) }),
            "hasPlan": .bool(!p.spendingPlan.isEmpty),
            "sections": .list(zip(p.sections, Narrative.html(p.sections.map(\.text))).map { s, html in
                .object(["title": .string(s.title), "html": .string(html), "isGoal": .bool(s.isGoal)])
            }),
            "hasSections": .bool(!p.sections.isEmpty),
            "source": .string("\(ctx.index.paths.of(p.location.file)) 第 \(p.location.line) 行"),
            "document": ctx.document(p.location.file, root: root),
            "indicators": indicatorTable(p),
        ]
        // The same project in the department's other years.
        let history = ctx.index.history[entry.historyGroups[i]]
        fields["history"] = .list(history.map { h in
            let other = ctx.index.departmentYears[h.entry]
            let isCurrent = other.path.utf8Equals(entry.path) && h.project == i
            return .object([
                "year": .string("\(other.departmentYear.year)年"),
                "href": .string(ctx.href(other.projectPaths[h.project], from: root)),
                "amount": .string(other.departmentYear.projects[h.project].amount?.groupedWan ?? "—"),
                "amountUnitUnstated": .bool(other.departmentYear.projects[h.project].amountUnitUnstated),
                "current": .bool(isCurrent),
            ])
        })
        fields["hasHistory"] = .bool(history.count > 1)
        fields["previous"] = i > 0 ? .link(dy.projects[i - 1].name, ctx.href(entry.projectPaths[i - 1], from: root)) : .null
        fields["next"] = i + 1 < dy.projects.count ? .link(dy.projects[i + 1].name, ctx.href(entry.projectPaths[i + 1], from: root)) : .null
        return ctx.page(path: path, title: p.name, headTitle: "\(p.name)（\(dy.department) \(dy.year)年）",
                        description: "\(dy.department) \(dy.year) 年项目“\(p.name)”：预算 \(p.amount?.groupedWan ?? "—") 万元\(p.amountUnitUnstated ? "（单位未注明，按万元读取，未经核实）" : "")，\(p.indicators.count) 项绩效指标。",
                        breadcrumbs: [("首页", "/"), (dy.department, entry.departmentPath), ("\(dy.year)年", entry.path)], fields: fields)
    }

    /// A target without a value: `—`, or what its own columns gave (`未填写（单位：公里）`).
    static func unfilled(_ t: Target) -> String {
        switch (t.op, t.unit) {
        case (nil, nil): "—"
        case (let op?, nil): "未填写（符号：\(op)）"
        case (nil, let unit?): "未填写（单位：\(unit)）"
        case (let op?, let unit?): "未填写（符号：\(op)，单位：\(unit)）"
        }
    }

    /// What a target's value is for, where the form gives an indicator more than one set of
    /// targets: its term (`中期`) or place, and `年度` for the year's beside a 中期/长期 one;
    /// nil where there is nothing to tell apart. `longer`: `hasLongerTerm` of the indicator's
    /// targets (worked out once for all of them).
    static func termLabel(_ t: Target, longer: Bool) -> String? {
        t.term ?? (longer ? "年度" : nil)
    }

    /// Whether one of the targets is for a 中期, 长期 or 实施期 (no array of the three made per call).
    static func hasLongerTerm(_ targets: [Target]) -> Bool {
        targets.contains { t in t.term.map { $0 == "中期" || $0 == "长期" || $0 == "实施期" } ?? false }
    }

    /// The indicator table with 一级/二级 cells merged over the rows they cover.
    static func indicatorTable(_ p: Project) -> V {
        let indicators = p.indicators
        var rows: [V] = []
        rows.reserveCapacity(indicators.count)
        var i = 0
        while i < indicators.count {
            var end1 = i
            while end1 < indicators.count && indicators[end1].level1 == indicators[i].level1 { end1 += 1 }
            var j = i
            while j < end1 {
                var end2 = j
                while end2 < end1 && indicators[end2].level2 == indicators[j].level2 { end2 += 1 }
                for k in j..<end2 {
                    // Read in place: a copy of the indicator would retain and release each of its strings.
                    let targets = indicators[k].targets
                    // Each value parsed (looked up) once for the two lists that show it.
                    let values = targets.map { t in t.value.map { TargetValueParser.parsed($0).display } }
                    let longer = hasLongerTerm(targets)
                    rows.append(.object([
                        "level1": k == i ? .object(["text": .string(indicators[k].level1.isEmpty ? "—" : indicators[k].level1), "rowspan": .int(end1 - i)]) : .null,
                        "level2": k == j ? .object(["text": .string(indicators[k].level2.isEmpty ? "—" : indicators[k].level2), "rowspan": .int(end2 - j)]) : .null,
                        "name": .string(indicators[k].name),
                        "description": .string(indicators[k].description ?? ""),
                        "halfYear": .strings(targets.map { $0.halfYear.map { TargetValueParser.parsed($0).display } ?? "—" }),
                        "values": .strings(values.map { $0 ?? "—" }),
                        // The same values with what each is for (`中期`, a place), where the form says.
                        "targets": .list(targets.indices.map { t in
                            .object(["text": .string(values[t] ?? unfilled(targets[t])),
                                     "term": .string(termLabel(targets[t], longer: longer))])
                        }),
                        "basis": .string(indicators[k].basis ?? ""),
                    ]))
                }
                j = end2
            }
            i = end1
        }
        return .object([
            "rows": .list(rows),
            "count": .int(indicators.count),
            "hasRows": .bool(!indicators.isEmpty),
            "hasHalfYear": .bool(p.indicatorColumns.halfAndFullYear),
            "hasDescription": .bool(p.indicatorColumns.description),
            "hasBasis": .bool(p.indicatorColumns.basis),
            // The form has a second set of targets (中期/长期, or a value column per place).
            "hasTerms": .bool(indicators.contains { $0.targets.contains { $0.term != nil } }),
        ])
    }
}
