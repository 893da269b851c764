// HTML as converters write it (mammoth, LibreOffice, pandoc's raw HTML tables) read into blocks:
// the same grids as the Word files they came from, lines and columns where the text is, and
// broken or hostile HTML read without a crash, a hang or a quadratic cost.

import Foundation
import Testing
@testable import GongkaiKit

/// The HTML of a converted file: the whole file (mammoth, LibreOffice), or for Markdown the
/// HTML blocks cmark finds, each read at its own first line.
enum HTMLFixture {
    static func reading(_ path: String, markdown: Bool) -> MarkupReading {
        let bytes = Converted.bytes(path)
        guard markdown else { return HTMLBlocks.blocks(of: bytes) }
        var lineStarts = [0]
        for (k, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(k + 1) }
        var all = MarkupReading(blocks: [], problems: [])
        for block in CommonMark.blocks(of: bytes) where block.kind == .htmlBlock {
            let start = lineStarts[block.firstLine - 1]
            let end = block.lastLine < lineStarts.count ? lineStarts[block.lastLine] : bytes.count
            let part = HTMLBlocks.blocks(of: Array(bytes[start..<end]), firstLine: block.firstLine)
            all.blocks += part.blocks
            all.problems += part.problems
        }
        return all
    }

    /// Tables and text lines with white space as HTML shows it, and no blank paragraphs.
    static func shapes(_ blocks: [SourceBlock], tablesOnly: Bool = false) -> [Shape] {
        Shape.of(blocks, normalise: Shape.collapsed).filter {
            switch $0 {
            case .blank: false
            case .text(let text): !tablesOnly && !text.isEmpty
            case .table: true
            }
        }
    }
}

/// The converters whose output holds HTML tables, and whether their HTML sits in Markdown.
enum HTMLConverter: String, CaseIterable, CustomTestStringConvertible {
    case mammoth = "mammoth-html"
    case libreoffice = "libreoffice-html"
    case pandocCommonMark = "pandoc-commonmark"
    case pandocGFM = "pandoc-gfm"

    var markdown: Bool { self == .pandocCommonMark || self == .pandocGFM }
    var testDescription: String { rawValue }

    func reading(seed: String) -> MarkupReading? {
        Converted.root.map { HTMLFixture.reading($0 + "/\(rawValue)/\(seed).md", markdown: markdown) }
    }

    func reading(corpus document: String) -> MarkupReading? {
        Converted.root.map { HTMLFixture.reading($0 + "/corpus83/\(rawValue)/content/\(document).md", markdown: markdown) }
    }
}

@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct HTMLFixtureTests {
    /// Every converter's HTML gives the grids of the Word file it was made from (and, for whole
    /// pages, the same text lines), white space read as a browser shows it. pandoc's Markdown
    /// writers put only tables in HTML; GFM does so only for layout D (004), whose cells have
    /// two paragraphs.
    @Test(arguments: HTMLConverter.allCases)
    func seedsGiveTheWordGrids(_ converter: HTMLConverter) throws {
        for seed in Converted.seeds {
            let docx = try #require(Converted.docx(seed: seed))
            let reading = try #require(converter.reading(seed: seed))
            var want = HTMLFixture.shapes(docx.blocks, tablesOnly: converter.markdown)
            if converter == .pandocGFM && seed != "004_3591812dab85e55a" { want = [] }
            let got = HTMLFixture.shapes(reading.blocks, tablesOnly: converter.markdown)
            #expect(got.count == want.count, "\(seed)")
            for (index, (a, b)) in zip(got, want).enumerated() where a != b {
                Issue.record("\(seed) block \(index):\n\(a)\n!=\n\(b)")
                break
            }
            #expect(reading.problems.isEmpty, "\(seed)")
            let tables = reading.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
            #expect(tables.allSatisfy { $0.shape == .html })
        }
    }

    @Test(arguments: HTMLConverter.allCases)
    func corpusGivesTheWordGrids(_ converter: HTMLConverter) throws {
        var tables = 0
        for document in Converted.corpus {
            let docx = try #require(Converted.docx(corpus: document))
            let reading = try #require(converter.reading(corpus: document))
            var want = HTMLFixture.shapes(docx.blocks, tablesOnly: converter.markdown)
            if converter == .pandocGFM && !document.hasPrefix("d/") { want = [] }
            let got = HTMLFixture.shapes(reading.blocks, tablesOnly: converter.markdown)
            #expect(got == want, "\(document)")
            #expect(reading.problems.isEmpty, "\(document)")
            tables += got.filter { if case .table = $0 { true } else { false } }.count
        }
        #expect(tables >= (converter == .pandocGFM ? 10 : 124))
    }

    /// Whole pages keep each line's style: headings at their level, as in the Word file.
    @Test(arguments: [HTMLConverter.mammoth, .libreoffice])
    func headingsKeepTheirLevels(_ converter: HTMLConverter) throws {
        for seed in Converted.seeds {
            let docx = try #require(Converted.docx(seed: seed))
            let reading = try #require(converter.reading(seed: seed))
            func styles(_ blocks: [SourceBlock]) -> [String] {
                blocks.compactMap {
                    guard case .text(let line) = $0, case .heading(let level) = line.style else { return nil }
                    return "\(level) \(Shape.collapsed(line.text))"
                }
            }
            #expect(styles(reading.blocks) == styles(docx.blocks), "\(seed)")
            #expect(!styles(reading.blocks).isEmpty)
        }
    }

    /// mammoth writes a whole document on one line: each line and cell gets the column of its
    /// text (counted in characters), so that a diagnostic can point at it.
    @Test func mammothColumns() throws {
        let reading = try #require(HTMLConverter.mammoth.reading(seed: "000_6b0f4feae194cead"))
        guard case .text(let title) = reading.blocks[0], case .table(let table) = reading.blocks[1] else {
            Issue.record("expected a title and a table"); return
        }
        #expect(title.line == 1 && title.column == 5 && title.style == .heading(level: 1))
        #expect(table.firstLine == 1 && table.lastLine == 1)
        #expect(table.rows[0][0].text == "主管部门" && table.rows[0][0].column == 52)
        #expect(table.rows[0][1].text == "江阴市人力资源和社会保障局" && table.rows[0][1].column == 72)
        guard case .text(let caption) = reading.blocks[2] else { Issue.record("no caption"); return }
        #expect(caption.text == "决策指标" && caption.line == 1 && caption.column == 2683)
    }

    /// LibreOffice indents cell text on the line after the tags and splits it at every change
    /// of script: the cell is placed on its text's line, alone there (no column), and
    /// `≥3000<font><span>人</span></font>` is one value.
    @Test func libreOfficeLinesAndSplitText() throws {
        let reading = try #require(HTMLConverter.libreoffice.reading(seed: "000_6b0f4feae194cead"))
        let tables = reading.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        let decision = tables[1]
        #expect(decision.firstLine == 126 && decision.lastLine == 209)
        #expect(decision.rows[1][0].text == "决策指标" && decision.rows[1][0].line == 151 && decision.rows[1][0].column == nil)
        #expect(decision.rows[1][0].rowSpan == 4)
        // 立项依据: the source's space before each numbered item survives the line wrap as one space.
        #expect(tables[0].rows[3][1].text.hasPrefix("1.《关于进一步加强人力资源和社会保障基层公共服务平台建设的指导意见》（苏政办发〔2013〕12号） 2.《江阴市"))
        let cells = try #require(HTMLConverter.libreoffice.reading(seed: "003_c7a45089d7b08831")).blocks.flatMap { block -> [SourceCell] in
            guard case .table(let table) = block else { return [] }
            return table.rows.flatMap { $0 }
        }
        let people = try #require(cells.first { $0.text == "≥3000人" })
        #expect(people.line == 165)
    }

    /// pandoc's HTML blocks keep the lines of the Markdown file; a `<td` wrapped onto the next
    /// line puts its cell on the line where the text is; entities are decoded.
    @Test func pandocLinesAndEntities() throws {
        let reading = try #require(HTMLConverter.pandocCommonMark.reading(seed: "002_49d7d7febf7b294e"))
        let cells = reading.blocks.flatMap { block -> [SourceCell] in
            guard case .table(let table) = block else { return [] }
            return table.rows.flatMap { $0 }
        }
        let wrapped = try #require(cells.first { $0.text.hasPrefix("一、促进就业工作是国民经济") })
        #expect(wrapped.line == 37 && wrapped.colSpan == 4 && wrapped.column == nil)
        let bold = try #require(HTMLConverter.pandocCommonMark.reading(seed: "001_243ff47b057fa4c8"))
        guard case .table(let first) = bold.blocks.first else { Issue.record("no table"); return }
        #expect(first.firstLine == 3)
        #expect(first.rows[0][0].text == "<b>主管部门</b>" && first.rows[0][0].line == 10)
    }
}

@Suite struct HTMLBlocksTests {
    func read(_ html: String, firstLine: Int = 1, firstColumn: Int = 1) -> MarkupReading {
        HTMLBlocks.blocks(of: Array(html.utf8), firstLine: firstLine, firstColumn: firstColumn)
    }

    func lines(_ reading: MarkupReading) -> [SourceLine] {
        reading.blocks.compactMap { if case .text(let line) = $0 { line } else { nil } }
    }

    func tables(_ reading: MarkupReading) -> [SourceTable] {
        reading.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    @Test func textAsABrowserShowsIt() {
        let reading = read("<h2>  标题\n  二 </h2>\n<p>a <b>b</b>\n\t c<br>d &amp; e&nbsp;</p><div>≥3000<font><span>人</span></font></div>"
            + "<style>p { x }</style><script>var a = 1;</script><pre>  keep\n  this</pre>")
        #expect(lines(reading).map(\.text) == ["标题 二", "a b c\nd & e\u{A0}", "≥3000人", "  keep\n  this"])
        #expect(lines(reading).map(\.style) == [.heading(level: 2), .paragraph, .paragraph, .paragraph])
        #expect(reading.problems.isEmpty)
    }

    @Test func listsAreNumberedAsHTMLSays() {
        let reading = read("<ol start=\"3\"><li>甲</li><li value=\"7\">乙<p>续</p></li><li>丙</li></ol><ul><li>丁</li></ul>")
        #expect(lines(reading).map(\.text) == ["甲", "乙", "续", "丙", "丁"])
        #expect(lines(reading).map(\.style) == [.orderedItem(number: 3), .orderedItem(number: 7), .paragraph, .orderedItem(number: 8), .bulletItem])
    }

    /// Lines count from `firstLine`; the first line's columns from `firstColumn`; a column only
    /// where two things start on one line.
    @Test func positionsInsideMarkdown() {
        let reading = read("<table>\n<tr><td>甲</td><td>乙</td></tr>\n<tr>\n<td>丙</td>\n</tr>\n</table>", firstLine: 40, firstColumn: 3)
        let table = tables(reading)[0]
        #expect(table.firstLine == 40 && table.lastLine == 45)
        #expect(table.rows[0].map(\.line) == [41, 41] && table.rows[0].map(\.column) == [9, 19])
        #expect(table.rows[1][0].line == 43 && table.rows[1][0].column == nil)
        #expect(table.rowLines == [41, 43])
        let first = read("<p>甲</p><p>乙</p>", firstLine: 7, firstColumn: 5)
        #expect(lines(first).map(\.column) == [8, 16])
    }

    /// An empty cell is placed at its tag; a cell's paragraphs are joined by `\n`.
    @Test func cellsWithParagraphsAndEmptyCells() {
        let table = tables(read("<table><thead><tr><th>一</th><th></th></tr></thead><tbody><tr><td><p>项目</p><p></p><p>编码</p></td>\n<td>x<br/>y</td></tr></tbody></table>"))[0]
        #expect(table.rows.map { $0.map(\.text) } == [["一", ""], ["项目\n编码", "x\ny"]])
        #expect(table.rows[0][1].column == 29)
    }

    /// A table inside a cell becomes a table of its own after the one holding it; text in a
    /// table outside its cells comes before it, as a browser shows it.
    @Test func nestedTablesAndStrayText() {
        let reading = read("<table><tr><td>a<table><tr><td>x</td><td>y</td></tr></table>b</td></tr></table>")
        #expect(tables(reading).map { $0.rows.map { $0.map(\.text) } } == [[["a\nb"]], [["x", "y"]]])
        let stray = read("<table><caption>表一</caption><tr><td>a</td></tr></table>")
        #expect(stray.blocks.count == 2)
        #expect(lines(stray).map(\.text) == ["表一"])
        #expect(tables(read("<td>孤</td>")).isEmpty)
        #expect(lines(read("<td>孤</td>")).map(\.text) == ["孤"])
    }

    @Test func spansFollowHTMLRules() {
        let table = tables(read("<table><tr><td rowspan=\"0\">a</td><td colspan=\" 2x\">b</td><td colspan=\"0\" rowspan=\"-1\">c</td></tr><tr><td>d</td></tr><tr><td>e</td></tr></table>"))[0]
        #expect(table.rows[0].map(\.rowSpan) == [3, 1, 1])
        #expect(table.rows[0].map(\.colSpan) == [1, 2, 1])
    }

    // MARK: - Broken and hostile HTML

    @Test func unclosedTable() {
        let reading = read("<p>前</p>\n<table><tr><td>a<td>b\n<tr><td>c")
        let table = tables(reading)[0]
        #expect(table.rows.map { $0.map(\.text) } == [["a", "b"], ["c"]])
        #expect(table.firstLine == 2 && table.lastLine == 3)
        #expect(reading.problems.map(\.code) == ["html-unclosed-table"])
        #expect(reading.problems.first?.line == 2)
        #expect(reading.problems.first?.message.zh == "表格没有 </table>，读到第 3 行为止")
    }

    @Test func hugeRowSpanIsClampedAndSaid() {
        let reading = read("<table><tr><td rowspan=\"1000000\">a</td><td>b</td></tr>\n<tr><td>c</td></tr></table>")
        #expect(tables(reading)[0].rows[0][0].rowSpan == 2)
        #expect(reading.problems.map(\.code) == ["html-span-clamped"])
        #expect(reading.problems[0].message.en == "1 cell(s) span past the table (the first on line 1: rowspan=65534, colspan=1); read as reaching its edge")
    }

    @Test func aTableTooLargeToExpandLosesItsSpans() {
        let html = "<table>" + String(repeating: "<tr><td colspan=\"5000\">x</td></tr>", count: 2000) + "</table>"
        let reading = read(html)
        let table = tables(reading)[0]
        #expect(table.rows.count == 2000 && table.rows.allSatisfy { $0[0].colSpan == 1 })
        #expect(reading.problems.map(\.code) == ["html-span-clamped", "html-table-too-large"])
        #expect(reading.problems[1].message.en.contains("2000 rows × 1000 columns"))
    }

    @Test func aHundredThousandCellsInLinearTime() throws {
        let clock = ContinuousClock()
        var reading = MarkupReading(blocks: [], problems: [])
        let html = "<table><tr>" + String(repeating: "<td>格</td>", count: 100_000) + "</tr></table>"
        let elapsed = clock.measure { reading = read(html) }
        #expect(tables(reading).first?.rows.first?.count == 100_000)
        #expect(tables(reading).first?.rows.first?.last?.column == 10 * 99_999 + 16)
        // Linear, this is a fraction of a second (0.6 s in a debug build); quadratic, minutes.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func deepNestingStopsWithAProblem() {
        let clock = ContinuousClock()
        var deep = MarkupReading(blocks: [], problems: [])
        let elapsed = clock.measure {
            deep = read("<p>前</p>" + String(repeating: "<div>", count: 100_000) + "深" + String(repeating: "</div>", count: 100_000))
        }
        #expect(lines(deep).map(\.text) == ["前"])
        #expect(deep.problems.map(\.code) == ["html-too-deep"])
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        // Unmatched end tags make libxml2 search its whole stack: the depth limit bounds that.
        let unmatched = clock.measure {
            _ = read(String(repeating: "<b>", count: 50_000) + String(repeating: "</i>", count: 50_000))
        }
        #expect(unmatched < .seconds(60), "took \(unmatched)")
    }

    @Test func bytesThatAreNotUTF8() {
        let reading = HTMLBlocks.blocks(of: Array("<p>甲".utf8) + [0xFF, 0x00] + Array("乙</p><p>丙</p>".utf8))
        #expect(lines(reading).map(\.text) == ["甲\u{FFFD}\u{FFFD}乙", "丙"])
        #expect(reading.problems.map(\.code) == ["html-invalid-bytes"])
        #expect(reading.problems.first?.line == 1 && reading.problems.first?.column == 5)
        // Garbage: whatever it gives, it gives it without a crash.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var garbage: [UInt8] = []
        for _ in 0..<300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            garbage.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        let noise = HTMLBlocks.blocks(of: Array("<table><tr><td>".utf8) + garbage)
        #expect(noise.problems.contains { $0.code == "html-invalid-bytes" })
        #expect(HTMLBlocks.blocks(of: []).blocks.isEmpty)
    }
}

/// Documents are read in parallel by a build: libxml2 and the zip reader give the same blocks
/// on many threads at once as on one.
@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct ParallelReadingTests {
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: MarkupReading] = [:]
        func set(_ index: Int, _ value: MarkupReading) { lock.withLock { values[index] = value } }
        func get(_ index: Int) -> MarkupReading? { lock.withLock { values[index] } }
    }

    @Test func sameBlocksOnManyThreads() throws {
        let root = try #require(Converted.root)
        let jobs: [@Sendable () -> MarkupReading?] = Converted.seeds.flatMap { seed -> [@Sendable () -> MarkupReading?] in
            [{ HTMLFixture.reading(root + "/libreoffice-html/\(seed).md", markdown: false) },
             { HTMLFixture.reading(root + "/pandoc-commonmark/\(seed).md", markdown: true) },
             { Converted.docx(seed: seed) }]
        }
        let sequential = jobs.map { $0() }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: jobs.count * 3) { k in
            if let reading = jobs[k % jobs.count]() { results.set(k, reading) }
        }
        for k in 0..<(jobs.count * 3) {
            #expect(results.get(k) == sequential[k % jobs.count], "job \(k % jobs.count)")
        }
    }
}
