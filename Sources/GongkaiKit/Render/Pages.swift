// Building the view of each page from the model.

import Foundation

/// Formats and links for one site: everything a page view needs besides its own data.
struct PageContext: Sendable {
    let config: SiteConfig
    let index: SiteIndex
    let site: V
    /// Whether the theme has `assets/custom.css`, linked after the stylesheet.
    let customCSS: Bool
    /// What every page has from the settings: `params`, `footer`, `hasCustomCSS`.
    let shared: TemplateObject

    init(config: SiteConfig, index: SiteIndex, customCSS: Bool = false) {
        self.config = config
        self.index = index
        self.customCSS = customCSS
        self.site = .object(["title": .string(config.title), "language": .string(config.language)])
        self.shared = ["params": config.paramsValue, "footer": config.footerValue, "hasCustomCSS": .bool(customCSS)]
    }

    /// `../../` for `/a/b/` and `/a/b/c.html`, `./` for `/`.
    static func root(of path: String) -> String {
        // Path segments counted on bytes (`split` on a String breaks it into Characters).
        var depth = 0
        var previous: UInt8 = 0x2F
        for b in path.utf8 {
            if b != 0x2F && previous == 0x2F { depth += 1 }
            previous = b
        }
        if previous != 0x2F { depth -= 1 }
        return depth <= 0 ? "./" : String(repeating: "../", count: depth)
    }

    func href(_ target: String, from root: String) -> String {
        root + Permalinks.encode(String(target.dropFirst()))
    }

    /// The configured base URL, ending in `/`.
    var baseURL: String { config.baseURL.hasSuffix("/") ? config.baseURL : config.baseURL + "/" }

    func canonical(_ path: String) -> String {
        baseURL + Permalinks.encode(String(path.dropFirst()))
    }

    func page(path: String, title: String, description: String, breadcrumbs: [(String, String)], fields: TemplateObject) -> PageView {
        let root = Self.root(of: path)
        return PageView(
            path: path, title: title, description: description, root: root, canonical: canonical(path),
            breadcrumbs: breadcrumbs.map { V.link($0.0, href($0.1, from: root)) }, fields: fields, site: site, shared: shared)
    }
}

enum Pages {
    // MARK: Home

    static func home(_ ctx: PageContext, site: Site) -> PageView {
        let root = "./"
        var rows: [V] = []
        for entry in ctx.index.departments {
            let d = entry.department
            for (i, dy) in d.years.enumerated() {
                rows.append(.object([
                    "department": .opt(i == 0 ? .object(["name": .string(d.name), "href": .string(ctx.href(entry.path, from: root)), "rowspan": .int(d.years.count)]) : nil),
                    "year": .string(String(dy.year)),
                    "href": .string(ctx.href(entry.path + "\(dy.year)/", from: root)),
                    "projects": .int(dy.projects.count),
                    "total": .string(dy.total.wanString),
                ]))
            }
        }
        var byYear: [Int: (departments: Int, projects: Int, total: Money)] = [:]
        for dy in site.departmentYears {
            var t = byYear[dy.year] ?? (0, 0, .zero)
            t.departments += 1
            t.projects += dy.projects.count
            t.total = t.total + dy.total
            byYear[dy.year] = t
        }
        let yearRows: [V] = byYear.keys.sorted(by: >).map { y in
            .object(["year": .string(String(y)), "departments": .int(byYear[y]!.departments), "projects": .int(byYear[y]!.projects), "total": .string(byYear[y]!.total.wanString)])
        }
        return ctx.page(path: "/", title: ctx.config.title,
                        description: "\(ctx.config.title)：\(site.departments.count) 个部门、\(site.projectCount) 个项目的预算与绩效目标。",
                        breadcrumbs: [], fields: [
                            "departmentRows": .list(rows),
                            "yearRows": .list(yearRows),
                            "departmentCount": .int(site.departments.count),
                            "projectCount": .int(site.projectCount),
                            "departmentYearCount": .int(site.departmentYears.count),
                            "dataLinks": dataLinks(root: root),
                        ])
    }

    static func dataLinks(root: String) -> V {
        .list([
            .link("全部项目（CSV）", root + "data/projects.csv"),
            .link("全部绩效指标（CSV）", root + "data/indicators.csv"),
            .link("全部项目（JSON）", root + "data/projects.json"),
            .link("部门年度汇总（JSON）", root + "data/department-years.json"),
            .link("数据包说明（datapackage.json）", root + "data/datapackage.json"),
        ])
    }

    // MARK: Department

    static func department(_ ctx: PageContext, _ entry: SiteIndex.DepartmentEntry) -> PageView {
        let d = entry.department
        let root = PageContext.root(of: entry.path)
        let maxTotal = d.years.map(\.total).max() ?? .zero
        let years: [V] = d.years.map { dy in
            .object([
                "year": .string(String(dy.year)),
                "href": .string(ctx.href(entry.path + "\(dy.year)/", from: root)),
                "projects": .int(dy.projects.count),
                "total": .string(dy.total.wanString),
                // Bar width as a whole percentage of the largest year (display only).
                "share": .int(maxTotal.fen > 0 ? Int((dy.total.fen * 100) / maxTotal.fen) : 0),
                "annex": .opt(dy.annex.map { _ in .string(dy.annexReconciles == true ? "一致" : "不一致") }),
            ])
        }
        return ctx.page(path: entry.path, title: d.name, description: "\(d.name)各年度项目支出及绩效目标。",
                        breadcrumbs: [("首页", "/")], fields: [
                            "name": .string(d.name),
                            "aliases": .string(d.aliases.joined(separator: "、")),
                            "hasAliases": .bool(!d.aliases.isEmpty),
                            "years": .list(years),
                        ])
    }

    // MARK: Department-year

    /// What this view (and `department`'s) reads from the model must also be hashed in
    /// `SiteRenderer.inputFingerprint`, or a rebuild keeps a page that should have changed.
    static func departmentYear(_ ctx: PageContext, _ entry: SiteIndex.DepartmentYearEntry, notes: [String]) -> PageView {
        let dy = entry.departmentYear
        let root = PageContext.root(of: entry.path)
        let rows: [V] = dy.projects.indices.map { i in
            .object([
                "number": .int(i + 1),
                "name": .string(dy.projects[i].name),
                "href": .string(ctx.href(entry.projectPaths[i], from: root)),
                "amount": .string(dy.projects[i].amount?.wanString ?? "—"),
            ])
        }
        let department = ctx.index.departments[entry.departmentIndex]
        let notes = notes + dy.notes
        let otherYears: [V] = department.department.years.map { other in
            .link("\(other.year)年", ctx.href(entry.departmentPath + "\(other.year)/", from: root), current: other.year == dy.year)
        }
        var fields: TemplateObject = [
            "department": .string(dy.department),
            "departmentHref": .string(ctx.href(entry.departmentPath, from: root)),
            "year": .string(String(dy.year)),
            "rows": .list(rows),
            "count": .int(dy.projects.count),
            "total": .string(dy.total.wanString),
            "otherYears": .list(otherYears),
            "hasOtherYears": .bool(otherYears.count > 1),
            "notes": .strings(notes),
            "hasNotes": .bool(!notes.isEmpty),
            "measurableShare": .string(percent(dy.measurableCount, dy.indicatorCount)),
            "indicatorCount": .int(dy.indicatorCount),
            "qualityHref": .string(root + "quality/"),
            "dataLinks": dataLinks(root: root),
            "sources": .list(dy.files.map { .object(["file": .string($0)]) }),
        ]
        fields["overallGoals"] = .opt(dy.overallGoals.map(overallGoals))
        fields["annex"] = .opt(dy.annex.map { annexView(ctx, $0, dy: dy, entry: entry, root: root) })
        return ctx.page(path: entry.path, title: "\(dy.department) \(dy.year)年",
                        description: "\(dy.department) \(dy.year) 年 \(dy.projects.count) 个项目，预算合计 \(dy.total.wanString) 万元。",
                        breadcrumbs: [("首页", "/"), (dy.department, entry.departmentPath)], fields: fields)
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
            differences.append("公开清单合计 \(annex.total.wanString) 万元，项目合计 \(dy.total.wanString) 万元。")
        }
        for row in annex.rows {
            guard let p = row.matchedProject else {
                differences.append("公开清单中的“\(row.name)”（\(row.amount?.wanString ?? row.amountText) 万元）没有对应的项目。")
                continue
            }
            if !row.amountMatches {
                differences.append("“\(row.name)”：公开清单 \(row.amount?.wanString ?? row.amountText) 万元，项目表 \(dy.projects[p].amount?.wanString ?? "—") 万元。")
            }
        }
        let rows: [V] = annex.rows.map { row in
            .object([
                "number": .string(row.number),
                "name": .string(row.name),
                "amount": .string(row.amount?.wanString ?? row.amountText),
                "project": .opt(row.matchedProject.map { p in .link(dy.projects[p].name, ctx.href(entry.projectPaths[p], from: root)) }),
                "nameDiffers": .bool(row.matchedProject != nil && !row.nameMatches),
            ])
        }
        return .object([
            "reconciles": .bool(dy.annexReconciles == true),
            "differences": .strings(differences),
            "rows": .list(rows),
            "total": .string(annex.total.wanString),
            "count": .int(annex.rows.count),
        ])
    }

    // MARK: Project

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
            "amount": .string(p.amount?.wanString ?? "—"),
            "totalAmount": .string(p.totalAmount.flatMap { $0 == p.amount ? nil : $0.wanString }),
            "funding": .list(p.funding.map { .object(["label": .string($0.label), "amount": .string($0.amount?.wanString ?? ($0.text.isEmpty ? "—" : $0.text))]) }),
            "hasFunding": .bool(!p.funding.isEmpty),
            "subItems": .list(p.subItems.map { s in
                .object(["name": .string(s.name), "halfYear": .string(s.halfYear?.yuanString ?? "—"), "fullYear": .string(s.fullYear?.yuanString ?? "—")])
            }),
            "hasSubItems": .bool(!p.subItems.isEmpty),
            "plan": .list(p.spendingPlan.map { .object(["label": .string($0.label), "share": .string($0.share)]) }),
            "hasPlan": .bool(!p.spendingPlan.isEmpty),
            "sections": .list(zip(p.sections, Narrative.html(p.sections.map(\.text))).map { s, html in
                .object(["title": .string(s.title), "html": .string(html), "isGoal": .bool(s.isGoal)])
            }),
            "hasSections": .bool(!p.sections.isEmpty),
            "source": .string("\(p.location.file) 第 \(p.location.line) 行"),
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
                "amount": .string(other.departmentYear.projects[h.project].amount?.wanString ?? "—"),
                "current": .bool(isCurrent),
            ])
        })
        fields["hasHistory"] = .bool(history.count > 1)
        fields["previous"] = i > 0 ? .link(dy.projects[i - 1].name, ctx.href(entry.projectPaths[i - 1], from: root)) : .null
        fields["next"] = i + 1 < dy.projects.count ? .link(dy.projects[i + 1].name, ctx.href(entry.projectPaths[i + 1], from: root)) : .null
        return ctx.page(path: path, title: p.name,
                        description: "\(dy.department) \(dy.year) 年项目“\(p.name)”：预算 \(p.amount?.wanString ?? "—") 万元，\(p.indicators.count) 项绩效指标。",
                        breadcrumbs: [("首页", "/"), (dy.department, entry.departmentPath), ("\(dy.year)年", entry.path)], fields: fields)
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
                    let ind = indicators[k]
                    rows.append(.object([
                        "level1": k == i ? .object(["text": .string(ind.level1.isEmpty ? "—" : ind.level1), "rowspan": .int(end1 - i)]) : .null,
                        "level2": k == j ? .object(["text": .string(ind.level2.isEmpty ? "—" : ind.level2), "rowspan": .int(end2 - j)]) : .null,
                        "name": .string(ind.name),
                        "description": .string(ind.description ?? ""),
                        "halfYear": .strings(ind.targets.map { $0.halfYear.map { TargetValueParser.parsed($0).display } ?? "—" }),
                        "values": .strings(ind.targets.map { $0.value.map { TargetValueParser.parsed($0).display } ?? "—" }),
                        "basis": .string(ind.basis ?? ""),
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
        ])
    }

    /// `87%`, or `—` when there is nothing to count.
    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "—" : "\((part * 100 + whole / 2) / whole)%"
    }

    // MARK: Data quality

    static func quality(_ ctx: PageContext, site: Site) -> PageView {
        let root = PageContext.root(of: "/quality/")
        var rows: [V] = []
        var total = 0, measurable = 0
        for entry in ctx.index.departmentYears {
            let dy = entry.departmentYear
            total += dy.indicatorCount
            measurable += dy.measurableCount
            rows.append(.object([
                "department": .string(dy.department),
                "year": .string(String(dy.year)),
                "href": .string(ctx.href(entry.path, from: root)),
                "indicators": .int(dy.indicatorCount),
                "measurable": .int(dy.measurableCount),
                "share": .string(percent(dy.measurableCount, dy.indicatorCount)),
                "notes": .int(dy.notes.count),
            ]))
        }
        return ctx.page(path: "/quality/", title: "绩效指标明确性与数据说明",
                        description: "各部门各年度绩效指标中可衡量指标（有数值、日期或区间）的比例，以及数据说明的数量。",
                        breadcrumbs: [("首页", "/")], fields: [
                            "rows": .list(rows),
                            "indicators": .int(total),
                            "measurable": .int(measurable),
                            "share": .string(percent(measurable, total)),
                        ])
    }

    // MARK: Search and 404

    static func search(_ ctx: PageContext, site: Site) -> PageView {
        let years = Array(Set(site.departmentYears.map(\.year))).sorted(by: >)
        return ctx.page(path: "/search/", title: "搜索", description: "搜索项目、部门和绩效指标。",
                        breadcrumbs: [("首页", "/")], fields: [
                            "departments": .strings(site.departments.map(\.name)),
                            "years": .strings(years.map { String($0) }),
                            "kinds": .strings(SearchDocument.kinds.map(\.rawValue)),
                        ])
    }

    static func notFound(_ ctx: PageContext) -> PageView {
        // The 404 page is served at any depth: it links by absolute paths from the base URL.
        var view = ctx.page(path: "/404.html", title: "页面不存在", description: "页面不存在。", breadcrumbs: [], fields: [:])
        var base = ctx.config.baseURL
        if !base.hasSuffix("/") { base += "/" }
        if let url = URL(string: base) { view.root = url.path.isEmpty ? "/" : (url.path.hasSuffix("/") ? url.path : url.path + "/") }
        view.canonical = base + "404.html"
        return view
    }
}
