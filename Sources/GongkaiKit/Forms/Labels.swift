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
    /// no `其中` prefix or trailing colon. Works on scalars, not Characters.
    static func normalizedBytes(_ label: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(label.utf8.count)
        var label = label
        label.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D:
                    i += 1
                    continue
                case 0xC2 where i + 1 < n && b[i + 1] == 0xA0:  // no-break space
                    i += 2
                    continue
                case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80:  // ideographic space
                    i += 3
                    continue
                case 0xEF where i + 2 < n && b[i + 1] == 0xBC:
                    switch b[i + 2] {
                    case 0x88: out.append(0x28); i += 3; continue  // （
                    case 0x89: out.append(0x29); i += 3; continue  // ）
                    case 0x9A: out.append(0x3A); i += 3; continue  // ：
                    default: break
                    }
                default:
                    break
                }
                out.append(c)
                i += 1
            }
        }
        let qizhong: [UInt8] = [0xE5, 0x85, 0xB6, 0xE4, 0xB8, 0xAD]  // 其中
        if out.starts(with: qizhong) {
            out.removeFirst(qizhong.count)
            if out.first == 0x3A { out.removeFirst() }
        }
        while out.last == 0x3A { out.removeLast() }
        return out
    }

    static func normalize(_ label: String) -> String {
        String(decoding: normalizedBytes(label), as: UTF8.self)
    }

    private static let table: [ByteKey: FieldKind] = {
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
        return Dictionary(uniqueKeysWithValues: t.map { (ByteKey($0.key), $0.value) })
    }()

    /// The field a cell names, or nil when the cell is not a known label.
    static func field(_ cell: String) -> FieldKind? {
        guard !cell.isEmpty, cell.utf8.count <= 60 else { return nil }
        let key = normalizedBytes(cell)
        if let kind = table[ByteKey(String(decoding: key, as: UTF8.self))] { return kind }
        // `目标1`, `目标2`, …
        let goal: [UInt8] = Array("目标".utf8)
        if key.count > goal.count, key.count <= goal.count + 2, key.starts(with: goal),
            key[goal.count...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            return .goal(String(decoding: key, as: UTF8.self))
        }
        return nil
    }
}

/// The vocabulary of indicator tables: 一级 and 二级 names, header cells, values.
enum IndicatorVocabulary {
    private static func bytes(_ names: [String]) -> Set<ByteKey> { Set(names.map { ByteKey($0) }) }

    private static let level1Names = bytes([
        "决策", "过程", "产出", "效益", "效果", "满意度", "成本",
        "决策指标", "过程指标", "产出指标", "效益指标", "效果指标", "满意度指标", "成本指标",
    ])
    private static let level2Names = bytes([
        "项目立项", "绩效目标", "资金投入", "资金管理", "组织实施", "项目管理", "财务管理", "业务管理",
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
        "可持续影响指标", "满意度指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
        "产出数量", "产出质量", "产出时效", "产出成本", "经济效益", "社会效益", "生态效益", "可持续影响",
        "满意度", "服务对象满意度", "数量", "质量", "时效", "成本",
    ])

    static func isLevel1(_ s: String) -> Bool { s.utf8.count <= 15 && level1Names.contains(ByteKey(s)) }

    /// A known 二级 name.
    static func isLevel2(_ s: String) -> Bool { s.utf8.count <= 27 && level2Names.contains(ByteKey(s)) }

    /// A cell that reads like a 二级 name even if not in the list (`产出效率指标`).
    static func looksLikeLevel2(_ s: String) -> Bool {
        if isLevel2(s) { return true }
        let n = s.scalarCount
        guard n >= 2, n <= 10 else { return false }
        return s.utf8HasSuffix("指标") || s.utf8HasSuffix("效益") || s.utf8HasSuffix("影响")
    }

    static func isVocabulary(_ s: String) -> Bool { isLevel1(s) || isLevel2(s) }

    private static let qualitative = bytes([
        "充分", "规范", "合理", "明确", "科学", "合规", "健全", "有效", "及时", "完善", "满意", "基本满意", "是", "否",
        "较高", "较大", "显著", "长期", "不适用", "确保", "提升", "保障", "序时进度", "按时", "按期", "达标", "完成", "高",
        "良好", "优秀", "100%",
    ])
    private static let operatorScalars: Set<UInt32> = [
        0x2265, 0x2264, 0x3D, 0x3C, 0x3E, 0x2267, 0x2266, 0xFF1E, 0xFF1C, 0xFF1D, 0x2260, 0xB1, 0x7E, 0xFF5E, 0x2248,
    ]

    /// Whether a cell reads like a target value rather than an indicator name.
    static func isValueLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if operatorScalars.contains(first.value) { return true }
        if (0x30...0x39).contains(first.value) || (0xFF10...0xFF19).contains(first.value) {
            // `2024年12月底前` is a value; `2024年预计村干部在岗人数` is a name.
            return s.scalarCount <= 12
        }
        if s.utf8.count <= 12, qualitative.contains(ByteKey(s)) { return true }
        if s.utf8HasPrefix("完成") && s.scalarCount <= 16 { return true }
        return false
    }
}
