// The general rules forms from other counties need, each on a small form written for it: labels,
// money and units, page text and spam, years, the kinds of form, and truncated forms.

import Foundation
import Testing
@testable import GongkaiKit

/// Reads a form given as text.
func readForm(_ text: String, path: String = "form.md") -> DocumentResult {
    DocumentReader.read(path: path, bytes: Array(text.utf8))
}

@Suite struct FormRulesTests {
    // MARK: Departments

    /// A notice above the form, written a paragraph a long line, looked like a paragraph pandoc
    /// wrapped at 72 columns: every line of the form's `|` rows below it was joined into one line
    /// of text, and the department was published as `| 某区林业局 | |||`. A line with a `|` is a
    /// row of cells and never part of a wrapped paragraph; a line of Chinese with no space in it
    /// is no evidence of wrapping at all. And a level of the transfer chain that names its sector
    /// (`区级林业主管部门`) is that level.
    @Test func pipeRowsUnderALongNoticeAreRowsNotAWrappedParagraph() throws {
        let doc = readForm("""
        某区林业局:
        根据市财政局《关于下达2021年中央财政林业生态恢复资金的通知》精神,现将2021年中央财政林业生态保护恢复专项资金189.42万元下达给你局,年终列入相关政府收支分类科目。
        一、天然林保护工程社会劳动保险补助171.62万元,参保人数为163人,年终列入“2110502社会支出补助”政府收支分类科目,请按规定及时拨付。
        二、完善退耕还林政策兑现补助资金17.80万元,计划兑现面积1980亩,年终列入“2110602退耕现金”政府收支分类科目,请按规定及时兑现。
        附件:2021年林业生态保护恢复资金区域绩效目标申报表
        2021年林业生态保护恢复资金区域绩效目标申报表
        专项名称 |
        林业草原生态保护恢复资金 | |||
        区级财政部门 |
        某区财政局 | |||
        区级林业主管部门 |
        某区林业局 | |||
        年度金额(万元) |
        189.42 | |||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某区林业局")
        #expect(p.name == "林业草原生态保护恢复资金")
        #expect(!p.otherNames.contains { $0.contains("|") || $0.contains("申报表") })
        #expect(p.amount == Money(wan: "189.42"))
        #expect(p.year == 2021)
    }

    /// `附件:2021年…绩效目标申报表`, `附件22023年…区域绩效目标表`: the digits before 年 end with the
    /// year, not the annex's number, and `区域绩效目标表` is the title's kind, not the name's end.
    @Test func anAnnexNumberBeforeAYearLeavesTheYearAndTheName() {
        #expect(Titles.projectName(inTitle: "附件:2021年林业生态保护恢复资金区域绩效目标申报表") == "林业生态保护恢复资金")
        #expect(Titles.projectName(inTitle: "附件22023年残疾人事业发展补助资金区域绩效目标表") == "2023年残疾人事业发展补助资金")
        #expect(Titles.projectName(inTitle: "附件2 残疾人事业发展补助资金区域绩效目标表") == "残疾人事业发展补助资金")
    }

    @Test func theMostLocalDepartmentOfTheTransferChainNeverAFinanceBureau() throws {
        let doc = readForm("""
        生猪调出大县奖励资金区域绩效目标表
        资金名称\t生猪调出大县奖励资金
        中央主管部门\t财政部、农业农村部
        省级财政部门\t重庆市财政局
        省级主管部门\t重庆市农业农村委员会
        区县财政部门\t忠县财政局
        区县主管部门\t忠县农业农村委员会
        年度金额(万元)\t397
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "忠县农业农村委员会")
        #expect(p.amount == Money(wan: "397"))
    }

    @Test func codesGluedToDepartmentNamesAreDropped() {
        #expect(Departments.stripCode("[066]六安市农业农村局") == "六安市农业农村局")
        #expect(Departments.stripCode("404-永济市文化和旅游局") == "永济市文化和旅游局")
        #expect(Departments.stripCode("901001 某县财政局") == "某县财政局")
        // A name that starts with digits of its own is left alone.
        #expect(Departments.stripCode("12345") == "12345")
    }

    @Test func aCodesLabelRunTogetherWithTheDepartmentsIsNotTheDepartment() throws {
        // `主管部门编码` after `主管部门某镇`: its own label (a code's), not 主管部门 with the value `编码`.
        let doc = readForm("项目绩效目标表(2021年度)填报单位(盖章):某镇人民政府 项目名称镇域道路建设项目属性延续项目主管部门某镇主管部门编码项目单位某镇项目负责人张三年度资金总额100万元")
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某镇")
        #expect(p.amount == Money(wan: "100"))
    }

    @Test func withNoDepartmentTheUnitAndThenThePagesPublisherStandForIt() throws {
        let unit = readForm("""
        项目支出绩效目标表
        项目名称\t特困家庭再扶助
        预算单位\t区卫生健康局
        年度资金总额(万元)\t6.30
        """)
        #expect(unit.projects.first?.rawDepartment == "区卫生健康局")
        #expect(unit.diagnostics.contains { $0.code == "department-from-unit" })
        let page = readForm("""
        发布时间:2019-09-30 08:47信息来源: 芜湖市卫生健康委阅读次数: 字体:【

        项目支出绩效目标申报表

        项目名称 特殊人群病种筛查经费

        项目当年预算(万元) 25.00
        """)
        let p = try #require(page.projects.first)
        #expect(p.rawDepartment == "芜湖市卫生健康委")
        #expect(page.diagnostics.contains { $0.code == "department-from-publisher" })
    }

    @Test func theProsesUnitIsTheBodyItsSentenceStartsWith() throws {
        let doc = readForm("""
        1、“水源地保护”项目

        (3)实施主体:卢村乡人民政府根据行动方案明确职责:农服中心、水利站等协同作业。

        (6)年度预算安排:500万元。
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "“水源地保护”项目")
        #expect(p.unit == "卢村乡人民政府")
        #expect(p.amount == Money(wan: "500"))
        #expect(p.amountUnit == .wan)
    }

    // MARK: Money

    /// A total and the year's amount after a group label (`资金情况 (万元) | 项目资金总额: | 1500 |
    /// 年度资金申请总额 | 900`, the 兵团 template): both are read, the year's is the amount, and
    /// the funding lines below them, written once for each column, are the year's column's. Before,
    /// neither label was known: the amount was the sum of every funding cell of both columns.
    @Test func aProjectTotalAndTheYearsAmountSideBySideSplitTheFundingBelowThem() throws {
        let doc = readForm("""
        兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表 | ||||||
        项目名称 | 某团冷链仓储建设项目 | |||||
        主管部门 | 农业农村局 | 实施单位 | 某团农业发展服务中心 | |||
        资金情况 (万元) | 项目资金总额: | 1500 | 年度资金申请总额 | 900 | ||
        其中:财政资金 | 1200 | 其中:财政资金 | 700 | |||
        其他资金 | 300 | 其他资金 | 200 | |||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "900"))
        #expect(p.totalAmount == Money(wan: "1500"))
        #expect(p.funding.map(\.amount) == [Money(wan: "700"), Money(wan: "200")])
        #expect(!doc.diagnostics.contains { $0.code == "funding-mismatch" || $0.code == "amount-from-funding" })
    }

    @Test func amountsInYuanWithSeparatorsAreReadExactly() throws {
        // The unit stands after the amount in a scrambled row: it still applies.
        let doc = readForm("""
        项目支出绩效目标申报表 (2023年度) 项目名称 2023年文物保护经费 主管部门及代码 404-永济市文化和旅游局 实施期资金总额: 1,000,000 项目资金 (元) 其他资金 0
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "100"))
        #expect(p.amountUnit == .yuan)
        #expect(p.rawDepartment == "永济市文化和旅游局")
        #expect(p.year == 2023)
    }

    @Test func aTableTakesTheProsesAmountOnlyWhenItGivesNone() throws {
        let doc = readForm("""
        1. 就业补助资金项目

        (6) 年度预算安排。155 万元。

        项目支出绩效目标表

        项目名称\t就业补助资金
        年度资金总额\t150.00
        """)
        #expect(doc.projects.first?.amount == Money(wan: "150"))
        #expect(doc.projects.first?.sections.contains { $0.title == "年度预算安排" } == true)
    }

    @Test func theProsesAmountWithItsUnitSettlesTheTablesUnitWhenTheyAgree() throws {
        // The table writes `5.00` under a label that lost its `(万元)`; the project's own text
        // says `…预算安排5万元`: the same amount, so the unit is certain.
        let agreeing = readForm("""
        (6)年度预算安排。文化惠民补助经费预算安排5万元

        项目支出绩效目标表

        项目名称\t文化惠民补助经费
        主管部门\t某市文化旅游体育局
        年度资金总额\t5.00
        其中:财政拨款\t5.00
        """)
        let p = try #require(agreeing.projects.first)
        #expect(p.amount == Money(wan: "5"))
        #expect(p.amountUnit == .wan)
        #expect(!agreeing.diagnostics.contains { $0.code == "amount-unit-unknown" })
        #expect(agreeing.diagnostics.contains { $0.code == "amount-unit-from-text" })
        // Another amount in the text settles nothing: the table's stays uncertain.
        let differing = readForm("""
        (6)年度预算安排。文化惠民补助经费预算安排5万元

        项目支出绩效目标表

        项目名称\t文化惠民补助经费
        主管部门\t某市文化旅游体育局
        年度资金总额\t50000
        """)
        let q = try #require(differing.projects.first)
        #expect(q.amountUnitUnstated)
        #expect(differing.diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    @Test func aUnitLineBeforeTheFormAndASubjectCodeBesideTheFunding() throws {
        // Space-separated rows of a stored page: `金额单位:万元` on its own line is the unit of the
        // amounts; `财政资金科目代码 21305` is a subject code, never a 财政资金 of 21305 万元.
        let doc = readForm("""
        某乡加工园配套设施建设项目支出绩效目标审批表
        (2023年度)
        金额单位:万元
        项目名称 某乡加工园配套设施建设项目 项目分类 资产资源类
        业务主管部门 县民宗委
        项目总预算 65 财政资金预算分类 一般公共预算
        当年年度预算 65
        其中:财政资金 65 财政资金科目代码 21305
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "65"))
        #expect(p.amountUnit == .wan)
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
        #expect(!p.funding.contains { $0.amount == Money(wan: "21305") })
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "65")])
    }

    @Test func twoNumbersRunTogetherAreNeverOneAmount() throws {
        // A 上年度 and a 本年度 column on one line: `40 40` is not 4040.
        #expect(Amounts.wan("40 40") == nil)
        #expect(Amounts.yuan("1 250") == nil)
        #expect(Amounts.wan(" 40.50 ") == Money(wan: "40.50"))
        #expect(Amounts.wan("40 万元") == Money(wan: "40"))
        let doc = readForm("""
        项目支出绩效目标申报表
        项目名称\t流动人口公卫经费
        主管部门\t某区卫计局
        年度资金总额(万元)\t40 400
        """)
        #expect(doc.projects.first?.amount != Money(wan: "40400"))
        #expect(doc.diagnostics.contains { $0.code == "unreadable-amount" })
    }

    @Test func aYearsColumnOfAmountsIsTheOneItsHeaderNames() throws {
        // A stored 岳阳楼区 申报表: `上年度安排资金 本年度申请资金` heads the funding lines; the
        // year's amount is the second column, never the first.
        let doc = readForm("""
        项目支出预算绩效目标申报表
        项目名称 流动人口公卫经费
        主管部门 某区卫计局
        项目资金申请(万元) 项目 上年度安排资金 本年度申请资金
        区级资金 30 40
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.amount) == [Money(wan: "40")])
        #expect(p.amount == Money(wan: "40"))
        // Without a header that says which column is the year's, neither is taken.
        let unsure = readForm("""
        项目支出预算绩效目标申报表
        项目名称 流动人口公卫经费
        主管部门 某区卫计局
        区级资金 30 40
        """)
        #expect(unsure.projects.first?.funding.compactMap(\.amount) == [])
        #expect(unsure.diagnostics.contains { $0.code == "amount-ambiguous" && $0.location.line == 4 })
        // The same amount in both columns is that amount.
        let same = readForm("""
        项目支出预算绩效目标申报表
        项目名称 流动人口公卫经费
        主管部门 某区卫计局
        区级资金 40 40
        """)
        #expect(same.projects.first?.funding.map(\.amount) == [Money(wan: "40")])
    }

    @Test func aFormOfOneLineRowsWithSomeEmptyRowsIsNoCellPerParagraphDocument() throws {
        // Rows a line each, label then value; three funding rows left empty stand as labels
        // alone on their lines. That is no document written a cell per paragraph: its
        // department is `某区卫计局`, not run together with the next label and its value.
        let doc = readForm("""
        2017年区卫计局流动人口管理经费项目支出预算绩效目标申报表
        来源:某区财政局   2017-04-05 15:25
        项目支出预算绩效目标申报表
        (20 17 年度)
         填报单位(盖章)某区卫计局
        项目基本情况 项目名称 流动人口公卫经费
        项目属性 新增项目□                       延续项目√
         主管部门 某区卫计局  项目起止时间 2017年1月至2017年12月
        项目负责人 张三  联系电话 13700000000
         项目类型 1.基本建设类 □    其中:新建      扩建      改建
        2.行政事业类 □    其中: 采购类□    修缮类□    奖励类□
        3.其他专项类 √
        项目概况 1.省、市专项调查     2.对全区1个乡和14个街道;12个村和95个社区进行流动人口专项调查     3.区域协作
        项目立项
        依据
        1.《某省2017年度计划生育工作考评方案》                     2.《某市2017年度计划生育工作目标管理考核方案》             3.《某区2017年度计划生育工作考核评估方案》        4.《某区2017年度计划生育业务工作调查方案》5.《某省流动人口健康教育和健康促进行动实施方案(2016-2020)》6.《某区流动人口基本公共卫生计生服务均等化工作实施方案》
        项目资金情况 项目资金申请(万元) 项 目  上年度安排资金 本年度申请资金
        合 计 40 40
        区级资金 40 40
        市级资金
        省级资金
        中央资金
        自有资金
        支出明细预算(万元) 项 目 上年度安
        排资金
         本年度
        申请资金
        测算依据
        及说明
        合 计 40 40 《某省2016年度计划生育工作考评方案》
        1
        2
        3
        4
        单位已有的(或拟订的)保证项目实施的制度、措施 1.《某省2016年度计划生育工作考评方案》                     2.《某市2016年度计划生育工作目标管
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "流动人口公卫经费")
        #expect(p.rawDepartment == "某区卫计局")
        #expect(p.amount == Money(wan: "40"))
    }

    @Test func aBracketedLabelRunTogetherIsCutOutWhole() throws {
        // A stored 秀屿区 page: `主管部门(单位)名称` is one label; cutting its head `主管部门` left
        // `(单位)名称秀屿区水利局` as the department, a folder of the site.
        let doc = readForm("""
        某区2025年省级水利专项资金绩效目标表项目名称省级水利专项资金主管部门(单位)名称某区水利局资金情况(万元)资金总额35其中:财政拨款35其他资金0
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某区水利局")
        #expect(p.amount == Money(wan: "35"))
    }

    @Test func aDepartmentOrUnitThatIsOnlyColumnNamesIsNotRead() throws {
        // `项目单位 | 产 出 指 标 | 效 益 指 标`: the header of a table of targets per village,
        // never the unit (it became the department's folder).
        #expect(TextRows.isOnlyLabels("产 出 指 标 效 益 指 标"))
        #expect(TextRows.isOnlyLabels("一级指标 二级指标"))
        #expect(!TextRows.isOnlyLabels("某县农业农村局"))
        let doc = readForm("""
        某项目绩效目标表
        项目名称\t某扶贫开发项目
        年度资金总额(万元)\t12
        项目单位\t产 出 指 标\t效 益 指 标
        """)
        #expect(doc.projects.allSatisfy { $0.unit == nil && $0.rawDepartment == nil })
        #expect(doc.diagnostics.contains { $0.code == "label-as-value" && $0.location.line == 4 })
    }

    @Test func proseBeforeATitleAndAYearWithGenericWordsNameNoProject() throws {
        // A page's paragraph about two other projects runs into the form's title: it is no
        // other name of the project. `2017年财政支出项目绩效目标表` names none either.
        #expect(Titles.projectName(inTitle: "1.“文化中心运营专项经费”项目。(6)年度预算安排。财政拨款634万元。 项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "2017年财政支出项目绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "2024年度被征地农民社会保障费项目绩效目标表") != nil)
        let doc = readForm("""
        1.“文化中心运营专项经费”项目。(1)项目概述。主要用于文化中心整体运营。(6)年度预算安排。财政拨款634万元。 项目支出绩效目标表
        (2025年度)
        项目名称\t快乐健身暖民心建设资金
        主管部门\t某区文化旅游体育局
        年度资金总额(万元)\t20
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "快乐健身暖民心建设资金")
        #expect(p.otherNames == [])
    }

    @Test func aDepartmentCutByTheEndOfTheTextIsNoDepartment() throws {
        // The stored page stops inside the department's cell: `六安市叶集区文化旅游体育` (its `局`
        // cut off) would open a department beside the real one.
        let doc = readForm("""
        项目支出绩效目标表
        (2025年度)
        | 项目名称 | 快乐健身暖民心建设资金 |
        | 年度资金总额(万元) | 20 |
        | 主管部门及代码 | [027]六安市叶集区文化旅游体育
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == nil)
        #expect(doc.diagnostics.contains { $0.code == "department-cut" && $0.location.line == 5 })
        // A whole name at the end stays.
        let whole = readForm("""
        项目支出绩效目标表
        (2025年度)
        | 项目名称 | 快乐健身暖民心建设资金 |
        | 年度资金总额(万元) | 20 |
        | 主管部门 | 坝塘镇
        """)
        #expect(whole.projects.first?.rawDepartment == "坝塘镇")
    }

    @Test func aFilledFormGongkaiCannotReadIsNoBlankTemplate() throws {
        // A stored 黄山 page: the site's own fields (`主题分类:`, `发布机构:`) and a list whose
        // cells gongkai cannot pair. Its figures (`92156434`, `1681680`) are filled in: it is no
        // blank template to pass over with a warning, but a form that could not be read (an error).
        let text = """
        主题分类: 公安、安全、司法 发文日期: 2025-05-20
        发布机构: 某市人民政府办公室 发布日期: 2025-05-27
        某市公安局2025年项目绩效目标和指标

        单位编码

        单位名称(项目类别/支出项目)

        年度预算安排

        项目内容

        92156434

        某市雪亮工程机房租赁服务采购项目

        1681680
        """
        let doc = readForm(text)
        #expect(doc.kind != .blankTemplate)
        #expect(doc.projects.isEmpty)
        #expect(doc.diagnostics.contains { $0.severity == .error })
        // The same labels with nothing filled in are a blank template.
        let blank = readForm("""
        项目支出绩效目标申报表
        项目名称
        主管部门
        年度资金总额(万元)
        项目负责人
        """)
        #expect(blank.kind == .blankTemplate)
        #expect(DocumentKinds.isFigure("284500.00") && DocumentKinds.isFigure("92156434") && DocumentKinds.isFigure("1,681,680"))
        #expect(!DocumentKinds.isFigure("2025") && !DocumentKinds.isFigure("1.") && !DocumentKinds.isFigure("023000001"))
    }

    @Test func aPageWritingEveryCellOnALineWithABarIsReadByWhatItsCellsSay() throws {
        // A stored 金安区 page: every cell on a line of its own closed by `|`, a `|` alone for an
        // empty cell, labels broken over lines (`项目资金` / `(万元) |`, `绩`/`效`/`指`/`标 |`),
        // and nothing that marks where an indicator row ends. The year line carries its bar.
        let doc = readForm("""
        |
        项目支出绩效目标表 |
        (2025年度) |
        项目责任人: |
        |
        项目名称 |
        某网球公开赛 |
        主管部门及代码 |
        [042]某区体育局 |
        项目资金
        (万元) |
        年度资金总额: |
        1000.00 |
        其中:财政拨款 |
        1000.00 |
        其他资金 |
        0.00 |
        年度
        目标 |
        打造品牌赛事,提升城市的知名度。 |
        绩
        效
        指
        标 |
        一级
        指标 |
        二级指标 |
        三级指标 |
        指标值 |
        产出指标 |
        数量指标 |
        开展运动种类 |
        1种 |
        质量指标 |
        经费支出合规率 |
        100% |
        效益指标 |
        社会效益指标 |
        打造系列品牌
        赛事 |
        效果良好 |
        满意度指标 |
        满意度指标 |
        群众满意度 |
        ≥95% |
        |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "某网球公开赛")
        #expect(p.year == 2025)
        #expect(p.amount == Money(wan: "1000"))
        #expect(!p.amountUnitUnstated)
        #expect(p.indicators.map(\.name) == ["开展运动种类", "经费支出合规率", "打造系列品牌赛事", "群众满意度"])
        #expect(p.indicators.map(\.value) == ["1种", "100%", "效果良好", "≥95%"])
    }

    @Test func thePagesOwnBarredLineDoesNotStopRunTogetherTextFromBeingSplit() throws {
        // A stored 青山区 page: `字号 : |` and `发布时间:… | 发布单位:区教育局` are the site's
        // lines, not a table of the form's; the form's rows run their labels and values together
        // and are split at the labels (`项目执行单位` is a unit's label).
        let doc = readForm("""
        字号 :  |
        发布时间:2021-01-05  |  发布单位:区教育局
        绩效目标表
        (2020年度)
        项目名称农村义务教育薄弱学校改造补助资金
        项目主管部门某区教育局项目执行单位某区化工区学校
        资金情况
        (万元)
        年度资金总额:16
        [下载] [打印] [关闭]
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "农村义务教育薄弱学校改造补助资金")
        #expect(p.rawDepartment == "某区教育局")
        #expect(p.unit == "某区化工区学校")
        #expect(p.amount == Money(wan: "16"))
        #expect(p.indicators.isEmpty)
        #expect(DocumentReader.isPageCell("发布单位:区教育局") && DocumentReader.isPageCell("字号 :"))
    }

    @Test func aBatchOfAmountLabelsNoTemplateListHasIsToldByWhatTheySay() throws {
        // A stored 东莞 批复表: `项目 名称 |` on a line, its value opening the next row beside
        // `中期市财政预算(万元) | 284500.00 | 本年度申请市财政预算资金(万元) | 919.00`. The year's
        // amount is 919, the term's 284500; the page's heading repeats the form's title.
        let doc = readForm("""
        某市财政项目支出绩效目标批复表
        某市财政项目支出绩效目标批复表 | |||||||||
        ( 2019 年度) | |||||||||
        预算单位:某市交通运输局 | |||||||||
        项目 名称 |
        镇际联网路升级改造工程一期 | 中期市财政预算(万元) | 284500.00 | 本年度申请市财政预算资金(万元) | 919.00 | ||||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "镇际联网路升级改造工程一期")
        #expect(p.amount == Money(wan: "919"))
        #expect(p.totalAmount == Money(wan: "284500"))
        #expect(p.year == 2019)
        #expect(!doc.diagnostics.contains { $0.code == "empty-form" })
        #expect(Labels.amountLabel("本年度申请市财政预算资金(万元)") == .yearAmount)
        #expect(Labels.amountLabel("中期市财政预算(万元)") == .totalAmount)
        #expect(Labels.amountLabel("上年度安排资金(万元)") == nil)
        #expect(Labels.amountLabel("六、项目总体绩效目标项目用途金额(万元)") == nil)
        #expect(Titles.projectName(inTitle: "某市财政项目支出绩效目标批复表") == nil)
        #expect(Titles.projectName(inTitle: "某市镇际联网路工程项目支出绩效目标批复表") == "某市镇际联网路工程")
    }

    @Test func aNeighboursLabelRunIntoANameIsCutAndAYearAmongTheRowsIsNoFormsYear() throws {
        // A stored 镇江 page written a cell a paragraph: the next cell's label ran into the name
        // and the unit (`… 实施部门 …`, `… 项目负责人/ 联系电话`); `完成时间` / `2026年` among the
        // rows is a value, while the form's year is the `2024年度` above it. Labels alone are
        // no department (`部门相应职能职 责概述 专项立项 依据 …`).
        let doc = readForm("""
        2024年度某博物馆文化公园运转经费项目绩效公开

        2024年度

        项目名称

        文化公园运转经费 实施部门 某市文化广电 和旅游局

        完成时间

        2026年

        预算单位

        某博物馆 项目负责人/ 联系电话

        年度资金总额(万元)

        80
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "文化公园运转经费")
        #expect(p.unit == "某博物馆")
        #expect(p.year == 2024)
        #expect(p.amount == Money(wan: "80"))
        #expect(doc.diagnostics.filter { $0.code == "label-in-value" }.count == 2)
        #expect(TableReader.beforeNextLabel("部门相应职能职 责概述 专项立项 依据 专项实施 进度计划") == "")
        #expect(TableReader.beforeNextLabel("六安市 农业农村局") == nil)
    }

    @Test func aStandardsColumnAfterTheValueAndAQuestionAfterTheIndicators() throws {
        // A stored 湘潭 page written a cell a paragraph: `绩效标准` after `指标值` is a column of
        // its own (its `计划标准` was published as every value); the period ran into the next
        // label; the department's code stands after its name; `其他需说明的问题` after the last
        // indicator is the form's text, not an indicator.
        let doc = readForm("""
        项目支出绩效目标表

        (2024年度)

        项目名称

        雾炮车抑尘降尘服务

        项目期

        20246-202516 主管部门及其编码 某市城市管理和综合执法局 308001

        年度资金总额(万元)

        250

        一级指标

        二级指标

        三级指标

        指标值

        绩效标准

        产出指标

        数量指标

        配备车辆数

        10

        计划标准

        雾炮车风炮射程

        80M

        计划标准

        其他需说明的问题

        主管
        """)
        let p = try #require(doc.projects.first)
        #expect(p.period == "20246-202516")
        #expect(doc.diagnostics.contains { $0.code == "label-in-value" && $0.location.line == 11 })
        #expect(p.indicators.map(\.name) == ["配备车辆数", "雾炮车风炮射程"])
        #expect(p.indicators.map(\.value) == ["10", "80M"])
        #expect(p.sections.contains { $0.title == "其他需说明的问题" && $0.text == "主管" })
        #expect(Departments.stripCode("某市城市管理和综合执法局 308001") == "某市城市管理和综合执法局")
    }

    @Test func lastYearsBudgetIsNeverTheYearsAmountLabel() throws {
        // A stored 阳泉 page run together: `上年度预算安排 21.62` is last year's figure; cutting
        // the label `年度预算安排` out of it published 21.62 as this year's amount.
        #expect(!TextRows.splitAtLabels("上年度预算安排21.62本年度申请金额").contains("年度预算安排"))
        #expect(TextRows.splitAtLabels("年度预算安排21.62") == ["年度预算安排", "21.62"])
        let doc = readForm("""
        某市市级部门预算项目支出绩效目标申报表(2015年度)
        项目名称市级机关办公楼更换消防标示牌资金主管部门某市机关事务管理局
        项目合计上年度预算安排21.62上年度实际执行本年度申请金额
        """)
        #expect(!doc.projects.contains { $0.amount == Money(wan: "21.62") })
        #expect(doc.projects.first?.rawDepartment == "某市机关事务管理局")
    }

    @Test func aMaskedNameAndAnAnnexsListBeforeTheTitleNameNothing() throws {
        // A stored 太和 page masks the department as `[055]****`; a stored 海南 notice runs its
        // allocation list into the form's title (`…博览会638合计2430.3附件2项目绩效目标表`).
        let masked = readForm("""
        项目支出绩效目标申报表 | ||||||||
        ( 2023 年度) | ||||||||
        项目名称 | 城管执法车辆维修燃油费 | |||||||
        主管部门及代码 | [055]**** | 实施单位 | **** | |||||
        项目资金 (万元) | 年度资金总额: | 340.00 | ||||||
        """)
        let p = try #require(masked.projects.first)
        #expect(p.rawDepartment == nil && p.unit == nil)
        #expect(masked.diagnostics.filter { $0.code == "masked-value" }.count == 2)
        #expect(masked.diagnostics.contains { $0.code == "missing-department" && $0.severity == .error })
        #expect(Titles.projectName(inTitle: "7 2021年(第二届)海南国际旅游装备博览会638合计2430.3附件2项目绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "附件2:某县农村公路养护项目绩效目标表") == "某县农村公路养护")
    }

    @Test func aLabelRunIntoTheDepartmentStillGivesItsUnit() throws {
        // A stored 南岳 page written a cell a paragraph: `年度预算申请` / `(万元)` ran into the
        // department's cell; cut off, it still says the amounts under it are in 万元.
        let doc = readForm("""
        归档时间:2023-04-02

        某区实验中学(某区第二中学)

        部门整体支出绩效目标申报表

        发布时间:2017年11月23日 12:04 来源:湖南省政府门户网站 作者:王伶

        部门整体支出绩效目标申报表
        2017 年度)

        填报单位(盖章)                             单位负责人(签名):

        部门名称

        某区实验中学

        年度预算申请
        (万元)

        资金总额:704

        按收入性质分

        按支出性质分

        公共财政拨款:683

        政府性基金拨款:

        纳入专户管理的非税收入拨款:21

        其他资金:

        基本支出:622



        项目支出:82

        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "704"))
        #expect(!p.amountUnitUnstated)
        // The page's source (`来源:湖南省政府门户网站`) is a website, never the department.
        #expect(p.rawDepartment != "湖南省政府门户网站")
        #expect(!Titles.looksLikeDepartment("湖南省政府门户网站") && Titles.looksLikeDepartment("某镇农业技术推广站"))
    }

    @Test func aFundingGroupsTotalIsTheYearsAmount() throws {
        // A stored 百色 page: `项目资金 (万元) | 合计 | 1800`, then `一般公共预算拨款 | 小计 | 1800`.
        let doc = readForm("""
        2023年度预算项目绩效目标公开表 | |||||||
        项目名称 | 某学校办学补贴 | ||||||
        项目主管部门 | 某市教育局 | 项目实施单位 | 某市教育局 | ||||
        项目资金 (万元) | 合计 | 1800 | |||||
        一般公共预算拨款 | 小计 | 1800 | |||||
        政府性基金预算拨款 | |||||||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "1800"))
        #expect(!p.amountUnitUnstated)
        #expect(p.funding.first { $0.label == "一般公共预算拨款" }?.amount == Money(wan: "1800"))
    }

    @Test func aRowEndingInTheBasisColumnIsAlignedFromTheRight() throws {
        // A stored 湘潭 page written a cell a paragraph: `成本指标` spans the 一级 and 二级
        // columns, so its row is one cell short; it ends in the 绩效标准 column. And `可持续影响` /
        // `指标` is one category broken over two paragraphs.
        let doc = readForm("""
        项目支出绩效目标表

        (2024年度)

        项目名称

        雾炮车抑尘降尘服务

        年度资金总额(万元)

        250

        一级指标

        二级指标

        三级指标

        指标值

        绩效标准

        产出指标

        数量指标

        配备车辆数

        10

        计划标准

        成本指标

        控制在预算成本内

        控制在预算内

        计划标准

        效益指标

        可持续影响

        指标

        工程设计使用年限

        ≥20年

        计划标准
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["配备车辆数", "控制在预算成本内", "工程设计使用年限"])
        #expect(p.indicators.map(\.value) == ["10", "控制在预算内", "≥20年"])
        #expect(p.indicators.last?.level2 == "可持续影响指标")
        #expect(!doc.diagnostics.contains { $0.code == "ocr-garbage" })
    }

    @Test func aStampsPlaceAndAUnitStatementAreNoUnitsName() throws {
        let doc = readForm("""
        项目支出绩效目标表（2023年度）
        项目名称\t雾炮车降尘抑尘服务
        预算部门\t某市环境卫生管理处
        填报单位:\t(盖章) 单位:万元
        实施单位\t（盖章）某市环卫一队
        年度本级 预算金额\t250
        """)
        let p = try #require(doc.projects.first)
        #expect(p.unit == "某市环卫一队")
        #expect(p.amount == Money(wan: "250") && p.amountUnit == .wan)
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    @Test func aYearInTheProjectsOwnNameWhenNothingElseStatesOne() throws {
        let doc = readForm("""
        绩效目标申报表
        项目名称\t2018年市级专项扶贫资金基础设施
        主管部门\t某镇政府
        年度资金总额(万元)\t10
        """)
        let p = try #require(doc.projects.first)
        #expect(p.year == 2018)
        #expect(doc.diagnostics.contains { $0.code == "year-from-name" })
    }

    @Test func aSignOffFieldIsNotTheDepartment() throws {
        // `主管部门审核意见` is where the department signs, not 主管部门 with a value.
        let doc = readForm("项目支出绩效目标表(2022年度)项目名称大楼运行保障主管部门某市机关事务服务中心年度资金总额100万元主管部门审核意见单位公章:年月日")
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某市机关事务服务中心")
    }

    @Test func aPageLineWithBarsDoesNotHideAFormWrittenACellAParagraph() throws {
        // `浏览量:1 | | | |` is the page's counter, not a table: the form below it, a cell a
        // paragraph, is read; its amount comes with its breakdown in brackets.
        let doc = readForm("""
        高标准农田建设绩效目标申报表
        来源:某县农业农村局   2022-05-16
        浏览量:1 | | | |

        绩效目标申报表(基础设施建设类)

        (2022年度)

        项目名称

        某县2022年高标准农田建设项目

        主管部门

        某县农业农村局

        年度资金总额:

        854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)

        一级指标

        二级指标

        三级指标

        指标值

        产出指标

        数量指标

        新建高标准农田

        ≥1万亩
        """)
        #expect(doc.kind == .targets)
        let p = try #require(doc.projects.first)
        #expect(p.name == "某县2022年高标准农田建设项目")
        #expect(p.amount == Money(wan: "854") && p.amountUnit == .wan)
        #expect(p.indicators.map(\.name) == ["新建高标准农田"])
        #expect(doc.diagnostics.contains { $0.code == "page-text" && $0.location.line == 3 })
    }

    @Test func aSelfEvaluationInTheStandardTemplatesColumnsIsSaidAsOne() throws {
        // 全年预算数(A) / 全年执行数(B) / 全年实际完成值: what was spent and achieved, not targets.
        let doc = readForm("""
        | 某县转移支付区域(项目)绩效目标自评表 | ||||||
        | (2023年度) | ||||||
        | 项目名称 | 某旧址陈列布展项目 | |||||
        | 主管部门 | 某县文化旅游体育局 | |||||
        | 资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | |||
        | 年度资金总额: | 127 | 27.9996 | 22% | |||
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因和改进措施 | |
        | 产出指标 | 数量指标 | 布展面积 | 300㎡ | 0 | 方案待审核 | |
        """)
        #expect(doc.kind == .selfEvaluation)
        #expect(doc.projects.isEmpty)
    }

    @Test func labelsInOneRowAndTheirValuesInTheNext() throws {
        let doc = readForm("""
        项目名称 | 全市文物保护专项经费 | 预算金额 | 36万元 |
        主管部门 | 市文化和旅游局 | 起止时间 | 2022年1月—12月 |
        资金来源(万元) | 财政拨款 | 非税安排 | 上年结转 |
        36 | 0 | 0 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.label) == ["财政拨款", "非税安排", "上年结转"])
        #expect(p.funding.map(\.amount) == [Money(wan: "36"), Money(wan: "0"), Money(wan: "0")])
        // No year stated: the period lies within one.
        #expect(p.year == 2022)
        #expect(doc.diagnostics.contains { $0.code == "year-from-period" })
    }

    @Test func nestedSubtotalsAreAddedOnceWhenTheTotalIsLeftEmpty() throws {
        let doc = readForm("""
        项目支出绩效目标申报表

        项目名称 特困家庭再扶助

        预算单位 区卫生健康局

        项目资金(万元) 年度资金总额 金额(万元)

        (一)财政拨款小计 6.30

        1、一般公共预算 6.30

        2、政府性基金 0.00

        (二)自有资金小计 0.00

        1、事业收入 0.00

        (三)其他收入 0.00
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "6.3"))
        #expect(p.funding.count == 6)
        #expect(doc.diagnostics.contains { $0.code == "amount-from-funding" })
    }

    @Test func aFundsNameBeforeItsAmountAndTheAmountInTheLabelsCell() throws {
        let doc = readForm("""
        绩效目标申报表 |
        项目名称 | 沙湾子养殖场基础设施建设项目 |
        主管部门 | 武川县民族事务委员会 |
        资金情况 (万元) |
        年度资金总额:50万 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 |
        其中:财政拨款 | 中央衔接推进乡村振兴补助资金(少数民族发展任务)50 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "50"))
        #expect(p.funding.first?.amount == Money(wan: "50"))
        // Never a sentence's figures: a notice is prose.
        #expect(Amounts.afterFundName("资金规模7359万元。其中产业发展类项目10个") == nil)
        #expect(Amounts.afterFundName("2023年省级资金100") == nil)
    }

    // MARK: Page text, spam, vocabulary

    @Test func spamInjectedByMirrorsIsRemovedAndSaid() throws {
        let doc = readForm("""
        项目名称 | 疫情期间区域病媒防治费用 |
        主管预算部门 | 狗万客户端城市管理委员 | 项目预算金额 (万元) | 5652 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "城市管理委员")
        #expect(doc.diagnostics.contains { $0.code == "spam-removed" && $0.location.line == 2 })
    }

    /// The shipped vocabulary has only sections gongkai reads: one it would not read (the old
    /// `units:`, which looked like data and did nothing) is refused, not silently ignored.
    @Test func vocabularyRefusesASectionNothingReads() throws {
        #expect(throws: (any Error).self) { try Vocabulary(yaml: "units:\n  wan: [万元]\n") }
        let shipped = try String(contentsOfFile: Repo.root + "/Vocabulary/labels.yml", encoding: .utf8)
        let vocabulary = try Vocabulary(yaml: shipped)
        #expect(vocabulary.field(LabelText.key("项目名称")) != nil)
    }

    // MARK: Review 12: templates of other counties

    /// A `指标值 | 指标值说明` header (the description after the values, not before them as in
    /// `绩效指标描述 | 指标值`): where the description was filled, value and description were
    /// swapped, silently, on the page and in the open data.
    @Test func aDescriptionAfterTheValuesIsReadByItsColumn() throws {
        let doc = readForm("""
        # 某县卫生健康委员会2025年项目支出绩效目标表

        | 项目名称 | 家庭医生签约服务 | 主管部门 | 某县卫生健康委员会 |
        |---|---|---|---|
        | 年度资金总额（万元） | 86.40 | | |

        | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值说明 |
        |---|---|---|---|---|
        | 产出指标 | 数量指标 | 签约覆盖率 | 70%-75% | 以常住人口计 |
        | 产出指标 | 质量指标 | 档案规范率 | ≥90% | |
        | 产出指标 | 成本指标 | 人均标准 | ≤80元/人 | 按包定价 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.value) == ["70%-75%", "≥90%", "≤80元/人"])
        #expect(p.indicators.map(\.description) == ["以常住人口计", nil, "按包定价"])
    }

    /// A web page pads the year line with no-break spaces (`（&nbsp;2025&nbsp;年度）`): the year
    /// was not found and the project was dropped with `missing-year`.
    @Test func aYearLinePaddedWithNoBreakSpacesGivesTheYear() throws {
        let doc = readForm("""
        项目支出绩效目标表

        （\u{A0}2025\u{A0}年度）

        | 项目名称 | 高标准农田管护 | 主管部门 | [126]某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 158.60 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 管护面积 | ≥1.1万亩 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.year == 2025)
        #expect(!doc.diagnostics.contains { $0.code == "missing-year" })
    }

    /// A converter that wraps a cell inside its code (`\[126\` / `]某县农`) leaves a space in the
    /// brackets: `[126 ]某县农业农村局` was published as the department.
    @Test func aCodeWithASpaceInItsBracketsIsStillACode() {
        #expect(Departments.stripCode("[126 ]浮梁县农业农村局") == "浮梁县农业农村局")
        #expect(Departments.stripCode("[ 126]浮梁县农业农村局") == "浮梁县农业农村局")
        #expect(Departments.stripCode("[]浮梁县农业农村局") == "浮梁县农业农村局")
        #expect(Departments.stripCode("[ ]浮梁县农业农村局") == "[ ]浮梁县农业农村局")
    }

    /// A source no list has on the row after a `其中：` line (`县级配套（元）`), with its unit in the
    /// label: it continues the funding lines, its amount in its unit.
    @Test func aSourceAfterAFundingLineContinuesTheLines() throws {
        let doc = readForm("""
        # 某市教育体育局项目支出绩效目标表

        | 项目名称 | 学生营养改善计划 | | |
        |---|---|---|---|
        | 主管部门 | 某市教育体育局 | 项目期限 | 2025年1月—2025年12月 |
        | 年度资金总额（元） | 5,126,400.00 | | |
        | 其中：中央补助（元） | 4,614,000.00 | | |
        | 县级配套（元） | 512,400.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 受益学生人数 | 5126人 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "512.64"))
        #expect(p.funding.map(\.label) == ["中央补助", "县级配套"])
        #expect(p.funding.map(\.amount) == [Money(wan: "461.40"), Money(wan: "51.24")])
        #expect(!doc.diagnostics.contains { $0.code == "funding-mismatch" })

        // With the amount left empty, a source or a use cannot be told: the row is a figure
        // left unread, and the first line alone (100.00) is no amount.
        let blank = readForm("""
        # 某县交通运输局2025年项目支出绩效目标表

        | 项目名称 | 农村公路养护 | 主管部门 | 某县交通运输局 |
        |---|---|---|---|
        | 年度资金总额（万元） | | | |
        | 其中：中央补助 | 100.00 | | |
        | 县级配套资金 | 20.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 养护里程 | 1120公里 |
        """)
        let q = try #require(blank.projects.first)
        #expect(q.amount != Money(wan: "100"))
        #expect(q.amount == nil || q.amount == Money(wan: "120"))
    }

    /// 亿元 is a unit: a group's (`资金情况（亿元）`) or the amount's own label's; the amount's
    /// parts under a label in 亿元 are in 亿元 too. It was read as 万元, 10,000 times too small.
    @Test func amountsInYiAreReadExactlyInWan() throws {
        for (group, amountLabel) in [("资金情况（亿元）", "年度资金总额"), ("资金情况", "年度资金总额（亿元）")] {
            let doc = readForm("""
            某市2025年城镇老旧小区改造中央补助资金绩效目标表

            项目名称\t2025年城镇老旧小区改造\t\t
            主管部门\t某市住房和城乡建设局\t\t
            \(group)\t\(amountLabel)\t3.25\t
            \t其中：中央补助\t2.60\t
            \t省级补助\t0.40\t
            \t市县配套\t0.25\t
            一级指标\t二级指标\t三级指标\t指标值
            产出指标\t数量指标\t改造小区个数\t186个
            """, path: "form.txt")
            let p = try #require(doc.projects.first)
            #expect(p.amount == Money(wan: "32500"))
            #expect(p.amountUnit == .yi)
            #expect(p.funding.map(\.amount) == [Money(wan: "26000"), Money(wan: "4000"), Money(wan: "2500")])
            #expect(!doc.diagnostics.contains { $0.code == "funding-mismatch" || $0.code == "amount-unit-unknown" })
        }
    }

    /// A 追加 (adjustment) form: the amount after the adjustment is the year's; the amount before
    /// and the adjustment are kept as fields, and `调整类型` is a label, not part of the unit's name.
    @Test func anAdjustmentFormsAmountIsTheOneAfterIt() throws {
        let doc = readForm("""
        # 某县应急管理局2025年预算调整（追加）项目绩效目标表

        | 项目名称 | 应急物资储备 | 主管部门 | 某县应急管理局 |
        |---|---|---|---|
        | 实施单位 | 某县应急管理局 | 调整类型 | 追加 |
        | 调整前预算（万元） | 150.00 | 调整后预算（万元） | 230.00 |
        | 本次追加金额（万元） | 80.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 储备灭火机 | 200台 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "230"))
        #expect(p.unit == "某县应急管理局")
        #expect(p.fields.contains { $0.label.hasPrefix("调整前预算") && $0.value == "150.00" })
    }

    /// A whole department's funds as a row of column headings (`部门预算资金（万元） | 合计 | 一般公共
    /// 预算拨款 | … | 单位资金`) over a row of figures: `合计` heads the total's column. And a row
    /// of source labels with 专项债券 among them over its figures.
    @Test func fundsAsColumnHeadingsOverARowOfFigures() throws {
        let doc = readForm("""
        # 2025年部门整体支出绩效目标表

        | 部门（单位）名称 | 中共某县委宣传部 | | | | |
        |---|---|---|---|---|---|
        | 部门预算资金（万元） | 合计 | 一般公共预算拨款 | 政府性基金 | 财政专户管理资金 | 单位资金 |
        | | 412.35 | 392.35 | 0.00 | 0.00 | 20.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | | |
        | 产出指标 | 数量指标 | 理论宣讲场次 | 300场 | | |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "412.35"))
        #expect(p.funding.map(\.label) == ["一般公共预算拨款", "政府性基金", "财政专户管理资金", "单位资金"])
        #expect(p.funding.map(\.amount) == [Money(wan: "392.35"), Money(wan: "0"), Money(wan: "0"), Money(wan: "20")])

        let bonds = readForm("""
        某县2025年项目支出绩效目标表

        项目名称\t城区污水管网改造\t\t
        主管部门\t某县住房和城乡建设局\t\t
        年度资金总额（万元）\t2,150.00\t\t
        资金来源（万元）\t财政拨款\t专项债券\t其他资金
        \t650.00\t1,500.00\t0.00
        一级指标\t二级指标\t三级指标\t指标值
        产出指标\t数量指标\t改造管网长度\t16公里
        """, path: "form.txt")
        let q = try #require(bonds.projects.first)
        #expect(q.funding.map(\.label) == ["财政拨款", "专项债券", "其他资金"])
        #expect(q.funding.map(\.amount) == [Money(wan: "650"), Money(wan: "1500"), Money(wan: "0")])
    }

    /// A county's page of every department's forms: its heading names the county
    /// (`某县2025年部门项目绩效目标公开`), and a form that gives only `单位名称 | 某县林业局` was
    /// grouped under the county, not the bureau.
    @Test func aPlaceInThePagesHeadingIsNotTheDepartmentOfAFormThatNamesItsUnit() throws {
        let doc = readForm("""
        <h2>某县2025年部门项目绩效目标公开</h2>
        <table border="1">
        <tr><td>项目名称</td><td>松材线虫病防治</td></tr>
        <tr><td>单位名称</td><td>某县林业局</td></tr>
        <tr><td>项目金额</td><td>120万元</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>防治面积</td><td>≥3000亩</td></tr>
        </table>
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某县林业局")
        #expect(p.amount == Money(wan: "120"))
    }

    /// `单位：元` over one table (a 项目支出预算表) says nothing of the next table under its own
    /// title: the target table's `年度资金总额 | 138.00` was read in 元, 0.0138 万元, silently.
    @Test func aUnitLineEndsAtTheNextTablesTitle() throws {
        let doc = readForm("""
        # 某县人力资源和社会保障局2025年部门预算

        ## 表十一 项目支出预算表

        单位：元

        | 项目名称 | 预算数 | 一般公共预算拨款 | 其他资金 |
        |---|---|---|---|
        | 就业创业补贴 | 1,380,000.00 | 1,380,000.00 | 0.00 |
        | 劳动保障监察执法 | 260,000.00 | 200,000.00 | 60,000.00 |

        ## 表十二 项目支出绩效目标表

        | 项目名称 | 就业创业补贴 | 主管部门 | 某县人力资源和社会保障局 |
        |---|---|---|---|
        | 年度资金总额 | 138.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 新增城镇就业人数 | ≥1200人 |
        """)
        let p = try #require(doc.projects.first { $0.name == "就业创业补贴" })
        #expect(p.amount == Money(wan: "138"))
        #expect(p.amountUnit == .wan, "the list's 1,380,000.00 元 is the form's 138.00 in 万元")
        #expect(doc.projects.count == 1, "the budget table's rows are no projects")
        #expect(doc.diagnostics.contains { $0.code == "amount-unit-from-list" })

        // The same unit line over the same list, a form in 元 after it: the list's amount tells.
        let yuan = readForm("""
        # 某县人力资源和社会保障局2025年部门预算

        单位：元

        | 项目名称 | 预算数 | 一般公共预算拨款 | 其他资金 |
        |---|---|---|---|
        | 就业创业补贴 | 1,380,000.00 | 1,380,000.00 | 0.00 |
        | 劳动保障监察执法 | 260,000.00 | 200,000.00 | 60,000.00 |

        ## 项目支出绩效目标表

        | 项目名称 | 劳动保障监察执法 | 主管部门 | 某县人力资源和社会保障局 |
        |---|---|---|---|
        | 年度资金总额 | 260,000.00 | | |
        | 其中：财政拨款 | 200,000.00 | | |
        | 其他资金 | 60,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 检查用人单位数 | ≥300户 |
        """)
        let q = try #require(yuan.projects.first)
        #expect(yuan.projects.count == 1)
        #expect(q.amount == Money(wan: "26"))
        #expect(q.amountUnit == .yuan)
        #expect(q.funding.map(\.amount) == [Money(wan: "20"), Money(wan: "6")])
    }

    /// Figures nobody read beside the funding lines make their sum unsure: a total in a cell
    /// the reader could not pair (`1,286.45`, a row with no label), or a line's several amounts
    /// by year columns (`财政拨款 | 800.00 | 900.00 | 1,000.00`). The sum of the lines read was
    /// published as the project's amount (1266.45 without a line; 100.00, one line's value).
    @Test func figuresLeftUnreadBesideTheFundingLinesMakeTheirSumUnsure() throws {
        let unlabelled = readForm("""
        <p>2025年部门整体支出绩效目标表</p>
        <table border="1">
        <tr><td>部门名称</td><td colspan="5">某县文化广电旅游局</td></tr>
        <tr><td rowspan="3">年度预算申请<br/>（万元）</td><td>资金总额</td><td colspan="2">按收入性质分</td><td colspan="2">按支出性质分</td></tr>
        <tr><td rowspan="2">1,286.45</td><td>一般公共预算</td><td>1,146.45</td><td>基本支出</td><td>586.45</td></tr>
        <tr><td>政府性基金</td><td>120.00</td><td>项目支出</td><td>700.00</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td colspan="2">指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td colspan="2">送戏下乡场次</td><td colspan="2">≥200场</td></tr>
        </table>
        """)
        let p = try #require(unlabelled.projects.first)
        #expect(p.amount == nil)
        #expect(unlabelled.diagnostics.contains { $0.code == "funding-sum-unsure" })

        let byYear = readForm("""
        # 2024—2026年中期财政规划项目绩效目标表

        | 项目名称 | 乡村振兴示范村建设 | 主管部门 | 某市农业农村局 |
        |---|---|---|---|
        | 项目年度 | 2024年 | | |
        | 项目资金（万元） | 2024年 | 2025年 | 2026年 |
        | 财政拨款 | 800.00 | 900.00 | 1,000.00 |
        | 其他资金 | 100.00 | 100.00 | 100.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 建成示范村个数 | 5个 |
        """)
        let q = try #require(byYear.projects.first)
        #expect(q.amount == nil)
        #expect(byYear.diagnostics.contains { $0.code == "amount-ambiguous" })
        #expect(byYear.diagnostics.contains { $0.code == "funding-sum-unsure" })
    }

    // MARK: Review 13: the overreaches of review 12's rules

    /// A unit line under the document's title, over the titles of its forms, is every form's:
    /// only a unit line right over a table ends at the next table's title (the second form's
    /// 860,000.00 元 was published as 860000.00 万元).
    @Test func aUnitLineOverTheFormsTitlesIsEveryFormsUnit() throws {
        let doc = readForm("""
        # 某县农业农村局2025年项目支出绩效目标表

        金额单位：元

        ## 项目支出绩效目标表（一）

        | 项目名称 | 农村人居环境整治 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 1,200,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 整治村庄数 | 12个 |

        ## 项目支出绩效目标表（二）

        | 项目名称 | 动物防疫补助 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 860,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 免疫畜禽数量 | ≥50万羽 |
        """)
        #expect(doc.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })

        // The same with the first form's table right under the unit line: still every form's.
        let first = readForm("""
        # 某县农业农村局2025年项目支出绩效目标表

        金额单位：元

        | 项目名称 | 农村人居环境整治 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 1,200,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 整治村庄数 | 12个 |

        ## 项目支出绩效目标表（二）

        | 项目名称 | 动物防疫补助 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 860,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 免疫畜禽数量 | ≥50万羽 |
        """)
        #expect(first.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
    }

    /// A unit line right over a form's rows is that form's own. A later form with no line of its
    /// own is in it, or in the unit line over the titles, only where its amount is a plausible
    /// project's amount in one of them alone (1,000 元 to 100 亿元); else its unit stays
    /// uncertain, said. (The last line stated was taken: `50,000.00` under the document's 元
    /// was published as 50000.00 万元, `86.00` after a form's 元 line as 0.0086.)
    @Test func aFormsOwnUnitLineIsALaterFormsOnlyWhereItsAmountsAgree() throws {
        func doc(_ top: String, _ second: String, _ amount: String = "86.00") -> DocumentResult {
            readForm("""
            # 某县农业农村局2025年项目支出绩效目标表

            \(top)

            ## 项目支出绩效目标表（一）

            \(second)

            | 项目名称 | 农村人居环境整治 | 主管部门 | 某县农业农村局 |
            |---|---|---|---|
            | 年度资金总额 | 1,200,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 整治村庄数 | 12个 |

            ## 项目支出绩效目标表（二）

            | 项目名称 | 动物防疫补助 | 主管部门 | 某县农业农村局 |
            |---|---|---|---|
            | 年度资金总额 | \(amount) | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 免疫畜禽数量 | ≥50万羽 |
            """)
        }
        // The document in 万元, the first form in 元 by its own line: 86.00 is no 86 元 project.
        let both = doc("金额单位：万元", "金额单位：元")
        #expect(both.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
        #expect(!both.diagnostics.contains { $0.code == "amount-unit-unknown" })
        #expect(both.diagnostics.contains { $0.code == "amount-unit-from-form" && $0.location.line == 19 })
        // … and 860,000.00 is a plausible amount in both: uncertain, said.
        let neither = doc("金额单位：万元", "金额单位：元", "860,000.00")
        #expect(neither.diagnostics.contains { $0.code == "amount-unit-unknown" && $0.location.line == 19 })
        #expect(neither.diagnostics.contains { $0.code == "amount-unit-lines-unsure" })
        // No line of the document's, 86.00 after the first form's 元: uncertain.
        let own = doc("", "金额单位：元")
        #expect(own.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
        #expect(own.diagnostics.contains { $0.code == "amount-unit-unknown" && $0.location.line == 19 })
        #expect(!own.diagnostics.contains { $0.code == "amount-unit-unknown" && $0.location.line < 15 })
        // The same form written like the first (`380,000.00`): in its 元, said.
        let same = doc("", "金额单位：元", "380,000.00")
        #expect(same.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "38")])
        #expect(same.diagnostics.contains { $0.code == "amount-unit-from-form" })
        // The line under the document's title and over the first form's title: every form's —
        // where the amount is plausible in it (86.00 is no 86 元 project: as written, of
        // uncertain unit, said).
        let top = doc("金额单位：元", "")
        #expect(top.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
        #expect(top.projects.map(\.amountUnit) == [.yuan, nil])
        #expect(!top.diagnostics.contains { $0.code == "amount-unit-from-form" })
        #expect(top.diagnostics.contains { $0.code == "amount-unit-implausible" && $0.location.line == 19 })
        let plausible = doc("金额单位：元", "", "380,000.00")
        #expect(plausible.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "38")])
        #expect(plausible.projects.map(\.amountUnit) == [.yuan, .yuan])
    }

    /// A unit line stated under a department's title or heading ends at one naming another: a
    /// county page's `## 某县民政局…` / `单位：元` is not the unit of `## 某县农业农村局…`'s forms;
    /// the page's own line is again.
    @Test func aUnitLineEndsAtATitleNamingAnotherDepartment() throws {
        let doc = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        ## 某县民政局2025年项目支出绩效目标表

        单位：元

        ### 项目支出绩效目标表（一）

        | 项目名称 | 城乡低保补助 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额 | 18,650,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 保障人数 | 3200人 |

        ## 某县农业农村局2025年项目支出绩效目标表

        ### 项目支出绩效目标表（一）

        | 项目名称 | 动物防疫补助 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 86.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 免疫畜禽数量 | ≥50万羽 |
        """)
        #expect(doc.projects.map(\.amount) == [Money(wan: "1865"), Money(wan: "86")])
        #expect(doc.diagnostics.contains { $0.code == "amount-unit-unknown" && $0.location.line == 21 })
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" && $0.location.line == 11 })
        // Titles at the heading's own level are under it: the line is every form's.
        let flat = readForm("""
        # 靖安县水利局2025年项目支出绩效目标表

        金额单位：万元

        # 项目支出绩效目标表（一）

        | 项目名称 | 农村饮水安全工程维修养护 | 主管部门 | 靖安县水利局 |
        |---|---|---|---|
        | 年度资金总额 | 120.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修工程数 | 42处 |

        # 项目支出绩效目标表（二）

        | 项目名称 | 河长制工作经费 | 主管部门 | 靖安县水利局 |
        |---|---|---|---|
        | 年度资金总额 | 12.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 巡河次数 | 1200次 |
        """)
        #expect(flat.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "12")])
        #expect(!flat.diagnostics.contains { $0.code.hasPrefix("amount-unit") })
        // A form's title at the section's level names no department: still under its line.
        let annex = readForm("""
        ## 附件3：项目支出绩效目标表

        金额单位：万元

        ### 某县卫生健康委员会2025年项目支出绩效目标表（一）

        | 项目名称 | 基本公共卫生服务 | 主管部门 | 某县卫生健康委员会 |
        |---|---|---|---|
        | 年度资金总额 | 864.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 建档人数 | 28万人 |

        ## 项目支出绩效目标表（二）

        | 项目名称 | 乡村医生补助 | 主管部门 | 某县卫生健康委员会 |
        |---|---|---|---|
        | 年度资金总额 | 72.60 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补助人数 | 240人 |
        """)
        #expect(annex.projects.map(\.amount) == [Money(wan: "864"), Money(wan: "72.6")])
        #expect(!annex.diagnostics.contains { $0.code.hasPrefix("amount-unit") })
        // Sections headed by a department's name alone: the page's 万元 again after the 元 of one.
        let page = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        单位：万元

        ## 某县司法局

        单位：元

        ### 项目支出绩效目标表（一）

        | 项目名称 | 法律援助经费 | 主管部门 | 某县司法局 |
        |---|---|---|---|
        | 年度资金总额 | 420,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 办理案件数 | ≥300件 |

        ## 某县自然资源局

        ### 项目支出绩效目标表（一）

        | 项目名称 | 耕地保护补偿 | 主管部门 | 某县自然资源局 |
        |---|---|---|---|
        | 年度资金总额 | 45.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补偿面积 | 1.2万亩 |
        """)
        #expect(page.projects.map(\.amount) == [Money(wan: "42"), Money(wan: "45")])
        #expect(!page.diagnostics.contains { $0.code.hasPrefix("amount-unit") })
        // A heading deeper than the department's, naming a unit of it or the department written
        // short (`#### 某县殡仪馆`, `### 某县住建局2025年…`), is still under its line.
        let deeper = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        单位：万元

        ## 某县住房和城乡建设局

        单位：元

        ### 某县住建局2025年项目支出绩效目标表（一）

        #### 某县市政设施管理所

        | 项目名称 | 城市排水管网维护 | 主管部门 | 某县住房和城乡建设局 |
        |---|---|---|---|
        | 年度资金总额 | 680,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维护管网长度 | 120公里 |
        """)
        #expect(deeper.projects.map(\.amount) == [Money(wan: "68")])
        #expect(!deeper.diagnostics.contains { $0.code.hasPrefix("amount-unit") })
    }

    /// A department's heading written with a list number, a budget code, its year in brackets or
    /// no year at all still names the department: the 元 line stated under the one before ends
    /// there (the next department's 86.00 had been read in 元: 0.0086).
    @Test(arguments: ["1. 某县民政局2025年项目支出绩效目标表", "126001 某县民政局", "某县民政局（2025年度）项目支出绩效目标表",
                      "某县民政局项目支出绩效目标表", "二、某县民政局", "（三）某县民政局2025年项目支出绩效目标表",
                      "126001-某县民政局", "某县民政局项目绩效目标表", "某县民政局 项目支出绩效目标表", "附件2：某县民政局2025年项目支出绩效目标表",
                      "某县民政局２０２５年项目支出绩效目标表", "某县民政局（本级）"])
    func aDepartmentsHeadingWrittenAnyWayEndsTheUnitLineOfTheOneBefore(_ heading: String) throws {
        let result = readForm("""
        # 2025年县级部门项目支出绩效目标表

        ## 某县司法局2025年项目支出绩效目标表

        单位：元

        ### 项目支出绩效目标表（一）

        | 项目名称 | 法律援助经费 | 主管部门 | 某县司法局 |
        |---|---|---|---|
        | 年度资金总额 | 420,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 办理案件数 | ≥300件 |

        ## \(heading)

        ### 项目支出绩效目标表（一）

        | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额 | 86.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |
        """)
        // (With no line over it, the form's figures are read in 万元 and said to be unsure.)
        #expect(result.projects.map(\.amount) == [Money(wan: "42"), Money(wan: "86")])
        #expect(result.diagnostics.filter { $0.code == "amount-unit-unknown" }.map(\.location.line).first == 21)
    }

    /// A title that only may name another department at a department's level (no year, a year in
    /// brackets: a unit's `## 某县殡仪馆项目支出绩效目标表`, or the department written short, or another
    /// department) puts the department's unit line in doubt: the amount decides, and where it is
    /// plausible in both, a form whose 主管部门 is the line's department is in the line's unit; any
    /// other stays unsure, said (the page's 万元 had made 186,000.00 元 into 18.6 亿元, silently).
    @Test func aUnitHeadedAtItsDepartmentsLevelKeepsTheDepartmentsUnitLine() throws {
        func form(_ name: String, _ department: String, _ amount: String) -> String {
            """
            | 项目名称 | \(name) | 主管部门 | \(department) |
            |---|---|---|---|
            | 年度资金总额 | \(amount) | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |
            """
        }
        let unit = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        金额单位：万元

        ## 某县民政局2025年项目支出绩效目标表

        单位：元

        \(form("城乡低保提标", "某县民政局", "980,000.00"))

        ## 某县救助管理站项目支出绩效目标表

        \(form("流浪乞讨人员救助", "某县民政局", "186,000.00"))

        ## 某县农业农村局2025年项目支出绩效目标表

        \(form("高标准农田建设", "某县农业农村局", "350.00"))
        """)
        #expect(unit.projects.map(\.amount) == [Money(wan: "98"), Money(wan: "18.6"), Money(wan: "350")])
        #expect(unit.diagnostics.filter { $0.code == "amount-unit-from-department" }.map(\.location.line) == [19])
        #expect(!unit.diagnostics.contains { $0.code == "amount-unit-unknown" })
        // A title surely naming the unit deeper under the one in doubt (`### 某县殡仪馆2025年…`)
        // ends no doubt; a 中期 form's 项目总金额 is read in the unit its amount settles.
        let deeper = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        金额单位：万元

        ## 某县民政局2025年项目支出绩效目标表

        单位：元

        ### 项目支出绩效目标表（一）

        \(form("城乡低保提标", "某县民政局", "980,000.00"))

        ## 某县殡仪馆项目支出绩效目标表

        ### 某县殡仪馆2025年火化设备更新项目绩效目标表

        | 项目名称 | 火化设备更新 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 实施期资金总额 | 7,200,000.00 | | |
        | 年度资金总额 | 2,400,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 更新设备数 | 2台 |
        """)
        #expect(deeper.projects.map(\.amount) == [Money(wan: "98"), Money(wan: "240")])
        #expect(deeper.projects.last?.totalAmount == Money(wan: "720"))
        // The department written short, its year in brackets: its forms naming it in full are in
        // its line's unit.
        let short = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        金额单位：万元

        ## 某县住房和城乡建设局2025年项目支出绩效目标表

        单位：元

        ### 项目支出绩效目标表（一）

        \(form("老旧小区改造", "某县住房和城乡建设局", "2,450,000.00"))

        ## 某县住建局（2025年度）项目支出绩效目标表（续）

        ### 项目支出绩效目标表（二）

        \(form("城市排水管网维护", "某县住房和城乡建设局", "680,000.00"))

        ### 项目支出绩效目标表（三）

        \(form("燃气管网安全检测", "某县住建局", "320,000.00"))
        """)
        #expect(short.projects.map(\.amount).prefix(2) == [Money(wan: "245"), Money(wan: "68")])
        #expect(short.diagnostics.filter { $0.code == "amount-unit-from-department" }.count == 1)
        // 主管部门 written short: which unit, nothing tells; it stays unsure, said.
        #expect(short.diagnostics.filter { $0.code == "amount-unit-lines-unsure" }.map(\.location.line) == [31])
        #expect(short.projects.last?.amountUnit == nil)
    }

    /// A finance bureau's cover over other departments' forms, its year in brackets, names no
    /// department of theirs: a form naming only its 实施单位 is under the department heading it.
    @Test func aFinanceBureausCoverWithItsYearInBracketsNamesNoDepartmentOfTheForms() throws {
        let result = readForm("""
        某县财政局（2025年度）县级部门项目支出绩效目标公开表

        ## 某县民政局

        ### 2025年度项目支出绩效目标表（一）

        | 项目名称 | 惠民殡葬补助 | 实施单位 | 某县殡仪馆 |
        |---|---|---|---|
        | 年度资金总额 | 24.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补助人次 | ≥300人次 |
        """)
        let project = try #require(result.projects.first)
        #expect(project.rawDepartment == "某县民政局")
    }

    /// A line in doubt and nothing else in force: the amount as it stands (no unit stated) is a
    /// reading too, so `1,500.00` under `# 二、某县林业局` after the 民政局's `单位：元` is no 1,500 元
    /// for certain (0.15 万元 had been published). A form's own line after a doubt leaves the doubt
    /// for the next form (its 180,000.00 had been read in that form's 万元, silently); an amount
    /// summed from funding lines is settled as a stated one (1560000 万元 had been published).
    @Test func aLineInDoubtIsWeighedAgainstNoLineTheNextFormsAndASummedAmount() throws {
        let alone = readForm("""
        # 某县民政局2025年项目支出绩效目标表

        单位：元

        | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额 | 1,200,000.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |

        # 二、某县林业局

        ## 项目支出绩效目标表（一）

        | 项目名称 | 天然林保护修复 | 主管部门 | 某县林业局 |
        |---|---|---|---|
        | 年度资金总额 | 1,500.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 管护面积 | 12万亩 |
        """)
        #expect(alone.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "1500")])
        #expect(alone.projects.last?.amountUnit == nil)
        #expect(alone.diagnostics.contains { $0.code == "amount-unit-lines-unsure" })
        func form(_ name: String, _ amount: String, ownLine: Bool = false) -> String {
            """
            \(ownLine ? "单位：万元\n\n" : "")| 项目名称 | \(name) | | |
            |---|---|---|---|
            | 主管部门 | 某县民政局 | 实施单位 | 某县民政局 |
            | 项目资金 | 年度资金总额 | \(amount) | |
            | | 县级配套资金 | \(amount.isEmpty ? "560,000.00" : amount) | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 服务人次 | ≥300人次 |
            """
        }
        let next = readForm("""
        # 某县2025年部门预算项目支出绩效目标公开

        金额单位：万元

        ## 某县民政局2025年项目支出绩效目标表

        单位：元

        ### 项目支出绩效目标表（一）

        \(form("临时救助资金", "1,200,000.00"))

        ## 某县殡仪馆项目支出绩效目标表

        ### 项目支出绩效目标表（二）

        \(form("惠民殡葬补助", "24.00", ownLine: true))

        ### 项目支出绩效目标表（三）

        \(form("殡仪馆设备更新", "180,000.00"))

        ## 某县社会福利院项目支出绩效目标表

        ### 项目支出绩效目标表（四）

        \(form("特困人员集中供养", ""))
        """)
        #expect(next.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "24"), Money(wan: "18"), Money(wan: "56")])
        #expect(next.projects.last?.funding.map(\.amount) == [Money(wan: "56")])
    }

    /// A title's own unit at its end, in brackets or after spaces the reader dropped
    /// (`…绩效目标表（单位：元）`, `…绩效目标表          单位：元`), is the unit line of the forms under
    /// it: 1,200,000.00 had been published as 1200000 万元 under the document's `金额单位：万元`,
    /// silently.
    /// A unit line with a full stop after it, a page's number beside it, or said as 计量单位, is
    /// the unit line it is (each had been text outside the table or the page's, and
    /// `1,200,000.00` then took the page's 万元: 120 亿, silently).
    @Test func aUnitLineWithAFullStopOrAPageNumberIsStillAUnitLine() throws {
        for (title, line) in [("## 某县民政局2025年项目支出绩效目标表", "单位：元。"), ("## 某县民政局2025年项目支出绩效目标表", "金额单位：元。"),
                              ("## 某县民政局2025年项目支出绩效目标表", "（单位：元）  第1页"),
                              ("## 某县民政局2025年项目支出绩效目标表", "单位：元　　第 1 页 共 3 页"),
                              ("## 某县民政局2025年项目支出绩效目标表", "（计量单位：元）"), ("## 某县民政局2025年项目支出绩效目标表", "计量单位：元"),
                              ("## 某县民政局2025年项目支出绩效目标表（单位：元） 第1页", ""),
                              ("某县民政局2025年项目支出绩效目标表          单位：元  共2页 第1页", "")] {
            let doc = readForm("""
            某县2025年县级部门项目支出绩效目标表

            金额单位：万元

            \(title)

            \(line)

            | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
            |---|---|---|---|
            | 年度资金总额 | 1,200,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |
            """)
            let p = try #require(doc.projects.first, "\(title) \(line)")
            #expect(p.amount == Money(wan: "120"), "\(title) \(line)")
            #expect(p.amountUnit == .yuan, "\(title) \(line)")
        }
        // A page's caption with no unit is still the page's, not read.
        let caption = readForm("""
        某县民政局2025年项目支出绩效目标_第2页

        | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 120.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |
        """)
        #expect(caption.diagnostics.contains { $0.code == "page-text" && $0.location.line == 1 })
        #expect(caption.projects.map(\.amount) == [Money(wan: "120")])
    }

    @Test func aUnitAtTheEndOfATitleIsItsUnitLine() throws {
        func doc(_ title: String) -> DocumentResult {
            readForm("""
            某县2025年县级部门项目支出绩效目标表

            金额单位：万元

            \(title)

            | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
            |---|---|---|---|
            | 年度资金总额 | 1,200,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |
            """)
        }
        for title in ["## 某县民政局2025年项目支出绩效目标表（单位：元）", "某县民政局2025年项目支出绩效目标表(单位:元)",
                      "某县民政局2025年项目支出绩效目标表          单位：元", "某县民政局2025年项目支出绩效目标表　金额单位：元",
                      "### 2025年度项目支出绩效目标表（一）（单位：元）", "## 二、某县民政局（单位：元）", "## 某县民政局（单位：元）",
                      "某县民政局2025年项目支出绩效目标表（2025年度）（单位：元）", "某县民政局2025年项目支出绩效目标表（单位：元）（续）",
                      "某县民政局2025年项目支出绩效目标表【单位：元】", "某县民政局2025年项目支出绩效目标表（单位：人民币元）",
                      "某县民政局2025年项目支出绩效目标表（单位：元 ）", "**某县民政局2025年项目支出绩效目标表**（单位：元）",
                      "**某县民政局2025年项目支出绩效目标表（单位：元）**", "某县民政局2025年项目支出绩效目标表——单位：元",
                      "某县民政局2025年项目支出绩效目标表 单位（元）", "某县民政局2025年项目支出绩效目标表（元）",
                      "某县民政局2025年项目支出绩效目标表（单位：元，下同）", "某县民政局2025年项目支出绩效目标表（单位：元）（续表一）",
                      "某县民政局2025年项目支出绩效目标表（单位：元）（本级）", "某县民政局2025年项目支出绩效目标表（单位为元）",
                      "某县民政局2025年项目支出绩效目标表（以元为单位）", "某县民政局2025年项目支出绩效目标表〔单位：元〕",
                      "某县民政局2025年项目支出绩效目标表［单位：元］", "某县民政局2025年项目支出绩效目标表/单位：元",
                      "某县民政局2025年项目支出绩效目标表（单位：元/人民币）"] {
            let p = try #require(doc(title).projects.first, "\(title)")
            #expect(p.amount == Money(wan: "120"), "\(title)")
            #expect(p.amountUnit == .yuan, "\(title)")
        }
        // The line a title's unit states ends at a title naming another department, a 供销社 or a
        // school too (380,000.00 had been published as 380000 万元 under 林业局's 万元, silently).
        for other in ["某县供销合作社联合社", "某县第一中学", "某县实验小学"] {
            let next = readForm("""
            ## 某县林业局2025年项目支出绩效目标表(单位:万元)

            | 项目名称 | 森林防火 | 主管部门 | 某县林业局 |
            |---|---|---|---|
            | 年度资金总额 | 150.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 巡护面积 | 12万亩 |

            ## \(other)2025年项目支出绩效目标表

            | 项目名称 | 农资储备 | 主管部门 | \(other) |
            |---|---|---|---|
            | 年度资金总额 | 380,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 储备数量 | 500吨 |
            """)
            #expect(next.projects.map(\.amountUnit) == [.wan, nil], "\(other)")
            #expect(next.diagnostics.contains { $0.code == "amount-unit-unknown" }, "\(other)")
        }
        // A school or a 合作社 may as well be the department's own unit, headed as its sibling:
        // its forms naming the department as 主管部门 keep the department's line (420,000.00 had
        // been published as 420000 万元 under the page's 万元 when such titles ended the line).
        for heading in ["## 某县第一中学2025年项目支出绩效目标表", "## 农民专业合作社"] {
            let unit = readForm("""
            # 某县2025年县级部门项目支出绩效目标表

            金额单位：万元

            ## 某县教育局2025年项目支出绩效目标表

            金额单位：元

            | 项目名称 | 学生资助 | 主管部门 | 某县教育局 |
            |---|---|---|---|
            | 年度资金总额 | 1,200,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 资助人次 | ≥300人次 |

            \(heading)

            | 项目名称 | 校舍维修改造 | 主管部门 | 某县教育局 |
            |---|---|---|---|
            | 年度资金总额 | 420,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 维修面积 | 1200平方米 |
            """)
            #expect(unit.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "42")], "\(heading)")
            #expect(unit.projects.map(\.amountUnit) == [.yuan, .yuan], "\(heading)")
        }
        // A heading of text with a unit in brackets is no title: its unit is no form's.
        for heading in ["### 三、资金使用情况（万元）", "### 表3 部门收支总表（单位：万元）"] {
            let p = try #require(doc("## 某县民政局2025年项目支出绩效目标表（单位：元）\n\n\(heading)\n\n资金按规定用途使用。").projects.first, "\(heading)")
            #expect(p.amount == Money(wan: "120"), "\(heading)")
            #expect(p.amountUnit == .yuan, "\(heading)")
        }
        // Notes that only mention money are no unit: the document's 万元 (1,200,000.00 万元 is no
        // plausible amount: uncertain).
        for title in ["某县民政局2025年项目支出绩效目标表（50万元以上项目）", "某县民政局2025年项目支出绩效目标表（预算金额：50万元）"] {
            let p = try #require(doc(title).projects.first, "\(title)")
            #expect(p.amount == Money(wan: "1200000"), "\(title)")
            #expect(p.amountUnit == nil, "\(title)")
        }
        // A title's note in brackets that is no unit line stays the title's: the amount is in the
        // document's 万元, where it is no plausible project's (120 亿元), so of uncertain unit.
        let note = doc("某县民政局2025年项目支出绩效目标表（一般公共预算）")
        #expect(note.projects.first?.amount == Money(wan: "1200000"))
        #expect(note.projects.first?.amountUnit == nil)
        #expect(note.diagnostics.contains { $0.code == "amount-unit-implausible" })
    }

    /// An amount naming no unit, read in a unit line over the titles, that is then no plausible
    /// project's amount but would be in the other of 元 and 万元: the line may not be its form's
    /// (a department's title the reader did not tell apart), so the amount is kept as written,
    /// of uncertain unit, and said. 86.00 under another department's `单位：元` had been
    /// published as 0.0086 万元, silently. A plausible amount, or one the form's own line gives,
    /// stays as read.
    @Test func anImplausibleAmountInALineOverTheTitlesIsOfUncertainUnit() throws {
        func doc(_ second: String, ownLine: Bool = false, parts: [String]? = nil, total: String? = nil) -> DocumentResult {
            let rows = total.map { "| 项目总金额 | \($0) | | |\n" } ?? ""
            let funding = (parts ?? [second]).enumerated().map { "| \($0.offset == 0 ? "其中：财政拨款" : "其他资金") | \($0.element) | | |" }
                .joined(separator: "\n")
            return readForm("""
            # 某县2025年县级部门项目支出绩效目标表

            ## 某县民政局2025年项目支出绩效目标表

            单位：元

            ### 项目支出绩效目标表（一）

            | 项目名称 | 临时救助资金 | 主管部门 | 某县民政局 |
            |---|---|---|---|
            | 年度资金总额 | 1,200,000.00 | | |
            | 其中：财政拨款 | 1,200,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 救助人次 | ≥300人次 |

            某县农业农村局2025年项目支出绩效目标表

            \(ownLine ? "单位：元\n\n" : "")| 项目名称 | 农村人居环境整治 | 主管部门 | 某县农业农村局 |
            |---|---|---|---|
            \(rows)| 年度资金总额 | \(second) | | |
            \(funding)
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 质量指标 | 验收合格率 | 100% |
            """)
        }
        let implausible = doc("86.00")
        #expect(implausible.projects.map(\.amount) == [Money(wan: "120"), Money(wan: "86")])
        #expect(implausible.projects.map(\.amountUnit) == [.yuan, nil])
        #expect(implausible.projects.last?.funding.map(\.amount) == [Money(wan: "86")])
        let said = try #require(implausible.diagnostics.first { $0.code == "amount-unit-implausible" })
        #expect(said.severity == .warning)
        #expect(said.location.line == 20)
        // Plausible in the line's unit: read in it, as before.
        let plausible = doc("860,000.00")
        #expect(plausible.projects.last?.amount == Money(wan: "86"))
        #expect(plausible.projects.last?.amountUnit == .yuan)
        #expect(!plausible.diagnostics.contains { $0.code == "amount-unit-implausible" })
        // A year's amount left empty, summed from its parts read in the line: the same.
        let summed = doc("", parts: ["50.00", "36.00"])
        #expect(summed.projects.last?.amount == Money(wan: "86"))
        #expect(summed.projects.last?.amountUnit == nil)
        #expect(summed.diagnostics.contains { $0.code == "amount-unit-implausible" })
        // A 中期 form whose own total is plausible in the line's unit alone: the line is its, and
        // the year's 800.00 元 a part of the term's 3,000,000.00 元.
        let term = doc("800.00", total: "3,000,000.00")
        #expect(term.projects.last?.amount == Money(wan: "0.08"))
        #expect(term.projects.last?.totalAmount == Money(wan: "300"))
        #expect(term.projects.last?.amountUnit == .yuan)
        // The form's own line: as it says.
        let own = doc("86.00", ownLine: true)
        #expect(own.projects.last?.amount == Money(wan: "0.0086"))
        #expect(own.projects.last?.amountUnit == .yuan)
        #expect(!own.diagnostics.contains { $0.code == "amount-unit-implausible" })
    }

    /// The table's unit line says 元, the year's amount's label 万元: funding lines naming no unit
    /// are the amount's parts in its unit where they add up to it so (they were read in 元: 0.098).
    @Test func fundingLinesTakeTheAmountsLabelUnitOverTheTablesWhereTheyAddUp() throws {
        func doc(_ second: String) -> DocumentResult {
            readForm("""
            # 某县林业局2025年项目支出绩效目标表

            金额单位：元

            | 项目名称 | 公益林生态效益补偿 | 主管部门 | 某县林业局 |
            |---|---|---|---|
            | 年度资金总额（万元） | 1,236.80 | 其中：中央补助 | 980.00 |
            | | | 省级补助 | \(second) |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 补偿面积 | 52万亩 |
            """)
        }
        let p = try #require(doc("256.80").projects.first)
        #expect(p.amount == Money(wan: "1236.8"))
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "980"), Money(wan: "256.8")])
        // Lines that add up in neither unit stay as the table's line says.
        let q = try #require(doc("300.00").projects.first)
        #expect(q.funding.compactMap(\.amount) == [Money(wan: "0.098"), Money(wan: "0.03")])
        // An amount that is no project's in its label's unit (`1,236,800.00` 万元, 123 亿元 for a
        // county's subsidy): its lines stay in the table's 元.
        let big = readForm("""
        # 某县林业局2025年项目支出绩效目标表

        金额单位：元

        | 项目名称 | 公益林生态效益补偿 | 主管部门 | 某县林业局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1,236,800.00 | 其中：中央补助 | 980,000.00 |
        | | | 省级补助 | 256,800.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补偿面积 | 52万亩 |
        """)
        let lines = try #require(big.projects.first).funding.compactMap(\.amount)
        #expect(lines == [Money(wan: "98"), Money(wan: "25.68")])
        #expect(q.funding.compactMap(\.amount) == [Money(wan: "0.098"), Money(wan: "0.03")])
    }

    /// `预算金额（万元） | 总额 | 财政拨款 | 其他资金` over a row of figures: the amount's label heads
    /// the group and `总额` its total's column (the amount was missing).
    @Test func anAmountsLabelOverATotalsHeadingHeadsTheGroup() throws {
        let doc = readForm("""
        # 某区民政局2025年度项目支出绩效目标表

        | 项目名称 | 困难群众救助补助 | | |
        |---|---|---|---|
        | 项目单位 | 某区民政局 | 主管部门 | 某区民政局 |
        | 预算金额（万元） | 总额 | 财政拨款 | 其他资金 |
        | | 2,356.00 | 2,156.00 | 200.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 救助人数 | 5200人 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "2356"))
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "2156"), Money(wan: "200")])
    }

    /// `项目支出绩效目标表（续）` over the rest of a form's indicators continues it (they were a
    /// nameless project's, not published, and the form was said to be cut).
    @Test func aTitleMarkedContinuedContinuesTheForm() throws {
        let doc = readForm("""
        # 某县教育体育局2025年项目支出绩效目标表

        ## 项目支出绩效目标表（一）

        | 项目名称 | 义务教育学校公用经费 | 主管部门 | 某县教育体育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1,236.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补助学生人数 | 21600人 |

        ## 项目支出绩效目标表（续）

        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        |---|---|---|---|
        | 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% |
        """)
        #expect(doc.projects.count == 1)
        #expect(doc.projects.first?.indicators.count == 2)
        #expect(!doc.diagnostics.contains { $0.code == "missing-name" || $0.code == "incomplete-indicators" })
    }

    /// A form naming no 主管部门, only its unit, under a title naming a department before its year
    /// (its code glued on): the title's department, not the unit (a centre of the bureau).
    @Test func theTitlesDepartmentGoesBeforeTheUnit() throws {
        let doc = readForm("""
        # [066]某县司法局2025年项目支出绩效目标表

        | 项目名称 | 法律援助经费 | 实施单位 | [066002]某县法律援助中心 |
        |---|---|---|---|
        | 年度资金总额（万元） | 42.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 办理案件数 | ≥300件 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某县司法局")
        #expect(doc.diagnostics.contains { $0.code == "department-from-title" })
        #expect(Titles.issuer(inTitle: "404-永济市文化和旅游局2025年项目支出绩效目标表") == "永济市文化和旅游局")
        // A government's title heads its departments' forms: their units go first.
        let government = readForm("""
        # 某县人民政府2025年重点民生项目支出绩效目标表

        | 项目名称 | 农村公路提质改造 | 实施单位 | 某县交通运输局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1,280.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改造里程 | 60公里 |
        """)
        #expect(government.projects.first?.rawDepartment == "某县交通运输局")
    }

    /// A unit line at the end of a line of other text is a unit line: the year's line and the
    /// unit's side by side (`（2025年度）    单位：元`, also as a table's row), the reporting unit's
    /// and the unit's (`填报单位：…（盖章）　　金额单位：元`). The amounts were read as 万元.
    @Test func aUnitLineBesideOtherTextIsAUnitLine() throws {
        func doc(_ line: String) -> DocumentResult {
            readForm("""
            # 某县市场监督管理局2025年项目支出绩效目标表

            \(line)

            | 项目名称 | 食品安全抽检 | 主管部门 | 某县市场监督管理局 |
            |---|---|---|---|
            | 年度资金总额 | 800,000.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 抽检批次 | 800批 |
            """)
        }
        for line in ["（2025年度）    单位：元", "填报单位：某县市场监督管理局（盖章）　　　　金额单位：元", "| （2025年度） | 单位：元 |\n|---|---|"] {
            let d = doc(line)
            #expect(d.projects.first?.amount == Money(wan: "80"), "\(line)")
            #expect(d.projects.first?.year == 2025)
            #expect(!d.diagnostics.contains { $0.code == "amount-unit-unknown" }, "\(line)")
        }
        #expect(Vocabulary.current.unitLineAtEnd("（单位：万元）") == nil)
        // A note's words are no unit line: `计量单位：元` is an indicator's.
        #expect(Vocabulary.current.unitLineAtEnd("注：补助标准为每人每月，计量单位：元") == nil)
        #expect(Vocabulary.current.unitLineAtEnd("注：表中“补助标准”指标值（每人每月）单位：元") == nil)
        #expect(Vocabulary.current.unitLineAtEnd("注：低保补助标准按市定标准执行（2025年）单位：元") == nil)
        #expect(Vocabulary.current.unitLineAtEnd("编制单位：某县民政局（盖章）金额单位：元")?.unitLine == "金额单位：元")
    }

    /// The unit in the column heading of a funding group's amounts (`项目资金 | 资金来源 | 金额（元）`)
    /// is the group's (the amounts were read as 万元).
    @Test func theUnitOfAFundingGroupsAmountColumnHeading() throws {
        let doc = readForm("""
        # 某县生态环境局2025年项目支出绩效目标表

        | 项目名称 | 大气污染防治 | 主管部门 | 某县生态环境局 |
        |---|---|---|---|
        | 项目资金 | 资金来源 | 金额（元） | |
        | | 年度资金总额 | 1,860,000.00 | |
        | | 其中：财政拨款 | 1,500,000.00 | |
        | | 其他资金 | 360,000.00 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 监测点位 | 12个 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "186"))
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "150"), Money(wan: "36")])
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
        // Under a unit line saying another unit, the amount tells which is right, if it can.
        func under(_ line: String, _ heading: String, _ amount: String) -> DocumentResult {
            readForm("""
            # 某县文化广电新闻出版旅游局2025年项目支出绩效目标表

            \(line)

            | 项目名称 | 文化馆免费开放 | 主管部门 | 某县文化广电新闻出版旅游局 |
            |---|---|---|---|
            | 项目资金 | 资金来源 | \(heading) | |
            | | 年度资金总额 | \(amount) | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 开放天数 | 300天 |
            """)
        }
        #expect(under("单位：万元", "金额（元）", "186.00").projects.first?.amount == Money(wan: "186"))
        #expect(under("金额单位：元", "金额（万元）", "45.00").projects.first?.amount == Money(wan: "45"))
        #expect(under("金额单位：元", "金额（万元）", "45.00").diagnostics.contains { $0.code == "amount-unit-from-form" })
        #expect(under("金额单位：元", "金额（万元）", "450,000.00").diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    /// Under `预算金额（万元） | 总额 | 财政拨款 | 其他资金`, a row headed by a term (`实施期 | 3,600.00 |
    /// …`) is the term's, kept as written; the year's row gives the amount (3600.00 was published).
    @Test func aTermsRowUnderSourceLabelsIsNotTheYears() throws {
        let doc = readForm("""
        # 某区民政局2025年度项目支出绩效目标表

        | 项目名称 | 养老服务体系建设 | | |
        |---|---|---|---|
        | 项目单位 | 某区民政局 | 主管部门 | 某区民政局 |
        | 预算金额（万元） | 总额 | 财政拨款 | 其他资金 |
        | 实施期 | 3,600.00 | 3,400.00 | 200.00 |
        | 年度 | 1,200.00 | 1,100.00 | 100.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 新建社区养老服务站 | 8个 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "1200"))
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "1100"), Money(wan: "100")])
        #expect(p.fields.contains { $0.label == "实施期" && $0.value.contains("3,600.00") })
    }

    /// A row of figures under a row of source labels, its empty cells kept (a grid): each figure
    /// is the label's above it, not the next label's after a blank (50.00 was read as 专项债券's).
    @Test func figuresUnderSourceLabelsStayInTheirColumns() throws {
        let doc = readForm("""
        # 某县林业局2025年项目支出绩效目标表

        | 项目名称 | 森林防火专项 | | | |
        |---|---|---|---|---|
        | 主管部门 | 某县林业局 | 实施单位 | 某县森林防火指挥部办公室 | |
        | 资金来源（万元） | 合计 | 财政拨款 | 专项债券 | 其他资金 |
        | | 268.00 | 218.00 | | 50.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | |
        | 产出指标 | 数量指标 | 防火宣传次数 | ≥20次 | |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "268"))
        let lines = p.funding.filter { $0.amount != nil }.map(\.label)
        #expect(lines == ["财政拨款", "其他资金"])
        #expect(p.funding.compactMap(\.amount) == [Money(wan: "218"), Money(wan: "50")])
    }

    /// Rows of a project's breakdown under it (`应急物资购置 | 150.00 | …`, then `合计`) look like
    /// a budget list until a row of the form's own comes (`年度目标`): then it is a form, read
    /// as any is, not dropped.
    @Test func aBreakdownFollowedByTheFormsRowsIsNoBudgetList() throws {
        let doc = readForm("""
        # 某县应急管理局2025年项目支出绩效目标表

        | 项目名称 | 预算数（万元） | 财政拨款（万元） | 其他资金（万元） |
        |---|---|---|---|
        | 森林防灭火物资储备 | 230.00 | 230.00 | |
        | 应急物资购置 | 150.00 | 150.00 | |
        | 防火宣传 | 80.00 | 80.00 | |
        | 合计 | 230.00 | 230.00 | |
        | 年度目标 | 储备森林防灭火物资 | | |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "230"))
        #expect(!doc.diagnostics.contains { $0.code == "budget-list" })
    }

    /// The year's amount's label in 元, its parts written in 万元 with no unit: the parts stand in
    /// 元 only when they then add up to the amount; else they are read as unit-less amounts are.
    @Test func partsInTheAmountsUnitOnlyWhenTheyAddUpInIt() throws {
        let doc = readForm("""
        # 某县交通运输局2025年项目支出绩效目标表

        | 项目名称 | 农村公路养护 | 主管部门 | 某县交通运输局 |
        |---|---|---|---|
        | 年度资金总额（元） | 3,860,000.00 | | |
        | 其中：省级补助 | 286.00 | | |
        | 县级配套 | 100.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 养护里程 | 300公里 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "386"))
        #expect(p.funding.map(\.amount) == [Money(wan: "286"), Money(wan: "100")])
        #expect(doc.diagnostics.filter { $0.code == "amount-unit-unknown" }.count == 2)
    }

    /// After source lines that add up to the amount, a row of a use (`社会救助专项补助 | 1,480.00`)
    /// is no further source.
    @Test func aUseAfterLinesThatAddUpIsNoSource() throws {
        let doc = readForm("""
        # 某县民政局2025年项目支出绩效目标表

        | 项目名称 | 城乡低保资金 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1,580.00 | | |
        | 其中：中央补助 | 1,260.00 | | |
        | 省级补助 | 200.00 | | |
        | 县级配套资金 | 120.00 | | |
        | 社会救助专项补助 | 1,480.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 保障人数 | 5000人 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.label) == ["中央补助", "省级补助", "县级配套资金"])
        #expect(!doc.diagnostics.contains { $0.code == "funding-mismatch" })
    }

    /// A list of projects' budgets or adjustments, a project a row, no indicator anywhere
    /// (`项目名称 | 调整前预算（万元） | … | 调整后预算（万元） | 调整原因`): no target table, nothing
    /// published, each row noted. And goals numbered in a cell of their own are kept.
    @Test func aBudgetListIsNoFormAndNumberedGoalsAreKept() throws {
        let list = readForm("""
        # 某市应急管理局2025年预算调整项目表

        | 项目名称 | 调整前预算（万元） | 本次追加金额（万元） | 调整后预算（万元） | 调整原因 |
        |---|---|---|---|---|
        | 森林防灭火物资储备 | 150.00 | 80.00 | 230.00 | 森林火险等级提升 |
        | 安全生产执法装备 | 60.00 | 20.00 | 80.00 | 新增执法车辆 |
        """)
        #expect(list.projects.isEmpty)
        #expect(list.diagnostics.contains { $0.code == "unrecognised-layout" || $0.code == "budget-list" })

        let goals = readForm("""
        # 某县教育体育局2025年项目支出绩效目标表

        | 项目名称 | 学前教育幼儿资助 | 主管部门 | 某县教育体育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 126.00 | | |
        | 年度绩效目标 | | | |
        | | 1 | 按每生每年1000元标准资助家庭经济困难幼儿 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助人数 | 1260人 |
        """)
        let p = try #require(goals.projects.first)
        #expect(p.sections.contains { $0.text.contains("按每生每年1000元标准资助") })
    }

    /// A numbered funding line the reader could not take as a source (`3 | 县级财政资金 | 12.60`,
    /// kept as 资金用途) is a figure left unread among the lines: no sum of the others is the amount.
    @Test func aNumberedLineKeptAsTextMakesTheSumUnsure() throws {
        let doc = readForm("""
        # 某县林业局2025年项目支出绩效目标表

        | 项目名称 | 天然林保护修复 | | |
        |---|---|---|---|
        | 主管部门 | 某县林业局 | | |
        | 资金来源（万元） | | | |
        | 1 | 中央财政资金 | 268.40 | |
        | 2 | 省级财政资金 | 45.00 | |
        | 3 | 县级财政资金 | 12.60 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 管护面积 | 10万亩 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == nil || p.amount == Money(wan: "326"))
        #expect(p.amount != Money(wan: "313.40"))
    }

    /// A second form whose first row gives its name beside what kind of project it is
    /// (`项目名称 | 农村人居环境整治 | 项目类别 | 特定目标类`), right under the first form's
    /// indicators: another form's head, not indicator rows of the first (its 120.00 was lost and
    /// its head rows published as indicators, `项目名称 = 特定目标类`).
    @Test func aNameBesideTheProjectsKindUnderIndicatorsStartsTheNextForm() throws {
        let doc = readForm("""
        # 某县农业农村局2025年项目支出绩效目标表

        | 项目名称 | 动物防疫补助 | 项目类别 | 其他运转类 |
        |---|---|---|---|
        | 主管部门 | 某县农业农村局 | 实施单位 | 某县动物疫病预防控制中心 |
        | 年度资金总额（万元） | 86.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 免疫畜禽数量 | ≥50万头 |

        | 项目名称 | 农村人居环境整治 | 项目类别 | 特定目标类 |
        |---|---|---|---|
        | 主管部门 | 某县农业农村局 | 实施单位 | 某县农业农村局 |
        | 年度资金总额（万元） | 120.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改厕户数 | 1000户 |
        """)
        #expect(doc.projects.map(\.name) == ["动物防疫补助", "农村人居环境整治"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "86"), Money(wan: "120")])
        #expect(doc.projects.allSatisfy { $0.indicators.count == 1 })
    }

    /// A 区域 form that splits its chain only into `中央主管部门 | 地方主管部门` is the local one's;
    /// a unit line in brackets (`（单位：万元）`) is a unit line.
    @Test func theLocalDepartmentOfAChainOfTwoAndAUnitLineInBrackets() throws {
        let doc = readForm("""
        # 2025年农业相关转移支付区域绩效目标表

        （单位：亿元）

        | 转移支付名称 | 耕地建设与利用资金 | | |
        |---|---|---|---|
        | 中央主管部门 | 农业农村部 | 地方主管部门 | 某县农业农村局 |
        | 中央财政部门 | 财政部 | 地方财政部门 | 某县财政局 |
        | 年度金额 | 0.2860 | | |
        | 其中：中央补助 | 0.2400 | | |
        | 地方资金 | 0.0460 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 建设高标准农田面积 | 1.2万亩 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.rawDepartment == "某县农业农村局")
        #expect(p.amount == Money(wan: "2860"))
        #expect(p.funding.map(\.amount) == [Money(wan: "2400"), Money(wan: "460")])
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    /// The money rules' words are labels.yml's `money_words`: the section names every list, a
    /// list it lacks or a key nothing reads is refused, and the rules answer from the lists (a
    /// word taken out of `source_endings` is no longer how a source ends).
    @Test func moneyWordsAreTheVocabularysLists() throws {
        let shipped = try String(contentsOfFile: Repo.root + "/Vocabulary/labels.yml", encoding: .utf8)
        let vocabulary = try Vocabulary(yaml: shipped)
        #expect(vocabulary.money.sourceEndings.contains("拨款"))
        #expect(vocabulary.money.termTotal.contains("—20"), "the year-range marks join the term words")
        #expect(throws: (any Error).self) { try Vocabulary(yaml: "money_words:\n  source_names: [财政]\n") }
        let unknownKey = shipped.replacingOccurrences(of: "money_words:\n", with: "money_words:\n  not_a_list: [资金]\n")
        #expect(unknownKey != shipped)
        #expect(throws: (any Error).self) { try Vocabulary(yaml: unknownKey) }
        #expect(Labels.fundingSource("市财政专项拨款") == .funding("市财政专项拨款"))
        let withoutGrants = shipped.replacingOccurrences(of: "source_endings: [资金, 拨款,", with: "source_endings: [资金,")
        #expect(withoutGrants != shipped)
        let other = try Vocabulary(yaml: withoutGrants)
        #expect(!other.money.sourceEndings.contains("拨款"))
        #expect(TableReader.amountColumns(of: ["上年预算数", "本年预算数", "增减"])?.change == true)
    }

    /// Removing spam in one pass gives what removing the first occurrence again and again gives
    /// (the rule as first written), on texts built to make removals join into new occurrences.
    @Test func spamRemovalInOnePassIsTheRepeatedFirstRemoval() throws {
        let vocabulary = try Vocabulary(yaml: "spam: [皇冠体育, aba, 冠冠]")
        func reference(_ start: [UInt8]) -> ([UInt8], [PageText.Removal]) {
            var bytes = start
            var removed: [PageText.Removal] = []
            for term in vocabulary.spam {
                let pattern = Array(term.utf8)
                while let at = (0...max(0, bytes.count - pattern.count)).first(where: {
                    $0 + pattern.count <= bytes.count && Array(bytes[$0..<($0 + pattern.count)]) == pattern
                }) {
                    var end = at + pattern.count
                    if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
                        end += 1
                    } else if end + 2 < bytes.count, bytes[end] == 0xEF, bytes[end + 1] == 0xBC, bytes[end + 2] == 0x9A {
                        end += 3
                    }
                    removed.append(PageText.Removal(term: term, line: 1 + bytes[..<at].filter { $0 == 0x0A }.count))
                    bytes.removeSubrange(at..<end)
                }
            }
            return (bytes, removed)
        }
        let pieces = ["皇冠", "体育", "皇", "冠", "a", "b", "ab", "ba", ":", "：", "\n", "项目"]
        var generator = SystemRandomNumberGenerator()
        var joinedAcrossACut = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let (expected, expectedRemoved) = reference(bytes)
            let (got, gotRemoved) = PageText.removingSpam(bytes, vocabulary: vocabulary)
            #expect(got == expected, "\(text)")
            #expect(gotRemoved.map(\.term) == expectedRemoved.map(\.term), "\(text)")
            #expect(gotRemoved.map(\.line) == expectedRemoved.map(\.line), "\(text)")
            // Count the texts where a removal made a new occurrence (the case a forward scan could miss).
            let plainCount = vocabulary.spam.reduce(0) { n, term in n + text.components(separatedBy: term).count - 1 }
            if expectedRemoved.count > plainCount { joinedAcrossACut += 1 }
        }
        #expect(joinedAcrossACut > 0)
        // Many occurrences (a mirror's page stuffed with them): all gone, each on its line.
        let stuffed = Array(String(repeating: "皇冠体育：表\n", count: 20_000).utf8)
        let (rest, removed) = PageText.removingSpam(stuffed, vocabulary: vocabulary)
        #expect(rest == Array(String(repeating: "表\n", count: 20_000).utf8))
        #expect(removed.count == 20_000 && removed.last?.line == 20_000)
    }

    @Test func pageTextAndPageFieldsAreNotTheForms() throws {
        let vocabulary = Vocabulary.current
        #expect(vocabulary.isPageText("发布时间:2022-03-01 10:25:19 来源:广元市昭化区卫生计生局"))
        #expect(vocabulary.isPageText("来源:卢村乡 浏览:0"))
        // The form's own label with a colon is no page text.
        #expect(!vocabulary.isPageText("资金来源:财政拨款"))
        let doc = readForm("""
        索 引 号 | 0001115012MW/2021-00346 | 主题分类 | 民族事务 |
        发布机构 | 民族事务委员会 | 成文日期 | 2021-07-28 |
        绩效目标申报表 |
        项目名称 | 养殖场基础设施建设项目 |
        主管部门 | 武川县民族事务委员会 |
        年度资金总额 | 50 |
        """)
        #expect(doc.projects.count == 1)
        #expect(!doc.diagnostics.contains { $0.code == "stray-rows" })
    }

    @Test func labelsMatchSpacedMarkedAndFilled() {
        #expect(Labels.field("总 体 目 标") != nil)
        #expect(Labels.field("*年度绩效总目标") != nil)
        #expect(Labels.field("绩?????????? 效?????????? 目???????? 标") == .goalGroup)
        #expect(Labels.field("主管部门(单位)名称及部门预算编码") == .department)
        #expect(Labels.field("省级财政部门") == .financeDepartment)
        #expect(IndicatorVocabulary.isLevel2("社会效益 指标 (必填)"))
        #expect(TextRows.joinSpaced(["年", "度", "总", "体", "目", "标", "X"]) == ["年度总体目标", "X"])
        #expect(TextRows.joinSpaced(["项目资金", "(元)", "1,000"]) == ["项目资金(元)", "1,000"])
    }

    @Test func aSitesLabelsExtendTheVocabularyWithoutSwift() throws {
        let vocabulary = try Vocabulary.shipped.adding(siteLabels: ["name": ["资金项目名称"], "year_amount": ["本期安排资金"]])
        #expect(vocabulary.field(LabelText.key("资金项目名称")) == .name)
        #expect(vocabulary.field(LabelText.key("本期安排资金（万元）")) == .yearAmount)
        #expect(vocabulary.fingerprint != Vocabulary.shipped.fingerprint)
        // The shipped vocabulary (a shared reference) is left as it was.
        #expect(Vocabulary.shipped.field(LabelText.key("资金项目名称")) == nil)
        #expect(Vocabulary.shipped.runTogetherLabels.contains("资金项目名称") == false)
        #expect(throws: Vocabulary.Problem.self) { try Vocabulary.shipped.adding(siteLabels: ["nmae": ["x"]]) }
    }

    // MARK: Years

    @Test func yearsAsFormsWriteThem() {
        #expect(Titles.year(in: "( 2024 年度)") == 2024)
        #expect(Titles.year(in: "(2020)年度") == 2020)
        #expect(Titles.year(in: "2 0 2 4 年部门预算") == 2024)
        // A 中期 form's term is its budget year and the two after: the first is the year; a year
        // of its own beside a project's term is the year.
        #expect(Titles.year(in: "某县教育体育局2025-2027年项目支出中期绩效目标表") == 2025)
        #expect(Titles.year(in: "中期目标（2025 — 2027年）") == 2025)
        #expect(Titles.year(in: "乡村振兴（2021至2025年）项目2024年度绩效目标表") == 2024)
        // (A programme's period with no year beside it is read as before: its last year.)
        #expect(Titles.year(in: "巩固拓展脱贫攻坚成果同乡村振兴有效衔接（2021-2025年）项目支出绩效目标表") == 2025)
        #expect(Titles.year(in: "某县发展和改革委员会“十四五”规划（2021-2025年）中期评估项目支出绩效目标表") == 2025)
        #expect(Titles.year(in: "某县交通运输局2025-2027年项目支出绩效目标表（三年滚动）") == 2025)
        #expect(Titles.year(in: "某县农业农村局“十四五”（2021-2025年）村级集体经济滚动发展扶持项目绩效目标表") == 2025)
        #expect(Titles.year(in: "电话0791-2025年") == 2025)
        #expect(Titles.year(in: "2021-2023") == nil)
        #expect(Titles.year(inPeriod: "计划:20191—计划:201912") == 2019)
        #expect(Titles.year(inPeriod: "20240101-20241231") == 2024)
        #expect(Titles.year(inPeriod: "2021-2023") == nil)
        #expect(Titles.year(inPeriod: "长期") == nil)
    }

    // MARK: Indicators written a cell a line

    /// A document written a cell a paragraph (mammoth's Markdown, docx2txt): rows under a merged
    /// 二级 cell are two cells, a name and its value. A figure never stands in a name's column, so
    /// `协理员人数（人）`, `=315个` is a row of its own, not the head of one that runs on into the
    /// next indicator (`协理员人数 = =18人`, with `=315个 卡务员人数（人）` as its description, and
    /// 卡务员人数 lost). A word such as `完成时间` can still be a name.
    @Test func aFigureNeverStandsInANamesColumn() throws {
        let cells = ["2021年度某某工作经费绩效目标申报表", "主管部门", "某市人力资源和社会保障局", "项目总金额（万元）", "666万元",
                     "一级指标", "二级目标", "指标内容", "指标目标值",
                     "产出指标", "产出数量", "村、社区服务数（个）", "=281个", "协理员人数（人）", "=315个", "卡务员人数（人）", "=18人",
                     "产出时效", "完成时间", "2021年年底前", "效益指标", "社会效益", "群众满意度（%）", "=99%"]
        let doc = readForm(cells.joined(separator: "\n\n") + "\n")
        let p = try #require(doc.projects.first)
        let read = p.indicators.map { "\($0.level2) / \($0.name) = \($0.value ?? "-")" }
        #expect(read == ["产出数量 / 村、社区服务数（个） = =281个", "产出数量 / 协理员人数（人） = =315个", "产出数量 / 卡务员人数（人） = =18人",
                         "产出时效 / 完成时间 = 2021年年底前", "社会效益 / 群众满意度（%） = =99%"])
    }

    /// A row of a cell-a-paragraph document sits under the header's last columns (the ones
    /// before it were merged from above), and a 一级 or 二级 column holds such a name:
    /// - `时效`, `及时` after a name are two rows' values, not a row's 一级 and 二级 (read before:
    ///   `信息管理及时性 = 及时`, with `及时 政策宣传及时性` as its description, 政策宣传及时性 lost);
    /// - `成本指标` under 产出指标 before an indicator's name is its 二级, and the row's cells go on
    ///   under 三级, 指标解释, 指标值, 依据 (read before as a 一级 of its own, with the value
    ///   `=7000万元` as the description and `工作经验` as the value);
    /// - a row that starts with its categories and ends in a cell merged across the value columns
    ///   sits from the 一级 column on.
    @Test func aStreamRowSitsUnderItsColumns() throws {
        let head = ["2021年度某某工作经费绩效目标申报表", "主管部门", "某市人力资源和社会保障局", "项目总金额（万元）", "666万元"]
        let short = head + ["一级指标", "二级目标", "指标内容", "指标目标值",
                            "产出指标", "产出时效", "调查工作及时性", "及时", "信息管理及时性", "及时", "政策宣传及时性", "及时",
                            "效益指标", "社会效益", "群众满意度（%）", "=99%"]
        var p = try #require(readForm(short.joined(separator: "\n\n") + "\n").projects.first)
        #expect(p.indicators.map { "\($0.level2) / \($0.name) = \($0.value ?? "-")" }
            == ["产出时效 / 调查工作及时性 = 及时", "产出时效 / 信息管理及时性 = 及时", "产出时效 / 政策宣传及时性 = 及时",
                "社会效益 / 群众满意度（%） = =99%"])
        #expect(p.indicators.allSatisfy { $0.description == nil })

        let described = head + ["一级指标", "二级指标", "三级指标", "指标解释", "指标值", "指标值确定依据",
                                "产出指标", "数量指标", "审批地块数量", "完成每个地块审批流程", "≧5个", "工作经验",
                                "成本指标", "项目金额", "项目金额", "=7000万元", "工作经验",
                                "满意度指标", "服务对象满意度指标", "征地群众满意度", "征地群众满意度", "=100%", "工作经验"]
        p = try #require(readForm(described.joined(separator: "\n\n") + "\n").projects.first)
        #expect(p.indicators.map { "\($0.level1) / \($0.level2) / \($0.name) = \($0.value ?? "-") / \($0.basis ?? "-")" }
            == ["产出指标 / 数量指标 / 审批地块数量 = ≧5个 / 工作经验", "产出指标 / 成本指标 / 项目金额 = =7000万元 / 工作经验",
                "满意度指标 / 服务对象满意度指标 / 征地群众满意度 = =100% / 工作经验"])

        let merged = head + ["一级指标", "二级指标", "三级指标", "半年（程）指标值", "全年（程）指标值",
                             "产出指标", "数量指标", "培训人数", "≥40人", "≥90人",
                             "满意度指标", "满意度指标", "服务对象满意度", ">80%"]
        p = try #require(readForm(merged.joined(separator: "\n\n") + "\n").projects.first)
        #expect(p.indicators.map { "\($0.level1) / \($0.level2) / \($0.name) = \($0.targets.first?.halfYear ?? "-")" }
            == ["产出指标 / 数量指标 / 培训人数 = ≥40人", "满意度指标 / 满意度指标 / 服务对象满意度 = >80%"])
    }

    /// A form's last value run into the next form's title, a paragraph each (mammoth's Markdown of
    /// a form whose tab-separated text has it so): the value is the row's, the title starts the
    /// next form. Before, the full-year value was lost. What a title starts with (`2021年教育局`)
    /// stays in it.
    @Test func aValueRunIntoTheNextTitleIsTheRowsInAStream() throws {
        func form(_ title: String, _ name: String, last: String) -> [String] {
            [title, "项目名称", name, "主管部门", "某市人力资源和社会保障局", "项目总金额（万元）", "66",
             "一级指标", "二级指标", "三级指标", "半年（程）指标值", "全年（程）指标值",
             "产出指标", "数量指标", "培训人数", "≥40人", "≥90人",
             "满意度指标", "满意度指标", "服务对象满意度", ">80%", last]
        }
        let cells = form("2021年教育局项目支出绩效目标表", "职业培训补贴", last: ">80%市级财政项目支出预算绩效目标表")
            + form("2021年度", "创业补贴", last: ">85%")
        let doc = readForm(cells.joined(separator: "\n\n") + "\n")
        #expect(doc.projects.map(\.name) == ["职业培训补贴", "创业补贴"])
        #expect(doc.projects.map { $0.indicators.last.map { "\($0.targets.first?.halfYear ?? "-") / \($0.value ?? "-")" } ?? "" }
            == [">80% / >80%", ">80% / >85%"])
        #expect(doc.projects.allSatisfy { $0.year == 2021 })
    }

    /// A web page's `|` text, a cell a line, with the indicators' values left blank (陕西's
    /// 区域绩效目标申报表): a name that ends in its unit and holds no figure is the next
    /// indicator, never the value of the one above. Before, `参保人数(人) = 补助面积(万亩)` was
    /// published, and every second indicator was lost.
    @Test func aNameWithItsUnitIsNeverTheValueAbove() throws {
        let doc = readForm("""
        2021年某某资金区域绩效目标申报表
        专项名称 |
        某某生态保护恢复资金 | |||
        区级林业主管部门 |
        某某区林业局 | |||
        年度金额(万元) |
        89.42 | |||
        绩效指标 |
        一级指标 |
        二级指标 |
        三级指标 |
        指标值 |
        产出指标 |
        数量指标 |
        实施单位保险参保人数(人) |
        ||
        上一轮退耕还林补助面积(万亩) |
        ||||
        有害生物防治面积(万亩) |
        ||||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "89.42"))
        #expect(p.indicators.map { "\($0.name) = \($0.value ?? "-")" }
            == ["实施单位保险参保人数(人) = -", "上一轮退耕还林补助面积(万亩) = -", "有害生物防治面积(万亩) = -"])
        #expect(TableReader.namesItsUnit("补助面积（万亩）") && TableReader.namesItsUnit("参保人数（人）") && !TableReader.namesItsUnit("1980(亩)")
            && !TableReader.namesItsUnit("１９８０(亩)") && !TableReader.namesItsUnit("(人)") && !TableReader.namesItsUnit("合格（良好）")
            && !TableReader.namesItsUnit("管理办法（试行）"))
    }

    /// A government page's own fields above the form (索引号, 发布机构, `标 题 …绩效目标表 文 号`):
    /// the page's 标题 line is no form's title. Before, it was a project named `标题 绩效目标表 文号`
    /// with no amount and no year, two errors that failed the build.
    @Test func thePagesTitleFieldIsNoForm() throws {
        let doc = readForm("""
        索 引 号 000000000/2021-00001 发布日期 2021-01-05
        发布机构 区教育局 有 效 性 有效
        标     题 绩效目标表 文     号

        绩效目标表

        字号 :  |
        发布时间:2021-01-05  |  发布单位:区教育局
        绩效目标表
        (2020年度)
        项目名称	校舍改造补助资金
        主管部门	某区教育局
        项目总金额（万元）	16
        一级指标	二级指标	三级指标	指标值
        产出指标	数量指标	改造校舍面积	≥800平方米
        满意度指标	服务对象满意度	师生满意度	≥90%
        """)
        #expect(doc.projects.map(\.name) == ["校舍改造补助资金"])
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        #expect(doc.diagnostics.contains { $0.code == "page-text" && $0.location.line == 3 })
        #expect(!FormReader.isPageTitleField("标题栏目设置说明 文号") && !FormReader.isPageTitleField("标题：某某项目绩效目标表")
            && FormReader.isPageTitleField("标\u{3000}题\u{3000}某某项目绩效目标表 文\u{3000}号"))
    }

    /// A blank form from a document-sharing site, its blanks drawn as underscores (`项 目 名 称:
    /// _________`): a blank template, which publishes nothing, not a project named `_________`
    /// with no amount and no year (two errors that failed the build).
    @Test func underscoresAreABlankNotAName() throws {
        let doc = readForm("""
        绩效目标申报表 (适用2017年全部预算项目) 项 目 名 称: _________ 项目单位(印章):_________ 主管部门(印章):_________ 编 报 时 间: _________ 经常性项目□ 其他项目□ 项目属性 项目名称 项目类别 专项业务费□ 发展经费□ 主管部门 联系人 联系电话 项目单位 联系人 联系电话 实施时间 预计开始时间: 项目资金 (万元) 合计 年 月 日 预计完成时间: 1、市级财 政拨款 年 月 日 2、其他资 金
        """)
        #expect(doc.projects.isEmpty)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        #expect(doc.diagnostics.contains { $0.code == "not-a-target-form" && $0.message.contains("空白模板") })
        #expect(DocumentKinds.isBlank("_________") && DocumentKinds.isBlank("") && !DocumentKinds.isBlank("某某_项目"))
    }

    /// A blank form with its indicator header and categories (a document-sharing site's text,
    /// run together): the splitter at labels finds `质量指标 = 具体指标` and the like, labels where
    /// values go. Nothing is filled in: a blank template, not forms without names (an error each,
    /// which failed the build).
    @Test func aBlankFormWithItsIndicatorHeaderIsATemplate() throws {
        let doc = readForm("""
        某县财政支出项目绩效目标申报表 ( 年度) 填报单位(盖章) 项目名称 项目属性 新增项目 □ 延续项目 □ 主管部门 项目实施单位 项目负责人 联系电话 项目资金申请(万元) 资金总额: 财政拨款: 其他: 单位职能概述
        某县财政支出项目绩效目标申报表
        年度绩效指标 一级指标 二级指标 指标内容 指标值 备注 产出指标 数量指标 质量指标 时效指标 成本指标 … 效益指标 经济效益指标 社会效益指标 可持续影响指标 … 服务对象满意度指标 具体指标 …… 其他说明的问题 填报人: 单位负责人: 填报日期:
        """)
        #expect(doc.projects.isEmpty)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        #expect(doc.kind == .blankTemplate)
    }

    // MARK: Schedules

    /// A form's schedule (`专项实施进度计划`) written a cell a line numbers what is done when:
    /// `2、助残实事项目` with its dates is a row of it, as is the item that goes on with its
    /// numbering, never a project's heading (each was a project with no amount and no
    /// department: two errors each). And `专项属性` is a field of its own, not the rest of the name.
    @Test func aScheduleRowIsNoProjectHeading() throws {
        let doc = readForm("""
        区残联专项资金绩效目标申报表
        (2018年度)
        专项名称
        残疾人就业保障金
        专项属性
        延续专项
        部门名称
        区残联
        资金总额(万元)
        500
        专项实施进度计划
        专项实施内容
        计划开始时间
        计划完成时间
        1、执收成本
        2018年1月
        2018年12月
        2、助残实事项目
        2018年1月
        2018年12月
        3、专职委员补助及信息调查补助
        """)
        #expect(doc.projects.map(\.name) == ["残疾人就业保障金"])
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        #expect(FormReader.isDate("2018年12月") && FormReader.isDate("2018.1") && !FormReader.isDate("2018年度"))
    }

    // MARK: Kinds of form

    /// A budget explanation told by its title alone (`…2024年部门预算情况说明`), and a
    /// self-evaluation report by its section (`二、绩效目标完成情况分析`): each is reported as what
    /// it is, a warning, where before it was an unrecognised layout, an error that failed the
    /// publisher's whole build.
    @Test func aLookAlikeIsToldByItsTitleOrItsSection() throws {
        let explanation = readForm("""
        [ 索引号 ] | 115002310086794848/2024-00028 | [ 发文字号 ] | |
        [ 发布机构 ] | 某县太平镇 | [ 有效性 ] | |
        某县太平镇人民政府2024年部门预算情况说明
        一、单位基本情况
        (一)职能职责。贯彻执行党和国家的路线方针政策，负责本镇经济社会发展规划。
        二、部门预算收支情况说明
        """)
        #expect(explanation.kind == .budgetExplanation)
        #expect(explanation.projects.isEmpty)
        #expect(!explanation.diagnostics.contains { $0.severity == .error })
        let report = readForm("""
        一、绩效目标分解下达情况
        (一)中央下达水利发展资金转移支付预算和绩效目标情况。省财政厅下达我县中央水利发展资金500万元。
        二、绩效目标完成情况分析
        (一)资金投入情况分析。资金500万元已全部到位，执行率100%。
        """)
        #expect(report.kind == .evaluationReport)
        #expect(report.projects.isEmpty)
        #expect(!report.diagnostics.contains { $0.severity == .error })
    }

    @Test func aDepartmentWideFormIsNamedByItsTitle() throws {
        let doc = readForm("""
        部门整体绩效目标 |
        部门名称: | 浮梁县林业局 |
        *年度绩效总目标 | 保证林业局职能实现,保障人员经费。 |
        一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 |
        产出指标 | 数量指标 | 保障在职职工人数(人) | = | 116 | 人 | 该指标值数据合理 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "部门整体绩效目标")
        #expect(p.rawDepartment == "浮梁县林业局")
        #expect(doc.diagnostics.contains { $0.code == "whole-department-form" })
    }

    @Test func anAllocationListIsNoForm() throws {
        let doc = readForm("""
        2022年省级第七批水利专项资金安排表
        序号 | 乡镇名称 | 项目名称 | 金额 |
        1 | 西坪镇 | 尧山村排洪排水工程建设 | 20 |
        2022年省级第七批水利专项资金绩效目标表
        项目名称 | 省级第七批水利专项资金 |
        主管部门(单位)名称 | 安溪县水利局 |
        资金总额(万元) | 100 |
        """)
        #expect(doc.projects.map(\.name) == ["省级第七批水利专项资金"])
        #expect(doc.projects.first?.year == 2022)
        #expect(doc.diagnostics.contains { $0.code == "allocation-list" })
    }

    @Test func titlesInsideRunTogetherTextStartTheirForms() throws {
        let doc = readForm("""
        省级部门预算项目支出绩效目标表(2023年度)一*级项目名称文化事业发展专项资金二级项目名称博物馆免费开放补助资金主管部门嘉峪关市文化和旅游局项目总投资20万元预算申报数20万元资金性质一般公共预算省级部门预算项目支出绩效目标表2023年度一*级项目名称公共文化服务体系建设专项资金二级项目名称博物馆提升改造项目项目类型新增项目主管部门嘉峪关市文化和旅游局项目总投资
        174.78万元中央补
        """)
        #expect(doc.projects.map(\.name) == ["博物馆免费开放补助资金", "博物馆提升改造项目"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "20"), Money(wan: "174.78")])
        #expect(doc.projects.allSatisfy { $0.year == 2023 && $0.rawDepartment == "嘉峪关市文化和旅游局" })
        #expect(doc.projects.first?.otherNames == ["文化事业发展专项资金"])
        // A sentence that names labels is prose, not a form's row.
        #expect(TextRows.rows("按照文件要求,资金规模7359万元。", line: 1, splitRunTogether: true) == nil)
    }

    @Test func runTogetherTextIsSplitAtItsLabels() throws {
        #expect(TextRows.cells("项目名称特困家庭再扶助预算单位区卫生健康局", splitRunTogether: true)
            == ["项目名称", "特困家庭再扶助", "预算单位", "区卫生健康局"])
        // A unit after a label is the label's; a list number before it too.
        #expect(TextRows.cells("中央补助年度金额(万元)158.18", splitRunTogether: true) == ["中央补助年度金额(万元)", "158.18"])
        #expect(TextRows.cells("(一)财政拨款小计 6.30", splitRunTogether: true) == ["(一)财政拨款小计", "6.30"])
        // Cut at the end of a page inside a label after an amount.
        #expect(TextRows.cells("174.78万元中央补", splitRunTogether: true) == ["174.78万元", "中央补"])
        let doc = readForm("资金名称省级财政林业草原专项资金主管部门南江县林业局中央补助年度金额(万元)158.18总体目标加强森林资源管护\n")
        let p = try #require(doc.projects.first)
        #expect(p.name == "省级财政林业草原专项资金")
        #expect(p.rawDepartment == "南江县林业局")
        #expect(p.amount == Money(wan: "158.18"))
        #expect(p.amountUnit == .wan)
    }

    @Test func aLabelBrokenOverLinesIsOneLabel() throws {
        let doc = readForm("""
        部门整体支出绩效目标表

        部门(单位)名称 中共宁德市委党史和地方志研究室

        年度
        预算
        安排
        (万元)
        资金总额 171.41
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "171.41"))
        #expect(p.amountUnit == .wan)
        #expect(p.name == "部门整体支出绩效目标表")
    }

    // MARK: Truncated forms

    @Test func aFormThatStopsBeforeItsEndIsMarkedIncomplete() throws {
        let cut = readForm("""
        项目名称 | 古昌镇绿化美化项目 |
        主管部门 | 区林业局 |
        年度资金总额(万元) | 153.5184 |
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 绿化美化公路 | 3500米 |
        时效指标 |
        """)
        let p = try #require(cut.projects.first)
        #expect(p.incomplete)
        #expect(p.amount == Money(wan: "153.5184"))
        #expect(cut.diagnostics.contains { $0.code == "incomplete-form" })
        let whole = readForm("""
        项目名称 | 古昌镇绿化美化项目 |
        主管部门 | 区林业局 |
        年度资金总额(万元) | 153.5184 |
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 绿化美化公路 | 3500米 |
        满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
        """)
        #expect(whole.projects.first?.incomplete == false)
        // A form followed by its page's footer was stored to its end.
        let footer = readForm("""
        项目名称 | 古昌镇绿化美化项目 |
        主管部门 | 区林业局 |
        年度资金总额(万元) | 153.5184 |
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 绿化美化公路 | 3500米 |

        鲁ICP备06032897号 政府网站标识码:3714240016
        """)
        #expect(footer.projects.first?.incomplete == false)
    }

    @Test func aFormCutBeforeItsAmountPublishesWhatItHoldsAndInventsNothing() throws {
        let doc = readForm("""
        执法监察标准化复评专项经费绩效目标表
        项目名称 执法监察标准化复评专项经费
        主管部门 镇人民政府 预算代码
        项目启动时间 计划:20191 项目计划完工(验收)时间 计划:201912
        项目受
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == nil)
        #expect(p.year == 2019)
        #expect(p.incomplete)
        #expect(doc.diagnostics.contains { $0.code == "missing-amount" })
    }

    // MARK: Money under a group, units in a cell, scored categories, forms one under another

    /// A spending breakdown under the funding (岳阳楼区, harvest 5): `支出明细预算(万元)` heads the
    /// items the money is spent on, and its last item `4、其他 23 45` was read as the funding line
    /// 其他 and added: the project was published at 345 万元 where the form says 300. The lines
    /// under a spending group are the project's fields, never its sources.
    @Test func aSpendingBreakdownIsNoSourceOfTheMoney() throws {
        let doc = readForm("""
        项目支出预算绩效目标申报表
        项目名称 某某项目前期工作经费
        主管部门 某区发展和改革局  项目起止时间 2021.1-2021.12
        项目资金情况 项目资金申请(万元) 项 目 上年度安排资金 本年度申请资金
        合 计 130 300
        区级资金 130 300
        市级资金
        支出明细预算(万元) 项 目 上年度安排资金 本年度申请资金 测算依据及说明
        合 计 130 300
        1、办公及加班用餐费 10 40
        2、编制咨询费 97 215
        3、其他 23 45
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "300"))
        #expect(p.funding.map(\.label) == ["区级资金", "市级资金"])
        #expect(p.fields.contains { $0.label == "支出明细·3、其他" && $0.value == "23 45" })
    }

    /// Sources of the money no template list has (`其中：本级财政资金`, `上级补助资金`) under a
    /// group label merged down its rows: before, both rows were published as a narrative
    /// `资金用途` and the funding was lost. A name that ends as a source does (资金, 拨款, 补助 …)
    /// after 其中, or with an amount beside it under the group, is a funding line; spending words
    /// (经费, 支出) and totals never are.
    @Test func aFundingSourceNoListHasIsReadUnderItsGroup() throws {
        let doc = readForm("""
        2024年部门项目支出绩效目标表

        <table>
        <tr><td>项目名称</td><td colspan="3">学前教育生均公用经费补助</td></tr>
        <tr><td>主管部门</td><td colspan="3">某县教育和体育局</td></tr>
        <tr><td rowspan="3">项目资金（万元）</td><td>年度资金总额：</td><td colspan="2">386.4</td></tr>
        <tr><td>其中：本级财政资金</td><td colspan="2">286.4</td></tr>
        <tr><td>上级补助资金</td><td colspan="2">100</td></tr>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
        <tr><td>产出指标</td><td>数量指标</td><td>补助幼儿人数</td><td>≥4800人</td></tr>
        </table>
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "386.4"))
        #expect(p.funding.map(\.label) == ["本级财政资金", "上级补助资金"])
        #expect(p.funding.map(\.amount) == [Money(wan: "286.4"), Money(wan: "100")])
        #expect(!p.sections.contains { $0.title == "资金用途" })
        #expect(Labels.fundingSource("县级配套资金") == .funding("县级配套资金"))
        #expect(Labels.fundingSource("人员经费") == nil && Labels.fundingSource("基本支出") == nil
            && Labels.fundingSource("资金总额") == nil && Labels.fundingSource("项目资金") == nil)
    }

    /// `预算单位: | 某县应急管理局 | 金额单位:万元` (奉节, harvest 5): the unit stated in a cell of
    /// a row of fields is the table's, as it is on a line of its own. Before, every amount was
    /// published as unsure of its unit.
    @Test func aUnitInACellOfAFieldRowIsTheTables() throws {
        let doc = readForm("""
        财政项目支出绩效目标审批表 | |||
        ( 2023年度) | |||
        预算单位: | 某县应急管理局 | 金额单位:万元 | |
        项目名称 | 安全生产举报奖励经费 | 项目分类 | 运转类 |
        项目总预算 | 100 | ||
        当年年度预算 | 100 | ||
        其中:财政资金 | 100 | ||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "100"))
        #expect(p.amountUnit == .wan)
        #expect(p.unit == "某县应急管理局")
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    /// A scored form gives each category its points (`成本指标(0-20)分`, `产出指标 (40-50)分`,
    /// `年度绩效目标(90分)`): the category is still 成本指标. Before, `成本指标(0-20)分` was no
    /// 一级 name, and the row's cells slid: `经济成本指标` became a description, `0.00%` a value
    /// of an indicator named `成本指标(0-20)分`.
    @Test func aScoredCategoryIsItsCategory() throws {
        let doc = readForm("""
        项目名称 | 安全生产举报奖励经费 |
        项目总预算(万元) | 100 |
        年度绩效目标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
        成本指标(0-20)分 | 经济成本指标 | 项目建设成本 | ≤65万元 | 10 |
        产出指标 (40-50)分 | 数量指标 | 举报奖励次数 | ≥5次 | 10 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map { "\($0.level2) / \($0.name) = \($0.value ?? "-")" }
            == ["经济成本指标 / 项目建设成本 = ≤65万元", "数量指标 / 举报奖励次数 = ≥5次"])
        #expect(p.indicators.map { IndicatorKind(level1: $0.level1) } == [.cost, .output])
        #expect(IndicatorVocabulary.isLevel1("成本指标(0-20)分") && IndicatorVocabulary.isLevel1("产出指标（40-50）分")
            && IndicatorVocabulary.isLevel1("效益指标(30分)") && !IndicatorVocabulary.isLevel1("成本指标(万元)分"))
    }

    /// Two forms of one court, one under the other (天津 河北区, harvest 5): the second starts with
    /// its unit's line (`207101某法院 | 单位:万元`) and its `项目名称` row right under the first's
    /// indicator table, and the year is a line `(2023年)` between the page's title and the form's
    /// own (`3.…-2023中央绩效目标表`). Before, the year was lost (an error) and the second form was
    /// read as indicators of the first (`项目名称 = 办案业务费…`).
    @Test func aSecondFormUnderAnIndicatorTableStartsAtItsUnitAndName() throws {
        let doc = readForm("""
        某区人民法院
        项目支出绩效目标表
        (2023年)
        3.法院办案业务-2023中央绩效目标表
        207101某区人民法院 | 单位:万元 | |||
        项目名称 | 安全隐患维修 | |||
        预算规模及资金用途 | 预算数 | 20.00 | 其中:财政资金 | 20.00 |
        一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
        产出指标 | 数量指标 | 维修面积 | 维修面积 | ≥400平方米 |
        满意度指标 | 服务对象满意度指标 | 干警满意度 | 干警满意度 | ≥95% |
        207101某区人民法院 | 单位:万元 | |||
        项目名称 | 办案业务费 | |||
        预算规模及资金用途 | 预算数 | 24.00 | 其中:财政资金 | 24.00 |
        一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
        产出指标 | 数量指标 | 聘用调解员人数 | 聘用调解员人数 | 1人 |
        满意度指标 | 服务对象满意度指标 | 当事人满意度 | 当事人满意度 | ≥90% |
        """)
        #expect(doc.projects.map { "\($0.name) \($0.year ?? 0) \($0.indicators.count)" } == ["安全隐患维修 2023 2", "办案业务费 2023 2"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "20"), Money(wan: "24")])
        #expect(doc.projects.allSatisfy { $0.amountUnit == .wan })
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    /// A 批复表 (黄石, harvest 5) with a two-row indicator header (`指标值` over `2021年实际实现值 |
    /// 预期2022年实现值`), a 依据 column named `指标标准或依据`, and the finance bureau's boxes for
    /// stamps at its foot. Before, three of its 16 indicators were the header's second row, the
    /// 依据 column's label and the stamp boxes (`财政资金管理科室(盖章) 年 月 日`).
    @Test func aHeadersSecondRowAndTheStampBoxesAreNoIndicators() throws {
        let doc = readForm("""
        项目支出绩效目标批复表 | |||||
        (2022年度) | |||||
        项目名称 | 主体班 | 项目负责人 | |||
        项目金额 | 164万元 | 其中:当年市级财政资金 | 132万元 | ||
        项目主管部门 | 中共某市委党校 | |||
        绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标标准或依据 |
        2021年实际实现值 | 预期2022年实现值 | ||||
        产出指标 | 数量指标 | 主体班培训人次 | 280人次 | |
        效益指标 | 社会效益指标 | 干部理论水平 | 明显提高 | |
        满意度指标 | 服务对象满意度指标 | 培训学员满意度 | ≥95% | |
        财政资金管理科室(盖章) 年 月 日 | 财政绩效管理科室(盖章) 年 月 日 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["主体班培训人次", "干部理论水平", "培训学员满意度"])
        #expect(p.indicators.map(\.value) == ["280人次", "明显提高", "≥95%"])
        #expect(doc.diagnostics.contains { $0.code == "signature-row" && $0.location.line == 11 })
        #expect(!p.incomplete)
    }

    /// Space-separated rows ending in review boxes (南岳, harvest 5): `财政部门支出股室初审意见
    /// (盖章)` and the like were published as satisfaction indicators.
    @Test func reviewBoxesWithTheirStampsEndTheIndicators() throws {
        let doc = readForm("""
        项目支出绩效目标申报表
        项目名称 某镇资产收益扶贫项目
        主管部门 某镇人民政府
        资金情况(万元) 年度资金总额: 214.06
        绩效指标 一级指标 二级指标 三级指标 指标值 备注
        产出指标 数量指标 入股合作社个数 =10个
        满意度指标 服务对象满意度指标 贫困人口满意度 >=95%
        财政部门支出股室初审意见 (盖章)
        区扶贫办审核意见 (盖章)
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["入股合作社个数", "贫困人口满意度"])
        #expect(doc.diagnostics.filter { $0.code == "signature-row" }.map(\.location.line) == [8])
        #expect(doc.diagnostics.contains { $0.code == "text-outside-table" && $0.location.line == 9 })
        #expect(TableReader.isSignatureRow(Row(line: 1, cells: ["填报日期", "  年  月  日"]))
            && !TableReader.isSignatureRow(Row(line: 1, cells: ["完成时间", "2024年12月31日"])))
    }

    /// Column labels of other templates (南岳, harvest 5): `三级指标内容`, `指标值及单位`. Before, the
    /// header was not one, and the four indicators were published as narratives.
    @Test func otherTemplatesColumnLabelsMakeTheHeader() throws {
        let doc = readForm("""
        项目名称 | 某年度雨露计划就学补助项目 |
        主管部门 | 某区乡村振兴局 |
        年度资金总额(万元) | 7 |
        专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 |
        产出指标 | 数量指标 | 年度申请就学补助户数 | >=101人/次 |
        | 时效指标 | 就学补助及时发放率 | >=100% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map { "\($0.level2) / \($0.name) = \($0.value ?? "-")" }
            == ["数量指标 / 年度申请就学补助户数 = >=101人/次", "时效指标 / 就学补助及时发放率 = >=100%"])
    }

    /// The goal columns' headings (`总 体 目 标 | 2022年—2022年 | 年度目标`, or
    /// `中期目标(2024年—2026年)`), 全椒, 金寨 (harvest 5), 亳州, 六安 (forms/real): the term was
    /// published as the 总体目标. It is kept as the goal's term, a field, and the goals are read
    /// from the rows under it.
    @Test func aGoalColumnsTermIsNoGoal() throws {
        let doc = readForm("""
        项目名称 | 某县义务教育保障经费 | |
        项目资金 (万元) | 年度资金总额: | 3581.8 |
        总 体 目 标 | 2022年—2022年 | 年度目标 |
        目标1:落实义务教育保障学校公用经费 目标2:补助家庭经济困难学生生活补助 | |
        """)
        let p = try #require(doc.projects.first)
        #expect(!p.sections.contains { $0.text == "2022年—2022年" })
        #expect(p.fields.contains { $0.label == "总体目标·期间" && $0.value == "2022年—2022年" })
        let goals = p.sections.filter(\.isGoal).map(\.text).joined(separator: " ")
        #expect(goals.contains("落实义务教育保障学校公用经费") && goals.contains("补助家庭经济困难学生生活补助"))
        #expect(TableReader.isTermHeading("中期目标(2024年—2026年)") && TableReader.isTermHeading("2024-2026年")
            && TableReader.isTermHeading("中期滚动目标(2019年--2021年)")
            && !TableReader.isTermHeading("2024年完成全部改造") && !TableReader.isTermHeading("年度目标任务全部完成"))
    }

    /// Two groups of indicator columns whose headers say their term in brackets
    /// (`二级指标(长期) | 三级指标(长期) | 指标值(长期) | 二级指标(年度) | …`, 青山区, harvest 5),
    /// the 长期 group left blank. Before, no header was found and every indicator row was
    /// published as a narrative `资金用途`. The year's group is the one its columns call 年度,
    /// whichever side it is on, and a blank half of a row says nothing.
    @Test func termGroupsNamedInTheirColumnsAreReadByTheirTerm() throws {
        let doc = readForm("""
        项目名称 | 某区教育基础设施建设 | | | | | |
        主管部门 | 某区教育局 | | | | | |
        年度资金总额(万元) | 10000 | | | | | |
        一级指标 | 二级指标(长期) | 三级指标(长期) | 指标值(长期) | 二级指标(年度) | 三级指标(年度) | 指标值(年度) |
        产出指标 | 数量指标 | | | 数量指标 | 重点建设工程安排数量 | 2 |
        产出指标 | 质量指标 | 工程验收合格率 | 100% | 质量指标 | 重点建设工程验收合格率 | 100% |
        满意度指标 | 服务对象满意度指标 | | | 服务对象满意度指标 | 学生、家长满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map { "\($0.level2) / \($0.name)" }
            == ["数量指标 / 重点建设工程安排数量", "质量指标 / 重点建设工程验收合格率", "服务对象满意度指标 / 学生、家长满意度", "质量指标 / 工程验收合格率"])
        #expect(p.indicators[0].targets.map(\.value) == ["2"])
        #expect(p.indicators[3].targets.map(\.term) == ["长期"])
        #expect(!doc.diagnostics.contains { $0.code == "indicator-without-name" || $0.code == "indicator-term-unknown" })
        #expect(!p.sections.contains { $0.title == "资金用途" })
    }

    /// Three look-alikes of harvest 5 that failed a publisher's build with `unrecognised-layout`:
    /// an evaluation's scoring table (`…绩效评价指标表`, 分值 and 总分), a notice that hands down
    /// targets whose forms are not in the text, and a 绩效文本's table of contents. Each is now
    /// reported as what it is, a warning, and publishes nothing.
    @Test func anEvaluationTableANoticeAndAContentsPageAreLookAlikes() throws {
        let scoring = readForm("""
        2019年度某县高中助学金项目绩效评价指标表

        评价指标评价内容指标名称指标说明目标值分值备注
        产出数量指标享受资助人数达到预计值210010
        时效指标及时发放率达到目标值100%20
        总分
        100
        """)
        #expect(scoring.kind == .evaluationReport)
        let notice = readForm("""
        某区财政局文件 某财农绩﹝2023﹞1 号
        关于下达 2023 年第一批财政衔接推进乡村振兴补助资金项目绩效目标批复的通知
        各镇(街道)、各区直有关单位: 现将审核通过的项目绩效目标批复给你单位，请按批复的目标做好绩效运行监控。
        附件: 2023年第一批项目绩效目标表
        """)
        #expect(notice.kind == .notice)
        let contents = readForm("""
        某县民政局2022年部门预算绩效文本 某县民政局编制 目 录 第一部分 部门整体绩效目标一、总体绩效目标1二、分项绩效目标2第二部分 预算项目绩效目标1.2022年村务公开工作经费4.5万绩效目标表5
        """)
        #expect(contents.kind == .budgetExplanation)
        for doc in [scoring, notice, contents] {
            #expect(doc.projects.isEmpty)
            #expect(!doc.diagnostics.contains { $0.severity == .error })
            #expect(doc.diagnostics.contains { $0.code == "not-a-target-form" })
        }
    }

    /// 重庆's 一般性项目 template (潼南, harvest 5), a cell a line as its page stores it: the
    /// project's name under `专项资金名称`, its amount under `当年预算`, a title that names no
    /// project (`2023年一般性项目绩效目标表(一级项目)`), and a flat list of indicators with no
    /// 一级 or 二级 column (`指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`), ended by the next
    /// table's caption `表十二`. Before, three projects were named `2023年一般性`, their department
    /// held `当年预算 229.66`, the goal swallowed the whole indicator list, and the indicators were
    /// narratives.
    @Test func aFlatIndicatorListWithoutCategoriesIsRead() throws {
        let doc = readForm("""
        2023年一般性项目绩效目标表(一级项目) |
        编制单位: |
        813-某区某镇 |
        单位:万元 |
        专项资金名称 |
        在职村村干部补助 |
        业务主管部门 |
        813-某区某镇 |
        当年预算 |
        9.31 |
        当年绩效目标 |
        按月及时足额发放在职村社干部的工资。 |
        绩效指标 |
        指标 |
        指标权重 |
        计量单位 |
        指标性质 |
        指标值 |
        按月发放 |
        20 |
        次 |
        = |
        1 |
        促进经济发展 |
        20 |
        |
        定性 |
        |
        领取补助人数 |
        20 |
        人 |
        ≥ |
        100 |
        表十二 |
        |
        """)
        let p = try #require(doc.projects.first)
        #expect(doc.projects.count == 1)
        #expect(p.name == "在职村村干部补助")
        #expect(p.amount == Money(wan: "9.31"))
        #expect(p.rawDepartment == "某区某镇")
        #expect(p.sections.filter(\.isGoal).map(\.text) == ["按月及时足额发放在职村社干部的工资。"])
        #expect(p.indicators.map { "\($0.level1)/\($0.level2)/\($0.name) = \($0.value ?? "-")" }
            == ["//按月发放 = =1次", "//促进经济发展 = 定性", "//领取补助人数 = ≥100人"])
        #expect(!doc.diagnostics.contains { $0.code == "incomplete-indicators" })
        #expect(Titles.projectName(inTitle: "2023年一般性项目绩效目标表(一级项目)") == nil)
        #expect(FormText.isTableCaption("表十二") && FormText.isTableCaption("附表3：") && !FormText.isTableCaption("表彰先进个人"))
    }

    /// Run-together text (安溪, 秀屿, harvest 5): `资金总额:35其中:财政拨款35其他资金0` was cut
    /// before 财政拨款, and the total's value `35其中:` was no amount. `其中:` before a label is the
    /// label's.
    @Test func qizhongBeforeARunTogetherLabelIsTheLabels() throws {
        #expect(TextRows.splitAtLabels("资金总额:35其中:财政拨款35其他资金0") == ["资金总额", "35", "其中:财政拨款", "35", "其他资金", "0"])
        let doc = readForm("""
        2025年某县动物防疫补助资金绩效目标表
        项目名称强制免疫补助主管部门(单位)名称某县农业农村局资金情况(万元)资金总额:35其中:财政拨款35其他资金总体目标按照要求完成强制免疫。
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "35"))
        #expect(!doc.diagnostics.contains { $0.code == "unreadable-amount" })
    }

    /// A stored page's address above its title (`source: http://…` / `绩效目标表`, 甘孜, harvest 5)
    /// with the form's 项目名称 left blank: the project was named after the address. A web address
    /// names no project; the form is said to have no name.
    @Test func aWebAddressNamesNoProject() throws {
        let doc = readForm("""
        # source: http://example.gov.cn/preview-service/file_20231204.html
        绩效目标表
        单位信息: 324001-某州市场监督管理局机关 项目名称:
        一级指标 二级指标 三级指标 指标值
        产出指标 数量指标 召开会议次数 2次
        """)
        #expect(!doc.projects.contains { $0.name.contains("http") })
        #expect(doc.diagnostics.contains { $0.code == "missing-name" })
        #expect(Titles.projectName(inTitle: "source: http://example.gov.cn/a.html绩效目标表") == nil)
    }

    // MARK: Where the new rules must not reach (an adversarial review of this round's rules)

    /// Indicators about seals (`公章刻制备案率`, `电子签章应用率`) and a value `盖章完成后3日内` are
    /// no stamp boxes: only a stamp asked for in brackets (`(盖章)`) or a blank date ends the table.
    @Test func indicatorsAboutSealsAreIndicators() throws {
        let doc = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 印章治安管理专项经费 | | |
        |---|---|---|---|
        | 主管部门 | 某县公安局 | 实施单位 | 某县公安局治安大队 |
        | 项目资金（万元） | 年度资金总额 | 30 | |
        | | 其中：财政拨款 | 30 | |
        | 年度目标 | 规范印章刻制业管理，推进电子印章应用 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 检查刻章企业数 | 12家 |
        | | 质量指标 | 公章刻制备案率 | 100% |
        | | 质量指标 | 电子签章应用率 | ≥60% |
        | | 时效指标 | 备案材料审核 | 盖章完成后3日内 |
        | 效益指标 | 社会效益指标 | 伪造公章案件发生率 | 下降 |
        | 满意度指标 | 服务对象满意度指标 | 企业满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["检查刻章企业数", "公章刻制备案率", "电子签章应用率", "备案材料审核", "伪造公章案件发生率", "企业满意度"])
        #expect(!doc.diagnostics.contains { $0.code == "signature-row" })
    }

    /// A table of a form's own outputs (`预期产出 | 指标名称 | 计量单位 | 目标值`) is no flat
    /// indicator list (one needs a weight or an operator column); the fields after it stay fields.
    @Test func aTableOfNamesUnitsAndTargetsIsNoFlatList() throws {
        let doc = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 城区主干道改造 | | |
        |---|---|---|---|
        | 主管部门 | 某县住房和城乡建设局 | 实施单位 | 某县市政设施中心 |
        | 项目资金（万元） | 年度资金总额 | 500 | |
        | | 其中：财政拨款 | 500 | |
        | 预期产出 | 指标名称 | 计量单位 | 目标值 |
        | | 改造道路长度 | 公里 | 5 |
        | | 新建雨污管网 | 公里 | 8 |
        | 项目属性 | 延续项目 | 项目期 | 3年 |
        | 项目负责人 | 张三 | 联系电话 | 0000-1234567 |
        | 年度目标 | 完成城区主干道改造 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改造道路长度 | 5公里 |
        | 满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "500"))
        #expect(p.indicators.map(\.name) == ["改造道路长度", "市民满意度"])
        #expect(p.period == "3年")
    }

    /// A flat list a cell a line with one blank cell left out: every row after it is shifted, so
    /// the rows that do not fit their columns are said (`flat-row-unread`), never read by position.
    @Test func aShiftedFlatListIsSaidNotMisread() throws {
        let doc = readForm("""
        2023年一般性项目绩效目标表(一级项目) |
        编制单位: |
        813-某区某镇 |
        单位:万元 |
        专项资金名称 |
        在职村村干部补助 |
        业务主管部门 |
        813-某区某镇 |
        当年预算 |
        9.31 |
        当年绩效目标 |
        按月及时足额发放在职村社干部的工资。 |
        绩效指标 |
        指标 |
        指标权重 |
        计量单位 |
        指标性质 |
        指标值 |
        促进经济发展 |
        20 |
        定性 |
        |
        按月发放 |
        20 |
        次 |
        = |
        12 |
        领取补助人数 |
        20 |
        人 |
        ≥ |
        100 |
        表十二 |
        |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.isEmpty)
        #expect(doc.diagnostics.contains { $0.code == "flat-row-unread" })
        #expect(p.sections.filter(\.isGoal).map(\.text) == ["按月及时足额发放在职村社干部的工资。"])
    }

    /// What the money is for (`其中：学生生活补助`, `其中：设备购置资金`) is no source of it: a
    /// source names who gives it or its kind.
    @Test func usesOfTheMoneyAreNoSources() throws {
        let doc = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 学生资助补助经费 | | |
        |---|---|---|---|
        | 主管部门 | 某县教育局 | 实施单位 | 某县第一中学 |
        | 项目资金（万元） | 年度资金总额 | 100 | |
        | | 其中：学生生活补助 | 60 | |
        | | 其中：设备购置资金 | 40 | |
        | 年度目标 | 资助家庭经济困难学生 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助学生人数 | 300人 |
        | 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.isEmpty)
        #expect(Labels.fundingSource("学生生活补助") == nil && Labels.fundingSource("设备购置资金") == nil
            && Labels.fundingSource("种苗补助") == nil && Labels.fundingSource("上级补助资金") != nil)
    }

    /// A source after a spending breakdown with no list number of its own (`财政拨款 | 30`) is a
    /// source again; a project named after an evaluation (`财政绩效评价指标体系建设`) with its
    /// amount is a form.
    @Test func aSourceAfterTheBreakdownAndAnEvaluationsNameAreRead() throws {
        let afterBreakdown = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 办公楼维修 | | |
        |---|---|---|---|
        | 主管部门 | 某县机关事务中心 | 实施单位 | 某县机关事务中心 |
        | 支出明细预算(万元) | 项目 | 本年度申请资金 | 测算依据 |
        | | 屋面防水 | 20 | 800平方米 |
        | | 外墙修缮 | 10 | 500平方米 |
        | 财政拨款 | 30 | | |
        | 年度目标 | 完成办公楼维修 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修面积 | 1300平方米 |
        | 满意度指标 | 服务对象满意度指标 | 职工满意度 | ≥90% |
        """)
        #expect(afterBreakdown.projects.first?.amount == Money(wan: "30"))
        let named = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 财政绩效评价指标体系建设 | | |
        |---|---|---|---|
        | 主管部门 | 某县财政局 | 实施单位 | 某县财政局 |
        | 项目资金（万元） | 年度资金总额 | 20 | |
        | | 其中：财政拨款 | 20 | |
        | 年度目标 | 建立分行业分领域绩效评价指标体系 | | |
        """)
        #expect(named.kind == .targets)
        #expect(named.projects.first?.amount == Money(wan: "20"))
    }

    /// The form's head repeated by a page break inside the indicators (`项目名称 | 本项目`) is no
    /// indicator and no new form; a sub-project's name (`二级项目名称`) is kept as a field.
    @Test func aRepeatedNameRowInsideTheIndicatorsIsNoIndicator() throws {
        let doc = readForm("""
        # 2024年项目支出绩效目标表

        | 项目名称 | 城区环境卫生保洁 | | |
        |---|---|---|---|
        | 主管部门 | 某县城市管理局 | 实施单位 | 某县环卫所 |
        | 项目资金（万元） | 年度资金总额 | 500 | |
        | | 其中：财政拨款 | 500 | |
        | 年度目标 | 保持城区道路整洁 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 保洁面积 | 120万平方米 |
        | | 质量指标 | 道路保洁达标率 | ≥95% |
        | 项目名称 | 城区环境卫生保洁 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 效益指标 | 社会效益指标 | 城区环境改善 | 明显改善 |
        | 满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% |
        """)
        #expect(doc.projects.count == 1)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["保洁面积", "道路保洁达标率", "城区环境改善", "市民满意度"])
    }

    /// Only `其中:` moves onto the next run-together label: a name ending in 其中 stays whole.
    @Test func aNameEndingInQizhongStaysWhole() throws {
        let doc = readForm("""
        2024年项目支出绩效目标表
        项目名称乐在其中资金总额35主管部门某县文化和旅游局实施单位某县文化馆
        一级指标 二级指标 三级指标 指标值
        产出指标 数量指标 演出场次 10场
        满意度指标 服务对象满意度指标 群众满意度 ≥90%
        """)
        #expect(doc.projects.first?.name == "乐在其中")
    }

    // MARK: Harvest 6

    /// 湖南's 专项资金 template writes its money as two rows of labels over one row of values:
    /// `本年度预计投入(万元) | 财政资金(万元) | 其他`, then the levels of government that split the
    /// 财政 money (`中央 | 省级 | 市级 | 本级`), then six values. Each row was read as labels and
    /// values of its own (`市级资金 = 本级`, a narrative `7: 0 7 0 0 0`) and the project had no
    /// amount. The parts take their source's place; the block must add up, and where it does not,
    /// the amount is still read and the rest kept as it reads, and said. The template says 专项
    /// where the lists say 项目 (`专项起止时间`, `专项负责人`, `专项概况`).
    @Test func twoHeaderRowsOverOneRowOfValues() throws {
        func form(_ values: String) -> String {
            """
            | 专项资金绩效目标申报表 | | | | | |
            | (2024年度) | | | | | |
            | 专项名称 | 农村饮水安全工程维修养护 | | | | |
            | 主管部门 | 某县水利局 | 专项起止时间 | 2024年1月至12月 | | |
            | 专项负责人 | 张某 | 联系人及电话 | 0000-1234567 | | |
            | 专项概况 | 全县农村饮水工程日常维修养护 | | | | |
            | 专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 | | |
            | 中央 | 省级 | 市级 | 本级 | | |
            | \(values) |
            | 中长期绩效 目标 | 农村饮水工程长效运行 | | | | |
            | 本年度绩效 目标 | 完成全县农村饮水工程维修养护 | | | | |
            | 专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 | |
            | 产出指标 | 数量指标 | 维修养护工程处数 | ≥30处 | | |
            | 满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% | | |
            """
        }
        let doc = readForm(form("120 | 50 | 40 | 0 | 20 | 10"))
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "120")!)
        #expect(p.amountUnit == .wan)
        #expect(p.funding.map(\.label) == ["财政资金·中央", "财政资金·省级", "财政资金·市级", "财政资金·本级", "其他"])
        #expect(p.funding.map(\.amount) == ["50", "40", "0", "20", "10"].map { Money(wan: $0)! })
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" || $0.severity == .error })
        #expect(p.period == "2024年1月至12月")
        #expect(p.sections.map(\.title) == ["专项概况", "中长期绩效目标", "本年度绩效目标"])
        #expect(p.sections.filter(\.isGoal).count == 2)
        #expect(!p.sections.contains { $0.text.contains("张某") })
        #expect(p.indicators.map(\.name) == ["维修养护工程处数", "受益群众满意度"])

        // Values that do not add up: the amount is read, the sources are not, and it is said.
        let unclear = readForm(form("120 | 50 | 40 | 0 | 20 | 5"))
        let q = try #require(unclear.projects.first)
        #expect(q.amount == Money(wan: "120")!)
        #expect(q.funding.isEmpty)
        #expect(q.fields.contains { $0.label == "资金来源" && $0.value.hasSuffix("50 40 0 20 5") })
        #expect(unclear.diagnostics.contains { $0.code == "funding-split-unclear" && $0.location.line == 9 })
    }

    /// The levels of government are data (labels.yml's `funding_parts`), and they include the
    /// autonomous regions' own: 内蒙古 writes `中央 | 自治区级 | 盟市级 | 旗本级` under 财政资金.
    /// Before, the levels were a list in Swift without 自治区, 盟 or 旗: the second header row was
    /// read as labels with values (`财政资金 = 盟市级`, `其他 = 旗本级`) and the amount was lost.
    @Test func levelsOfGovernmentOfTheAutonomousRegions() throws {
        let doc = readForm("""
        | 专项资金绩效目标申报表 | | | | | |
        | (2024年度) | | | | | |
        | 专项名称 | 草原生态保护补助奖励 | | | | |
        | 主管部门 | 某某旗林业和草原局 | 专项起止时间 | 2024年1月至12月 | | |
        | 专项资金情况 | 本年度预计投入(万元) | 财政资金(万元) | 其他 | | |
        | 中央 | 自治区级 | 盟市级 | 旗本级 | | |
        | 120 | 50 | 40 | 10 | 20 | 0 |
        | 本年度绩效 目标 | 完成草原禁牧和草畜平衡 | | | | |
        | 专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 | |
        | 产出指标 | 数量指标 | 禁牧面积 | ≥30万亩 | | |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "120")!)
        #expect(p.funding.map(\.label) == ["财政资金·中央", "财政资金·自治区级", "财政资金·盟市级", "财政资金·旗本级", "其他"])
        #expect(p.funding.map(\.amount) == ["50", "40", "10", "20", "0"].map { Money(wan: $0)! })
        // A source named by such a level is a source (`旗级配套资金` after 其中), and a chain
        // level that names its sector is that level's label.
        #expect(Labels.fundingSource("旗级配套资金") == .funding("旗级配套资金"))
        #expect(Labels.fundingSource("盟市级补助") == .funding("盟市级补助"))
        #expect(Labels.fundingSource("学生生活补助") == nil)
        #expect(Labels.field("自治区级林业主管部门") == Labels.field("自治区级主管部门"))
        #expect(Labels.field("旗县级林业主管部门") == Labels.field("旗县主管部门"))
        if case .departmentLevel(let region)? = Labels.field("自治区级主管部门"), case .departmentLevel(let banner)? = Labels.field("旗县主管部门") {
            #expect(region < banner)
        } else {
            Issue.record("自治区级主管部门 and 旗县主管部门 are levels of the chain")
        }
        // A site adds its own levels without Swift (`labels: {funding_levels: [团场]}`).
        let site = try Vocabulary.shipped.adding(siteLabels: ["funding_levels": ["团场"]])
        #expect(site.fundingLevels.contains("团场") && site.fundingPartNames.contains("团场"))
        #expect(!Vocabulary.shipped.fundingLevels.contains("团场"))
        #expect(site.fingerprint != Vocabulary.shipped.fingerprint)
        // A site's level of the chain is more local than the shipped ones (it was ranked by its
        // place in the site's own list: first, as central as 中央); a shipped one keeps its rank.
        let chain = try Vocabulary.shipped.adding(siteLabels: ["department_chain": ["苏木乡镇主管部门", "县级主管部门"]])
        guard case .departmentLevel(let local)? = chain.field(LabelText.key("苏木乡镇主管部门")),
              case .departmentLevel(let county)? = chain.field(LabelText.key("县级主管部门")),
              case .departmentLevel(let central)? = chain.field(LabelText.key("中央主管部门"))
        else { Issue.record("the chain's labels"); return }
        #expect(central < county && county < local)
        #expect(chain.field(LabelText.key("县级主管部门")) == Vocabulary.shipped.field(LabelText.key("县级主管部门")))
    }

    /// A title that names its issuer — a place of any level, a year after it — and generic words
    /// names no project: `自治区本级…` and `…石河子市2024年项目支出…` were kept as the project's
    /// other name (`also: 自治区本级项目支出`).
    @Test func aTitleOfAnIssuerAndAYearNamesNoProject() {
        #expect(Titles.projectName(inTitle: "自治区本级项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "石河子市2024年项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "新疆生产建设兵团第八师石河子市2024年项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "锡林郭勒盟正蓝旗2023年部门项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "2024年旗本级嘎查村集体经济发展资金绩效目标表") == "2024年旗本级嘎查村集体经济发展资金")
        #expect(Titles.projectName(inTitle: "城区道路维修绩效目标表") == "城区道路维修")
        #expect(Titles.projectName(inTitle: "正蓝旗牧区饮水安全工程绩效目标表") == "正蓝旗牧区饮水安全工程")
        // A department of a place, with or without a year (a review found 11 of 22 forms showing
        // `也称 青阳县应急管理局`); a name that is an organisation's without a place is kept.
        #expect(Titles.projectName(inTitle: "青阳县应急管理局项目支出绩效目标申报表") == nil)
        #expect(Titles.projectName(inTitle: "石台县教育局2024年项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "某市人力资源和社会保障局2024年度部门项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "全民运动会项目绩效目标表") == "全民运动会")
        #expect(Titles.projectName(inTitle: "2019年度区域人社局专项资金绩效目标申报表") == "区域人社局专项资金")
        // A project's scope is no issuer (review 5): `全区运动会`, `全市消防救援站`, `区域医疗中心`.
        #expect(Titles.projectName(inTitle: "2024年全区运动会项目支出绩效目标表") != nil)
        #expect(Titles.projectName(inTitle: "2024年全市消防救援站建设项目绩效目标表") != nil)
        #expect(Titles.projectName(inTitle: "2024年区域医疗中心项目支出绩效目标表") != nil)
        #expect(Titles.projectName(inTitle: "2024年县污水处理站运行项目支出绩效目标表") != nil)
        #expect(Titles.projectName(inTitle: "2024年产业技术创新联盟专项资金绩效目标表") != nil)
        #expect(Titles.projectName(inTitle: "青阳县应急管理局防汛物资储备绩效目标表") == "青阳县应急管理局防汛物资储备")
    }

    /// Separators stand every three digits: a figure a page cut in the middle of (`12,458,3` at
    /// the end of a stored page, in 元) was published as 12.4583 万元. It is malformed now, and
    /// the amount unread.
    @Test func thousandsSeparatorsEveryThreeDigits() {
        #expect(Money(yuan: "1,000,000") == Money(wan: "100"))
        #expect(Money(yuan: "3,417,600.00") == Money(wan: "341.76"))
        #expect(Money(yuan: "854,400") == Money(wan: "85.44"))
        #expect(Money(yuan: "12,458,3") == nil)
        #expect(Money(yuan: "1234,567") == nil)
        #expect(Money(yuan: "1,23") == nil)
        #expect(Money(yuan: "1,2345.00") == Money(wan: "1.2345"))
        #expect(Money(yuan: "125,0000") == Money(wan: "125"))
        #expect(Money(yuan: "1,2500,0000.00") == Money(wan: "12500"))
        #expect(Money(yuan: "1,2500,000") == nil)
        #expect(Money(yuan: "12345,0000") == nil)
        #expect(Money(yuan: "1,2,3") == nil)
        #expect(Money(wan: "120,") == Money(wan: "120") && Money(wan: "120，") == Money(wan: "120"))
        #expect(Money(yuan: "12,458,") == nil)
        let doc = readForm("""
        | 项目名称 | 城乡居民养老保险补助 | | |
        |---|---|---|---|
        | 主管部门 | 某县人力资源和社会保障局 | | |
        | 项目资金（元） | 年度资金总额： | 12,458,3
        """)
        #expect(doc.projects.allSatisfy { $0.amount == nil })
    }

    /// The transfer payment's own name labels (`转移支付名称`, `转移支付（项目）名称`) name it; the
    /// title (`2024年中央对地方转移支付区域绩效目标表`) was taken as the name instead. And money
    /// labels of the 101号 templates: `政府性基金预算`, `省级补助`.
    @Test func transferPaymentNamesAndFundingLabels() throws {
        let doc = readForm("""
        2024年中央对地方转移支付区域绩效目标表

        | 转移支付（项目）名称 | 农村综合改革转移支付 | | |
        |---|---|---|---|
        | 省级主管部门 | 某省财政厅 | 县级主管部门 | 某县财政局 |
        | 资金情况（万元） | 年度金额： | 960.00 | |
        | | 其中：一般公共预算 | 0.00 | |
        | | 政府性基金预算 | 960.00 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补助村数 | 12个 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "农村综合改革转移支付")
        #expect(p.otherNames.isEmpty)
        // A 部门整体 form is named by its whole title (a department of a place names no project).
        #expect(Titles.projectName(inTitle: "青阳县市场监督管理局2024年部门整体支出绩效目标表") == nil)
        #expect(Titles.wholeDepartmentName(inTitle: "青阳县市场监督管理局2024年部门整体支出绩效目标表") == "青阳县市场监督管理局2024年部门整体支出绩效目标表")
        #expect(p.funding.map(\.label) == ["一般公共预算", "政府性基金预算"])
        #expect(Labels.field("省级补助") == .funding("省级补助"))
        // Both labels in one form: one project, the second name another name of it (review 5:
        // it started a second project with no amount).
        let both = readForm("""
        | 项目名称 | 普通高中办学条件改善 | 主管部门 | 石台县教育局 |
        |---|---|---|---|
        | 转移支付名称 | 改善普通高中学校办学条件补助资金 | 实施单位 | 石台中学 |
        | 年度资金总额（万元） | 210.00 | 其中：中央补助 | 210.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改造教室数量 | ≥12间 |
        """)
        #expect(both.projects.map(\.name) == ["普通高中办学条件改善"])
        // After a form with its amount, a name under another label starts the next form (review 6).
        let next = readForm("""
        | 项目名称 | 学生营养改善计划 | 主管部门 | 某县教育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 150.00 | 其中：财政拨款 | 150.00 |

        | 转移支付名称 | 义务教育薄弱环节改善与能力提升补助资金 | 主管部门 | 某县教育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 320.00 | 其中：财政拨款 | 320.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改造学校数 | ≥5所 |
        """)
        #expect(next.projects.map(\.amount) == [Money(wan: "150"), Money(wan: "320")])
        #expect(next.projects.first?.otherNames.isEmpty == true)
        #expect(both.projects.first?.otherNames == ["改善普通高中学校办学条件补助资金"])
        #expect(both.projects.first?.amount == Money(wan: "210"))
    }

    /// Forms one after another in one document, each a table of its own whose first row gives
    /// the name with more pairs beside it (`项目名称 | 乙项目 | 主管部门 | 某县文化局`): each starts
    /// a project. They were read as one form, the later forms' rows as its indicators
    /// (`项目名称 = 东至县文化旅游体育局`), and two projects lost. And a title's department before
    /// its year is the document's, for forms that name none.
    @Test func formsOneAfterAnotherEachStartAProject() throws {
        func form(_ second: String) -> String {
            """
            东至县文化旅游体育局2024年项目支出绩效目标表

            | 项目名称 | 文化惠民演出 | 主管部门 | 东至县文化旅游体育局 |
            |---|---|---|---|
            | 年度资金总额（万元） | 45.00 | 其中：财政拨款 | 45.00 |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 演出场次 | ≥120场 |
            | 满意度指标 | 服务对象满意度指标 | 观众满意度 | ≥90% |

            二、全民健身赛事项目

            | 项目名称 | 全民健身赛事活动 | \(second) |
            |---|---|---|---|
            | 年度资金总额（万元） | 28.6 | 其中：财政拨款 | 28.6 |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 举办赛事数量 | ≥8项 |
            | 满意度指标 | 服务对象满意度指标 | 参赛群众满意度 | ≥90% |
            """
        }
        for second in ["主管部门 | 东至县文化旅游体育局", " | "] {
            let doc = readForm(form(second))
            #expect(doc.projects.map(\.name) == ["文化惠民演出", "全民健身赛事活动"])
            #expect(doc.projects.map(\.amount) == [Money(wan: "45"), Money(wan: "28.6")])
            #expect(doc.projects.map(\.indicators.count) == [2, 2])
            #expect(doc.projects.allSatisfy { ($0.department.isEmpty ? doc.department : $0.department) == "东至县文化旅游体育局" })
            #expect(!doc.diagnostics.contains { $0.severity == .error })
        }
        // The title's department is the last before the page's publisher: a form's unit comes
        // first, and a finance bureau's title heads other departments' forms (review 5).
        let finance = readForm("""
        东至县财政局2024年县级项目支出绩效目标表

        | 项目名称 | 文化惠民演出 | 预算单位 | 东至县文化旅游体育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 45.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 演出场次 | ≥120场 |
        """)
        #expect(finance.projects.first?.rawDepartment == "东至县文化旅游体育局")
        let titleOnly = readForm(form(" | ").replacingOccurrences(of: " | 主管部门 | 东至县文化旅游体育局 |", with: " | | |"))
        #expect(titleOnly.projects.map(\.rawDepartment) == ["东至县文化旅游体育局", "东至县文化旅游体育局"])
        #expect(titleOnly.diagnostics.contains { $0.code == "department-from-title" })
    }

    /// A PDF's text layer that put a phone number before its label (`财政拨款 收入构成 支出构成
    /// 6296906 联系电话`): the number is the contact's. It was read as 财政拨款 and published as
    /// the amount, 6296906.00 万元.
    @Test func aPhoneNumberBeforeItsLabelIsNoAmount() {
        let doc = readForm("""
        某市人民政府办公室2021年部门整体支出绩效目标
        附件 2: 部门整体支出绩效目标申报表 填报日期:2021 年 1 月 28 日 部门(单位) 名称 填报人 某市人民政府办公室 张某 财政拨款 收入构成 支出构成 6296906 联系电话 总体资金情况 部门总体 资金情况 单位:万元 当年 金额 近两年收支金额 占比 年 年 968.191 8 其他资金 合计 968.191 8 100% 基本支出 7242318 74.8% 项目支出 243.96 25.2%
        """)
        #expect(!doc.projects.contains { $0.amount == Money(wan: "6296906") || $0.funding.contains { $0.amount == Money(wan: "6296906") } })
        #expect(TableReader.looksLikePhone("6296906") && TableReader.looksLikePhone("13912345678") && TableReader.looksLikePhone("0722-6296906"))
        #expect(!TableReader.looksLikePhone("968.19") && !TableReader.looksLikePhone("250000") && !TableReader.looksLikePhone("2021"))
        // A value right after its own label stays its value (`36000000` 元 is 3600 万元), and a
        // person's label is no phone's (review 5).
        for row in ["| 年度资金总额（元） | 36000000 | 联系人 | 李华 |", "| 年度资金总额（元） | 36000000 | 联系电话 | 0566-1234567 |"] {
            let doc = readForm("""
            | 项目名称 | 农村道路养护 | 主管部门 | 某县交通运输局 |
            |---|---|---|---|
            \(row)
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 养护里程 | ≥100公里 |
            """)
            #expect(doc.projects.first?.amount == Money(wan: "3600"), "\(row)")
        }
        let code = readForm("""
        | 项目名称 | 农村道路养护 | 主管部门 | 某县交通运输局 |
        |---|---|---|---|
        | 项目编码 | 20240015 | 项目负责人 | 陈林 |
        | 年度资金总额（万元） | 100 | | |
        """)
        #expect(code.projects.first?.code == "20240015")
    }

    /// A table that has ended (a blank line after its last row) is not continued by a line of
    /// text: the signature under a form (`东至县财政局 东至县农业农村局`) was read as an indicator
    /// `东至县财政局 = 东至县农业农村局`.
    @Test func aLineAfterATableIsNoneOfItsRows() throws {
        let doc = readForm("""
        | 项目名称 | 农机购置补贴 | 主管部门 | 东至县农业农村局 |
        |---|---|---|---|
        | 资金情况（万元） | 年度金额 | 280 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补贴机具数量 | ≥650台 |
        | 满意度指标 | 服务对象满意度指标 | 购机户满意度 | ≥85% |

        东至县财政局 东至县农业农村局
        2024年3月12日
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.name) == ["补贴机具数量", "购机户满意度"])
        // A last row a converter left outside the table still reads as one (review 5).
        let outside = readForm("""
        | 项目名称 | 农机购置补贴 | 主管部门 | 东至县农业农村局 |
        |---|---|---|---|
        | 资金情况（万元） | 年度金额 | 280 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补贴机具数量 | ≥650台 |

        满意度指标 服务对象满意度指标 购机户满意度 ≥85%
        """)
        #expect(outside.projects.first?.indicators.map(\.name) == ["补贴机具数量", "购机户满意度"])
    }

    /// A page cut inside the last indicator's value (`补贴资金发放准确率 | 10` of `100%`): the
    /// value cut short is none, said at its line; a cut in a column after the value (the weight)
    /// leaves the value (review 4).
    @Test func aValueCutAtTheEndOfThePage() throws {
        let head = """
        | 项目名称 | 公益性岗位补贴 | 主管部门 | 某县人力资源和社会保障局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 80 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
        | 产出指标 | 数量指标 | 补贴人数 | ≥200人 | 10 |

        """
        let cut = readForm(head + "| | 质量指标 | 补贴资金发放准确率 | 10")
        let p = try #require(cut.projects.first)
        #expect(p.indicators.map(\.name) == ["补贴人数", "补贴资金发放准确率"])
        #expect(p.indicators.last?.value == nil)
        #expect(cut.diagnostics.contains { $0.code == "value-cut" && $0.location.line == 6 })
        let weightCut = readForm(head + "| | 质量指标 | 补贴资金发放准确率 | 100% | 1")
        #expect(weightCut.projects.first?.indicators.last?.value == "100%")
        #expect(!weightCut.diagnostics.contains { $0.code == "value-cut" })
        let closed = readForm(head + "| | 质量指标 | 补贴资金发放准确率 | 100% | 10 |")
        #expect(!closed.diagnostics.contains { $0.code == "value-cut" })
        // A value with its unit is whole; a table written without outer pipes ends open (review 6).
        let unit = readForm(head + "| | 数量指标 | 新建消防水池数量 | 1座")
        #expect(unit.projects.first?.indicators.last?.value == "1座")
        let open = readForm("""
        项目名称 | 公益性岗位补贴 | 主管部门 | 某县人力资源和社会保障局
        --- | --- | --- | ---
        年度资金总额（万元） | 80 | |
        一级指标 | 二级指标 | 三级指标 | 指标值
        产出指标 | 数量指标 | 补贴人数 | 200
        """)
        #expect(open.projects.first?.indicators.last?.value == "200")
    }

    /// A funding line written `其中：财政拨款：50万` in one cell is the funding line (it was a 资金用途
    /// narrative), and a breakdown's header on a row of its own (`子项目名称 | 支出内容 | 金额`) is
    /// no item of it (review 4).
    @Test func aSourceAfterQizhongInOneCellAndABreakdownsHeader() throws {
        let doc = readForm("""
        项目支出绩效目标表
        （2024年度）
        | 项目名称 | 社区居家养老服务中心运营补助 | | |
        | 主管部门 | 某区民政局 | 实施单位 | 某区民政局 |
        | 项目资金 | 年度资金总额：50万 | | |
        | | 其中：财政拨款：50万 | | |
        | 绩效支出明细 | | | |
        | 单位：元 | | | |
        | 子项目名称 | 支出内容 | 金额 | |
        | 运营补助 | 8个社区中心运营补贴 | 400,000 | |
        | 星级评定奖励 | 评定为三星及以上中心奖励 | 100,000 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补助中心数量 | =8个 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.label) == ["财政拨款"])
        #expect(p.funding.first?.amount == Money(wan: "50"))
        #expect(p.subItems.map(\.name) == ["运营补助", "星级评定奖励"])
        // Read by the header's columns: the content column is no amount.
        #expect(p.subItems.map(\.fullYear) == [Money(yuan: "400000"), Money(yuan: "100000")])
        #expect(p.subItems.allSatisfy { $0.halfYear == nil })
        #expect(!doc.diagnostics.contains { $0.code == "unreadable-amount" })
        #expect(!p.sections.contains { $0.text.contains("财政拨款") })
    }

    /// Last year's and this year's money with the change beside them (`上年预算数 | 本年预算数 |
    /// 增减`): the year's column is told, the change column is one more (review 4: each line had
    /// three amounts, and none was read).
    @Test func lastYearThisYearAndTheChange() throws {
        let doc = readForm("""
        | 项目名称 | 农村公路养护工程 | 主管部门 | 某县交通运输局 |
        |---|---|---|---|
        | 资金情况（万元） | 上年预算数 | 本年预算数 | 增减 |
        | 其中：财政拨款 | 1,000.00 | 980.00 | -20.00 |
        | 其他资金 | 200.00 | 0.00 | -200.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 日常养护里程 | ≥1260公里 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.amount) == [Money(wan: "980"), Money(wan: "0")])
        #expect(p.amount == Money(wan: "980"))
        #expect(TableReader.amountColumns(of: ["资金情况（万元）", "上年预算数", "本年预算数", "增减"])! == (2, 1, true))
        // The change cell blank, a dash or words (review 6).
        for change in ["", "—", "养护里程减少"] {
            let other = readForm("""
            | 项目名称 | 农村公路养护工程 | 主管部门 | 某县交通运输局 |
            |---|---|---|---|
            | 资金情况（万元） | 上年预算数 | 本年预算数 | 增减变动原因 |
            | 其中：财政拨款 | 1,000.00 | 980.00 | \(change) |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 日常养护里程 | ≥1260公里 |
            """)
            #expect(other.projects.first?.amount == Money(wan: "980"), "\(change)")
        }
        #expect(TableReader.amountColumns(of: ["增减", "本年预算数"]) == nil)
    }

    /// 山西's 申报表 (harvest 7): `项目预算资金(万元) | 中期预算资金总额 | 年度预算资金总额 | 25`
    /// with the 中期 value left blank, `项目期限 | 3年`, and a title whose issuer is `…市级预算
    /// 部门(单位)`. The amount was lost and the title kept as the project's other name.
    @Test func shanxiApplicationForm() throws {
        let doc = readForm("""
        山西省阳泉市市级预算部门(单位)项目支出绩效目标申报表 | |||||||
        2021年 | |||||||
        项目名称 | 农村公路工作经费 | ||||||
        主管部门及代码 | 阳泉市交通运输局 | 实施单位 | 阳泉市公路服务中心 | ||||
        项目属性 | 延续性项目 | 项目期限 | 3年 | ||||
        项目预算资金(万元) | 中期预算资金总额 | 年度预算资金总额 | 25 | ||||
        一级指标 | 二级指标 | 三级指标 | 指标值 | ||||
        产出指标 | 数量指标 | 督导检查次数 | ≥12次 | ||||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "25"))
        #expect(p.period == "3年")
        #expect(p.otherNames.isEmpty)
    }

    /// An evaluation report with its indicator table (`年度指标值 | 实际完成值`): one column of
    /// what was achieved under the report's title is the report's table. It was read as a form
    /// and failed the build (review 4).
    @Test func anEvaluationReportWithItsTable() {
        let doc = readForm("""
        某县民政局2023年度困难群众救助补助资金项目绩效评价报告

        一、项目基本情况

        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |
        |---|---|---|---|---|
        | 产出指标 | 数量指标 | 救助人数 | ≥5000人 | 5120人 |
        """)
        #expect(doc.kind == .evaluationReport && doc.projects.isEmpty)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        // With its amount read, a report is told by its own sections (`评价结论`); a target form
        // under such a title with a 实际完成值 column left blank, and none, is a form (review 7).
        let withAmount = """
        某县民政局2023年度困难群众救助补助资金项目绩效评价报告

        | 项目名称 | 困难群众救助补助资金 | 主管部门 | 某县民政局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 2856.40 | 其中：财政拨款 | 2856.40 |
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |
        | 产出指标 | 数量指标 | 救助人数 | ≥5000人 | 5230人 |

        """
        #expect(readForm(withAmount + "二、绩效评价结论\n\n综合评分92.5分。").kind == .evaluationReport)
        #expect(readForm(withAmount.replacingOccurrences(of: "5230人", with: "")).projects.first?.amount == Money(wan: "2856.4"))
    }

    /// A 部门整体 form titled `…部门整体绩效目标表` (no 支出), its year on a line of its own: the
    /// title was taken for the heading of a document's 部门整体绩效目标 section, and the form
    /// failed with missing-name (review 4).
    @Test func aWholeDepartmentFormTitledWithoutZhichu() throws {
        let doc = readForm("""
        池州市贵池区教育体育局部门整体绩效目标表

        （2024年度）

        | 部门名称 | 池州市贵池区教育体育局 | | |
        |---|---|---|---|
        | 金额合计 | 年度资金总额 | 2,650.0 | |
        | 年度总体目标 | 巩固义务教育均衡发展成果。 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 义务教育在校学生数 | ≥4.1万人 |
        | 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "池州市贵池区教育体育局部门整体绩效目标表")
        #expect(p.amount == Money(wan: "2650"))
        #expect(p.year == 2024)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    /// A title that names only money of a kind (`专项资金绩效目标表`) names no project.
    @Test func aTitleOfSpecialFundsNamesNoProject() {
        #expect(Titles.projectName(inTitle: "专项资金绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "2024年就业补助资金绩效目标表") == "2024年就业补助资金")
    }

    /// An indicator header whose first cell a page broke over lines (`一级` / `指标` / `二级指标
    /// 三级指标 指标值`): one header. Before, the header was published as a `资金用途` narrative and
    /// the indicators under it were lost (`指标` alone is a flat list's column, so the fragments
    /// were not joined).
    @Test func aHeaderWhoseFirstCellIsBrokenOverLines() throws {
        let doc = readForm("""
        2023年项目支出绩效目标表
        项目名称 残疾儿童康复救助
        主管部门 某县残疾人联合会
        资金总额 60
        年度目标
        为残疾儿童提供基本康复服务

        一级
        指标
        二级指标 三级指标 指标值
        产出指标 数量指标 救助儿童人数 ≥120人
        质量指标 康复训练达标率 ≥90%
        满意度指标 服务对象满意度指标 家长满意度 ≥90%
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "60")!)
        #expect(p.indicators.map(\.name) == ["救助儿童人数", "康复训练达标率", "家长满意度"])
        #expect(!p.sections.contains { $0.text.contains("三级指标") })
    }

    /// An amount's label at a line's end, its unit on the next line and its value on the one
    /// after (`…项目申报金额` / `(万元)` / `2243.02`): the value is the amount, in that unit. Before,
    /// `(万元)` took the label's place and the amount was lost.
    @Test func aUnitOnALineBetweenAnAmountsLabelAndItsValue() throws {
        let doc = readForm("""
        某街道办事处2021年重点项目绩效目标表
        预算单位某街道办事处项目主管部门某街道办事处项目名称背街小巷维护经费
        项目预计开始时间1/1/2021预计完成时间12/31/2021项目申报金额
        (万元)
        85.6
        项目属性延续
        项目概况背街小巷市政设施维护
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "85.6")!)
        #expect(p.amountUnit == .wan)
        #expect(p.period == "1/1/2021—12/31/2021")
        let inYuan = readForm("""
        某街道办事处2021年重点项目绩效目标表
        预算单位某街道办事处项目主管部门某街道办事处项目名称背街小巷维护经费项目申报金额
        (元)
        856000
        """)
        #expect(inYuan.projects.first?.amount == Money(wan: "85.6")!)
    }

    /// A 繁體 page (a mirror, a site's traditional version) is read in simplified, the script of
    /// the form and of every label; a mirror's pinyin after characters (`項(xiàng)目`) is taken
    /// out first. Before, none of it was recognised (`unrecognised-layout`). Simplified text is
    /// left as it is, also with a traditional character in a name.
    @Test func aFormInTraditionalScriptWithAMirrorsPinyin() throws {
        let doc = readForm("""
        | 2024年項(xiàng)目支出績效目標(biāo)表 | | | |
        | 項(xiàng)目名稱 | 農村飲水安全維修養護 | | |
        | 主管部門 | 某縣水利局 | 實施單位 | 某縣水利局 |
        | 項目資金(萬元) | 年度資金總額 | 85 | |
        | 年度目標 | 完成農村飲水工程維修養護 | | |
        | 一級指標 | 二級指標 | 三級指標 | 指標值 |
        | 產出指標 | 數量指標 | 維修工程處數 | ≥30處 |
        | 滿意度指標 | 服務對象滿意度指標 | 群眾滿意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "农村饮水安全维修养护")
        #expect(p.rawDepartment == "某县水利局")
        #expect(p.amount == Money(wan: "85")!)
        #expect(p.indicators.map(\.name) == ["维修工程处数", "群众满意度"])
        #expect(doc.diagnostics.contains { $0.code == "traditional-script" && $0.location.line == 1 })
        #expect(doc.diagnostics.contains { $0.code == "pinyin-removed" && $0.location.line == 1 })

        let simplified = readForm("""
        | 2024年项目支出绩效目标表 | | | |
        | 项目名称 | 乾隆御碑亭修缮(一期) | | |
        | 主管部门 | 某县文物局 | 实施单位 | 某县文物局 |
        | 项目资金(万元) | 年度资金总额 | 40 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 修缮面积 | 120平方米 |
        """)
        #expect(simplified.projects.first?.name == "乾隆御碑亭修缮(一期)")
        #expect(!simplified.diagnostics.contains { $0.code == "traditional-script" || $0.code == "pinyin-removed" })
        #expect(Script.withoutPinyin(Array("项(xiàng)目 绩(jì)效 标(biāo) (2024) 万元(wan) 表(a)".utf8))?.bytes == Array("项目 绩效 标 (2024) 万元(wan) 表(a)".utf8))
    }

    /// A finance department's notice handing down money, its targets only named as an attachment
    /// (`关于下达…专项资金的通知` … `附件: 2.…绩效目标表.xls`), and a self-evaluation run together
    /// on one line (`年初目标值()实际完成值()得分`) are look-alikes, said as such: before, each
    /// failed the build as an unrecognised form.
    @Test func aNoticeWithItsTargetsAttachedAndARunTogetherSelfEvaluation() {
        let notice = readForm("""
        某省财政厅关于下达2024年体育事业发展专项资金的通知
        各有关市县财政局:
        现下达2024年体育事业发展专项资金1200万元(具体项目见附件1),请按规定用途使用。
        附件:1.2024年体育事业发展专项资金分配表.xls
        2.2024年体育事业发展专项资金绩效目标表.xls
        """)
        #expect(notice.kind == .notice)
        #expect(notice.projects.isEmpty)
        #expect(!notice.diagnostics.contains { $0.severity == .error })
        let selfEvaluation = readForm("""
        2023年学生资助项目绩效目标自评表项目名称某学院学生资助项目主管部门某省教育厅预算执行情况(万元)预算数()执行数()执行率()得分一级指标二级指标三级指标年初目标值()实际完成值()得分产出指标数量指标资助人数≥500人520人10
        """)
        #expect(selfEvaluation.kind == .selfEvaluation)
        #expect(selfEvaluation.projects.isEmpty)
        #expect(!selfEvaluation.diagnostics.contains { $0.severity == .error })
    }

    /// A document that says it is a self-evaluation (`…部门整体绩效自评表`) with its columns run
    /// together into its text (`年初预算数全年(调整)预算数全年执行数执行率`, a document site's
    /// text): said as one (harvest 7; it failed the build as an unrecognised form).
    @Test func aSelfEvaluationThatSaysSo() {
        let doc = readForm("""
        《某区林业局2022年度部门整体绩效自评表.docx》由会员分享,可在线阅读。
        1、某区林业局2022年度部门整体绩效自评表主管部门某区林业局部门联系人李某联系电话自评总分(分)97.93年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分年度预算执行情况(万元)部门整体支出总额1234.5
        """)
        #expect(doc.kind == .selfEvaluation && doc.projects.isEmpty)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    /// A form's title that says it is a template or a sample (`…申报表(范本)`, `…填写样例`), no
    /// amount read: a template, said as such. A blank 范本 run together had its labels and
    /// instructions published as project names and failed the build (harvest 7).
    @Test func aTemplateOrASampleSaysSo() {
        let doc = readForm("""
        1、附件1:财政支出项目绩效目标申报表(范本)填报单位(盖章)单位代码单位名称项目名称是否新增是 否上年度预算安排资金(万元)项目类型社会发展性项目 部门发展性项目 项目实施单位项目负责人联系电话项目起止时间 项目资金申请(万元)资金总额:
        """)
        #expect(doc.kind == .blankTemplate && doc.projects.isEmpty)
        #expect(!doc.diagnostics.contains { $0.severity == .error })
        // A filled form whose project is about samples is a form.
        let form = readForm("""
        | 项目名称 | 土壤样例检测 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 30 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 检测样品数 | ≥500个 |
        """)
        #expect(form.kind == .targets && form.projects.count == 1)
    }

    /// Where this stop's look-alike and name rules must not reach (review 7): a target form with
    /// its amount is a form though its prose cites a self-evaluation's columns and a line below
    /// names a 自评表; a name under another label in the same table after the amount is the
    /// same form's other name; a filled form under a `(范本)` title is a form; breakdown rows with
    /// amounts in words are items; a negative amount beside a change column is not the year's.
    @Test func whereTheLookAlikeAndNameRulesMustNotReach() throws {
        let cites = readForm("""
        某县教育体育局2024年部门整体支出绩效目标表

        | 部门名称 | 某县教育体育局 | | |
        |---|---|---|---|
        | 金额合计 | 年度资金总额 | 2,650.0 | |
        | 年度总体目标 | 对照上年年初预算数和全年执行数，提高预算执行率，巩固义务教育均衡发展成果，确保各项工作按期完成。 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 义务教育在校学生数 | ≥4.1万人 |

        附件：2023年度部门整体绩效自评表（另行公开）
        """)
        #expect(cites.kind == .targets && cites.projects.first?.amount == Money(wan: "2650"))
        let sameTable = readForm("""
        | 项目名称 | 普通高中办学条件改善 | 主管部门 | 某县教育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 210.00 | 其中：中央补助 | 210.00 |
        | 转移支付名称 | 改善普通高中学校办学条件补助资金 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 改造教室数量 | ≥12间 |
        """)
        #expect(sameTable.projects.map(\.name) == ["普通高中办学条件改善"])
        #expect(sameTable.projects.first?.indicators.count == 1)
        let filledSpecimen = readForm("""
        财政支出项目绩效目标申报表(范本)

        | 项目名称 | 耕地地力保护补贴 | 主管部门 | 某县农业农村局 |
        |---|---|---|---|
        | 年度资金总额 | 壹仟捌佰伍拾万元 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 补贴面积 | ≥30万亩 |
        """)
        #expect(filledSpecimen.kind == .targets && filledSpecimen.projects.map(\.name) == ["耕地地力保护补贴"])
        #expect(!TableReader.isSubItemsHeader(["送戏下乡项目", "全年演出资金", "二十万元"]))
        #expect(TableReader.isSubItemsHeader(["子项目名称", "支出内容", "金额"]))
        let negative = readForm("""
        | 项目名称 | 农村公路养护工程 | 主管部门 | 某县交通运输局 |
        |---|---|---|---|
        | 资金情况（万元） | 上年预算数 | 本年预算数 | 增减 |
        | 其中：财政拨款 | | 980.00 | -20.00 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 日常养护里程 | ≥1260公里 |
        """)
        #expect(!negative.projects.contains { $0.amount == Money(wan: "-20") })
        #expect(negative.diagnostics.contains { $0.code == "amount-ambiguous" })
    }

    /// Notices as web pages store them (harvest 7): the title run on into the notice's first
    /// words on one line; no title, only the line that addresses it (`各有关乡镇财政所、农业服务
    /// 中心:`); a title over a form cut at its first row. Each failed the build as an
    /// unrecognised form. A notice named inside a sentence (`根据《…关于…的通知》`) is no title:
    /// a form under such a sentence stays a form.
    @Test func noticesAsPagesStoreThem() {
        let runOn = readForm("""
        某县财政局某县交通运输局关于下达2022年度第三批交通项目市级补助资金的通知各有关乡镇人民政府,县直有关单位:根据《某市财政局某市交通运输局关于下达2022年度第三批交通项目市级补助资金的通知》,现将资金下达给你们,请按照绩效目标做好管理。附件:2022年第三批交通项目市级补助资金绩效目标表
        """)
        #expect(runOn.kind == .notice && runOn.projects.isEmpty)
        let addressed = readForm("""
        各有关乡镇财政所、农业服务中心:
        根据《某市财政局关于下达2020年市级财政专项扶贫资金的通知》文件精神,现将市级财政专项扶贫资金12万元下达给你们。
        附件:1. 2020年市级财政专项扶贫资金安排表
        2. 2020年市级财政专项扶贫资金绩效目标表
        """)
        #expect(addressed.kind == .notice && addressed.projects.isEmpty)
        #expect(!addressed.diagnostics.contains { $0.severity == .error })
        let cut = readForm("""
        某县财政局 某县乡村振兴局关于下达省级乡村振兴试点示范资金的通知
        各有关乡(镇):
        附件:2、省级乡村振兴试点示范专项资金绩效目标表
        省级乡村振兴试点示范专项资金绩效目标表
        项目名称 |
        省级乡村振兴试点示范
        """)
        #expect(cut.kind == .notice && cut.projects.isEmpty)
        #expect(DocumentKinds.isSalutation("区委组织部、退役军人局:"))
        #expect(!DocumentKinds.isSalutation("项目名称:") && !DocumentKinds.isSalutation("主管部门："))
        #expect(!DocumentKinds.isNoticeTitle("根据《福建省财政厅关于开展省直部门2016年度专项支出绩效自评工作的通知》(闽财绩〔2016〕5号)要求,现将本单位项目绩效目标报送如下,请审核。"))
        #expect(!DocumentKinds.isNoticeTitle("根据县财政局关于做好2024年部门预算绩效目标公开工作的通知要求，现将我局项目绩效目标公开如下："))
    }

    // MARK: Where this stop's rules must not reach (a second adversarial review)

    /// The two-row funding header splits only what it certainly splits: levels of government
    /// split government money that names no level (not `中央财政资金` beside `地方资金`, where
    /// the sums cannot tell), other parts (`自筹 | 其他`) split only a lone source; and with a
    /// blank cell left out of the values row, not even the amount is taken by position.
    @Test func aTwoRowFundingHeaderSplitsOnlyWhatItCertainlySplits() throws {
        func form(_ header: String, _ parts: String, _ values: String) -> String {
            """
            | 专项资金绩效目标申报表 | | | | | |
            | (2024年度) | | | | | |
            | 专项名称 | 农村公路养护工程 | | | | |
            | 主管部门 | 某区交通运输局 | 专项起止时间 | 2024年1月至12月 | | |
            | 专项资金情况 | \(header) | | |
            | \(parts) | | | |
            | \(values) |
            | 本年度绩效 目标 | 完成农村公路日常养护156公里 | | | | |
            | 专项年度绩效指标 | 一级指标 | 二级指标 | 三级指标内容 | 指标值及单位 | |
            | 产出指标 | 数量指标 | 养护里程 | ≥156公里 | | |
            """
        }
        let levelsOfWhich = readForm(form("本年度预计投入(万元) | 中央财政资金(万元) | 地方资金(万元)", "省级 | 市级 | 县级", "100 | 60 | 20 | 10 | 10"))
        #expect(levelsOfWhich.projects.first?.amount == Money(wan: "100")!)
        #expect(levelsOfWhich.projects.first?.funding.isEmpty == true)
        #expect(levelsOfWhich.diagnostics.contains { $0.code == "funding-split-unclear" })
        let otherParts = readForm(form("本年度预计投入(万元) | 财政拨款(万元) | 其他资金(万元)", "自筹 | 其他", "50 | 30 | 15 | 5"))
        #expect(otherParts.projects.first?.amount == Money(wan: "50")!)
        #expect(otherParts.projects.first?.funding.isEmpty == true)
        let blank = readForm(form("本年度预计投入(万元) | 财政资金(万元) | 其他", "中央 | 省级 | 市级 | 本级", " |  | 10 | 20 |  | "))
        #expect(blank.projects.first?.amount == nil)
        #expect(blank.diagnostics.contains { $0.code == "funding-split-unclear" })
        // A value alone at the row's start is the first column's (a page stored a cell a line
        // lost the blank cells after it): the amount, the sources unread.
        let alone = readForm(form("本年度预计投入(万元) | 财政资金(万元) | 其他", "中央 | 省级 | 市级 | 本级", "30"))
        #expect(alone.projects.first?.amount == Money(wan: "30")!)
        #expect(alone.projects.first?.funding.isEmpty == true)
        #expect(alone.diagnostics.contains { $0.code == "funding-split-unclear" })
    }

    /// 投入 names the year's money only when it names no one who puts it in: `年度财政投入(万元)
    /// 80 | 年度社会资本投入(万元) 20` are two sources (the first was read as the amount and the
    /// 20 lost).
    @Test func anInvestmentBySomeoneIsNoAmount() {
        #expect(Labels.field("本年度预计投入(万元)") == .yearAmount)
        #expect(Labels.field("年度财政投入(万元)") == nil)
        #expect(Labels.field("年度社会资本投入(万元)") == nil)
    }

    /// The script conversion leaves simplified text alone, also when it quotes a traditional
    /// name (`“中華兩岸青年發展協會”`); in a traditional page, the characters simplified also
    /// writes stay (乾县, 瞭望塔, 显著; ICU gives 干县, 了望塔, 显着); a form's own pinyin gloss of a
    /// rare character (`畲(shē)族`) stays.
    @Test func theScriptConversionLeavesWhatSimplifiedWrites() throws {
        let quoting = readForm("""
        | 2024年项目支出绩效目标表 | | | |
        | 项目名称 | 闽台乡村振兴基层交流活动 | | |
        | 主管部门 | 某县台港澳事务办公室 | 实施单位 | 某县乾元镇人民政府 |
        | 项目资金(万元) | 年度资金总额 | 18 | |
        | 项目概况 | 邀请“中華兩岸青年發展協會”“臺灣績優農業經營者聯誼會”来我县交流，参访瞭望塔 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 效益指标 | 社会效益指标 | 两岸基层交流成效 | 显著 |
        """)
        #expect(quoting.projects.first?.unit == "某县乾元镇人民政府")
        #expect(quoting.projects.first?.indicators.first?.targets.first?.value == "显著")
        #expect(!quoting.diagnostics.contains { $0.code == "traditional-script" })
        let traditional = readForm("""
        | 2024年項目支出績效目標表 | | | |
        | 項目名稱 | 乾縣森林防火瞭望塔建設 | | |
        | 主管部門 | 乾縣林業局 | 實施單位 | 乾縣林業工作站 |
        | 項目資金(萬元) | 年度資金總額 | 120 | |
        | 年度目標 | 新建森林防火瞭望塔3座，森林火災防控效果顯著 | | |
        | 一級指標 | 二級指標 | 三級指標 | 指標值 |
        | 產出指標 | 數量指標 | 新建瞭望塔數量 | 3座 |
        """)
        let p = try #require(traditional.projects.first)
        #expect(p.name == "乾县森林防火瞭望塔建设")
        #expect(p.rawDepartment == "乾县林业局")
        #expect(p.sections.first?.text == "新建森林防火瞭望塔3座，森林火灾防控效果显著")
        #expect(Script.withoutPinyin(Array("畲(shē)族“三月三”民俗文化节".utf8)) == nil)
    }

    /// A real form is no look-alike because a 立项依据 cites a notice (`关于印发…的通知`) on a page
    /// that lost its header, nor because its 项目概况 says last year's 实际完成值 reached the
    /// 年初目标值 (a sentence, not a self-evaluation's columns).
    @Test func aFormThatCitesANoticeOrLastYearsResultsIsAForm() throws {
        let cut = readForm("""
        项目立项依据 关于印发《某县农村人居环境整治提升五年行动实施方案》的通知
        年度绩效目标 完成全县120个行政村生活垃圾收运处理，农村人居环境明显改善
        产出指标 数量指标 覆盖行政村数量 120个
        质量指标 生活垃圾无害化处理率 ≥95%
        满意度指标 服务对象满意度指标 群众满意度 ≥90%
        """)
        #expect(cut.kind != .notice)
        #expect(cut.diagnostics.contains { $0.severity == .error })
        let form = readForm("""
        | 2024年项目支出绩效目标表 | | | |
        | 项目名称 | 城乡环卫一体化运营 | | |
        | 主管部门 | 某县城市管理局 | 实施单位 | 某县环境卫生管理所 |
        | 年度资金总额(万元) | 500 | 其中：财政拨款(万元) | 500 |
        | 项目概况 | 本项目为延续项目，2023年各项绩效指标实际完成值均达到年初目标值，群众满意度96%。 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 清扫保洁面积 | 120万平方米 |
        | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
        """)
        #expect(form.kind == .targets)
        #expect(form.projects.first?.amount == Money(wan: "500")!)
    }

    /// 东莞's 批复表, as a web page stores it: the indicator header broken at the line breaks
    /// inside its cells (`绩效指标 | 一级 指标 |` / `二级 指标 |` / …), the 中期 and 年度 columns
    /// side by side, categories and columns that name their alternatives in brackets
    /// (`数量指标(或建筑规模指标)`, `指标值(或计划水平)`, `时效指标(工期指标)`), and the goals'
    /// header `总体目标 | 中期滚动目标(2019年--2021年) | 年度目标` over two texts. Before, every
    /// indicator row was published as a narrative and the 中期 goal's text as a narrative's title.
    @Test func dongguansApprovalFormWithItsHeaderBrokenOverLines() throws {
        let doc = readForm("""
        东莞市财政项目支出绩效目标批复表 | |||||||||
        ( 2024 年度) | |||||||||
        预算单位:东莞市某局 | |||||||||
        项目 名称 |
        智慧路灯改造工程 | 中期市财政预算(万元) | 3000.00 | 本年度申请市财政预算资金(万元) | 1200.00 | ||||
        总体目标 | 中期滚动目标(2024年--2026年) | 年度目标 | |||||||
        三年改造路灯1.2万盏。 | 完成4000盏路灯改造。 | ||||||||
        绩效指标 | 一级 指标 |
        二级 指标 |
        三级 指标 |
        指标值(或计划水平) | 二级 指标 |
        三级 指标 |
        计划指标值(或计划水平) | ||
        预期产出指标 | 数量指标(或建筑规模指标) | 改造路灯数量 | 12000盏 | 数量指标(或建筑规模指标) | 改造路灯数量 | 4000盏 | ||
        时效指标(工期指标) | 完工及时率 | 100% | 时效指标(工期指标、形象进度指标) | 完工及时率 | 100% | ||||
        预算(或投资规模)控制指标 | 年度预算执行率 | ≥90% | 预算(或投资规模)控制指标 | 年度预算执行率 | ≥95% | ||||
        效果指标 | 社会、经济、生态效益 指标 | 节电率 | ≥30% | 社会、经济、生态效益 指标 | 节电率 | ≥30% | ||||
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "1200")!)
        // Two texts under three goals' labels: which is whose cannot be told (总体目标 may head
        // the other two, or a blank cell was left out); both are kept as 总体目标, and said.
        #expect(p.sections.filter(\.isGoal).map { "\($0.title)=\($0.text)" } == ["总体目标=三年改造路灯1.2万盏。", "总体目标=完成4000盏路灯改造。"])
        #expect(doc.diagnostics.contains { $0.code == "goal-columns-unclear" })
        #expect(p.indicators.map(\.name) == ["改造路灯数量", "完工及时率", "年度预算执行率", "节电率"])
        #expect(p.indicators.map(\.level1) == ["预期产出指标", "预期产出指标", "预期产出指标", "效果指标"])
        // The year's targets are the second group's (the goals say 中期 first), the 中期 ones kept.
        #expect(p.indicators.map { $0.targets.first?.value } == ["4000盏", "100%", "≥95%", "≥30%"])
        #expect(p.indicators.map { $0.targets.last?.term } == ["中期", "中期", "中期", "中期"])
        #expect(!p.sections.contains { $0.text.contains("二级") || $0.title.contains("指标") })
    }

    /// Goals' labels in one row (`中期目标(2024年—2026年) | 年度目标`) with their texts a row each
    /// below: each label its text (before, the 年度 text was left unread); a table's caption
    /// (`绩 效 指 标`) is no goal's text.
    @Test func goalsLabelsInOneRowWithTheirTextsARowEach() throws {
        let doc = readForm("""
        项目名称 | 农产品质量安全监测 | ||||
        主管部门 | 某市农业农村局 | ||||
        项目资金(万元) | 年度资金总额 | 51.35 | |||
        总 体 目 标 |
        中期目标(2024年—2026年) | 年度目标 | |||||
        三年内检测批次达到每千人2批次 |
        全年监督抽检100批次 |
        ||||||
        绩 效 指 标 |
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 监督抽检批次 | ≥100批次 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.sections.filter(\.isGoal).map { "\($0.title)=\($0.text)" } == ["中期目标(2024年—2026年)=三年内检测批次达到每千人2批次", "年度目标=全年监督抽检100批次"])
        #expect(p.indicators.map(\.name) == ["监督抽检批次"])
        #expect(!doc.diagnostics.contains { $0.code == "unlabelled-row" })
    }

    /// Where the goal and bracket rules must not reach (a third review): a period in brackets
    /// tells value columns apart (`指标值(2024年—2026年) | 指标值(2024年)`) and is kept; three goals'
    /// labels over two texts with one left blank are not given by guess; a form's prose that
    /// says last year's 实际完成值 reached the 年初目标值 is no self-evaluation, with or without 。.
    @Test func periodsTellColumnsApartAndGoalsAreNotGuessed() throws {
        #expect(Labels.field("中期滚动目标(2019年--2021年)") == .narrative("中期滚动目标(2019年--2021年)", isGoal: true))
        #expect(Labels.field("绩效目标(2024—2026年)") == nil)
        #expect(IndicatorHeader.role(of: "指标值(2024年—2026年)") == nil)
        #expect(IndicatorHeader.role(of: "指标值(或计划水平)") == .value)
        let goals = readForm("""
        | 2024年项目支出绩效目标表 | | | |
        | 项目名称 | 农村供水工程维修养护 | | |
        | 主管部门 | 某县水利局 | 实施单位 | 某县水利局 |
        | 项目资金(万元) | 年度资金总额 | 120 | |
        | 总体目标 | 年度目标 | 中长期目标 | |
        | 建立农村供水工程长效管护机制 | 完成维修养护供水工程45处 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修养护工程处数 | ≥45处 |
        """)
        let p = try #require(goals.projects.first)
        #expect(p.sections.filter(\.isGoal).map(\.title) == ["总体目标", "总体目标"])
        let prose = readForm("""
        | 2024年项目支出绩效目标表 | | | |
        | 项目名称 | 农村供水工程维修养护 | | |
        | 主管部门 | 某县水利局 | 实施单位 | 某县水利局 |
        | 项目资金(万元) | 年度资金总额 | 120 | |
        | 项目概况 | 本项目为延续项目,2023年各项指标实际完成值均达到年初目标值,自评得分95分,群众满意 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修养护工程处数 | ≥45处 |
        """)
        #expect(prose.kind == .targets)
        #expect(prose.projects.first?.amount == Money(wan: "120")!)
    }

    // MARK: Where the value words must not reach (review 8)

    /// `完成…` reads as a value (`完成`, `完成年度任务`), and names start so too: `完成乡镇国土空间
    /// 规划编制个数 | =11个` under 三级 and 指标值, its categories merged from above, was taken for
    /// more values of the indicator above (`不动产登记办件量 = ≥2.6万件; =11个`), in every shape a
    /// converter made of the Word form. Where the value column holds a value, the 三级 column's
    /// `完成…` is the name; in a cell-a-paragraph stream, `完成…` before a value starts a row. And
    /// a label column named with its term (`年度绩效指标`) is the table's label column: the header
    /// keeps its place, and the rows stay under their columns.
    @Test func anIndicatorNamedWithDoneBeforeAValueIsAnIndicator() throws {
        let table = """
        | 项目名称 | 国土空间规划 | | | |
        |---|---|---|---|---|
        | 主管部门 | 某县自然资源和规划局 | | | |
        | 年度资金总额（万元） | 580 | | | |
        | 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | | 产出指标 | 数量指标 | 不动产登记办件量 | ≥2.6万件 |
        | | | | 完成乡镇国土空间规划编制个数 | =11个 |
        | | | 时效指标 | 办结时限 | ≤3个工作日 |
        | | | | | 完成 |
        """
        let p = try #require(readForm(table).projects.first)
        #expect(p.indicators.map(\.name) == ["不动产登记办件量", "完成乡镇国土空间规划编制个数", "办结时限"])
        #expect(p.indicators.map { $0.targets.map(\.value) } == [["≥2.6万件"], ["=11个"], ["≤3个工作日", "完成"]])
        #expect(p.indicators[1].level2 == "数量指标")
        // One cell a paragraph, as docx2txt writes the table.
        let stream = readForm("""
        项目名称

        国土空间规划

        主管部门

        某县自然资源和规划局

        年度资金总额（万元）

        580

        绩效指标

        一级指标

        二级指标

        三级指标

        指标值

        产出指标

        数量指标

        不动产登记办件量

        ≥2.6万件

        完成乡镇国土空间规划编制个数

        =11个

        时效指标

        办结时限

        ≤3个工作日
        """, path: "form.txt")
        let q = try #require(stream.projects.first)
        #expect(q.indicators.map(\.name) == ["不动产登记办件量", "完成乡镇国土空间规划编制个数", "办结时限"])
        #expect(q.indicators.first?.targets.count == 1)
        #expect(IndicatorTableReader.isLabelColumnText("年度绩效指标"))
        #expect(!IndicatorTableReader.isLabelColumnText("年度指标值"))
    }

    /// The sum of the funding lines stands for an amount left empty only when nothing else above
    /// the indicators held a figure: a PDF's text that cut `项目资金（万元）` over two lines lost the
    /// row `年度资金总额 1,350.00` and the line `其中：财政拨款 1,050.00`, and the one line read,
    /// `其他资金 300.00`, was published as the project's 300.00 万元. Two years' 财政拨款 under
    /// `预算数(2023年) 95.00 | 预算数(2024年) 120.00` added up to 215. A figure that is the sum
    /// (`项目预算资金（万元） | 260.00` above its parts) confirms it.
    @Test func theFundingSumIsNoAmountBesideAFigureNothingRead() throws {
        let cut = readForm("""
        旌德县 2025 年项目支出绩效目标表
        项目名称              城区老旧小区改造
        主管部门              旌德县住房和城乡建设局       实施单位     旌德县城市建设服务中心
        项目资金（万   年度资金总额   1,350.00
        元）       其中：财政拨   1,050.00
                 款
                 其他资金     300.00
        一级指标     二级指标     三级指标              指标值
        产出指标     数量指标     改造老旧小区个数          =12 个
        """, path: "form.txt")
        let p = try #require(cut.projects.first)
        #expect(p.amount == nil)
        #expect(cut.diagnostics.contains { $0.code == "funding-sum-unsure" })
        let years = readForm("""
        项目支出绩效目标申报表 | |||
        ( 2024 年度) | |||
        项目名称 | 农村饮水安全工程维修养护 | ||
        主管部门及代码 | [058]某县水利局 | 实施单位 | 某县农村供水管理站 |
        项目资金(万元) | 预算数(2023年) | 95.00 | 预算数(2024年) | 120.00 |
        其中:财政拨款 | 95.00 | 其中:财政拨款 | 120.00 |
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 维修养护处数 | ≥45处 |
        """)
        #expect(years.projects.first?.amount != Money(wan: "215"))
        let total = readForm("""
        阳泉市交通运输局2024年项目支出绩效目标表

        | 项目名称 | 农村公路养护 | 主管部门 | 阳泉市交通运输局 |
        |---|---|---|---|
        | 项目预算资金（万元） | 260.00 | 项目期限 | 1年 |
        | 其中：财政拨款 | 260.00 | 其他资金 | 0 |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 养护里程 | ≥500公里 |
        """)
        #expect(total.projects.first?.amount == Money(wan: "260"))
        #expect(!total.diagnostics.contains { $0.code == "funding-sum-unsure" })
        #expect(TableReader.holdsMoneyFigure("元）其中：财政拨   1,050.00"))
        #expect(!TableReader.holdsMoneyFigure("2025年6月底前完成12个"))
    }

    /// In space-separated text a name that ends with a source's words (`…县级补助`, `…中央补助`,
    /// `…财政拨款`) was cut there: `城乡居民基本医疗保险` and a funding line `县级补助` with no
    /// amount. A source's label that ends a token with no value after it (the line ends, or a
    /// label follows) is part of the text; with its value after it, it is still a label.
    @Test func aNameEndingWithASourcesWordsKeepsThem() throws {
        #expect(TextRows.cells("项目名称       城乡居民基本医疗保险县级补助", splitRunTogether: true) == ["项目名称", "城乡居民基本医疗保险县级补助"])
        #expect(TextRows.cells("项目名称 耕地地力保护中央补助 主管部门 某县农业农村局", splitRunTogether: true)
                == ["项目名称", "耕地地力保护中央补助", "主管部门", "某县农业农村局"])
        #expect(TextRows.cells("资金总额:35其中:财政拨款 35", splitRunTogether: true) == ["资金总额", "35", "其中:财政拨款", "35"])
        #expect(TextRows.cells("资金总额 35 1、一般公共预算", splitRunTogether: true).contains("1、一般公共预算"))
        #expect(TextRows.cells("预算数 683 万元其他资金", splitRunTogether: true) == ["预算数", "683", "万元", "其他资金"])
    }

    /// A Word table cut at a page break, its header typed again in the second table: the rows
    /// that leave 一级/二级 blank there were published with no category. They are under the
    /// first table's open ones — not after rows that were left unread (a PDF's text whose rows
    /// wrap), whose categories are not known.
    @Test func aTableContinuedUnderItsRepeatedHeaderKeepsItsCategories() throws {
        let doc = readForm("""
        # 2025年宣州区项目支出绩效目标表

        | 项目名称 | 家庭医生签约服务 | | |
        |---|---|---|---|
        | 主管部门 | 宣城市宣州区卫生健康委员会 | | |
        | 年度资金总额（万元） | 156.90 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 家庭医生签约服务人数 | ≥18.6万人 |
        | | 质量指标 | 重点人群签约服务覆盖率 | ≥75% |

        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        |---|---|---|---|
        | | | 签约居民续约率 | ≥80% |
        | | 时效指标 | 签约服务费拨付时间 | 2025年12月底前 |
        | 满意度指标 | 服务对象满意度指标 | 签约居民满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map { "\($0.level1)/\($0.level2)/\($0.name)" } == [
            "产出指标/数量指标/家庭医生签约服务人数", "产出指标/质量指标/重点人群签约服务覆盖率", "产出指标/质量指标/签约居民续约率",
            "产出指标/时效指标/签约服务费拨付时间", "满意度指标/服务对象满意度指标/签约居民满意度",
        ])
        // A PDF's laid-out text whose rows in between wrap (left unread): after them, a row that
        // leaves its categories blank has none, not the ones open before.
        let laidOut = readForm("""
        宣州区 2025 年项目支出绩效目标表
        项目名称              家庭医生签约服务
        主管部门              宣城市宣州区卫生健康委员会
        年度资金总额（万元）    156.90
        一级指标     二级指标     三级指标                    指标值
        产出指标     数量指标     家庭医生签约服务人数          ≥18.6万人
                     质量指标     重点人群签约服务覆             ≥75%
                                  盖率                       按年度考核
                                  签约居民续约率               ≥80%
                                  签约服务费拨付及时率          100%
        """, path: "form.txt")
        let q = try #require(laidOut.projects.first)
        #expect(laidOut.diagnostics.contains { $0.code == "laid-out-rows-unread" })
        let after = try #require(q.indicators.first { $0.name == "签约服务费拨付及时率" })
        #expect(after.level1.isEmpty && after.level2.isEmpty)
    }

    /// Funding in levels: `（一）财政拨款小计` over its numbered parts, `（二）上年结转`, `（三）其他资金小计`
    /// over `其中：社会资本投入`. The second 小计 was read as a use of the money (资金用途), 社会资本投入
    /// as a use too, and 上年结转 as one of the first 小计's parts: the page showed the subtotal
    /// beside its own parts, and the publisher was told they add up to 4501.20. A 小计's parts
    /// end where they add up to it; `X小计` and `…投入` of a source are sources.
    @Test func aSubtotalsPartsEndWhereTheyAddUpToIt() throws {
        let doc = readForm("""
        # 休宁县2025年项目支出绩效目标表

        | 项目名称 | 2025年高标准农田建设 | | |
        |---|---|---|---|
        | 主管部门 | 休宁县农业农村局 | | |
        | 项目资金（万元） | 资金总额 | 2450.60 | |
        | | （一）财政拨款小计 | 2250.60 | |
        | | 1、中央财政资金 | 1500.00 | |
        | | 2、省级财政资金 | 450.00 | |
        | | 3、县级财政资金 | 300.60 | |
        | | （二）上年结转 | 0.00 | |
        | | （三）其他资金小计 | 200.00 | |
        | | 其中：社会资本投入 | 200.00 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 新建高标准农田面积 | ≥1.2万亩 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "2450.60"))
        #expect(p.funding.map(\.label) == ["财政拨款小计", "中央财政资金", "省级财政资金", "县级财政资金", "上年结转", "其他资金小计", "社会资本投入"])
        #expect(p.fundingRows.map(\.isPart) == [false, true, true, true, false, false, true])
        #expect(!p.sections.contains { $0.title == "资金用途" })
    }

    /// A form whose first row a page break repeats among its indicators (`项目名称 | 学生资助 |
    /// 主管部门 | 歙县教育局`): it was published as an indicator `项目名称 = 歙县教育局`.
    @Test func theFormsFirstRowRepeatedAmongTheIndicatorsIsNoIndicator() throws {
        let doc = readForm("""
        # 歙县2025年项目支出绩效目标表

        | 项目名称 | 学生资助 | 主管部门 | 歙县教育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1162.35 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助学生人数 | ≥3200人 |
        | 项目名称 | 学生资助 | 主管部门 | 歙县教育局 |
        | | 质量指标 | 资助资金足额发放率 | 100% |
        """)
        let p = try #require(doc.projects.first)
        #expect(doc.projects.count == 1)
        #expect(p.indicators.map(\.name) == ["资助学生人数", "资助资金足额发放率"])
        #expect(p.indicators.last?.level1 == "产出指标")
        #expect(TableReader.repeatsHead(Row(line: 1, cells: ["项目名称", "学生资助", "主管部门", "歙县教育局"]), of: p))
        #expect(!TableReader.repeatsHead(Row(line: 1, cells: ["项目名称", "助学金", "主管部门", "歙县教育局"]), of: p))
        // Another department's form of the same name (review 9): not the head again.
        #expect(!TableReader.repeatsHead(Row(line: 1, cells: ["项目名称", "学生资助", "主管部门", "休宁县教育局"]), of: p))
    }

    /// Where the rules of review 8 must not reach (review 9): a date (`填报日期：2024.01.15`) or a
    /// note below the funding lines is no unread part of them, nor is a total over several years
    /// (`2023—2025年总投资4,050.00`); text that names the amount is (`资金总额125.00万元`). A table
    /// after text (`中期绩效指标`) is another table, not the first one cut. A use of the money put
    /// in (`专项宣传投入`) is no source. The same name under another 主管部门 is another form.
    @Test func whereTheFundingAndContinuationRulesMustNotReach() throws {
        func form(_ funding: String, _ between: String = "") -> DocumentResult {
            readForm("""
            # 某县卫生健康委员会2024年项目支出绩效目标表

            | 项目名称 | 乡村医生补助 | | |
            |---|---|---|---|
            | 主管部门 | 某县卫生健康委员会 | | |
            \(funding)

            \(between)

            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            |---|---|---|---|
            | 产出指标 | 数量指标 | 补助乡村医生人数 | ≥260人 |
            """)
        }
        let parts = """
        | 年度资金总额（万元） | | | |
        | 其中：财政拨款 | 100.00 | | |
        | 其他资金 | 20.00 | | |
        """
        #expect(form(parts, "填报日期：2024.01.15        联系电话：0551-6512.3456").projects.first?.amount == Money(wan: "120"))
        let carried = """
        | 年度资金总额（万元） | | | |
        | 其中：财政拨款 | 150.00 | | |
        | 上年结转 | 30.00 | | |
        """
        #expect(form(carried, "说明：上年结转资金30.00万元已纳入本年度预算；救助标准按每人次不超过1,500元执行。").projects.first?.amount == Money(wan: "180"))
        let named = form(parts, "本项目2024年度资金总额125.00万元。")
        #expect(named.projects.first?.amount == nil)
        #expect(named.diagnostics.contains { $0.code == "funding-sum-unsure" })
        #expect(form("| 项目资金（万元） | 2023—2025年总投资4,050.00 | | |\n" + parts).projects.first?.amount == Money(wan: "120"))
        let uses = form("""
        | 项目资金（万元） | 年度资金总额 | 100.00 | |
        | | 其中：财政拨款 | 100.00 | |
        | | 其中：专项宣传投入 | 60.00 | |
        """)
        #expect(uses.projects.first?.funding.map(\.label) == ["财政拨款"])
        #expect(Labels.fundingSource("社会资本投入") == .funding("社会资本投入"))
        #expect(Labels.fundingSource("其他设备投入") == nil)

        let terms = readForm("""
        # 某县文化旅游体育局2024年项目支出绩效目标表

        | 项目名称 | 徽州古村落保护利用 | | |
        |---|---|---|---|
        | 主管部门 | 某县文化旅游体育局 | | |
        | 年度资金总额（万元） | 320.00 | | |

        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        |---|---|---|---|
        | 产出指标 | 数量指标 | 修缮古民居栋数 | ≥12栋 |
        | 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥90% |

        中期绩效指标（2024—2026年）

        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        |---|---|---|---|
        | | | 修缮古民居栋数（三年累计） | ≥36栋 |
        """)
        let cumulative = try #require(terms.projects.first?.indicators.first { $0.name.hasPrefix("修缮古民居栋数（") })
        #expect(cumulative.level1.isEmpty)

        let counties = readForm("""
        # 某市2025年学生资助项目支出绩效目标表（汇总）

        | 项目名称 | 学生资助 | 主管部门 | 歙县教育局 |
        |---|---|---|---|
        | 年度资金总额（万元） | 1162.35 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助学生人数 | ≥3200人 |
        | 项目名称 | 学生资助 | 主管部门 | 休宁县教育局 |
        | 年度资金总额（万元） | 836.20 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助学生人数 | ≥2300人 |
        """)
        #expect(counties.projects.map(\.amount) == [Money(wan: "1162.35"), Money(wan: "836.20")])
        #expect(counties.projects.map(\.rawDepartment) == ["歙县教育局", "休宁县教育局"])
    }

    /// Where review 9's corrections must not reach (review 10): the head repeated with its
    /// department written a little differently (`黟县教育局` for `黟县教育局（本级）`) is the same
    /// form; a page number or `续表` between a table's halves is no other table; a source written
    /// as a sentence under the lines (`县级配套资金250.00万元`), or the year's amount beside a
    /// term's, keeps their sum out; a figure in 万元 that repeats a line read does not; 社会投入 is
    /// a source.
    @Test func whereTheCorrectionsOfReviewNineMustNotReach() throws {
        let shorter = readForm("""
        # 黟县教育局2025年项目支出绩效目标表

        | 项目名称 | 学生资助 | 主管部门 | 黟县教育局（本级） |
        |---|---|---|---|
        | 年度资金总额（万元） | 612.40 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助学生人数 | ≥1800人 |
        | 项目名称 | 学生资助 | 主管部门 | 黟县教育局 |
        | 效益指标 | 社会效益指标 | 因贫失学辍学学生 | 0人 |
        """)
        #expect(shorter.projects.count == 1)
        #expect(shorter.projects.first?.indicators.count == 2)

        let pageNumber = readForm("""
        # 某县城市管理局2024年项目支出绩效目标表

        | 项目名称 | 城区环境卫生保洁 | | |
        |---|---|---|---|
        | 主管部门 | 某县城市管理局 | | |
        | 年度资金总额（万元） | 1,260.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 保洁道路面积 | ≥300万平方米 |

        - 2 -

        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        |---|---|---|---|
        | | | 垃圾清运量 | ≥4.5万吨 |
        """)
        #expect(pageNumber.projects.first?.indicators.last.map { "\($0.level1)/\($0.level2)" } == "产出指标/数量指标")

        func form(_ note: String) -> DocumentResult {
            readForm("""
            # 某县农业农村局2024年项目支出绩效目标表

            | 项目名称 | 高标准农田建设 | | |
            |---|---|---|---|
            | 主管部门 | 某县农业农村局 | | |
            | 年度资金总额（万元） | | | |
            | 其中：中央补助 | 800.00 | | |
            | 省级补助 | 200.00 | | |

            \(note)

            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            |---|---|---|---|
            | 产出指标 | 数量指标 | 新建高标准农田面积 | ≥5000亩 |
            """)
        }
        #expect(form("县级配套资金250.00万元（由县财政统筹安排）").projects.first?.amount == nil)
        #expect(form("本项目中期资金总额3000.00万元，其中2024年度资金总额1250.00万元。").projects.first?.amount == nil)
        #expect(form("说明：中央补助资金800.00万元已下达。").projects.first?.amount == Money(wan: "1000"))
        #expect(form("亩均补助标准不超过1,500元。").projects.first?.amount == Money(wan: "1000"))
        #expect(TableReader.figures(in: "县级配套资金250.00万元（含1,500元）", unit: "万元") == [Money(wan: "250")!])
        #expect(TableReader.figures(in: "县级配套资金250.00万元（含1,500元）", unit: "元") == [Money(wan: "0.15")!])
        #expect(Labels.fundingSource("社会投入") == .funding("社会投入"))
    }

    /// Where review 10's corrections must not reach (review 11): a unit whose name holds the
    /// open form's (`某县教育局机关服务中心` beside `某县教育局`) is another form's head; a change
    /// from last year (`较上年增加20.00万元`), a term's total beside the word 当年, or a standard
    /// per head in 元 is no unread part; the year's amount written in 元 is (`当年预算资金
    /// 12,500,000.00元`); `社会宣传投入` is a use, `社会力量投入` a source.
    @Test func whereTheCorrectionsOfReviewTenMustNotReach() throws {
        let units = readForm("""
        # 某县教育局2025年项目支出绩效目标表

        | 项目名称 | 校舍维修改造 | 实施单位 | 某县教育局 |
        |---|---|---|---|
        | 主管部门 | 某县教育局 | | |
        | 年度资金总额（万元） | 320.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修校舍面积 | ≥6000平方米 |
        | 项目名称 | 校舍维修改造 | 实施单位 | 某县教育局机关服务中心 |
        | 年度资金总额（万元） | 45.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 维修办公用房面积 | ≥800平方米 |
        """)
        #expect(units.projects.map(\.amount) == [Money(wan: "320"), Money(wan: "45")])

        func form(_ note: String) -> DocumentResult {
            readForm("""
            # 某县交通运输局2024年项目支出绩效目标表

            | 项目名称 | 农村公路提质改造 | | |
            |---|---|---|---|
            | 主管部门 | 某县交通运输局 | | |
            | 年度资金总额（万元） | | | |
            | 其中：上级补助 | 900.00 | | |
            | 省级补助 | 300.00 | | |

            \(note)

            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            |---|---|---|---|
            | 产出指标 | 数量指标 | 提质改造里程 | ≥60公里 |
            """)
        }
        #expect(form("说明：本项目资金较上年增加20.00万元。").projects.first?.amount == Money(wan: "1200"))
        #expect(form("说明：该项目为跨年度项目，实施期2024—2026年，资金总额3,600.00万元，当年资金按工程进度拨付。").projects.first?.amount == Money(wan: "1200"))
        #expect(form("预算资金测算依据：每公里补助20,000.00元。").projects.first?.amount == Money(wan: "1200"))
        #expect(form("说明：本项目当年预算资金15,000,000.00元。").projects.first?.amount == nil)
        #expect(Labels.fundingSource("社会宣传投入") == nil)
        #expect(Labels.fundingSource("社会力量投入") == .funding("社会力量投入"))
    }

    // MARK: Signature blocks, spreadsheet placeholders, look-alikes in other words (review 28, 29)

    /// The signature block after a form's indicators (`填报人：张三　　联系电话：…`, `| 填报人 | 马晓东 |
    /// 联系电话 | … |`) had been published as an indicator (`填报人 = 填报日期：…`, a telephone number
    /// as its value), and a .docx's merged last row marked the form incomplete.
    @Test func aSignatureBlockEndsTheIndicators() throws {
        for signature in ["填报人：张三　　联系电话：0931-1234567", "单位负责人：李四　　填报人：王五　　联系电话：0931-1234567",
                          "| 填报人 | 马晓东 | 联系电话 | 0936-5512345 |", "| 填报人：程晓　　联系电话：0556-5129087　　单位负责人：汪春生 | | | |",
                          "编制人：冯小梅　　审核人：任建华　　联系电话：0911-6738192", "填报人：孙丽华\t填报日期：2025年1月18日"] {
            let doc = readForm("""
            某县民政局2025年项目支出绩效目标表

            | 项目名称 | 殡葬惠民补助 | | |
            |---|---|---|---|
            | 主管部门 | 某县民政局 | | |
            | 年度资金总额（万元） | 86.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 补助人数 | 300人 |
            | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |

            \(signature)
            """)
            let p = try #require(doc.projects.first, "\(signature)")
            #expect(p.indicators.map(\.name) == ["补助人数", "满意度"], "\(signature)")
            #expect(p.indicators.map(\.value) == ["300人", "≥90%"], "\(signature)")
            #expect(!p.incomplete, "\(signature)")
        }
        // An indicator whose name starts like a signature's label is still an indicator.
        #expect(!Vocabulary.current.isSignatureLabel("联系电话畅通率") && !Vocabulary.current.isSignatureLabel("审核人员到位率"))
        #expect(Vocabulary.current.isSignatureLabel("填 报 人：") && Vocabulary.current.isSignatureLabel("联系电话"))
    }

    /// markitdown's conversion of an .xlsx writes `NaN` into empty cells and `Unnamed: 1` over
    /// columns with no header: they had become part of the name (`零就业家庭就业援助 NaN NaN NaN`),
    /// of the department (a page of its own) and of seven indicators.
    @Test func aSpreadsheetLibrarysPlaceholdersAreEmptyCells() throws {
        let doc = readForm("""
        ## Sheet1

        | 2025年项目支出绩效目标表 | Unnamed: 1 | Unnamed: 2 | Unnamed: 3 |
        | --- | --- | --- | --- |
        | 项目名称 | 零就业家庭就业援助 | NaN | NaN |
        | 主管部门 | 某市人力资源和社会保障局 | NaN | NaN |
        | 年度资金总额（万元） | 148.60 | NaN | NaN |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 援助人数 | ≥420人 |
        | NaN | NaN | 零就业家庭动态清零率 | 100% |
        | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.name == "零就业家庭就业援助")
        #expect(p.rawDepartment == "某市人力资源和社会保障局")
        #expect(p.amount == Money(wan: "148.60"))
        #expect(p.indicators.map(\.name) == ["援助人数", "零就业家庭动态清零率", "满意度"])
        #expect(p.indicators.map(\.value) == ["≥420人", "100%", "≥90%"])
        #expect(CellText.clean("NaN") == "" && CellText.clean(" Unnamed: 12 ") == "")
        #expect(CellText.clean("NaNa") == "NaNa" && CellText.clean("Unnamed: x") == "Unnamed: x" && CellText.clean("nan") == "nan")
    }

    /// Self-evaluations and monitoring forms in other words than the central templates' (`目标值 |
    /// 实际值 | 分值 | 得分`, `指标值 | 完成值 | 评分`, `年度目标值 | 1-9月完成值 | 偏差情况及原因`) had been
    /// published as target forms: the actual values and scores as further targets.
    @Test func aSelfEvaluationOrAMonitoringFormInOtherWordsIsNotPublished() throws {
        let selfEvaluation = readForm("""
        # 某县卫生健康委员会2024年项目绩效自评表

        | 项目名称 | 基本公共卫生服务项目 | | | | | |
        |---|---|---|---|---|---|---|
        | 主管部门 | 某县卫生健康委员会 | | | | | |
        | 预算金额（万元） | 1,638.40 | 执行金额（万元） | 1,602.17 | | | |
        | 一级指标 | 二级指标 | 三级指标 | 目标值 | 实际值 | 分值 | 得分 |
        | 产出指标 | 数量指标 | 居民电子健康档案建档率 | ≥90% | 92.3% | 10 | 10 |
        """)
        #expect(selfEvaluation.kind == .selfEvaluation && selfEvaluation.projects.isEmpty)
        let monitoring = readForm("""
        某县应急管理局2025年1-9月项目绩效运行监控情况表
        项目名称\t安全生产专项整治经费
        主管部门\t某县应急管理局
        年度预算（万元）\t95.00\t1-9月支出（万元）\t61.75
        一级指标\t二级指标\t三级指标\t年度目标值\t1-9月完成值\t偏差情况及原因
        产出指标\t数量指标\t执法检查企业家次\t≥400家次\t322家次\t无偏差
        满意度指标\t服务对象满意度指标\t企业满意度\t≥90%\t—\t年底调查
        """)
        #expect(monitoring.kind == .monitoring && monitoring.projects.isEmpty)
        #expect(!monitoring.diagnostics.contains { $0.severity == .error })
        #expect(monitoring.diagnostics.contains { $0.code == "not-a-target-form" && $0.message.contains("绩效运行监控表") })
        #expect(DocumentKinds.isSoFarColumn("1-7月执行数") && DocumentKinds.isSoFarColumn("1—6月执行情况") && DocumentKinds.isSoFarColumn("1至9月完成值"))
        #expect(!DocumentKinds.isSoFarColumn("12个月") && !DocumentKinds.isSoFarColumn("1-12月") && !DocumentKinds.isSoFarColumn("2025-12月底前完成"))
        // A target form whose indicators name execution (`预算执行率`) and whose columns weigh them
        // (`分值`) is a target form.
        let form = readForm("""
        # 某县卫生健康委员会2025年项目支出绩效目标表

        | 项目名称 | 基本公共卫生服务项目 | | | |
        |---|---|---|---|---|
        | 主管部门 | 某县卫生健康委员会 | | | |
        | 年度资金总额（万元） | 1,638.40 | | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
        | 产出指标 | 时效指标 | 预算执行率 | ≥90% | 10 |
        | 满意度指标 | 服务对象满意度指标 | 完成值 | ≥85% | 10 |
        """)
        #expect(form.kind == .targets && form.projects.map(\.amount) == [Money(wan: "1638.40")])
    }

    /// Last year's self-evaluation and this year's target form on one page (or a form and its
    /// monitoring form): the whole page had been a self-evaluation (the form lost), or the
    /// monitoring form's rows had been added to the form's indicators (its `项目名称` row taken for
    /// a page break's). The target form is published, the other part said and not.
    @Test func aTargetFormBesideASelfEvaluationOrAMonitoringFormIsPublished() throws {
        let form = """
        ## 二、2025年度项目支出绩效目标表

        | 项目名称 | 职业技能提升培训补贴 | | |
        |---|---|---|---|
        | 主管部门 | 某县人力资源和社会保障局 | | |
        | 年度资金总额（万元） | 226.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 培训人次 | ≥2200人次 |
        | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |
        """
        let selfEvaluation = """
        ## 一、2024年度项目支出绩效自评表

        | 项目名称 | 职业技能提升培训补贴 | | | | |
        |---|---|---|---|---|---|
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 |
        | 产出指标 | 数量指标 | 培训人次 | ≥2000人次 | 2136人次 | 30 |
        """
        let monitoring = """
        ## 项目支出绩效运行监控表

        | 项目名称 | 职业技能提升培训补贴 | | | |
        |---|---|---|---|---|
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-6月执行情况 |
        | 产出指标 | 数量指标 | 培训人次 | ≥2200人次 | 1180人次 |
        """
        for (parts, kind) in [([selfEvaluation, form], "绩效自评表"), ([form, selfEvaluation], "绩效自评表"), ([form, monitoring], "绩效运行监控表")] {
            let doc = readForm("# 某县人力资源和社会保障局项目绩效信息公开\n\n" + parts.joined(separator: "\n\n"))
            #expect(doc.kind == .targets, "\(kind)")
            let p = try #require(doc.projects.first, "\(kind)")
            #expect(doc.projects.count == 1 && p.amount == Money(wan: "226.00"), "\(kind)")
            #expect(p.indicators.map(\.value) == ["≥2200人次", "≥90%"], "\(kind)")
            #expect(p.otherNames.isEmpty, "\(kind)")
            #expect(doc.diagnostics.contains { $0.code == "not-a-target-form" && $0.message.contains(kind) }, "\(kind)")
            #expect(!doc.diagnostics.contains { $0.severity == .error }, "\(kind)")
        }
    }

    /// Numbered narrative before each form, under a numbered heading per project (`## 二、数字城管
    /// 平台运维` / `(1)年度预算安排：42.50万元。` / its table): the narrative had gone to the form
    /// above the heading, whose amount it then was (42.50 published for 垃圾收运处置, silently),
    /// or against whose own amount it stood (an `amount-conflict` error).
    @Test func narrativeUnderTheNextNumberedHeadingIsTheNextForms() throws {
        for amountRow in ["| 年度资金总额（万元） | 680.00 | | |\n", ""] {
            let doc = readForm("""
            # 某县城市管理局2025年项目支出绩效目标

            ## 一、垃圾收运处置

            (1)项目概述：城区垃圾收运。

            | 项目名称 | 垃圾收运处置 | | |
            |---|---|---|---|
            | 主管部门 | 某县城市管理局 | | |
            \(amountRow)| 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 日均收运量 | ≥186吨 |

            ## 二、数字城管平台运维

            (1)年度预算安排：42.50万元。

            | 项目名称 | 数字城管平台运维 | | |
            |---|---|---|---|
            | 主管部门 | 某县城市管理局 | | |
            | 年度资金总额（万元） | 42.50 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 维护点位 | 320个 |
            """)
            #expect(doc.projects.map(\.name) == ["垃圾收运处置", "数字城管平台运维"])
            #expect(doc.projects.map(\.amount) == [amountRow.isEmpty ? nil : Money(wan: "680.00"), Money(wan: "42.50")])
            #expect(doc.projects.map { $0.sections.map(\.title) } == [["项目概述"], ["年度预算安排"]])
            #expect(!doc.diagnostics.contains { $0.code == "amount-conflict" })
        }
    }

    /// Where the look-alike rules must not reach (review 30): forms whose projects are named for
    /// 监控, whose values and schedules name months, whose page footer names the people who made
    /// them, whose titles start with a range or a decimal, and two forms under one title before a
    /// self-evaluation. Each had lost a project, an indicator or part of its name.
    @Test func whereTheLookAlikeRulesMustNotReach() throws {
        func form(_ title: String, _ name: String, _ rows: String) -> String {
            """
            \(title)

            | 项目名称 | \(name) | | |
            |---|---|---|---|
            | 主管部门 | 某县公安局 | | |
            | 年度资金总额（万元） | 210.00 | | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            \(rows)
            """
        }
        let monitored = readForm("# 某县公安局2025年项目支出绩效目标\n\n"
            + form("## 一、雪亮工程视频监控运维项目绩效目标表", "雪亮工程视频监控运维", "| 产出指标 | 质量指标 | 监控设备完好率 | ≥95% |") + "\n\n"
            + form("## 二、道路交通监控设备更新项目绩效目标表", "道路交通监控设备更新", "| 产出指标 | 数量指标 | 更新电子警察设备 | 24套 |"))
        #expect(monitored.kind == .targets && monitored.projects.map(\.name) == ["雪亮工程视频监控运维", "道路交通监控设备更新"])
        let months = readForm(form("# 某县交通运输局2025年项目支出绩效目标表", "农村公路危桥改造",
                                   "| 产出指标 | 时效指标 | 招标采购完成时间 | 1-4月完成 |\n| | 时效指标 | 1-6月执行率 | ≥50% |\n| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥90% |"))
        #expect(months.kind == .targets && months.projects.first?.indicators.count == 3)
        let ranges = readForm(form("## 3-6岁儿童学前教育资助资金绩效目标表", "", "| 产出指标 | 数量指标 | 资助幼儿人数 | ≥1050人 |")
            .replacingOccurrences(of: "| 项目名称 |  | | |\n|---|---|---|---|\n", with: "| 主管部门 | 某县教育体育局 | | |\n|---|---|---|---|\n"))
        #expect(ranges.projects.map(\.name) == ["3-6岁儿童学前教育资助资金"])
        #expect(Titles.projectName(inTitle: "## 2.5万亩高标准农田建设项目绩效目标表") == "2.5万亩高标准农田建设")
        #expect(Titles.projectName(inTitle: "## 二、城乡低保资金绩效目标表") == "城乡低保资金")
        let footer = readForm("""
        某县卫生健康委员会2025年项目支出绩效目标表
        项目名称\t基本公共卫生服务补助
        主管部门\t某县卫生健康委员会
        年度资金总额（万元）\t1,386.50
        一级指标\t二级指标\t三级指标\t指标值
        产出指标\t数量指标\t居民电子健康档案建档率\t≥90%
        制表人：黄丽\t审核人：邓志强
        第 1 页 共 2 页
        \t质量指标\t孕产妇系统管理率\t≥90%
        满意度指标\t服务对象满意度指标\t城乡居民满意度\t≥85%
        """)
        let p = try #require(footer.projects.first)
        #expect(p.indicators.map(\.name) == ["居民电子健康档案建档率", "孕产妇系统管理率", "城乡居民满意度"])
        #expect(!p.incomplete)
        let twoThenSelfEvaluation = readForm("# 某县公安局2025年项目支出绩效目标表\n\n"
            + form("", "雪亮工程视频监控运维", "| 产出指标 | 质量指标 | 监控设备完好率 | ≥95% |") + "\n\n"
            + form("", "道路交通监控设备更新", "| 产出指标 | 数量指标 | 更新电子警察设备 | 24套 |") + """


            附：2024年度项目支出绩效自评表

            | 项目名称 | 雪亮工程视频监控运维 | | | |
            |---|---|---|---|---|
            | 预算数（万元） | 200.00 | 执行金额（万元） | 198.20 | |
            | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 |
            | 产出指标 | 质量指标 | 监控设备完好率 | ≥95% | 97% |
            """)
        #expect(twoThenSelfEvaluation.projects.map(\.amount) == [Money(wan: "210.00"), Money(wan: "210.00")])
        #expect(twoThenSelfEvaluation.diagnostics.contains { $0.code == "not-a-target-form" && $0.message.contains("绩效自评表") })
    }

    /// A heading naming its project as a label and a value (`## 一、项目名称：大气污染防治监测运维`)
    /// over a table whose 项目名称 row names it again: one project (there had been two, one empty
    /// with a `missing-amount` error that stopped the build).
    @Test func aHeadingThatSaysTheProjectsNameIsItsTitle() throws {
        let doc = readForm("""
        # 某县生态环境分局2025年项目支出绩效目标

        ## 一、项目名称：大气污染防治监测运维

        | 项目名称 | 大气污染防治监测运维 | | |
        |---|---|---|---|
        | 预算部门 | 某县生态环境分局 | | |
        | 预算金额（万元） | 96.80 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 监测站点 | 5个 |
        """)
        #expect(doc.projects.map(\.name) == ["大气污染防治监测运维"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "96.80")])
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    /// Where the narrowed rules must still not reach (review 31): a project's own sub-heading
    /// over its narrative after its table (640.00 had been published for the next project,
    /// silently), a plan's and a target's months (`1-6月执行50%`, `1-6月支出≥50%`), measures and
    /// table numbers before a name (`110 千伏…`, `表3-1 …`), and a year said only in the part left
    /// out.
    @Test func whereTheNarrowedRulesMustNotReach() throws {
        let ownSections = readForm("""
        # 某县医疗保障局2025年项目支出绩效目标

        ## 一、城乡医疗救助项目

        | 项目名称 | 城乡医疗救助 | | |
        |---|---|---|---|
        | 年度资金总额（万元） | 640.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助参保人数 | ≥1.2万人 |

        ### （一）项目说明

        (1)年度预算安排：640万元。

        ## 二、医保经办服务能力提升项目

        | 项目名称 | 医保经办服务能力提升 | | |
        |---|---|---|---|
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 乡镇医保服务站建设数 | 12个 |

        ### （一）项目说明

        (1)年度预算安排：45万元。
        """)
        #expect(ownSections.projects.map(\.amount) == [Money(wan: "640.00"), Money(wan: "45.00")])
        let plan = readForm("""
        # 某县林业局2025年项目支出绩效目标表

        | 项目名称 | 森林防火能力提升 | | | |
        |---|---|---|---|---|
        | 主管部门 | 某县林业局 | | | |
        | 年度资金总额（万元） | 260.00 | | | |
        | 预算执行进度计划 | 1-6月执行50% | 1-9月执行75% | 1-12月执行100% | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | |
        | 产出指标 | 时效指标 | 预算支出进度 | 1-6月支出≥50% | |
        """)
        #expect(plan.kind == .targets && plan.projects.map(\.amount) == [Money(wan: "260.00")])
        #expect(!DocumentKinds.isSoFarColumn("1-6月执行50%") && DocumentKinds.isSoFarColumn("1-9月支出（万元）"))
        #expect(Titles.projectName(inTitle: "## 110 千伏石门变电站配套送出工程绩效目标表") == "110 千伏石门变电站配套送出工程")
        #expect(Titles.projectName(inTitle: "## 表3-1 农村公路养护绩效目标表") == "农村公路养护")
        let yearElsewhere = readForm("""
        # 某县财政局项目绩效信息公开

        ## 一、财政预算执行情况动态监控系统运维项目绩效目标表

        | 项目名称 | 财政预算执行情况动态监控系统运维 | | |
        |---|---|---|---|
        | 主管部门 | 某县财政局 | | |
        | 年度资金总额（万元） | 48.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 监控预算单位数 | ≥210家 |

        ## 二、2024年度项目支出绩效自评表

        | 项目名称 | 财政预算执行情况动态监控系统运维 | | | |
        |---|---|---|---|---|
        | 年初预算数（万元） | 45.00 | 全年执行数（万元） | 44.10 | |
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |
        | 产出指标 | 数量指标 | 监控预算单位数 | ≥200家 | 206家 |
        """)
        #expect(yearElsewhere.projects.map(\.name) == ["财政预算执行情况动态监控系统运维"])
        #expect(yearElsewhere.projects.first?.year == nil)
        #expect(yearElsewhere.diagnostics.contains { $0.code == "missing-year" })
    }

    /// Review 32: a project's sub-heading numbered otherwise than its own (`## 一、…项目` /
    /// `## （一）项目实施计划`) keeps its narrative (640.00 had gone to the next project too); a
    /// narrative held for a next form that never comes is the open form's; a spending plan's
    /// months (`预算数 | 1-6月执行数 | 1-9月执行数 | 1-12月执行数`) are no monitoring form's.
    @Test func aSubHeadingsNarrativeAndAPlansMonthsStayWithTheForm() throws {
        let subHeading = readForm("""
        # 某县医疗保障局2025年项目支出绩效目标

        ## 一、城乡医疗救助项目

        | 项目名称 | 城乡医疗救助 | | |
        |---|---|---|---|
        | 年度资金总额（万元） | 640.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 资助参保人数 | ≥1.2万人 |

        ## （一）项目实施计划

        (1)年度预算安排：640万元。

        ## 二、医保经办服务能力提升项目

        | 项目名称 | 医保经办服务能力提升 | | |
        |---|---|---|---|
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 乡镇医保服务站建设数 | 12个 |

        ## （一）项目实施计划

        (1)年度预算安排：45万元。
        """)
        #expect(subHeading.projects.map(\.amount) == [Money(wan: "640.00"), Money(wan: "45.00")])
        let after = readForm("""
        # 某县农业农村局2025年高标准农田建设项目绩效目标

        ## 一、项目绩效目标表

        | 项目名称 | 高标准农田建设 | | |
        |---|---|---|---|
        | 主管部门 | 某县农业农村局 | | |
        | 年度资金总额（万元） | 1200.00 | | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 产出指标 | 数量指标 | 新建高标准农田面积 | ≥1.5万亩 |

        ## 二、项目实施计划

        (1)实施主体：某县农业农村局。
        """)
        #expect(after.projects.first?.sections.map(\.title) == ["实施主体"])
        let plan = readForm("""
        # 某县林业局2025年项目支出绩效目标表

        | 项目名称 | 森林防火能力提升 | | | |
        |---|---|---|---|---|
        | 年度资金总额（万元） | 260.00 | | | |
        | 预算数 | 1-6月执行数 | 1-9月执行数 | 1-12月执行数 | |
        | 260.00 | 130.00 | 195.00 | 260.00 | |
        | 一级指标 | 二级指标 | 三级指标 | 指标值 | |
        | 产出指标 | 数量指标 | 新建防火隔离带 | ≥30公里 | |
        """)
        #expect(plan.kind == .targets && plan.projects.map(\.amount) == [Money(wan: "260.00")])
        #expect(!DocumentKinds.isSoFarColumn("1-12月执行数") && DocumentKinds.isSoFarColumn("1-11月执行数"))
    }
}
