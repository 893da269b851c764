// The search index: a pure function from the site to JSON files under search/.

import Foundation

/// Builds the client-side search index.
///
/// Every one- and two-character string of each project's folded text (never spanning a line
/// or a space) is a key; a key's posting list says which projects contain it. Keys are spread
/// over shards by a hash the browser computes too, so a query downloads only the shards of its
/// own keys, then the document chunks of the candidates, and checks each candidate's text
/// (no false positives). Shard and chunk sizes follow the size of the index.
enum SearchIndex {
    struct Options {
        /// Target bytes per postings shard and per document chunk.
        var shardBytes = 48 * 1024
        var chunkBytes = 48 * 1024
    }

    /// Every project as a search document, in site order (the ids). `withText: false` for
    /// what `SearchUpdate` needs, without decoding every project's details.
    /// The document with this id (the position in `documents`), with its text.
    static func document(_ index: SiteIndex, id: Int) -> SearchDocument {
        var first = 0
        for entry in index.departmentYears {
            let dy = entry.departmentYear
            if id < first + dy.projects.count {
                let p = id - first
                return SearchDocument(dy.projects[p], department: dy.department, year: dy.year,
                                      url: Permalinks.encode(String(entry.projectPaths[p].dropFirst())))
            }
            first += dy.projects.count
        }
        preconditionFailure("no search document \(id)")
    }

    static func documents(_ index: SiteIndex, withText: Bool = true) -> [SearchDocument] {
        // A department-year per task (its entry is read once, not once per project).
        parallelMap(Array(index.departmentYears.indices)) { y in
            let entry = index.departmentYears[y]
            let dy = entry.departmentYear
            return dy.projects.indices.map { p in
                SearchDocument(dy.projects[p], department: dy.department, year: dy.year,
                               url: Permalinks.encode(String(entry.projectPaths[p].dropFirst())), withText: withText)
            }
        }.flatMap { $0 }
    }

    /// The index files, as (site path, bytes), in path order.
    static func files(_ documents: [SearchDocument], options: Options = Options()) -> [(String, [UInt8])] {
        let files = Collected()
        try! write(documents, options: options) { path, bytes in files.add(path, bytes) }
        return files.sorted
    }

    /// Files handed over by several threads.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [(String, [UInt8])] = []
        func add(_ path: String, _ bytes: [UInt8]) { lock.lock(); files.append((path, bytes)); lock.unlock() }
        var sorted: [(String, [UInt8])] { lock.lock(); defer { lock.unlock() }; return files.sorted { ByteKey($0.0) < ByteKey($1.0) } }
        var byPath: [String: [UInt8]] { lock.lock(); defer { lock.unlock() }; return Dictionary(files, uniquingKeysWith: { a, _ in a }) }
    }

    /// Builds the index and hands each file to `emit` as soon as it is ready, so the whole
    /// index is never held in memory at once. Shards and document chunks are made on all
    /// cores and handed over by the thread that made them (`emit` may be called concurrently,
    /// in no particular order); a file's bytes are freed by the thread that allocated them.
    /// Returns what a later build needs to update the index in place (`SearchUpdate`).
    @discardableResult
    static func write(_ documents: [SearchDocument], options: Options = Options(), log: ((String) -> Void)? = nil,
                      emit: @Sendable (String, [UInt8]) throws -> Void) throws -> SearchState {
        let count = documents.count
        let clock = ContinuousClock()
        var lap = clock.now
        func step(_ name: String) {
            let now = clock.now
            log?("      \(name) (\((now - lap).formatted(.units(allowed: [.milliseconds]))))")
            lap = now
        }
        // 1. Posting lists, built on all cores: each worker takes a range of documents.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, documents.count))
        let ranges = (0..<workers).map { w in (documents.count * w / workers)..<(documents.count * (w + 1) / workers) }
        let tables = parallelMap(ranges) { range in PostingTable.build(documents, range: range) }
        step("posting lists")

        // 2. The keys of all workers (each once), with the size their postings will take.
        var keys: [(key: UInt64, hash: UInt32, size: Int)] = []
        var seen = PostingTable(capacity: 1 << 16)
        for table in tables {
            table.forEachKey { key, hash in
                if seen.insertKey(key) {
                    var n = 0
                    for t in tables { n += t.postingCount(key) }
                    keys.append((key, hash, keySize(postings: n, documents: count)))
                }
            }
        }
        // 3. As many shards as the index needs for shards of about `shardBytes`; each is
        //    encoded and written on its own, its keys in code point order.
        let total = keys.reduce(0) { $0 + $1.size }
        let shardCount = shards(total: total, options: options)
        var byShard = [[UInt64]](repeating: [], count: shardCount)
        for k in keys { byShard[Int(k.hash % UInt32(shardCount))].append(k.key) }
        keys = []
        let shardKeys = byShard
        try parallelForEach(shardCount) { i in
            var pairs: [(String, JSON)] = []
            for key in shardKeys[i].sorted() {
                var ids: [Int32] = []
                for t in tables { t.appendPostings(key, to: &ids) }
                pairs.append((PostingTable.keyString(key), .string(PostingEncoding.encode(ids, count: count))))
            }
            try emit(shardPath(i), JSON.object(pairs).bytes())
        }
        step("shards")
        // 4. Documents in chunks of consecutive ids.
        let textBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        let chunk = chunkSize(textBytes: textBytes, documents: count, options: options)
        try parallelForEach((count + chunk - 1) / chunk) { c in
            let docs = documents[(c * chunk)..<min(count, (c + 1) * chunk)]
            try emit(chunkPath(c), JSON.array(docs.map(\.chunkEntry)).bytes())
        }
        step("document chunks")
        try writeFacets(documents, shardCount: shardCount, chunk: chunk, emit: emit)
        return SearchState(shardBytes: options.shardBytes, chunkBytes: options.chunkBytes, shardCount: shardCount,
                           chunk: chunk, total: total, textBytes: textBytes, hashes: documents.map(\.hash))
    }

    static func shardPath(_ i: Int) -> String { "search/shards/\(i).json" }
    static func chunkPath(_ c: Int) -> String { "search/docs/\(c).json" }

    /// The bytes a key's posting list is expected to take (what sizes the shards).
    static func keySize(postings n: Int, documents count: Int) -> Int {
        8 + min((count + 7) / 8, n * 2) * 4 / 3
    }

    static func shards(total: Int, options: Options) -> Int {
        max(1, min(4096, (total + options.shardBytes - 1) / options.shardBytes))
    }

    /// Documents per chunk: about `chunkBytes` of text each.
    static func chunkSize(textBytes: Int, documents count: Int, options: Options) -> Int {
        let averageText = count == 0 ? 1 : textBytes / count
        return max(1, min(256, options.chunkBytes / max(1, averageText + 120)))
    }

    /// The facets for the filters (department, year, kind of 一级指标) and `meta.json`, what the
    /// browser needs to find everything else.
    static func writeFacets(_ documents: [SearchDocument], shardCount: Int, chunk: Int,
                            emit: (String, [UInt8]) throws -> Void) rethrows {
        let count = documents.count
        var departments: [String] = []
        var departmentIndex: [String: Int] = [:]
        var byDepartment: [[Int32]] = []
        var byYear: [Int: [Int32]] = [:]
        var byKind = [[Int32]](repeating: [], count: SearchDocument.kinds.count)
        for (id, d) in documents.enumerated() {
            let di: Int
            if let known = departmentIndex[d.department] { di = known } else {
                di = departments.count
                departmentIndex[d.department] = di
                departments.append(d.department)
                byDepartment.append([])
            }
            byDepartment[di].append(Int32(id))
            byYear[d.year, default: []].append(Int32(id))
            for k in SearchDocument.kinds.indices where d.kinds & (1 << UInt8(k)) != 0 { byKind[k].append(Int32(id)) }
        }
        let years = byYear.keys.sorted(by: >)
        try emit("search/facets/department.json", JSON.array(byDepartment.map { .string(PostingEncoding.encode($0, count: count)) }).bytes())
        try emit("search/facets/year.json", JSON.object(years.map { (String($0), .string(PostingEncoding.encode(byYear[$0] ?? [], count: count))) }).bytes())
        try emit("search/facets/kind.json", JSON.object(SearchDocument.kinds.indices.map {
            (SearchDocument.kinds[$0].rawValue, .string(PostingEncoding.encode(byKind[$0], count: count)))
        }).bytes())
        let meta = JSON.object([
            ("version", .int(1)),
            ("documents", .int(count)),
            ("shards", .int(shardCount)),
            ("chunk", .int(chunk)),
            ("departments", .array(departments.map { .string($0) })),
            ("years", .array(years.map { .int($0) })),
            ("kinds", .array(SearchDocument.kinds.map { .string($0.rawValue) })),
        ])
        try emit("search/meta.json", meta.bytes())
    }
}

/// Posting lists of one- and two-character keys, in document order, found through an
/// open-addressing hash table (tens of millions of insertions: no Dictionary overhead).
///
/// Every key occurrence probes the table, whose entries keep a key, its number and the last
/// document that had it side by side (one cache line: a key repeated in the same document
/// costs one probe and nothing else); a key's first occurrence in a document appends the
/// document to the key's posting list.
struct PostingTable {
    fileprivate struct Entry {
        /// Two code points (`a << 32 | b`), or one with `b = 0xFFFFFFFF`; 0 marks an empty entry.
        var key: UInt64
        var slot: Int32
        var lastDoc: Int32
    }

    private var table: [Entry]
    private var mask: Int
    private(set) var hashes: [UInt32] = []
    private(set) var entryKeys: [UInt64] = []
    /// The posting list of each key number.
    private var postings: [[Int32]] = []

    init(capacity: Int = 1 << 16) {
        table = [Entry](repeating: Entry(key: 0, slot: -1, lastDoc: -1), count: capacity)
        mask = capacity - 1
    }

    var count: Int { entryKeys.count }

    static func build(_ documents: [SearchDocument], range: Range<Int>) -> PostingTable {
        var table = PostingTable(capacity: 1 << 16)
        for id in range {
            var run = KeyRun(doc: Int32(id))
            SearchFold.fold(documents[id].text) { run.emit($0, into: &table) }
        }
        return table
    }

    /// The distinct keys of one text, sorted.
    static func keys(of text: String) -> [UInt64] {
        var table = PostingTable(capacity: 1 << 10)
        var run = KeyRun(doc: 0)
        SearchFold.fold(text) { run.emit($0, into: &table) }
        return table.entryKeys.sorted()
    }

    /// The key of a one- or two-character string, as `keyString` writes it (nil for any other).
    static func key(_ string: String) -> UInt64? {
        var it = string.unicodeScalars.makeIterator()
        guard let a = it.next() else { return nil }
        guard let b = it.next() else { return UInt64(a.value) << 32 | 0xFFFF_FFFF }
        return it.next() == nil ? UInt64(a.value) << 32 | UInt64(b.value) : nil
    }

    /// The keys of a run of characters: each character, and each pair of neighbours.
    private struct KeyRun {
        let doc: Int32
        var previous: UInt32 = 0
        var hasPrevious = false

        init(doc: Int32) { self.doc = doc }

        @inline(__always)
        mutating func emit(_ c: UInt32, into table: inout PostingTable) {
            if SearchFold.isSpace(c) {
                hasPrevious = false
                return
            }
            table.add(UInt64(c) << 32 | 0xFFFF_FFFF, doc: doc)
            if hasPrevious { table.add(UInt64(previous) << 32 | UInt64(c), doc: doc) }
            previous = c
            hasPrevious = true
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing: the top bits of the product, which depend on every bit of the
        // key. (Middle bits did not: every one-character key, `a << 32 | 0xFFFFFFFF`, fell
        // into the same few hundred buckets and probed long runs.)
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - mask.nonzeroBitCount))
    }

    /// The entry of `key`, or the empty entry where it would go.
    @inline(__always)
    private func probe(_ key: UInt64) -> Int {
        table.withUnsafeBufferPointer { t in
            var i = Self.start(key, mask)
            while t[i].key != 0 && t[i].key != key { i = (i + 1) & mask }
            return i
        }
    }

    @inline(__always)
    fileprivate mutating func add(_ key: UInt64, doc: Int32) {
        let mask = self.mask
        // The common case (a key seen before, maybe in this very document) reads and writes
        // one entry in place, without the array's uniqueness check on every access.
        let found: Int32? = table.withUnsafeMutableBufferPointer { t in
            var i = Self.start(key, mask)
            while true {
                let k = t[i].key
                if k == key {
                    if t[i].lastDoc != doc {
                        t[i].lastDoc = doc
                        return t[i].slot
                    }
                    return -1
                }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        switch found {
        case .some(let slot) where slot < 0: return
        case .some(let slot): postings[Int(slot)].append(doc)
        case .none:
            let slot = Int32(entryKeys.count)
            table[probe(key)] = Entry(key: key, slot: slot, lastDoc: doc)
            entryKeys.append(key)
            hashes.append(Self.hash(key))
            postings.append([doc])
            if entryKeys.count * 2 > table.count { grow() }
        }
    }

    private mutating func grow() {
        let old = table
        let capacity = old.count * 2
        table = [Entry](repeating: Entry(key: 0, slot: -1, lastDoc: -1), count: capacity)
        mask = capacity - 1
        for entry in old where entry.key != 0 { table[probe(entry.key)] = entry }
    }

    /// Adds a key with no postings; false when it was already there.
    mutating func insertKey(_ key: UInt64) -> Bool {
        let i = probe(key)
        if table[i].key == key { return false }
        table[i] = Entry(key: key, slot: Int32(entryKeys.count), lastDoc: -1)
        entryKeys.append(key)
        hashes.append(0)
        postings.append([])
        if entryKeys.count * 2 > table.count { grow() }
        return true
    }

    func postingCount(_ key: UInt64) -> Int {
        let i = probe(key)
        return table[i].key == key ? postings[Int(table[i].slot)].count : 0
    }

    func appendPostings(_ key: UInt64, to ids: inout [Int32]) {
        let i = probe(key)
        if table[i].key == key { ids.append(contentsOf: postings[Int(table[i].slot)]) }
    }

    func forEachKey(_ body: (UInt64, UInt32) -> Void) {
        for (slot, key) in entryKeys.enumerated() { body(key, hashes[slot]) }
    }

    static func hash(_ key: UInt64) -> UInt32 {
        let low = UInt32(key & 0xFFFF_FFFF)
        return SearchFold.hash(UInt32(key >> 32), low == 0xFFFF_FFFF ? nil : low)
    }

    static func keyString(_ key: UInt64) -> String {
        var s = ""
        if let a = Unicode.Scalar(UInt32(key >> 32)) { s.unicodeScalars.append(a) }
        let low = UInt32(key & 0xFFFF_FFFF)
        if low != 0xFFFF_FFFF, let b = Unicode.Scalar(low) { s.unicodeScalars.append(b) }
        return s
    }
}
