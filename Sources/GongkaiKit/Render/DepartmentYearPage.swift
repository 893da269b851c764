// A department-year's page: the project list first (with each project's share), where the money
// goes and where it comes from (charts beside their numbers), what does not add up, the overall
// goals, the 公开清单, the downloads and the documents it was read from.

extension Pages {
    /// Charts show this many bars at most; the smallest parts beyond are one `其他` bar.
    static let chartBars = 15

    /// What this view (and `department`'s) reads from the model must also be hashed in
    /// `SiteRenderer.inputFingerprint`, or a rebuild keeps a page that should have changed.
    static func departmentYear(_ ctx: PageContext, _ entry: SiteIndex.DepartmentYearEntry, notes: [String]) -> PageView {
        let dy = entry.departmentYear
        let root = PageContext.root(of: entry.path)
        // Shares of the projects with an amount whose unit the form states, in tenths of a
        // percent (adding up to 100% of the stated total); an amount whose unit is unsure is
        // listed, marked, but is no part of the total, the shares or the chart.
        let measured = dy.projects.indices.filter { dy.projects[$0].amount != nil && !dy.projects[$0].amountUnitUnstated }
        let unstated = dy.unstated
        let permille = Shares.permille(measured.map { dy.projects[$0].amount! })
        var shareOf: [Int: Int] = [:]
        if let permille { for (k, i) in measured.enumerated() { shareOf[i] = permille[k] } }
        let rows: [V] = dy.projects.indices.map { i in
            .object([
                "number": .int(i + 1),
                "name": .string(dy.projects[i].name),
                "href": .string(ctx.href(entry.projectPaths[i], from: root)),
                "amount": .string(dy.projects[i].amount?.groupedWan ?? "—"),
                "amountValue": .string(dy.projects[i].amount?.wanString ?? ""),
                "amountUnitUnstated": .bool(dy.projects[i].amountUnitUnstated),
                "incomplete": .bool(dy.projects[i].incomplete),
                "share": .string(shareOf[i].map(Shares.text) ?? "—"),
            ])
        }
        let department = ctx.index.departments[entry.departmentIndex]
        var notes = notes + dy.notes
        if unstated.count > 0 {
            notes.append("\(unstated.count) 个项目的表格没有写明金额单位（元或万元）。本站按万元读取为合计 \(unstated.total.groupedWan) 万元，未经核实：这些金额标有“单位未注明”，单独列出，不计入合计、占比和图表。")
        }
        let otherYears: [V] = department.department.years.map { other in
            .link("\(other.year)年", ctx.href(entry.departmentPath + "\(other.year)/", from: root), current: other.year == dy.year)
        }
        // The total the page publishes: the amounts whose unit the forms state.
        let total = dy.statedTotal
        var fields: TemplateObject = [
            "department": .string(dy.department),
            "departmentHref": .string(ctx.href(entry.departmentPath, from: root)),
            "year": .string(String(dy.year)),
            "rows": .list(rows),
            "count": .int(dy.projects.count),
            "total": .string(total.groupedWan),
            "totalYuan": .string(total.groupedYuan),
            "hasShares": .bool(permille != nil),
            "unstated": unstated.count == 0 ? .null : .object([
                "count": .int(unstated.count), "total": .string(unstated.total.groupedWan),
            ]),
            // Every amount the page has is unsure: no stated total to lead with.
            "allUnstated": .bool(measured.isEmpty && unstated.count > 0),
            "otherYears": .list(otherYears),
            "hasOtherYears": .bool(otherYears.count > 1),
            "notes": .strings(notes),
            "hasNotes": .bool(!notes.isEmpty),
            "measurableShare": .string(percent(dy.measurableCount, dy.indicatorCount)),
            "indicatorCount": .int(dy.indicatorCount),
            "qualityHref": .string(root + "quality/"),
            "dataHref": .string(root + "data/"),
            "dataLinks": dataLinks(root: root),
            "sources": .list(dy.files.map { .object(["file": .string(ctx.index.paths.of($0))]) }),
            "documents": .list(dy.files.map { ctx.document($0, root: root) }),
            "published": PageContext.date(ctx.latestDate(dy.files)),
        ]
        if !dy.projects.isEmpty {
            // Beside the page: linked by their names.
            let files = DepartmentYearFiles(pagePath: entry.path)
            func name(_ path: String) -> String { Permalinks.encode(String(path.split(separator: "/").last ?? "")) }
            fields["downloads"] = .list([
                .link("Excel 表格（.xlsx，项目和绩效指标两张表）", name(files.xlsx)),
                .link("项目（CSV）", name(files.projectsCSV)),
                .link("绩效指标（CSV）", name(files.indicatorsCSV)),
                .link("项目和绩效指标（JSON）", name(files.json)),
            ])
        } else {
            fields["downloads"] = .null
        }
        // Where the money goes: the projects by amount, the smallest together.
        let items = measured.map { (label: dy.projects[$0].name, amount: dy.projects[$0].amount!) }
        if let parts = ShareChartParts(items, limit: chartBars, otherLabel: { "其他 \($0) 个项目" }) {
            let largest = parts.parts[0]
            var description = "\(dy.department) \(dy.year)年 \(items.count) 个项目预算合计 \(total.groupedWan) 万元；最多的是“\(largest.label)”，\(largest.amount.groupedWan) 万元，占 \(Shares.text(largest.share))。"
            let missing = dy.projects.count - measured.count - unstated.count
            if missing > 0 { description += "另有 \(missing) 个项目的表格没有写明金额。" }
            if unstated.count > 0 { description += "另有 \(unstated.count) 个单位未注明的金额（按万元读取合计 \(unstated.total.groupedWan) 万元，未经核实）未计入图表。" }
            fields["chart"] = BarChart(id: "chart-projects", title: "\(dy.department) \(dy.year)年资金投向：各项目预算及占比",
                                       description: description, bars: parts.bars()).value
        } else {
            fields["chart"] = .null
        }
        fields["funding"] = funding(dy)
        fields["overallGoals"] = .opt(dy.overallGoals.map(overallGoals))
        fields["annex"] = .opt(dy.annex.map { annexView(ctx, $0, dy: dy, entry: entry, root: root) })
        // An in-page contents list when the page is long.
        var contents: [(String, String)] = [("projects", "项目支出")]
        if !measured.isEmpty && permille != nil { contents.append(("chart-projects", "资金投向")) }
        if case .object = fields["funding"]! { contents.append(("funding", "资金来源")) }
        if !notes.isEmpty { contents.append(("notes", "数据说明")) }
        if dy.annexReconciles == false { contents.append(("annex-notice", "公开清单与项目表不一致")) }
        if dy.overallGoals != nil { contents.append(("overall-goals", dy.overallGoals!.title)) }
        if dy.annex != nil { contents.append(("annex", "项目支出绩效目标公开清单")) }
        contents.append(("data", "下载数据"))
        contents.append(("documents", "来源文件"))
        let long = dy.overallGoals != nil || dy.annex != nil || notes.count > 3 || dy.projects.count > 20
        fields["contents"] = .list(contents.map { .object(["id": .string($0.0), "label": .string($0.1)]) })
        fields["hasContents"] = .bool(long)
        fields["hasDownloads"] = .bool(!dy.projects.isEmpty)
        return ctx.page(path: entry.path, title: "\(dy.department) \(dy.year)年", headTitle: "\(dy.department) \(dy.year)年项目支出与绩效目标",
                        description: "\(dy.department) \(dy.year) 年 \(dy.projects.count) 个项目，预算合计 \(total.groupedWan) 万元" + (unstated.count > 0 ? "（另有 \(unstated.count) 个金额单位未注明，未计入）。" : "。"),
                        breadcrumbs: [("首页", "/"), (dy.department, entry.departmentPath)], fields: fields)
    }

    /// The split by funding source (财政拨款, 上年结转, 其他资金, …) where the forms give it: a
    /// table, and a chart when there are two sources or more.
    static func funding(_ dy: DepartmentYear) -> V {
        var labels: [String] = []
        var totals: [String: Money] = [:]
        var projects = 0
        // Funding of a project whose amount's unit is unsure is as unsure: left out, and said.
        let unsure = dy.projects.filter { $0.amountUnitUnstated && $0.funding.contains { $0.amount != nil } }.count
        // So is a split that does not add up to its project's amount (a part counted beside its
        // whole, a value misread): its lines would put a wrong total on the page.
        var unsplit = 0
        for p in dy.projects where !p.amountUnitUnstated {
            guard let adding = p.fundingThatAddsUp else {
                if p.funding.contains(where: { $0.amount != nil }) { unsplit += 1 }
                continue
            }
            let lines = adding.filter { $0.amount != nil }
            if !lines.isEmpty { projects += 1 }
            for line in lines {
                if totals[line.label] == nil { labels.append(line.label) }
                totals[line.label, default: .zero] = totals[line.label, default: .zero] + line.amount!
            }
        }
        guard !labels.isEmpty else { return .null }
        let amounts = labels.map { totals[$0]! }
        let total = amounts.sum()
        let permille = Shares.permille(amounts)
        let rows: [V] = labels.indices.map { i in
            .object(["label": .string(labels[i]), "amount": .string(amounts[i].groupedWan), "share": .string(permille.map { Shares.text($0[i]) } ?? "—")])
        }
        var description = "\(projects) 个项目的表格列明了资金来源，合计 \(total.groupedWan) 万元"
        description += projects < dy.projects.count ? "（共 \(dy.projects.count) 个项目）。" : "。"
        if unsure > 0 { description += "另有 \(unsure) 个项目的金额单位未注明，其资金来源未计入。" }
        if unsplit > 0 { description += "另有 \(unsplit) 个项目的资金来源与项目金额对不上，未计入。" }
        var chart = V.null
        if let permille, labels.count > 1 {
            let bars = labels.indices.map { BarChart.Bar(label: labels[$0], amount: amounts[$0], text: "\(amounts[$0].groupedWan) 万元 · \(Shares.text(permille[$0]))") }
            chart = BarChart(id: "chart-funding", title: "\(dy.department) \(dy.year)年资金来源", description: description, bars: bars).value
        }
        return .object([
            "rows": .list(rows), "total": .string(total.groupedWan), "description": .string(description),
            "projects": .int(projects), "chart": chart,
        ])
    }

    static func overallGoals(_ goals: OverallGoals) -> V {
        .object([
            "title": .string(goals.title),
            "sections": .list(goals.sections.map { s in
                .object([
                    "title": .string(s.title),
                    "hasTitle": .bool(!s.title.isEmpty),
                    "paragraphs": .strings(s.paragraphs),
                    "items": .list(s.items.map { item in
                        .object(["title": .string(item.title), "goal": .string(item.goal), "indicator": .string(item.indicator)])
                    }),
                    "hasItems": .bool(!s.items.isEmpty),
                ])
            }),
        ])
    }

    static func annexView(_ ctx: PageContext, _ annex: Annex, dy: DepartmentYear, entry: SiteIndex.DepartmentYearEntry, root: String) -> V {
        var differences: [String] = []
        if annex.rows.count != dy.projects.count {
            differences.append("公开清单列出 \(annex.rows.count) 个项目，本页有 \(dy.projects.count) 个项目。")
        }
        if annex.total != dy.total {
            // Compared as read: the sum of every project's amount, said to include the unsure ones.
            let unstated = dy.unstated
            let including = unstated.count > 0 ? "（含 \(unstated.count) 个单位未注明的金额，按万元读取）" : ""
            differences.append("公开清单合计 \(annex.total.groupedWan) 万元，项目合计 \(dy.total.groupedWan) 万元\(including)。")
        }
        for row in annex.rows {
            guard let p = row.matchedProject else {
                differences.append("公开清单中的“\(row.name)”（\(row.amount?.groupedWan ?? row.amountText) 万元）没有对应的项目。")
                continue
            }
            if !row.amountMatches {
                differences.append("“\(row.name)”：公开清单 \(row.amount?.groupedWan ?? row.amountText) 万元，项目表 \(dy.projects[p].amount?.groupedWan ?? "—") 万元\(dy.projects[p].amountUnitUnstated ? "（单位未注明）" : "")。")
            }
        }
        let rows: [V] = annex.rows.map { row in
            .object([
                "number": .string(row.number),
                "name": .string(row.name),
                "amount": .string(row.amount?.groupedWan ?? row.amountText),
                "project": .opt(row.matchedProject.map { p in .link(dy.projects[p].name, ctx.href(entry.projectPaths[p], from: root)) }),
                "nameDiffers": .bool(row.matchedProject != nil && !row.nameMatches),
            ])
        }
        return .object([
            "reconciles": .bool(dy.annexReconciles == true),
            "differences": .strings(differences),
            "rows": .list(rows),
            "total": .string(annex.total.groupedWan),
            "count": .int(annex.rows.count),
        ])
    }
}
