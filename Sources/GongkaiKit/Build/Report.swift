// Printing a site summary and diagnostics for the terminal and for CI.

/// Text and JSON reports of a site and its diagnostics.
import Foundation

public enum Report {
    /// The documents, departments, department-years and projects read, then each
    /// department-year with its projects and total (and its 公开清单 where there is one).
    public static func summary(_ site: Site, language: Language = .zh) -> String {
        var out = ""
        let docs = site.documents.count
        switch language {
        case .zh:
            out += "\(docs) 个文档，\(site.departments.count) 个部门，\(site.departmentYears.count) 个部门年度，\(site.projectCount) 个项目\n"
        case .en:
            out += "\(docs) document\(docs == 1 ? "" : "s"), \(site.departments.count) department(s), "
            out += "\(site.departmentYears.count) department-year(s), \(site.projectCount) project(s)\n"
        }
        for d in site.departments {
            for dy in d.years {
                var line: String
                let unstated = dy.unstated
                switch language {
                case .zh:
                    line = "  \(d.name)  \(dy.year)  \(dy.projects.count) 个项目  合计 \(dy.statedTotal.wanString) 万元"
                    if unstated.count > 0 {
                        line += "（另有 \(unstated.count) 个单位未注明的金额 \(unstated.total.wanString)，按万元读取，未计入）"
                    }
                    if let annex = dy.annex {
                        line += "  公开清单 \(annex.rows.count) 行 \(annex.total.wanString) 万元"
                        line += dy.annexReconciles == true ? "（一致）" : "（不一致）"
                    }
                case .en:
                    line = "  \(d.name)  \(dy.year)  \(dy.projects.count) project\(dy.projects.count == 1 ? "" : "s")  total \(dy.statedTotal.wanString) 万元"
                    if unstated.count > 0 {
                        line += " (and \(unstated.count) amount\(unstated.count == 1 ? "" : "s") of unstated unit, \(unstated.total.wanString) read as 万元, not counted)"
                    }
                    if let annex = dy.annex {
                        line += "  公开清单 \(annex.rows.count) row\(annex.rows.count == 1 ? "" : "s") \(annex.total.wanString) 万元"
                        line += dy.annexReconciles == true ? " (reconciles)" : " (does not reconcile)"
                    }
                }
                out += line + "\n"
            }
        }
        out += documents(site, language: language)
        return out
    }

    /// Each document with the kind of form gongkai took it for and why (`表格式：绩效目标申报表
    /// （依据：一级指标/二级指标/三级指标/指标值 表头，第12行）`), so a publisher sees what was
    /// recognised; a look-alike says it is not published, a document with neither says so.
    static func documents(_ site: Site, language: Language) -> String {
        guard !site.documents.isEmpty else { return "" }
        var out = language == .zh ? "\n各文档识别为：\n" : "\nEach document was read as:\n"
        for doc in site.documents.sorted(by: { $0.path < $1.path }) {
            let what: String
            switch (doc.kind, doc.evidence) {
            case (.targets, let evidence?):
                let layout = doc.layout?.title ?? DocumentKind.targets.name.zh
                what = language == .zh
                    ? "表格式：\(layout)（依据：\(evidence.zh)）"
                    : "form: \(layout) (because of the \(evidence.en))"
            case (.targets, nil):
                what = language == .zh ? "未识别为绩效目标表（原因见下方问题）" : "not recognised as a performance targets form (see its problems below)"
            case (let kind, let evidence):
                let why = evidence.map { language == .zh ? "依据：\($0.zh)" : "because \($0.en)" }
                what = language == .zh
                    ? "\(kind.name.zh)\(why.map { "（\($0)）" } ?? "")，不是绩效目标表，不发布"
                    : "\(kind.name.en)\(why.map { " (\($0))" } ?? ""), not a performance targets form: not published"
            }
            out += "  \(doc.path)  \(what)\n"
        }
        return out
    }

    /// Every diagnostic as `path:line: severity: message [code]`, grouped by document with
    /// counts per code, then the counts per code for the whole content.
    public static func diagnostics(_ diagnostics: [Diagnostic], language: Language = .zh) -> String {
        String(decoding: diagnosticBytes(diagnostics, language: language), as: UTF8.self)
    }

    /// `diagnostics(_:)` as UTF-8 bytes, written without a String per line.
    public static func diagnosticBytes(_ diagnostics: [Diagnostic], language: Language = .zh) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(diagnostics.count * 200)
        // Grouped by the file's bytes (hashing Chinese paths as Strings is slow), in order.
        // (Positions in `diagnostics`, not copies of them.)
        var files: [String] = []
        var byFile: [ByteKey: [Int]] = [:]
        for (i, d) in diagnostics.enumerated() {
            let key = ByteKey(d.location.file)
            if byFile[key] == nil { files.append(d.location.file) }
            byFile[key, default: []].append(i)
        }
        // A few codes per file: found by comparing bytes, not by hashing.
        func counts(_ list: [Int]) -> [(code: String, severity: Severity, count: Int)] {
            var c: [(code: String, severity: Severity, count: Int)] = []
            for i in list {
                let d = diagnostics[i]
                if let k = c.firstIndex(where: { $0.code.utf8Equals(d.code) }) {
                    c[k].count += 1
                    c[k].severity = min(c[k].severity, d.severity)
                } else {
                    c.append((d.code, d.severity, 1))
                }
            }
            return c.sorted { $0.severity != $1.severity ? $0.severity < $1.severity : $0.code < $1.code }
        }
        for file in files {
            let list = byFile[ByteKey(file)] ?? []
            out.append(0x0A)
            out.append(contentsOf: file.utf8)
            out.append(contentsOf: (language == .zh ? " — \(list.count) 个问题（" : " — \(list.count) problem\(list.count == 1 ? "" : "s") (").utf8)
            for (k, c) in counts(list).enumerated() {
                if k > 0 { out.append(contentsOf: (language == .zh ? "，" : ", ").utf8) }
                out.append(contentsOf: c.code.utf8)
                out.append(contentsOf: " ×\(c.count)".utf8)
            }
            out.append(contentsOf: (language == .zh ? "）\n" : ")\n").utf8)
            for i in list {
                diagnostics[i].write(into: &out, language: language)
                out.append(0x0A)
            }
        }
        if !diagnostics.isEmpty {
            out.append(contentsOf: (language == .zh ? "\n按代码：\n" : "\nBy code:\n").utf8)
            for c in counts(Array(diagnostics.indices)) {
                let count = language == .zh ? "\(c.count) 个\(c.severity.name(.zh))" : "\(c.count) \(c.severity.rawValue)\(c.count == 1 ? "" : "s")"
                out.append(contentsOf: ("  " + c.code.padding(toLength: 28, withPad: " ", startingAt: 0) + count + "\n").utf8)
            }
        }
        out.append(contentsOf: totals(diagnostics, language: language).utf8)
        out.append(0x0A)
        return out
    }

    /// `3 个错误，12 个警告，0 个提示` / `3 error(s), 12 warning(s), 0 note(s)`.
    public static func totals(_ diagnostics: [Diagnostic], language: Language = .zh) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.count - errors - warnings
        return language == .zh ? "\(errors) 个错误，\(warnings) 个警告，\(notes) 个提示"
            : "\(errors) error(s), \(warnings) warning(s), \(notes) note(s)"
    }

    /// Diagnostics for CI: `severity` and `code` are the stable English names; `message` is in
    /// `language`.
    public static func json(_ diagnostics: [Diagnostic], language: Language = .zh) -> String {
        JSON.array(diagnostics.map { d in
            var fields: [(String, JSON)] = [
                ("file", .string(d.location.file)),
                ("line", .int(d.location.line)),
            ]
            if let column = d.location.column { fields.append(("column", .int(column))) }
            fields += [
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.code)),
                ("message", .string(d.message(language))),
            ]
            return .object(fields)
        }).serialized(pretty: true)
    }
}
