// What the reader was not sure of reaches the citizen: an amount whose unit no form states is
// marked and kept out of the totals (shown apart), an incomplete form says so, and a target's
// term and its form's operator and unit columns are shown and published. Built from real forms.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct UncertainFactsTests {
    /// The real inputs: a mixed department-year (pdftotext of the 旌德县 seed: one amount of
    /// twelve with no unit, once the prose that states it with its unit is taken out), a form with no unit, cut short, with a unit column
    /// (陈仓区水利局), one with 中期 targets (六安), one with operator and unit columns (荣昌),
    /// one in 元 (永济).
    static let forms = ["sn-baoji-chencang-shuili-fazhan-2020", "ah-luan-nongyenongcun-zhijian-sanpinyibiao-2024",
                        "cq-rongchang-linyeju-daqinggang-lvhua-2022", "sx-yongji-wenwu-baohu-jingfei-2023-docshare"]
    static let mixed = "pdftotext/003_c7a45089d7b08831.md"

    /// The site built from them into a temporary directory (nil without ../shared).
    static let built: TemporaryDirectory? = {
        guard let real = RealForms.root, let converted = Converted.root else { return nil }
        let dir = TemporaryDirectory()
        for name in forms { dir.copy("\(real)/\(name).txt", to: "content/\(name).txt") }
        dir.write("content/jingde-pdftotext.md", mixedWithoutProse(converted))
        var options = BuildOptions()
        options.contentDir = dir.path + "/content"
        options.outputDir = dir.path + "/Public"
        options.configPath = dir.path + "/gongkai.yml"
        options.themesDir = Repo.root + "/Themes"
        _ = try? Pipeline.build(options)
        return dir
    }()

    /// The prose line that states 社会保险经办机构经费项目's amount with its unit: with it, the
    /// table's `53.60` is sure (`amount-unit-from-text`).
    static let proseLine = "(6) 年度预算安排。53.60 万元。"

    static func mixedWithoutProse(_ converted: String) -> String {
        let text = (try? String(contentsOfFile: "\(converted)/\(mixed)", encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != proseLine }.joined(separator: "\n")
    }

    /// With the prose, the same table's amount is sure: the text states it with its unit.
    @Test func theProseStatingTheSameAmountMakesItSure() throws {
        guard let converted = Converted.root else { return }
        let withProse = Seeds.read("\(converted)/\(Self.mixed)")
        let p = try #require(withProse.projects.first { $0.name == "社会保险经办机构经费项目" })
        #expect(!p.amountUnitUnstated && p.amountUnit == .wan && p.amount == Money(wan: "53.60"))
        #expect(withProse.diagnostics.contains { $0.code == "amount-unit-from-text" })
        let without = readForm(Self.mixedWithoutProse(converted), path: "jingde-pdftotext.md")
        #expect(without.projects.first { $0.name == "社会保险经办机构经费项目" }?.amountUnitUnstated == true)
    }

    static func page(_ path: String) -> String { built?.read("Public/" + path) ?? "" }
    static func text(_ html: String) -> String { HTMLTable.text(html) }

    /// Every amount the model holds as unsure was reported at reading, and the seeds have none.
    @Test func anUnsureAmountIsAlwaysOneTheReaderWarnedOf() throws {
        var paths: [String] = []
        if let root = RealForms.root { paths += RealFormsTests.names.map { "\(root)/\($0).txt" } }
        if let root = Converted.root {
            for folder in ["pdftotext", "pdftotext-layout", "markitdown", "pandoc-gfm", "docx2txt"] {
                for f in (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? [] where f.hasSuffix(".md") {
                    paths.append("\(root)/\(folder)/\(f)")
                }
            }
        }
        var unsure = 0
        for path in paths {
            let doc = Seeds.read(path)
            let warned = doc.diagnostics.contains { $0.code == "amount-unit-unknown" }
            for p in doc.projects where p.amountUnitUnstated {
                unsure += 1
                #expect(warned, "\(path): ‘\(p.name)’ is unsure but nothing said so")
            }
        }
        if RealForms.root != nil { #expect(unsure >= 3) }
        #expect(!Seeds.site.departmentYears.flatMap(\.projects).contains { $0.amountUnitUnstated })
        #expect(Seeds.site.departmentYears.allSatisfy { $0.statedTotal == $0.total && $0.unstated.count == 0 })
    }

    /// The department-year with one unsure amount: marked in the list, apart in the footer, not
    /// in the total, the shares or the chart; the total is the sum of its rows to the fen.
    @Test func aDepartmentYearKeepsAnUnsureAmountOutOfItsTotal() throws {
        guard Self.built != nil else { return }
        let html = Self.page("旌德县人力资源和社会保障局/2024/index.html")
        let rows = HTMLTable.rows(in: html, tableClass: "numbers project-list")
        #expect(rows.count == 1 + 13 + 2)
        let body = rows.dropFirst().prefix(13)
        let marked = body.filter { $0[2].hasSuffix("单位未注明") }
        #expect(marked.map { $0[1] } == ["社会保险经办机构经费项目"])
        #expect(marked.first?[2] == "53.60 单位未注明" && marked.first?[3] == "—")
        // The sure rows add up to the printed total, exactly; their shares to 100%.
        let sure = body.filter { !$0[2].hasSuffix("单位未注明") && $0[2] != "—" }
        #expect(sure.count == 11)
        let sum = sure.compactMap { Money(wan: $0[2].replacingOccurrences(of: ",", with: "")) }.sum()
        let footer = Array(rows.suffix(2))
        #expect(footer[0] == ["单位未注明的 1 个项目（按万元读取，未经核实，不计入合计）", "53.60", "—"])
        #expect(footer[1] == ["合计（不含单位未注明的金额）", sum.groupedWan, "100.0%"])
        #expect(sum == Money(wan: "460.79"))
        let tenths = sure.map { Int($0[3].replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ".", with: ""))! }
        #expect(tenths.reduce(0, +) == 1000)
        // The chart has the sure ones only, and says what it leaves out.
        let bars = CitizenDataTests.bars(html, chart: "chart-projects")
        #expect(bars.count == 11 && !bars.contains { $0.label == "社会保险经办机构经费项目" })
        let text = Self.text(html)
        #expect(text.contains("预算合计 460.79 万元（4,607,900 元）；另有 1 个项目的金额单位未注明（按万元读取为 53.60 万元，未经核实），未计入合计。"))
        #expect(text.contains("另有 1 个单位未注明的金额（按万元读取合计 53.60 万元，未经核实）未计入图表。"))
        #expect(html.contains("1 个项目的表格没有写明金额单位（元或万元）"))
        // The department's years and the home page show the stated total and say what is apart.
        let department = Self.text(Self.page("旌德县人力资源和社会保障局/index.html"))
        #expect(department.contains("2024年 460.79 万元"))
        #expect(department.contains("1 个，按万元读取 53.60 单位未注明"))
        let home = Self.page("index.html")
        let comparison = HTMLTable.rows(in: home, tableClass: "numbers comparison")
        #expect(comparison.contains { $0[0] == "旌德县人力资源和社会保障局" && $0[3] == "460.79 另有 1 个单位未注明" })
        #expect(Self.text(home).contains("个项目的表格没有写明金额是元还是万元"))
    }

    /// Search results show an unsure amount with that said, and add up only the sure ones.
    @Test func searchSaysItToo() throws {
        guard let dir = Self.built else { return }
        let search = dir.path + "/Public/search"
        let files = FileManager.default.enumerator(atPath: search)?.compactMap { $0 as? String } ?? []
        let records = files.compactMap { f -> String? in
            guard f.hasSuffix(".json"), let d = FileManager.default.contents(atPath: search + "/" + f) else { return nil }
            return String(decoding: d, as: UTF8.self)
        }.filter { $0.contains("社会保险经办机构经费项目") }
        #expect(records.contains { $0.contains("\"社会保险经办机构经费项目\",\"旌德县人力资源和社会保障局\",2024,\"53.60（单位未注明）\"") })
        let site = try Pipeline.read(contentDir: dir.path + "/content", config: SiteConfig())
        let p = try #require(site.departmentYears.flatMap(\.projects).first { $0.amountUnitUnstated })
        let d = SearchDocument(p, department: "部门", year: 2024, path: "/a.html")
        #expect(d.money == nil && d.unsureMoney == p.amount && d.amount == "\(p.amount!.wanString)（单位未注明）")
    }

    /// `check`'s summary prints the stated total and the unsure amount apart, as the pages do.
    @Test func checkPrintsTheUnsureAmountApart() throws {
        guard let converted = Converted.root else { return }
        let dir = TemporaryDirectory()
        dir.write("content/jingde-pdftotext.md", Self.mixedWithoutProse(converted))
        let site = try Pipeline.read(contentDir: dir.path + "/content", config: SiteConfig())
        let zh = Report.summary(site)
        #expect(zh.contains("旌德县人力资源和社会保障局  2024  13 个项目  合计 460.79 万元（另有 1 个单位未注明的金额 53.60，按万元读取，未计入）"))
        #expect(Report.summary(site, language: .en).contains("total 460.79 万元 (and 1 amount of unstated unit, 53.60 read as 万元, not counted)"))
        #expect(!Report.summary(Seeds.site).contains("单位未注明"))
    }

    /// A project whose amount's unit is unsure and whose form stops short: both said on its page,
    /// in words, as notes; no conversion to 元 that would present the reading as fact.
    @Test func aProjectPageSaysItsAmountIsUnsureAndItsFormIncomplete() throws {
        guard Self.built != nil else { return }
        let html = Self.page("陈仓区水利局/2020/农村饮水安全巩固提升工程专项.html")
        #expect(html.contains("<section class=\"notice warning\" role=\"note\" aria-labelledby=\"incomplete-notice\">"))
        #expect(html.contains("<section class=\"notice warning\" role=\"note\" aria-labelledby=\"unit-notice\">"))
        let text = Self.text(html)
        #expect(text.contains("预算 500.00 万元 单位未注明 表格不完整"))
        #expect(text.contains("预算金额 500.00 万元（单位未注明，按万元读取，未经核实）"))
        #expect(!text.contains("5,000,000 元"))
        // Its value cells hold only the unit column: shown as unfilled with that unit.
        #expect(text.contains("未填写（单位：公里）"))
        // The department-year has no sure amount: no total leads, the list marks the form.
        let year = Self.text(Self.page("陈仓区水利局/2020/index.html"))
        #expect(year.contains("1 个项目，表格都没有写明金额单位：按万元读取合计 500.00 万元，未经核实。"))
        #expect(year.contains("农村饮水安全巩固提升工程专项 （表格不完整） 500.00 单位未注明"))
        // Its funding (as unsure as its amount) is not summed as the department's.
        #expect(!year.contains("资金来源（万元）"))
        // A sure project in 元 says so; a sure one in 万元 says nothing.
        let yuan = Self.text(Self.page("永济市文化和旅游局/2023/2023年文物保护经费.html"))
        #expect(yuan.contains("预算金额 100.00 万元（原表以元为单位，已换算为万元）") && yuan.contains("（1,000,000 元）"))
        #expect(!yuan.contains("单位未注明"))
    }

    /// 中期 targets beside the year's, and operator and unit columns, on the page.
    @Test func targetsShowTheirTermAndTheirColumns() throws {
        guard Self.built != nil else { return }
        let luan = Self.page("六安市农业农村局/2024/发展建设类-农产品质检体系建设和“三品一标”发展项目.html")
        #expect(luan.contains("<span class=\"value\"><span class=\"term\">年度：</span>≥57个</span><span class=\"value\"><span class=\"term\">中期：</span>≥57个</span>"))
        let rongchang = Self.page("区林业局/2022/古昌镇大青冈村乡村振兴绿化美化项目.html")
        let rows = HTMLTable.rows(in: rongchang, tableClass: "indicators")
        #expect(rows.contains { $0[2] == "绿化美化公路" && $0[3] == "=3500米" })
        #expect(rows.contains { $0[2] == "树木成活率" && $0[3] == "≥85%" })
        #expect(!rongchang.contains("class=\"term\""))
    }

    /// The open data: the unit the form used (or 未注明), 表格不完整, a department-year's total of
    /// stated amounts with the unsure ones apart, and a target's term and form columns.
    @Test func theOpenDataSaysItToo() throws {
        guard let dir = Self.built else { return }
        let csv = try #require(dir.read("Public/data/projects.csv"))
        let lines = csv.components(separatedBy: "\r\n")
        let header = lines[0].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let unit = try #require(header.firstIndex(of: "原表金额单位")), incomplete = try #require(header.firstIndex(of: "表格不完整"))
        #expect(header[unit - 1] == "预算金额（万元）")
        func row(_ name: String) -> [String]? {
            lines.first { $0.contains(",\(name),") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        #expect(row("社会保险经办机构经费项目")?[unit] == "未注明")
        #expect(row("就业补助资金县级配套项目")?[unit] == "万元")
        #expect(row("2023年文物保护经费")?[unit] == "元")
        #expect(row("农村饮水安全巩固提升工程专项")?[incomplete] == "是")
        #expect(row("就业补助资金县级配套项目")?[incomplete] == "否")

        let yearsText = try #require(dir.read("Public/data/department-years.json"))
        let years = try #require(JSON.parse(Array(yearsText.utf8)))
        guard case .array(let items) = years else { Issue.record("not an array"); return }
        let jingde = items.first { $0.field("department") == .string("旌德县人力资源和社会保障局") }
        #expect(jingde?.field("total") == .string("460.79"))
        #expect(jingde?.field("unitUnstated") == .object([("projects", .int(1)), ("total", .string("53.60"))]))
        #expect(items.first { $0.field("department") == .string("六安市农业农村局") }?.field("unitUnstated") == .null)

        let files = DepartmentYearFiles(pagePath: "/陈仓区水利局/2020/")
        let jsonText = try #require(dir.read("Public/" + files.json))
        let json = try #require(JSON.parse(Array(jsonText.utf8)))
        let project = try #require(json.field("projects").flatMap { if case .array(let a) = $0 { a.first } else { nil } })
        #expect(project.field("amount") == .string("500.00"))
        #expect(project.field("amountUnitInForm") == .null && project.field("amountUnitStated") == .bool(false))
        #expect(project.field("incomplete") == .bool(true))

        // Term and form columns: 中期 rows of 六安, 荣昌's `= | 3500 | 米` with the raw value kept.
        let indicators = try #require(dir.read("Public/data/indicators.csv"))
        let ih = indicators.components(separatedBy: "\r\n")[0].dropFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(ih.suffix(6)) == ["目标期限或地点", "计算符号（原表列）", "计量单位（原表列）", "绩效指标描述", "指标值确定依据", "来源行"])
        #expect(indicators.contains(",鉴定校准实验室仪器,,≥57个,≥,57,个,quantitative,中期,,,"))
        #expect(indicators.contains(",绿化美化公路,,\"'=3500米\",=,3500,,quantitative,,=,米,"))
        let rongchang = DepartmentYearFiles(pagePath: "/区林业局/2022/")
        let rj = try #require(dir.read("Public/" + rongchang.json))
        #expect(rj.contains("\"value\":\"=3500米\",\"operator\":\"=\",\"number\":\"3500\",\"unit\":null,\"kind\":\"quantitative\",\"term\":null,\"formOperator\":\"=\",\"formUnit\":\"米\""))

        // The package describes the new fields.
        let package = try #require(dir.read("Public/data/datapackage.json"))
        #expect(package.contains("\"name\": \"amount_unit\"") && package.contains("\"enum\": [\n"))
        #expect(package.contains("\"name\": \"incomplete\",\n") && package.contains("\"trueValues\": [\n"))
        #expect(package.contains("\"name\": \"term\"") && package.contains("\"name\": \"form_operator\"") && package.contains("\"name\": \"form_unit\""))
    }

    /// The unit survives the cache: pages rendered again from cached documents (another title
    /// first, then the same one) are those of a build from scratch.
    @Test func aRebuildFromTheCacheKeepsWhatIsUnsure() throws {
        guard let dir = Self.built else { return }
        let again = TemporaryDirectory()
        var options = BuildOptions()
        options.contentDir = dir.path + "/content"
        options.outputDir = again.path + "/Public"
        options.cacheDir = again.path + "/cache"
        options.themesDir = Repo.root + "/Themes"
        again.write("other.yml", "title: 另一个标题\n")
        options.configPath = again.path + "/other.yml"
        _ = try? Pipeline.build(options)
        options.configPath = dir.path + "/gongkai.yml"
        _ = try? Pipeline.build(options)
        let first = try snapshot(dir.path + "/Public"), second = try snapshot(again.path + "/Public")
        #expect(Set(first.keys) == Set(second.keys))
        for (file, bytes) in first { #expect(second[file] == bytes, "\(file) differs after a rebuild from the cache") }
        #expect(second["陈仓区水利局/2020/农村饮水安全巩固提升工程专项.html"].map { String(decoding: $0, as: UTF8.self).contains("unit-notice") } == true)
    }
}

extension JSON {
    /// The value of `key` in an object.
    func field(_ key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }
}
