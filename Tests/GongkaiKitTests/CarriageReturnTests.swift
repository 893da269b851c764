// Carriage returns: gongkai splits lines exactly where cmark does (`\n`, `\r\n`, a lone `\r`),
// so cmark's line numbers are gongkai's (issue 16, item 6).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct CarriageReturnTests {
    /// The bytes that crashed the reader (`printf '申报表\r\rx'`, SIGILL in FormTabbed: cmark
    /// counted a line that SourceText did not have), with and without a final line feed.
    @Test func theCrashingDocumentIsReadWithoutACrash() {
        for text in ["申报表\r\rx", "申报表\r\rx\n"] {
            let doc = DocumentReader.read(path: "Content/a.md", bytes: Array(text.utf8))
            // Not a form (no project name with an amount, no indicator header): said so, at a
            // line the document has.
            #expect(doc.projects.isEmpty)
            #expect(doc.diagnostics.map(\.code).contains("unrecognised-layout"))
            // Every diagnostic names a line the document has (three: 申报表, blank, x).
            #expect(doc.diagnostics.allSatisfy { (1...3).contains($0.location.line) })
        }
    }

    @Test func linesEndAtLineFeedsCarriageReturnsAndBoth() {
        let text = SourceText(path: "a.md", bytes: Array("a\r\r\nb\rc\nd\r\n\re".utf8))
        #expect((1...text.lineCount).map { text.line($0) } == ["a", "", "b", "c", "d", "", "e"])
        #expect(SourceText(path: "a.md", bytes: Array("x\r".utf8)).lineCount == 1)
        #expect(SourceText(path: "a.md", bytes: Array("x\r\r".utf8)).lineCount == 2)
        #expect(SourceText(path: "a.md", bytes: Array("\r\n".utf8)).lineCount == 1)
        #expect(SourceText(path: "a.md", bytes: []).lineCount == 0)
    }

    /// cmark's blocks, in documents of every line ending, start and end on lines SourceText
    /// has, and a paragraph's first line is its text.
    @Test func cmarksLineNumbersAreSourceTextLines() {
        for ending in ["\n", "\r\n", "\r", "\r\r\n", "\r\r"] {
            let markdown = ["# 标题", "", "第一段", "续行", "", "- 项目一", "- 项目二", "", "```", "代码", "```", "", "末段"].joined(separator: ending)
            let bytes = Array(markdown.utf8)
            let text = SourceText(path: "a.md", bytes: bytes)
            let blocks = CommonMark.blocks(of: bytes)
            // A doubled ending is a blank line: then 续行 is a paragraph of its own.
            let doubled = ending.count == 2 || ending == "\r\r\n"
            #expect(blocks.count == (doubled ? 7 : 6), "ending \(ending.debugDescription)")
            for block in blocks {
                #expect(block.firstLine >= 1 && block.lastLine <= text.lineCount, "ending \(ending.debugDescription): \(block)")
            }
            let paragraphs = blocks.filter { $0.kind == .paragraph }.map { text.line($0.firstLine) }
            #expect(paragraphs == (doubled ? ["第一段", "续行", "末段"] : ["第一段", "末段"]), "ending \(ending.debugDescription)")
        }
    }

    /// A real form whose lines end in lone CRs (old Mac files) or CRLF reads as the same
    /// projects, amounts, indicators and lines as with LF.
    @Test func aFormWithAnyLineEndingReadsTheSame() throws {
        for seed in [Repo.jiangyin2021a, Repo.jiangyin2022, Repo.xianDe, Repo.gaoxin] {
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: seed)))
            let plain = DocumentReader.read(path: seed, bytes: original)
            for ending in ["\r", "\r\n"] {
                let bytes = Array(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: ending).utf8)
                let doc = DocumentReader.read(path: seed, bytes: bytes)
                #expect(doc.projects.map(\.name) == plain.projects.map(\.name), "\(seed) \(ending.debugDescription)")
                #expect(doc.projects.map(\.amount) == plain.projects.map(\.amount), "\(seed) \(ending.debugDescription)")
                #expect(doc.projects.map(\.indicators.count) == plain.projects.map(\.indicators.count), "\(seed) \(ending.debugDescription)")
                #expect(doc.projects.map(\.location.line) == plain.projects.map(\.location.line), "\(seed) \(ending.debugDescription)")
                #expect(doc.diagnostics.map(\.location.line) == plain.diagnostics.map(\.location.line), "\(seed) \(ending.debugDescription)")
            }
        }
    }

    /// A form converted to CRLF twice (`\r\r\n`) is double-spaced to cmark and to gongkai
    /// alike: read without a crash, every line it names is one the document has, and the first
    /// project is where the first title was (line n is line 2n - 1).
    @Test func aDoubleConvertedFormIsReadWithCmarksLines() throws {
        var read = 0
        for seed in Repo.seeds {
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: seed)))
            let plain = DocumentReader.read(path: seed, bytes: original)
            let text = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\r\n")
            let doc = DocumentReader.read(path: seed, bytes: Array(text.utf8))
            let lines = SourceText(path: seed, bytes: Array(text.utf8)).lineCount
            #expect(doc.diagnostics.allSatisfy { (1...lines).contains($0.location.line) }, "\(seed)")
            #expect(doc.projects.allSatisfy { (1...lines).contains($0.location.line) }, "\(seed)")
            // A Word dump (one cell a line, rows between blank lines) loses its rows when every
            // line is double-spaced; the other forms keep their projects where cmark puts them.
            if let first = doc.projects.first {
                #expect(first.location.line == plain.projects.first.map { 2 * $0.location.line - 1 }, "\(seed)")
                read += 1
            }
        }
        #expect(read == 4)
    }
}
