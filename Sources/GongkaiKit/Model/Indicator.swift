// Performance indicators (绩效指标): a three-level tree and target values.

/// Which columns an indicator table has.
public struct IndicatorColumns: Hashable, Sendable {
    /// 半年（程）指标值 and 全年（程）指标值 instead of one 指标值.
    public var halfAndFullYear = false
    /// 绩效指标描述.
    public var description = false
    /// 指标值确定依据.
    public var basis = false
    /// Line of the table's header row.
    public var headerLine: Int?
}

/// A target value of an indicator as written on one row.
public struct Target: Hashable, Sendable {
    /// 半年（程）指标值, where the form has that column.
    public var halfYear: String?
    /// 指标值 / 全年（程）指标值, as shown: where the form gives the operator and the unit in
    /// columns of their own (`= | 116 | 人`), joined into it (`=116人`).
    public var value: String?
    public var line: Int
    /// The operator as its own column gave it (计算符号, 指标性质: `=`, `≥`), nil when the form
    /// has no such column.
    public var op: String? = nil
    /// The unit as its own column gave it (计量单位, 度量单位: `人`, `%`), nil when the form has
    /// no such column.
    public var unit: String? = nil
    /// The term of a target that is not the year's: `中期`, `长期`, `实施期` (a second set of
    /// targets beside the 年度 ones, which come first); nil for the year's.
    public var term: String? = nil
}

/// The normalised kind of a 一级指标.
public enum IndicatorKind: String, Sendable, CaseIterable, Codable {
    case decision = "决策"
    case process = "过程"
    case output = "产出"
    case cost = "成本"
    case effect = "效益"
    case satisfaction = "满意度"
    case other = "其他"

    /// Classifies a 一级指标 name as written (`产出指标`, `效果指标`, `决策`).
    public init(level1: String) {
        if level1.utf8HasPrefix("决策") { self = .decision }
        else if level1.utf8HasPrefix("过程") { self = .process }
        else if level1.utf8HasPrefix("产出") || level1.utf8HasPrefix("项目完成") { self = .output }
        else if level1.utf8HasPrefix("成本") { self = .cost }
        else if level1.utf8HasPrefix("效益") || level1.utf8HasPrefix("效果") || level1.utf8HasPrefix("项目效益") { self = .effect }
        else if level1.utf8HasPrefix("满意") { self = .satisfaction }
        else { self = .other }
    }
}

/// One 三级指标 with its place in the tree and its target value(s).
public struct Indicator: Hashable, Sendable {
    /// 一级指标 as written (`产出指标`, `决策`, `效果指标`).
    public var level1: String
    /// 二级指标 as written (`数量指标`, `产出质量`).
    public var level2: String
    /// 三级指标: the indicator itself.
    public var name: String
    /// The first row's values, then any continuation rows that add values.
    public var targets: [Target]
    public var description: String?
    public var basis: String?
    public var line: Int

    /// The kind of its 一级, or of its 二级 where the 一级 is a tree's root of another name
    /// (`实施效果指标` above `产出指标` / `效益指标`).
    public var kind: IndicatorKind {
        let kind = IndicatorKind(level1: level1)
        return kind == .other ? IndicatorKind(level1: level2) : kind
    }

    /// The first full-year (or only) value.
    public var value: String? { targets.first?.value }
}
