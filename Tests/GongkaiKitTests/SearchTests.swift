// The search index finds exactly the projects whose text contains the query (issue 4).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SearchTests {
    /// The seeds' index, built into the shared test site.
    static var client: SearchClient? { try? SearchClient(directory: BuiltSite.dir.path + "/Public/search") }
    static let documents = SearchIndex.documents(SiteIndex(site: Seeds.site))

    /// Brute force: the ids of documents whose folded text contains every folded term.
    static func expected(_ query: String) -> [Int] {
        let needles = SearchClient.terms(query).map { codes -> String in
            var s = ""
            for c in codes { if let u = Unicode.Scalar(c) { s.unicodeScalars.append(u) } }
            return s
        }
        return documents.indices.filter { i in
            let folded = SearchFold.foldedString(documents[i].text)
            return needles.allSatisfy { folded.utf8Contains($0) }
        }
    }

    /// Queries drawn from the seeds' own text: substrings of 1–8 characters at random places,
    /// pairs of them, and the numbers that occur.
    static func queries(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 2024)
        var out: [String] = []
        let texts = documents.map { Array($0.text.unicodeScalars) }
        while out.count < count {
            let t = texts[Int.random(in: 0..<texts.count, using: &generator)]
            guard t.count > 10 else { continue }
            func piece() -> String {
                let length = Int.random(in: 1...8, using: &generator)
                let start = Int.random(in: 0..<(t.count - length), using: &generator)
                var s = ""
                s.unicodeScalars.append(contentsOf: t[start..<start + length].filter { !$0.properties.isWhitespace })
                return s
            }
            let a = piece()
            guard !a.isEmpty else { continue }
            out.append(out.count % 4 == 3 ? a + " " + piece() : a)
        }
        return out
    }

    /// Posting lists in blocks give back every varint byte in order, across block ends and
    /// arena growth, and a copy is its own list once either is changed.
    @Test func postingListsKeepTheirBytesAcrossBlocksAndCopies() {
        var lists = PostingLists()
        var expected: [[UInt8]] = []
        let values: [UInt32] = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, 1 << 28, UInt32.max]
        for k in 0..<3000 {
            let list = lists.newList()
            #expect(list == k)
            var bytes: [UInt8] = []
            for j in 0..<(k % 40) {
                var v = values[(k + j) % values.count]
                lists.add(v, to: list)
                while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
                bytes.append(UInt8(v))
            }
            expected.append(bytes)
        }
        func bytes(_ l: PostingLists, _ k: Int) -> [UInt8] { var out: [UInt8] = []; l.forEachByte(of: k) { out.append($0) }; return out }
        for k in [0, 1, 39, 40, 1234, 2999] {
            #expect(bytes(lists, k) == expected[k])
            #expect(lists.count(of: k) == k % 40)
        }
        #expect((0..<3000).allSatisfy { bytes(lists, $0) == expected[$0] })
        var copy = lists
        copy.makeUnique()
        copy.add(5, to: 39)
        #expect(bytes(lists, 39) == expected[39])
        #expect(bytes(copy, 39) == expected[39] + [5])
    }

    @Test func theIndexReturnsExactlyTheProjectsThatContainTheQuery() throws {
        var client = try #require(Self.client)
        let queries = Self.queries(count: 400)
        var nonEmpty = 0
        for q in queries {
            let found = try client.search(q).map(\.id).sorted()
            let expected = Self.expected(q)
            #expect(found == expected, "query ‘\(q)’")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 300)
        // Queries that must miss.
        for q in ["不存在的词语组合", "zzqx", "9999999"] {
            #expect(try client.search(q).isEmpty)
        }
    }

    @Test func theIssuesQueries() throws {
        var client = try #require(Self.client)
        let sanzhi = try client.search("三支一扶")
        #expect(sanzhi.map(\.name) == ["“三支一扶”社保单位缴费部分"])
        #expect(sanzhi.first?.department == "旌德县人力资源和社会保障局" && sanzhi.first?.year == 2024)
        let xieli = try client.search("协理员")
        #expect(Set(xieli.map { "\($0.name) \($0.year)" }) == ["人社专职协理员工作经费 2021", "人社专职协理员工作经费 2022"])
        #expect(try client.search("904.35").map(\.name) == ["就业补助资金县级配套"])
        let both = try client.search("档案 满意度")
        #expect(both.count == Self.expected("档案 满意度").count && both.count >= 2)
        #expect(try client.search("档").count >= both.count)
    }

    @Test func fullWidthAndOperatorsFoldTheSameWay() throws {
        var client = try #require(Self.client)
        #expect(try client.search("９０４．３５").map(\.name) == ["就业补助资金县级配套"])
        // `>=60%` in 000, `≥60%` in 002 and 003: one query finds all of them.
        let atLeast = try client.search(">=60%").map(\.id)
        #expect(atLeast == (try client.search("≥60%").map(\.id)))
        #expect(atLeast == (try client.search("≧60%").map(\.id)))
        #expect(atLeast.count == 3)
        #expect(try client.search("ABC").map(\.id) == (try client.search("abc").map(\.id)))
    }

    @Test func foldingTableSharedWithSearchJS() {
        // The same table is checked in the browser against search.js (Tests/Browser/test_search.py).
        for (input, folded) in SearchFoldTable.cases {
            #expect(SearchFold.foldedString(input) == folded, "\(input)")
        }
        for (key, hash) in SearchFoldTable.hashes {
            let codes = key.unicodeScalars.map(\.value)
            #expect(SearchFold.hash(codes[0], codes.count > 1 ? codes[1] : nil) == hash, "\(key)")
        }
    }

    /// A project's search text: a line per field, narrative line breaks as spaces (a CR LF
    /// pair is one character and stays), an indicator's parts on one line.
    @Test func aProjectsSearchTextHasALinePerField() {
        var p = Project(layout: .c, location: SourceLocation(file: "x.md", line: 3), name: "档案数字化")
        p.otherNames = ["档案扫描"]
        p.unit = "市档案馆"
        p.code = "P-01"
        p.amount = Money(fen: 1_234_500)
        p.sections = [NarrativeSection(title: "绩效目标", text: "一\n二", line: 4, isGoal: true),
                      NarrativeSection(title: "说明", text: "三\r\n四", line: 5, isGoal: false)]
        p.indicators = [Indicator(level1: "产出指标", level2: "数量指标", name: "扫描页数",
                                  targets: [Target(halfYear: "≥5万页", value: "≥10万页", line: 6)],
                                  description: "全年", basis: nil, line: 6)]
        let d = SearchDocument(p, department: "市档案局", year: 2024, path: "/a/b.html")
        #expect(d.text == "档案数字化\n档案扫描\n市档案局\n市档案馆\n2024年\nP-01\n1.2345万元\n绩效目标：一 二\n说明：三\r\n四\n产出指标 数量指标 扫描页数 ≥5万页 ≥10万页 全年")
    }

    @Test func postingsRoundTrip() {
        for ids: [Int32] in [[], [0], [5, 6, 7, 200], Array(0..<1000).map(Int32.init), [100_000]] {
            let encoded = PostingEncoding.encode(ids, count: 200_001)
            #expect(PostingEncoding.decode(encoded) == ids)
        }
        #expect(PostingEncoding.encode(Array(0..<1000).map(Int32.init), count: 1000).hasPrefix("b"))
        #expect(PostingEncoding.encode([3, 900], count: 1000).hasPrefix("d"))
    }

    @Test func shardsAreSmallAndTheIndexIsDeterministic() throws {
        let a = SearchIndex.files(Self.documents)
        let b = SearchIndex.files(Self.documents)
        #expect(a.map(\.0) == b.map(\.0))
        #expect(zip(a, b).allSatisfy { $0.1 == $1.1 })
        #expect(a.contains { $0.0 == "search/meta.json" })
    }

    /// Each chunk lists its documents' entries in id order, as one JSON array, however the
    /// workers split the documents between them (the chunks are put together from their
    /// spool files); made from the site or from the documents, the index is the same.
    @Test func chunksListTheirDocumentsInIdOrder() throws {
        // Chunks of three documents.
        let textBytes = Self.documents.reduce(0) { $0 + $1.text.utf8.count }
        let options = SearchIndex.Options(shardBytes: 2048, chunkBytes: 3 * (textBytes / Self.documents.count + 120))
        let files = Dictionary(SearchIndex.files(Self.documents, options: options), uniquingKeysWith: { a, _ in a })
        let chunk = SearchIndex.chunkSize(textBytes: textBytes, documents: Self.documents.count, options: options)
        #expect(chunk == 3)
        let chunks = (Self.documents.count + chunk - 1) / chunk
        for c in 0..<chunks {
            let docs = Self.documents[(c * chunk)..<min(Self.documents.count, (c + 1) * chunk)]
            #expect(files[SearchIndex.chunkPath(c)] == JSON.array(docs.map(\.chunkEntry)).bytes(), "chunk \(c)")
        }
        #expect(files[SearchIndex.chunkPath(chunks)] == nil)

        let fromSite = SearchIndex.Collected()
        let index = SiteIndex(site: Seeds.site)
        try SearchIndex.write(SearchIndex.Source(index), spool: NSTemporaryDirectory(), options: options) { fromSite.add($0, $1) }
        let site = fromSite.sorted
        #expect(site.map(\.0) == files.keys.sorted { ByteKey($0) < ByteKey($1) })
        #expect(site.allSatisfy { files[$0.0] == $0.1 })
    }
}

/// Folding and hashing cases shared by the Swift and browser tests.
enum SearchFoldTable {
    static let cases: [(String, String)] = [
        ("９０４．３５", "904.35"), ("ＡＢＣ", "abc"), (">=60%", "≥60%"), ("<=4%", "≤4%"), ("≧5个", "≥5个"),
        ("≦3", "≤3"), ("＞＝90％", "≥90%"), ("三支一扶", "三支一扶"), ("（机关）", "(机关)"), ("Ａ　Ｂ", "a b"),
    ]
    static let hashes: [(String, UInt32)] = [("满", 1_687_339_436), ("满意", 4_124_237_977), ("90", 201_234_636), ("≥", 3_762_399_456)]
}
