// End-to-end: build the seeds into a temporary Public/ and assert on the pages (issue 3).

import Foundation
import Testing
@testable import GongkaiKit

/// The seeds built once into a temporary directory.
enum BuiltSite {
    static let dir: TemporaryDirectory = {
        let dir = TemporaryDirectory()
        _ = try? build(content: Repo.content, into: dir)
        return dir
    }()

    static func build(content: String, into dir: TemporaryDirectory, themes: String = Repo.root + "/Themes", config: String? = nil,
                      builder: UInt64? = nil, detailsMemory: Int? = nil) throws -> BuildResult {
        var options = BuildOptions()
        options.builder = builder
        if let detailsMemory { options.detailsMemory = detailsMemory }
        options.contentDir = content
        options.outputDir = dir.path + "/Public"
        options.configPath = config ?? dir.path + "/gongkai.yml"
        options.themesDir = themes
        return try Pipeline.build(options)
    }

    static func page(_ path: String) -> String {
        dir.read("Public/" + path) ?? ""
    }
}

/// A small reader of the tables gongkai writes: rows of cell texts, rowspans expanded.
enum HTMLTable {
    static func rows(in html: String, tableClass: String) -> [[String]] {
        guard let start = html.range(of: "<table class=\"\(tableClass)\""),
            let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let table = String(html[start.lowerBound..<end.upperBound])
        let rowPattern = try! NSRegularExpression(pattern: "<tr>(.*?)</tr>", options: [.dotMatchesLineSeparators])
        let cellPattern = try! NSRegularExpression(pattern: "<(th|td)([^>]*)>(.*?)</\\1>", options: [.dotMatchesLineSeparators])
        var grid: [[String]] = []
        var carried: [Int: (text: String, remaining: Int)] = [:]
        for match in rowPattern.matches(in: table, range: NSRange(table.startIndex..., in: table)) {
            let rowText = String(table[Range(match.range(at: 1), in: table)!])
            var cells: [(String, Int)] = []
            for cell in cellPattern.matches(in: rowText, range: NSRange(rowText.startIndex..., in: rowText)) {
                let attrs = String(rowText[Range(cell.range(at: 2), in: rowText)!])
                let inner = String(rowText[Range(cell.range(at: 3), in: rowText)!])
                var span = 1
                if let r = attrs.range(of: "rowspan=\""), let n = Int(attrs[r.upperBound...].prefix(while: \.isNumber)) { span = n }
                cells.append((text(inner), span))
            }
            var row: [String] = []
            var column = 0
            var queue = cells[...]
            while !queue.isEmpty || carried[column] != nil {
                if let c = carried[column] {
                    row.append(c.text)
                    carried[column] = c.remaining > 1 ? (c.text, c.remaining - 1) : nil
                } else if let (t, span) = queue.popFirst() {
                    row.append(t)
                    if span > 1 { carried[column] = (t, span - 1) }
                }
                column += 1
            }
            grid.append(row)
        }
        return grid
    }

    static func text(_ html: String) -> String {
        var s = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (e, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: e, with: c)
        }
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

@Suite struct SitePagesTests {
    static let xianDePage = "旌德县人力资源和社会保障局/2024/index.html"

    @Test func xianDe2024ListsThirteenProjectsAndTheTotal() {
        let html = BuiltSite.page(Self.xianDePage)
        let rows = HTMLTable.rows(in: html, tableClass: "numbers project-list")
        // Header, 13 projects, total row.
        #expect(rows.count == 15)
        #expect(rows.dropFirst().prefix(13).map { $0[1] }.first == "就业补助资金县级配套")
        #expect(rows.last == ["合计", "625.39", "100.0%"])
        #expect(rows[1] == ["1", "就业补助资金县级配套", "155.00", "24.8%"])
        #expect(html.contains("lang=\"zh-CN\""))
    }

    @Test func jiangyin2022ListsNineProjectsTotalling90713_35() {
        let rows = HTMLTable.rows(in: BuiltSite.page("江阴市人力资源和社会保障局/2022/index.html"), tableClass: "numbers project-list")
        #expect(rows.count == 11)
        #expect(rows.last == ["合计", "90,713.35", "100.0%"])
        let sum = rows.dropFirst().dropLast().compactMap { Money(wan: $0[2]) }.sum()
        #expect(sum.wanString == "90713.35")
    }

    @Test func jobSubsidyShowsTheSocialInsuranceSubsidyUnderCost() {
        let html = BuiltSite.page("旌德县人力资源和社会保障局/2024/就业补助资金县级配套.html")
        let rows = HTMLTable.rows(in: html, tableClass: "indicators")
        #expect(rows.first == ["一级指标", "二级指标", "三级指标", "指标值"])
        #expect(rows.contains(["产出指标", "成本指标", "基层特定岗位社保补贴", "≥904.35元/人/月"]))
        #expect(rows.count == 13)
        #expect(html.contains("<h1>就业补助资金县级配套 <small class=\"h1-context\">旌德县人力资源和社会保障局 2024年</small></h1>"))
    }

    @Test func halfAndFullYearColumnsAndDescriptionColumns() {
        let b = HTMLTable.rows(in: BuiltSite.page("江阴市人力资源和社会保障局/2022/企业退休人员体检费.html"), tableClass: "indicators")
        #expect(b.first == ["一级指标", "二级指标", "三级指标", "半年（程）指标值", "全年（程）指标值"])
        #expect(b.contains(["产出指标", "数量指标", "参与体检人数", ">14.5万 >5万", ">14.5万 >15万"]))
        let d = HTMLTable.rows(in: BuiltSite.page("高新区人力资源和社会保障局/2024/被征地农民社会保障费.html"), tableClass: "indicators")
        #expect(d.first == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"])
        #expect(d.contains(["产出指标", "成本指标", "项目金额", "项目金额", "=7000万元", "工作经验"]))
    }

    @Test func recurringProjectPagesLinkToEachOther() {
        let y2021 = BuiltSite.page("江阴市人力资源和社会保障局/2021/人社专职协理员工作经费.html")
        let y2022 = BuiltSite.page("江阴市人力资源和社会保障局/2022/人社专职协理员工作经费.html")
        let department = Permalinks.encode("江阴市人力资源和社会保障局")
        let name = Permalinks.encode("人社专职协理员工作经费.html")
        #expect(y2021.contains("href=\"../../\(department)/2022/\(name)\""))
        #expect(y2022.contains("href=\"../../\(department)/2021/\(name)\""))
        #expect(y2021.contains("历年情况"))
    }

    @Test func gaoxin2024ShowsItsOverallGoals() {
        let html = BuiltSite.page("高新区人力资源和社会保障局/2024/index.html")
        #expect(html.contains("2024年部门整体绩效目标"))
        #expect(html.contains("<h3>二、分项绩效目标</h3>"))
        #expect(html.contains("（五）落实“智慧高新”计划"))
        #expect(html.contains("养老金征缴任务完成率为100%，受益群体满意度达到85%以上。"))
        #expect(HTMLTable.rows(in: html, tableClass: "numbers project-list").last == ["合计", "9,035.00", "100.0%"])
    }

    @Test func homeDepartmentAnd404AndSitemap() {
        let home = BuiltSite.page("index.html")
        let yearRows = HTMLTable.rows(in: home, tableClass: "numbers by-year")
        #expect(yearRows.contains(["2024年", "2", "20", "9,660.39"]))
        #expect(yearRows.contains(["2022年", "1", "9", "90,713.35"]))
        #expect(home.contains("action=\"./search/\""))
        let department = BuiltSite.page("江阴市人力资源和社会保障局/index.html")
        #expect(department.contains("2021年") && department.contains("755.50") && department.contains("90,713.35"))
        #expect(BuiltSite.page("404.html").contains("页面不存在"))
        let sitemap = BuiltSite.page("sitemap.xml")
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 4 + 3 + 4 + 31)
        #expect(sitemap.contains("https://example.org/\(Permalinks.encode("旌德县人力资源和社会保障局/2024/"))"))
        // The sitemap lists exactly the canonical address of every page but the 404 page.
        let locs = Set(sitemap.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) })
        var canonicals = Set<String>()
        let pages = (try? FileManager.default.subpathsOfDirectory(atPath: BuiltSite.dir.path + "/Public")) ?? []
        for page in pages where page.hasSuffix(".html") && page != "404.html" {
            let html = BuiltSite.page(page)
            if let link = html.range(of: "<link rel=\"canonical\" href=\"") {
                canonicals.insert(String(html[link.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        #expect(canonicals.count == 42)
        #expect(locs == canonicals)
    }

    /// A site with more pages than one sitemap may list (sitemaps.org: 50,000) gets a sitemap
    /// index of parts: here with parts of ten, the seeds' 42 addresses in five, each listed
    /// once, in the same order as the single sitemap.
    @Test func aLargeSiteHasASitemapIndexOfParts() throws {
        let theme = try Theme.load(themesDir: Repo.root + "/Themes", name: "default")
        var config = SiteConfig()
        config.baseURL = "https://yusuan.example.gov.cn/a&b"
        let renderer = SiteRenderer(theme: theme, context: PageContext(config: config, index: SiteIndex(site: Seeds.site)), site: Seeds.site)
        func locs(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        var single: [(String, [UInt8])] = []
        try renderer.sitemaps { single.append(($0, $1)) }
        #expect(single.map(\.0) == ["sitemap.xml"])
        let all = locs(single[0].1)
        #expect(all.count == 42 && all.allSatisfy { $0.hasPrefix("https://yusuan.example.gov.cn/a&amp;b/") })

        var parts: [(String, [UInt8])] = []
        try renderer.sitemaps(limit: 10) { parts.append(($0, $1)) }
        #expect(parts.map(\.0) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml", "sitemap-5.xml", "sitemap.xml"])
        #expect(parts.dropLast().map { locs($0.1).count } == [10, 10, 10, 10, 2])
        #expect(parts.dropLast().flatMap { locs($0.1) } == all)
        #expect(parts.dropLast().allSatisfy { String(decoding: $0.1, as: UTF8.self).hasSuffix("</urlset>\n") })
        let index = String(decoding: parts.last!.1, as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(locs(parts.last!.1) == (1...5).map { "https://yusuan.example.gov.cn/a&amp;b/sitemap-\($0).xml" })
        // Exactly the limit: still one file.
        var exact: [(String, [UInt8])] = []
        try renderer.sitemaps(limit: 42) { exact.append(($0, $1)) }
        #expect(exact.map(\.0) == ["sitemap.xml"] && exact[0].1 == single[0].1)
        // Few addresses but long ones: parts of at most so many bytes, each as full as it may be.
        let most = single[0].1.count / 3
        var bySize: [(String, [UInt8])] = []
        try renderer.sitemaps(bytes: most) { bySize.append(($0, $1)) }
        #expect(bySize.count >= 4 && bySize.last?.0 == "sitemap.xml")
        #expect(bySize.dropLast().allSatisfy { $0.1.count <= most })
        #expect(bySize.dropLast().flatMap { locs($0.1) } == all)
    }

    @Test func annexDifferencesAreNoticed() throws {
        let dir = TemporaryDirectory()
        var text = try String(contentsOfFile: Repo.xianDe, encoding: .utf8)
        text = text.replacingOccurrences(of: "13\t社会保险经办机构经费\t53.6", with: "13\t社会保险经办机构经费\t63.6")
        dir.write("Content/x.md", text)
        _ = try BuiltSite.build(content: dir.path + "/Content", into: dir)
        let html = dir.read("Public/旌德县人力资源和社会保障局/2024/index.html") ?? ""
        #expect(html.contains("公开清单与项目表不一致"))
        #expect(html.contains("公开清单合计 635.39 万元，项目合计 625.39 万元。"))
        #expect(!BuiltSite.page(Self.xianDePage).contains("公开清单与项目表不一致"))
    }

    @Test func hostileContentIsEscaped() throws {
        let dir = TemporaryDirectory()
        let hostile = """
            2021年度<script>alert(1)</script>测试项目绩效目标申报表

            主管部门\t江阴市人力资源和社会保障局
            项目总金额（万元）\t10万元
            项目概况\t<script>alert(1)</script> [点我](javascript:alert(1)) <a href="javascript:alert(2)">链接</a> {{x}} {{{y}}}
            立项依据\t<img src=x onerror=alert(3)>

            一级指标\t二级目标\t指标内容\t指标目标值
            产出指标\t产出数量\t<script>alert(4)</script>\t{{x}}
            效益指标\t满意度\t群众满意度\t=99%
            """
        dir.write("Content/h.md", hostile)
        _ = try BuiltSite.build(content: dir.path + "/Content", into: dir)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path + "/Public").filter { $0.hasSuffix(".html") }
        var checked = 0
        for file in files {
            let html = dir.read("Public/" + file) ?? ""
            #expect(!html.contains("<script>alert"), "\(file)")
            #expect(!html.contains("href=\"javascript"), "\(file)")
            #expect(!html.contains("<img src=x"), "\(file)")
            #expect(!html.contains("<a href=\"javascript"), "\(file)")
            if file.hasSuffix("测试.html") {
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(html.contains("{{x}}"))
                #expect(html.contains("&lt;img src=x onerror=alert(3)&gt;"))
                #expect(HTMLTable.rows(in: html, tableClass: "indicators").contains(["产出指标", "产出数量", "<script>alert(4)</script>", "{{x}}"]))
                checked += 1
            }
        }
        #expect(checked == 1)
    }

    @Test func aFailedBuildLeavesThePreviousPublicUntouched() throws {
        let dir = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: dir)
        let before = try snapshot(dir.path + "/Public")
        #expect(before.count > 40)
        // A site theme whose project template does not parse.
        let themes = dir.path + "/Themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root + "/Themes/default", toPath: themes + "/default")
        dir.write("Themes/broken/templates/project.mustache", "{{<layout}}\n{{$main}}\n<h1>{{name}}</h1>\n{{#indicators}}\n{{/main}}\n{{/layout}}\n")
        dir.write("gongkai.yml", "theme: broken\n")
        #expect {
            _ = try BuiltSite.build(content: Repo.content, into: dir, themes: themes, config: dir.path + "/gongkai.yml")
        } throws: { error in
            let text = "\(error)"
            return text.contains("Themes/broken/templates/project.mustache:") && text.contains("错误:")
        }
        #expect(try snapshot(dir.path + "/Public") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("building") }
        #expect(leftovers.isEmpty)
    }

    @Test func aThemeOverridesTheDefaultTemplateByTemplate() throws {
        let dir = TemporaryDirectory()
        let themes = dir.path + "/Themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root + "/Themes/default", toPath: themes + "/default")
        dir.write("Themes/mine/templates/404.mustache", "{{<layout}}{{$main}}<h1>找不到</h1>{{/main}}{{/layout}}")
        dir.write("gongkai.yml", "theme: mine\ntitle: 某县预算公开\n")
        _ = try BuiltSite.build(content: Repo.content, into: dir, themes: themes, config: dir.path + "/gongkai.yml")
        #expect(dir.read("Public/404.html")?.contains("<h1>找不到</h1>") == true)
        #expect(dir.read("Public/index.html")?.contains("<h1>某县预算公开</h1>") == true)
    }

    /// A page keeps its address when content is added: another department-year, and even a
    /// later document that repeats a project's name (that one gets its file name appended).
    @Test func permalinksDoNotChangeWhenContentIsAdded() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        _ = try BuiltSite.build(content: work.path + "/Content", into: work)
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: work.path + "/Public").filter { $0.hasSuffix(".html") })
        let page = "江阴市人力资源和社会保障局/2021/人社专职协理员工作经费.html"
        #expect(before.contains(page))
        // The same form again, as a later document of the same department-year, and a new year.
        work.copy(Repo.jiangyin2021a, to: "Content/江阴市人力资源和社会保障局/2021-人社专职协理员工作经费（重报）.md")
        let text = try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8)
        work.write("Content/江阴市人力资源和社会保障局/2023-人社专职协理员工作经费.md",
                   text.replacingOccurrences(of: "2021年度", with: "2023年度"))
        _ = try BuiltSite.build(content: work.path + "/Content", into: work)
        let after = Set(try FileManager.default.subpathsOfDirectory(atPath: work.path + "/Public").filter { $0.hasSuffix(".html") })
        #expect(before.subtracting(after).isEmpty, "pages that lost their address: \(before.subtracting(after).sorted())")
        #expect(after.subtracting(before).sorted() == [
            "江阴市人力资源和社会保障局/2021/人社专职协理员工作经费-2021-人社专职协理员工作经费-重报.html",
            "江阴市人力资源和社会保障局/2023/index.html",
            "江阴市人力资源和社会保障局/2023/人社专职协理员工作经费.html",
        ])
        // The original page still shows the original document's project.
        let original = work.read("Public/" + page) ?? ""
        #expect(original.contains("2021-人社专职协理员工作经费.md"))
        #expect(!original.contains("（重报）.md"))
    }

    @Test func buildingTwiceGivesTheSamePublic() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: a)
        _ = try BuiltSite.build(content: Repo.content, into: b)
        let x = try snapshot(a.path + "/Public"), y = try snapshot(b.path + "/Public")
        #expect(x.keys.sorted() == y.keys.sorted())
        for (file, data) in x { #expect(y[file] == data, "\(file)") }
    }
}
