// Patching the search index where a few projects changed gives the bytes of a clean index
// (issue 6's incremental rebuild; issues 16 and 21: never anything but a clean build's bytes).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SearchUpdateTests {
    /// Small shards and chunks, so that the seeds' 31 projects make an index of many files.
    static let options = SearchIndex.Options(shardBytes: 2048, recordBytes: 400, textBytes: 4096)

    /// The index files of `documents` (by id), and the state a build keeps of them.
    static func index(_ documents: [SearchDocument]) -> ([String: [UInt8]], SearchState) {
        let files = SearchIndex.Collected()
        let state = try! SearchIndex.write(SearchIndex.Source(count: documents.count) { range, body in
            for id in range { try body(documents[id]) }
        }, spool: NSTemporaryDirectory(), options: options) { files.add($0, $1) }
        return (Dictionary(files.sorted, uniquingKeysWith: { a, _ in a }), state)
    }

    /// Applies the update to the previous files; nil when it declined.
    static func patch(_ documents: [SearchDocument], over previous: ([String: [UInt8]], SearchState))
        -> (files: [String: [UInt8]], outcome: SearchUpdate.Outcome)?
    {
        var files: [String: [UInt8]] = [:]
        let outcome = SearchUpdate.apply(documents, document: { documents[$0] }, previous: previous.1, options: options,
                                         read: { previous.0[$0] }, keep: { paths in
                                             guard paths.allSatisfy({ previous.0[$0] != nil }) else { return false }
                                             for path in paths { files[path] = previous.0[path] }
                                             return true
                                         }, emit: { files[$0] = $1 })
        return outcome.map { (files, $0) }
    }

    /// `d` with other cells.
    static func with(_ d: SearchDocument, cells: [(SearchDocument.Field, String)]) -> SearchDocument {
        var e = SearchDocument(cells: cells)
        e.path = d.path; e.name = d.name; e.department = d.department; e.year = d.year; e.money = d.money; e.kinds = d.kinds
        return e
    }

    @Test func everyOneProjectEditGivesTheCleanIndexOrDeclines() throws {
        let documents = SearchTests.documents
        let before = Self.index(documents)
        #expect(before.1.layout.shards > 20)
        var patched = 0, declined = 0
        var generator = SeededGenerator(seed: 6)
        for id in documents.indices {
            // A value corrected, a cell taken out, a cell added, the amount changed.
            for kind in 0..<4 {
                var changed = documents
                var cells = documents[id].cellTexts
                switch kind {
                case 0: cells = cells.map { ($0.0, $0.1.replacingOccurrences(of: "%", with: "‰")) }
                case 1: cells.remove(at: Int.random(in: 1..<cells.count, using: &generator))
                case 2: cells.append((.other, "新增指标 ≥ 12.5万元 “三支一扶” Ｗｉｆｉ覆盖率>=99%"))
                default: break
                }
                changed[id] = Self.with(documents[id], cells: cells)
                if kind == 3 { changed[id].money = Money(fen: (documents[id].money?.fen ?? 0) + 100) }
                let clean = Self.index(changed)
                guard let result = Self.patch(changed, over: before) else {
                    // Only when the number of shards or of documents per chunk would change.
                    #expect(clean.1.layout != before.1.layout, "project \(id), edit \(kind)")
                    declined += 1
                    continue
                }
                patched += 1
                #expect(result.outcome.state == clean.1, "project \(id), edit \(kind)")
                let same = changed[id].hash == documents[id].hash
                #expect(result.outcome.changedDocuments == (same ? 0 : 1))
                #expect(result.files.keys.sorted() == clean.0.keys.sorted(), "project \(id), edit \(kind)")
                for (path, bytes) in clean.0 where result.files[path] != bytes {
                    Issue.record("project \(id), edit \(kind): \(path) differs from a clean index")
                }
                // A cell taken out or added moves the positions after it, so most of the project's
                // keys change; an amount changes no list: its chunks, amounts, filters, meta.json.
                #expect(result.outcome.rewrittenFiles < clean.0.count)
                if kind == 3 { #expect(result.outcome.rewrittenFiles == 7, "project \(id)") }
            }
        }
        #expect(patched > 80)
        #expect(declined + patched == documents.count * 4)
    }

    @Test func nothingChangedKeepsEveryFileAndDamageOrTooMuchDeclines() throws {
        let documents = SearchTests.documents
        let before = Self.index(documents)
        let same = try #require(Self.patch(documents, over: before))
        #expect(same.outcome.changedDocuments == 0 && same.outcome.state == before.1)
        #expect(same.files == before.0)
        // Without text (as a rebuild compares them), the documents hash as with it.
        let withoutText = SearchIndex.documents(SiteIndex(site: Seeds.site), withText: false)
        #expect(withoutText.map(\.hash) == documents.map(\.hash))
        // Another number of documents, other options: built again.
        #expect(Self.patch(Array(documents.dropLast()), over: before) == nil)
        var otherOptions = before
        otherOptions.1.options.shardBytes += 1
        #expect(Self.patch(documents, over: otherOptions) == nil)
        // A missing or damaged previous file: built again, never patched from a guess.
        var edited = documents
        edited[3] = Self.with(documents[3], cells: documents[3].cellTexts + [(.other, "新词")])
        var damaged = before
        for path in damaged.0.keys where path.hasPrefix("search/texts/") { damaged.0[path] = Array("[[".utf8) }
        #expect(Self.patch(edited, over: damaged) == nil)
        damaged = before
        damaged.0[SearchIndex.recordPath(0)] = nil
        #expect(Self.patch(documents, over: damaged) == nil)
        // More changes than the limit: built again.
        let many = documents.map { Self.with($0, cells: $0.cellTexts + [(.other, "新词")]) }
        #expect(SearchUpdate.limit(many.count) < many.count || Self.patch(many, over: before) != nil)
        // The state reads back.
        #expect(SearchState.decode(before.1.encoded()) == before.1)
        #expect(SearchState.decode(Array(before.1.encoded().dropLast())) == nil)
    }

    @Test func jsonReadsBackWhatItWrites() {
        let strings = ["", "plain", "引号\"与\\反斜杠", "tab\there\nline\r", "\u{1}\u{1F}", "𠀀 emoji 😀", "Å vs Å", "≥95%"]
        let value = JSON.object(strings.enumerated().map { ("k\($0.offset)\($0.element)", .array([.string($0.element), .int(-$0.offset), .null, .bool(true)])) })
        let parsed = JSON.parse(value.bytes())
        #expect(parsed == value)
        #expect(JSON.parse(value.bytes(pretty: true)) == value)
        // Keys that are canonically equivalent stay two keys.
        if case .object(let pairs)? = JSON.parse(Array("{\"\u{00C5}\":\"1\",\"\u{212B}\":\"2\"}".utf8)) {
            #expect(pairs.count == 2 && pairs[0].0.unicodeScalars.first != pairs[1].0.unicodeScalars.first)
        } else {
            Issue.record("not parsed")
        }
        for broken in ["", "[", "{\"a\"}", "\"\\x\"", "[1,]", "nul", "\"\u{1}\""] {
            #expect(JSON.parse(Array(broken.utf8)) == nil, "\(broken)")
        }
    }
}
