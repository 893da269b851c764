// Indicator tables of other templates: operator and unit columns, 中期 beside 年度, a value column
// per place, the 101号 tree, unfilled template values, rows a page ran together.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct IndicatorColumnsTests {
    /// The first project's indicators of a form with a minimal header above `rows`.
    private func indicators(_ rows: String) throws -> (indicators: [Indicator], doc: DocumentResult) {
        let doc = readForm("项目名称 | 测试项目 |\n主管部门 | 某县某局 |\n年度资金总额(万元) | 10 |\n" + rows)
        let p = try #require(doc.projects.first)
        return (p.indicators, doc)
    }

    @Test func operatorValueAndUnitColumnsAreJoinedAndKeptApart() throws {
        let (list, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 |
        产出指标 | 数量指标 | 保障在职职工人数(人) | = | 116 | 人 | 该指标值数据合理 |
        保障遗属人数(人) | = | 13 | 人 | 该指标值数据合理 |
        质量指标 | 工资发放准确性(%) | ≥ | 95 | % | 该指标值数据合理 |
        """)
        #expect(list.map(\.name) == ["保障在职职工人数(人)", "保障遗属人数(人)", "工资发放准确性(%)"])
        #expect(list.map(\.value) == ["=116人", "=13人", "≥95%"])
        #expect(list.map { $0.targets[0].op } == ["=", "=", "≥"])
        #expect(list.map { $0.targets[0].unit } == ["人", "人", "%"])
        #expect(list.map(\.level2) == ["数量指标", "数量指标", "质量指标"])
        #expect(list[0].description == "该指标值数据合理")
        // The shown value is read like any other.
        #expect(TargetValueParser.parse(list[2].value ?? "").number == 95)
    }

    @Test func unitAndOperatorColumnsInAnyOrder() throws {
        let (list, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 计量单位 | 指标性质 | 指标值 |
        产出指标 | 数量指标 | 绿化美化公路 | 米 | = | 3500 |
        质量指标 | 树木成活率 | % | ≥ | 85 |
        """)
        #expect(list.map(\.value) == ["=3500米", "≥85%"])
        let (units, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 单位 | 指标值 |
        产出指标 | 数量指标 | 猪肉产量稳定率 | % | ≥95% |
        """)
        // A unit the value already says is not doubled.
        #expect(units.first?.value == "≥95%")
        #expect(units.first?.targets.first?.unit == "%")
    }

    @Test func unfilledTemplateValuesAreFlaggedNotRead() throws {
        #expect(IndicatorVocabulary.isUnfilled("≧ %"))
        #expect(IndicatorVocabulary.isUnfilled("公里"))
        #expect(IndicatorVocabulary.isUnfilled("万亩"))
        #expect(IndicatorVocabulary.isUnfilled("(≥**%)"))
        #expect(IndicatorVocabulary.isUnfilled("≥"))
        #expect(!IndicatorVocabulary.isUnfilled("≥95%"))
        #expect(!IndicatorVocabulary.isUnfilled("及时"))
        #expect(!IndicatorVocabulary.isUnfilled("{{x}}"))
        let (list, doc) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 新建堤防、护岸长度 | 公里 |
        质量指标 | 工程验收合格率 | ≧ % |
        时效指标 | 完成时间 | 2020年底 |
        """)
        #expect(list.map(\.value) == [nil, nil, "2020年底"])
        #expect(list[1].targets[0].op == "≧")
        #expect(list[1].targets[0].unit == "%")
        #expect(doc.diagnostics.filter { $0.code == "unfilled-value" }.count == 2)
    }

    @Test func midTermColumnsBesideTheYearsAreASecondSetTheYearsFirst() throws {
        let (list, doc) = try indicators("""
        总体目标 | 中期目标(2024年—2026年) | 年度目标 |
        | 三年内提升农产品质量 | 本年提升农产品质量 |
        一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 鉴定校准实验室仪器 | ≥150个 | 数量指标 | 鉴定校准实验室仪器 | ≥57个 |
        质量指标 | 农产品例行监测合格率 | ≥98% | 质量指标 | 监督抽样合格率 | ≥97% |
        """)
        // The goals say the first group is 中期: the second group's are the year's, first.
        #expect(list.map(\.name) == ["鉴定校准实验室仪器", "监督抽样合格率", "农产品例行监测合格率"])
        #expect(list[0].targets.map(\.value) == ["≥57个", "≥150个"])
        #expect(list[0].targets.map(\.term) == [nil, "中期"])
        #expect(list[2].targets.map(\.term) == ["中期"])
        #expect(!doc.diagnostics.contains { $0.code == "indicator-term-unknown" })
        let (unsaid, unsaidDoc) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 仪器 | ≥150个 | 数量指标 | 仪器 | ≥57个 |
        """)
        #expect(unsaid.first?.targets.map(\.value) == ["≥150个", "≥57个"])
        #expect(unsaidDoc.diagnostics.contains { $0.code == "indicator-term-unknown" })
    }

    @Test func aMidTermValueColumnIsASecondTarget() throws {
        let (list, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 年度指标值 | 中期指标值 |
        产出指标 | 数量指标 | 培训人次 | ≥100人次 | ≥300人次 |
        """)
        #expect(list.first?.targets.map(\.value) == ["≥100人次", "≥300人次"])
        #expect(list.first?.targets.map(\.term) == [nil, "中期"])
        #expect(list.first?.value == "≥100人次")
    }

    @Test func aValueColumnPerPlaceIsKeptAsColumns() throws {
        let (list, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 |
        产出指标 | 数量指标 | 开展小型水利工程建设(个) | 反映开展情况 | 1 | 2 |
        """)
        let i = try #require(list.first)
        #expect(i.targets.map(\.value) == ["1", "2"])
        #expect(i.targets.map(\.term) == ["西坪镇尧山村", "桃舟乡吾培村"])
        #expect(i.description == "反映开展情况")
    }

    @Test func trees101AndOthers() throws {
        let (tree101, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 免费开放天数 | =300天 |
        成本指标 | 经济成本指标 | 资金使用效率 | =100% |
        社会成本指标 | 对文物保护影响 | 长远 |
        """)
        #expect(tree101.map(\.level1) == ["产出指标", "成本指标", "成本指标"])
        #expect(tree101.map(\.level2) == ["数量指标", "经济成本指标", "社会成本指标"])
        #expect(tree101.map(\.kind) == [.output, .cost, .cost])
        // Cells moved left (merged cells dropped): `成本指标` before a name is 产出's 二级.
        let (classic, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        产出指标 | 数量指标 | 建设养殖场 | ≥1个 |
        成本指标 | 打井、配电 | 50000元 |
        """)
        #expect(classic.map(\.level1) == ["产出指标", "产出指标"])
        #expect(classic.map(\.level2) == ["数量指标", "成本指标"])
        let (rooted, _) = try indicators("""
        一级指标 | 二级指标 | 三级指标 | 指标值 |
        实施效果指标 | 产出指标 | 建设项目个数 | 1 |
        效益指标 | 畜禽粪污综合利用率 | ≥90% |
        """)
        #expect(rooted.map(\.level1) == ["实施效果指标", "实施效果指标"])
        #expect(rooted.map(\.level2) == ["产出指标", "效益指标"])
        #expect(rooted.map(\.kind) == [.output, .effect])
        let (values, _) = try indicators("""
        一级 | 二级 | 三级 | 年度数值 | 备注 |
        产出值 | 数量值 | 小学就读人数 | <=6962人 | |
        质量值 | 教学条件改善 | =100% | |
        效益值 | 经济效益值 | 经费有效使用情况 | =100% | |
        """)
        #expect(values.map(\.value) == ["<=6962人", "=100%", "=100%"])
        #expect(values.map(\.kind) == [.output, .output, .effect])
        #expect(Indicator(level1: "项目完成指标", level2: "数量指标", name: "x", targets: [], line: 1).kind == .output)
        #expect(Indicator(level1: "项目效益指标", level2: "社会效益指标", name: "x", targets: [], line: 1).kind == .effect)
    }

    @Test func rowsAPageRanTogetherAreCutApart() throws {
        // No row ends marked: a header inside a row of fields, then indicators one after another.
        let doc = readForm("""
        项目名称
        |
        国家基本公共卫生服务项目
        |
        实施单位
        |
        蒙城县卫生健康委员会
        |
        年度资金总额
        |
        2279.048 万元
        |
        绩效 指标
        |
        一级 指标
        |
        二级指标
        |
        三级指标
        |
        指标值
        |
        产出 指标
        |
        数量指标
        |
        适龄儿童国家免疫规划疫苗接种率
        |
        ≧90%
        |
        7 岁以下儿童健康管理率
        |
        ≧85%
        |
        """)
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: "2279.048"))
        #expect(p.indicators.map(\.name) == ["适龄儿童国家免疫规划疫苗接种率", "7 岁以下儿童健康管理率"])
        #expect(p.indicators.map(\.value) == ["≧90%", "≧85%"])
        // A number then many words is a name, not a value.
        #expect(!IndicatorVocabulary.isValueLike("7 岁以下儿童健康管理率"))
        #expect(IndicatorVocabulary.isValueLike("2024年12月底前"))
    }

    @Test func theMergedLabelColumnIsNoCategory() throws {
        let doc = readForm("""
        项目名称 特困家庭再扶助

        预算单位 区卫生健康局

        年度资金总额(万元) 6.30

        绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)

        绩效指标 项目完成
        指标
        数量指标 对符合政策法规的家庭进行扶助 63人
        质量指标 县级按要求复审 100%
        """)
        let p = try #require(doc.projects.first)
        #expect(p.indicators.map(\.level1) == ["项目完成指标", "项目完成指标"])
        #expect(p.indicators.map(\.value) == ["63人", "100%"])
    }
}
