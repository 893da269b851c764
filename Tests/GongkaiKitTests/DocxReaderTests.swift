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

// MARK: - Word files made here: every feature, and every way a file can be broken

import ZIPFoundation

/// Writes zip files byte by byte, so that tests can make them broken in exact ways.
struct ZipBuilder {
    struct Entry {
        var name: String
        var payload: [UInt8]
        var method: UInt16
        var crc: UInt32
        var size: Int
    }

    var entries: [Entry] = []

    static func crc(_ bytes: [UInt8]) -> UInt32 { Data(bytes).crc32(checksum: 0) }

    mutating func store(_ name: String, _ bytes: [UInt8], crc: UInt32? = nil) {
        entries.append(Entry(name: name, payload: bytes, method: 0, crc: crc ?? Self.crc(bytes), size: bytes.count))
    }

    mutating func store(_ name: String, _ text: String) { store(name, Array(text.utf8)) }

    /// `count` zero bytes, deflated; `declared` is the size the directory claims.
    mutating func deflateZeros(_ name: String, count: Int, declared: Int) throws {
        var payload: [UInt8] = []
        var given = 0
        let crc = try Data.compress(size: Int64(count), bufferSize: 1 << 16, provider: { _, size in
            let piece = min(size, count - given)
            given += piece
            return Data(count: piece)
        }, consumer: { payload.append(contentsOf: $0) })
        entries.append(Entry(name: name, payload: payload, method: 8, crc: crc, size: declared))
    }

    /// Raw deflate bytes under a name, with the size and CRC given.
    mutating func raw(_ name: String, _ payload: [UInt8], declared: Int) {
        entries.append(Entry(name: name, payload: payload, method: 8, crc: 0, size: declared))
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { u16(Int(v & 0xFFFF), &into); u16(Int(v >> 16), &into) }
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(Int(entry.method), &out); u16(0, &out); u16(0, &out)
            u32(entry.crc, &out); u32(UInt32(entry.payload.count), &out); u32(UInt32(entry.size), &out)
            u16(name.count, &out); u16(0, &out); out += name; out += entry.payload
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory)
            u16(Int(entry.method), &directory); u16(0, &directory); u16(0, &directory); u32(entry.crc, &directory)
            u32(UInt32(entry.payload.count), &directory); u32(UInt32(entry.size), &directory)
            u16(name.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u32(0, &directory); u32(UInt32(offset), &directory); directory += name
        }
        let start = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(min(entries.count, 0xFFFF), &out); u16(min(entries.count, 0xFFFF), &out)
        u32(UInt32(directory.count), &out); u32(UInt32(start), &out); u16(0, &out)
        return out
    }
}

/// A document.xml with `body` inside `<w:body>`.
func wordXML(_ body: String, namespace: String = "http://schemas.openxmlformats.org/wordprocessingml/2006/main") -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="\(namespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>\(body)</w:body></w:document>
    """
}

func docx(_ body: String, extra: (inout ZipBuilder) -> Void = { _ in }) -> [UInt8] {
    var zip = ZipBuilder()
    zip.store("word/document.xml", wordXML(body))
    extra(&zip)
    return zip.bytes
}

func failure(_ bytes: [UInt8]) -> MarkupProblem? {
    if case .failure(let problem) = DocxReader.blocks(of: bytes) { return problem }
    return nil
}

func success(_ bytes: [UInt8]) -> MarkupReading? {
    if case .success(let reading) = DocxReader.blocks(of: bytes) { return reading }
    return nil
}

@Suite struct DocxReaderTests {
    func p(_ text: String, _ properties: String = "") -> String {
        "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    func tc(_ text: String, _ properties: String = "") -> String {
        "<w:tc>\(properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>")\(p(text))</w:tc>"
    }

    @Test func runsAsWordShowsThem() throws {
        let body = """
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>\
        <w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:t>丁</w:t></w:r>\
        <w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t><w:sym w:font="Wingdings 2" w:char="F052"/></w:r>\
        <w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:ins><w:r><w:t>增</w:t></w:r></w:ins>\
        <w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <m:oMath><m:r><m:t>≤60</m:t></m:r></m:oMath>\
        <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>\(p("框内"))</w:txbxContent></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent>\(p("框内"))</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>\
        <w:p/>\(p("后"))
        """
        let reading = try #require(success(docx(body)))
        #expect(reading.blocks == [
            .text(SourceLine(text: "甲\t乙\n丙-丁≥95%☑增1≤60", line: 1)),
            .text(SourceLine(text: "框内", line: 2)),
            .blank(line: 4),
            .text(SourceLine(text: "后", line: 5)),
        ])
        #expect(reading.problems.isEmpty)
    }

    /// Merges: gridSpan widens a cell, vMerge restart/continue make a row span on the first cell
    /// and leave the covered ones out, gridBefore is an empty cell, hMerge joins cells; a table
    /// in a cell comes after the table holding it.
    @Test func tablesWithMerges() throws {
        let body = """
        \(p("表前"))<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr>\(tc("一级", "<w:vMerge w:val=\"restart\"/>"))\(tc("跨两列", "<w:gridSpan w:val=\"2\"/>"))</w:tr>\
        <w:tr>\(tc("", "<w:vMerge/>"))\(tc("甲"))<w:tc>\(p("乙"))<w:tbl><w:tr>\(tc("内"))</w:tr></w:tbl>\(p("乙续"))</w:tc></w:tr>\
        <w:tr>\(tc("", "<w:vMerge/>"))\(tc("h1", "<w:hMerge w:val=\"restart\"/>"))\(tc("", "<w:hMerge/>"))</w:tr>\
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>\(tc("丙"))\(tc("丁"))</w:tr>\
        </w:tbl><w:p/>
        """
        let reading = try #require(success(docx(body)))
        guard reading.blocks.count == 4, case .table(let table) = reading.blocks[1], case .table(let inner) = reading.blocks[2] else {
            Issue.record("\(reading.blocks)"); return
        }
        #expect(table.shape == .docx && table.firstLine == 2 && table.lastLine == 13)
        #expect(table.rows.map { $0.map(\.text) } == [["一级", "跨两列"], ["甲", "乙\n乙续"], ["h1"], ["", "丙", "丁"]])
        #expect(table.rows[0].map(\.rowSpan) == [3, 1] && table.rows[0].map(\.colSpan) == [1, 2])
        #expect(table.rows[2][0].colSpan == 2)
        #expect(table.rows[1].map(\.line) == [5, 6] && table.rows[3].map(\.line) == [12, 12, 13])
        #expect(table.rowLines == [2, 5, 10, 12])
        #expect(inner.rows.map { $0.map(\.text) } == [["内"]] && inner.rows[0][0].line == 7)
        #expect(reading.blocks[3] == .blank(line: 14))
    }

    @Test func textInAMergedAwayCellIsKeptAndSaid() throws {
        let body = "<w:tbl><w:tr>\(tc("上", "<w:vMerge w:val=\"restart\"/>"))</w:tr><w:tr>\(tc("藏", "<w:vMerge/>"))</w:tr></w:tbl>"
        let reading = try #require(success(docx(body)))
        guard case .table(let table) = reading.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows.map { $0.map(\.text) } == [["上\n藏"], []])
        #expect(reading.problems.map(\.code) == ["docx-merged-cell-text"])
        #expect(reading.problems.first?.line == 2)
    }

    @Test func hugeGridSpanIsClamped() throws {
        let reading = try #require(success(docx("<w:tbl><w:tr>\(tc("宽", "<w:gridSpan w:val=\"99999999\"/>"))</w:tr></w:tbl>")))
        guard case .table(let table) = reading.blocks.first else { Issue.record("no table"); return }
        #expect(table.rows[0][0].colSpan == 1000)
        #expect(reading.problems.map(\.code) == ["docx-span-clamped"])
    }

    /// Headings from styles (by name, by outline level, through basedOn), list numbers from
    /// numbering.xml, and parts found through the relationships, not their usual names.
    @Test func stylesNumberingAndRelationships() throws {
        var zip = ZipBuilder()
        zip.store("_rels/.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/>\
            </Relationships>
            """)
        zip.store("word/_rels/main.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="s.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/n.xml"/>\
            </Relationships>
            """)
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        zip.store("word/s.xml", """
            <w:styles \(w)><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>\
            <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="我的标题"/><w:basedOn w:val="o"/></w:style>\
            <w:style w:type="paragraph" w:styleId="o"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="L"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>
            """)
        zip.store("word/n.xml", """
            <w:numbering \(w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>\
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>\
            <w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num></w:numbering>
            """)
        let numbered = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr>"
        zip.store("word/main.xml", wordXML(p("一", "<w:pStyle w:val=\"1\"/>") + p("三级", "<w:pStyle w:val=\"a5\"/>")
            + p("甲", numbered) + p("子", "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"5\"/></w:numPr>") + p("乙", numbered)
            + p("丙", "<w:pStyle w:val=\"L\"/>") + p("十", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"6\"/></w:numPr>")
            + p("二级", "<w:outlineLvl w:val=\"1\"/>") + p("普通", "<w:pStyle w:val=\"Heading1\"/>")))
        let reading = try #require(success(zip.bytes))
        let styles = reading.blocks.compactMap { if case .text(let line) = $0 { line.style } else { nil } }
        #expect(styles == [.heading(level: 1), .heading(level: 3), .orderedItem(number: 3), .bulletItem,
                           .orderedItem(number: 4), .orderedItem(number: 5), .orderedItem(number: 10),
                           .heading(level: 2), .paragraph])
    }

    @Test func strictNamespaceAndUTF16() throws {
        var zip = ZipBuilder()
        zip.store("word/document.xml", wordXML(p("严格"), namespace: "http://purl.oclc.org/ooxml/wordprocessingml/main"))
        #expect(success(zip.bytes)?.blocks == [.text(SourceLine(text: "严格", line: 1))])
        var utf16 = ZipBuilder()
        let xml = wordXML(p("十六")).replacingOccurrences(of: "UTF-8", with: "UTF-16")
        utf16.store("word/document.xml", [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(success(utf16.bytes)?.blocks == [.text(SourceLine(text: "十六", line: 1))])
    }

    // MARK: - Broken and hostile files

    @Test func notAWordFile() {
        #expect(failure(Array("hello, world".utf8))?.code == "docx-unreadable")
        #expect(failure(Array("hello, world".utf8))?.message.en.contains("soffice --headless --convert-to docx") == true)
        let doc = failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600))
        #expect(doc?.code == "docx-unreadable")
        #expect(doc?.message.zh.hasPrefix("这是旧版 Word 文件（.doc）或加密的 .docx") == true)
        #expect(failure([])?.code == "docx-unreadable")
    }

    @Test(.enabled(if: Converted.root != nil)) func truncatedFile() throws {
        let whole = Converted.bytes(try #require(Converted.root) + "/docx/seeds/000_6b0f4feae194cead.docx")
        for cut in [whole.count / 2, whole.count - 10, 30] {
            let problem = failure(Array(whole.prefix(cut)))
            #expect(problem?.code == "docx-unreadable")
            #expect(problem?.message.en == "cannot read the .docx: the file is damaged or incomplete (no end of central directory (the file is cut off))")
        }
    }

    @Test func noDocumentInside() {
        var zip = ZipBuilder()
        zip.store("hello.txt", "hi")
        #expect(failure(zip.bytes)?.code == "docx-no-document")
        #expect(failure(ZipBuilder().bytes)?.code == "docx-no-document")
    }

    /// A zip bomb is stopped by the size it declares (before inflating), or, if it lies, at
    /// the size it declared; either way fast.
    @Test func zipBombs() throws {
        let clock = ContinuousClock()
        // Honest: it says 100 MiB, and is refused before a byte is inflated (what it holds
        // does not matter). Lying: it says 1 MiB and holds 16.
        var honest = ZipBuilder()
        try honest.deflateZeros("word/document.xml", count: 1 << 20, declared: 100 << 20)
        var lying = ZipBuilder()
        try lying.deflateZeros("word/document.xml", count: 16 << 20, declared: 1 << 20)
        var (a, b): (MarkupProblem?, MarkupProblem?) = (nil, nil)
        let elapsed = clock.measure {
            a = failure(honest.bytes)
            b = failure(lying.bytes)
        }
        #expect(a?.code == "docx-too-large")
        #expect(a?.message.en == "word/document.xml inflates to 100 MiB, over the limit of 64 MiB (a zip bomb?); not read")
        #expect(b?.code == "docx-unreadable")
        #expect(b?.message.en.contains("more bytes than the directory says (1048576)") == true)
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func tooManyEntries() {
        var zip = ZipBuilder()
        zip.store("word/document.xml", wordXML(p("x")))
        for k in 0..<DocxReader.maximumEntries { zip.store("f\(k)", []) }
        let problem = failure(zip.bytes)
        #expect(problem?.code == "docx-too-large")
        #expect(problem?.message.en == "the zip has 10001 entries, over the limit of 10000; not read")
    }

    /// A deflate stream that does not end where its entry does: ZIPFoundation's own extraction
    /// loops for ever on this (a stored block announcing 65,535 bytes, then the end of the
    /// file); here it is a damaged file, at once.
    @Test func deflateStreamThatDoesNotEnd() {
        var zip = ZipBuilder()
        zip.raw("word/document.xml", [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<w:document/>".utf8), declared: 10 << 20)
        let problem = failure(zip.bytes)
        #expect(problem?.code == "docx-unreadable")
        #expect(problem?.message.en.contains("the compressed data does not end") == true)
    }

    @Test func checksumMismatch() {
        var zip = ZipBuilder()
        zip.store("word/document.xml", Array(wordXML(p("x")).utf8), crc: 12345)
        #expect(failure(zip.bytes)?.message.en.contains("CRC mismatch") == true)
    }

    @Test func billionLaughsIsRefused() {
        let xml = """
        <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">\
        <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">\
        <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>\
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>
        """
        var zip = ZipBuilder()
        zip.store("word/document.xml", xml)
        #expect(failure(zip.bytes)?.code == "docx-xml-dtd")
        #expect(failure(zip.bytes)?.message.en == "word/document.xml has a DOCTYPE, which Word never writes; not read, so that no entity is expanded")
    }

    @Test func malformedXML() {
        var zip = ZipBuilder()
        zip.store("word/document.xml", wordXML("<w:p><w:r><w:t>&undefined;</w:t></w:r></w:p>"))
        let problem = failure(zip.bytes)
        #expect(problem?.code == "docx-bad-xml")
        #expect(problem?.message.en.hasPrefix("word/document.xml is not well-formed XML (XML line 2: Entity 'undefined' not defined") == true)
        var cut = ZipBuilder()
        cut.store("word/document.xml", String(wordXML(p("x")).dropLast(20)))
        #expect(failure(cut.bytes)?.code == "docx-bad-xml")
    }

    @Test func deepNesting() {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 150) + p("深") + String(repeating: "</w:sdtContent></w:sdt>", count: 150)
        let problem = failure(docx(deep))
        #expect(problem?.code == "docx-too-deep")
        let fine = String(repeating: "<w:sdt><w:sdtContent>", count: 20) + p("浅") + String(repeating: "</w:sdtContent></w:sdt>", count: 20)
        #expect(success(docx(fine))?.blocks == [.text(SourceLine(text: "浅", line: 1))])
    }

    @Test func notUTF8() {
        var zip = ZipBuilder()
        zip.store("word/document.xml", Array(wordXML("<w:p><w:r><w:t>X</w:t></w:r></w:p>").utf8).map { $0 == 0x58 ? 0xFF : $0 })
        #expect(failure(zip.bytes)?.code == "docx-not-utf8")
        var gbk = ZipBuilder()
        gbk.store("word/document.xml", wordXML(p("x")).replacingOccurrences(of: "UTF-8", with: "GBK"))
        #expect(failure(gbk.bytes)?.code == "docx-not-utf8")
        #expect(failure(gbk.bytes)?.message.en.contains("declared as GBK") == true)
    }

    @Test func unreadableStylesAreAWarning() throws {
        let bytes = docx(p("正文", "<w:pStyle w:val=\"Heading2\"/>")) { $0.store("word/styles.xml", "<w:styles") }
        let reading = try #require(success(bytes))
        #expect(reading.problems.map(\.code) == ["docx-styles-unreadable"])
        // Without styles, the usual style ids still say which paragraphs are headings.
        #expect(reading.blocks == [.text(SourceLine(text: "正文", line: 1, style: .heading(level: 2)))])
    }
}
