// A department's page: its totals per year with the change from year to year (a chart and its
// table), and which projects continue, start or end from one year to the next.

extension Pages {
    /// What this view reads from the model must also be hashed in
    /// `SiteRenderer.inputFingerprint`, or a rebuild keeps a page that should have changed.
    static func department(_ ctx: PageContext, _ entry: SiteIndex.DepartmentEntry) -> PageView {
        let d = entry.department
        let root = PageContext.root(of: entry.path)
        var years: [V] = []
        var bars: [BarChart.Bar] = []
        // Totals of the amounts whose unit the forms state; the unsure ones apart, per year.
        let totals = d.years.map(\.statedTotal)
        let unstated = d.years.map(\.unstated)
        let unstatedCount = unstated.reduce(0) { $0 + $1.count }
        for (i, dy) in d.years.enumerated() {
            let previous = i > 0 ? d.years[i - 1] : nil
            let changeAmount = previous.map { _ in Change.amount(totals[i - 1], totals[i]) } ?? "—"
            let changePercent = previous.map { _ in Change.percent(totals[i - 1], totals[i]) } ?? "—"
            years.append(.object([
                "unstated": unstated[i].count == 0 ? .null : .object([
                    "count": .int(unstated[i].count), "total": .string(unstated[i].total.groupedWan),
                ]),
                "year": .string(String(dy.year)),
                "href": .string(ctx.href(entry.path + "\(dy.year)/", from: root)),
                "projects": .int(dy.projects.count),
                "total": .string(totals[i].groupedWan),
                "changeAmount": .string(changeAmount),
                "changePercent": .string(changePercent),
                "annex": .opt(dy.annex.map { _ in .string(dy.annexReconciles == true ? "一致" : "不一致") }),
            ]))
            var text = "\(totals[i].groupedWan) 万元"
            if let previous { text += " · 比\(previous.year)年 \(changePercent == "—" ? changeAmount : changePercent)" }
            bars.append(BarChart.Bar(label: "\(dy.year)年（\(dy.projects.count) 个项目）", amount: totals[i], text: text))
        }
        let first = d.years[0], last = d.years[d.years.count - 1]
        let firstTotal = totals[0], lastTotal = totals[totals.count - 1]
        var summary = "\(d.name)公开了 \(d.years.count) 个年度的项目预算"
        if d.years.count > 1 {
            summary += "：\(first.year)年 \(firstTotal.groupedWan) 万元，\(last.year)年 \(lastTotal.groupedWan) 万元（\(Change.percent(firstTotal, lastTotal))）。"
        } else {
            summary += "：\(first.year)年 \(firstTotal.groupedWan) 万元。"
        }
        if unstatedCount > 0 { summary += "合计不含 \(unstatedCount) 个单位未注明的金额（按万元读取，未经核实）。" }
        let chart = bars.allSatisfy({ $0.amount.fen >= 0 }) && bars.contains(where: { $0.amount.fen > 0 })
            ? BarChart(id: "chart-years", title: "\(d.name)各年度预算合计", description: summary, bars: bars).value : .null
        return ctx.page(path: entry.path, title: d.name, headTitle: "\(d.name)各年度项目支出",
                        description: summary,
                        breadcrumbs: [("首页", "/")], fields: [
                            "name": .string(d.name),
                            "aliases": .string(d.aliases.joined(separator: "、")),
                            "hasAliases": .bool(!d.aliases.isEmpty),
                            "years": .list(years),
                            "hasUnstated": .bool(unstatedCount > 0),
                            "chart": chart,
                            "matrix": projectYears(ctx, entry, root: root),
                            "published": PageContext.date(ctx.latestDate(d.years.lazy.flatMap(\.files))),
                        ])
    }

    /// The department's projects by year: each project's amount in each year, and whether it
    /// is new (新增), continues (延续) or has ended (已结束) compared with the year before.
    static func projectYears(_ ctx: PageContext, _ entry: SiteIndex.DepartmentEntry, root: String) -> V {
        let entries = entry.yearEntries
        guard !entries.isEmpty else { return .null }
        // Groups (the same project in different years) in the order they first appear.
        var groups: [Int] = []
        var seen = Set<Int>()
        for e in entries {
            for g in ctx.index.departmentYears[e].historyGroups where seen.insert(g).inserted { groups.append(g) }
        }
        let rows: [V] = groups.map { g in
            let members = ctx.index.history[g]
            var name = ""
            var cells: [V] = []
            var before = false
            for (j, e) in entries.enumerated() {
                let here = members.filter { $0.entry == e }
                let projects = ctx.index.departmentYears[e].departmentYear.projects
                if let latest = here.last { name = projects[latest.project].name }
                let status: String
                switch (j == 0, !here.isEmpty, before) {
                case (true, _, _): status = ""
                case (false, true, true): status = "延续"
                case (false, true, false): status = "新增"
                case (false, false, true): status = "已结束"
                default: status = ""
                }
                cells.append(.object([
                    "amount": .string(here.isEmpty ? "" : here.map {
                        (projects[$0.project].amount?.groupedWan ?? "—") + (projects[$0.project].amountUnitUnstated ? "（单位未注明）" : "")
                    }.joined(separator: "、")),
                    "href": .string(here.first.map { ctx.href(ctx.index.departmentYears[e].projectPaths[$0.project], from: root) }),
                    "status": .string(status.isEmpty ? nil : status),
                    "statusClass": .string(["延续": "continues", "新增": "starts", "已结束": "ends"][status] ?? ""),
                ]))
                before = !here.isEmpty
            }
            return .object(["name": .string(name), "cells": .list(cells)])
        }
        return .object([
            "years": .strings(entries.map { "\(ctx.index.departmentYears[$0].departmentYear.year)年" }),
            "rows": .list(rows),
            "count": .int(rows.count),
        ])
    }
}
