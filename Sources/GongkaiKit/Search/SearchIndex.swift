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

    /// The document with this id (the position in `documents`), with its text.
    static func document(_ index: SiteIndex, id: Int) -> SearchDocument {
        var first = 0
        for entry in index.departmentYears {
            let dy = entry.departmentYear
            if id < first + dy.projects.count { return document(entry, id - first) }
            first += dy.projects.count
        }
        preconditionFailure("no search document \(id)")
    }

    /// Every project as a search document, in site order (the ids). `withText: false` for
    /// what `SearchUpdate` needs, without decoding every project's details.
    static func documents(_ index: SiteIndex, withText: Bool = true) -> [SearchDocument] {
        // A department-year per task (its entry is read once, not once per project).
        parallelMap(Array(index.departmentYears.indices)) { y in
            let entry = index.departmentYears[y]
            return entry.departmentYear.projects.indices.map { document(entry, $0, withText: withText) }
        }.flatMap { $0 }
    }

    /// The search document of a department-year's `p`th project.
    static func document(_ entry: SiteIndex.DepartmentYearEntry, _ p: Int, withText: Bool = true) -> SearchDocument {
        let dy = entry.departmentYear
        return SearchDocument(dy.projects[p], department: dy.department, year: dy.year,
                              path: entry.projectPaths[p], withText: withText)
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
    }

    /// Where the index's documents come from: `count` of them, made in id order a range at a
    /// time (on several threads at once, each its own range), so that they need not all be
    /// held at once.
    struct Source: Sendable {
        let count: Int
        let make: @Sendable (Range<Int>, (SearchDocument) throws -> Void) throws -> Void

        init(count: Int, make: @escaping @Sendable (Range<Int>, (SearchDocument) throws -> Void) throws -> Void) {
            self.count = count
            self.make = make
        }

        init(_ documents: [SearchDocument]) {
            self.init(count: documents.count) { range, body in
                for id in range { try body(documents[id]) }
            }
        }

        /// Every project of the site, in site order, with its text.
        init(_ index: SiteIndex) {
            self.init(count: index.departmentYears.reduce(0) { $0 + $1.departmentYear.projects.count }) { range, body in
                var first = 0
                for entry in index.departmentYears {
                    let dy = entry.departmentYear
                    defer { first += dy.projects.count }
                    let lo = max(range.lowerBound, first), hi = min(range.upperBound, first + dy.projects.count)
                    guard lo < hi else { continue }
                    for id in lo..<hi { try body(SearchIndex.document(entry, id - first)) }
                }
            }
        }
    }

    /// What a facet filter needs of a document.
    struct Facet {
        var department: String
        var year: Int
        var kinds: UInt8
    }

    /// What one worker made of its range of documents: their postings, their chunk entries
    /// (each followed by a comma) in a spool file, and what the state and the facets need.
    private struct Part {
        var range: Range<Int>
        var table = PostingTable(capacity: 1 << 16)
        var spool: Spool
        /// Where each document's entry ends in the spool.
        var ends: [Int] = []
        var hashes: [UInt64] = []
        var facets: [Facet] = []
        var textBytes = 0
    }

    @discardableResult
    static func write(_ documents: [SearchDocument], options: Options = Options(), log: ((String) -> Void)? = nil,
                      emit: @Sendable (String, [UInt8]) throws -> Void) throws -> SearchState {
        try write(Source(documents), spool: NSTemporaryDirectory(), options: options, log: log, emit: emit)
    }

    /// Builds the index and hands each file to `emit` as soon as it is ready, so the whole
    /// index is never held in memory at once, nor the documents' text: each worker makes the
    /// documents of its range one by one, adds their keys to its posting lists (delta varints)
    /// and writes their chunk entries to a spool file in `spool`, from which the chunks are
    /// put together once the chunk size (which depends on all text) is known. Shards and
    /// document chunks are made on all cores and handed over by the thread that made them
    /// (`emit` may be called concurrently, in no particular order); a file's bytes are freed by
    /// the thread that allocated them. Returns what a later build needs to update the index in
    /// place (`SearchUpdate`).
    @discardableResult
    static func write(_ source: Source, spool: String, options: Options = Options(), log: ((String) -> Void)? = nil,
                      emit: @Sendable (String, [UInt8]) throws -> Void) throws -> SearchState {
        let count = source.count
        let clock = ContinuousClock()
        var lap = clock.now
        func step(_ name: String) {
            let now = clock.now
            log?("      \(name) (\((now - lap).formatted(.units(allowed: [.milliseconds]))))")
            lap = now
        }
        // 1. Documents, their posting lists and chunk entries, on all cores: each worker takes
        //    a range of documents. (A range a core: each range's table holds every key of its
        //    documents again, which on real text, with far more distinct pairs than the
        //    generated corpus, would multiply the key tables' memory; more ranges gave no
        //    measurable gain.)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let ranges = (0..<workers).map { w in (count * w / workers)..<(count * (w + 1) / workers) }
        let made = parallelMap(ranges) { range in
            Result { () throws -> Part in
                var part = Part(range: range, spool: try Spool(in: spool))
                part.ends.reserveCapacity(range.count)
                part.hashes.reserveCapacity(range.count)
                part.facets.reserveCapacity(range.count)
                var entry: [UInt8] = []
                try source.make(range) { document in
                    part.table.add(document.text, doc: Int32(range.lowerBound + part.ends.count))
                    entry.removeAll(keepingCapacity: true)
                    document.chunkEntry.write(to: &entry, pretty: false, indent: 0)
                    entry.append(0x2C)
                    try part.spool.append(entry)
                    part.ends.append(part.spool.size)
                    part.hashes.append(document.hash)
                    part.facets.append(Facet(department: document.department, year: document.year, kinds: document.kinds))
                    part.textBytes += document.text.utf8.count
                }
                try part.spool.flush()
                guard part.ends.count == range.count else { throw SpoolError(message: "search documents: \(part.ends.count) made of \(range.count)") }
                return part
            }
        }
        let parts = try made.map { try $0.get() }
        let tables = parts.map(\.table)
        step("documents and posting lists")

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
        // 4. Documents in chunks of consecutive ids, their entries taken from the spools.
        let textBytes = parts.reduce(0) { $0 + $1.textBytes }
        let chunk = chunkSize(textBytes: textBytes, documents: count, options: options)
        try parallelForEach((count + chunk - 1) / chunk) { c in
            let ids = (c * chunk)..<min(count, (c + 1) * chunk)
            var out: [UInt8] = [0x5B]
            for part in parts {
                let lo = max(ids.lowerBound, part.range.lowerBound) - part.range.lowerBound
                let hi = min(ids.upperBound, part.range.upperBound) - part.range.lowerBound
                guard lo < hi else { continue }
                let start = lo == 0 ? 0 : part.ends[lo - 1]
                try part.spool.read(start..<part.ends[hi - 1], into: &out)
            }
            out[out.count - 1] = 0x5D  // the last entry's comma
            try emit(chunkPath(c), out)
        }
        step("document chunks")
        try writeFacets(parts.flatMap(\.facets), shardCount: shardCount, chunk: chunk, emit: emit)
        return SearchState(shardBytes: options.shardBytes, chunkBytes: options.chunkBytes, shardCount: shardCount,
                           chunk: chunk, total: total, textBytes: textBytes, hashes: parts.flatMap(\.hashes))
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
    static func writeFacets(_ documents: [Facet], shardCount: Int, chunk: Int,
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
    /// How many keys `table` holds (the others are in `unigrams`).
    private var tableCount = 0
    private(set) var hashes: [UInt32] = []
    private(set) var entryKeys: [UInt64] = []
    /// The posting list of each key number, as the gaps between its documents in LEB128
    /// varints (the first from -1): a quarter of the memory of a list of ids.
    private var postings = PostingLists()

    /// One-character keys of the Basic Multilingual Plane (nearly all of them), by code point:
    /// half of all key occurrences, found by a direct index instead of a probe. Only in tables
    /// made for many documents (it is 1 MiB).
    private var unigrams: [Entry] = []

    init(capacity: Int = 1 << 16) {
        table = [Entry](repeating: Entry(key: 0, slot: -1, lastDoc: -1), count: capacity)
        mask = capacity - 1
        if capacity >= 1 << 16 { unigrams = [Entry](repeating: Entry(key: 0, slot: -1, lastDoc: -1), count: 0x10000) }
    }

    /// The unigram index of `key`, when it is a one-character key kept there.
    @inline(__always)
    private func unigramIndex(_ key: UInt64) -> Int? {
        key & 0xFFFF_FFFF == 0xFFFF_FFFF && key >> 32 < 0x10000 && !unigrams.isEmpty ? Int(key >> 32) : nil
    }

    /// The entry of `key`, if the table has it.
    private func entry(_ key: UInt64) -> Entry? {
        if let u = unigramIndex(key) { return unigrams[u].key == key ? unigrams[u] : nil }
        let i = probe(key)
        return table[i].key == key ? table[i] : nil
    }

    var count: Int { entryKeys.count }

    /// Adds the keys of one document's text (documents are added in id order).
    mutating func add(_ text: String, doc: Int32) {
        postings.makeUnique()
        var run = KeyRun(doc: doc)
        SearchFold.fold(text) { run.emit($0, into: &self) }
    }

    /// The distinct keys of one text, sorted.
    static func keys(of text: String) -> [UInt64] {
        var table = PostingTable(capacity: 1 << 10)
        table.add(text, doc: 0)
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
            table.addUnigram(c, doc: doc)
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

    /// Adds the one-character key of `c`: by its code point in `unigrams`, or through the table.
    @inline(__always)
    fileprivate mutating func addUnigram(_ c: UInt32, doc: Int32) {
        let key = UInt64(c) << 32 | 0xFFFF_FFFF
        guard c < 0x10000, !unigrams.isEmpty else { add(key, doc: doc); return }
        let i = Int(c)
        // Nil when the key is new; else its posting, if this document adds one.
        let seen: (slot: Int32, gap: UInt32)?? = unigrams.withUnsafeMutableBufferPointer { u in
            u[i].key == key ? .some(Self.occurrence(&u[i], doc: doc)) : nil
        }
        if let seen {
            if let posting = seen { postings.add(posting.gap, to: Int(posting.slot)) }
        } else {
            unigrams[i] = Entry(key: key, slot: Int32(entryKeys.count), lastDoc: doc)
            appendKey(key, first: doc)
        }
    }

    /// A document's occurrence of the key of `entry`: the posting to add (the key's number and
    /// the gap from its last document), or nil when the document is already its last.
    @inline(__always)
    private static func occurrence(_ entry: inout Entry, doc: Int32) -> (slot: Int32, gap: UInt32)? {
        let last = entry.lastDoc
        guard last != doc else { return nil }
        entry.lastDoc = doc
        return (entry.slot, UInt32(bitPattern: doc &- last))
    }

    /// A new key's number, hash and posting list (with its first document).
    @inline(__always)
    private mutating func appendKey(_ key: UInt64, first doc: Int32) {
        entryKeys.append(key)
        hashes.append(Self.hash(key))
        let slot = postings.newList()
        if doc >= 0 { postings.add(UInt32(bitPattern: doc &+ 1), to: slot) }
    }

    @inline(__always)
    fileprivate mutating func add(_ key: UInt64, doc: Int32) {
        let mask = self.mask
        // The common case (a key seen before, maybe in this very document) reads and writes
        // one entry in place, without the array's uniqueness check on every access.
        // Nil when the key is new; else its posting, if this document adds one.
        let seen: (slot: Int32, gap: UInt32)?? = table.withUnsafeMutableBufferPointer { t in
            var i = Self.start(key, mask)
            while true {
                let k = t[i].key
                if k == key { return .some(Self.occurrence(&t[i], doc: doc)) }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        if let seen {
            if let posting = seen { postings.add(posting.gap, to: Int(posting.slot)) }
        } else {
            table[probe(key)] = Entry(key: key, slot: Int32(entryKeys.count), lastDoc: doc)
            appendKey(key, first: doc)
            tableCount += 1
            if tableCount * 2 > table.count { grow() }
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
        postings.makeUnique()
        if let u = unigramIndex(key) {
            if unigrams[u].key == key { return false }
            unigrams[u] = Entry(key: key, slot: Int32(entryKeys.count), lastDoc: -1)
            appendKey(key, first: -1)
            return true
        }
        let i = probe(key)
        if table[i].key == key { return false }
        table[i] = Entry(key: key, slot: Int32(entryKeys.count), lastDoc: -1)
        appendKey(key, first: -1)
        tableCount += 1
        if tableCount * 2 > table.count { grow() }
        return true
    }

    func postingCount(_ key: UInt64) -> Int {
        entry(key).map { postings.count(of: Int($0.slot)) } ?? 0
    }

    /// Appends the documents of `key`'s posting list, in order.
    func appendPostings(_ key: UInt64, to ids: inout [Int32]) {
        guard let found = entry(key) else { return }
        let slot = Int(found.slot)
        ids.reserveCapacity(ids.count + postings.count(of: slot))
        var previous: Int32 = -1
        var value: UInt32 = 0
        var shift: UInt32 = 0
        postings.forEachByte(of: slot) { byte in
            value |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; return }
            previous &+= Int32(bitPattern: value)
            ids.append(previous)
            value = 0
            shift = 0
        }
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

/// Posting lists as chains of 32-byte blocks in one arena: adding a document writes its
/// varint into the list's last block. (An array a list, as before, checked on every byte
/// appended that it was uniquely referenced, and there are tens of millions of appends.)
/// A value type: a copy shares the arena until either is changed (`makeUnique`, called
/// once per document or key by the table, not once per byte). Sendable: a table is handed
/// to other threads only when it is no longer changed, and then only read.
struct PostingLists: @unchecked Sendable {
    private var storage = Storage()

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// A new, empty list; its number.
    @inline(__always)
    mutating func newList() -> Int { storage.newList() }

    /// Adds `value` (a gap) to list `list` as a varint; counts one posting.
    @inline(__always)
    mutating func add(_ value: UInt32, to list: Int) { storage.add(value, to: list) }

    func count(of list: Int) -> Int { Int(storage.lists[list].count) }

    /// The list's bytes, in order.
    func forEachByte(of list: Int, _ body: (UInt8) -> Void) { storage.forEachByte(of: list, body) }

    final class Storage {
        struct List {
            var head: Int32
            var tail: Int32
            var used: Int32
            var count: Int32
        }
        static let blockSize = 32
        /// Each block starts with the number of the next block (-1 for none), then its data.
        static let dataSize = blockSize - 4

        fileprivate(set) var lists: UnsafeMutablePointer<List>
        private var listCount = 0
        private var listCapacity: Int
        private var arena: UnsafeMutableRawPointer
        private var blockCount = 0
        private var blockCapacity: Int

        init(lists: Int = 1024, blocks: Int = 1024) {
            listCapacity = lists
            blockCapacity = blocks
            self.lists = .allocate(capacity: lists)
            arena = .allocate(byteCount: blocks * Self.blockSize, alignment: 8)
        }

        deinit {
            lists.deallocate()
            arena.deallocate()
        }

        func copy() -> Storage {
            let other = Storage(lists: listCapacity, blocks: blockCapacity)
            other.lists.initialize(from: lists, count: listCount)
            other.arena.copyMemory(from: arena, byteCount: blockCount * Self.blockSize)
            other.listCount = listCount
            other.blockCount = blockCount
            return other
        }

        private func newBlock() -> Int32 {
            if blockCount == blockCapacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: blockCapacity * 2 * Self.blockSize, alignment: 8)
                bigger.copyMemory(from: arena, byteCount: blockCount * Self.blockSize)
                arena.deallocate()
                arena = bigger
                blockCapacity *= 2
            }
            let block = blockCount
            blockCount += 1
            arena.storeBytes(of: Int32(-1), toByteOffset: block * Self.blockSize, as: Int32.self)
            return Int32(block)
        }

        func newList() -> Int {
            if listCount == listCapacity {
                let bigger = UnsafeMutablePointer<List>.allocate(capacity: listCapacity * 2)
                bigger.moveInitialize(from: lists, count: listCount)
                lists.deallocate()
                lists = bigger
                listCapacity *= 2
            }
            // No block until the list is first written to (the table that only gathers the keys
            // of all workers makes lists that never are).
            (lists + listCount).initialize(to: List(head: -1, tail: -1, used: Int32(Self.dataSize), count: 0))
            listCount += 1
            return listCount - 1
        }

        @inline(__always)
        func add(_ value: UInt32, to list: Int) {
            var v = value
            while v >= 0x80 {
                put(UInt8(v & 0x7F) | 0x80, list)
                v >>= 7
            }
            put(UInt8(v), list)
            lists[list].count += 1
        }

        @inline(__always)
        private func put(_ byte: UInt8, _ list: Int) {
            if lists[list].used == Int32(Self.dataSize) {
                let block = newBlock()
                if lists[list].tail >= 0 {
                    arena.storeBytes(of: block, toByteOffset: Int(lists[list].tail) * Self.blockSize, as: Int32.self)
                } else {
                    lists[list].head = block
                }
                lists[list].tail = block
                lists[list].used = 0
            }
            let l = lists[list]
            arena.storeBytes(of: byte, toByteOffset: Int(l.tail) * Self.blockSize + 4 + Int(l.used), as: UInt8.self)
            lists[list].used = l.used + 1
        }

        func forEachByte(of list: Int, _ body: (UInt8) -> Void) {
            let l = lists[list]
            var block = l.head
            while block >= 0 {
                let base = Int(block) * Self.blockSize
                let n = block == l.tail ? Int(l.used) : Self.dataSize
                for i in 0..<n { body(arena.load(fromByteOffset: base + 4 + i, as: UInt8.self)) }
                block = arena.load(fromByteOffset: base, as: Int32.self)
            }
        }
    }
}

/// A file of bytes written once, in order, and read back in pieces: unlinked as soon as it is
/// made, so it goes when the process does, whatever happens to the build.
final class Spool: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes appended so far.
    private(set) var size = 0

    init(in dir: String) throws {
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array("gongkai-spool-XXXXXX".utf8CString)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SpoolError(message: "cannot make a spool file in \(dir): \(String(cString: strerror(errno)))") }
        unlink(template)
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        size += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SpoolError(message: "cannot write a spool file: \(String(cString: strerror(errno)))") }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends the bytes at `range` (all flushed) to `out`.
    func read(_ range: Range<Int>, into out: inout [UInt8]) throws {
        guard let bytes = Files.read(fd, count: range.count, at: range.lowerBound) else {
            throw SpoolError(message: "cannot read a spool file back")
        }
        out.append(contentsOf: bytes)
    }
}

struct SpoolError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
