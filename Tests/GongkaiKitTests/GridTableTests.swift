// pandoc grid tables: seed 004 (layout D) as pandoc's Markdown writer made it, spans, the join of
// cells cut over several lines, and broken tables.

import Foundation
import Testing
@testable import GongkaiKit

@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct GridTableFixtureTests {
    func tables(_ seed: String, flavor: MarkdownFlavor = .pandoc) throws -> [TableScan] {
        let text = try #require(Converted.text("pandoc-markdown", seed))
        return Converted.scans(text) { GridTable.scan($0, at: $1, flavor: flavor) }
    }

    /// Layout D's cells have two paragraphs, so pandoc wrote its 7 tables as grid tables: cell
    /// for cell they are the original, the CJK and numbers it cut (`4`/`000万元`) joined again and
    /// its `---` read back as —. The other seeds have none.
    @Test func layoutDIsTheOriginal() throws {
        let scans = try tables(Converted.seeds[4])
        let originals = Converted.originalTables(Converted.seeds[4])
        #expect(scans.count == 7)
        #expect(originals.count == 7)
        for (scan, original) in zip(scans, originals) {
            let table = try #require(scan.table)
            #expect(scan.problems.isEmpty)
            #expect(table.rows.allSatisfy { $0.count == 7 && $0.allSatisfy { $0.rowSpan == 1 && $0.colSpan == 1 } })
            #expect(Converted.differences(original, Converted.grid(table)) == [], "table at line \(scan.firstLine)")
        }
        for seed in Converted.seeds.prefix(4) {
            #expect(try tables(seed).isEmpty)
        }
    }

    /// Where pandoc cut a number, its own reader reads a space (`4 000万元`); these tables read
    /// the publisher's `4000万元`, at the line and column where the cell's text starts.
    @Test func cutNumbersAndPositions() throws {
        let first = try #require(try tables(Converted.seeds[4]).first?.table)
        let budget = first.rows[1][2]
        #expect(budget.text == "4000万元")
        #expect(budget.line == 75 && budget.column == 17)
        #expect(WrappedCell.join(["4", "000万元"]) == "4 000万元")  // pandoc's own reading
        let cost = first.rows[12][4]
        #expect(cost.text == "=7000万元")
        #expect(cost.line == 141 && cost.column == 40)
        #expect(first.rowLines[12] == 141)
        // Two paragraphs in one cell.
        #expect(first.rows[0][0].text == "项目\n编码")
        #expect(first.rows[0][0].line == 70 && first.rows[0][0].column == 3)
    }

    /// 004's `————`: the writer made it 12 hyphens and cut them `-----`/`-------`; read whole,
    /// pandoc's smart punctuation gives back the four dashes. Read as CommonMark, the hyphens stay.
    @Test func dashesCutOverTwoLines() throws {
        let pandoc = try #require(try tables(Converted.seeds[4])[1].table)
        #expect(pandoc.rows[0][1].text == "————")
        let plain = try #require(try tables(Converted.seeds[4], flavor: .commonMark)[1].table)
        #expect(plain.rows[0][1].text == "------------")
    }
}

@Suite struct GridTableShapeTests {
    func scan(_ lines: String, at line: Int = 1, flavor: MarkdownFlavor = .pandoc) -> TableScan? {
        GridTable.scan(SourceText(path: "t.md", bytes: Array(lines.utf8)), at: line, flavor: flavor)
    }

    func texts(_ scan: TableScan?) -> [[String]] {
        scan?.table?.rows.map { $0.map(\.text) } ?? []
    }

    @Test func columnsByDisplayWidth() {
        let s = scan("""
            +------+-----+
            | 项目 | 4   |
            |      | 000 |
            +======+=====+
            | a b  | c   |
            | d    |     |
            +------+-----+

            after
            """)
        #expect(texts(s) == [["项目", "4000"], ["a b d", "c"]])
        #expect(s?.lastLine == 7)
        #expect(s?.problems == [])
        #expect(s?.table?.rowLines == [2, 5])
        #expect(s?.table?.rows[0].map(\.column) == [3, 8])
    }

    @Test func spansFromMissingBoundaries() {
        // pandoc 3 writes a column span without the `|` and a row span with a rule that does
        // not cross the cell.
        let s = scan("""
            +-----+-----+-----+
            | a         | b   |
            +-----+-----+     +
            | c   | d   | b2  |
            +=====+=====+=====+
            | e   | f   | g   |
            +-----+-----+-----+
            """)
        let table = s?.table
        #expect(texts(s) == [["a", "b b2"], ["c", "d"], ["e", "f", "g"]])
        #expect(table?.rows[0].map(\.colSpan) == [2, 1])
        #expect(table?.rows[0].map(\.rowSpan) == [1, 2])
        #expect(table.map(Converted.grid) == [["a", "", "b b2"], ["c", "d", ""], ["e", "f", "g"]])
    }

    @Test func alignmentMarksAndIndent() {
        let s = scan("  +:---+---:+\n  | x  | y  |\n  +====+====+\n  | 1  | 2  |\n  +----+----+\n")
        #expect(texts(s) == [["x", "y"], ["1", "2"]])
        #expect(s?.table?.rows[1].map(\.column) == [5, 10])
    }

    @Test func escapesAndSmartPunctuation() {
        let s = scan("+----------+\n| \\>=60%   |\n+----------+\n| \"就业\"   |\n+----------+\n")
        #expect(texts(s) == [[">=60%"], ["“就业”"]])
        #expect(texts(scan("+----------+\n| \"就业\"   |\n+----------+\n", flavor: .commonMark)) == [["\"就业\""]])
    }

    @Test func theJoinOfCutLines() {
        #expect(WrappedCell.join(["4", "000万元"], columnWidth: 7) == "4000万元")
        #expect(WrappedCell.join(["及时准", "确的完"], columnWidth: 7) == "及时准确的完")
        #expect(WrappedCell.join(["-----", "-------"], columnWidth: 7) == "------------")
        #expect(WrappedCell.join(["≥", "90%"], columnWidth: 3) == "≥90%")
        // A line that does not fill the column came after a space.
        #expect(WrappedCell.join(["基本生活,", "解决群众"], columnWidth: 20) == "基本生活, 解决群众")
        #expect(WrappedCell.join(["Hello,", "world"], columnWidth: 6) == "Hello, world")
        // Latin cut mid-word reads as two words: pandoc cuts a word only when it is wider than
        // its column, and the column cannot tell.
        #expect(WrappedCell.join(["abcdefg", "hijklmn"], columnWidth: 7) == "abcdefg hijklmn")
        // Paragraphs.
        #expect(WrappedCell.join(["项目", "", "编码", ""], columnWidth: 7) == "项目\n编码")
        #expect(WrappedCell.join(["", "", "a"]) == "a")
    }

    // MARK: Broken tables

    @Test func unterminatedIsReadWithAProblem() {
        let s = scan("+---+---+\n| a | b |\n+---+---+\n| c | d |\n")
        #expect(texts(s) == [["a", "b"], ["c", "d"]])
        #expect(s?.lastLine == 4)
        #expect(s?.problems.map(\.code) == ["table-unterminated"])
        #expect(s?.problems.first?.line == 1)
        #expect(s?.problems.first?.message.zh.contains("网格表格") == true)
    }

    @Test func misalignedRuleIsUnreadable() {
        let s = scan("+---+---+\n| a | b |\n+----+--+\n| c | d |\n+---+---+\n")
        #expect(s?.table == nil)
        #expect(s?.firstLine == 1 && s?.lastLine == 5)
        let problem = s?.problems.first
        #expect(problem?.code == "table-unreadable")
        #expect(problem?.shape == .grid)
        #expect(problem?.message.zh == "这里的网格表格（+---+）无法读成表格：第 3 行的分隔线与首行 +---+ 的列位置对不上；这几行未作为表格读取")
        #expect(problem?.message.en == "this grid table could not be read as a table: the rule on line 3 does not line up with the columns of the top rule; its lines were not read as a table")
    }

    @Test func misalignedContentIsSplitAtItsPipes() {
        // Another writer counted 中文 as 4 columns, not 2 + 2: one `|` per boundary still splits it.
        #expect(texts(scan("+------+------+\n| 中文   | b    |\n+------+------+\n")) == [["中文", "b"]])
        let s = scan("+---+---+\n| a | b | c |\n+---+---+\n")
        #expect(s?.table == nil)
        #expect(s?.problems.first?.message.en.contains("line 2") == true)
    }

    @Test func notGridTables() {
        #expect(scan("+---+---+\n\n") == nil)  // a rule alone
        #expect(scan("+ a +\n| b |") == nil)
        #expect(scan("| a | b |\n+---+---+") == nil)
        #expect(scan("+--+ text\n| a |") == nil)
        #expect(scan("    +---+\n    | a |\n    +---+") == nil)  // indented four: code
    }

    @Test func hostileInputStaysQuick() {
        let start = Date()
        let columns = 2_000
        let rule = "+" + String(repeating: "-+", count: columns)
        let row = "|" + String(repeating: "x|", count: columns)
        let wide = scan(([rule] + (0..<50).flatMap { _ in [row, rule] }).joined(separator: "\n"))
        #expect(wide?.table?.rows.count == 50)
        #expect(wide?.table?.rows.last?.count == columns)
        let long = scan("+---+\n" + String(repeating: "| a |\n", count: 100_000))
        #expect(long?.table?.rows.first?.first?.text.count == 199_999)  // one cell: a a a …
        #expect(long?.problems.map(\.code) == ["table-unterminated"])
        let garbage = "+--+--+\n" + ["|", "+", "+-", "|\u{4E2D}|", "| |", "+--+--", "|\\|", "| \u{0301} |  |", "+==+==+", "|x|y|z|"]
            .joined(separator: "\n")
        let text = SourceText(path: "g", bytes: Array(garbage.utf8))
        for n in 1...text.lineCount { _ = GridTable.scan(text, at: n) }
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
