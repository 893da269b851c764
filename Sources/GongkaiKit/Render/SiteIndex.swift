// Routing: the path of every page, computed once from the model.

/// Every page's path, in site order.
public struct SiteIndex: Sendable {
    public struct DepartmentEntry: Sendable {
        public var department: Department
        public var path: String
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

    public init(site: Site) {
        var departments: [DepartmentEntry] = []
        var years: [DepartmentYearEntry] = []
        var history: [[(entry: Int, project: Int)]] = []
        for (di, d) in site.departments.enumerated() {
            let dPath = Permalinks.department(d.key)
            departments.append(DepartmentEntry(department: d, path: dPath))
            // The same project across this department's years, by normalised name.
            var groups: [[UInt8]: Int] = [:]
            for dy in d.years {
                let path = Permalinks.departmentYear(d.key, dy.year)
                let slugs = Permalinks.projectSlugs(dy.projects)
                var entry = DepartmentYearEntry(departmentYear: dy, path: path, departmentPath: dPath, departmentIndex: di,
                                                projectPaths: slugs.map { path + $0 + ".html" })
                for (pi, p) in dy.projects.enumerated() {
                    let key = Array(AnnexMatcher.normalize(p.name).utf8)
                    let group: Int
                    if let g = groups[key] {
                        group = g
                    } else {
                        group = history.count
                        groups[key] = group
                        history.append([])
                    }
                    history[group].append((years.count, pi))
                    entry.historyGroups.append(group)
                }
                years.append(entry)
            }
        }
        self.departments = departments
        self.departmentYears = years
        self.history = history
    }
}
