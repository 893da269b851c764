// Grouping documents' projects into departments and years.

import Foundation

/// Builds the site model from the documents read.
public enum Aggregator {
    /// The documents are consumed: their projects move into the department-years (each project
    /// is then changed in place, not copied), and `Site.documents` keeps the rest of each one.
    public static func aggregate(_ documents: consuming [DocumentResult], departments names: Departments) -> Site {
        // Keys hash by their bytes (a Chinese String hashes slowly); a department key is in
        // NFC first, so that bytes that differ only in Unicode normal form are one department.
        struct Key: Hashable, Comparable {
            var department: ByteKey
            var year: Int
            init(department: String, year: Int) {
                self.department = ByteKey(department)
                self.year = year
            }
            // Keys are in NFC, whose UTF-8 byte order is the order of `String`'s `<`.
            static func < (a: Key, b: Key) -> Bool {
                a.department != b.department ? a.department < b.department : a.year < b.year
            }
        }
        var groups: [Key: DepartmentYear] = [:]
        /// Department key → spelling (without code, in NFC) → documents using it.
        var spellings: [ByteKey: [ByteKey: Int]] = [:]
        var diagnostics: [Diagnostic] = []
        /// `make(raw)` in NFC, worked out once per distinct spelling.
        func normalized(_ raw: String, in table: inout [ByteKey: String], _ make: (String) -> String) -> String {
            if let known = table[ByteKey(raw)] { return known }
            var value = make(raw).nfc
            value.makeContiguousUTF8()
            table[ByteKey(raw)] = value
            return value
        }
        var keys: [ByteKey: String] = [:]
        func key(_ raw: String) -> String { normalized(raw, in: &keys, names.key) }
        var strippedSpellings: [ByteKey: String] = [:]
        func stripped(_ spelling: String) -> String { normalized(spelling, in: &strippedSpellings, Departments.stripCode) }
        for d in documents.indices {
            // The projects are moved out of the document, so that each is held once.
            var projects = documents[d].projects
            documents[d].projects = []
            let doc = documents[d]
            diagnostics.append(contentsOf: doc.diagnostics)
            let docKey = doc.department.map(key)
            // A document repeats its few spellings once per project: counted locally first.
            var counted: [(spelling: String, count: Int)] = []
            for spelling in doc.departmentSpellings {
                if let i = counted.firstIndex(where: { $0.spelling.utf8Equals(spelling) }) {
                    counted[i].count += 1
                } else {
                    counted.append((spelling, 1))
                }
            }
            for (spelling, count) in counted {
                spellings[ByteKey(key(spelling)), default: [:]][ByteKey(stripped(spelling)), default: 0] += count
            }
            projects.reverse()
            // A document's projects nearly always name one department: its key is looked up once.
            var lastRaw: String?, lastKey = ""
            while var project = projects.popLast() {
                guard let raw = project.rawDepartment, let year = project.year else { continue }
                let departmentKey: String
                if let lastRaw, lastRaw.utf8Equals(raw) {
                    departmentKey = lastKey
                } else {
                    departmentKey = key(raw)
                    (lastRaw, lastKey) = (raw, departmentKey)
                }
                project.departmentKey = departmentKey
                // One lookup per project; a document's projects come one after another, so its
                // path is either the group's last file or not there yet.
                func add(to group: inout DepartmentYear) {
                    group.projects.append(project)
                    if group.files.last != doc.path { group.files.append(doc.path) }
                }
                add(to: &groups[Key(department: departmentKey, year: year),
                                default: DepartmentYear(department: departmentKey, departmentKey: departmentKey, year: year, projects: [], files: [])])
            }
            if let docKey, let year = doc.year {
                let k = Key(department: docKey, year: year)
                if doc.annex != nil || doc.overallGoals != nil, groups[k] == nil {
                    groups[k] = DepartmentYear(department: docKey, departmentKey: docKey, year: year, projects: [], files: [doc.path])
                }
                if let annex = doc.annex {
                    if groups[k]!.annex != nil {
                        diagnostics.append(Diagnostic(.warning, annex.location, code: "duplicate-annex",
                                                      "\(docKey) \(year) 年有第二份公开清单；保留第一份",
                                                      en: "a second 公开清单 for \(docKey) \(year); the first one is kept"))
                    } else {
                        groups[k]!.annex = annex
                    }
                }
                if let goals = doc.overallGoals, groups[k]!.overallGoals == nil {
                    groups[k]!.overallGoals = goals
                }
            }
        }

        // Display names: the full official spelling where any document uses it, else the most
        // common one (worked out once per department).
        var displayNames: [ByteKey: String] = [:]
        func displayName(_ key: String) -> String {
            if let known = displayNames[ByteKey(key)] { return known }
            let name = findDisplayName(key)
            displayNames[ByteKey(key)] = name
            return name
        }
        func findDisplayName(_ key: String) -> String {
            let seen = (spellings[ByteKey(key)] ?? [:]).map { ($0.key.path, $0.value) }
            var best: (String, Int)?
            for (spelling, count) in seen {
                let base = Departments.baseKey(spelling)
                if spelling == key || (base == key && !spelling.utf8Contains("（") && !spelling.utf8Has(0x28) && spelling.utf8.count == key.utf8.count) {
                    return key
                }
                if base == key, spelling.hasSuffix("）") || spelling.hasSuffix(")") { continue }
                if best == nil || count > best!.1 || (count == best!.1 && spelling < best!.0) { best = (spelling, count) }
            }
            return best?.0 ?? key
        }

        // Each department-year is finished on its own, on all cores: its projects in source
        // order, named, and its annex matched to them.
        var named: [DepartmentYear] = []
        for k in groups.keys.sorted() {
            // Moved out of the dictionary (so that its projects are changed in place, not
            // copied) and named; then moved to a worker.
            var dy = groups.removeValue(forKey: k)!
            let name = displayName(k.department.path)
            dy.department = name
            for i in dy.projects.indices { dy.projects[i].department = name }
            named.append(dy)
        }
        let finished = parallelMap(taking: consume named) { (dy: consuming DepartmentYear) -> (DepartmentYear, [Diagnostic]) in
            dy.projects.sort { $0.location < $1.location }
            let found = dy.annex != nil ? AnnexMatcher.match(&dy) : []
            return (dy, found)
        }
        var byDepartment: [ByteKey: [DepartmentYear]] = [:]
        for (dy, found) in finished {
            diagnostics.append(contentsOf: found)
            // The group's key (`departmentKey` is the key the group was made with).
            byDepartment[ByteKey(dy.departmentKey), default: []].append(dy)
        }
        var departments: [Department] = byDepartment.map { byteKey, years in
            let key = byteKey.path
            let name = years.first?.department ?? key
            let aliases = (spellings[ByteKey(key)] ?? [:]).keys.map(\.path).filter { $0 != name }.sorted()
            return Department(name: name, key: key, aliases: aliases, years: years.sorted { $0.year < $1.year })
        }
        // Names and keys are in NFC: their bytes sort as the Strings do.
        departments.sort { $0.name.utf8Equals($1.name) ? $0.key.utf8Compare($1.key) < 0 : $0.name.utf8Compare($1.name) < 0 }
        diagnostics.sortByLocation(severityFirst: true)
        return Site(departments: departments, diagnostics: diagnostics, documents: documents)
    }
}
