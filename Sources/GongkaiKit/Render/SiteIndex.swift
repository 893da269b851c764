// Routing: the path of every page, computed once from the model.

/// Every page's path, in site order.
public struct SiteIndex: Sendable {
    /// How pages and data show a document's path (`PublicPaths`).
    public var paths = PublicPaths()
    public struct DepartmentEntry: Sendable {
        public var department: Department
        public var path: String
        /// Its years' entries in `departmentYears`.
        public var yearEntries: Range<Int> = 0..<0
    }

    public struct DepartmentYearEntry: Sendable {
        public var departmentYear: DepartmentYear
        public var path: String
        public var departmentPath: String
        /// Index of the department in `departments`.
        public var departmentIndex: Int
        /// Paths of the projects, in `departmentYear.projects` order.
        public var projectPaths: [String]
        /// For each project, its group in `history`: the same project in the department's years.
        public var historyGroups: [Int] = []
    }

    /// Groups of (department-year entry, project) that are the same project in different years.
    public var history: [[(entry: Int, project: Int)]] = []

    public var departments: [DepartmentEntry]
    public var departmentYears: [DepartmentYearEntry]
    /// Each document's original, address and date, by its path (`Site.sources`).
    public var sources: [String: DocumentSource]

    public init(site: Site) {
        // Each department on its own, on all cores, with its entries and history groups
        // numbered from 0; then numbered in site order.
        struct Part: Sendable {
            var department: DepartmentEntry
            var years: [DepartmentYearEntry] = []
            var history: [[Int]] = []  // per group: (entry, project) pairs, flattened
        }
        // Each department's folder, unique across the site (decided in site order, before the
        // departments are routed in parallel).
        let folders = Permalinks.departmentSegments(site.departments.map(\.key))
        let parts = parallelMap(Array(site.departments.indices)) { di -> Part in
            let d = site.departments[di]
            let dPath = "/" + folders[di] + "/"
            var part = Part(department: DepartmentEntry(department: d, path: dPath))
            // The same project across this department's years, by normalised name.
            var groups: [ByteKey: Int] = [:]
            for dy in d.years {
                let path = dPath + String(dy.year) + "/"
                let slugs = Permalinks.projectSlugs(dy.projects)
                var entry = DepartmentYearEntry(departmentYear: dy, path: path, departmentPath: dPath, departmentIndex: di,
                                                projectPaths: slugs.map { path + $0 + ".html" })
                for (pi, p) in dy.projects.enumerated() {
                    let key = ByteKey(AnnexMatcher.normalize(p.name))
                    let group: Int
                    if let g = groups[key] {
                        group = g
                    } else {
                        group = part.history.count
                        groups[key] = group
                        part.history.append([])
                    }
                    part.history[group].append(contentsOf: [part.years.count, pi])
                    entry.historyGroups.append(group)
                }
                part.years.append(entry)
            }
            return part
        }
        var departments: [DepartmentEntry] = []
        var years: [DepartmentYearEntry] = []
        var history: [[(entry: Int, project: Int)]] = []
        for part in parts {
            let entryOffset = years.count, groupOffset = history.count
            departments.append(part.department)
            departments[departments.count - 1].yearEntries = entryOffset..<entryOffset + part.years.count
            for var entry in part.years {
                for i in entry.historyGroups.indices { entry.historyGroups[i] += groupOffset }
                years.append(entry)
            }
            for group in part.history {
                history.append(stride(from: 0, to: group.count, by: 2).map { (entry: group[$0] + entryOffset, project: group[$0 + 1]) })
            }
        }
        self.departments = departments
        self.departmentYears = years
        self.history = history
        sources = site.sources
    }

    /// Takes over what the quality checks added to the site this index was made from (the
    /// department-years' notes and indicator counts): the same departments and years, in the
    /// same order; the routes do not change.
    mutating func update(from site: Site) {
        precondition(site.departments.count == departments.count, "the index of another site")
        var k = 0
        for (d, department) in site.departments.enumerated() {
            departments[d].department = department
            for dy in department.years {
                precondition(departmentYears[k].departmentIndex == d && departmentYears[k].departmentYear.year == dy.year, "the index of another site")
                departmentYears[k].departmentYear = dy
                k += 1
            }
        }
        precondition(k == departmentYears.count, "the index of another site")
    }
}
