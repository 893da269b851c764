// Patching the search index where a few projects changed gives the bytes of a clean index
// (issue 6's incremental rebuild).

import Testing
@testable import GongkaiKit

@Suite struct SearchUpdateTests {
    /// Small shards and chunks, so that the seeds' 31 projects make an index of many files.
    static let options = SearchIndex.Options(shardBytes: 2048, chunkBytes: 4096)

    /// The index files of `documents`, and the state a build keeps of them.
    static func index(_ documents: [SearchDocument]) -> ([String: [UInt8]], SearchState) {
        let files = SearchIndex.Collected()
        let state = try! SearchIndex.write(documents, options: options) { files.add($0, $1) }
        return (Dictionary(files.sorted, uniquingKeysWith: { a, _ in a }), state)
    }

    /// Applies the update to the previous files; nil when it declined.
    static func patch(_ documents: [SearchDocument], over previous: ([String: [UInt8]], SearchState))
        -> (files: [String: [UInt8]], outcome: SearchUpdate.Outcome)?
    {
        var files: [String: [UInt8]] = [:]
        let outcome = SearchUpdate.apply(documents, text: { documents[$0].text }, previous: previous.1, options: options,
                                         read: { previous.0[$0] }, keep: { path in
                                             guard let bytes = previous.0[path] else { return false }
                                             files[path] = bytes
                                             return true
                                         }, emit: { files[$0] = $1 })
        return outcome.map { (files, $0) }
    }

    @Test func everyOneProjectEditGivesTheCleanIndexOrDeclines() throws {
        let documents = SearchTests.documents
        let before = Self.index(documents)
        #expect(before.1.shardCount > 20)
        var patched = 0, declined = 0
        var generator = SeededGenerator(seed: 6)
        for id in documents.indices {
            // Three kinds of edit: a value corrected, a phrase taken out, a new phrase put in.
            for kind in 0..<3 {
                var changed = documents
                var text = changed[id].text
                switch kind {
                case 0: text = text.replacingAll("%", with: "‰")
                case 1:
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    let drop = Int.random(in: 1..<max(2, lines.count), using: &generator)
                    text = lines.enumerated().filter { $0.offset != drop }.map { String($0.element) }.joined(separator: "\n")
                default: text += "\n新增指标 ≥ 12.5万元 “三支一扶” Ｗｉｆｉ覆盖率>=99%"
                }
                changed[id].text = text
                let clean = Self.index(changed)
                guard let result = Self.patch(changed, over: before) else {
                    // Only when the shard count or chunk size would change.
                    #expect(clean.1.shardCount != before.1.shardCount || clean.1.chunk != before.1.chunk, "project \(id), edit \(kind)")
                    declined += 1
                    continue
                }
                patched += 1
                #expect(result.outcome.state == clean.1, "project \(id), edit \(kind)")
                #expect(result.outcome.changedDocuments == (text == documents[id].text ? 0 : 1))
                #expect(result.files.keys.sorted() == clean.0.keys.sorted(), "project \(id), edit \(kind)")
                for (path, bytes) in clean.0 where result.files[path] != bytes {
                    Issue.record("project \(id), edit \(kind): \(path) differs from a clean index")
                }
                #expect(result.outcome.rewrittenFiles < clean.0.count)
            }
        }
        #expect(patched > 60)
        #expect(declined + patched == documents.count * 3)
    }

    @Test func nothingChangedKeepsEveryFileAndTooManyChangesDecline() throws {
        let documents = SearchTests.documents
        let before = Self.index(documents)
        let same = try #require(Self.patch(documents, over: before))
        #expect(same.outcome.changedDocuments == 0)
        #expect(same.files == before.0)
        // Another number of documents: the ids move, so the index is built again.
        #expect(Self.patch(Array(documents.dropLast()), over: before) == nil)
        // A missing or damaged previous file: built again, never patched from a guess.
        var edited = documents
        edited[3].text += "\n新词"
        var damaged = before
        for path in damaged.0.keys where path.hasPrefix("search/docs/") { damaged.0[path] = Array("[[".utf8) }
        #expect(Self.patch(edited, over: damaged) == nil)
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
