// Data quality: numbers a form states twice that disagree, targets that contradict the budget,
// implausible rates, plans that do not add up — each a diagnostic with a stable code, and for
// what a citizen should know, a plain-language note on the department-year page.

import Foundation

enum QualityChecks {
    /// A finding: the diagnostic, and the note for citizens if it is one they should see.
    struct Finding: Sendable {
        var diagnostic: Diagnostic
        var note: String?
    }

    /// Runs every check over the site; silenced codes drop both the diagnostic and its note.
    static func run(_ site: inout Site, silence: [String: [String]], contentDir: String) {
        // Where each project code is used: (department, year, project) positions, by the bytes of
        // the code's NFC form (codes that are the same String are one code), with the code as
        // first written.
        var codes: [ByteKey: (code: String, places: [(d: Int, y: Int, p: Int)])] = [:]
        // Each department-year is checked on its own, on all cores.
        var places: [(Int, Int)] = []
        for d in site.departments.indices {
            for y in site.departments[d].years.indices { places.append((d, y)) }
        }
        let departments = site.departments
        let checked = parallelMap(places) { place -> (findings: [Finding], measurable: Int, total: Int) in
            let dy = departments[place.0].years[place.1]
            var findings: [Finding] = []
            var measurable = 0, total = 0
            for p in dy.projects {
                // A build made each project's digest when it read it (or took it from the cache).
                if let digest = p.digest {
                    findings.append(contentsOf: digest.findings)
                    total += digest.indicatorCount
                    measurable += digest.measurableCount
                } else {
                    findings.append(contentsOf: check(p))
                    let counts = indicatorCounts(p)
                    total += counts.total
                    measurable += counts.measurable
                }
            }
            findings.append(contentsOf: duplicates(dy))
            return (findings, measurable, total)
        }
        var findingsByYear: [[[Finding]]] = site.departments.map { [[Finding]](repeating: [], count: $0.years.count) }
        for (k, (d, y)) in places.enumerated() {
            findingsByYear[d][y] = checked[k].findings
            site.departments[d].years[y].indicatorCount = checked[k].total
            site.departments[d].years[y].measurableCount = checked[k].measurable
            for (p, project) in site.departments[d].years[y].projects.enumerated() {
                if let code = project.code { codes[ByteKey(code.nfc), default: (code, [])].places.append((d, y, p)) }
            }
        }
        var extra: [Diagnostic] = []
        for (code, places) in codes.values where places.count > 1 {
            let projects = places.map { site.departments[$0.d].years[$0.y].projects[$0.p] }
            guard Set(projects.map { "\($0.departmentKey)|\($0.year ?? 0)|\($0.name)" }).count > 1 else { continue }
            let first = projects[0]
            for p in projects.dropFirst() {
                extra.append(Diagnostic(.warning, p.location, code: "duplicate-code",
                                        "‘\(p.name)’ 的项目编码 \(code) 也是 ‘\(first.name)’ 的编码（\(first.location)）",
                                        en: "项目编码 \(code) of ‘\(p.name)’ is also the code of ‘\(first.name)’ (\(first.location))"))
            }
        }
        let kept = { (d: Diagnostic) in silence.isEmpty || !Checks.apply(silence: silence, to: [d], contentDir: contentDir).isEmpty }
        for d in site.departments.indices {
            for y in site.departments[d].years.indices {
                for f in findingsByYear[d][y] where kept(f.diagnostic) {
                    site.diagnostics.append(f.diagnostic)
                    if let note = f.note { site.departments[d].years[y].notes.append(note) }
                }
            }
        }
        site.diagnostics.append(contentsOf: extra.filter(kept))
        site.diagnostics.sortByLocation()
        // A value repeated in the half-year and full-year columns is one problem, not two. Equal
        // diagnostics are neighbours once sorted (only their severity could tell them apart).
        var unique: [Diagnostic] = []
        unique.reserveCapacity(site.diagnostics.count)
        for d in site.diagnostics {
            var k = unique.count - 1
            var repeated = false
            while k >= 0, unique[k].location == d.location, unique[k].code == d.code, unique[k].message == d.message {
                if unique[k].severity == d.severity { repeated = true; break }
                k -= 1
            }
            if !repeated { unique.append(d) }
        }
        site.diagnostics = unique
        for d in site.departments.indices {
            for y in site.departments[d].years.indices where site.departments[d].years[y].notes.count > 1 {
                // A few notes each: found by comparing, not hashing.
                var notes: [String] = []
                for note in site.departments[d].years[y].notes where !notes.contains(where: { $0.utf8Equals(note) }) {
                    notes.append(note)
                }
                site.departments[d].years[y].notes = notes
            }
        }
    }

    /// How many indicators a project has, and how many of them have a measurable target.
    static func indicatorCounts(_ p: Project) -> (total: Int, measurable: Int) {
        var total = 0, measurable = 0
        for i in p.indicators {
            total += 1
            if let v = i.value, TargetValueParser.parse(v).isMeasurable { measurable += 1 }
        }
        return (total, measurable)
    }

    static func check(_ p: Project) -> [Finding] {
        var out: [Finding] = []
        func add(_ line: Int, _ code: String, _ zh: String, en: String, note: String? = nil) {
            out.append(Finding(diagnostic: Diagnostic(.warning, SourceLocation(file: p.location.file, line: line), code: code, zh, en: en), note: note))
        }
        let amount = p.amount

        // 本年度项目金额 within 项目总金额.
        if let total = p.totalAmount, let amount, amount > total {
            add(p.location.line, "year-amount-exceeds-total",
                "本年度项目金额 \(amount.wanString) 万元大于项目总金额 \(total.wanString) 万元",
                en: "本年度项目金额 \(amount.wanString) 万元 exceeds 项目总金额 \(total.wanString) 万元",
                note: "项目“\(p.name)”的本年度金额（\(amount.wanString) 万元）大于项目总金额（\(total.wanString) 万元）。")
        }
        // 绩效支出明细 (元) adds up to the project's amount.
        let fullYear = p.subItems.compactMap(\.fullYear)
        if let amount, !fullYear.isEmpty, fullYear.count == p.subItems.count, fullYear.sum() != amount {
            add(p.subItems[0].line, "subitems-mismatch",
                "绩效支出明细的全年预算数合计 \(fullYear.sum().yuanString) 元，项目金额却是 \(amount.wanString) 万元（\(amount.yuanString) 元）",
                en: "绩效支出明细 全年预算数 add up to \(fullYear.sum().yuanString) 元, but the project states \(amount.wanString) 万元 (\(amount.yuanString) 元)",
                note: "项目“\(p.name)”的支出明细合计 \(fullYear.sum().yuanString) 元，与预算 \(amount.wanString) 万元不符。")
        }
        // 年度资金总额 / 预算数 = 财政拨款 + 上年结转 + 其他资金.
        if let amount, !p.funding.isEmpty {
            let parts = p.funding.map { $0.text.trimmingWhitespace().isEmpty ? Money.zero : $0.amount }
            let labels = p.funding.map(\.label)
            if parts.allSatisfy({ $0 == .zero }), amount != .zero {
                // Every line empty or 0: a form that means it is rare, a misread one is not (the
                // values stand where the reader could not tie them to the labels: a row of values
                // below a row of labels, a label broken in two). Adding up empties would put
                // `= 0.00` on the department's page; the publisher is told the split is unread.
                add(p.funding[0].line, "funding-not-read",
                    "资金来源各栏（\(labels.joined(separator: "、"))）都没有读到金额（空或 0），项目金额却是 \(amount.wanString) 万元：未核对资金来源，请检查表格中这几栏的数值",
                    en: "no sum was read for any funding line (\(labels.joined(separator: ", ")): empty or 0) while the project's amount is \(amount.wanString) 万元: the funding split is not checked; look at these cells of the table")
            } else if parts.allSatisfy({ $0 != nil }), case let sum = parts.compactMap({ $0 }).sum(), sum != amount, p.fundingThatAddsUp == nil {
                let labels = labels.joined(separator: " + ")
                add(p.funding[0].line, "funding-mismatch",
                    "\(labels) = \(sum.wanString) 万元，项目金额却是 \(amount.wanString) 万元",
                    en: "\(labels) = \(sum.wanString) 万元, but the project's amount is \(amount.wanString) 万元",
                    note: "项目“\(p.name)”的资金来源合计 \(sum.wanString) 万元，与预算 \(amount.wanString) 万元不符。")
            }
        }
        // `(6) 年度预算安排。155 万元。` says the same as the table.
        if let amount, let statement = p.sections.first(where: { $0.title == "年度预算安排" }),
            let stated = statedAmount(statement.text), stated != amount
        {
            add(statement.line, "budget-statement-mismatch",
                "年度预算安排写 \(stated.wanString) 万元，表格写 \(amount.wanString) 万元",
                en: "年度预算安排 says \(stated.wanString) 万元 but the table says \(amount.wanString) 万元",
                note: "项目“\(p.name)”的文字说明写预算 \(stated.wanString) 万元，表格写 \(amount.wanString) 万元。")
        }
        // 资金支出计划: cumulative shares that never fall and end at 100%.
        let shares = p.spendingPlan.map { TargetValueParser.parse($0.share) }
        if !shares.isEmpty, shares.allSatisfy({ $0.unit == "%" && $0.number != nil }) {
            let numbers = shares.compactMap(\.number)
            if zip(numbers, numbers.dropFirst()).contains(where: { $0 > $1 }) {
                add(p.spendingPlan[0].line, "plan-decreasing",
                    "资金支出计划的比例在减少（\(p.spendingPlan.map(\.share).joined(separator: "、"))）；各期比例应是累计数",
                    en: "资金支出计划 decreases (\(p.spendingPlan.map(\.share).joined(separator: ", "))); the shares are cumulative")
            }
            if numbers.last != 100 {
                add(p.spendingPlan[0].line, "plan-not-100", "资金支出计划最后为 \(p.spendingPlan.last?.share ?? "")，而不是 100%",
                    en: "资金支出计划 ends at \(p.spendingPlan.last?.share ?? "") instead of 100%",
                    note: "项目“\(p.name)”的资金支出计划到年底只安排了 \(p.spendingPlan.last?.share ?? "")。")
            }
        }
        out.append(contentsOf: costChecks(p))
        for i in p.indicators {
            for t in i.targets {
                for text in [t.halfYear, t.value].compactMap({ $0 }) {
                    let v = TargetValueParser.parse(text)
                    if let f = rateCheck(i, v, line: t.line, p) { out.append(f) }
                    if let f = unitCheck(i, v, line: t.line, p) { out.append(f) }
                }
            }
        }
        return out
    }

    /// The amount in `155 万元。` / `60万元` (a number followed by 万元).
    static func statedAmount(_ text: String) -> Money? {
        let v = TargetValueParser.parse(text)
        guard v.kind == .quantitative, v.unit == "万元" || v.unit == "元" else { return nil }
        return v.money
    }

    /// 成本指标 in money that contradict the project's budget.
    static func costChecks(_ p: Project) -> [Finding] {
        guard let amount = p.amount else { return [] }
        var out: [Finding] = []
        let allCosts = p.indicators.filter { $0.level2.utf8Contains("成本") || $0.level1.utf8Contains("成本") }
        // A cost per unit is compared only where it exceeds the whole budget; beside such costs,
        // the exact costs left are not the whole (they are added up only when they exceed it).
        let perUnit = allCosts.map { isUnitCost($0.name) }
        let costs = zip(allCosts, perUnit)
            .compactMap { i, unit -> (Indicator, TargetValue, Money, unit: Bool)? in
                guard let raw = i.value else { return nil }
                let v = TargetValueParser.parse(raw)
                guard let money = v.money, v.qualifier == nil else { return nil }
                return (i, v, money, unit)
            }
        let whole = !perUnit.contains(true)
        let exact = costs.filter { !$0.unit && ($0.1.op == nil || $0.1.op == .equal) }
        for (i, v, money, unit) in costs {
            var contradiction: (zh: String, en: String)?
            switch v.op {
            case .atMost?, .less?: if !unit && money < amount { contradiction = ("把成本上限定得低于", "caps the cost below") }
            case .atLeast?, .greater?: if money > amount { contradiction = ("要求的成本高于", "requires more than") }
            case .equal?, nil:
                if !unit && whole && exact.count == 1 && money != amount { contradiction = ("不同于", "differs from") }
                else if money > amount { contradiction = ("超过了", "exceeds") }
            default: break
            }
            guard let how = contradiction else { continue }
            out.append(Finding(
                diagnostic: Diagnostic(.warning, SourceLocation(file: p.location.file, line: i.targets.first?.line ?? i.line), code: "cost-contradiction",
                                       "成本指标 ‘\(i.name)’ \(v.display) \(how.zh)项目预算 \(amount.wanString) 万元",
                                       en: "成本指标 ‘\(i.name)’ \(v.display) \(how.en) the project's budget of \(amount.wanString) 万元"),
                note: "项目“\(p.name)”的成本指标“\(i.name)”写明 \(v.display)，但项目预算为 \(amount.wanString) 万元。"))
        }
        // Several exact costs that together differ from the budget.
        if exact.count > 1 {
            let sum = exact.map(\.2).sum()
            if sum != amount, whole || sum > amount, !exact.contains(where: { $0.2 > amount }) {
                out.append(Finding(
                    diagnostic: Diagnostic(.warning, SourceLocation(file: p.location.file, line: exact[0].0.targets.first?.line ?? exact[0].0.line), code: "cost-contradiction",
                                           "各项成本指标合计 \(sum.wanString) 万元，项目预算却是 \(amount.wanString) 万元",
                                           en: "成本指标 add up to \(sum.wanString) 万元 but the project's budget is \(amount.wanString) 万元"),
                    note: "项目“\(p.name)”的各项成本指标合计 \(sum.wanString) 万元，与预算 \(amount.wanString) 万元不符。"))
            }
        }
        return out
    }

    /// A cost per unit, per head or by a standard (`单处工程平均养护成本 ≤5.83万元`, `人均补助标准
    /// 89元`, `每公里造价`): the normal content of a 成本指标, never comparable with the project's
    /// budget (a review found such costs called contradictions in the public 数据说明).
    static func isUnitCost(_ name: String) -> Bool {
        if unitCostWords.contains(where: { name.utf8Contains($0) }) { return true }
        // `每公里`, `每人`, not `每年` (a year's total).
        guard name.utf8Contains("每") else { return false }
        return !["每年", "每月", "每季"].contains { name.utf8Contains($0) }
    }

    private static let unitCostWords = ["单位成本", "平均", "人均", "生均", "户均", "亩均", "单价", "补助标准", "补贴标准", "发放标准", "成本标准",
                                        "单次", "单处", "单个", "单批", "单项", "单台", "单套"]

    /// A rate (率, 满意度) given as a percentage outside 0–100%.
    static func rateCheck(_ i: Indicator, _ v: TargetValue, line: Int, _ p: Project) -> Finding? {
        guard v.unit == "%", let n = v.number, n > 100 || n < 0,
            i.name.utf8Contains("率") || i.name.utf8Contains("满意度")
        else { return nil }
        return Finding(
            diagnostic: Diagnostic(.warning, SourceLocation(file: p.location.file, line: line), code: "rate-out-of-range",
                                   "‘\(i.name)’ 是比率，目标 \(v.raw) 却超出 0–100%",
                                   en: "‘\(i.name)’ is a rate but its target \(v.raw) is outside 0–100%"),
            note: "项目“\(p.name)”的指标“\(i.name)”目标为 \(v.display)，超出 0–100% 的范围。")
    }

    /// The unit an indicator's name announces (`协理员人数（人）`) against the unit of its value.
    static func unitCheck(_ i: Indicator, _ v: TargetValue, line: Int, _ p: Project) -> Finding? {
        guard let announced = announcedUnit(i.name) else { return nil }
        let given: (zh: String, en: String)
        switch v.kind {
        case .quantitative:
            guard let unit = v.unit, unit != announced, !(announced == "%" && unit == "‰") else { return nil }
            given = ("‘\(unit)’", "‘\(unit)’")
        case .qualitative where announced == "%":
            given = ("文字 ‘\(v.raw)’", "the phrase ‘\(v.raw)’")
        default:
            return nil
        }
        return Finding(diagnostic: Diagnostic(.warning, SourceLocation(file: p.location.file, line: line), code: "unit-mismatch",
                                               "‘\(i.name)’ 以 ‘\(announced)’ 计，目标 \(v.raw) 却用 \(given.zh)",
                                               en: "‘\(i.name)’ is counted in ‘\(announced)’ but its target \(v.raw) gives \(given.en)"),
                       note: nil)
    }

    static func announcedUnit(_ name: String) -> String? {
        guard let inside = IndicatorVocabulary.trailingBracket(name).map({ String($0.inside) }) else { return nil }
        return TargetValueParser.unitSet.contains(inside) ? inside : nil
    }

    /// The same project twice in a department-year (same name and amount, different places).
    static func duplicates(_ dy: DepartmentYear) -> [Finding] {
        var seen: [ByteKey: SourceLocation] = [:]
        var out: [Finding] = []
        for p in dy.projects {
            let key = ByteKey(AnnexMatcher.normalize(p.name) + "|" + (p.amount?.wanString ?? ""))
            if let first = seen[key] {
                out.append(Finding(
                    diagnostic: Diagnostic(.warning, p.location, code: "duplicate-project",
                                           "‘\(p.name)’（\(p.amount?.wanString ?? "?") 万元）已在 \(first) 列出；合计中算了两次",
                                           en: "‘\(p.name)’ (\(p.amount?.wanString ?? "?") 万元) is already listed at \(first); it is counted twice in the total"),
                    note: "项目“\(p.name)”在本年度出现两次，合计中计算了两次。"))
            } else {
                seen[key] = p.location
            }
        }
        return out
    }
}

extension ProjectDigest {
    /// The digest of a project as read from its document.
    init(_ p: Project) {
        let (summary, details) = Self.encoded(p)
        self.init(p, summary: summary, details: details)
    }

    /// `summary` and `details`: the project as `BinaryWriter.projectSummary` and `details` write it.
    init(_ p: Project, summary: [UInt8], details: [UInt8]) {
        hash = Self.hash(summary: summary, details: details)
        findings = QualityChecks.check(p)
        (indicatorCount, measurableCount) = QualityChecks.indicatorCounts(p)
        kinds = SearchDocument.kinds(of: p)
    }

    static func encoded(_ p: Project) -> (summary: [UInt8], details: [UInt8]) {
        var s = BinaryWriter()
        s.projectSummary(p)
        var d = BinaryWriter()
        d.details(p.details)
        return (s.bytes, d.bytes)
    }

    /// A hash of all of a project (its summary encoding is self-delimiting: the two parts
    /// cannot run into each other).
    static func hash(summary: [UInt8], details: [UInt8]) -> UInt64 {
        var h = StreamingHash()
        summary.withUnsafeBytes { h.combine($0) }
        details.withUnsafeBytes { h.combine($0) }
        return h.value
    }

    static func hash(of p: Project) -> UInt64 {
        let (summary, details) = encoded(p)
        return hash(summary: summary, details: details)
    }
}
