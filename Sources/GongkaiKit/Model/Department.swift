// Departments, their years, and what a department-year publishes besides projects.

/// A row of the 项目支出绩效目标公开清单 annex.
public struct AnnexRow: Hashable, Sendable {
    public var number: String
    public var name: String
    public var amount: Money?
    public var amountText: String
    public var line: Int
    /// Index of the matched project in the department-year's project list.
    public var matchedProject: Int?
    /// Whether the matched project goes by exactly this name.
    public var nameMatches: Bool = false
    /// Whether the matched project's amount equals this row's.
    public var amountMatches: Bool = false
}

/// The 公开清单 annex of a department-year.
public struct Annex: Hashable, Sendable {
    public var location: SourceLocation
    public var headerLines: [Int]
    public var rows: [AnnexRow]

    public var total: Money { rows.compactMap(\.amount).sum() }
}

/// One 分项绩效目标 of the department's overall goals.
public struct GoalItem: Hashable, Sendable {
    public var title: String
    public var goal: String?
    public var indicator: String?
    public var line: Int
}

/// A numbered part of 部门整体绩效目标 (`一、总体绩效目标`).
public struct OverallSection: Hashable, Sendable {
    public var title: String
    public var paragraphs: [String]
    public var items: [GoalItem]
    public var line: Int
}

/// 部门整体绩效目标: the department's overall goals for the year.
public struct OverallGoals: Hashable, Sendable {
    public var title: String
    public var sections: [OverallSection]
    public var location: SourceLocation
}

/// All a department publishes for one year.
public struct DepartmentYear: Sendable {
    public var department: String
    public var departmentKey: String
    public var year: Int
    public var projects: [Project]
    public var annex: Annex?
    public var overallGoals: OverallGoals?
    /// The documents this department-year was read from.
    public var files: [String]
    /// Plain-language notes for citizens about what does not add up (数据说明).
    public var notes: [String] = []
    /// Indicators, and how many of them have a measurable target (number, date or range).
    public var indicatorCount = 0
    public var measurableCount = 0

    /// The exact sum of the projects' amounts as read, including those whose unit no form
    /// states (for reconciling with the 公开清单; pages and open data show `statedTotal`).
    public var total: Money { projects.compactMap(\.amount).sum() }

    /// The exact sum of the amounts whose unit (元 or 万元) the forms state: the total the site
    /// publishes. An amount whose unit is unsure is never part of it (`unstated`).
    public var statedTotal: Money {
        projects.lazy.filter { !$0.amountUnitUnstated }.compactMap(\.amount).sum()
    }

    /// The amounts whose unit no form states (read as 万元, unverified): how many and their sum
    /// as read, shown apart from `statedTotal`.
    public var unstated: (count: Int, total: Money) {
        let amounts = projects.lazy.filter(\.amountUnitUnstated).compactMap(\.amount)
        return (amounts.count, amounts.sum())
    }

    /// Whether the annex agrees with the projects: same count, every row matched
    /// with the same amount, and the same total.
    public var annexReconciles: Bool? {
        guard let annex else { return nil }
        return annex.rows.count == projects.count
            && annex.rows.allSatisfy { $0.matchedProject != nil && $0.amountMatches }
            && annex.total == total
    }
}

/// A department with its years, oldest first.
public struct Department: Sendable {
    public var name: String
    public var key: String
    /// Other spellings seen in the content (`江阴市人社局`, `…（机关）`).
    public var aliases: [String]
    public var years: [DepartmentYear]
}

/// Everything read from the content, aggregated.
public struct Site: Sendable {
    public var departments: [Department]
    public var diagnostics: [Diagnostic]
    /// Documents read, including those that yielded nothing. Their projects are in the
    /// department-years (moved there by `Aggregator.aggregate`), not here.
    public var documents: [DocumentResult]
    /// Each document's original, address and date, by its path (`Publications.resolve`).
    public var sources: [String: DocumentSource] = [:]

    public var projectCount: Int { departments.reduce(0) { $0 + $1.years.reduce(0) { $0 + $1.projects.count } } }
    public var departmentYears: [DepartmentYear] { departments.flatMap(\.years) }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
