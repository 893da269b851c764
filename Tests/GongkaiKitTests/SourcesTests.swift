// Sources and freshness (issue 20): front matter, originals beside documents, gongkai.yml's
// license, date and documents, publication dates on pages and in the sitemap; titles that
// tell a project's years apart.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SourcesTests {
    static let xianDeFile = "旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况"

    /// The seeds in a temporary content folder, the 旌德县 document with `front` before it.
    static func content(_ dir: TemporaryDirectory, front: String? = nil) {
        for seed in Repo.seeds {
            let relative = String(seed.dropFirst(Repo.content.count + 1))
            if let front, seed == Repo.xianDe {
                dir.write("Content/" + relative, front + ((try? String(contentsOfFile: seed, encoding: .utf8)) ?? ""))
            } else {
                dir.copy(seed, to: "Content/" + relative)
            }
        }
    }

    @Test func frontMatterIsReadAndLeftAsEmptyLines() throws {
        let text = try String(contentsOfFile: Repo.xianDe, encoding: .utf8)
        let front = "---\nsource_url: https://www.jingde.gov.cn/yusuan/2024.html\ndate: 2024-02-01\n---\n"
        var plain = DocumentResult(path: "x.md")
        #expect(FrontMatter.read(Array(text.utf8), into: &plain) == Array(text.utf8))
        #expect(plain.sourceURL == nil && plain.date == nil)
        let doc = DocumentReader.read(path: "x.md", bytes: Array((front + text).utf8))
        #expect(doc.sourceURL == "https://www.jingde.gov.cn/yusuan/2024.html")
        #expect(doc.date == "2024-02-01")
        // Every line keeps its number: the same projects, four lines further down.
        let without = DocumentReader.read(path: "x.md", bytes: Array(text.utf8))
        #expect(doc.projects.map(\.name) == without.projects.map(\.name))
        #expect(doc.projects.map(\.location.line) == without.projects.map { $0.location.line + 4 })
        #expect(doc.projects.map(\.amount) == without.projects.map(\.amount))
        #expect(doc.diagnostics.map(\.code) == without.diagnostics.map(\.code))
        #expect(doc.diagnostics.map(\.location.line) == without.diagnostics.map { $0.location.line + 4 })
    }

    @Test func frontMatterProblemsAreReportedAndNothingUnsafeIsLinked() {
        var doc = DocumentResult(path: "x.md")
        let bytes = Array("\u{FEFF}---\nsource_url: javascript:alert(1)\ndate: 2024-02-30\ntitle: 表\n...\n正文\n".utf8)
        let rest = FrontMatter.read(bytes, into: &doc)
        #expect(doc.sourceURL == nil && doc.date == nil)
        #expect(doc.diagnostics.map(\.code) == ["source-url-invalid", "date-invalid", "front-matter-ignored"])
        #expect(doc.diagnostics.map(\.location.line) == [2, 3, 4])
        #expect(String(decoding: rest, as: UTF8.self) == "\u{FEFF}\n\n\n\n\n正文\n")
        // Not YAML: the lines stay in the form, with a warning.
        var other = DocumentResult(path: "y.md")
        let table = Array("---\n项目名称\t[\n---\n".utf8)
        #expect(FrontMatter.read(table, into: &other) == table)
        #expect(other.diagnostics.map(\.code) == ["front-matter-invalid"])
        // No closing fence: no front matter.
        var open = DocumentResult(path: "z.md")
        let rule = Array("---\n项目名称\t甲\n".utf8)
        #expect(FrontMatter.read(rule, into: &open) == rule && open.diagnostics.isEmpty)
    }

    @Test func datesAndAddressesAreReadAsPublishersWriteThem() {
        #expect(PublicationDate.normalize("2024-02-01") == "2024-02-01")
        #expect(PublicationDate.normalize("2024/2/1") == "2024-02-01")
        #expect(PublicationDate.normalize("2024年2月9日") == "2024-02-09")
        #expect(PublicationDate.normalize("2024-02-30") == nil)
        #expect(PublicationDate.normalize("2024-2") == nil)
        #expect(PublicationDate.normalize("2023-02-29") == nil && PublicationDate.normalize("2024-02-29") == "2024-02-29")
        #expect(PublicationDate.chinese("2024-02-01") == "2024年2月1日")
        #expect(SourceURL.validate(" https://a.gov.cn/x?y=1 ") == "https://a.gov.cn/x?y=1")
        #expect(SourceURL.validate("javascript:alert(1)") == nil)
        #expect(SourceURL.validate("https://") == nil)
        #expect(SourceURL.validate("https://a.gov.cn/\"><script>") == nil)
    }

    /// A file gongkai cannot read, with no document beside it: the warning says how to convert
    /// that kind of file (a spreadsheet is not a word processor's file).
    @Test func aFileToConvertIsToldHow() throws {
        let dir = TemporaryDirectory()
        for name in ["表.xlsx", "表.doc", "表.pdf"] { dir.write("Content/" + name, bytes: [0x50, 0x4B, 0x03, 0x04]) }
        let site = try Pipeline.read(contentDir: dir.path + "/Content", config: SiteConfig())
        let advice = Dictionary(uniqueKeysWithValues: site.diagnostics.filter { $0.code == "convert-first" }
            .map { (String($0.location.file.split(separator: "/").last!), $0.message) })
        #expect(advice.count == 3)
        #expect(advice["表.xlsx"]?.contains("复制到 WPS 文字或 Word 的新文档，另存为 .docx") == true)
        #expect(advice["表.xlsx"]?.contains("soffice") == false)
        #expect(advice["表.doc"]?.contains("soffice --headless --convert-to docx") == true)
        #expect(advice["表.pdf"]?.contains("pdftotext -layout") == true)
    }

    /// The acceptance test: a .pdf beside a converted document is published and linked as 原文,
    /// the date shown is the one given, and two builds are byte-identical.
    @Test func anOriginalBesideADocumentIsPublishedAndLinked() throws {
        let dir = TemporaryDirectory()
        Self.content(dir, front: "---\ndate: 2024-02-01\nsource_url: https://www.jingde.gov.cn/yusuan/2024.html\n---\n")
        let pdf = Array("%PDF-1.4\n原文 \u{0}\u{1}\n%%EOF\n".utf8)
        dir.write("Content/" + Self.xianDeFile + ".pdf", bytes: pdf)
        dir.write("Content/孤立的文件.pdf", bytes: pdf)
        dir.write("gongkai.yml", "baseURL: https://yusuan.example.gov.cn/jingde/\nlicense: CC-BY-4.0\n")
        let result = try BuiltSite.build(content: dir.path + "/Content", into: dir)
        // Published with a safe path, byte for byte.
        let published = "originals/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.pdf"
        #expect(FileManager.default.contents(atPath: dir.path + "/Public/" + published) == Data(pdf))
        // The original is not read as a document; a PDF that belongs to no document still is reported.
        let notDocuments = result.site.diagnostics.filter { $0.code == "convert-first" || $0.code == "not-a-document" }.map(\.location.file)
        #expect(notDocuments == [dir.path + "/Content/孤立的文件.pdf"])
        let href = Permalinks.encode(published)
        let yearPage = dir.read("Public/旌德县人力资源和社会保障局/2024/index.html") ?? ""
        #expect(yearPage.contains("<a href=\"../../\(href)\">原文（PDF）</a>"))
        #expect(yearPage.contains("<a href=\"https://www.jingde.gov.cn/yusuan/2024.html\">原文发布页面</a>"))
        #expect(yearPage.contains("发布日期：<time datetime=\"2024-02-01\">2024年2月1日</time>"))
        #expect(!yearPage.contains("source_url"))
        let projectPage = dir.read("Public/旌德县人力资源和社会保障局/2024/就业补助资金县级配套.html") ?? ""
        #expect(projectPage.contains("<a href=\"../../\(href)\">原文（PDF）</a>"))
        #expect(projectPage.contains("<dt>发布日期</dt><dd><time datetime=\"2024-02-01\">2024年2月1日</time></dd>"))
        // Another department's pages have no date and no original.
        let other = dir.read("Public/高新区人力资源和社会保障局/2024/index.html") ?? ""
        #expect(!other.contains("原文（") && !other.contains("<time"))
        // The sitemap's lastmod comes from the date; pages without one have none.
        let sitemap = dir.read("Public/sitemap.xml") ?? ""
        #expect(sitemap.contains("<loc>https://yusuan.example.gov.cn/jingde/\(Permalinks.encode("旌德县人力资源和社会保障局/2024/"))</loc><lastmod>2024-02-01</lastmod>"))
        #expect(sitemap.contains("<loc>https://yusuan.example.gov.cn/jingde/\(Permalinks.encode("高新区人力资源和社会保障局/2024/"))</loc></url>"))
        // The data says the same.
        let projects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/Public/data/projects.json"))) as? [[String: Any]])
        let job = try #require(projects.first { $0["name"] as? String == "就业补助资金县级配套" })
        #expect(job["published"] as? String == "2024-02-01")
        #expect(job["sourceURL"] as? String == "https://www.jingde.gov.cn/yusuan/2024.html")
        #expect(job["originals"] as? [String] == ["https://yusuan.example.gov.cn/jingde/" + href])
        #expect((job["url"] as? String)?.hasPrefix("https://yusuan.example.gov.cn/jingde/\(Permalinks.encode("旌德县人力资源和社会保障局/2024/"))") == true)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/Public/data/datapackage.json"))) as? [String: Any])
        let sources = try #require(package["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["path"] as? String } == ["https://www.jingde.gov.cn/yusuan/2024.html", "https://yusuan.example.gov.cn/jingde/" + href])
        #expect((package["licenses"] as? [[String: Any]])?.first?["name"] as? String == "CC-BY-4.0")
        #expect(package["fiscalPeriod"] as? [String: String] == ["start": "2021-01-01", "end": "2024-12-31"])
        // Built again from nothing: the same bytes.
        let again = TemporaryDirectory()
        _ = try BuiltSite.build(content: dir.path + "/Content", into: again, config: dir.path + "/gongkai.yml")
        let x = try snapshot(dir.path + "/Public"), y = try snapshot(again.path + "/Public")
        #expect(x.keys.sorted() == y.keys.sorted())
        for (file, data) in x where file != ".gongkai-build" { #expect(y[file] == data, "\(file)") }
    }

    /// The acceptance test's other half: a .docx read directly is published as its own original
    /// and linked as 原文 from the department-year and its projects, with the date gongkai.yml gives.
    @Test(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
    func aWordFileReadDirectlyIsItsOwnOriginal() throws {
        let dir = TemporaryDirectory()
        let word = [UInt8](FileManager.default.contents(atPath: Converted.root! + "/docx/seeds/003_c7a45089d7b08831.docx") ?? Data())
        #expect(word.count > 1000)
        dir.write("Content/旌德县/2024-部门项目及绩效目标情况.docx", bytes: word)
        dir.write("gongkai.yml", "baseURL: https://yusuan.example.gov.cn/\ndocuments:\n  旌德县/2024-部门项目及绩效目标情况.docx:\n    date: 2024-02-06\n")
        let result = try BuiltSite.build(content: dir.path + "/Content", into: dir)
        #expect(result.site.projectCount == 13)
        let published = "originals/旌德县/2024-部门项目及绩效目标情况.docx"
        #expect(FileManager.default.contents(atPath: dir.path + "/Public/" + published) == Data(word))
        let yearPage = dir.read("Public/旌德县人力资源和社会保障局/2024/index.html") ?? ""
        #expect(yearPage.contains("<a href=\"../../\(Permalinks.encode(published))\">原文（Word）</a>"))
        #expect(yearPage.contains("发布日期：<time datetime=\"2024-02-06\">2024年2月6日</time>"))
        let projectPage = dir.read("Public/旌德县人力资源和社会保障局/2024/就业补助资金县级配套.html") ?? ""
        #expect(projectPage.contains("<a href=\"../../\(Permalinks.encode(published))\">原文（Word）</a>"))
        #expect(!result.site.diagnostics.contains { $0.code == "convert-first" || $0.code == "not-a-document" })
    }

    /// A .pdf, .doc(x) or .xls(x) with a document's name beside it is its original; a document
    /// read directly whose own file is of such a kind (a .docx read as content) is its own.
    @Test func originalsAreTheFilesBesideDocumentsOrTheDocumentsThemselves() throws {
        let dir = TemporaryDirectory()
        for name in ["a.docx", "b.md", "b.pdf", "b.XLSX", "c.pdf", "d/b.doc", "e.md.pdf"] { dir.write("C/" + name, "x") }
        let c = dir.path + "/C/"
        let paths = try ContentLoader.files(in: dir.path + "/C")
        let originals = Originals(paths, contentDir: dir.path + "/C", isDocument: { $0.hasSuffix(".md") || $0.hasSuffix(".docx") })
        #expect(originals.byDocument == [c + "a.docx": [c + "a.docx"], c + "b.md": [c + "b.XLSX", c + "b.pdf"]])
        #expect(originals.documents == [c + "a.docx", c + "b.md", c + "c.pdf", c + "d/b.doc", c + "e.md.pdf"])
        // A link to a file outside the content folder is neither published nor followed.
        let outside = TemporaryDirectory()
        outside.write("secret.pdf", "secret")
        try FileManager.default.removeItem(atPath: c + "b.pdf")
        try FileManager.default.createSymbolicLink(atPath: c + "b.pdf", withDestinationPath: outside.path + "/secret.pdf")
        let linked = Originals(try ContentLoader.files(in: dir.path + "/C"), contentDir: dir.path + "/C")
        #expect(linked.byDocument[c + "b.md"] == [c + "b.XLSX"])
    }

    @Test func gongkaiYmlGivesLicenseDatesAndSources() throws {
        let config = try SiteConfig.parse("""
            license: cc-by-4.0
            date: 2024年3月5日
            documents:
              高新区人社局/2024-部门预算绩效文本.md:
                source_url: https://gxq.example.gov.cn/2024.html
                date: 2024-01-20
            """, path: "gongkai.yml")
        #expect(config.license == DataLicense(name: "CC-BY-4.0", title: "知识共享署名 4.0 国际许可协议（CC BY 4.0）", path: "https://creativecommons.org/licenses/by/4.0/"))
        #expect(config.date == "2024-03-05")
        #expect(config.documents["高新区人社局/2024-部门预算绩效文本.md"] == DocumentSettings(sourceURL: "https://gxq.example.gov.cn/2024.html", date: "2024-01-20"))
        #expect(DataLicense("依法公开，注明来源即可使用") == DataLicense(name: nil, title: "依法公开，注明来源即可使用", path: nil))
        #expect(throws: SiteConfig.Error.invalid(path: "g.yml", line: 1, reason: Localized(zh: "‘date’ 必须是日期，如 2024-02-01", en: "‘date’ must be a date such as 2024-02-01"))) {
            try SiteConfig.parse("date: 明天\n", path: "g.yml")
        }
        #expect(throws: SiteConfig.Error.invalid(path: "g.yml", line: 3, reason: Localized(zh: "‘a.md’ 的 source_url 必须是 http:// 或 https:// 开头的网址", en: "the source_url of ‘a.md’ must be an http:// or https:// address"))) {
            try SiteConfig.parse("documents:\n  a.md:\n    source_url: ftp://x\n", path: "g.yml")
        }
        let site = try Pipeline.read(contentDir: Repo.content, config: config)
        #expect(site.sources[Repo.gaoxin] == DocumentSource(url: "https://gxq.example.gov.cn/2024.html", date: "2024-01-20"))
        #expect(site.sources[Repo.xianDe] == DocumentSource(date: "2024-03-05"))
    }

    @Test func aLicenceInWordsIsStatedOnTheSiteAndInThePackage() throws {
        let dir = TemporaryDirectory()
        dir.write("gongkai.yml", "license: 依法公开，注明来源即可使用\nbaseURL: https://x.example.gov.cn/\n")
        _ = try BuiltSite.build(content: Repo.content, into: dir)
        #expect(dir.read("Public/data/index.html")?.contains("数据许可：依法公开，注明来源即可使用。") == true)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/Public/data/datapackage.json"))) as? [String: Any])
        let license = (package["licenses"] as? [[String: Any]])?.first
        #expect(license?["title"] as? String == "依法公开，注明来源即可使用")
        #expect(license?["path"] as? String == "https://x.example.gov.cn/data/")
        #expect(license?["name"] == nil)
    }

    /// The 2021 and 2022 pages of one project differ in their title and heading, and every
    /// page has its Open Graph tags.
    @Test func titlesAndHeadingsCarryDepartmentAndYear() {
        let y2021 = BuiltSite.page("江阴市人力资源和社会保障局/2021/人社专职协理员工作经费.html")
        let y2022 = BuiltSite.page("江阴市人力资源和社会保障局/2022/人社专职协理员工作经费.html")
        func element(_ html: String, _ tag: String) -> String {
            guard let start = html.range(of: "<\(tag)>"), let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex) else { return "" }
            return String(html[start.upperBound..<end.lowerBound])
        }
        #expect(element(y2021, "title") == "人社专职协理员工作经费（江阴市人力资源和社会保障局 2021年） - 部门预算绩效目标公开")
        #expect(element(y2022, "title") == "人社专职协理员工作经费（江阴市人力资源和社会保障局 2022年） - 部门预算绩效目标公开")
        #expect(element(y2021, "h1") != element(y2022, "h1"))
        #expect(element(y2022, "h1").contains("2022年"))
        for html in [y2021, BuiltSite.page("index.html"), BuiltSite.page("data/index.html")] {
            for property in ["og:title", "og:description", "og:url", "og:site_name", "og:type", "og:locale"] {
                #expect(html.contains("<meta property=\"\(property)\" content=\""), "\(property)")
            }
        }
        #expect(y2021.contains("<meta property=\"og:url\" content=\"https://example.org/\(Permalinks.encode("江阴市人力资源和社会保障局/2021/人社专职协理员工作经费.html"))\">"))
    }
}
