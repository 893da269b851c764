// The data page (/data/): which file to use for what, the licence and period, and every
// department-year's downloads.

extension Pages {
    static func data(_ ctx: PageContext, site: Site) -> PageView {
        let root = PageContext.root(of: "/data/")
        let years = ctx.index.departmentYears.map(\.departmentYear.year)
        let rows: [V] = ctx.index.departmentYears.filter { !$0.departmentYear.projects.isEmpty }.map { entry in
            let files = DepartmentYearFiles(pagePath: entry.path)
            return .object([
                "department": .string(entry.departmentYear.department),
                "year": .string(String(entry.departmentYear.year)),
                "href": .string(ctx.href(entry.path, from: root)),
                "projects": .int(entry.departmentYear.projects.count),
                "xlsx": .string(ctx.href("/" + files.xlsx, from: root)),
                "projectsCSV": .string(ctx.href("/" + files.projectsCSV, from: root)),
                "indicatorsCSV": .string(ctx.href("/" + files.indicatorsCSV, from: root)),
                "json": .string(ctx.href("/" + files.json, from: root)),
            ])
        }
        let period: String
        if let first = years.min(), let last = years.max() {
            period = first == last ? "\(first)年" : "\(first)—\(last)年"
        } else {
            period = "—"
        }
        return ctx.page(path: "/data/", title: "开放数据", headTitle: "开放数据：下载与说明",
                        description: "\(ctx.config.title)的开放数据：各部门各年度的项目和绩效指标（Excel、CSV、JSON），全站数据文件和数据包说明。",
                        breadcrumbs: [("首页", "/")], fields: [
                            "rows": .list(rows),
                            "period": .string(period),
                            "projectCount": .int(site.projectCount),
                            "published": PageContext.date(ctx.latestDate(site.departmentYears.lazy.flatMap(\.files))),
                        ])
    }
}
