// The search index finds exactly the projects whose cells contain the query, ranks them, and
// is the same files however it is built (issues 4 and 21).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SearchTests {
    /// The seeds' index, built into the shared test site.
    static var client: SearchClient? { try? SearchClient(directory: BuiltSite.dir.path + "/Public/search") }
    /// The seeds' documents by id.
    static let documents = SearchIndex.documents(SiteIndex(site: Seeds.site))
    /// Each document's cells, normalised, with their fields.
    static let cells: [[(SearchDocument.Field, [UInt32])]] = documents.map { d in
        d.cellTexts.map { ($0.0, SearchFold.normalized($0.1)) }.filter { !$0.1.isEmpty }
    }

    /// Brute force: for every document that has every term in one of its cells, the best field
    /// of each term.
    static func expected(_ query: String) -> [Int: [UInt8]] {
        let terms = SearchFold.terms(query)
        var out: [Int: [UInt8]] = [:]
        guard !terms.isEmpty else { return out }
        for (id, cells) in cells.enumerated() {
            var best: [UInt8] = []
            for term in terms {
                let fields = cells.filter { contains($0.1, term) }.map(\.0.rawValue)
                guard let f = fields.min() else { break }
                best.append(f)
            }
            if best.count == terms.count { out[id] = best }
        }
        return out
    }

    static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { i in haystack[i..<i + needle.count].elementsEqual(needle) }
    }

    /// Queries drawn from the seeds' cells: pieces of 1–12 characters at random places, pairs
    /// of them, and a piece with a character changed (which usually occurs nowhere).
    static func queries(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 2024)
        var out: [String] = []
        let texts = cells.flatMap { $0.map(\.1) }.filter { $0.count >= 2 }
        func string(_ codes: some Sequence<UInt32>) -> String {
            var s = ""
            for c in codes { if let u = Unicode.Scalar(c) { s.unicodeScalars.append(u) } }
            return s
        }
        func piece() -> [UInt32] {
            let t = texts[Int.random(in: 0..<texts.count, using: &generator)]
            let length = Int.random(in: 1...min(12, t.count), using: &generator)
            let start = Int.random(in: 0...(t.count - length), using: &generator)
            return Array(t[start..<start + length])
        }
        while out.count < count {
            var a = piece()
            switch out.count % 5 {
            case 3: out.append(string(a) + " " + string(piece()))
            case 4 where a.count >= 4:
                a[a.count / 2] = a[a.count / 2 - 1]
                out.append(string(a))
            default: out.append(string(a))
            }
        }
        return out
    }

    @Test func theIndexFindsExactlyTheProjectsWhoseCellsContainTheQueryAndWhere() throws {
        var client = try #require(Self.client)
        var nonEmpty = 0, longer = 0
        for q in Self.queries(count: 600) {
            let found = try client.search(q)
            let expected = Self.expected(q)
            #expect(Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.fields) }) == expected, "query ‘\(q)’")
            if !expected.isEmpty { nonEmpty += 1 }
            if SearchFold.terms(q).contains(where: { $0.count > 3 }) && !expected.isEmpty { longer += 1 }
        }
        #expect(nonEmpty > 400)
        #expect(longer > 100)
        for q in ["不存在的词语组合", "zzqx", "9999999", "补助资金到位"] {
            #expect(try client.search(q).isEmpty, "\(q)")
            #expect(Self.expected(q).isEmpty, "\(q)")
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
        // The money lines, the spending plan and the department as the form writes it are found.
        #expect(try !client.search("上年结转").isEmpty)
        #expect(try !client.search("财政拨款").isEmpty)
        let written = try client.search("江阴市人社局")
        #expect(!written.isEmpty && written.allSatisfy { $0.department == "江阴市人力资源和社会保障局" && $0.fields == [1] })
    }

    /// Whitespace inside a cell does not break a match, and a query's own spaces split it into
    /// terms that must each occur.
    @Test func whitespaceInACellIsNotPartOfIt() throws {
        var p = Project(layout: .c, location: SourceLocation(file: "x.md", line: 3), name: "档案 数字化")
        p.indicators = [Indicator(level1: "满意度指标", level2: "服务对象满意度", name: "服务对象 满意度",
                                  targets: [Target(halfYear: nil, value: "≥ 90%", line: 6)], description: nil, basis: nil, line: 6)]
        let d = SearchDocument(p, department: "市档案局", year: 2024, path: "/a/b.html")
        let files = Dictionary(SearchIndex.files([d]), uniquingKeysWith: { a, _ in a })
        let dir = TemporaryDirectory()
        for (path, bytes) in files { dir.write(path, bytes: bytes) }
        var client = try SearchClient(directory: dir.path + "/search")
        #expect(try client.search("档案数字化").map(\.fields) == [[0]])
        #expect(try client.search("服务对象满意度").map(\.fields) == [[1]])
        #expect(try client.search("≥90%").map(\.fields) == [[3]])
        #expect(try client.search("档案 90").map(\.fields) == [[0, 3]])
        #expect(try client.search("案数 象满").count == 1)
        #expect(try client.search("数字化档案").isEmpty)
    }

    /// Name matches first, then department and indicator names, then narrative, then the rest;
    /// among equals the larger amount first.
    @Test func resultsAreRankedByWhereTheyMatchThenByAmount() throws {
        var client = try #require(Self.client)
        for q in ["就业", "档案", "资金", "满意度", "补贴 资金", "社会保障"] {
            let found = try client.search(q)
            #expect(found.count > 3, "\(q)")
            let lengths = SearchFold.terms(q).map(\.count)
            let keys = found.map { r in (0..<3).map { f in zip(r.fields, lengths).reduce(0) { $0 + ($1.0 <= f ? $1.1 : 0) } } }
            for i in 1..<found.count {
                let (a, b) = (keys[i - 1], keys[i])
                #expect(a == b ? found[i - 1].id < found[i].id : a.lexicographicallyPrecedes(b, by: >), "\(q) at \(i)")
            }
        }
        let jiuye = try client.search("就业")
        let names = jiuye.prefix { $0.name.contains("就业") }
        #expect(names.count == jiuye.filter { $0.name.contains("就业") }.count && names.count >= 2)
        // Ids follow the amounts: in id order, amounts never grow.
        let amounts = Self.documents.map(\.money)
        #expect(zip(amounts, amounts.dropFirst()).allSatisfy { a, b in b == nil || (a != nil && a! >= b!) })
        // Sorting by amount and by year.
        let byAmount = try client.search("资金", order: .amount)
        #expect(byAmount.map(\.id) == byAmount.map(\.id).sorted())
        let byYear = try client.search("资金", order: .year)
        #expect(byYear.map(\.year) == byYear.map(\.year).sorted(by: >))
        #expect(Set(byYear.map(\.id)) == Set(byAmount.map(\.id)))
    }

    @Test func longQueriesAreCut() throws {
        var client = try #require(Self.client)
        let long = String(repeating: "就业补助资金", count: 84)
        _ = try client.search(long)
        #expect(client.capped)
        #expect(client.terms(long).terms.map(\.count) == [SearchIndex.maxQuery])
        let many = (1...12).map { "词\($0)" }.joined(separator: " ")
        #expect(client.terms(many).terms.count == SearchIndex.maxTerms && client.terms(many).capped)
        _ = try client.search("就业")
        #expect(!client.capped)
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
        for (input, normalized) in SearchFoldTable.normalized {
            #expect(SearchFold.normalized(input) == normalized.unicodeScalars.map(\.value), "\(input)")
        }
        for (key, hash) in SearchFoldTable.hashes {
            #expect(SearchFold.hash(key.unicodeScalars.map(\.value)) == hash, "\(key)")
        }
    }

    @Test func aPackedKeyHashesAsItsCodePoints() {
        // The builder shards packed keys by `KeyTable.hash`, the client by `SearchFold.hash`.
        for (text, hash) in SearchFoldTable.hashes {
            let c = text.unicodeScalars.map(\.value)
            let key = c.count == 1 ? KeyTable.key(c[0]) : c.count == 2 ? KeyTable.key(c[0], c[1]) : KeyTable.key(c[0], c[1], c[2])
            #expect(KeyTable.hash(key) == hash, "\(text)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let c = (0..<3).map { _ in UInt32.random(in: 1...0x10_FFFF, using: &generator) }
            for key in [KeyTable.key(c[0]), KeyTable.key(c[0], c[1]), KeyTable.key(c[0], c[1], c[2])] {
                #expect(KeyTable.hash(key) == SearchFold.hash(KeyTable.codes(key)), "\(c)")
            }
        }
    }

    /// A value cell as the page shows it: its term beside a 中期 one, what its own columns gave
    /// when it has no value.
    @Test func termsAndUnfilledValuesAreCellsAsShown() {
        var p = Project(layout: .a, location: SourceLocation(file: "d/y.md", line: 3), name: "道路养护")
        p.amount = Money(fen: 100)
        p.indicators = [Indicator(level1: "产出指标", level2: "数量指标", name: "养护里程",
                                  targets: [Target(halfYear: nil, value: "≥57个", line: 6, term: "中期"),
                                            Target(halfYear: nil, value: ">=20个", line: 6)],
                                  description: nil, basis: nil, line: 6),
                        Indicator(level1: "产出指标", level2: "数量指标", name: "新建里程",
                                  targets: [Target(halfYear: nil, value: nil, line: 7, unit: "公里")], description: nil, basis: nil, line: 7)]
        let cells = SearchDocument(p, department: "交通局", year: 2024, path: "/a.html").cellTexts.filter { $0.0 == .other }.map(\.1)
        #expect(cells.suffix(3) == ["中期：≥57个", "年度：≥20个", "未填写（单位：公里）"])
        #expect(cells.contains("y.md"))
    }

    /// A project's cells: what its page shows, field by field, a cell each.
    @Test func aProjectsCellsAreWhatItsPageShows() {
        var p = Project(layout: .c, location: SourceLocation(file: "x.md", line: 3), name: "档案数字化")
        p.otherNames = ["档案扫描", "扫描"]
        p.rawDepartment = "市档案"
        p.unit = "市档案馆"
        p.code = "P-01"
        p.amount = Money(fen: 1_234_500)
        p.funding = [FundingLine(label: "上年结转", amount: Money(fen: 1_000_000), text: "1", line: 4)]
        p.subItems = [SubItem(name: "扫描费", halfYear: nil, fullYear: Money(fen: 80_000), line: 5)]
        p.spendingPlan = [PlanPoint(label: "6月底", share: "50%", line: 5)]
        p.sections = [NarrativeSection(title: "绩效目标", text: "一\n二：1、甲；2、乙", line: 4, isGoal: true)]
        p.indicatorColumns.description = true
        p.indicators = [Indicator(level1: "产出指标", level2: "数量指标", name: "扫描页数",
                                  targets: [Target(halfYear: "≥5万页", value: ">=10万页", line: 6)],
                                  description: "全年", basis: "往年", line: 6),
                        Indicator(level1: "产出指标", level2: "", name: "错误率",
                                  targets: [Target(halfYear: nil, value: nil, line: 7)], description: nil, basis: nil, line: 7)]
        let d = SearchDocument(p, department: "市档案局", year: 2024, path: "/a/b.html")
        let cells = d.cellTexts.map { "\($0.0.rawValue):\($0.1)" }
        #expect(cells == ["0:档案数字化", "0:档案扫描；扫描",
                          "1:市档案局", "1:市档案", "1:市档案馆", "1:产出指标", "1:数量指标", "1:扫描页数", "1:—", "1:错误率",
                          "2:绩效目标", "2:一", "2:二：", "2:甲；", "2:乙",
                          "3:2024年", "3:P-01", "3:x.md", "3:1.2345 万元", "3:上年结转", "3:1.00", "3:扫描费", "3:—", "3:800",
                          "3:6月底", "3:50%", "3:全年", "3:≥10万页", "3:—"])
    }

    @Test func theIndexIsTheSameHoweverItIsBuilt() throws {
        let a = SearchIndex.files(Self.documents)
        let b = SearchIndex.files(Self.documents)
        #expect(a.map(\.0) == b.map(\.0))
        #expect(zip(a, b).allSatisfy { $0.1 == $1.1 })
        // Made by 1, 3 or 7 workers, from the site or from the documents: the same files.
        let options = SearchIndex.Options(shardBytes: 1024, recordBytes: 400, textBytes: 2000)
        var made: [[(String, [UInt8])]] = []
        for workers in [1, 3, 7] {
            let files = SearchIndex.Collected()
            try SearchIndex.write(SearchIndex.Source(SiteIndex(site: Seeds.site)), spool: NSTemporaryDirectory(),
                                  options: options, workers: workers) { files.add($0, $1) }
            made.append(files.sorted)
        }
        #expect(made[0].count > 20)
        for other in made.dropFirst() {
            #expect(other.map(\.0) == made[0].map(\.0))
            #expect(zip(other, made[0]).allSatisfy { $0.1 == $1.1 })
        }
        // Every key is in the shard of its hash; every list reads back.
        let files = Dictionary(made[0], uniquingKeysWith: { x, _ in x })
        let meta = try #require(JSON.parse(files["search/meta.json"]!))
        guard case .object(let fields) = meta, case .int(let shards)? = fields.first(where: { $0.0 == "shards" })?.1 else {
            Issue.record("meta.json"); return
        }
        var keys = 0
        for s in 0..<shards {
            let lists = try #require(IndexFormat.parseShard(files[SearchIndex.shardPath(s)]!))
            for (key, list) in lists {
                #expect(Int(KeyTable.hash(key) % UInt32(shards)) == s)
                if KeyTable.length(key) == 3 {
                    #expect(IndexFormat.occurrences(list)?.isEmpty == false)
                } else {
                    #expect(IndexFormat.documents(list, documents: Self.documents.count)?.isEmpty == false)
                }
                keys += 1
            }
        }
        #expect(keys > 5000)
        let layout = SearchState.Layout(shards: shards, recordChunk: layoutValue(fields, "records"), textChunk: layoutValue(fields, "texts"))
        #expect(Set(made[0].map(\.0)) == Set(SearchIndex.paths(documents: Self.documents.count, layout: layout)))
    }

    private func layoutValue(_ fields: [(String, JSON)], _ name: String) -> Int {
        if case .int(let v)? = fields.first(where: { $0.0 == name })?.1 { return v }
        return -1
    }

    /// The amounts file gives every document's amount in fen, by id.
    @Test func amountsAreExactInFen() throws {
        let amounts = Self.documents.map(\.money)
        let bytes = SearchIndex.amountsFile(amounts + [nil, nil])
        var decoded: [Int64] = []
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = Int(IndexFormat.readVarint(b, &i)!)
            var previous: Int64 = 0
            for k in 0..<n {
                let v = IndexFormat.readVarint(b, &i)!
                previous = k == 0 ? Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) : previous - Int64(bitPattern: v)
                decoded.append(previous)
            }
        }
        #expect(decoded == amounts.compactMap { $0?.fen })
        #expect(SearchIndex.amountsFile([Money(fen: -5), Money(fen: -7)]) == [2, 9, 2])
    }

    @Test func postingsRoundTrip() {
        for ids: [Int32] in [[], [0], [5, 6, 7, 200], Array(0..<1000).map(Int32.init), [100_000]] {
            let encoded = PostingEncoding.encode(ids, count: 200_001)
            #expect(PostingEncoding.decode(encoded) == ids)
        }
        #expect(PostingEncoding.encode(Array(0..<1000).map(Int32.init), count: 1000).hasPrefix("b"))
        #expect(PostingEncoding.encode([3, 900], count: 1000).hasPrefix("d"))
    }

    /// Posting lists in blocks give back every varint in order, across block ends and arena
    /// growth; a byte OR-ed in place stays; a copy is its own list once either is changed.
    @Test func postingListsKeepTheirBytesAcrossBlocksAndCopies() {
        var lists = PostingLists()
        var expected: [[UInt8]] = []
        let values: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, 1 << 28, UInt64(UInt32.max), 1 << 40]
        for k in 0..<3000 {
            let list = lists.newList()
            #expect(list == k)
            var bytes: [UInt8] = []
            for j in 0..<(k % 40) {
                let v = values[(k + j) % values.count]
                let at = lists.append(v, to: list)
                let first = bytes.count
                IndexFormat.appendVarint(v, to: &bytes)
                if j == 3 { lists.or(0x0A, at: at); bytes[first] |= 0x0A }
            }
            expected.append(bytes)
        }
        func bytes(_ l: PostingLists, _ k: Int) -> [UInt8] { var out: [UInt8] = []; l.forEachRun(of: k) { out.append(contentsOf: $0) }; return out }
        #expect((0..<3000).allSatisfy { bytes(lists, $0) == expected[$0] && lists.count(of: $0) == expected[$0].count })
        var copy = lists
        copy.makeUnique()
        copy.append(5, to: 39)
        #expect(bytes(lists, 39) == expected[39])
        #expect(bytes(copy, 39) == expected[39] + [5])
    }
}

/// Folding and hashing cases shared by the Swift and browser tests.
enum SearchFoldTable {
    static let cases: [(String, String)] = [
        ("９０４．３５", "904.35"), ("ＡＢＣ", "abc"), (">=60%", "≥60%"), ("<=4%", "≤4%"), ("≧5个", "≥5个"),
        ("≦3", "≤3"), ("＞＝90％", "≥90%"), ("三支一扶", "三支一扶"), ("（机关）", "(机关)"), ("Ａ　Ｂ", "a b"),
    ]
    /// A cell's normalised text: folded, without whitespace, `>=` after it.
    static let normalized: [(String, String)] = [
        ("服务对象 满意度", "服务对象满意度"), ("> = 60 %", "≥60%"), ("Ａ\u{3000}Ｂ\u{200B}c\u{FEFF}", "abc"), ("\t≦ 3\n", "≤3"),
        ("6,660,000", "6660000"), ("2, 000.00", "2000.00"), ("，5,a,6", ",5,a,6"), ("1，2", "12"),
    ]
    static let hashes: [(String, UInt32)] = [("满", 1_687_339_436), ("满意", 4_124_237_977), ("90", 201_234_636), ("≥", 3_762_399_456),
                                             ("满意度", 968_981_805)]
}
