// What citizens come for (issue 20): charts whose numbers are the tables', shares that add up
// to 100%, amounts with thousands separators, and each department-year's data as CSV, JSON and
// an .xlsx with text cells for codes and values.

import Foundation
import Testing
import ZIPFoundation
@testable import GongkaiKit

@Suite struct CitizenDataTests {
    @Test func sharesAddUpToExactlyAHundredPercent() {
        let thirds = [Money(fen: 1), Money(fen: 1), Money(fen: 1)]
        #expect(Shares.permille(thirds) == [334, 333, 333])
        #expect(Shares.permille([Money(wan: "155")!, Money(wan: "0")!]) == [1000, 0])
        #expect(Shares.permille([.zero]) == nil)
        #expect(Shares.permille([Money(fen: 5), Money(fen: -1)]) == nil)
        // Any amounts: the shares add up to 1000 tenths of a percent.
        var seed: UInt64 = 42
        for _ in 0..<200 {
            let parts = (0..<Int(seed % 30 + 1)).map { _ -> Money in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Money(fen: Int64(seed >> 40))
            }
            if let shares = Shares.permille(parts) { #expect(shares.reduce(0, +) == 1000) }
        }
        #expect(Shares.text(248) == "24.8%" && Shares.text(1000) == "100.0%" && Shares.text(3) == "0.3%")
    }

    @Test func amountsAndChangesAreWrittenForPeople() {
        #expect(Money(wan: "90713.35")!.groupedWan == "90,713.35")
        #expect(Money(wan: "625.39")!.groupedWan == "625.39")
        #expect(Money(wan: "10606.7522")!.groupedWan == "10,606.7522")
        #expect(Money(yuan: "80405500")!.groupedYuan == "80,405,500")
        #expect(Money(yuan: "106000.5")!.groupedYuan == "106,000.50")
        #expect(Money(wan: "-1234.5")!.groupedWan == "-1,234.50")
        #expect(Change.amount(Money(wan: "755.50")!, Money(wan: "90713.35")!) == "+89,957.85")
        #expect(Change.amount(Money(wan: "10")!, Money(wan: "7.5")!) == "−2.50")
        #expect(Change.percent(Money(wan: "755.50")!, Money(wan: "90713.35")!) == "+11,907.1%")
        #expect(Change.percent(Money(wan: "200")!, Money(wan: "199")!) == "−0.5%")
        #expect(Change.percent(.zero, Money(wan: "1")!) == "—")
    }

    /// The cells of a chart's bars: the label (its tooltip) and the numbers after the bar.
    static func bars(_ html: String, chart id: String) -> [(label: String, text: String)] {
        guard let start = html.range(of: "<figure class=\"chart\" id=\"\(id)\">"),
              let end = html.range(of: "</figure>", range: start.upperBound..<html.endIndex) else { return [] }
        let figure = String(html[start.upperBound..<end.lowerBound])
        return figure.components(separatedBy: "<g class=\"bar").dropFirst().map { g in
            let label = g.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            let text = g.components(separatedBy: "class=\"bar-value\" x=\"6\" y=\"11\">").dropFirst().first?.components(separatedBy: "</text>").first ?? ""
            return (HTMLTable.text(label), HTMLTable.text(text))
        }
    }

    @Test func theProjectsChartShowsTheTablesNumbers() throws {
        let html = BuiltSite.page("旌德县人力资源和社会保障局/2024/index.html")
        let rows = HTMLTable.rows(in: html, tableClass: "numbers project-list").dropFirst().dropLast()
        let bars = Self.bars(html, chart: "chart-projects")
        #expect(bars.count == 13)
        // Largest first, each with the table's amount and share; the shares add up to 100%.
        #expect(bars.first?.label == "就业补助资金县级配套" && bars.first?.text == "155.00 万元 · 24.8%")
        for bar in bars {
            let row = try #require(rows.first { $0[1] == bar.label })
            #expect(bar.text == "\(row[2]) 万元 · \(row[3])")
        }
        let tenths = rows.map { Int($0[3].replacingOccurrences(of: ".", with: "").dropLast()) ?? -1 }
        #expect(tenths.reduce(0, +) == 1000)
        // The funding sources: a table and, with more than one source, a chart.
        let funding = HTMLTable.rows(in: html, tableClass: "numbers funding-table")
        #expect(funding.dropFirst() == [["财政拨款", "625.39", "100.0%"], ["上年结转", "0.00", "0.0%"], ["其他资金", "0.00", "0.0%"], ["合计", "625.39", "100.0%"]])
        #expect(Self.bars(html, chart: "chart-funding").map(\.text) == ["625.39 万元 · 100.0%", "0.00 万元 · 0.0%", "0.00 万元 · 0.0%"])
        // The SVG has a title and a description it is labelled by.
        #expect(html.contains("<svg class=\"bar-chart\" width=\"100%\" height=\"546\" role=\"img\" aria-labelledby=\"chart-projects-title chart-projects-desc\">"))
        #expect(html.contains("<desc id=\"chart-projects-desc\">旌德县人力资源和社会保障局 2024年 13 个项目预算合计 625.39 万元；最多的是“就业补助资金县级配套”，155.00 万元，占 24.8%。</desc>"))
    }

    /// The department's split by source counts a project's funding only when it adds up to the
    /// project's amount, parts apart from their wholes: 其中 parts read beside their whole (财政拨款
    /// 100, 其中 中央补助 60 and 县级资金 40, 其他资金 20, for 120) put 220 万元 on the page for 120;
    /// where 小计 lines head numbered parts, the 小计 lines count and not their parts; lines that
    /// add up to nothing are left out, and said.
    @Test func aFundingSplitThatDoesNotAddUpIsNotCharted() throws {
        func form(_ name: String, _ rows: String) -> String {
            """
            # 2024年项目支出绩效目标表

            | 项目名称 | \(name) | | |
            |---|---|---|---|
            | 主管部门 | 某县住建局 | 实施单位 | 某县市政所 |
            \(rows)
            | 一级指标 | 二级指标 | 三级指标 | 指标值 |
            | 产出指标 | 数量指标 | 维修道路 | 5公里 |
            """
        }
        let nested = form("城区道路维修", """
            | 项目资金（万元） | 年度资金总额 | 120 | |
            | | 财政拨款 | 100 | |
            | | 其中：中央补助 | 60 | |
            | | 其中：县级资金 | 40 | |
            | | 其他资金 | 20 | |
            """)
        let plain = form("路灯维护", """
            | 项目资金（万元） | 年度资金总额 | 50 | |
            | | 财政拨款 | 50 | |
            """)
        let subtotals = form("桥梁检测", """
            | 项目资金（万元） | 年度资金总额 | 80 | |
            | | 财政拨款小计 | 60 | |
            | | 1、一般公共预算 | 60 | |
            | | 自有资金小计 | 20 | |
            """)
        let projects = [nested, plain, subtotals].flatMap { readForm($0).projects }
        #expect(projects.map(\.amount) == ["120", "50", "80"].map { Money(wan: $0) })
        #expect(projects.map { $0.fundingThatAddsUp?.map(\.label) } == [["财政拨款", "其他资金"], ["财政拨款"], ["财政拨款小计", "自有资金小计"]])
        // The project's page says which lines are parts.
        #expect(projects[0].fundingRows.map(\.isPart) == [false, true, true, false])
        #expect(projects[2].fundingRows.map(\.isPart) == [false, true, false])
        #expect(projects[1].fundingRows.map(\.isPart) == [false])
        // And the open data marks them.
        guard case .object(let object) = DataExport.projectJSON(projects[0], ProjectRowContext(year: 2024, page: "/p", url: "https://example.org/p", source: nil, originalURLs: [], paths: PublicPaths())),
              case .array(let funding)? = object.first(where: { $0.0 == "funding" })?.1
        else { Issue.record("no funding in the JSON"); return }
        #expect(funding.map { line -> Bool in
            if case .object(let pairs) = line { return pairs.contains { $0.0 == "partOfAbove" } }
            return false
        } == [false, true, true, false])
        let dy = DepartmentYear(department: "某县住建局", departmentKey: "某县住建局", year: 2024, projects: projects, annex: nil, overallGoals: nil, files: [])
        guard case .object(let funding) = Pages.funding(dy), case .list(let rows)? = funding["rows"],
              case .string(let total)? = funding["total"], case .string(let description)? = funding["description"]
        else { Issue.record("no funding split"); return }
        let labels = rows.compactMap { row -> String? in
            if case .object(let r) = row, case .string(let label)? = r["label"] { return label }
            return nil
        }
        #expect(labels == ["财政拨款", "其他资金", "财政拨款小计", "自有资金小计"])
        #expect(total == "250.00")
        #expect(description == "3 个项目的表格列明了资金来源，合计 250.00 万元。")
        // Lines that add up to neither the amount nor a line before them are not charted, and said.
        let unread = readForm(form("排水管网疏通", """
            | 项目资金（万元） | 年度资金总额 | 90 | |
            | | 财政拨款 | 70 | |
            | | 其他资金 | 30 | |
            """))
        #expect(unread.projects.first?.fundingThatAddsUp == nil)
        let two = DepartmentYear(department: "某县住建局", departmentKey: "某县住建局", year: 2024, projects: [projects[1]] + unread.projects, annex: nil, overallGoals: nil, files: [])
        guard case .object(let split) = Pages.funding(two), case .string(let said)? = split["description"] else { Issue.record("no funding split"); return }
        #expect(said == "1 个项目的表格列明了资金来源，合计 50.00 万元（共 2 个项目）。另有 1 个项目的资金来源与项目金额对不上，未计入。")
    }

    /// More projects than bars: the smallest are one `其他` bar with their sum and shares.
    @Test func manyProjectsEndInOneOtherBar() throws {
        let items = (1...20).map { (label: "项目\($0)", amount: Money(wan: "\($0)")!) }
        let parts = try #require(ShareChartParts(items, limit: 15, otherLabel: { "其他 \($0) 个项目" }))
        #expect(parts.parts.count == 15)
        #expect(parts.parts.first?.label == "项目20" && parts.parts[13].label == "项目7")
        #expect(parts.parts.last?.label == "其他 6 个项目" && parts.parts.last?.amount == Money(wan: "21")!)
        #expect(parts.parts.map(\.share).reduce(0, +) == 1000)
        #expect(parts.parts.last?.count == 6)
        // The longest bar (here the 其他 bar) takes 60% of the width, the others in proportion.
        let chart = BarChart(id: "c", title: "t", description: "d", bars: parts.bars())
        guard case .object(let object) = chart.value, case .list(let bars)? = object["bars"] else { Issue.record("no bars"); return }
        let widths = bars.map { bar -> String in
            if case .object(let b) = bar, case .string(let w)? = b["width"] { return w }
            return ""
        }
        #expect(widths.first == "57.14" && widths.last == "60.00")
    }

    @Test func theDepartmentAndHomeChartsShowTheirTablesNumbers() {
        let department = BuiltSite.page("江阴市人力资源和社会保障局/index.html")
        let years = HTMLTable.rows(in: department, tableClass: "numbers years-table")
        #expect(years.dropFirst() == [["2021年", "2", "755.50", "—", "—", "—"], ["2022年", "9", "90,713.35", "+89,957.85", "+11,907.1%", "—"]])
        #expect(Self.bars(department, chart: "chart-years").map(\.text) == ["755.50 万元", "90,713.35 万元 · 比2021年 +11,907.1%"])
        // Which projects continue, start and end.
        let matrix = HTMLTable.rows(in: department, tableClass: "numbers project-years")
        #expect(matrix.contains(["人社专职协理员工作经费", "666.00", "666.00 延续"]))
        #expect(matrix.contains(["人社局专项资金", "89.50", "已结束"]))
        #expect(matrix.contains(["居民养老保险补贴", "", "14,127.00 新增"]))
        let home = BuiltSite.page("index.html")
        #expect(HTMLTable.rows(in: home, tableClass: "numbers chart-table").dropFirst() == [
            ["高新区人社局", "9,035.00", "93.5%"], ["旌德县人力资源和社会保障局", "625.39", "6.5%"], ["合计", "9,660.39", "100.0%"],
        ])
        #expect(Self.bars(home, chart: "chart-departments").map(\.text) == ["9,035.00 万元 · 93.5%", "625.39 万元 · 6.5%"])
        let comparison = HTMLTable.rows(in: home, tableClass: "numbers comparison")
        #expect(comparison.contains(["江阴市人力资源和社会保障局", "2022年", "9", "90,713.35", "+11,907.1%", "45%", "2021 2022"]))
    }

    static func build(config: String? = nil) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        if let config { dir.write("gongkai.yml", config) }
        _ = try BuiltSite.build(content: Repo.content, into: dir)
        return dir
    }

    /// The sheets of an .xlsx as rows of (type, text) cells, read back with ZIPFoundation.
    static func sheets(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = [UInt8](data)
        }
        return parts
    }

    @Test func eachDepartmentYearHasItsOwnFiles() throws {
        let dir = try Self.build(config: "baseURL: https://yusuan.example.gov.cn/sub/path\n")
        let files = DepartmentYearFiles(pagePath: "/江阴市人力资源和社会保障局/2022/")
        #expect(files.xlsx == "江阴市人力资源和社会保障局/2022/江阴市人力资源和社会保障局-2022.xlsx")
        // The CSV rows are the site-wide files' rows of this department-year, under the same header.
        let site = try #require(dir.read("Public/data/projects.csv")).components(separatedBy: "\r\n")
        let own = try #require(dir.read("Public/" + files.projectsCSV)).components(separatedBy: "\r\n")
        #expect(own.count == 11 && own[0] == site[0])
        #expect(own.dropFirst().dropLast().allSatisfy { site.contains($0) })
        let indicators = try #require(dir.read("Public/" + files.indicatorsCSV)).components(separatedBy: "\r\n")
        let siteIndicators = try #require(dir.read("Public/data/indicators.csv")).components(separatedBy: "\r\n")
        #expect(indicators.dropFirst().dropLast() == siteIndicators.filter { $0.contains(",江阴市人力资源和社会保障局,2022,") }[...])
        // Absolute addresses under the configured base URL with its sub-path.
        #expect(own[1].contains(",https://yusuan.example.gov.cn/sub/path/\(Permalinks.encode("江阴市人力资源和社会保障局/2022/"))"))
        // The JSON: the projects as projects.json has them, each with its indicator rows and their raw values.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/Public/" + files.json))) as? [String: Any])
        #expect(json["department"] as? String == "江阴市人力资源和社会保障局" && json["year"] as? Int == 2022 && json["total"] as? String == "90713.35")
        let projects = try #require(json["projects"] as? [[String: Any]])
        #expect(projects.count == 9 && projects.contains { $0["code"] as? String == "320281223230023000005" })
        let rows = projects.flatMap { ($0["indicatorRows"] as? [[String: Any]]) ?? [] }
        #expect(rows.count == indicators.count - 2)
        #expect(rows.contains { $0["value"] as? String == ">14.5万" && $0["period"] as? String == "半年" && $0["number"] as? String == "145000" })
        let downloads = try #require(json["downloads"] as? [String: String])
        #expect(downloads["xlsx"] == "https://yusuan.example.gov.cn/sub/path/" + Permalinks.encode(files.xlsx))
        // The page links to them.
        let page = dir.read("Public/江阴市人力资源和社会保障局/2022/index.html") ?? ""
        #expect(page.contains("<a href=\"\(Permalinks.encode("江阴市人力资源和社会保障局-2022.xlsx"))\">Excel 表格"))
    }

    @Test func theXlsxKeepsCodesAndValuesAsTextAndAmountsExact() throws {
        let dir = try Self.build()
        let files = DepartmentYearFiles(pagePath: "/江阴市人力资源和社会保障局/2021/")
        let bytes = try #require(FileManager.default.contents(atPath: dir.path + "/Public/" + files.xlsx))
        let parts = try Self.sheets([UInt8](bytes))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                    "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        let workbook = String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"项目\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"绩效指标\" sheetId=\"2\" r:id=\"rId2\"/>"))
        let projects = String(decoding: parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        // Chinese headers; the amount an exact number; text cells are inline strings.
        #expect(projects.contains("<c r=\"H1\" s=\"1\" t=\"inlineStr\"><is><t>预算金额（万元）</t></is></c>"))
        #expect(projects.contains("<c r=\"H2\" s=\"2\"><v>666.00</v></c>"))
        let indicators = String(decoding: parts["xl/worksheets/sheet2.xml"]!, as: UTF8.self)
        // The raw value `=315个`, a text cell: no formula, no guard character; the kind in Chinese.
        #expect(indicators.contains("<c r=\"F1\" s=\"1\" t=\"inlineStr\"><is><t>指标值（原文）</t></is></c>"))
        #expect(indicators.contains("t=\"inlineStr\"><is><t>=315个</t></is></c>"))
        #expect(indicators.contains("t=\"inlineStr\"><is><t>定量</t></is></c>"))
        #expect(!indicators.contains("<f>") && !indicators.contains("'=315个"))
        // Two builds, the same bytes (the zip's dates are fixed).
        let again = try Self.build()
        #expect(FileManager.default.contents(atPath: again.path + "/Public/" + files.xlsx) == bytes)
    }

    @Test func xlsxTextIsEscapedAndLimited() throws {
        var out: [UInt8] = []
        XLSXSheet.escape("a<b>&c _x0041_ \u{1}\u{FFFE}末", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&lt;b&gt;&amp;c _x005F_x0041_ _x0001__xFFFE_末")
        #expect(XLSXSheet.isDecimal("625.39") && XLSXSheet.isDecimal("-1") && !XLSXSheet.isDecimal("1e5") && !XLSXSheet.isDecimal("320281223230023000005"))
        var names: [UInt8] = []
        for i in [0, 25, 26, 701, 702] { XLSXSheet.columnName(i, into: &names); names.append(0x20) }
        #expect(String(decoding: names, as: UTF8.self) == "A Z AA ZZ AAA ")
        // A number cell that is not a plain decimal is written as text.
        var sheet = XLSXSheet(name: "s", columns: [("a", 5)])
        sheet.number("1e5")
        sheet.text(" 前后有空格 ")
        sheet.endRow()
        let xml = String(decoding: sheet.finished(), as: UTF8.self)
        #expect(xml.contains("<c r=\"A2\" t=\"inlineStr\"><is><t>1e5</t></is></c>"))
        #expect(xml.contains("<t xml:space=\"preserve\"> 前后有空格 </t>"))
        #expect(xml.hasSuffix("</sheetData><autoFilter ref=\"A1:A2\"/></worksheet>"))
        // Text with nothing to escape is written as it is; a line break inside keeps the cell's
        // whitespace; the 27th column is AA in every cell's reference.
        out = []
        XLSXSheet.escape("项目名称 Project_1 (100%)", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "项目名称 Project_1 (100%)")
        var wide = XLSXSheet(name: "w", columns: (1...28).map { ("c\($0)", 5) })
        for _ in 0..<26 { wide.empty() }
        wide.text("第一行\n第二行")
        wide.number("7")
        wide.endRow()
        let wideXML = String(decoding: wide.finished(), as: UTF8.self)
        #expect(wideXML.contains("<c r=\"AA2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">第一行\n第二行</t></is></c><c r=\"AB2\"><v>7</v></c></row>"))
        #expect(wideXML.contains("<c r=\"Z1\" s=\"1\" t=\"inlineStr\"><is><t>c26</t></is></c><c r=\"AA1\" s=\"1\" t=\"inlineStr\"><is><t>c27</t></is></c>"))
    }

    @Test func theDataPageSaysWhichFileToUseForWhat() {
        let page = BuiltSite.page("data/index.html")
        #expect(page.contains("<h2 id=\"which-file\">哪个文件做什么</h2>"))
        #expect(page.contains("用 Excel 或 WPS 查看"))
        #expect(page.contains("以 = + - @ 开头的单元格前加了一个单引号"))
        #expect(page.contains("发布部门没有说明数据的许可方式"))
        let rows = HTMLTable.rows(in: page, tableClass: "numbers downloads-table")
        #expect(rows.count == 5)
        #expect(rows.contains(["江阴市人力资源和社会保障局 2022年", "9", ".xlsx", "项目 指标", ".json"]))
    }
}
