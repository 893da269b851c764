// Real forms from 16 provinces (../shared/forms/real), each checked against what a person reads
// in it (Fixtures/forms/<name>.yml): kind, department, year, each project's name and amount.

import Foundation
import Testing
import Yams
@testable import GongkaiKit

@Suite struct RealFormsTests {
    struct Expectation: Decodable {
        struct ProjectExpectation: Decodable {
            var name: String
            var amount: String?
            var amount_unit_in_text: String?
            var indicators: Int?
        }
        var kind: String
        var department: String?
        var year: Int?
        var truncated: Bool?
        var projects: [ProjectExpectation]
    }

    static let fixtures = Repo.root + "/Tests/GongkaiKitTests/Fixtures/forms"

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { $0.hasSuffix(".yml") }
            .map { String($0.dropLast(4)) }.sorted()
    }

    static func expectation(_ name: String) throws -> Expectation {
        let text = try String(contentsOfFile: "\(fixtures)/\(name).yml", encoding: .utf8)
        return try YAMLDecoder().decode(Expectation.self, from: text)
    }

    static func read(_ name: String) -> DocumentResult? {
        guard let root = RealForms.root, let data = FileManager.default.contents(atPath: "\(root)/\(name).txt") else { return nil }
        return DocumentReader.read(path: name + ".txt", bytes: [UInt8](data))
    }

    /// A form that holds projects (an implementation plan with targets per project counts).
    static func isPositive(_ e: Expectation) -> Bool { e.kind == "targets" || e.kind == "implementation_plan" }

    /// How a document's reading falls short of its expectation (empty when it gives every
    /// project with the right name, department, year and amount).
    static func shortfalls(_ name: String) throws -> [String] {
        let expected = try expectation(name)
        guard let doc = read(name) else { return [] }
        var out: [String] = []
        if !Self.isPositive(expected) {
            if !doc.projects.isEmpty { out.append("publishes \(doc.projects.count) project(s) of a \(expected.kind)") }
            if doc.kind.rawValue != expected.kind { out.append("kind \(doc.kind.rawValue), expected \(expected.kind)") }
            return out
        }
        for p in expected.projects {
            guard let got = doc.projects.first(where: { $0.name == p.name || $0.otherNames.contains(p.name) }) else {
                out.append("project ‘\(p.name)’ not read (read: \(doc.projects.map(\.name)))")
                continue
            }
            let amount = p.amount.flatMap { Money(wan: $0) }
            if got.amount != amount { out.append("‘\(p.name)’: amount \(got.amount?.wanString ?? "none"), expected \(p.amount ?? "none")") }
            if let year = expected.year, got.year != year { out.append("‘\(p.name)’: year \(got.year.map(String.init) ?? "none"), expected \(year)") }
            if let department = expected.department,
               Departments.baseKey(got.rawDepartment ?? "") != Departments.baseKey(department)
            {
                out.append("‘\(p.name)’: department \(got.rawDepartment ?? "none"), expected \(department)")
            }
        }
        if doc.projects.count > expected.projects.count {
            out.append("\(doc.projects.count) projects read, \(expected.projects.count) expected: \(doc.projects.map(\.name))")
        }
        return out
    }

    /// Never a wrong amount, never a label or a value taken as a name: an amount read for a
    /// project is its amount, and a name read is a project's name.
    static func wrongFacts(_ name: String) throws -> [String] {
        let expected = try expectation(name)
        guard let doc = read(name) else { return [] }
        var out: [String] = []
        for p in doc.projects {
            // A name that is the person's reading of a project is right, whatever it holds
            // (`部门整体支出绩效目标表`, `2023年文物保护经费`).
            let isExpectedName = expected.projects.contains { $0.name == p.name }
            if !isExpectedName, TextRows.isLabel(p.name) || IndicatorVocabulary.isValueLike(p.name) || Money(wan: p.name) != nil
                || TextRows.cells(p.name, splitRunTogether: true).contains(where: { Labels.field($0) != nil })
            {
                out.append("name ‘\(p.name)’ holds a label or a value")
            }
            guard let amount = p.amount else { continue }
            let match = expected.projects.first { $0.name == p.name || p.otherNames.contains($0.name) }
            if let match, let expectedAmount = match.amount.flatMap({ Money(wan: $0) }), expectedAmount != amount {
                out.append("‘\(p.name)’: wrong amount \(amount.wanString), expected \(expectedAmount.wanString)")
            }
            if match == nil { out.append("‘\(p.name)’ with \(amount.wanString) 万元 is no project of the text") }
        }
        return out
    }

    /// The indicators read with a value of the year's (a 中期 set beside it counts once), as
    /// the person counted them.
    static func completeIndicators(_ p: Project) -> Int {
        p.indicators.filter { i in
            i.targets.first.map { ($0.value != nil || $0.halfYear != nil) && !["中期", "长期", "实施期"].contains($0.term ?? "") } ?? false
        }.count
    }

    /// Forms whose indicators are not rows gongkai reads, and why (README, 真实表格).
    static let indicatorShortfalls: Set<String> = [
        "gs-jiayuguan-bowuguan-mianfei-kaifang-2023-mirror",  // run together with their values, no separators
        "hb-jingmen-wenlv-wenwu-baohu-2022",  // written as prose in two cells
        "sx-yongji-wenwu-baohu-jingfei-2023-docshare",  // the cells' order scrambled
        "xj-changji-zhiye-xueyuan-zhuxuejin-2019-trad-mirror",  // numbered prose, and no project read
    ]

    @Test func indicatorsAreCountedAsThePersonCountedThem() throws {
        guard RealForms.root != nil else { return }
        for name in Self.names where !Self.indicatorShortfalls.contains(name) {
            let expected = try Self.expectation(name)
            guard Self.isPositive(expected), let doc = Self.read(name) else { continue }
            for p in expected.projects {
                let got = doc.projects.first { $0.name == p.name || $0.otherNames.contains(p.name) }
                #expect(got.map(Self.completeIndicators) == p.indicators, "\(name): ‘\(p.name)’")
            }
        }
    }

    @Test func aFormTheTextCutsIsMarkedIncompleteAndOnlyThen() throws {
        guard RealForms.root != nil else { return }
        for name in Self.names where name != "xj-changji-zhiye-xueyuan-zhuxuejin-2019-trad-mirror" {
            let expected = try Self.expectation(name)
            guard Self.isPositive(expected), let truncated = expected.truncated, let doc = Self.read(name) else { continue }
            #expect(doc.projects.last?.incomplete == truncated, "\(name)")
            // Only the form the text ends in can be cut.
            #expect(doc.projects.dropLast().allSatisfy { !$0.incomplete }, "\(name)")
        }
    }

    @Test func atLeast25Of29FormsAreReadRight() throws {
        guard RealForms.root != nil else { return }
        let positives = try Self.names.filter { Self.isPositive(try Self.expectation($0)) }
        #expect(positives.count == 29)
        var right = 0
        var report: [String] = []
        for name in positives {
            let problems = try Self.shortfalls(name)
            if problems.isEmpty { right += 1 } else { report.append("\(name): " + problems.joined(separator: "; ")) }
        }
        #expect(right >= 25, "\(right) of \(positives.count) forms read right; short:\n\(report.joined(separator: "\n"))")
    }

    @Test func lookAlikesAreReportedAsWhatTheyAreAndPublishNothing() throws {
        guard RealForms.root != nil else { return }
        let negatives = Self.names.filter { $0.hasPrefix("NEG-") }
        #expect(negatives.count == 5)
        for name in negatives {
            let problems = try Self.shortfalls(name)
            #expect(problems == [], "\(name): \(problems)")
            let doc = try #require(Self.read(name))
            #expect(doc.diagnostics.contains { $0.code == "not-a-target-form" }, "\(name)")
        }
    }

    @Test func noFormGivesAWrongAmountOrALabelAsAName() throws {
        guard RealForms.root != nil else { return }
        #expect(Self.names.count == 34)
        for name in Self.names {
            let wrong = try Self.wrongFacts(name)
            #expect(wrong == [], "\(name): \(wrong)")
        }
    }
}

/// The standard 申报表 gives the term's money and the year's side by side (`中期资金总额: | 449.8万
/// | 年度资金总额: | 189.8万`, then `其中:财政拨款 | 449.8万 | 其中:财政拨款 | 189.8万`): the
/// year's funding lines are the year's half only, the term's are kept as fields, and nothing
/// is added up across the two.
@Suite struct TermFundingTests {
    @Test(arguments: [("ah-bozhou-qixiang-rengong-zengyu-2023-mirror", "189.8", "449.8万"),
                      ("ah-luan-nongyenongcun-zhijian-sanpinyibiao-2024", "51.35", "68.50")])
    func theYearsFundingIsTheYearsHalf(name: String, year: String, term: String) throws {
        guard let doc = RealFormsTests.read(name) else { return }
        let p = try #require(doc.projects.first)
        #expect(p.amount == Money(wan: year))
        let money = p.funding.compactMap(\.amount)
        #expect(money == [Money(wan: year)!] || money == [Money(wan: year)!, .zero])
        #expect(!doc.diagnostics.contains { $0.code == "funding-mismatch" })
        #expect(p.fields.contains { $0.label.hasPrefix("中期·") && $0.label.contains("财政拨款") && $0.value == term })
    }
}

/// Real forms whose funding values the reader could not tie to their labels (芜湖: labels in one
/// row, `0.00  25.00  0.00` in the next; 永济: `市县(区)财政资 1,000,000 金`): no form's funding
/// is said to add up to 0.00 on a citizen's page; the publisher is told the split was not read.
@Suite struct UnreadFundingTests {
    @Test func noRealFormsFundingIsSaidToAddUpToZero() throws {
        guard let root = RealForms.root else { return }
        let dir = TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: root) where name.hasSuffix(".txt") {
            dir.copy("\(root)/\(name)", to: "content/\(name)")
        }
        let site = try Pipeline.read(contentDir: dir.path + "/content", config: SiteConfig())
        let zero = site.diagnostics.filter { $0.code == "funding-mismatch" && $0.message.contains("= 0.00 万元") }
        #expect(zero.isEmpty, "\(zero.map(\.message))")
        for dy in site.departmentYears {
            #expect(!dy.notes.contains { $0.contains("资金来源合计 0.00 万元") }, "\(dy.notes)")
        }
        let unread = site.diagnostics.filter { $0.code == "funding-not-read" }.map { ($0.location.file as NSString).lastPathComponent }
        #expect(unread.contains("sx-yongji-wenwu-baohu-jingfei-2023-docshare.txt"), "\(unread)")
    }

    /// 芜湖: `项目资金来源情况(万元) 其中:上级财政补助资金 其中:同级财政资金 其他` with
    /// `0.00  25.00  0.00` on the line below: the line of amounts is the labels' row of values.
    @Test func aLineOfAmountsUnderARowOfLabelsIsItsValues() throws {
        let doc = try #require(RealFormsTests.read("ah-wuhu-weijian-teshu-renqun-shaicha-2019"))
        let p = try #require(doc.projects.first)
        #expect(p.funding.map(\.label) == ["上级财政补助资金", "同级财政资金", "其他"])
        #expect(p.funding.map(\.amount) == [.zero, Money(wan: "25.00"), .zero])
        #expect(p.funding.allSatisfy { $0.line == 14 })
        #expect(!doc.diagnostics.contains { $0.location.line == 14 })
    }

    /// 荆门: after a funding group whose labels and values were read, the rows that follow are
    /// not that group's 资金用途 (`项目概述(情况介绍)`, `效益指标`, `资金拨付对象` were all taken as
    /// 资金用途 text, their labels inside it).
    @Test func rowsAfterAFundingGroupAreNotItsPurpose() throws {
        let doc = try #require(RealFormsTests.read("hb-jingmen-wenlv-wenwu-baohu-2022"))
        let sections = doc.projects.flatMap(\.sections)
        #expect(!sections.contains { $0.title == "资金用途" }, "\(sections.map { ($0.title, $0.text.prefix(20)) })")
        #expect(sections.contains { $0.title == "资金拨付对象" && $0.text == "市文化和旅游局" })
    }
}

/// A form whose funding lines are grouped under 小计 lines (`财政拨款小计`, then `1、一般公共预算`
/// …): the 小计 lines add up to the amount, the lines under them are not added again.
@Suite struct SubtotalFundingTests {
    @Test func subtotalsAreNotAddedToTheirParts() throws {
        guard let root = RealForms.root else { return }
        let name = "sc-guangyuan-zhaohua-tekun-zaifuzhu-2021"
        let dir = TemporaryDirectory()
        dir.copy("\(root)/\(name).txt", to: "content/\(name).txt")
        let site = try Pipeline.read(contentDir: dir.path + "/content", config: SiteConfig())
        let p = try #require(site.departmentYears.flatMap(\.projects).first)
        #expect(p.amount == Money(wan: "6.30"))
        #expect(p.funding.contains { $0.label.hasSuffix("小计") })
        #expect(!site.diagnostics.contains { $0.code == "funding-mismatch" })
    }
}
