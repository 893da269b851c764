// Word files read directly: the seeds and the corpus rebuilt as .docx give back the tables and
// paragraphs they were made from, and broken or hostile files give a typed problem, fast.

import Foundation
import Testing
@testable import GongkaiKit

/// A block sequence reduced to what every shape must agree on: text lines, blank paragraphs
/// and tables as full grids (each span's text in its first position, "" in the rest).
enum Shape: Equatable, CustomStringConvertible {
    case text(String)
    case blank
    case table([[String]])

    var description: String {
        switch self {
        case .text(let text): "T \(text.debugDescription)"
        case .blank: "B"
        case .table(let grid): "TABLE\n" + grid.map { "  | " + $0.map(\.debugDescription).joined(separator: " | ") }.joined(separator: "\n")
        }
    }

    static func of(_ blocks: [SourceBlock], normalise: (String) -> String = { $0.trimmingCharacters(in: .whitespacesAndNewlines) }) -> [Shape] {
        blocks.map { block in
            switch block {
            case .text(let line): .text(normalise(line.text))
            case .blank: .blank
            case .table(let table): .table(grid(table).map { $0.map(normalise) })
            case .cells(let cells): .table([cells.map { normalise($0.text) }])
            }
        }
    }

    /// The table as a grid: cells placed left to right in positions no span above has taken.
    static func grid(_ table: SourceTable) -> [[String]] {
        var rows: [[String?]] = Array(repeating: [], count: table.rows.count)
        for (r, row) in table.rows.enumerated() {
            var c = 0
            for cell in row {
                while c < rows[r].count, rows[r][c] != nil { c += 1 }
                for dr in 0..<cell.rowSpan where r + dr < rows.count {
                    for dc in 0..<cell.colSpan {
                        while rows[r + dr].count <= c + dc { rows[r + dr].append(nil) }
                        rows[r + dr][c + dc] = dr == 0 && dc == 0 ? cell.text : ""
                    }
                }
                c += cell.colSpan
            }
        }
        let width = rows.map(\.count).max() ?? 0
        return rows.map { row in (0..<width).map { $0 < row.count ? row[$0] ?? "" : "" } }
    }

    /// Text as HTML shows it: white space runs as one space, no empty lines, no ends.
    static func collapsed(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// The source text a .docx was made from, read as tools/make_docx.py reads it.
enum Original {
    static func shapes(_ path: String) -> [Shape] {
        let text = String(decoding: Converted.bytes(path), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tabbed = lines.filter { $0.contains("\t") }
        let dump = !tabbed.isEmpty && tabbed.allSatisfy { $0.hasPrefix("\t") && !$0.dropFirst().contains("\t") }
        var shapes: [Shape] = []
        var i = 0
        func addTable(_ rows: [[String]]) {
            if case .table = shapes.last { shapes.append(.blank) }   // the gap make_docx writes
            let width = rows.map(\.count).max() ?? 0
            shapes.append(.table(rows.map { row in (row + Array(repeating: "", count: width - row.count)).map(trim) }))
        }
        while i < lines.count {
            let line = lines[i]
            if dump, line.hasPrefix("\t") {
                let (rows, next) = dumpTable(lines, i)
                addTable(rows)
                i = next
            } else if !dump, line.contains("\t") {
                var rows: [[String]] = []
                while i < lines.count, lines[i].contains("\t") {
                    rows.append(lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
                    i += 1
                }
                addTable(rows)
            } else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { shapes.append(.text(trim(heading(line).text))) }
                i += 1
            }
        }
        return shapes
    }

    /// `## 标题` → ("标题", 2); other lines as they are.
    static func heading(_ line: String) -> (text: String, level: Int?) {
        let marks = line.prefix { $0 == "#" }.count
        guard (1...6).contains(marks), line.dropFirst(marks).first?.isWhitespace == true else { return (line, nil) }
        return (String(line.dropFirst(marks).drop { $0.isWhitespace }), marks)
    }

    static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// make_docx.py's `parse_dump_table`: one cell a line led by a tab, a blank line after each
    /// row, a cell's paragraphs split by a blank line (read back joined by `\n`).
    static func dumpTable(_ lines: [String], _ start: Int) -> ([[String]], Int) {
        var i = start
        var rows: [[String]] = []
        var row: [String] = []
        let n = lines.count
        while true {
            var paragraphs = [String(lines[i].dropFirst())]
            i += 1
            while true {
                if i < n, lines[i].hasPrefix("\t") { break }
                if i < n, lines[i].isEmpty {
                    if i + 1 < n, lines[i + 1].hasPrefix("\t") { break }
                    if i + 1 < n, !lines[i + 1].isEmpty {
                        paragraphs.append(lines[i + 1]); i += 2; continue
                    }
                    if i + 2 < n, lines[i + 1].isEmpty, lines[i + 2].hasPrefix("\t") {
                        paragraphs.append(""); i += 2; continue
                    }
                }
                break
            }
            row.append(paragraphs.joined(separator: "\n"))
            if i < n, lines[i].hasPrefix("\t") { continue }
            rows.append(row)
            row = []
            if i < n, lines[i].isEmpty, i + 1 < n, lines[i + 1].hasPrefix("\t") { i += 1; continue }
            if i < n, lines[i].isEmpty { i += 1 }
            break
        }
        return (rows, i)
    }
}

@Suite(.enabled(if: Converted.root != nil, "../shared/converted is not here"))
struct DocxFixtureTests {
    /// Each seed's .docx gives exactly the paragraphs and tables of the text it was made from:
    /// every cell, every span expanded, every gap between split tables.
    @Test(arguments: Converted.seeds)
    func seedEqualsItsSource(_ seed: String) throws {
        let root = try #require(Converted.root)
        let reading = try #require(Converted.docx(seed: seed))
        let expected = Original.shapes(root + "/original/\(seed).md")
        let got = Shape.of(reading.blocks)
        #expect(got.count == expected.count)
        for (index, (a, b)) in zip(got, expected).enumerated() where a != b {
            Issue.record("block \(index):\n\(a)\n!=\n\(b)")
            break
        }
        #expect(reading.problems.isEmpty)
    }

    @Test func corpusEqualsItsSource() throws {
        let root = try #require(Converted.root)
        let documents = Converted.corpus
        #expect(documents.count == 11)
        for document in documents {
            let reading = try #require(Converted.docx(corpus: document), "\(document)")
            let expected = Original.shapes(root + "/corpus83/original/content/\(document).md")
            #expect(Shape.of(reading.blocks) == expected, "\(document)")
            #expect(reading.problems.isEmpty, "\(document)")
        }
    }

    /// Lines are paragraph numbers (body and cells alike); a cell's line is its first
    /// paragraph's; merges become spans on the first cell with the covered cells left out.
    @Test func linesAndSpansOfSeed000() throws {
        let reading = try #require(Converted.docx(seed: "000_6b0f4feae194cead"))
        guard case .text(let title) = reading.blocks.first else { Issue.record("no title"); return }
        #expect(title.line == 1 && title.column == nil)
        #expect(title.style == .heading(level: 1))
        #expect(title.text == "2021年度人社专职协理员工作经费绩效目标申报表")
        let tables = reading.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.allSatisfy { $0.shape == .docx })
        // 决策指标: paragraph 24 is its caption; the table starts at paragraph 25.
        let decision = tables[1]
        #expect(decision.firstLine == 25 && decision.lastLine == 50)
        #expect(decision.rows.map(\.count) == [4, 4, 2, 3, 2, 3, 2])
        let first = decision.rows[1][0]
        #expect(first.text == "决策指标" && first.line == 29 && first.rowSpan == 4 && first.colSpan == 1 && first.column == nil)
        #expect(decision.rows[1][1].rowSpan == 2)
        #expect(decision.rows[5][2].text == "科学" && decision.rows[5][2].colSpan == 2)
        // Rows 2–3 of 决策指标 hold covered cells, which still count as paragraphs (33, 34).
        #expect(decision.rowLines == [25, 29, 35, 38, 43, 45, 49])
    }

    /// Headings come from the paragraph styles: 001's `##` and `###` lines are Heading 2 and 3.
    @Test func headingLevelsFromStyles() throws {
        let reading = try #require(Converted.docx(seed: "001_243ff47b057fa4c8"))
        let headings = reading.blocks.compactMap { block -> String? in
            guard case .text(let line) = block, case .heading(let level) = line.style else { return nil }
            return "\(level) \(line.text)"
        }
        #expect(headings == ["2 2021年度人社局专项资金绩效目标申报表", "3 决策指标", "3 过程指标", "3 产出指标", "3 效益指标"])
    }

    /// Layout D's two-paragraph cells are one cell, its paragraphs joined by `\n`, at the line
    /// of its first paragraph; a short row's last cell spans the rest of the row.
    @Test func multiParagraphCells() throws {
        let reading = try #require(Converted.docx(seed: "004_3591812dab85e55a"))
        let table = try #require(reading.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows[0][0].text == "项目\n编码" && table.rows[0][0].line == 35)
        #expect(table.rows[0][1].line == 37)
        // 预算规模及资金用途 spans two rows, so the second holds only the 用途 text, 6 columns wide.
        #expect(table.rows[1][0].rowSpan == 2)
        #expect(table.rows[2].count == 1 && table.rows[2][0].colSpan == 6)
    }
}
