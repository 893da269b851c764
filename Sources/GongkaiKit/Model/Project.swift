// One budget project (项目) with its money, narrative and indicators.

import Foundation

/// A labelled value exactly as a form's header rows give it (`项目来源` → `本级申报项目`).
public struct Field: Hashable, Sendable {
    public var label: String
    public var value: String
    public var line: Int
}

/// A part of the project's funding (`财政拨款`, `上年结转`, `其他资金`), in 万元.
public struct FundingLine: Hashable, Sendable {
    public var label: String
    public var amount: Money?
    public var text: String
    public var line: Int
}

/// A row of 绩效支出明细: a sub-item with its half-year and full-year amounts in 元.
public struct SubItem: Hashable, Sendable {
    public var name: String
    public var halfYear: Money?
    public var fullYear: Money?
    public var line: Int
}

/// One point of the 资金支出计划: share of the budget spent by a date (`6月底` → `50%`).
public struct PlanPoint: Hashable, Sendable {
    public var label: String
    public var share: String
    public var line: Int
}

/// A narrative section (项目概述, 立项依据, 年度绩效目标, …) in document order.
public struct NarrativeSection: Hashable, Sendable {
    public var title: String
    /// Plain text; paragraphs separated by blank lines.
    public var text: String
    public var line: Int
    /// Whether the section states a goal (年度目标, 总目标, 目标1, …).
    public var isGoal: Bool
}

/// Everything a project has beyond what lists and totals need: money lines, narrative and
/// indicators. Taken from the build cache only when something reads it (`Project.details`).
public struct ProjectDetails: Sendable {
    public var funding: [FundingLine] = []
    public var subItems: [SubItem] = []
    public var spendingPlan: [PlanPoint] = []
    public var sections: [NarrativeSection] = []
    public var indicatorColumns = IndicatorColumns()
    public var indicators: [Indicator] = []
    /// Every labelled header row as read, in order.
    public var fields: [Field] = []
    /// Lines of table rows that belong to the project but carry no value of their own
    /// (table headers, column-label rows), so every row is accounted for.
    public var structuralLines: [Int] = []

    public init() {}
}

/// A project's details, or how to read them when they are first asked for (from the cache
/// file; once, on any thread).
final class ProjectDetailsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ProjectDetails?
    private var load: (@Sendable () -> ProjectDetails)?

    init(_ value: ProjectDetails) {
        self.value = value
    }

    init(load: @escaping @Sendable () -> ProjectDetails) {
        self.load = load
    }

    var isDecoded: Bool { lock.lock(); defer { lock.unlock() }; return value != nil }

    func read<T>(_ body: (ProjectDetails) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if value == nil, let load {
            value = load()
            self.load = nil
        }
        return body(value!)
    }

    /// For in-place changes by the only owner.
    func modify<T>(_ body: (inout ProjectDetails) -> T) -> T {
        _ = read { _ in 0 }
        return body(&value!)
    }
}

/// What the build keeps of a project so that an unchanged one is never decoded in full: a hash
/// of all of it, its data-quality findings and the counts the site shows.
struct ProjectDigest: Sendable {
    var hash: UInt64
    var findings: [QualityChecks.Finding]
    var indicatorCount: Int
    var measurableCount: Int
    /// `SearchDocument.kinds`.
    var kinds: UInt8
}

/// A budget project as read from one form.
///
/// A value type whose fields live in one shared, copy-on-write box: copying a project (lists
/// of projects are copied and iterated all through a build) costs one reference count, not
/// one per field.
public struct Project: Sendable {
    private final class Storage: @unchecked Sendable {
        var layout: Layout
        var location: SourceLocation
        var rawDepartment: String?
        var department = ""
        var departmentKey = ""
        var unit: String?
        var year: Int?
        var name: String
        var otherNames: [String] = []
        var code: String?
        var amount: Money?
        var totalAmount: Money?
        var period: String?
        var source: String?
        var detailsBox = ProjectDetailsBox(ProjectDetails())
        var digest: ProjectDigest?

        init(layout: Layout, location: SourceLocation, name: String) {
            self.layout = layout
            self.location = location
            self.name = name
        }

        func copy() -> Storage {
            let s = Storage(layout: layout, location: location, name: name)
            s.rawDepartment = rawDepartment; s.department = department; s.departmentKey = departmentKey
            s.unit = unit; s.year = year; s.otherNames = otherNames; s.code = code
            s.amount = amount; s.totalAmount = totalAmount; s.period = period; s.source = source
            s.detailsBox = detailsBox; s.digest = digest
            return s
        }
    }

    private var storage: Storage

    /// The box, made this project's own before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var layout: Layout {
        get { storage.layout }
        set { unique.layout = newValue }
    }
    public var location: SourceLocation {
        get { storage.location }
        _modify { let s = unique; yield &s.location }
    }
    /// The department as written in the form (主管部门), before normalisation.
    public var rawDepartment: String? {
        get { storage.rawDepartment }
        _modify { let s = unique; yield &s.rawDepartment }
    }
    /// Filled in by aggregation: the department's display name and key.
    public var department: String {
        get { storage.department }
        _modify { let s = unique; yield &s.department }
    }
    public var departmentKey: String {
        get { storage.departmentKey }
        _modify { let s = unique; yield &s.departmentKey }
    }
    public var unit: String? {
        get { storage.unit }
        _modify { let s = unique; yield &s.unit }
    }
    public var year: Int? {
        get { storage.year }
        _modify { let s = unique; yield &s.year }
    }
    public var name: String {
        get { storage.name }
        _modify { let s = unique; yield &s.name }
    }
    /// Other names the project goes by in the document (heading, table name, annex), not including `name`.
    public var otherNames: [String] {
        get { storage.otherNames }
        _modify { let s = unique; yield &s.otherNames }
    }
    public var code: String? {
        get { storage.code }
        _modify { let s = unique; yield &s.code }
    }
    /// The year's budget in 万元 (本年度项目金额, else 项目总金额 / 年度资金总额 / 预算数).
    public var amount: Money? {
        get { storage.amount }
        _modify { let s = unique; yield &s.amount }
    }
    /// 项目总金额 where the form states it.
    public var totalAmount: Money? {
        get { storage.totalAmount }
        _modify { let s = unique; yield &s.totalAmount }
    }
    public var period: String? {
        get { storage.period }
        _modify { let s = unique; yield &s.period }
    }
    public var source: String? {
        get { storage.source }
        _modify { let s = unique; yield &s.source }
    }
    var detailsBox: ProjectDetailsBox {
        get { storage.detailsBox }
        _modify { let s = unique; yield &s.detailsBox }
    }
    /// Set when the project was read or taken from the cache by a build.
    var digest: ProjectDigest? {
        get { storage.digest }
        _modify { let s = unique; yield &s.digest }
    }

    /// Money lines, narrative, indicators; decoded from the cache on first use.
    public var details: ProjectDetails {
        get { detailsBox.read { $0 } }
        set { detailsBox = ProjectDetailsBox(newValue) }
    }

    private mutating func uniqueDetails() {
        if !isKnownUniquelyReferenced(&detailsBox) { detailsBox = ProjectDetailsBox(details) }
    }

    public var funding: [FundingLine] {
        get { detailsBox.read { $0.funding } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.funding; d.funding = []; return v }
            defer { detailsBox.modify { $0.funding = value } }
            yield &value
        }
    }
    public var subItems: [SubItem] {
        get { detailsBox.read { $0.subItems } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.subItems; d.subItems = []; return v }
            defer { detailsBox.modify { $0.subItems = value } }
            yield &value
        }
    }
    public var spendingPlan: [PlanPoint] {
        get { detailsBox.read { $0.spendingPlan } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.spendingPlan; d.spendingPlan = []; return v }
            defer { detailsBox.modify { $0.spendingPlan = value } }
            yield &value
        }
    }
    public var sections: [NarrativeSection] {
        get { detailsBox.read { $0.sections } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.sections; d.sections = []; return v }
            defer { detailsBox.modify { $0.sections = value } }
            yield &value
        }
    }
    public var indicatorColumns: IndicatorColumns {
        get { detailsBox.read { $0.indicatorColumns } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.indicatorColumns; d.indicatorColumns = IndicatorColumns(); return v }
            defer { detailsBox.modify { $0.indicatorColumns = value } }
            yield &value
        }
    }
    public var indicators: [Indicator] {
        get { detailsBox.read { $0.indicators } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.indicators; d.indicators = []; return v }
            defer { detailsBox.modify { $0.indicators = value } }
            yield &value
        }
    }
    public var fields: [Field] {
        get { detailsBox.read { $0.fields } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.fields; d.fields = []; return v }
            defer { detailsBox.modify { $0.fields = value } }
            yield &value
        }
    }
    public var structuralLines: [Int] {
        get { detailsBox.read { $0.structuralLines } }
        _modify {
            uniqueDetails()
            // Taken out while it changes, so that it is not copied.
            var value = detailsBox.modify { d in let v = d.structuralLines; d.structuralLines = []; return v }
            defer { detailsBox.modify { $0.structuralLines = value } }
            yield &value
        }
    }

    public init(layout: Layout, location: SourceLocation, name: String) {
        storage = Storage(layout: layout, location: location, name: name)
    }

    /// The goal sections (年度绩效目标, 项目总目标, 目标1, …).
    public var goals: [NarrativeSection] { sections.filter(\.isGoal) }

    /// Every source line that a value of this project came from.
    public var sourceLines: Set<Int> {
        var lines = Set<Int>([location.line])
        lines.formUnion(fields.map(\.line))
        lines.formUnion(funding.map(\.line))
        lines.formUnion(subItems.map(\.line))
        lines.formUnion(spendingPlan.map(\.line))
        lines.formUnion(sections.map(\.line))
        lines.formUnion(structuralLines)
        for indicator in indicators {
            lines.insert(indicator.line)
            lines.formUnion(indicator.targets.map(\.line))
        }
        return lines
    }
}
