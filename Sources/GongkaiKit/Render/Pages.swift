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
        let license: V = config.license.map { l in .object(["title": .string(l.title), "href": .string(l.path), "name": .string(l.name)]) } ?? .null
        self.site = .object([
            "title": .string(config.title), "language": .string(config.language),
            // `zh-CN` as Open Graph writes it.
            "locale": .string(config.language.replacingOccurrences(of: "-", with: "_")),
            "license": license,
        ])
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

    func page(path: String, title: String, headTitle: String? = nil, description: String, breadcrumbs: [(String, String)],
              fields: TemplateObject) -> PageView {
        let root = Self.root(of: path)
        return PageView(
            path: path, title: title, headTitle: (headTitle ?? title) + " - " + config.title, description: description, root: root,
            canonical: canonical(path), breadcrumbs: breadcrumbs.map { V.link($0.0, href($0.1, from: root)) }, fields: fields, site: site,
            shared: shared)
    }

    /// The latest publication date the publishers give for these documents (`YYYY-MM-DD`).
    func latestDate<S: Sequence<String>>(_ files: S) -> String? {
        files.compactMap { index.sources[$0]?.date }.max()
    }

    /// A date for a page: `iso` (`2024-02-01`) for `<time datetime>` and `text` (`2024年2月1日`).
    static func date(_ iso: String?) -> V {
        iso.map { .object(["iso": .string($0), "text": .string(PublicationDate.chinese($0))]) } ?? .null
    }

    /// A document as a page shows it: its name, date, published address and originals.
    func document(_ file: String, root: String) -> V {
        let source = index.sources[file]
        return .object([
            "file": .string(index.paths.of(file)),
            "name": .string(file.split(separator: "/").last.map(String.init) ?? file),
            "date": Self.date(source?.date),
            "url": .string(source?.url),
            "originals": .list((source?.originals ?? []).map { o in
                .object(["href": .string(root + Permalinks.encode(o.path)), "kind": .string(o.kind)])
            }),
        ])
    }
}

enum Pages {
    // MARK: Home

    static func home(_ ctx: PageContext, site: Site) -> PageView {
        let root = "./"
        // Totals of the amounts whose unit the forms state; how many unsure ones are left out.
        var byYear: [Int: (departments: Int, projects: Int, total: Money, unstated: Int)] = [:]
        for dy in site.departmentYears {
            var t = byYear[dy.year] ?? (0, 0, .zero, 0)
            t.departments += 1
            t.projects += dy.projects.count
            t.total = t.total + dy.statedTotal
            t.unstated += dy.unstated.count
            byYear[dy.year] = t
        }
        let unstatedCount = byYear.values.reduce(0) { $0 + $1.unstated }
        let yearRows: [V] = byYear.keys.sorted(by: >).map { y in
            .object(["year": .string(String(y)), "departments": .int(byYear[y]!.departments), "projects": .int(byYear[y]!.projects),
                     "total": .string(byYear[y]!.total.groupedWan),
                     "unstated": byYear[y]!.unstated == 0 ? .null : .int(byYear[y]!.unstated)])
        }
        // Departments compared: each by its latest year, with the change from the year before.
        let comparison: [V] = ctx.index.departments.map { entry in
            let years = entry.department.years
            let latest = years[years.count - 1]
            let previous = years.count > 1 ? years[years.count - 2] : nil
            let total = latest.statedTotal
            let change = previous.map { Change.percent($0.statedTotal, total) } ?? "—"
            let unstated = latest.unstated.count
            return .object([
                "name": .string(entry.department.name),
                "href": .string(ctx.href(entry.path, from: root)),
                "year": .string(String(latest.year)),
                "yearHref": .string(ctx.href(entry.path + "\(latest.year)/", from: root)),
                "projects": .int(latest.projects.count),
                "total": .string(total.groupedWan),
                "totalValue": .string(total.wanString),
                "unstated": unstated == 0 ? .null : .int(unstated),
                "change": .string(change),
                "changeTitle": .string(previous.map { "比\($0.year)年" } ?? "无上一年度"),
                "measurable": .string(percent(latest.measurableCount, latest.indicatorCount)),
                "years": .list(years.map { dy in .link("\(dy.year)", ctx.href(entry.path + "\(dy.year)/", from: root)) }),
            ])
        }
        var fields: TemplateObject = [
            "yearRows": .list(yearRows),
            "comparison": .list(comparison),
            "departmentCount": .int(site.departments.count),
            "projectCount": .int(site.projectCount),
            "departmentYearCount": .int(site.departmentYears.count),
            "unstatedCount": unstatedCount == 0 ? .null : .int(unstatedCount),
            "dataLinks": dataLinks(root: root),
            "dataHref": .string(root + "data/"),
            "published": PageContext.date(ctx.latestDate(site.departmentYears.lazy.flatMap(\.files))),
        ]
        // The departments' totals in the latest year, as a chart with its table.
        if let year = byYear.keys.max() {
            let items = ctx.index.departments.compactMap { entry in
                entry.department.years.last { $0.year == year }.map { (label: entry.department.name, amount: $0.statedTotal) }
            }
            let left = byYear[year]!.unstated
            if let parts = ShareChartParts(items, limit: 15, otherLabel: { "其他 \($0) 个部门" }) {
                let total = items.map(\.amount).sum()
                let largest = parts.parts[0]
                fields["chart"] = BarChart(
                    id: "chart-departments", title: "\(year)年各部门预算合计",
                    description: "\(year)年 \(items.count) 个部门的项目预算合计 \(total.groupedWan) 万元；最多的是\(largest.label)，\(largest.amount.groupedWan) 万元，占 \(Shares.text(largest.share))。"
                        + (left > 0 ? "另有 \(left) 个单位未注明的金额（按万元读取，未经核实）未计入。" : ""),
                    bars: parts.bars()).value
                fields["chartUnstated"] = left == 0 ? .null : .int(left)
                fields["chartYear"] = .string(String(year))
                fields["chartRows"] = .list(parts.parts.map { .object(["label": .string($0.label), "amount": .string($0.amount.groupedWan), "share": .string(Shares.text($0.share))]) })
                fields["chartTotal"] = .string(total.groupedWan)
            }
        }
        if fields["chart"] == nil { fields["chart"] = .null }
        var view = ctx.page(path: "/", title: ctx.config.title,
                            description: "\(ctx.config.title)：\(site.departments.count) 个部门、\(site.projectCount) 个项目的预算与绩效目标。",
                            breadcrumbs: [], fields: fields)
        view.headTitle = ctx.config.title
        return view
    }

    static func dataLinks(root: String) -> V {
        .list([
            .link("开放数据：各文件的用途与下载", root + "data/"),
            .link("全部项目（CSV）", root + "data/projects.csv"),
            .link("全部绩效指标（CSV）", root + "data/indicators.csv"),
            .link("全部项目（JSON）", root + "data/projects.json"),
            .link("部门年度汇总（JSON）", root + "data/department-years.json"),
            .link("数据包说明（datapackage.json）", root + "data/datapackage.json"),
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
