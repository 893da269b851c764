// PDF text (pdftotext, pdftotext -layout) and mammoth's Markdown have no tables left: gongkai
// reads what it can for certain, and never a wrong amount or a label or value as a name.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct ConvertedTextTests {
    static let folders = ["mammoth-md", "pdftotext", "pdftotext-layout"]

    /// The projects each gives with their amount, as README's table says (seeds, corpus83): a
    /// change that reads fewer fails here. `pdftotext -layout` went from 19 and 6 to 28 and 52
    /// when its wrapped cells were joined into their rows (`LaidOutText`).
    static let readWithAmount: [String: (seeds: Int, corpus: Int)] = [
        "mammoth-md": (31, 62), "pdftotext": (12, 0), "pdftotext-layout": (28, 57),
    ]

    /// A project as the original gives it: its names and amount.
    struct Known {
        var names: Set<String>
        var amount: Money?
    }

    /// What one converter's documents gave: projects read, with an amount, and their indicators,
    /// beside the original's; and every wrong fact.
    struct Reading {
        var projects = 0, withAmount = 0, indicators = 0
        var expectedProjects = 0, expectedIndicators = 0
        var wrong: [String] = []
    }

    /// The projects of a document read from its original shape, by name.
    static func known(_ doc: DocumentResult) -> [Known] {
        doc.projects.map { Known(names: Set([$0.name] + $0.otherNames), amount: $0.amount) }
    }

    /// Compares a converted document's projects with the original's.
    static func compare(_ doc: DocumentResult, _ original: [Known], into r: inout Reading) {
        for p in doc.projects {
            r.projects += 1
            if p.amount != nil { r.withAmount += 1 }
            r.indicators += p.indicators.filter { $0.value != nil }.count
            let names = Set([p.name] + p.otherNames)
            guard let match = original.first(where: { !$0.names.isDisjoint(with: names) }) else {
                r.wrong.append("\(doc.path): ‘\(p.name)’ is no project of the original")
                continue
            }
            if TextRows.isLabel(p.name) || IndicatorVocabulary.isValueLike(p.name) || Money(wan: p.name) != nil {
                r.wrong.append("\(doc.path): name ‘\(p.name)’ is a label or a value")
            }
            if let amount = p.amount, amount != match.amount {
                r.wrong.append("\(doc.path): ‘\(p.name)’ \(amount.wanString), the original says \(match.amount?.wanString ?? "none")")
            }
        }
    }

    static func readSeeds(_ folder: String) -> Reading? {
        guard let root = Converted.root else { return nil }
        var r = Reading()
        for seed in Converted.seeds {
            let original = DocumentReader.read(path: "original/\(seed).md", bytes: Converted.bytes("\(root)/original/\(seed).md"))
            r.expectedProjects += original.projects.count
            r.expectedIndicators += original.projects.map { $0.indicators.count }.reduce(0, +)
            let doc = DocumentReader.read(path: "\(folder)/\(seed).md", bytes: Converted.bytes("\(root)/\(folder)/\(seed).md"))
            compare(doc, known(original), into: &r)
        }
        return r
    }

    /// The generated corpus through the converter, against its documents as `original/` gives
    /// them (whose totals ConverterTests holds against `manifest.json`).
    static func readCorpus(_ folder: String) throws -> Reading? {
        guard let root = Converted.root else { return nil }
        var r = Reading()
        for path in Converted.corpus {
            let file = "\(root)/corpus83/\(folder)/content/\(path).md"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let original = DocumentReader.read(path: "original/\(path).md", bytes: Converted.bytes("\(root)/corpus83/original/content/\(path).md"))
            r.expectedProjects += original.projects.count
            r.expectedIndicators += original.projects.map { $0.indicators.count }.reduce(0, +)
            compare(DocumentReader.read(path: "\(folder)/\(path).md", bytes: Converted.bytes(file)), known(original), into: &r)
        }
        return r
    }

    @Test(arguments: folders)
    func theSeedsGiveNoWrongAmountAndNoWrongName(folder: String) throws {
        guard let r = Self.readSeeds(folder) else { return }
        #expect(r.wrong == [], "\(folder)")
        // Something is read for certain from each.
        #expect(r.withAmount > 0, "\(folder)")
        #expect(r.withAmount >= Self.readWithAmount[folder]?.seeds ?? 0, "\(folder)")
    }

    /// Every indicator read from `pdftotext -layout` is one of the original's, with the same
    /// values: a row whose cells wrap is left out and said (`laid-out-rows-unread`), never read
    /// with a cut name or another row's value. (Before, 250 indicators were read from the seeds,
    /// 21 of them right.) And at least as many as README says are read.
    @Test func laidOutIndicatorsAreTheOriginals() throws {
        guard let root = Converted.root else { return }
        func key(_ i: Indicator) -> String { i.name + " = " + i.targets.map { "\($0.halfYear ?? "-")/\($0.value ?? "-")" }.joined(separator: "; ") }
        var read = 0
        var wrong: [String] = []
        let documents = Converted.seeds.map { ("\(root)/original/\($0).md", "\(root)/pdftotext-layout/\($0).md") }
            + Converted.corpus.map { ("\(root)/corpus83/original/content/\($0).md", "\(root)/corpus83/pdftotext-layout/content/\($0).md") }
        for (originalPath, laidOutPath) in documents where FileManager.default.fileExists(atPath: laidOutPath) {
            let original = DocumentReader.read(path: originalPath, bytes: Converted.bytes(originalPath))
            let known = Set(original.projects.flatMap { $0.indicators.map(key) })
            let doc = DocumentReader.read(path: laidOutPath, bytes: Converted.bytes(laidOutPath))
            for i in doc.projects.flatMap(\.indicators) {
                read += 1
                if !known.contains(key(i)) { wrong.append("\(laidOutPath):\(i.line): \(key(i))") }
            }
        }
        #expect(wrong == [])
        #expect(read >= 127 + 609)
    }

    /// mammoth's Markdown keeps no table, only a paragraph a cell: a row's cells are told by the
    /// indicator header's columns and by what they say. Its indicators against the original's (by
    /// name and every value): the wrong ones are the few a cell-a-paragraph text cannot tell
    /// apart (a row of values only, after a name whose values are words; a value that ran into
    /// the next title). Before rows were set under their columns, 12 of the seeds' 440 and 40 of
    /// the corpus's 1382 were wrong.
    @Test func mammothIndicatorsAreTheOriginalsSaveAFew() throws {
        guard let root = Converted.root else { return }
        func key(_ i: Indicator) -> String {
            i.level1 + "/" + i.level2 + "/" + i.name + " = " + i.targets.map { "\($0.halfYear ?? "-")/\($0.value ?? "-")" }.joined(separator: "; ")
        }
        var read = (seeds: 0, corpus: 0)
        var wrong = (seeds: [String](), corpus: [String]())
        let documents = Converted.seeds.map { ("\(root)/original/\($0).md", "\(root)/mammoth-md/\($0).md", true) }
            + Converted.corpus.map { ("\(root)/corpus83/original/content/\($0).md", "\(root)/corpus83/mammoth-md/content/\($0).md", false) }
        for (originalPath, streamPath, isSeed) in documents where FileManager.default.fileExists(atPath: streamPath) {
            let original = DocumentReader.read(path: originalPath, bytes: Converted.bytes(originalPath))
            let known = Set(original.projects.flatMap { $0.indicators.map(key) })
            let doc = DocumentReader.read(path: streamPath, bytes: Converted.bytes(streamPath))
            for i in doc.projects.flatMap(\.indicators) {
                if isSeed { read.seeds += 1 } else { read.corpus += 1 }
                if !known.contains(key(i)) {
                    if isSeed { wrong.seeds.append("\(streamPath):\(i.line): \(key(i))") } else { wrong.corpus.append("\(streamPath):\(i.line): \(key(i))") }
                }
            }
        }
        print("mammoth-md: seeds \(read.seeds - wrong.seeds.count) of \(read.seeds) right, corpus \(read.corpus - wrong.corpus.count) of \(read.corpus)")
        // What is left: 城镇新增就业人数's second row of values only, read as its description (the
        // values are words ending in 指标, so a 二级 name is as likely); and 居保参保对象的满意度,
        // whose original row is itself broken (docx2txt reads it as mammoth does).
        #expect(wrong.seeds.count <= 2, "\(wrong.seeds)")
        #expect(wrong.corpus.count <= 13, "\(wrong.corpus.prefix(20))")
        #expect(read.seeds >= 443 && read.corpus >= 1383)
    }

    /// Plain `pdftotext` takes a table's columns apart: its indicators are left out, each
    /// project's said (`pdf-text-indicators-unread`), where 81 were read from the seeds and 72 of
    /// them had a name or value out of place. Its projects' names and amounts are still read.
    @Test func plainPDFTextGivesNoIndicatorAndSaysSo() throws {
        guard let root = Converted.root else { return }
        for seed in Converted.seeds {
            let path = "\(root)/pdftotext/\(seed).md"
            let doc = DocumentReader.read(path: path, bytes: Converted.bytes(path))
            #expect(doc.projects.allSatisfy { $0.indicators.isEmpty }, "\(seed)")
            if seed.hasPrefix("003") {
                #expect(doc.diagnostics.contains { $0.code == "pdf-text-indicators-unread" })
            }
        }
        let layout = "\(root)/pdftotext-layout/\(Converted.seeds[2]).md"
        #expect(!DocumentReader.read(path: layout, bytes: Converted.bytes(layout)).diagnostics.contains { $0.code == "pdf-text-indicators-unread" })
    }

    @Test(arguments: folders)
    func theCorpusGivesNoWrongAmountAndNoWrongName(folder: String) throws {
        guard let r = try Self.readCorpus(folder) else { return }
        #expect(r.wrong == [], "\(folder)")
        // Whatever is not read is said: a document gives projects or an error.
        #expect(r.projects <= r.expectedProjects, "\(folder)")
        #expect(r.withAmount >= Self.readWithAmount[folder]?.corpus ?? 0, "\(folder)")
    }
}
