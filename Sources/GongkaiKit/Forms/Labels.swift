// The vocabulary of the forms: header labels and what each one fills in.

/// What a header label of a form stands for.
enum FieldKind: Equatable {
    case department
    case unit
    case name
    case code
    case totalAmount
    case yearAmount
    case funding(String)
    /// A label that only groups the rows after it (`项目资金（万元）`, `预算规模及资金用途`).
    case fundingGroup
    case source
    case period
    case narrative(String, isGoal: Bool)
    /// `绩效目标` heading a group of `目标1`, `目标2` rows (layout D).
    case goalGroup
    case goal(String)
    case subItems
    case spendingPlan
    /// `项目年度`: the year, where a form states it as a field.
    case year
}

enum Labels {
    /// Normalises a label for lookup: no spaces, ASCII parentheses and colons,
    /// no `其中` prefix or trailing colon.
    static func normalize(_ label: String) -> String {
        var s = ""
        s.reserveCapacity(label.utf8.count)
        for ch in label {
            switch ch {
            case " ", "\t", "\u{3000}", "\u{00A0}", "\n": continue
            case "（": s.append("(")
            case "）": s.append(")")
            case "：": s.append(":")
            default: s.append(ch)
            }
        }
        if s.hasPrefix("其中:") { s.removeFirst(3) } else if s.hasPrefix("其中") { s.removeFirst(2) }
        while s.hasSuffix(":") { s.removeLast() }
        return s
    }

    private static let table: [String: FieldKind] = {
        var t: [String: FieldKind] = [:]
        for l in ["主管部门", "主管部门及代码", "主管单位", "主管部门名称", "部门名称"] { t[l] = .department }
        for l in ["单位名称", "实施单位", "项目单位", "预算单位", "项目实施单位"] { t[l] = .unit }
        for l in ["项目名称"] { t[l] = .name }
        for l in ["项目编码", "项目代码", "项目编号"] { t[l] = .code }
        for l in ["项目总金额(万元)", "项目总金额", "项目总额(万元)", "项目总投资(万元)"] { t[l] = .totalAmount }
        for l in ["本年度项目金额(万元)", "本年度项目金额", "年度资金总额", "预算数", "年度预算数", "预算金额(万元)", "年度预算(万元)"] {
            t[l] = .yearAmount
        }
        for l in ["财政拨款", "财政资金", "上年结转", "其他资金", "一般公共预算", "政府性基金", "自有资金", "财政专户"] { t[l] = .funding(l) }
        for l in ["项目资金(万元)", "项目资金", "预算规模及资金用途", "资金来源", "项目资金(元)"] { t[l] = .fundingGroup }
        for l in ["项目来源"] { t[l] = .source }
        for l in ["项目期", "项目日期", "起止时间", "项目周期", "实施期限", "项目实施期", "执行期限"] { t[l] = .period }
        for l in ["项目年度", "预算年度"] { t[l] = .year }
        let narrative = [
            "项目概况", "项目概述", "项目简介", "立项依据", "项目设立的必要性", "项目必要性说明", "项目可行性说明", "项目资金总额的计算依据",
            "资金计算依据", "保证项目实施的制度、措施", "项目实施计划", "需要说明的其他问题", "其他需要说明的问题", "资金用途", "项目内容",
            "实施主体", "年度预算安排", "项目实施内容", "测算依据",
        ]
        for l in narrative { t[l] = .narrative(l, isGoal: false) }
        for l in ["项目总目标", "年度绩效目标", "年度目标", "总目标", "绩效目标描述", "年度总体目标", "长期目标"] { t[l] = .narrative(l, isGoal: true) }
        t["绩效目标"] = .goalGroup
        t["绩效支出明细"] = .subItems
        t["资金支出计划(%)"] = .spendingPlan
        t["资金支出计划"] = .spendingPlan
        return t
    }()

    /// The field a cell names, or nil when the cell is not a known label.
    static func field(_ cell: String) -> FieldKind? {
        guard !cell.isEmpty, cell.utf8.count <= 60 else { return nil }
        let key = normalize(cell)
        if let kind = table[key] { return kind }
        if key.hasPrefix("目标"), key.count <= 4, key.dropFirst(2).allSatisfy({ $0.isNumber }), key.count > 2 {
            return .goal(key)
        }
        return nil
    }
}

/// The vocabulary of indicator tables: 一级 and 二级 names, header cells, values.
enum IndicatorVocabulary {
    private static let level1Names: Set<String> = [
        "决策", "过程", "产出", "效益", "效果", "满意度", "成本",
        "决策指标", "过程指标", "产出指标", "效益指标", "效果指标", "满意度指标", "成本指标",
    ]
    private static let level2Names: Set<String> = [
        "项目立项", "绩效目标", "资金投入", "资金管理", "组织实施", "项目管理", "财务管理", "业务管理",
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
        "可持续影响指标", "满意度指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
        "产出数量", "产出质量", "产出时效", "产出成本", "经济效益", "社会效益", "生态效益", "可持续影响",
        "满意度", "服务对象满意度", "数量", "质量", "时效", "成本",
    ]

    static func isLevel1(_ s: String) -> Bool { level1Names.contains(s) }

    /// A known 二级 name.
    static func isLevel2(_ s: String) -> Bool { level2Names.contains(s) }

    /// A cell that reads like a 二级 name even if not in the list (`产出效率指标`).
    static func looksLikeLevel2(_ s: String) -> Bool {
        if level2Names.contains(s) { return true }
        let n = s.count
        guard n >= 2, n <= 10 else { return false }
        return s.hasSuffix("指标") || s.hasSuffix("效益") || s.hasSuffix("影响")
    }

    static func isVocabulary(_ s: String) -> Bool { isLevel1(s) || isLevel2(s) }

    private static let qualitative: Set<String> = [
        "充分", "规范", "合理", "明确", "科学", "合规", "健全", "有效", "及时", "完善", "满意", "基本满意", "是", "否",
        "较高", "较大", "显著", "长期", "不适用", "确保", "提升", "保障", "序时进度", "按时", "按期", "达标", "完成", "高",
        "良好", "优秀", "100%",
    ]
    private static let operatorScalars: Set<Unicode.Scalar> = [
        "≥", "≤", "=", "<", ">", "≧", "≦", "＞", "＜", "＝", "≠", "±", "~", "～", "≈",
    ]

    /// Whether a cell reads like a target value rather than an indicator name.
    static func isValueLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if operatorScalars.contains(first) { return true }
        if ("0"..."9").contains(first) || (0xFF10...0xFF19).contains(first.value) {
            // `2024年12月底前` is a value; `2024年预计村干部在岗人数` is a name.
            return s.count <= 12
        }
        if qualitative.contains(s) { return true }
        if s.hasPrefix("完成") && s.count <= 16 { return true }
        return false
    }
}
