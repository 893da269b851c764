// Every message of the checks outside the form readers (aggregation, 公开清单, quality checks,
// content files, configuration, themes) in Chinese and in English, each from a real input that
// triggers it.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct MessagesTests {
    /// Reads `files` (name → text, into Content/) with gongkai.yml `config` and returns the
    /// site's diagnostics.
    func diagnostics(_ files: [String: String], config: String = "baseURL: https://yusuan.example.gov.cn/\n") throws -> [Diagnostic] {
        let dir = TemporaryDirectory()
        for (name, text) in files { dir.write("Content/" + name, text) }
        dir.write("gongkai.yml", config)
        return try Pipeline.read(contentDir: dir.path + "/Content", config: try SiteConfig.load(path: dir.path + "/gongkai.yml")).diagnostics
    }

    func seed(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// code → (Chinese, English) of its first diagnostic in the inputs below.
    static let expected: [String: (zh: String, en: String)] = [
        "budget-statement-mismatch": ("年度预算安排写 120.00 万元，表格写 100.00 万元",
                                      "年度预算安排 says 120.00 万元 but the table says 100.00 万元"),
        "cost-contradiction": ("成本指标 ‘培训经费’ ≤80万元 把成本上限定得低于项目预算 100.00 万元",
                               "成本指标 ‘培训经费’ ≤80万元 caps the cost below the project's budget of 100.00 万元"),
        "funding-mismatch": ("财政拨款 + 上年结转 + 其他资金 = 90.00 万元，项目金额却是 100.00 万元",
                             "财政拨款 + 上年结转 + 其他资金 = 90.00 万元, but the project's amount is 100.00 万元"),
        "funding-not-read": ("资金来源各栏（财政拨款、上年结转、其他资金）都没有读到金额（空或 0），项目金额却是 100.00 万元：未核对资金来源，请检查表格中这几栏的数值",
                             "no sum was read for any funding line (财政拨款, 上年结转, 其他资金: empty or 0) while the project's amount is 100.00 万元: the funding split is not checked; look at these cells of the table"),
        "rate-out-of-range": ("‘就业率’ 是比率，目标 =120% 却超出 0–100%", "‘就业率’ is a rate but its target =120% is outside 0–100%"),
        "plan-decreasing": ("资金支出计划的比例在减少（20%、50%、40%、90%）；各期比例应是累计数",
                            "资金支出计划 decreases (20%, 50%, 40%, 90%); the shares are cumulative"),
        "plan-not-100": ("资金支出计划最后为 90%，而不是 100%", "资金支出计划 ends at 90% instead of 100%"),
        "unit-mismatch": ("‘享受补助资金人数（个）’ 以 ‘个’ 计，目标 ≧200人 却用 ‘人’", "‘享受补助资金人数（个）’ is counted in ‘个’ but its target ≧200人 gives ‘人’"),
        "year-amount-exceeds-total": ("本年度项目金额 700.00 万元大于项目总金额 666.00 万元",
                                      "本年度项目金额 700.00 万元 exceeds 项目总金额 666.00 万元"),
        "not-a-document": ("已忽略：不是 .md、.markdown、.txt 或 .docx 文档", "ignored: not a .md, .markdown, .txt or .docx document"),
        "convert-first": ("gongkai 不能直接读取 .pdf 文件：最好找到它的 Word 文件（或用 Word、WPS 另存为 .docx）；没有时用 `pdftotext -layout -enc UTF-8 文件名.pdf 文件名.txt`",
                          "gongkai cannot read a .pdf file as it is: best find its Word file (or save it as .docx with Word or WPS); else `pdftotext -layout -enc UTF-8 FILE.pdf FILE.txt`"),
        "unreadable-file": ("无法读取该文件", "cannot read the file"),
        "config-empty-value": ("‘title’ 没有值，使用默认值", "‘title’ has no value; the default is used"),
        "unknown-language": ("未知的语言代码 ‘chinese’（例如 zh-CN、zh-Hans、en）", "unknown language code ‘chinese’ (e.g. zh-CN, zh-Hans, en)"),
        "unknown-code": ("‘silence’ 中的 ‘ocr-garbige’ 不是 gongkai 的诊断代码（见 docs/diagnostics.md）",
                         "‘ocr-garbige’ in ‘silence’ is not a gongkai diagnostic code (see docs/diagnostics.md)"),
        "silence-unknown-file": ("‘silence’ 中的 ‘b.md’ 不是内容目录中的文件（路径相对于 CONTENT/）",
                                 "‘b.md’ in ‘silence’ is not a file of the content (paths are relative to CONTENT/)"),
        "param-not-a-link": ("params 中的 ‘找错’ 必须是 http:// 或 https:// 开头的网址，页脚不显示它",
                             "‘找错’ in params must be an http:// or https:// address; the footer leaves it out"),
        "missing-baseurl": ("未设置 baseURL：sitemap.xml、robots.txt 和规范链接将使用 https://example.org/（在 gongkai.yml 中设置 baseURL: 为网站地址，或用 --baseURL / GONGKAI_BASEURL）",
                            "no baseURL set: sitemap.xml, robots.txt and canonical links use https://example.org/ (set `baseURL:` in gongkai.yml to the site's address, or use --baseURL / GONGKAI_BASEURL)"),
    ]

    /// The messages that name other places (a file:line) are checked with the place filled in.
    static func located(_ location: String) -> [String: (zh: String, en: String)] {
        [
            "duplicate-project": ("‘创业投资引导资金（促进就业资金）’（8040.55 万元）已在 \(location) 列出；合计中算了两次",
                                  "‘创业投资引导资金（促进就业资金）’ (8040.55 万元) is already listed at \(location); it is counted twice in the total"),
        ]
    }

    @Test func everyMessageInBothLanguages() throws {
        var found: [String: Diagnostic] = [:]
        func collect(_ list: [Diagnostic]) { for d in list where found[d.code] == nil { found[d.code] = d } }
        collect(try diagnostics(["c.md": QualityChecksTests.formC]))
        collect(try diagnostics(["c.md": QualityChecksTests.formCWithoutFundingValues]))
        let gaoxin = try seed(Repo.gaoxin)
        let plan = try #require(gaoxin.range(of: "\t20%\n\t50%\n\t70%\n\t100%"))
        collect(try diagnostics(["d.md": gaoxin.replacingCharacters(in: plan, with: "\t20%\n\t50%\n\t40%\n\t90%")]))
        collect(try diagnostics(["a.md": try seed(Repo.jiangyin2021a).replacingOccurrences(
            of: "项目总金额（万元）\t666万元\n", with: "项目总金额（万元）\t666万元\n本年度项目金额（万元）\t700\n")]))
        // A file that is not a document, and one that cannot be read (gone after it was listed).
        collect(try diagnostics(["a.md": try seed(Repo.jiangyin2021b), "scan.pdf": "%PDF", "photo.png": "PNG"]))
        collect(ContentLoader.read(["/nonexistent/gone.md"]).flatMap(\.diagnostics))
        collect(try diagnostics(["a.md": try seed(Repo.jiangyin2021b)],
                                config: "title:\nlanguage: chinese\nsilence:\n  a.md: [ocr-garbige]\n  b.md: [ocr-garbage]\nparams:\n  找错: javascript:alert(1)\n"))
        for (code, text) in Self.expected {
            guard let d = found[code] else { Issue.record("no input gave \(code)"); continue }
            #expect(Self.anonymous(d.message) == text.zh, "\(code) in Chinese")
            #expect(Self.anonymous(d.english) == text.en, "\(code) in English")
        }
        // The same document twice: the duplicate names where the first one is.
        let b = try seed(Repo.jiangyin2022)
        let twice = try diagnostics(["b1.md": b, "b2.md": b])
        let duplicate = try #require(twice.first { $0.code == "duplicate-project" })
        let first = try #require(twice.first { $0.code == "duplicate-project" }.flatMap { d in
            d.english.range(of: "is already listed at ").map { String(d.english[$0.upperBound...].prefix { $0 != ";" }) }
        })
        #expect(first.hasSuffix("/Content/b1.md:3"))
        let text = try #require(Self.located(first)["duplicate-project"])
        #expect(duplicate.message == text.zh, "\(duplicate.message)")
        #expect(duplicate.english == text.en, "\(duplicate.english)")
    }

    /// The message with the temporary folder's Content/ written `CONTENT`.
    static func anonymous(_ message: String) -> String {
        message.replacing(/[^ （(‘]*gongkai-test-[0-9A-F-]+\/Content/, with: "CONTENT")
    }

    /// The 公开清单 and the codes shared between projects, in both languages.
    @Test func annexAndCodeMessagesInBothLanguages() throws {
        let xianDe = try seed(Repo.xianDe)
        let changed = xianDe
            .replacingOccurrences(of: "\n7\t工伤认定调查经费\t8\n", with: "\n7\t工伤认定调查经费\t9\n")
            .replacingOccurrences(of: "\n12\t信息化建设经费\t11\n", with: "\n12\t档案数字化经费\t11\n")
        let list = try diagnostics(["x.md": changed, "y.md": changed])
        func texts(_ code: String) -> [(String, String)] { list.filter { $0.code == code }.map { ($0.message, $0.english) } }
        func at(_ d: String) -> String { d.components(separatedBy: "/Content/").last ?? d }
        let amount = try #require(list.first { $0.code == "annex-amount-mismatch" })
        let place = try #require(amount.english.range(of: "万元 (").map { String(amount.english[$0.upperBound...].dropLast()) })
        #expect(amount.message == "公开清单中 ‘工伤认定调查经费’ 为 9.00 万元，项目写的却是 8.00 万元（\(place)）")
        #expect(amount.english == "公开清单 gives ‘工伤认定调查经费’ 9.00 万元 but the project states 8.00 万元 (\(place))")
        #expect(texts("annex-unmatched").first! == ("公开清单中的 ‘档案数字化经费’ 与 旌德县人力资源和社会保障局 2024 年的任何项目都对不上",
                                                    "公开清单 row ‘档案数字化经费’ matches no project of 旌德县人力资源和社会保障局 2024"))
        #expect(texts("annex-total-mismatch").first! == ("公开清单合计 626.39 万元，各项目合计却是 1250.78 万元",
                                                         "公开清单 totals 626.39 万元 but the projects total 1250.78 万元"))
        let missing = try #require(list.first { $0.code == "annex-missing-project" })
        #expect(missing.message.hasPrefix("项目 ‘人社系统信息化建设’ 没有列在公开清单中（"), "\(missing.message)")
        #expect(missing.english.hasPrefix("project ‘人社系统信息化建设’ is not listed in the 公开清单 ("), "\(missing.english)")
        let name = try #require(list.first { $0.code == "annex-name-mismatch" })
        #expect(name.message.hasPrefix("公开清单写作 ‘事业单位招聘工作经费’，项目名称却是 ‘事业单位招考工作经费’（"))
        #expect(name.english.hasPrefix("公开清单 names ‘事业单位招聘工作经费’ but the project is ‘事业单位招考工作经费’ ("))
        let annex = try #require(list.first { $0.code == "duplicate-annex" })
        #expect(annex.message == "旌德县人力资源和社会保障局 2024 年有第二份公开清单；保留第一份")
        #expect(annex.english == "a second 公开清单 for 旌德县人力资源和社会保障局 2024; the first one is kept")
        #expect(at(annex.location.file) == "y.md")

        let b = try seed(Repo.jiangyin2022)
        let renamed = b.replacingOccurrences(of: "项目名称\t居民养老保险补贴\t\t项目编码\t320281223230023000004",
                                             with: "项目名称\t居民养老保险补贴\t\t项目编码\t320281223230023000005")
        let code = try #require(try diagnostics(["b.md": renamed]).first { $0.code == "duplicate-code" })
        let other = try #require(code.english.range(of: "(").map { String(code.english[$0.upperBound...].dropLast()) })
        #expect(code.message.hasSuffix("的项目编码 320281223230023000005 也是 ‘机关事业单位养老保险基金补贴’ 的编码（\(other)）"))
        #expect(code.english.hasSuffix("is also the code of ‘机关事业单位养老保险基金补贴’ (\(other))"))
    }

    /// A project's messages read back from the build cache are the same, in both languages.
    @Test func cachedDiagnosticsKeepBothLanguagesAndColumns() throws {
        let d = Diagnostic(.warning, SourceLocation(file: "a.md", line: 3, column: 7), code: "x", "中文", en: "English")
        var w = BinaryWriter()
        w.diagnostic(d)
        var r = BinaryReader(w.bytes)
        #expect(try r.diagnostic() == d)
    }
}
