// Data quality checks: exactly the real problems of the seeds, and each check on a small form (issue 5).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct QualityChecksTests {
    /// Every warning the seeds give, with its file and line: the forms' real problems.
    @Test func theSeedsReportExactlyTheirRealProblems() {
        let found = Set(Seeds.site.diagnostics.map { "\($0.location.file.dropFirst(Repo.content.count + 1)):\($0.location.line) \($0.code)" })
        #expect(found == [
            // 004: a cost indicator of 7000万元 against a 4000万元 budget.
            "高新区人社局/2024-部门预算绩效文本.md:146 cost-contradiction",  // at the value's cell (the row starts at 142)
            // 003: the annex names 事业单位招聘工作经费, the project is 事业单位招考工作经费.
            "旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md:541 annex-name-mismatch",
            // 002: three OCR garbage cells where a merged 二级指标 cell was.
            "江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md:26 ocr-garbage",
            "江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md:92 ocr-garbage",
            "江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md:131 ocr-garbage",
            // 002: 补贴人均增长率 =110%.
            "江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md:357 rate-out-of-range",
            // Units the indicator's name announces but its value does not use.
            "江阴市人力资源和社会保障局/2021-人社专职协理员工作经费.md:38 unit-mismatch",  // 协理员人数（人） =315个
            "江阴市人力资源和社会保障局/2021-人社局专项资金.md:46 unit-mismatch",  // 餐饮保障程度（%） 及时
            "高新区人社局/2024-部门预算绩效文本.md:766 unit-mismatch",  // 享受补助资金人数（个） ≧200人, at its value's cell
        ])
        #expect(!Seeds.site.hasErrors)
    }

    @Test func aCleanProjectHasNoWarning() throws {
        let p = try #require(Seeds.project("就业补助资金县级配套", in: "旌德县人力资源和社会保障局", 2024))
        let lines = p.sourceLines
        #expect(!Seeds.site.diagnostics.contains { $0.location.file == p.location.file && lines.contains($0.location.line) })
        #expect(QualityChecks.check(p).isEmpty)
    }

    @Test func citizensSeeWhatMattersNotTheNoise() throws {
        let gaoxin = try #require(Seeds.departmentYear("高新区人社局", 2024))
        #expect(gaoxin.notes == ["项目“被征地农民社会保障费”的成本指标“项目金额”写明 =7000万元，但项目预算为 4000.00 万元。"])
        let jiangyin = try #require(Seeds.departmentYear("江阴市人力资源和社会保障局", 2022))
        #expect(jiangyin.notes.count == 1)
        #expect(jiangyin.notes.first?.contains("补贴人均增长率") == true)
        #expect(!jiangyin.notes.joined().contains("创业促八"))
        let page = BuiltSite.page("高新区人力资源和社会保障局/2024/index.html")
        #expect(page.contains("<h2 id=\"notes\">数据说明</h2>"))
        #expect(page.contains("项目“被征地农民社会保障费”的成本指标“项目金额”写明 =7000万元，但项目预算为 4000.00 万元。"))
        #expect(!BuiltSite.page("旌德县人力资源和社会保障局/2024/index.html").contains("数据说明"))
    }

    @Test func measurableShareOfIndicators() throws {
        let xd = try #require(Seeds.departmentYear("旌德县人力资源和社会保障局", 2024))
        #expect(xd.indicatorCount == 130)
        #expect(xd.measurableCount > 40 && xd.measurableCount < xd.indicatorCount)
        let page = BuiltSite.page("quality/index.html")
        let rows = HTMLTable.rows(in: page, tableClass: "numbers")
        let share = Pages.percent(xd.measurableCount, xd.indicatorCount)
        #expect(rows.contains(["旌德县人力资源和社会保障局", "2024年", "130", "\(xd.measurableCount)", share, "0"]))
        #expect(rows.count == 5)
    }

    /// Reads a small form into a site and returns its warnings' codes.
    func codes(_ files: [String: String], config: String = "") throws -> (Site, [String]) {
        let dir = TemporaryDirectory()
        for (name, text) in files { dir.write("Content/" + name, text) }
        dir.write("gongkai.yml", "baseURL: https://yusuan.example.gov.cn/\n" + config)
        let site = try Pipeline.read(contentDir: dir.path + "/Content", config: try SiteConfig.load(path: dir.path + "/gongkai.yml"))
        return (site, site.diagnostics.map(\.code).sorted())
    }

    static let formC = """
        旌德县人力资源和社会保障局

        2024 年部门项目及绩效目标情况

        1. 测试项目

        (6) 年度预算安排。120 万元。

        项目支出绩效目标表

        (2024年度)

        项目名称\t测试项目\t\t\t
        主管部门及代码\t[061]旌德县人力资源和社会保障局\t实施单位\t旌德县人力资源和社会保障局\t
        项目资金 (万元)\t年度资金总额:\t100.00\t\t
        \t其中:财政拨款\t90.00\t\t
        \t上年结转\t0.00\t\t
        \t其他资金\t0.00\t\t
        绩效指标\t一级指标\t二级指标\t三级指标\t指标值
        \t产出指标\t数量指标\t培训人数\t≥100人
        \t\t成本指标\t培训经费\t≤80万元
        \t效益指标\t社会效益指标\t就业率\t=120%
        \t满意度指标\t满意度指标\t服务对象满意度\t≥95%

        """

    @Test func fundingBudgetStatementCostAndRateChecks() throws {
        let (site, found) = try codes(["c.md": Self.formC])
        #expect(found == ["budget-statement-mismatch", "cost-contradiction", "funding-mismatch", "rate-out-of-range"])
        let dy = try #require(site.departmentYears.first)
        #expect(dy.notes.count == 4)
        #expect(dy.notes.contains("项目“测试项目”的资金来源合计 90.00 万元，与预算 100.00 万元不符。"))
    }

    /// Form C with its funding lines' values left out (as when they stand in a row the reader
    /// could not tie to the labels): no `= 0.00` mismatch and no 数据说明 note, but a warning
    /// that the split was not read.
    static let formCWithoutFundingValues = formC
        .replacingOccurrences(of: "\t其中:财政拨款\t90.00\t", with: "\t其中:财政拨款\t\t")
        .replacingOccurrences(of: "\t上年结转\t0.00\t", with: "\t上年结转\t\t")

    /// A cost per unit, per head or by a standard is no total: `单处工程平均养护成本 ≤5.83万元`
    /// under a 186.40 万元 budget, `人均补助标准 =89元` are no contradiction; a total's ceiling
    /// below the budget still is.
    @Test func aCostPerUnitIsNoContradiction() throws {
        let perUnit = Self.formC.replacingOccurrences(of: "\t培训经费\t≤80万元", with: "\t单处工程平均养护成本\t≤5.83万元")
        let (_, found) = try codes(["c.md": perUnit])
        #expect(!found.contains("cost-contradiction"))
        let standard = Self.formC.replacingOccurrences(of: "\t培训经费\t≤80万元", with: "\t人均补助标准\t=89元")
        #expect(try !codes(["c.md": standard]).1.contains("cost-contradiction"))
        #expect(try codes(["c.md": Self.formC]).1.contains("cost-contradiction"))
        // Review 5: a year's total is no unit cost; a unit cost above the whole budget is still
        // said; exact costs beside a unit cost that exceed the budget together are still said.
        let yearly = Self.formC.replacingOccurrences(of: "\t培训经费\t≤80万元", with: "\t项目每年运行维护总成本\t=150万元")
        #expect(try codes(["c.md": yearly]).1.contains("cost-contradiction"))
        let unitAbove = Self.formC.replacingOccurrences(of: "\t培训经费\t≤80万元", with: "\t单项工程建设成本\t=500万元")
        #expect(try codes(["c.md": unitAbove]).1.contains("cost-contradiction"))
        let beside = Self.formC.replacingOccurrences(of: "\t培训经费\t≤80万元", with: "\t培训经费\t=60万元\n\t\t成本指标\t场地租赁费\t=80万元\n\t\t成本指标\t人均培训成本\t≤700元")
        #expect(try codes(["c.md": beside]).1.contains("cost-contradiction"))
    }

    @Test func fundingLinesWithNoSumAreNotAddedUpToZero() throws {
        let (site, found) = try codes(["c.md": Self.formCWithoutFundingValues])
        #expect(found.contains("funding-not-read"))
        #expect(!found.contains("funding-mismatch"))
        let dy = try #require(site.departmentYears.first)
        #expect(!dy.notes.contains { $0.contains("资金来源") }, "\(dy.notes)")
        let d = try #require(site.diagnostics.first { $0.code == "funding-not-read" })
        #expect(d.message.contains("财政拨款、上年结转、其他资金") && d.message.contains("100.00 万元"), "\(d.message)")
        // One line with a sum: added up and compared as before.
        let (_, one) = try codes(["c.md": Self.formCWithoutFundingValues.replacingOccurrences(of: "\t其他资金\t0.00\t", with: "\t其他资金\t10.00\t")])
        #expect(one.contains("funding-mismatch") && !one.contains("funding-not-read"))
    }

    @Test func aCheckSilencedForADocumentDisappearsWithItsNote() throws {
        let (site, found) = try codes(["c.md": Self.formC], config: "silence:\n  c.md: [funding-mismatch, rate-out-of-range]\n")
        #expect(found == ["budget-statement-mismatch", "cost-contradiction"])
        #expect(site.departmentYears.first?.notes.count == 2)
    }

    @Test func spendingPlanSubItemsAndDuplicates() throws {
        let gaoxin = try String(contentsOfFile: Repo.gaoxin, encoding: .utf8)
        // Make the first plan decrease and end below 100%.
        let first = try #require(gaoxin.range(of: "\t20%\n\t50%\n\t70%\n\t100%"))
        let plan = gaoxin.replacingCharacters(in: first, with: "\t20%\n\t50%\n\t40%\n\t90%")
        var (_, found) = try codes(["d.md": plan])
        #expect(found.filter { $0.hasPrefix("plan-") } == ["plan-decreasing", "plan-not-100"])
        // 002 with a 绩效支出明细 that does not add up, and the same document twice.
        let b = try String(contentsOfFile: Repo.jiangyin2022, encoding: .utf8)
        (_, found) = try codes(["b1.md": b.replacingOccurrences(of: "\t0\t80405500", with: "\t0\t80405000"), "b2.md": b])
        #expect(found.filter { $0 == "subitems-mismatch" }.count == 1)
        #expect(found.filter { $0 == "duplicate-project" }.count == 9)
        // The same projects twice are duplicates, not a code clash.
        #expect(found.filter { $0 == "duplicate-code" }.isEmpty)
        // Two different projects sharing a code.
        let renamed = b.replacingOccurrences(of: "项目名称\t居民养老保险补贴\t\t项目编码\t320281223230023000004",
                                             with: "项目名称\t居民养老保险补贴\t\t项目编码\t320281223230023000005")
        (_, found) = try codes(["b.md": renamed])
        #expect(found == ["duplicate-code", "ocr-garbage", "ocr-garbage", "ocr-garbage", "rate-out-of-range"])
        // Codes that are the same text in two Unicode forms (Å composed and decomposed) are one code.
        let forms = b.replacingOccurrences(of: "项目编码\t320281223230023000004", with: "项目编码\t\u{C5}-1")
            .replacingOccurrences(of: "项目编码\t320281223230023000005", with: "项目编码\tA\u{30A}-1")
        (_, found) = try codes(["b.md": forms])
        #expect(found.filter { $0 == "duplicate-code" }.count == 1)
    }

    /// The 公开清单 against the projects: a row's amount, a row for no project, a project
    /// missing from the annex, and the total.
    @Test func annexCountAmountsAndTotal() throws {
        let xianDe = try String(contentsOfFile: Repo.xianDe, encoding: .utf8)
        #expect(xianDe.contains("\n7\t工伤认定调查经费\t8\n"))
        let changed = xianDe
            .replacingOccurrences(of: "\n7\t工伤认定调查经费\t8\n", with: "\n7\t工伤认定调查经费\t9\n")
            .replacingOccurrences(of: "\n12\t信息化建设经费\t11\n", with: "\n12\t档案数字化经费\t11\n")
        let (site, found) = try codes(["x.md": changed])
        let annex = site.diagnostics.filter { $0.code.hasPrefix("annex-") }
        // 9 instead of 8 (and so the total), a row for a project that is not there, and the
        // project that row should have been.
        #expect(annex.map(\.code).sorted() == ["annex-amount-mismatch", "annex-missing-project", "annex-name-mismatch",
                                              "annex-total-mismatch", "annex-unmatched"])
        let amountLine = changed.components(separatedBy: "\n").firstIndex(of: "7\t工伤认定调查经费\t9")! + 1
        #expect(annex.first { $0.code == "annex-amount-mismatch" }?.location.line == amountLine)
        let unmatchedLine = changed.components(separatedBy: "\n").firstIndex(of: "12\t档案数字化经费\t11")! + 1
        #expect(annex.first { $0.code == "annex-unmatched" }?.location.line == unmatchedLine)
        #expect(found.contains("annex-total-mismatch"))
        let dy = try #require(site.departmentYears.first)
        #expect(dy.annex?.total.wanString == "626.39")
        #expect(dy.total.wanString == "625.39")
    }

    /// 本年度项目金额 above 项目总金额, and projects without amount, year or department.
    @Test func yearAmountAboveTotalAndMissingFields() throws {
        let a = try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8)
        #expect(a.contains("项目总金额（万元）\t666万元\n"))
        var (_, found) = try codes(["a.md": a.replacingOccurrences(of: "项目总金额（万元）\t666万元\n",
                                                                 with: "项目总金额（万元）\t666万元\n本年度项目金额（万元）\t700\n")])
        #expect(found.contains("year-amount-exceeds-total"))
        (_, found) = try codes(["a.md": a.replacingOccurrences(of: "项目总金额（万元）\t666万元\n", with: "")])
        #expect(found.contains("missing-amount"))
        (_, found) = try codes(["a.md": a.replacingOccurrences(of: "主管部门\t江阴市人力资源和社会保障局\n", with: "")])
        #expect(found.contains("missing-department"))
        (_, found) = try codes(["a.md": a.replacingOccurrences(of: "2021年度人社专职协理员工作经费绩效目标申报表", with: "人社专职协理员工作经费绩效目标申报表")])
        #expect(found.contains("missing-year"))
    }

    /// A row of values with no 三级 name is reported and not read as an indicator; a row of
    /// values under an indicator is that indicator's further value (continuation rows).
    @Test func valuesWithoutAnIndicatorName() throws {
        let form = Self.formC.replacingOccurrences(of: "\t产出指标\t数量指标\t培训人数\t≥100人\n",
                                                   with: "\t产出指标\t数量指标\t培训人数\t≥100人\n\t\t\t\t≥120人\n\t\t质量指标\t\t≥5个\n")
        let (site, found) = try codes(["c.md": form])
        #expect(found.filter { $0 == "value-without-indicator" }.count == 1)
        let diagnostic = try #require(site.diagnostics.first { $0.code == "value-without-indicator" })
        let line = form.components(separatedBy: "\n").firstIndex(of: "\t\t质量指标\t\t≥5个")! + 1
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.message.contains("‘≥5个’") && diagnostic.message.contains("产出指标 / 质量指标"))
        let project = try #require(site.departmentYears.first?.projects.first)
        #expect(!project.indicators.contains { $0.name == "≥5个" })
        #expect(!found.contains("indicator-without-value"))
        let training = try #require(project.indicators.first { $0.name == "培训人数" })
        #expect(training.targets.map(\.value) == ["≥100人", "≥120人"])
        // The 二级 category named on that row still applies to the indicators below it.
        #expect(project.indicators.first { $0.name == "培训经费" }?.level2 == "成本指标")
    }

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let docs = try String(contentsOfFile: Repo.root + "/docs/diagnostics.md", encoding: .utf8)
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Repo.root + "/Sources").filter { $0.hasSuffix(".swift") }
        var used = Set<String>()
        let pattern = try NSRegularExpression(pattern: "(?:code: |report\\(\\.(?:warning|error|note), |add\\([^,]+, )\"([a-z0-9-]+)\"")
        for file in sources {
            let text = try String(contentsOfFile: Repo.root + "/Sources/" + file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 30)
        for code in used.sorted() { #expect(docs.contains("`\(code)`"), "\(code) is not in docs/diagnostics.md") }
    }
}
