// A rebuild keeps the previous search index only when it would write the same files (issues 6,
// 16 and 21): else the index is built from scratch.

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

    /// The files an update keeps; nil when it declined.
    static func keep(_ documents: [SearchDocument], over previous: ([String: [UInt8]], SearchState)) -> [String: [UInt8]]? {
        var files: [String: [UInt8]] = [:]
        let outcome = SearchUpdate.apply(documents, previous: previous.1, options: options, keep: { paths in
            guard paths.allSatisfy({ previous.0[$0] != nil }) else { return false }
            for path in paths { files[path] = previous.0[path] }
            return true
        })
        guard let outcome else { return nil }
        #expect(outcome.changedDocuments == 0 && outcome.rewrittenFiles == 0 && outcome.state == previous.1)
        return files
    }

    @Test func nothingChangedKeepsEveryFileAndAnyChangeBuildsAgain() throws {
        let documents = SearchTests.documents
        let before = Self.index(documents)
        #expect(before.1.layout.shards > 20)
        #expect(Self.keep(documents, over: before) == before.0)
        // Without text (as a rebuild compares them), the documents hash as with it.
        let withoutText = SearchIndex.documents(SiteIndex(site: Seeds.site), withText: false)
        #expect(withoutText.map(\.hash) == documents.map(\.hash))
        // A changed cell, amount or name, another number of documents, other options: declined.
        var changed = documents
        changed[3].text.append(contentsOf: "新词".utf8)
        changed[3].cells[changed[3].cells.count - 1].end += Int32("新词".utf8.count)
        #expect(Self.keep(changed, over: before) == nil)
        changed = documents
        changed[5].money = Money(fen: 1)
        #expect(Self.keep(changed, over: before) == nil)
        changed = documents
        changed[0].name += "。"
        #expect(Self.keep(changed, over: before) == nil)
        #expect(Self.keep(Array(documents.dropLast()), over: before) == nil)
        var otherOptions = before
        otherOptions.1.options.shardBytes += 1
        #expect(Self.keep(documents, over: otherOptions) == nil)
        // A file the previous build published is gone: nothing is kept.
        var damaged = before
        damaged.0[SearchIndex.textPath(0)] = nil
        #expect(Self.keep(documents, over: damaged) == nil)
        // The state reads back.
        #expect(SearchState.decode(before.1.encoded()) == before.1)
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
