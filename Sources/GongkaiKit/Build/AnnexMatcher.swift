// Matching 公开清单 rows to the projects they list, and saying where they disagree.

enum AnnexMatcher {
    /// Matches each annex row to a project; returns diagnostics for what disagrees.
    static func match(_ dy: inout DepartmentYear) -> [Diagnostic] {
        guard var annex = dy.annex else { return [] }
        let projects = dy.projects
        var taken = Set<Int>()
        let names: [[String]] = projects.map { p in ([p.name] + p.otherNames).map(normalize) }

        // 1. Exact names (the project's name or any other name it goes by).
        for r in annex.rows.indices {
            let name = normalize(annex.rows[r].name)
            if let p = projects.indices.first(where: { !taken.contains($0) && names[$0].contains(name) }) {
                annex.rows[r].matchedProject = p
                annex.rows[r].nameMatches = true
                taken.insert(p)
            }
        }
        // 2. Similar names, preferring the same amount.
        for r in annex.rows.indices where annex.rows[r].matchedProject == nil {
            let name = normalize(annex.rows[r].name)
            var best: (index: Int, score: Double)?
            for p in projects.indices where !taken.contains(p) {
                var score = names[p].map { similarity(name, $0) }.max() ?? 0
                if let a = annex.rows[r].amount, a == projects[p].amount { score += 0.25 }
                if score >= 0.75, best == nil || score > best!.score { best = (p, score) }
            }
            if let best {
                annex.rows[r].matchedProject = best.index
                taken.insert(best.index)
            }
        }
        var diagnostics: [Diagnostic] = []
        let file = annex.location.file
        for r in annex.rows.indices {
            let row = annex.rows[r]
            let at = SourceLocation(file: file, line: row.line)
            guard let p = row.matchedProject else {
                diagnostics.append(Diagnostic(.warning, at, code: "annex-unmatched",
                                              "公开清单中的 ‘\(row.name)’ 与 \(dy.department) \(dy.year) 年的任何项目都对不上",
                                              en: "公开清单 row ‘\(row.name)’ matches no project of \(dy.department) \(dy.year)"))
                continue
            }
            annex.rows[r].amountMatches = row.amount != nil && row.amount == projects[p].amount
            if !row.nameMatches {
                diagnostics.append(Diagnostic(.warning, at, code: "annex-name-mismatch",
                                              "公开清单写作 ‘\(row.name)’，项目名称却是 ‘\(projects[p].name)’（\(projects[p].location)）",
                                              en: "公开清单 names ‘\(row.name)’ but the project is ‘\(projects[p].name)’ (\(projects[p].location))"))
            }
            if !annex.rows[r].amountMatches {
                let listed = row.amount?.wanString ?? row.amountText
                diagnostics.append(Diagnostic(.warning, at, code: "annex-amount-mismatch",
                                              "公开清单中 ‘\(row.name)’ 为 \(listed) 万元，项目写的却是 \(projects[p].amount.map { "\($0.wanString) 万元" } ?? "没有金额")（\(projects[p].location)）",
                                              en: "公开清单 gives ‘\(row.name)’ \(listed) 万元 but the project states \(projects[p].amount?.wanString ?? "no amount") 万元 (\(projects[p].location))"))
            }
        }
        let matched = Set(annex.rows.compactMap(\.matchedProject))
        for p in projects.indices where !matched.contains(p) {
            diagnostics.append(Diagnostic(.warning, projects[p].location, code: "annex-missing-project",
                                          "项目 ‘\(projects[p].name)’ 没有列在公开清单中（\(annex.location)）",
                                          en: "project ‘\(projects[p].name)’ is not listed in the 公开清单 (\(annex.location))"))
        }
        if annex.total != dy.total {
            diagnostics.append(Diagnostic(.warning, annex.location, code: "annex-total-mismatch",
                                          "公开清单合计 \(annex.total.wanString) 万元，各项目合计却是 \(dy.total.wanString) 万元",
                                          en: "公开清单 totals \(annex.total.wanString) 万元 but the projects total \(dy.total.wanString) 万元"))
        }
        dy.annex = annex
        return diagnostics
    }

    /// Names compared without spaces, quotes or a trailing `项目`.
    static func normalize(_ name: String) -> String {
        func dropped(_ s: Unicode.Scalar) -> Bool {
            s.isUnicodeWhitespace || s == "“" || s == "”" || s == "\"" || s == "'" || s == "‘" || s == "’" || s == "《" || s == "》"
        }
        var out = name
        if name.unicodeScalars.contains(where: dropped) {
            out = ""
            out.unicodeScalars.append(contentsOf: name.unicodeScalars.lazy.filter { !dropped($0) })
        }
        if out.utf8HasSuffix("项目"), out.scalarCount > 4 {
            out = String(decoding: out.utf8.dropLast(6), as: UTF8.self)
        }
        return out
    }

    /// Share of characters in common order (LCS / longer length), 0…1.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var prev = [Int](repeating: 0, count: y.count + 1)
        var cur = prev
        for i in 1...x.count {
            for j in 1...y.count {
                cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1])
            }
            swap(&prev, &cur)
        }
        return Double(prev[y.count]) / Double(max(x.count, y.count))
    }
}
