// A plain-text tree of the model, for snapshot tests and for eyeballing what was read.

extension Site {
    /// The model as an indented tree: departments, years, projects, fields, indicators.
    public func dump() -> String {
        var out = ""
        for d in departments {
            out += "Department \(d.name)"
            if !d.aliases.isEmpty { out += " (also \(d.aliases.joined(separator: ", ")))" }
            out += "\n"
            for dy in d.years {
                out += "└ \(dy.year) · \(dy.projects.count) projects · \(dy.total.wanString) 万元\n"
                if let goals = dy.overallGoals {
                    out += "  ├ 整体绩效目标 \(goals.title) @\(goals.location.line)\n"
                    for s in goals.sections {
                        out += "  │ ├ \(s.title) @\(s.line): \(s.paragraphs.count) paragraphs\n"
                        for item in s.items {
                            out += "  │ │ └ \(item.title) @\(item.line) 目标=\(item.goal ?? "-") 指标=\(item.indicator ?? "-")\n"
                        }
                    }
                }
                for p in dy.projects {
                    out += p.dump(indent: "  ")
                }
                if let annex = dy.annex {
                    out += "  └ 公开清单 @\(annex.location.line) · \(annex.rows.count) rows · \(annex.total.wanString)\n"
                    for r in annex.rows {
                        let match = r.matchedProject.map { "→ #\($0 + 1)\(r.nameMatches ? "" : " (name differs)")\(r.amountMatches ? "" : " (amount differs)")" } ?? "→ unmatched"
                        out += "    └ \(r.number) \(r.name) \(r.amount?.wanString ?? r.amountText) @\(r.line) \(match)\n"
                    }
                }
            }
        }
        return out
    }
}

extension Project {
    func dump(indent: String) -> String {
        var out = "\(indent)└ Project \(name) \(amount?.wanString ?? "?") @\(location.line) [\(layout.rawValue)]\n"
        let i2 = indent + "  "
        if !otherNames.isEmpty { out += "\(i2)├ also: \(otherNames.joined(separator: " | "))\n" }
        if incomplete { out += "\(i2)├ 不完整 (incomplete)\n" }
        out += "\(i2)├ department: \(rawDepartment ?? "-") · unit: \(unit ?? "-") · code: \(code ?? "-") · year: \(year.map(String.init) ?? "-")\n"
        if let totalAmount, totalAmount != amount { out += "\(i2)├ 项目总金额: \(totalAmount.wanString)\n" }
        if period != nil || source != nil { out += "\(i2)├ 项目期: \(period ?? "-") · 来源: \(source ?? "-")\n" }
        for f in funding { out += "\(i2)├ funding \(f.label) \(f.amount?.wanString ?? f.text) @\(f.line)\n" }
        for s in subItems { out += "\(i2)├ 明细 \(s.name) 半年 \(s.halfYear?.yuanString ?? "-") 全年 \(s.fullYear?.yuanString ?? "-") 元 @\(s.line)\n" }
        if !spendingPlan.isEmpty {
            out += "\(i2)├ 支出计划 " + spendingPlan.map { "\($0.label)=\($0.share)" }.joined(separator: " ") + " @\(spendingPlan[0].line)\n"
        }
        for s in sections {
            out += "\(i2)├ \(s.isGoal ? "目标" : "叙述") \(s.title) @\(s.line): \(s.text.prefix(24))\(s.text.count > 24 ? "…" : "")\n"
        }
        var cols: [String] = []
        if indicatorColumns.halfAndFullYear { cols.append("半年/全年") }
        if indicatorColumns.description { cols.append("描述") }
        if indicatorColumns.basis { cols.append("依据") }
        out += "\(i2)└ \(indicators.count) indicators\(cols.isEmpty ? "" : " (" + cols.joined(separator: ", ") + ")")\n"
        for ind in indicators {
            let values = ind.targets.map { t in
                (t.term.map { "\($0) " } ?? "") + (t.halfYear.map { "半年 \($0) / " } ?? "") + (t.value ?? "∅")
                    + (t.op != nil || t.unit != nil ? " [\(t.op ?? "")|\(t.unit ?? "")]" : "") + " @\(t.line)"
            }.joined(separator: "; ")
            var extra = ""
            if let d = ind.description { extra += " 描述=\(d.prefix(16))" }
            if let b = ind.basis { extra += " 依据=\(b)" }
            out += "\(i2)  └ \(ind.level1) / \(ind.level2) / \(ind.name) = \(values)\(extra)\n"
        }
        return out
    }
}
