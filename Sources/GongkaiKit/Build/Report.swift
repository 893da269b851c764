// Printing a site summary and diagnostics for the terminal and for CI.

/// Text and JSON reports of a site and its diagnostics.
public enum Report {
    public static func summary(_ site: Site) -> String {
        var out = ""
        let docs = site.documents.count
        out += "\(docs) document\(docs == 1 ? "" : "s"), \(site.departments.count) department(s), "
        out += "\(site.departmentYears.count) department-year(s), \(site.projectCount) project(s)\n"
        for d in site.departments {
            for dy in d.years {
                var line = "  \(d.name)  \(dy.year)  \(dy.projects.count) 个项目  合计 \(dy.total.wanString) 万元"
                if let annex = dy.annex {
                    line += "  公开清单 \(annex.rows.count) 行 \(annex.total.wanString) 万元"
                    line += dy.annexReconciles == true ? "（一致）" : "（不一致）"
                }
                out += line + "\n"
            }
        }
        return out
    }

    public static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { out += d.description + "\n" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.count - errors - warnings
        out += "\(errors) error(s), \(warnings) warning(s), \(notes) note(s)\n"
        return out
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        JSON.array(diagnostics.map { d in
            .object([
                ("file", .string(d.location.file)),
                ("line", .int(d.location.line)),
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.code)),
                ("message", .string(d.message)),
            ])
        }).serialized(pretty: true)
    }
}
