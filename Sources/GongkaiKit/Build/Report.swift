// Printing a site summary and diagnostics for the terminal and for CI.

/// Text and JSON reports of a site and its diagnostics.
import Foundation

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

    /// Every diagnostic as `path:line: severity: message [code]`, grouped by document with
    /// counts per code, then the counts per code for the whole content.
    public static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        String(decoding: diagnosticBytes(diagnostics), as: UTF8.self)
    }

    /// `diagnostics(_:)` as UTF-8 bytes, written without a String per line.
    public static func diagnosticBytes(_ diagnostics: [Diagnostic]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(diagnostics.count * 200)
        // Grouped by the file's bytes (hashing Chinese paths as Strings is slow), in order.
        var files: [String] = []
        var byFile: [ByteKey: [Diagnostic]] = [:]
        for d in diagnostics {
            let key = ByteKey(d.location.file)
            if byFile[key] == nil { files.append(d.location.file) }
            byFile[key, default: []].append(d)
        }
        func counts(_ list: [Diagnostic]) -> [(code: String, severity: Severity, count: Int)] {
            var c: [String: (Severity, Int)] = [:]
            for d in list {
                let current = c[d.code] ?? (d.severity, 0)
                c[d.code] = (min(current.0, d.severity), current.1 + 1)
            }
            return c.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.severity != $1.severity ? $0.severity < $1.severity : $0.code < $1.code }
        }
        for file in files {
            let list = byFile[ByteKey(file)] ?? []
            let summary = counts(list).map { "\($0.code) ×\($0.count)" }.joined(separator: ", ")
            out.append(contentsOf: "\n\(file) — \(list.count) problem\(list.count == 1 ? "" : "s") (\(summary))\n".utf8)
            for d in list {
                d.write(into: &out)
                out.append(0x0A)
            }
        }
        if !diagnostics.isEmpty {
            out.append(contentsOf: "\nBy code:\n".utf8)
            for c in counts(diagnostics) {
                out.append(contentsOf: ("  " + c.code.padding(toLength: 28, withPad: " ", startingAt: 0) + "\(c.count) \(c.severity.rawValue)\(c.count == 1 ? "" : "s")\n").utf8)
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.count - errors - warnings
        out.append(contentsOf: "\(errors) error(s), \(warnings) warning(s), \(notes) note(s)\n".utf8)
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
