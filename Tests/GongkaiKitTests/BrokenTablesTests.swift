// Broken tables of every shape, fed to the document reader: each gives a diagnostic, none
// crashes or hangs (issue 17). Each case is timed only loosely (a hang would never end).

import Foundation
import Testing
import ZIPFoundation
@testable import GongkaiKit

@Suite struct BrokenTablesTests {
    /// Reads `bytes` as the file `name` and returns the codes of its diagnostics.
    static func codes(_ name: String, _ bytes: [UInt8]) -> [String] {
        DocumentReader.read(path: name, bytes: bytes).diagnostics.map(\.code)
    }

    static func docx(_ entries: [(String, Data)], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    @Test func anUnclosedHTMLTableIsReadToWhereItEnds() {
        let html = "<table><tr><td>项目名称</td><td>就业补助</td></tr><tr><td>年度资金总额（万元）</td><td>155.00"
        let codes = Self.codes("a.md", Array(html.utf8))
        #expect(codes.contains("html-unclosed-table"))
    }

    @Test func aRowspanOfAMillionIsClamped() {
        let html = #"<table><tr><td rowspan="1000000">项目名称</td><td>就业补助</td></tr><tr><td>155</td></tr></table>"#
        let start = ContinuousClock.now
        let codes = Self.codes("a.md", Array(html.utf8))
        #expect(codes.contains("html-span-clamped"))
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test func aPipeRowOfAHundredThousandCellsIsReadOrRefused() {
        var text = "项目名称 | 就业补助 |\n|" + String(repeating: "---|", count: 100_000) + "\n|"
        text += String(repeating: " x |", count: 100_000) + "\n"
        let start = ContinuousClock.now
        let doc = DocumentReader.read(path: "a.md", bytes: Array(text.utf8))
        #expect(!doc.diagnostics.isEmpty)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func aTruncatedWordFileIsUnreadable() throws {
        guard let root = Converted.root else { return }
        let whole = [UInt8](FileManager.default.contents(atPath: root + "/docx/seeds/000_6b0f4feae194cead.docx") ?? Data())
        #expect(whole.count > 2000)
        for cut in [whole.count / 2, whole.count - 100, 30] {
            let codes = Self.codes("a.docx", Array(whole.prefix(cut)))
            #expect(codes.count == 1 && codes[0].hasPrefix("docx-"), "cut at \(cut): \(codes)")
        }
    }

    @Test func aZipBombIsRefused() throws {
        // 80 MiB of zeros inflate from about 80 KiB: more than a .docx may take.
        let zeros = Data(count: 80 << 20)
        let bytes = try Self.docx([("word/document.xml", zeros)])
        #expect(bytes.count < 1 << 20)
        let start = ContinuousClock.now
        #expect(Self.codes("bomb.docx", bytes) == ["docx-too-large"])
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func aWordFileWithoutItsDocumentIsSaidSo() throws {
        let bytes = try Self.docx([("word/styles.xml", Data("<w:styles/>".utf8)), ("hello.txt", Data("你好".utf8))])
        #expect(Self.codes("empty.docx", bytes) == ["docx-no-document"])
    }

    @Test func aWordFileThatIsNoZipIsSaidSo() {
        #expect(Self.codes("old.docx", Array("{\\rtf1 not a zip".utf8)) == ["docx-unreadable"])
    }

    @Test func anUnterminatedGridTableIsReadAndWarned() {
        let text = "+------+------+\n| 项目名称 | 就业补助 |\n+======+======+\n| 年度资金总额（万元） | 155 |\n"
        let codes = Self.codes("a.md", Array(text.utf8))
        #expect(codes.contains("table-unterminated") || codes.contains("table-unreadable"), "\(codes)")
    }
}
