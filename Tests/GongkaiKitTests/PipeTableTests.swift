// `|` tables: pandoc-gfm's and markitdown's pipe tables against the tab tables they were made
// from, web pages' `|` text, and broken input. Also the converter-zoo helpers the grid and
// multiline tests share (`Converted`).

import Foundation
import Testing
@testable import GongkaiKit

@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct PipeTableFixtureTests {
    /// pandoc's gfm writer keeps every cell (merged ones as the text then empty cells): each
    /// pipe table is its tab table, cell for cell. Layout D (004) has two-paragraph cells, for
    /// which pandoc writes HTML tables instead: no pipe table there.
    @Test(arguments: Converted.seeds)
    func pandocGFMIsTheOriginal(seed: String) throws {
        let text = try #require(Converted.text("pandoc-gfm", seed))
        let scans = Converted.scans(text) { PipeTable.scan($0, at: $1) }
        let originals = Converted.originalTables(seed)
        if seed.hasPrefix("004") {
            #expect(scans.isEmpty)
            #expect(originals.count == 7)
            return
        }
        #expect(scans.count == originals.count)
        for (scan, original) in zip(scans, originals) {
            let table = try #require(scan.table)
            #expect(scan.problems.isEmpty)
            #expect(Converted.differences(original, Converted.grid(table)) == [], "table at line \(scan.firstLine)")
        }
    }

    /// markitdown drops the cells a vertical merge covers; padded on the left, every short row
    /// lines up with the original. The two known differences: markitdown joins a cell's two
    /// paragraphs with two spaces (`项目  编码`, the original `项目` / `编码`), and writes `$\geq
    /// 95\%$` unescaped, so that CommonMark reads `\%` as `%`.
    @Test(arguments: Converted.seeds)
    func markitdownIsTheOriginalPaddedOnTheLeft(seed: String) throws {
        let text = try #require(Converted.text("markitdown", seed))
        let scans = Converted.scans(text) { PipeTable.scan($0, at: $1) }
        let originals = Converted.originalTables(seed)
        #expect(scans.count == originals.count)
        var differences: [String] = []
        var shortRows = 0
        for (scan, original) in zip(scans, originals) {
            let table = try #require(scan.table)
            // markitdown's empty header row is not a row.
            #expect(table.rows.first?.contains { !$0.text.isEmpty } == true)
            shortRows += table.rows.filter { $0.first?.column == nil }.count
            for (r, row) in Converted.grid(table).enumerated() {
                let expected = r < original.count ? original[r] + [String](repeating: "", count: max(0, row.count - original[r].count)) : []
                for (c, found) in row.enumerated() where c < expected.count && found != expected[c] {
                    differences.append("\(expected[c])→\(found)")
                }
            }
            #expect(Converted.normalized(original).count == table.rows.count)
        }
        // SHAPES.md's count of ragged markitdown rows, seed by seed.
        let ragged = ["000": 20, "001": 17, "002": 181, "003": 168, "004": 49]
        #expect(shortRows == ragged[String(seed.prefix(3))])
        switch seed.prefix(3) {
        case "003":
            #expect(differences == [#"$\geq 95\%$→$\geq 95%$"#])
        case "004":
            #expect(differences.count == 37)
            #expect(differences.allSatisfy { d in
                let parts = d.components(separatedBy: "→")
                return parts.count == 2 && parts[0].contains("\n") && parts[0].replacingOccurrences(of: "\n", with: "  ") == parts[1]
            })
        default:
            #expect(differences == [])
        }
    }

    /// markitdown's 决策指标 table, row by row: the empty header row gone, short rows padded on
    /// the left with cells that have no column.
    @Test func markitdownRowsAndPositions() throws {
        let text = try #require(Converted.text("markitdown", Converted.seeds[0]))
        let found = PipeTable.scan(text, at: 19)
        let scan = try #require(found)
        let table = try #require(scan.table)
        #expect(scan.firstLine == 19 && scan.lastLine == 27)
        #expect(table.rowLines == [21, 22, 23, 24, 25, 26, 27])
        #expect(table.rows[2].map(\.text) == ["", "", "立项程序规范性", "规范"])
        #expect(table.rows[2].map(\.column) == [nil, nil, 3, 13])
        #expect(table.rows[2].map(\.line) == [23, 23, 23, 23])
        #expect(table.rows[5].map(\.text) == ["资金投入", "预算编制科学性", "科学", ""])
    }

    @Test func pandocGFMColumnsAndEscapes() throws {
        let text = try #require(Converted.text("pandoc-gfm", Converted.seeds[0]))
        let found = PipeTable.scan(text, at: 52)
        let scan = try #require(found)
        let table = try #require(scan.table)
        // `| 一级指标   | 二级目标 …`: columns count characters, not display widths or bytes.
        #expect(table.rows[0].map(\.column) == [3, 12, 45, 79])
        let row = try #require(table.rows.first { $0.first?.line == 59 })
        #expect(row.map(\.text) == ["", "城镇新增就业人数（人）", ">=2.07万", ""])
    }
}

@Suite struct PipeTableShapeTests {
    func scan(_ lines: String, at line: Int = 1) -> TableScan? {
        PipeTable.scan(SourceText(path: "t.md", bytes: Array(lines.utf8)), at: line)
    }

    func texts(_ scan: TableScan?) -> [[String]] {
        scan?.table?.rows.map { $0.map(\.text) } ?? []
    }

    @Test func gfmWithAndWithoutOuterPipes() {
        let s = scan("a | b\n:-- | --:\n1 | 2\n| 3 | 4 |\n\nafter")
        #expect(texts(s) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(s?.lastLine == 4)
        // A paragraph right after the table stays text.
        #expect(texts(scan("| a | b |\n|---|---|\n| 1 | 2 |\nparagraph")) == [["a", "b"], ["1", "2"]])
    }

    @Test func escapedPipesAndCommonMarkEscapes() {
        let s = scan(#"| 1\. a \| b | \<b\>主管部门\</b\> | 80人\*2000 | \a\中 |"# + "\n|---|---|---|---|\n")
        #expect(texts(s) == [["1. a | b", "<b>主管部门</b>", "80人*2000", #"\a\中"#]])
        // An escaped backslash before a pipe: the pipe splits.
        #expect(texts(scan(#"| a\\| b |"# + "\n|--|--|")) == [[#"a\"#, "b"]])
    }

    @Test func markitdownEmptyHeaderIsDropped() {
        let s = scan("|  |  |  |\n| --- | --- | --- |\n| 一级 | 二级 | 三级 |\n| 二级b | 三级b |\n")
        #expect(texts(s) == [["一级", "二级", "三级"], ["", "二级b", "三级b"]])
        #expect(s?.firstLine == 1)
        #expect(s?.table?.rowLines == [3, 4])
    }

    @Test func webRowsWithPaddingPipes() {
        let s = scan("项目名称 | 全市文物保护专项经费 | ||\n36 | 0 | |\n\n")
        #expect(texts(s) == [["项目名称", "全市文物保护专项经费", "", ""], ["36", "0", ""]])
        #expect(s?.table?.rows[0].map(\.column) == [1, 8, 21, 22])
        // One line of prose with a pipe in it is a one-row table: the form reader decides.
        #expect(texts(scan("a | b")) == [["a", "b"]])
        // One cell is not a table.
        #expect(scan("标题 |\n\n") == nil)
        #expect(scan("no pipes here\n") == nil)
    }

    @Test func oneCellPerLineWithMarkedRowEnds() {
        // rongchang: `cell |` lines, `|` alone ends the row, pipes after a cell pad it to the end.
        let s = scan("|\n申报单位 |\n区林业局 |\n项目名称 |\n大青冈村绿化 | |||\n|\n年度资金总额: |\n153.5184 | ||||\n|\n")
        #expect(texts(s) == [["申报单位", "区林业局", "项目名称", "大青冈村绿化", "", "", ""],
                             ["年度资金总额:", "153.5184", "", "", "", ""]])
        #expect(s?.table?.rowLines == [2, 7])
        #expect(s?.table?.rows[0][0].column == nil)
    }

    @Test func textLinesClosedByAPipeAreOneCell() {
        // bozhou: text lines closed by `|`, a second `|` ends the row.
        let s = scan("项目名称\n|\n亳州市项目\n|\n|\n项目资金\n(万元)\n|\n449.8万\n|\n|\n总\n体\n目\n标\n|\n中期目标\n|\n|\n")
        #expect(texts(s) == [["项目名称", "亳州市项目"], ["项目资金\n(万元)", "449.8万"], ["总\n体\n目\n标", "中期目标"]])
        #expect(s?.table?.rows[1][0].line == 6)
        // A paragraph before a cell's own line is not the table's (zhongxian's `附件`).
        #expect(scan("附件\n生猪资金区域绩效目标表 | |||||\n资金名称 |\n生猪资金 | ||||\n") == nil)
        #expect(texts(scan("附件\n生猪资金区域绩效目标表 | |||||\n资金名称 |\n生猪资金 | ||||\n", at: 2)).count == 2)
    }

    @Test func aCellLineAfterARowIsARow() {
        // luan: `项目资金 (万元) |` between rows is a row of its own.
        #expect(texts(scan("项目属性 | 常年项目 | |||\n项目资金 (万元) |\n中期资金总额: | 68.50 | |\n"))
            == [["项目属性", "常年项目", "", "", ""], ["项目资金 (万元)"], ["中期资金总额:", "68.50", ""]])
    }

    // MARK: Broken input

    @Test func hostileRowsStayLinear() {
        let wide = (0..<100_000).map { "c\($0)" }.joined(separator: " | ")
        let start = Date()
        let s = scan("| " + wide + " |\n|" + String(repeating: "---|", count: 100_000) + "\n| short |\n")
        #expect(s?.table?.rows.first?.count == 100_000)
        #expect(s?.table?.rows.last?.count == 100_000)  // padded on the left
        #expect(s?.table?.rows.last?.last?.text == "short")
        let pipes = scan(String(repeating: "|", count: 1_000_000) + "\n" + String(repeating: "|\n", count: 100_000))
        #expect(pipes == nil)  // pipes alone: no cell
        let slashes = scan(String(repeating: "\\", count: 200_000) + "|a\n")
        #expect(slashes?.table?.rows.first?.count == 2)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func paddingBeyondTheBudgetIsAProblem() {
        // A delimiter of 10⁵ columns over 10⁴ one-cell rows would pad a billion cells.
        let lines = "| a |\n|" + String(repeating: "-|", count: 100_000) + "\n" + String(repeating: "| x |\n", count: 10_000)
        let s = scan(lines)
        #expect(s?.table == nil)
        #expect(s?.lastLine == 10_002)
        #expect(s?.problems.map(\.code) == ["table-unreadable"])
        #expect(s?.problems.first?.line == 1)
        #expect(s?.problems.first?.message.zh.contains("竖线（|）表格") == true)
        #expect(s?.problems.first?.diagnostic(path: "x.md").location.description == "x.md:1")
    }

    @Test func neverCrashesOnOddBytes() {
        for input in ["|", "||\n|", "\\", "|\\", "| a\n|---", "a|\n|:-:|\n", "\u{FFFD}|\u{0301}|", "|\r\n|---|\r\n|x|\r\n", "`|`|`"] {
            let text = SourceText(path: "t", bytes: Array(input.utf8))
            for n in 1...max(1, text.lineCount) { _ = PipeTable.scan(text, at: n) }
        }
        let broken = SourceText(path: "t", bytes: [0x7C, 0xFF, 0xFE, 0x7C, 0x0A, 0x7C, 0xE4, 0xB8])
        _ = PipeTable.scan(broken, at: 1)
        #expect(PipeTable.scan(broken, at: 0) == nil)
        #expect(PipeTable.scan(broken, at: 99) == nil)
    }
}

/// Web pages stored as text (../shared/forms/real): their `|` rows read as rows.
@Suite(.enabled(if: RealForms.root != nil, "../shared/forms is not here"))
struct PipeTableRealFormTests {
    func table(_ name: String, at line: Int) throws -> SourceTable {
        let text = try #require(RealForms.text(name))
        let found = PipeTable.scan(text, at: line)
        let scan = try #require(found)
        return try #require(scan.table)
    }

    func row(_ table: SourceTable, at line: Int) -> [String] {
        guard let k = table.rowLines.firstIndex(of: line) else { return [] }
        return table.rows[k].map(\.text)
    }

    @Test func rongchangCellPerLine() throws {
        let table = try table("cq-rongchang-linyeju-daqinggang-lvhua-2022", at: 24)
        #expect(row(table, at: 37) == ["申报单位", "区林业局", "项目(专项)名称", "古昌镇大青冈村乡村振兴绿化美化项目", "", "", ""])
        #expect(row(table, at: 77) == ["绩效指标", "一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"])
        #expect(row(table, at: 85) == ["产出指标", "数量指标", "绿化美化公路", "米", "=", "3500", ""])
        #expect(row(table, at: 97) == ["质量指标", "树木成活率", "%", "≥", "85", "", ""])
        #expect(table.lastLine == 110)  // the page was stored truncated, mid-table
    }

    @Test func bozhouTextClosedByPipes() throws {
        let table = try table("ah-bozhou-qixiang-rengong-zengyu-2023-mirror", at: 2)
        #expect(row(table, at: 13) == ["主管部门及代码", "亳州市气象局", "实施单位", "亳州市气象局"])
        #expect(row(table, at: 31) == ["项目资金\n(万元)", "中期资金总额:", "449.8万", "年度资金总额:", "189.8万"])
        #expect(row(table, at: 75).prefix(3) == ["绩\n效\n指\n标", "一级\n指标", "二级指标"])
    }

    @Test func qingjianPipeRunsEndRows() throws {
        let table = try table("sn-qingjian-jiaotong-guoyuanlu-2021", at: 12)
        #expect(table.firstLine == 12)  // line 11, a caption, is not a cell
        #expect(row(table, at: 49) == ["绩", "一级指标", "二级指标", "三级指标", "指标值"])
        #expect(row(table, at: 55) == ["产出指标", "数量指标", "寨山石坪村新建水泥路1条", "2km"])
        #expect(row(table, at: 60) == ["呼家河至鲍家沟新建水泥路1条", "2km"])
    }

    @Test func luanRowsOnALine() throws {
        let table = try table("ah-luan-nongyenongcun-zhijian-sanpinyibiao-2024", at: 3)
        #expect(row(table, at: 7).prefix(4) == ["主管部门及代码", "[066]六安市农业农村局", "实施单位", "六安市农业农村局"])
        #expect(row(table, at: 9) == ["项目资金 (万元)"])
        #expect(row(table, at: 20).prefix(4) == ["产出指标", "数量指标", "鉴定校准实验室仪器", "≥57个"])
        #expect(table.rows.first { $0.first?.line == 7 }?.map(\.column).prefix(4) == [1, 11, 27, 34])
    }

    /// zhongxian marks a row end only with the padding after its last cell: where a row is full
    /// without padding, the next row's cells run on in it (an unmarked end is not guessed).
    @Test func zhongxianUnmarkedRowEndsRunOn() throws {
        let table = try table("cq-zhongxian-shengzhu-diaochu-daxian-quyu-2022-spam-mirror", at: 11)
        #expect(row(table, at: 24) == ["资金情况", "年度金额(万元):", "397", "", "", ""])
        #expect(row(table, at: 38).count == 12)
    }

    /// mengcheng marks no row ends: a `|` alone after a closed cell (an empty value) is read as
    /// one, as it is in bozhou.
    @Test func mengchengHasNoRowEnds() throws {
        let table = try table("ah-mengcheng-weijian-jiben-gonggong-weisheng-2024", at: 10)
        #expect(row(table, at: 10) == ["项目名称", "国家基本公共卫生服务项目", "主管部门及代码"])
        #expect(table.rows.count == 3)
    }
}

/// ../shared/forms/real.
enum RealForms {
    static let root: String? = [Repo.root + "/../shared/forms/real", "/work/shared/forms/real"]
        .first { FileManager.default.fileExists(atPath: $0) }

    static func text(_ name: String) -> SourceText? {
        guard let root, let data = FileManager.default.contents(atPath: "\(root)/\(name).txt") else { return nil }
        return SourceText(path: name + ".txt", bytes: [UInt8](data))
    }
}


