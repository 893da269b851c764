// pandoc multiline and simple tables: seeds 000–003 as pandoc's Markdown writer made them, the
// shapes pandoc's reader knows, and broken tables.

import Foundation
import Testing
@testable import GongkaiKit

@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct MultilineTableFixtureTests {
    func tables(_ seed: String) throws -> [TableScan] {
        let text = try #require(Converted.text("pandoc-markdown", seed))
        return Converted.scans(text) { MultilineTable.scan($0, at: $1) }
    }

    /// Layouts A–C: every multiline table is its tab table, cell for cell. pandoc keeps no span
    /// (a merged cell is its text then empty cells), which is what the tab tables hold; its
    /// quotes and dashes are read back as its reader does (`"就业援助员"` → `“就业援助员”`).
    /// Layout D (004) has grid tables only.
    @Test(arguments: Converted.seeds)
    func pandocMarkdownIsTheOriginal(seed: String) throws {
        let scans = try tables(seed)
        let originals = Converted.originalTables(seed)
        if seed.hasPrefix("004") {
            #expect(scans.isEmpty)
            return
        }
        #expect(scans.count == originals.count)
        for (scan, original) in zip(scans, originals) {
            let table = try #require(scan.table)
            #expect(scan.problems.isEmpty)
            #expect(Converted.differences(original, Converted.grid(table)) == [], "table at line \(scan.firstLine)")
        }
    }

    @Test func positionsAndQuotes() throws {
        let scans = try tables(Converted.seeds[0])
        #expect(scans.map(\.firstLine) == [3, 29, 47, 59, 85])
        #expect(scans.map(\.lastLine) == [25, 43, 55, 81, 103])
        let decisions = try #require(scans[1].table)
        #expect(decisions.rowLines == [30, 32, 34, 36, 38, 40, 42])
        #expect(decisions.rows[0].map(\.column) == [3, 17, 31, 45])
        #expect(decisions.rows[2].map(\.text) == ["", "", "立项程序规范性", "规范"])
        #expect(decisions.rows[2].map(\.column) == [3, 21, 39, 50])
        let overview = try #require(scans[0].table).rows[2][1]
        #expect(overview.text.contains("（当时我市命名为“就业援助员”）"))
        #expect(overview.line == 8 && overview.column == 35)
    }

    /// pandoc wraps a multiline cell only at spaces (its columns are as wide as the longest
    /// word), so a break is a space, even between CJK: `及时治疗` / `and 正常生活`.
    @Test func wrappedCellsAreJoinedWithASpace() throws {
        let last = try #require(try tables(Converted.seeds[2]).last?.table)
        let cell = try #require(last.rows.flatMap { $0 }.first { $0.line == 771 && $0.text.hasPrefix("长期实施") })
        #expect(cell.text == "长期实施，确保老工伤退休人员的及时治疗 and 正常生活")
        let goals = try #require(try tables(Converted.seeds[3])[3].table).rows.flatMap { $0 }.first { $0.line == 233 && $0.text.hasPrefix("为保障") }
        #expect(goals?.text == "为保障未参保集体企业退休人员基本生活, 解决群众实际困难和逐步完善社会保障制度。")
    }
}

@Suite struct MultilineTableShapeTests {
    func scan(_ lines: String, at line: Int = 1) -> TableScan? {
        MultilineTable.scan(SourceText(path: "t.md", bytes: Array(lines.utf8)), at: line)
    }

    func texts(_ scan: TableScan?) -> [[String]] {
        scan?.table?.rows.map { $0.map(\.text) } ?? []
    }

    @Test func simpleTable() {
        let s = scan("  名称   金额\n  ------ ------\n  项目A  100\n  项目B  200\n\nafter\n")
        #expect(texts(s) == [["名称", "金额"], ["项目A", "100"], ["项目B", "200"]])
        #expect(s?.lastLine == 4)
        #expect(s?.problems == [])
        #expect(s?.table?.shape == .multiline)
        #expect(s?.table?.rows[1].map(\.column) == [3, 8])
    }

    @Test func headlessTables() {
        let simple = scan("-----  -----\na      b\nc      d\n-----  -----\n\n")
        #expect(texts(simple) == [["a", "b"], ["c", "d"]])
        #expect(simple?.lastLine == 4)
        let multiline = scan("-----  -----\na      b\nmore\n\nc      d\n-----  -----\n")
        #expect(texts(multiline) == [["a more", "b"], ["c", "d"]])
        #expect(multiline?.table?.rowLines == [2, 5])
        // No closing rule: not a headless table.
        #expect(scan("-----  -----\na      b\n\n\ntext") == nil)
    }

    @Test func emptyRowsAndSeparators() {
        let s = scan("  -------------\n  一级    二级\n  ------- -----\n  决策    立项\n\n               \n\n  过程    管理\n  -------------\n")
        #expect(texts(s) == [["一级", "二级"], ["决策", "立项"], ["", ""], ["过程", "管理"]])
        #expect(s?.table?.rowLines == [2, 4, 6, 8])
        #expect(s?.lastLine == 9)
    }

    @Test func textLeftOfTheFirstColumnIsKept() {
        // pandoc's reader would drop `名`: it starts left of the first column's dashes.
        #expect(texts(scan("  a     b\n  ----  ----\n名称 x  y\n")) == [["a", "b"], ["名称 x", "y"]])
    }

    @Test func escapesAndSmartPunctuation() {
        let s = scan("  ---------------------\n  a             b\n  ------------- -------\n  \\>=60%        \"就业\"\n\n  1\\. x---y     it's\n  ---------------------\n")
        #expect(texts(s) == [["a", "b"], [">=60%", "“就业”"], ["1. x—y", "it’s"]])
    }

    @Test func notTables() {
        #expect(scan("Title\n-----\n\ntext") == nil)  // a heading
        #expect(scan("---\n\ntext") == nil)  // a rule
        #expect(scan("  -----\n  a\n  -----\n  b\n  -----\n") == nil)  // one column
        #expect(scan("- item\n- item") == nil)
        #expect(scan("") == nil)
    }

    @Test func unterminatedIsReadWithAProblem() {
        let s = scan("  ----------\n  a    b\n  ---- ----\n  1    2\n\n  3    4\n\n\nparagraph\n")
        #expect(texts(s) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(s?.lastLine == 6)
        #expect(s?.problems.map(\.code) == ["table-unterminated"])
        #expect(s?.problems.first?.message.zh.hasPrefix("多行表格") == true)
    }

    @Test func hostileWidthsAreUnreadable() {
        let start = Date()
        let underline = String(repeating: "- ", count: 100_000)
        let s = scan("h  h\n" + underline + "\n" + String(repeating: "a\n", count: 10_000))
        #expect(s?.table == nil)
        #expect(s?.problems.map(\.code) == ["table-unreadable"])
        #expect(s?.problems.first?.message.en.contains("too many empty cells") == true)
        let long = scan("  ----- -----\n" + String(repeating: "  a     b\n", count: 50_000) + "  ----- -----\n")
        #expect(long?.table?.rows.count == 50_000)
        let text = SourceText(path: "g", bytes: Array("--- --\n\u{4E2D}\u{0301}\n--\n- -\n  \n\n---\n-".utf8))
        for n in 1...text.lineCount { _ = MultilineTable.scan(text, at: n) }
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
