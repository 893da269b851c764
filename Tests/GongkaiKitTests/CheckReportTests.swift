// `check` says, per document, the kind of form it found and why (issue 18): the seeds, a real
// form from another province, a real self-evaluation and a document that is no form.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct CheckReportTests {
    /// The lines under `各文档识别为：`, by document path.
    static func documentLines(_ summary: String) -> [String: String] {
        var out: [String: String] = [:]
        var inside = false
        for line in summary.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "各文档识别为：" || line == "Each document was read as:" { inside = true; continue }
            guard inside, line.hasPrefix("  ") else { if inside { inside = !line.isEmpty && inside }; continue }
            let parts = line.dropFirst(2).split(separator: "  ", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    @Test func theSeedsAreNamedWithTheirHeaderAndLine() throws {
        let lines = Self.documentLines(Report.summary(Seeds.site))
        #expect(lines.count == 5)
        // 2022-市级财政项目支出预算绩效目标表.md: its header row is line 19 of the seed.
        let b = try #require(lines.first { $0.key.hasSuffix("2022-市级财政项目支出预算绩效目标表.md") }?.value)
        #expect(b == "表格式：市级财政项目支出预算绩效目标表（依据：一级指标/二级指标/三级指标/半年（程）指标值/全年（程）指标值 表头，第19行）")
        let seed = try String(contentsOfFile: Repo.content + "/江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md", encoding: .utf8)
        let line19 = seed.split(separator: "\n", omittingEmptySubsequences: false)[18]
        #expect(line19.contains("一级指标") && line19.contains("全年（程）指标值"))
        for (_, what) in lines { #expect(what.hasPrefix("表格式：")) }
    }

    @Test func aRealFormALookAlikeAndAStrayDocument() throws {
        guard let root = RealForms.root else { return }
        let dir = TemporaryDirectory()
        for name in ["ah-guangde-lucun-xiang-shuiyuandi-baohu-2022", "NEG-nx-yuanzhou-songcha-ruhu-ziping-2022"] {
            let text = try String(contentsOfFile: "\(root)/\(name).txt", encoding: .utf8)
            dir.write("Content/\(name).md", text)
        }
        dir.write("Content/notes.md", "# 会议纪要\n\n今天讨论了预算。\n")
        let site = try Pipeline.read(contentDir: dir.path + "/Content", config: SiteConfig())
        let zh = Self.documentLines(Report.summary(site))
        let en = Self.documentLines(Report.summary(site, language: .en))
        let form = try #require(zh.first { $0.key.hasSuffix("shuiyuandi-baohu-2022.md") }?.value)
        // A form without an indicator table is known by its project's name and amount.
        #expect(form.hasPrefix("表格式："))
        #expect(form.contains("依据：项目名称与金额，第"))
        let selfEvaluation = try #require(zh.first { $0.key.hasSuffix("ziping-2022.md") }?.value)
        #expect(selfEvaluation.hasPrefix("绩效自评表（依据：有自评表的栏目："))
        #expect(selfEvaluation.hasSuffix("不是绩效目标表，不发布"))
        let stray = try #require(zh.first { $0.key.hasSuffix("notes.md") }?.value)
        #expect(stray == "未识别为绩效目标表（原因见下方问题）")
        #expect(en.first { $0.key.hasSuffix("ziping-2022.md") }?.value.hasPrefix("self-evaluation form (because it has a self-evaluation's columns: ") == true)
        #expect(en.count == 3 && zh.count == 3)
    }
}
