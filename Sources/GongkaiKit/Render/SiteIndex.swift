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
        /// Paths of the projects, in `departmentYear.projects` order.
        public var projectPaths: [String]
    }

    public var departments: [DepartmentEntry]
    public var departmentYears: [DepartmentYearEntry]

    public init(site: Site) {
        var departments: [DepartmentEntry] = []
        var years: [DepartmentYearEntry] = []
        for d in site.departments {
            let dPath = Permalinks.department(d.key)
            departments.append(DepartmentEntry(department: d, path: dPath))
            for dy in d.years {
                let path = Permalinks.departmentYear(d.key, dy.year)
                let slugs = Permalinks.projectSlugs(dy.projects)
                years.append(DepartmentYearEntry(departmentYear: dy, path: path, departmentPath: dPath,
                                                 projectPaths: slugs.map { path + $0 + ".html" }))
            }
        }
        self.departments = departments
        self.departmentYears = years
    }
}
