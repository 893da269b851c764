// Fingerprints of what pages and data are made from: the same fingerprint, the same bytes.

/// A stable hash of every project, by department-year entry and project index.
struct Fingerprints: Sendable {
    /// `projects[y][p]`: the hash of project p of `index.departmentYears[y]` in binary form.
    let projects: [[UInt64]]
    /// `departmentYears[y]`: the hash of the department-year's data rows (name, year, projects, paths).
    let departmentYears: [UInt64]

    init(_ index: SiteIndex) {
        let entries = index.departmentYears
        projects = parallelMap(Array(entries.indices)) { y in
            entries[y].departmentYear.projects.map { p in
                p.digest?.hash ?? ProjectDigest.hash(of: p)
            }
        }
        var years: [UInt64] = []
        for (y, entry) in entries.enumerated() {
            var h = StableHash()
            h.combine(entry.departmentYear.department)
            h.combine(entry.departmentYear.year)
            for (p, path) in entry.projectPaths.enumerated() {
                h.combine(projects[y][p])
                h.combine(path)
            }
            years.append(h.value)
        }
        departmentYears = years
    }
}
