// Project list tables: a department's projects one under another, each with its fields and its
// indicators in one row (the export of a budget system), as a web page's pipe table (merged cells
// dropped, cells shifted left) and as HTML with rowspans.

import Testing
@testable import GongkaiKit

@Suite struct ProjectListTests {
    /// A county's list as a pipe table: the title and `金额单位:元` inside the table, a
    /// department's subtotal row, vertically merged cells dropped (the rows under a project start
    /// at their 一级 or 三级 cell; the second project's 单位名称 is the first's, merged).
    static let pipeList = """
    | 部门预算项目绩效目标表(2024年度) | ||||||||||
    | 金额单位:元 | ||||||||||
    | 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 |
    | 301-某乡部门 | 1,250,000.50 | ||||||||||
    | 301001-某县某乡人民政府 | 村级组织运转经费 | 1,000,000.00 | 保障村级组织运转 | 产出指标 | 数量指标 | 保障村数 | = | 12 | 个 | 20 |
    | 产出指标 | 时效指标 | 发放及时率 | ≥ | 95 | % | 20 | ||||
    | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 10 | ||||
    | 环境整治经费 | 250,000.50 | 改善人居环境 | 产出指标 | 质量指标 | 验收合格率 | ≥ | 98 | % | 30 | |
    | 垃圾清运率 | ≥ | 95 | % | 20 | ||||||
    | 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥ | 90 | % | 10 | ||||
    """

    @Test func eachRowOfAPipeListIsAProjectWithItsIndicators() throws {
        let doc = readForm(Self.pipeList)
        #expect(doc.projects.map(\.name) == ["村级组织运转经费", "环境整治经费"])
        let (first, second) = (doc.projects[0], doc.projects[1])
        // 元 (the table's unit line) read exactly into 万元.
        #expect(first.amount == Money(wan: "100"))
        #expect(second.amount == Money(fen: 25_000_050))
        #expect(first.amountUnit == .yuan && second.amountUnit == .yuan)
        // The merged 单位名称 is the row above's; its code is not part of the department.
        #expect(doc.projects.map(\.unit) == ["301001-某县某乡人民政府", "301001-某县某乡人民政府"])
        #expect(doc.projects.map(\.rawDepartment) == ["某县某乡人民政府", "某县某乡人民政府"])
        // The title's year is every project's, and the title names none of them.
        #expect(doc.projects.map(\.year) == [2024, 2024])
        #expect(doc.projects.allSatisfy { $0.otherNames.isEmpty })
        #expect(first.indicators.map(\.name) == ["保障村数", "发放及时率", "群众满意度"])
        #expect(first.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(first.indicators[0].targets.first?.op == "=")
        #expect(first.indicators[0].targets.first?.unit == "个")
        // A row whose 一级 and 二级 were merged away sits under the row above's.
        #expect(second.indicators.map(\.name) == ["验收合格率", "垃圾清运率", "村民满意度"])
        #expect(second.indicators[1].level2 == "质量指标")
        #expect(second.indicators[1].value?.contains("95") == true)
        #expect(first.goals.first?.text == "保障村级组织运转")
        // The department's subtotal is said at its line, not read as an indicator or a project.
        let unread = doc.diagnostics.filter { $0.code == "list-row-unread" }
        #expect(unread.map(\.location.line) == [4])
        #expect(doc.diagnostics.contains { $0.code == "list-title" && $0.location.line == 1 })
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" || $0.code == "unlabelled-row" })
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    @Test func anHTMLListWithRowspansGivesTheSameReading() throws {
        let doc = readForm("""
        # 某县教育局2024年项目支出绩效目标表

        <table>
        <tr><td colspan="9">金额单位：万元</td></tr>
        <tr><td>序号</td><td>项目名称</td><td>预算金额</td><td>年度绩效目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>备注</td></tr>
        <tr><td rowspan="3">1</td><td rowspan="3">学生资助经费</td><td rowspan="3">120.50</td><td rowspan="3">保障学生资助按时发放</td><td rowspan="2">产出指标</td><td>数量指标</td><td>资助人数</td><td>≥500人</td><td></td></tr>
        <tr><td>时效指标</td><td>发放及时率</td><td>100%</td><td></td></tr>
        <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>学生满意度</td><td>≥95%</td><td></td></tr>
        <tr><td rowspan="2">2</td><td rowspan="2">校舍维修</td><td rowspan="2">80</td><td rowspan="2">完成校舍维修</td><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>维修面积</td><td>≥2000平方米</td><td></td></tr>
        <tr><td>维修学校数</td><td>5所</td><td></td></tr>
        <tr><td colspan="2">合计</td><td>200.50</td><td colspan="6"></td></tr>
        </table>
        """, path: "list.md")
        #expect(doc.projects.map(\.name) == ["学生资助经费", "校舍维修"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "120.50"), Money(wan: "80")])
        #expect(doc.projects.allSatisfy { $0.amountUnit == .wan })
        // The title names the department and the year of every project in the list.
        #expect(doc.projects.map(\.rawDepartment) == ["某县教育局", "某县教育局"])
        #expect(doc.projects.map(\.year) == [2024, 2024])
        #expect(doc.projects.allSatisfy { $0.otherNames.isEmpty })
        #expect(doc.projects.map(\.indicators.count) == [3, 2])
        #expect(doc.projects[1].indicators.map(\.level2) == ["数量指标", "数量指标"])
        #expect(doc.projects[1].indicators.map(\.value) == ["≥2000平方米", "5所"])
        #expect(doc.diagnostics.filter { $0.code == "list-row-unread" }.map(\.location.line) == [11])
        #expect(!doc.diagnostics.contains { $0.severity == .error })
    }

    @Test func anExportThatRepeatsTheProjectOnEveryRowCountsItOnce() throws {
        // No merged cells at all: each indicator row repeats its project's name and amount.
        let doc = readForm("""
        | 项目名称 | 预算金额(万元) | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 道路养护经费 | 30 | 产出指标 | 数量指标 | 养护里程 | ≥12公里 |
        | 道路养护经费 | 30 | 产出指标 | 时效指标 | 完成时间 | 2024年12月 |
        | 道路养护经费 | 30 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
        | 路灯维修经费 | 8.5 | 产出指标 | 数量指标 | 维修路灯 | ≥100盏 |
        | 路灯维修经费 | 8.5 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
        """)
        #expect(doc.projects.map(\.name) == ["道路养护经费", "路灯维修经费"])
        #expect(doc.projects.map(\.amount) == [Money(wan: "30"), Money(wan: "8.5")])
        #expect(doc.projects.map(\.indicators.count) == [3, 2])
        #expect(doc.projects.allSatisfy { $0.amountUnit == .wan })
    }

    @Test func aRowThatDoesNotLineUpIsSaidAndNothingOfItIsGuessed() throws {
        // The second project's name was merged away with its 一级: its amount stands where the
        // name should be. Neither it nor the indicator rows under it go to the first project.
        let doc = readForm("""
        | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
        | 甲项目 | 10 | 甲目标 | 产出指标 | 数量指标 | 培训人数 | ≥50人 |
        | 20 | 乙目标 | 产出指标 | 数量指标 | 检查次数 | 3次 | |
        | 效益指标 | 社会效益指标 | 群众知晓率 | ≥90% | |||
        """)
        let p = try #require(doc.projects.first)
        #expect(doc.projects.count == 1)
        #expect(p.name == "甲项目")
        #expect(p.indicators.map(\.name) == ["培训人数"])
        #expect(doc.diagnostics.filter { $0.code == "list-row-unread" }.map(\.location.line) == [3, 4])
        // No table states a unit: the amount is marked uncertain, never published as sure.
        #expect(p.amountUnitUnstated)
        #expect(doc.diagnostics.contains { $0.code == "amount-unit-unknown" })
    }

    @Test func aFormsUnitLineIsTheUnitOfItsAmounts() throws {
        let doc = readForm("""
        | 项目支出绩效目标表 | |
        | 金额单位：元 | |
        | 项目名称 | 养老服务补贴 |
        | 主管部门 | 某县民政局 |
        | 年度资金总额 | 2,500,000 |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "250"))
        #expect(p.amountUnit == .yuan)
        #expect(!doc.diagnostics.contains { $0.code == "amount-unit-unknown" || $0.code == "unlabelled-row" })
        #expect(Vocabulary.current.statedUnit("单位：万元") == .wan)
        #expect(Vocabulary.current.statedUnit("金额单位: 元") == .yuan)
        #expect(Vocabulary.current.statedUnit("单位名称") == nil)
    }
}
