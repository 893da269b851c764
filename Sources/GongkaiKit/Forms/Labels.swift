// The vocabulary of the forms: header labels and what each one fills in.

/// What a header label of a form stands for.
enum FieldKind: Equatable {
    case department
    /// A level of the transfer-payment chain (中央 … 区县主管部门): the most local one (the
    /// highest rank) names the department.
    case departmentLevel(Int)
    case unit
    case name
    /// 一级项目名称: another name of the project.
    case parentName
    case code
    /// A contact (项目负责人, 联系电话): kept as a field, never a name or an amount.
    case contact
    case totalAmount
    case yearAmount
    case funding(String)
    /// A label that only groups the rows after it (`项目资金（万元）`, `预算规模及资金用途`).
    case fundingGroup
    case source
    case period
    case periodStart
    case periodEnd
    case narrative(String, isGoal: Bool)
    /// `绩效目标` heading a group of `目标1`, `目标2` rows (layout D).
    case goalGroup
    case goal(String)
    case subItems
    case spendingPlan
    /// `项目年度`: the year, where a form states it as a field.
    case year

    /// The kind a label of labels.yml's `fields` has under `key` (the `index`th in its list).
    static func vocabulary(key: String, label: String, index: Int) -> FieldKind? {
        switch key {
        case "name": .name
        case "parent_name": .parentName
        case "department": .department
        case "department_chain": .departmentLevel(index)
        case "unit": .unit
        case "code": .code
        case "contact": .contact
        case "total_amount": .totalAmount
        case "year_amount": .yearAmount
        case "funding": .funding(LabelText.display(label))
        case "funding_group": .fundingGroup
        case "source": .source
        case "period": .period
        case "period_start": .periodStart
        case "period_end": .periodEnd
        case "year": .year
        case "narrative": .narrative(LabelText.display(label), isGoal: false)
        case "goal", "long_goal": .narrative(LabelText.display(label), isGoal: true)
        case "goal_group": .goalGroup
        case "sub_items": .subItems
        case "spending_plan": .spendingPlan
        default: nil
        }
    }
}

enum Labels {
    /// A label's lookup key as a string (see `LabelText.key`).
    static func normalize(_ label: String) -> String {
        String(decoding: LabelText.strip(LabelText.compact(label)).key, as: UTF8.self)
    }

    /// The field a cell names, or nil when the cell is not a known label.
    static func field(_ cell: String) -> FieldKind? {
        guard !cell.isEmpty, cell.utf8.count <= 80 else { return nil }
        let key = LabelText.strip(LabelText.compact(cell)).key
        guard !key.isEmpty else { return nil }
        if let kind = Vocabulary.current.field(ByteKey(String(decoding: key, as: UTF8.self))) { return kind }
        // `目标1`, `目标2`, …
        let goal: [UInt8] = Array("目标".utf8)
        if key.count > goal.count, key.count <= goal.count + 2, key.starts(with: goal),
            key[goal.count...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            return .goal(String(decoding: key, as: UTF8.self))
        }
        return nil
    }

    /// The unit a label names (`项目资金（万元）` → 万元), if any.
    static func unit(_ cell: String) -> MoneyUnit? {
        guard !cell.isEmpty, cell.utf8.count <= 80 else { return nil }
        return LabelText.unit(of: cell)
    }
}

/// The vocabulary of indicator tables: 一级 and 二级 names, header cells, values.
enum IndicatorVocabulary {
    static func isLevel1(_ s: String) -> Bool { s.utf8.count <= 24 && Vocabulary.current.level1.contains(ByteKey(s)) }

    /// A known 二级 name.
    static func isLevel2(_ s: String) -> Bool { s.utf8.count <= 45 && Vocabulary.current.level2.contains(ByteKey(s)) }

    /// A cell that reads like a 二级 name even if not in the list (`产出效率指标`).
    static func looksLikeLevel2(_ s: String) -> Bool {
        if isLevel2(s) { return true }
        let n = s.scalarCount
        guard n >= 2, n <= 10 else { return false }
        return s.utf8HasSuffix("指标") || s.utf8HasSuffix("效益") || s.utf8HasSuffix("影响")
    }

    static func isVocabulary(_ s: String) -> Bool { isLevel1(s) || isLevel2(s) }

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
        if s.utf8.count <= 12, Vocabulary.current.qualitative.contains(ByteKey(s)) { return true }
        if s.utf8HasPrefix("完成") && s.scalarCount <= 16 { return true }
        return false
    }
}
