// The 指标值 parser on every distinct value of the seeds, and on holdout-style values (issue 5).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct TargetValueTests {
    /// (raw, kind, operator, number, unit) — every distinct value in the seeds, then holdout-style ones.
    static let expected: [(String, TargetValue.Kind, String, String, String)] = [
        ("1.5%贷款总量", .quantitative, "", "1.5", "%"),
        ("100%", .quantitative, "", "100", "%"),
        ("100万元", .quantitative, "", "100", "万元"),
        ("106000元", .quantitative, "", "106000", "元"),
        ("111万元", .quantitative, "", "111", "万元"),
        ("11万元", .quantitative, "", "11", "万元"),
        ("141800元", .quantitative, "", "141800", "元"),
        ("185200元", .quantitative, "", "185200", "元"),
        ("2024年12月底前", .date, "≤", "", ""),
        ("210000元", .quantitative, "", "210000", "元"),
        ("220000元", .quantitative, "", "220000", "元"),
        ("317900元", .quantitative, "", "317900", "元"),
        ("43000元", .quantitative, "", "43000", "元"),
        ("50000元", .quantitative, "", "50000", "元"),
        ("60000元", .quantitative, "", "60000", "元"),
        ("<5%", .quantitative, "<", "5", "%"),
        ("<=4%", .quantitative, "≤", "4", "%"),
        ("=100%", .quantitative, "=", "100", "%"),
        ("=10家", .quantitative, "=", "10", "家"),
        ("=110%", .quantitative, "=", "110", "%"),
        ("=1300份", .quantitative, "=", "1300", "份"),
        ("=16个", .quantitative, "=", "16", "个"),
        ("=17个", .quantitative, "=", "17", "个"),
        ("=18人", .quantitative, "=", "18", "人"),
        ("=1场", .quantitative, "=", "1", "场"),
        ("=2000人", .quantitative, "=", "2000", "人"),
        ("=250名", .quantitative, "=", "250", "名"),
        ("=280个", .quantitative, "=", "280", "个"),
        ("=281个", .quantitative, "=", "281", "个"),
        ("=315个", .quantitative, "=", "315", "个"),
        ("=317人", .quantitative, "=", "317", "人"),
        ("=7000万元", .quantitative, "=", "7000", "万元"),
        ("=8项", .quantitative, "=", "8", "项"),
        ("=98%", .quantitative, "=", "98", "%"),
        ("=99%", .quantitative, "=", "99", "%"),
        ("=9个月", .quantitative, "=", "9", "个月"),
        (">14.5万", .quantitative, ">", "145000", ""),
        (">15000人", .quantitative, ">", "15000", "人"),
        (">15万", .quantitative, ">", "150000", ""),
        (">3次", .quantitative, ">", "3", "次"),
        (">5万", .quantitative, ">", "50000", ""),
        (">60%", .quantitative, ">", "60", "%"),
        (">80%", .quantitative, ">", "80", "%"),
        (">85%", .quantitative, ">", "85", "%"),
        (">90%", .quantitative, ">", "90", "%"),
        (">95%", .quantitative, ">", "95", "%"),
        (">=2.07万", .quantitative, "≥", "20700", ""),
        (">=60%", .quantitative, "≥", "60", "%"),
        (">=90%", .quantitative, "≥", "90", "%"),
        (">=95%", .quantitative, "≥", "95", "%"),
        ("≤ 60 万元", .quantitative, "≤", "60", "万元"),
        ("≤100件", .quantitative, "≤", "100", "件"),
        ("≤100批次", .quantitative, "≤", "100", "批次"),
        ("≤10个", .quantitative, "≤", "10", "个"),
        ("≤2800万元", .quantitative, "≤", "2800", "万元"),
        ("≤3%", .quantitative, "≤", "3", "%"),
        ("≤42万元", .quantitative, "≤", "42", "万元"),
        ("≤45人", .quantitative, "≤", "45", "人"),
        ("≥ 4000 万元", .quantitative, "≥", "4000", "万元"),
        ("≥0.7万", .quantitative, "≥", "7000", ""),
        ("≥1.8万", .quantitative, "≥", "18000", ""),
        ("≥100%", .quantitative, "≥", "100", "%"),
        ("≥12000人", .quantitative, "≥", "12000", "人"),
        ("≥15000人", .quantitative, "≥", "15000", "人"),
        ("≥2000人", .quantitative, "≥", "2000", "人"),
        ("≥240人", .quantitative, "≥", "240", "人"),
        ("≥25000人", .quantitative, "≥", "25000", "人"),
        ("≥26人", .quantitative, "≥", "26", "人"),
        ("≥282人", .quantitative, "≥", "282", "人"),
        ("≥3000人", .quantitative, "≥", "3000", "人"),
        ("≥33人", .quantitative, "≥", "33", "人"),
        ("≥3560元/人/月", .quantitative, "≥", "3560", "元/人/月"),
        ("≥40期", .quantitative, "≥", "40", "期"),
        ("≥5个", .quantitative, "≥", "5", "个"),
        ("≥60%", .quantitative, "≥", "60", "%"),
        ("≥6000人", .quantitative, "≥", "6000", "人"),
        ("≥70000人", .quantitative, "≥", "70000", "人"),
        ("≥75期", .quantitative, "≥", "75", "期"),
        ("≥7856卷", .quantitative, "≥", "7856", "卷"),
        ("≥80%", .quantitative, "≥", "80", "%"),
        ("≥80个", .quantitative, "≥", "80", "个"),
        ("≥8814卷", .quantitative, "≥", "8814", "卷"),
        ("≥90%", .quantitative, "≥", "90", "%"),
        ("≥904.35元/人/月", .quantitative, "≥", "904.35", "元/人/月"),
        ("≥90期", .quantitative, "≥", "90", "期"),
        ("≥95%", .quantitative, "≥", "95", "%"),
        ("≥98%", .quantitative, "≥", "98", "%"),
        ("≥99%", .quantitative, "≥", "99", "%"),
        ("≧100人", .quantitative, "≥", "100", "人"),
        ("≧20000人", .quantitative, "≥", "20000", "人"),
        ("≧200人", .quantitative, "≥", "200", "人"),
        ("≧24人", .quantitative, "≥", "24", "人"),
        ("≧50", .quantitative, "≥", "50", ""),
        ("≧5个", .quantitative, "≥", "5", "个"),
        ("≧80%", .quantitative, "≥", "80", "%"),
        ("≧85%", .quantitative, "≥", "85", "%"),
        ("≧90%", .quantitative, "≥", "90", "%"),
        ("≧95%", .quantitative, "≥", "95", "%"),
        ("不适用", .qualitative, "", "", ""),
        ("保障", .qualitative, "", "", ""),
        ("健全", .qualitative, "", "", ""),
        ("充分", .qualitative, "", "", ""),
        ("单位应缴不超过社会保险费实际缴费额的2/3", .quantitative, "≤", "2/3", ""),
        ("原则上不高于当地最低工资标准的1.5倍", .quantitative, "≤", "1.5", "倍"),
        ("及时", .qualitative, "", "", ""),
        ("及时办理", .qualitative, "", "", ""),
        ("及时发放", .qualitative, "", "", ""),
        ("及时有效", .qualitative, "", "", ""),
        ("及时线上或线下回复", .qualitative, "", "", ""),
        ("合理", .qualitative, "", "", ""),
        ("合规", .qualitative, "", "", ""),
        ("基本满意", .qualitative, "", "", ""),
        ("存在不可预见性", .qualitative, "", "", ""),
        ("完善", .qualitative, "", "", ""),
        ("完成任务数", .qualitative, "", "", ""),
        ("完成国民经济目标", .qualitative, "", "", ""),
        ("完成无锡指标", .qualitative, "", "", ""),
        ("完成省、无锡、江阴高质量发展指标", .qualitative, "", "", ""),
        ("广泛进行", .qualitative, "", "", ""),
        ("序时进度", .qualitative, "", "", ""),
        ("当年征缴额的2%", .quantitative, "", "2", "%"),
        ("影响较大", .qualitative, "", "", ""),
        ("按时发放", .qualitative, "", "", ""),
        ("按月按时", .qualitative, "", "", ""),
        ("按期维护", .qualitative, "", "", ""),
        ("提升", .qualitative, "", "", ""),
        ("明确", .qualitative, "", "", ""),
        ("是", .qualitative, "", "", ""),
        ("显著", .qualitative, "", "", ""),
        ("显著提升", .qualitative, "", "", ""),
        ("有效", .qualitative, "", "", ""),
        ("正确精准解读政策", .qualitative, "", "", ""),
        ("法定周期内", .qualitative, "", "", ""),
        ("满意", .qualitative, "", "", ""),
        ("电子化档案备份", .qualitative, "", "", ""),
        ("确保", .qualitative, "", "", ""),
        ("科学", .qualitative, "", "", ""),
        ("规范", .qualitative, "", "", ""),
        ("较大", .qualitative, "", "", ""),
        ("较高", .qualitative, "", "", ""),
        ("逐步实现", .qualitative, "", "", ""),
        ("长期", .qualitative, "", "", ""),
        ("长期保障", .qualitative, "", "", ""),
        ("长期延续", .qualitative, "", "", ""),
        ("长期开展", .qualitative, "", "", ""),
        ("长期执行", .qualitative, "", "", ""),
        ("长期普法", .qualitative, "", "", ""),
        ("$\\geq 95\\%$", .quantitative, "≥", "95", "%"),
        ("2023.07-2024.01", .range, "", "", ""),
        ("90%以上", .quantitative, "≥", "90", "%"),
        ("１２３人", .quantitative, "", "123", "人"),
        ("1,234.5万元", .quantitative, "", "1234.5", "万元"),
        ("20240101-20241231", .range, "", "", ""),
    ]

    @Test func everyValueParsesAsExpected() {
        for (raw, kind, op, number, unit) in Self.expected {
            let v = TargetValueParser.parse(raw)
            #expect(v.kind == kind, "\(raw)")
            #expect((v.op?.rawValue ?? "") == op, "\(raw)")
            #expect((v.kind == .quantitative ? v.numberString : "") == number, "\(raw)")
            #expect((v.unit ?? "") == unit, "\(raw)")
            #expect(v.raw == raw.trimmingWhitespace())
        }
    }

    @Test func theTableCoversEveryValueInTheSeeds() {
        let known = Set(Self.expected.map(\.0))
        var values = Set<String>()
        for dy in Seeds.site.departmentYears {
            for p in dy.projects {
                for i in p.indicators {
                    for t in i.targets {
                        if let v = t.value { values.insert(v) }
                        if let h = t.halfYear { values.insert(h) }
                    }
                }
            }
        }
        #expect(values.count > 140)
        #expect(values.subtracting(known).sorted() == [])
    }

    @Test func holdoutStyleValues() {
        func check(_ raw: String, _ op: String, _ number: String, _ unit: String, qualifier: String? = nil, display: String) {
            let v = TargetValueParser.parse(raw)
            #expect(v.kind == .quantitative, "\(raw)")
            #expect(v.op?.rawValue ?? "" == op, "\(raw)")
            #expect(v.numberString == number, "\(raw)")
            #expect(v.unit ?? "" == unit, "\(raw)")
            if let qualifier { #expect(v.qualifier == qualifier, "\(raw)") }
            #expect(v.display == display, "\(raw)")
        }
        check("≥ 4000 万元", "≥", "4000", "万元", display: "≥4000万元")
        check("$\\geq 95\\%$", "≥", "95", "%", display: "≥95%")
        check(">=2.07万", "≥", "20700", "", display: "≥2.07万")
        check("≧5个", "≥", "5", "个", display: "≥5个")
        check("1.5%贷款总量", "", "1.5", "%", qualifier: "贷款总量", display: "1.5%贷款总量")
        check("单位应缴不超过社会保险费实际缴费额的2/3", "≤", "2/3", "", qualifier: "单位应缴社会保险费实际缴费额的",
              display: "≤单位应缴社会保险费实际缴费额的2/3")
        check("＞＝９０％", "≥", "90", "%", display: "≥90%")
        check("1,234.5万元", "", "1234.5", "万元", display: "1234.5万元")
        check("90%以上", "≥", "90", "%", display: "≥90%")
        check("不低于3个", "≥", "3", "个", display: "≥3个")
        check("1.2亿", "", "120000000", "", display: "1.2亿")
        let range = TargetValueParser.parse("2023.07-2024.01")
        #expect(range.kind == .range && range.from == "2023.07" && range.to == "2024.01")
        let date = TargetValueParser.parse("2024年12月底前")
        #expect(date.kind == .date && date.op == .atMost && date.numberString == "2024-12")
        for phrase in ["及时", "完善", "较高", "不适用", "序时进度"] {
            #expect(TargetValueParser.parse(phrase).kind == .qualitative)
        }
    }

    @Test func moneyValues() {
        #expect(TargetValueParser.parse("=7000万元").money == Money(wan: "7000"))
        #expect(TargetValueParser.parse("210000元").money == Money(wan: "21"))
        #expect(TargetValueParser.parse("≥95%").money == nil)
    }

    /// The remembered parse and its printed strings are those of a fresh parse, the first time
    /// a text is seen and every time after.
    @Test func theCacheKeepsWhatAFreshParseMakes() {
        var texts: [String] = ["≥904.35元/人/月", "2023.07-2024.01", "2/3", ">=2.07万", "及时"]
        for dy in Seeds.site.departmentYears {
            for p in dy.projects { for i in p.indicators { for t in i.targets { texts += [t.value, t.halfYear].compactMap { $0 } } } }
        }
        #expect(texts.count > 100)
        for _ in 0..<2 {
            for text in texts {
                let fresh = TargetValueParser.parseUncached(text)
                let cached = TargetValueParser.parsed(text)
                #expect(cached.value == fresh, "\(text)")
                #expect(cached.display == fresh.display, "\(text)")
                #expect(cached.numberString == fresh.numberString, "\(text)")
            }
        }
        #expect(TargetValueParser.parsed("≥2.07万").numberString == "20700")
    }
}
