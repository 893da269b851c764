// Grouping documents' projects into departments and years.

/// Builds the site model from the documents read.
public enum Aggregator {
    public static func aggregate(_ documents: [DocumentResult], departments names: Departments) -> Site {
        struct Key: Hashable, Comparable {
            var department: String
            var year: Int
            static func < (a: Key, b: Key) -> Bool { a.department != b.department ? a.department < b.department : a.year < b.year }
        }
        var groups: [Key: DepartmentYear] = [:]
        var spellings: [String: [String: Int]] = [:]
        var diagnostics: [Diagnostic] = []
        var keys: [String: String] = [:]
        func key(_ raw: String) -> String {
            if let k = keys[raw] { return k }
            let k = names.key(raw)
            keys[raw] = k
            return k
        }

        for doc in documents {
            diagnostics.append(contentsOf: doc.diagnostics)
            let docKey = doc.department.map(key)
            for spelling in doc.departmentSpellings {
                spellings[key(spelling), default: [:]][Departments.stripCode(spelling), default: 0] += 1
            }
            for var project in doc.projects {
                guard let raw = project.rawDepartment, let year = project.year else { continue }
                let departmentKey = key(raw)
                project.departmentKey = departmentKey
                let k = Key(department: departmentKey, year: year)
                if groups[k] == nil {
                    groups[k] = DepartmentYear(department: departmentKey, departmentKey: departmentKey, year: year, projects: [], files: [])
                }
                groups[k]!.projects.append(project)
                if !groups[k]!.files.contains(doc.path) { groups[k]!.files.append(doc.path) }
            }
            if let docKey, let year = doc.year {
                let k = Key(department: docKey, year: year)
                if doc.annex != nil || doc.overallGoals != nil, groups[k] == nil {
                    groups[k] = DepartmentYear(department: docKey, departmentKey: docKey, year: year, projects: [], files: [doc.path])
                }
                if let annex = doc.annex {
                    if groups[k]!.annex != nil {
                        diagnostics.append(Diagnostic(.warning, annex.location, code: "duplicate-annex",
                                                      "a second 公开清单 for \(docKey) \(year); the first one is kept"))
                    } else {
                        groups[k]!.annex = annex
                    }
                }
                if let goals = doc.overallGoals, groups[k]!.overallGoals == nil {
                    groups[k]!.overallGoals = goals
                }
            }
        }

        // Display names: the full official spelling where any document uses it, else the most common one.
        func displayName(_ key: String) -> String {
            let seen = spellings[key] ?? [:]
            var best: (String, Int)?
            for (spelling, count) in seen {
                let base = Departments.baseKey(spelling)
                if spelling == key || (base == key && !spelling.utf8Contains("（") && !spelling.utf8.contains(0x28) && spelling.utf8.count == key.utf8.count) {
                    return key
                }
                if base == key, spelling.hasSuffix("）") || spelling.hasSuffix(")") { continue }
                if best == nil || count > best!.1 || (count == best!.1 && spelling < best!.0) { best = (spelling, count) }
            }
            return best?.0 ?? key
        }

        var byDepartment: [String: [DepartmentYear]] = [:]
        for k in groups.keys.sorted() {
            var dy = groups[k]!
            let name = displayName(k.department)
            dy.department = name
            dy.projects.sort { $0.location < $1.location }
            for i in dy.projects.indices {
                dy.projects[i].department = name
            }
            if dy.annex != nil {
                diagnostics.append(contentsOf: AnnexMatcher.match(&dy))
            }
            byDepartment[k.department, default: []].append(dy)
        }
        var departments: [Department] = byDepartment.map { key, years in
            let name = years.first?.department ?? key
            let aliases = (spellings[key] ?? [:]).keys.filter { $0 != name }.sorted()
            return Department(name: name, key: key, aliases: aliases, years: years.sorted { $0.year < $1.year })
        }
        departments.sort { $0.name != $1.name ? $0.name < $1.name : $0.key < $1.key }
        diagnostics.sort { $0.location != $1.location ? $0.location < $1.location : ($0.severity, $0.code, $0.message) < ($1.severity, $1.code, $1.message) }
        return Site(departments: departments, diagnostics: diagnostics, documents: documents)
    }
}
