// Small pieces: money, cell text, titles, department names, configuration.

import Testing
@testable import GongkaiKit

@Suite struct MoneyTests {
    @Test func parsesAndPrintsExactly() {
        #expect(Money(wan: "625.39")?.fen == 625_390_000)
        #expect(Money(wan: "10606.7522")?.wanString == "10606.7522")
        #expect(Money(wan: "9035")?.wanString == "9035.00")
        #expect(Money(wan: "１２３．４")?.wanString == "123.40")
        #expect(Money(wan: "1,234.5")?.wanString == "1234.50")
        #expect(Money(wan: "1.2345678") == nil)  // finer than a fen
        #expect(Money(wan: "12a") == nil)
        #expect(Money(yuan: "80405500") == Money(wan: "8040.55"))
        #expect(Money(yuan: "106000.5")?.yuanString == "106000.5")
    }

    @Test func sumsToTheFen() {
        let parts = ["155", "100", "111", "42", "60", "21", "8", "31.79", "22", "5", "5", "11", "53.6"].compactMap { Money(wan: $0) }
        #expect(parts.sum().wanString == "625.39")
        // What floating point gets wrong, fen do not.
        #expect(([Money(wan: "0.1")!, Money(wan: "0.2")!]).sum() == Money(wan: "0.3"))
    }

    @Test func amountsWithUnits() {
        #expect(Amounts.wan("666万元")?.wanString == "666.00")
        #expect(Amounts.wan(" 155 万元")?.wanString == "155.00")
        #expect(Amounts.wan("210000元")?.wanString == "21.00")
        #expect(Amounts.wan("1.2亿元")?.wanString == "12000.00")
        #expect(Amounts.wan("4000") == Money(wan: "4000"))
        #expect(Amounts.wan("") == nil)
        #expect(Amounts.wan("按实核算") == nil)
        #expect(Amounts.yuan("0")?.fen == 0)
    }
}

@Suite struct CellTextTests {
    @Test func latexBecomesText() {
        #expect(CellText.clean("$\\geq 95\\%$") == "≥95%")
        #expect(CellText.clean("$\\leq 60$ 万元") == "≤60 万元")
        #expect(CellText.clean("\\geq 90\\%") == "≥ 90%")
    }

    @Test func formattingTagsGoAndOtherMarkupStaysAsText() {
        #expect(CellText.clean("<b>主管部门</b>") == "主管部门")
        #expect(CellText.structured("<p>第一段</p><p>第二段</p>") == "第一段\n\n第二段")
        #expect(CellText.clean("<script>alert(1)</script>") == "<script>alert(1)</script>")
        #expect(CellText.clean("a &lt;b&gt; &amp; &#x2265;1&nbsp;") == "a <b> & ≥1")
        #expect(CellText.clean("　全角空格　") == "全角空格")
    }
}

@Suite struct TitleTests {
    @Test func years() {
        #expect(Titles.year(in: "2021年度人社专职协理员工作经费绩效目标申报表") == 2021)
        #expect(Titles.year(in: "(2024年度)") == 2024)
        #expect(Titles.year(in: "2024 年部门项目及绩效目标情况") == 2024)
        #expect(Titles.year(in: "项目编码 320281223230023000001") == nil)
        #expect(Titles.year(in: "12024年") == nil)
    }

    @Test func projectNames() {
        #expect(Titles.projectName(inApplicationTitle: "## 2021年度人社局专项资金绩效目标申报表") == "人社局专项资金")
        #expect(Titles.projectName(inTargetTableTitle: "被征地农民社会保障费项目绩效目标表") == "被征地农民社会保障费")
        #expect(Titles.projectName(inTargetTableTitle: "机关事业养老保险财政补贴项目绩效目标表") == "机关事业养老保险财政补贴")
    }
}

@Suite struct DepartmentTests {
    @Test func spellingsOfOneDepartmentShareAKey() {
        let d = Departments()
        let key = d.key("江阴市人力资源和社会保障局")
        #expect(d.key("江阴市人社局") == key)
        #expect(d.key("江阴市人力资源和社会保障局（机关）") == key)
        #expect(d.key("[061]旌德县人力资源和社会保障局") == "旌德县人力资源和社会保障局")
        #expect(d.key("高新区人社局") == "高新区人力资源和社会保障局")
        #expect(d.key("江阴市财政局") != key)
    }

    @Test func aliasesFromTheConfiguration() throws {
        let config = try SiteConfig.parse("""
            title: 测试
            departments:
              江阴市人力资源和社会保障局: [澄人社, 江阴人社]
            """, path: "gongkai.yml")
        let d = config.departments
        #expect(d.key("澄人社") == d.key("江阴市人社局"))
        #expect(config.title == "测试")
    }

    @Test func configurationErrorsNameTheLine() {
        #expect(throws: SiteConfig.Error.invalid(path: "g.yml", line: 2, reason: "unknown setting ‘colour’ (known: title, baseURL, theme, language, departments, silence)")) {
            try SiteConfig.parse("title: x\ncolour: red\n", path: "g.yml")
        }
    }
}
