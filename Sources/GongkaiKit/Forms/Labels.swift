// The vocabulary of the forms: header labels and what each one fills in.

/// What a header label of a form stands for.
enum FieldKind: Equatable, Sendable {
    case department
    /// A level of the transfer-payment chain (中央 … 区县主管部门): the most local one (the
    /// highest rank) names the department.
    case departmentLevel(Int)
    /// A finance bureau of the chain (省级财政部门, 区县财政部门): kept as a field, never the
    /// project's department.
    case financeDepartment
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
    /// A label that heads a breakdown of what the money is spent on (`支出明细预算（万元）`): the
    /// rows under it are spending items, never sources of the money (`4、其他 23 45`).
    case spendingGroup
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
    /// Another attribute of the project (资金性质, 项目分类): kept as a field.
    case attribute
    /// The web page's publisher (发布机构, 信息来源): the department only when the form names
    /// neither a department nor a unit.
    case publisher
    /// A field of the web page around the form (索引号, 成文日期): not the form's.
    case pageField

    /// The kind a label of labels.yml's `fields` has under `key` (the `index`th in its list).
    static func vocabulary(key: String, label: String, index: Int) -> FieldKind? {
        switch key {
        case "name": .name
        case "parent_name": .parentName
        case "department": .department
        case "department_chain": .departmentLevel(index)
        case "finance_department": .financeDepartment
        case "place": .narrative(LabelText.display(label), isGoal: false)
        case "attribute": .attribute
        case "publisher": .publisher
        case "page_field": .pageField
        case "unit": .unit
        case "code": .code
        case "contact": .contact
        case "total_amount": .totalAmount
        case "year_amount": .yearAmount
        case "funding": .funding(LabelText.display(label))
        case "funding_group": .fundingGroup
        case "spending_group": .spendingGroup
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
        // A cell with nothing that normalising drops is looked up as written (most are).
        if !mayNeedNormalising(cell), !cell.utf8HasPrefix("其中") {
            if let kind = Vocabulary.current.field(ByteKey(cell)) { return kind }
            // (`…保证专项实施的制度、措施` has what normalising drops: it is looked up below.)
            if cell.utf8HasPrefix("专项"), cell.utf8.count <= 60, let kind = asProject(cell, key: Array(cell.utf8)) { return kind }
            if cell.utf8HasSuffix(chainSuffix) { return chainLabel(cell) }
            // Only `目标` and a digit or two can be a goal: no copy of any other cell.
            return cell.utf8.count <= goalPrefix.count + 2 && cell.utf8HasPrefix("目标") ? goal(Array(cell.utf8)) : nil
        }
        // The same cells come again and again (a template's labels): normalised once each.
        return Vocabulary.current.normalisedFields.value(for: cell) { normalisedField(cell) }
    }

    /// The kind of a cell with what normalising drops (spaces, brackets, `*`, `其中`).
    private static func normalisedField(_ cell: String) -> FieldKind? {
        let compacted = LabelText.compact(cell)
        let key = LabelText.strip(compacted).key
        guard !key.isEmpty else { return nil }
        if let kind = Vocabulary.current.field(ByteKey(String(decoding: key, as: UTF8.self))) { return kind }
        if let kind = goal(key) ?? asProject(cell, key: key) ?? goalOfTerm(cell, key: key) ?? amountLabel(cell) { return kind }
        // `其中：本级财政资金`: what follows 其中 is a part of the amount above.
        return compacted.starts(with: LabelText.qizhong) ? fundingSource(cell) : nil
    }

    private static let zhuanxiang = Array("专项".utf8)
    private static let xiangmu = Array("项目".utf8)
    private static let zijin = Array("资金".utf8)

    /// A label that says 专项 where the lists say 项目 (`专项起止时间`, `专项负责人`, `专项概况`,
    /// `单位已有的保证专项实施的制度、措施`: 湖南's 专项资金 templates): the 项目 label's kind.
    /// Not `专项资金…`, which names money, not the project.
    static func asProject(_ cell: String, key: [UInt8]) -> FieldKind? {
        let found = key.withUnsafeBufferPointer { k in zhuanxiang.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: k) } }
        guard let at = found else { return nil }
        let rest = key[(at + zhuanxiang.count)...]
        guard !rest.isEmpty, !rest.starts(with: zijin) else { return nil }
        let renamed = Array(key[..<at]) + xiangmu + rest
        // The kind is the 项目 label's; the name shown is the form's own.
        switch Vocabulary.current.field(ByteKey(String(decoding: renamed, as: UTF8.self))) {
        case .narrative(_, let isGoal)?: return .narrative(LabelText.display(cell), isGoal: isGoal)
        case .funding?: return .funding(LabelText.display(cell))
        case let kind: return kind
        }
    }

    /// A goal's label with its term's period in brackets (`中期滚动目标(2019年--2021年)`,
    /// `中期目标(2024年—2026年)`): that goal. Only a goal: elsewhere a period tells columns or
    /// amounts apart (`指标值(2024年)`, `资金总额(2024年—2026年)`), and `绩效目标(…)` heads a group.
    static func goalOfTerm(_ cell: String, key: [UInt8]) -> FieldKind? {
        guard key.last == 0x29, let open = key.lastIndex(of: 0x28), open > 0, LabelText.isPeriod(key[(open + 1)..<(key.count - 1)]) else { return nil }
        guard case .narrative(_, isGoal: true)? = Vocabulary.current.field(ByteKey(String(decoding: key[..<open], as: UTF8.self))) else { return nil }
        return .narrative(LabelText.display(cell), isGoal: true)
    }

    /// A source of funds no template list has, told by what it says (`本级财政资金`, `上级补助资金`,
    /// `县级配套资金`, `市财政专项拨款`): a short name that ends as sources of money do, names who
    /// gives it or its kind, and names no total, year, term, use or spending (the words are
    /// labels.yml's `money_words`). Asked only where a source is expected: after `其中`, or
    /// on a row of its own with an amount beside it under a funding group (`项目资金（万元）`).
    static func fundingSource(_ cell: String) -> FieldKind? {
        // (`县级配套（元）`: the unit is the amount's, not the source's name.)
        let name = LabelText.unit(of: cell) != nil ? String(decoding: LabelText.strip(LabelText.compact(cell)).key, as: UTF8.self) : LabelText.display(cell)
        // `其他资金小计`: a source's subtotal is that source's line.
        let stem = name.utf8HasSuffix("小计") ? String(name.dropLast(2)) : name
        // `社会资本投入`, `财政投入`: who puts money in; not what it is put into (`专项宣传投入`).
        let words = Vocabulary.current.money
        let investment = stem.utf8HasSuffix("投入") && (words.investors.contains(where: { stem.utf8Contains($0) }) || stem.utf8HasSuffix("社会投入"))
        guard (2...14).contains(name.scalarCount),
              investment || words.sourceEndings.contains(where: { stem.utf8HasSuffix($0) }),
              words.sourceNames.contains(where: { name.utf8Contains($0) }) || Vocabulary.current.fundingLevels.contains(where: { name.utf8Contains($0) }),
              !words.notSource.contains(where: { name.utf8Contains($0) }),
              !name.unicodeScalars.contains(where: { $0.properties.numericType != nil && $0 != "一" })
        else { return nil }
        return .funding(name)
    }

    /// A label of money no template list has, told by what it says: a short cell that ends with
    /// its unit in brackets and names a budget or funds (`本年度申请市财政预算资金(万元)`,
    /// `中期市财政预算(万元)`). The year's amount when it says 本年度 (当年, 年度); a term's total
    /// when it says 中期 (实施期, 总); none when it is last year's (上年) or says neither. The
    /// words are labels.yml's `money_words` (`amount_label…`).
    static func amountLabel(_ cell: String) -> FieldKind? {
        let words = Vocabulary.current.money
        guard cell.utf8HasSuffix("元)") || cell.utf8HasSuffix("元）"), cell.scalarCount <= 24, LabelText.unit(of: cell) != nil,
              words.amountLabel.contains(where: { cell.utf8Contains($0) }),
              // `本年度预计投入(万元)` is the year's money; `年度财政投入(万元)`, `社会资本投入` are a
              // source's share of it.
              words.amountLabelMoney.contains(where: { cell.utf8Contains($0) }) || !words.investmentSources.contains(where: { cell.utf8Contains($0) }),
              !words.amountLabelNot.contains(where: { cell.utf8Contains($0) })
        else { return nil }
        if words.amountLabelTerm.contains(where: { cell.utf8Contains($0) }) { return .totalAmount }
        if words.amountLabelYear.contains(where: { cell.utf8Contains($0) }) { return .yearAmount }
        return nil
    }

    private static let goalPrefix: [UInt8] = Array("目标".utf8)
    private static let chainSuffix = "主管部门"

    /// A level of the transfer-payment chain that names its sector (`区级林业主管部门`,
    /// `省级教育主管部门`): the level's own label (`区级主管部门`), when the sector is a word of up
    /// to four characters and not a finance bureau's. The levels are those of labels.yml's
    /// `department_chain`, the longest that starts the cell.
    private static func chainLabel(_ cell: String) -> FieldKind? {
        guard let level = Vocabulary.current.chainLevels.first(where: { cell.utf8HasPrefix($0) }) else { return nil }
        let sector = cell.unicodeScalars.dropFirst(level.unicodeScalars.count).dropLast(chainSuffix.unicodeScalars.count)
        guard (1...4).contains(sector.count), !String(sector).utf8Contains("财政") else { return nil }
        return Vocabulary.current.field(ByteKey(level + chainSuffix))
    }

    /// `目标1`, `目标2`, …
    private static func goal(_ key: [UInt8]) -> FieldKind? {
        let goal = goalPrefix
        if key.count > goal.count, key.count <= goal.count + 2, key.starts(with: goal),
            key[goal.count...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            return .goal(String(decoding: key, as: UTF8.self))
        }
        return nil
    }

    /// Whether a cell may read differently once normalised (spaces, brackets, marks, full width):
    /// a byte scan, so that clean cells are looked up as written.
    static func mayNeedNormalising(_ s: String) -> Bool {
        s.utf8HasByte { $0 <= 0x20 || $0 == 0x28 || $0 == 0x2A || $0 == 0x3A || $0 == 0x3F || $0 == 0xEF || $0 == 0xE3 || $0 == 0xE2 || $0 == 0xC2 }
            || s.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
    }

    /// Whether a cell is the caption of a part of the form that heads its rows from a column of
    /// its own (`项目基本情况`, `项目资金情况`, `单位信息`), not a label with a value: a few
    /// characters ending 情况, 信息 or 概况, no digit.
    static func isSectionCaption(_ cell: String) -> Bool {
        let count = cell.scalarCount
        guard count >= 4, count <= 10, ["情况", "信息", "概况"].contains(where: { cell.utf8HasSuffix($0) }),
              !cell.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        return field(cell) == nil
    }

    /// The unit a label names (`项目资金（万元）` → 万元), if any.
    static func unit(_ cell: String) -> MoneyUnit? {
        guard !cell.isEmpty, cell.utf8.count <= 80 else { return nil }
        return LabelText.unit(of: cell)
    }
}

/// The vocabulary of indicator tables: 一级 and 二级 names, header cells, values.
enum IndicatorVocabulary {
    static func isLevel1(_ s: String) -> Bool {
        guard s.utf8.count <= 48 else { return false }
        let level1 = Vocabulary.current.level1
        if level1.contains(ByteKey(s)) { return true }
        return mayNeedNormalising(s) && level1.contains(LabelText.key(s))
    }

    /// A known 二级 name (`数量指标`; also spaced or marked: `社会效益 指标 (必填)`).
    static func isLevel2(_ s: String) -> Bool {
        guard s.utf8.count <= 60 else { return false }
        let level2 = Vocabulary.current.level2
        if level2.contains(ByteKey(s)) { return true }
        return mayNeedNormalising(s) && level2.contains(LabelText.key(s))
    }

    /// Whether a name may be a known one once its spaces, marks or `*` are dropped (a byte scan
    /// of a short cell, so that names as written are looked up once).
    static func mayNeedNormalising(_ s: String) -> Bool {
        s.utf8HasByte { $0 == 0x20 || $0 == 0x28 || $0 == 0x2A || $0 == 0x0A || $0 == 0xEF || $0 == 0xE3 }
    }

    /// A cell that reads like a 二级 name even if not in the list (`产出效率指标`).
    static func looksLikeLevel2(_ s: String) -> Bool {
        if isLevel2(s) { return true }
        // `社会效益指标(年度)`: a category of one term's columns.
        if let (head, _) = IndicatorHeader.term(of: s) { return looksLikeLevel2(String(head)) }
        let n = s.scalarCount
        guard n >= 2, n <= 10 else { return false }
        return s.utf8HasSuffix("指标") || s.utf8HasSuffix("效益") || s.utf8HasSuffix("影响")
    }

    static func isVocabulary(_ s: String) -> Bool { isLevel1(s) || isLevel2(s) }

    private static let operatorScalars: Set<UInt32> = [
        0x2265, 0x2264, 0x3D, 0x3C, 0x3E, 0x2267, 0x2266, 0xFF1E, 0xFF1C, 0xFF1D, 0x2260, 0xB1, 0x7E, 0xFF5E, 0x2248,
    ]

    /// Whether a cell is an operator alone (`=`, `≥`, `>=`, `≧`).
    static func isOperator(_ s: String) -> Bool {
        let t = s.filter { !$0.isWhitespace }
        guard !t.isEmpty, t.unicodeScalars.count <= 2 else { return false }
        return t.unicodeScalars.allSatisfy { operatorScalars.contains($0.value) }
    }

    /// Whether a target value is a template's, not filled in: an operator or a unit with no
    /// number (`≧ %`, `公里`, `万亩`, `≥`), or a placeholder (`(≥**%)`, `××`).
    static func isUnfilled(_ s: String) -> Bool {
        // Most values have a digit or are words: decided on their bytes, without a copy.
        guard s.utf8.count <= 36, !s.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if let first = s.unicodeScalars.first, first.value >= 0x4E00, first.value <= 0x9FFF, !s.utf8HasByte(where: { $0 <= 0x20 || $0 == 0x28 }) {
            // Words: unfilled only when they are a unit (`公里`, `万亩`).
            return isUnitWord(s)
        }
        var t = s.filter { !$0.isWhitespace && !"()（）".contains($0) }
        guard !t.isEmpty, t.unicodeScalars.count <= 12, !t.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        while let f = t.unicodeScalars.first, operatorScalars.contains(f.value) { t.unicodeScalars.removeFirst() }
        // A placeholder where the number goes (`**`, `××`, `XX`), with a unit after it or not.
        let placeholder = t.prefix { "*＊×xX_？?".contains($0) }
        if !placeholder.isEmpty { t.removeFirst(placeholder.count) }
        if t.isEmpty { return true }
        return isUnitWord(t)
    }

    /// A unit, or 万 and a unit (`万亩`, `万人`).
    static func isUnitWord(_ s: String) -> Bool {
        isUnit(s) || (s.utf8HasPrefix("万") && s.utf8.count > 3 && isUnit(String(s.utf8.dropFirst(3))!))
    }

    /// A name's last bracket (`补助面积(万亩)` → `补助面积`, `万亩`), if it ends with one.
    static func trailingBracket(_ name: String) -> (head: Substring, inside: Substring)? {
        // (By scalars: comparing Characters of CJK text is slow.)
        guard name.utf8.last == 0x29 || name.utf8HasSuffix("）"),
              let open = name.unicodeScalars.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
        return (name[..<open], name[name.index(after: open)..<name.index(before: name.endIndex)])
    }

    /// A unit a target value ends with (`%`, `人`, `公里`, `万亩`).
    static func isUnit(_ t: String) -> Bool {
        // Looked up by bytes: hashing a CJK String normalises it first.
        t.utf8.count <= 12 && units.contains(ByteKey(t))
    }

    private static let units = Set(TargetValueParser.unitSet.union(["%", "公里", "米", "亩", "平方米", "立方米", "吨", "株", "公顷"]).map { ByteKey($0.nfc) })

    /// The operator and unit an unfilled value still says (`≧ %` → `≧`, `%`).
    static func unfilledParts(_ s: String) -> (op: String?, unit: String?) {
        let t = s.filter { !$0.isWhitespace && !"()（）*＊×".contains($0) }
        let op = String(t.unicodeScalars.prefix { operatorScalars.contains($0.value) }.map(Character.init))
        let unit = String(t.dropFirst(op.count))
        return (op.isEmpty ? nil : op, unit.isEmpty ? nil : unit)
    }

    /// Whether a cell reads like a target value rather than an indicator name.
    static func isValueLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if operatorScalars.contains(first.value) { return true }
        if (0x30...0x39).contains(first.value) || (0xFF10...0xFF19).contains(first.value) {
            // `2024年12月底前` is a value; `2024年预计村干部在岗人数` and `7 岁以下儿童健康管理率`
            // are names (many words after the number).
            guard s.scalarCount <= 12 else { return false }
            return s.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count < 8
        }
        if s.utf8.count <= 12, Vocabulary.current.qualitative.contains(ByteKey(s)) { return true }
        return isDoneValue(s)
    }

    /// `完成年度任务`, `完成`: a value by its first word, where a value may stand. A name may
    /// start so too (`完成造林面积`, `完成乡镇国土空间规划编制个数`): in a row whose value column
    /// holds a value, the 三级 column's text is the name.
    static func isDoneValue(_ s: String) -> Bool {
        s.utf8HasPrefix("完成") && s.scalarCount <= 16
    }

    /// Whether `name` (`完成造林面积`) is an indicator's name before `values` (`≥500亩`): a
    /// `完成…` of four characters or more, and values that are values and no `完成…` themselves.
    static func isDoneName<Values: Collection<String>>(_ name: String, before values: Values) -> Bool {
        // (The cheap test first: most names do not start with 完成.)
        isDoneValue(name) && name.scalarCount >= 4 && !values.isEmpty && values.allSatisfy { !isDoneValue($0) && isValueLike($0) }
    }
}
