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

/// A project's details, or where to read them when they are asked for (its cache file; on
/// any thread). Details read from the cache are kept while the build's `DetailsMemory` has
/// room for them and dropped (to be read again when next needed) when it has not.
final class ProjectDetailsBox: @unchecked Sendable {
    /// Where a project's details are in its document's cache file.
    struct Place {
        let source: DocumentCache.DetailsSource
        let offset: Int
        let length: Int
        let checksum: UInt64
        /// The project's position in its document (for reading the document again).
        let index: Int
        /// What the details take decoded, as `DetailsMemory` counts it: about twice their
        /// encoded size (1.7 times at 20,000 projects).
        var weight: Int { 2 * length }
    }

    private let lock = NSLock()
    private var value: ProjectDetails?
    private var place: Place?

    init(_ value: ProjectDetails) {
        self.value = value
    }

    init(place: Place) {
        self.place = place
    }

    var isDecoded: Bool { lock.lock(); defer { lock.unlock() }; return value != nil }

    func read<T>(_ body: (ProjectDetails) -> T) -> T {
        lock.lock()
        var loaded = false
        if value == nil, let place {
            value = place.source.details(place)
            loaded = true
        }
        let result = body(value!)
        let held = loaded ? place.map { ($0.source.memory, $0.weight) } : nil
        lock.unlock()
        // Outside the lock: making room drops other boxes' details, each under its own lock.
        if let (memory, weight) = held { memory?.hold(self, weight: weight) }
        return result
    }

    /// Details (just read from the document and written to its cache file) that may be dropped
    /// from now on, and read again from `place` when needed.
    func stored(at place: Place) {
        lock.lock()
        self.place = place
        let memory = value == nil ? nil : place.source.memory
        lock.unlock()
        memory?.hold(self, weight: place.weight)
    }

    /// Forgets the details, if they can be read again.
    func drop() {
        lock.lock()
        if place != nil { value = nil }
        lock.unlock()
    }

    /// For in-place changes by the only owner: the details are then this box's own, no longer
    /// those of the cache file.
    func modify<T>(_ body: (inout ProjectDetails) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        // Read and kept under one lock: no other thread can drop them in between.
        if value == nil, let place { value = place.source.details(place) }
        place = nil
        return body(&value!)
    }
}

/// How many bytes of cached details a build keeps decoded at once (`BuildOptions.detailsMemory`):
/// past that, the details decoded longest ago are dropped (and read again from the cache file
/// when next needed), so the site's details need not fit in memory. Boxes are weighed by
/// `Place.weight`.
final class DetailsMemory: @unchecked Sendable {
    let budget: Int
    private let lock = NSLock()
    private var boxes: [(box: ProjectDetailsBox, weight: Int)] = []
    private var first = 0
    private var held = 0
    /// How many times details were dropped to make room.
    private(set) var dropped = 0

    init(budget: Int) { self.budget = max(0, budget) }

    func hold(_ box: ProjectDetailsBox, weight: Int) {
        var victims: [ProjectDetailsBox] = []
        lock.lock()
        boxes.append((box, weight))
        held += weight
        while held > budget && first < boxes.count {
            held -= boxes[first].weight
            victims.append(boxes[first].box)
            first += 1
        }
        dropped += victims.count
        if first > 4096 && first * 2 > boxes.count {
            boxes.removeFirst(first)
            first = 0
        }
        lock.unlock()
        for victim in victims { victim.drop() }
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
        var amountUnit: MoneyUnit?
        var totalAmount: Money?
        var period: String?
        var source: String?
        var incomplete = false
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
            s.amount = amount; s.amountUnit = amountUnit; s.totalAmount = totalAmount; s.period = period; s.source = source
            s.incomplete = incomplete
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
    /// The unit the form wrote `amount` in (元 or 万元), or nil when nothing says which: the
    /// amount was then read as 万元 and is uncertain.
    public var amountUnit: MoneyUnit? {
        get { storage.amountUnit }
        _modify { let s = unique; yield &s.amountUnit }
    }
    /// Whether the project has an amount whose unit the form does not state (read as 万元,
    /// unverified): it is shown marked and kept out of the totals the site publishes as sure.
    public var amountUnitUnstated: Bool { storage.amount != nil && storage.amountUnit == nil }
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
    /// Whether the form stops before it ends (a page or file cut mid-table): what it holds is
    /// published as read, and the page says the rest is missing. Nothing is filled in for it.
    public var incomplete: Bool {
        get { storage.incomplete }
        set { unique.incomplete = newValue }
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
