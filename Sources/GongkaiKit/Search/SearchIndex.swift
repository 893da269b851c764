// The search index: a pure function from the site's projects to the files under search/.

import Foundation

/// Builds the client-side search index (docs/search.md describes the files).
///
/// Documents are numbered by amount, largest first (projects without one last, ties in site
/// order): a result list ranked by amount is a list in id order. Every one-, two- and
/// three-character string of each cell a project page shows (normalised: `SearchFold`) is a
/// key; one- and two-character keys list the documents and fields they occur in, three-character
/// keys every position, so that the browser decides from the index alone whether a longer term
/// occurs (its three-character pieces at the right distances in one cell) and which field it is
/// in. Keys are spread over shards by a hash the browser computes too; what results show (the
/// records) and the cells for snippets are in chunks of consecutive ids.
enum SearchIndex {
    struct Options: Equatable {
        /// Target bytes of a shard file, of a record chunk and of a text chunk.
        var shardBytes = 16 * 1024
        var recordBytes = 2 * 1024
        var textBytes = 12 * 1024
    }

    /// The longest query the browser searches (characters after normalisation; longer queries
    /// are cut there, with a message) and the most terms.
    static let maxQuery = 32
    static let maxTerms = 8

    /// The site position of each document id: positions sorted by amount, largest first,
    /// projects without an amount last, ties in site order.
    static func order(_ amounts: [Money?]) -> [Int32] {
        (0..<Int32(amounts.count)).sorted { a, b in
            switch (amounts[Int(a)], amounts[Int(b)]) {
            case let (x?, y?): x != y ? x > y : a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// Where the index's documents come from: `count` of them, made by id (`order`) a range at
    /// a time (on several threads at once, each its own range), so that they need not all be
    /// held at once.
    struct Source: Sendable {
        let count: Int
        let make: @Sendable (Range<Int>, (SearchDocument) throws -> Void) throws -> Void

        init(count: Int, make: @escaping @Sendable (Range<Int>, (SearchDocument) throws -> Void) throws -> Void) {
            self.count = count
            self.make = make
        }

        /// Documents in site order.
        init(_ documents: [SearchDocument]) {
            let order = SearchIndex.order(documents.map(\.money))
            self.init(count: documents.count) { range, body in
                for id in range { try body(documents[Int(order[id])]) }
            }
        }

        /// Every project of the site, with its cells.
        init(_ index: SiteIndex) {
            let places = SearchIndex.places(index)
            self.init(count: places.count) { range, body in
                for id in range {
                    let (entry, p) = places[id]
                    try body(SearchIndex.document(index.departmentYears[entry], p))
                }
            }
        }
    }

    /// (department-year entry, project) of each document id.
    static func places(_ index: SiteIndex) -> [(Int, Int)] {
        var sitePlaces: [(Int, Int)] = []
        var amounts: [Money?] = []
        for (e, entry) in index.departmentYears.enumerated() {
            for (p, project) in entry.departmentYear.projects.enumerated() {
                sitePlaces.append((e, p))
                amounts.append(project.amount)
            }
        }
        return order(amounts).map { sitePlaces[Int($0)] }
    }

    /// Every document, by id; `withText: false` for what `SearchUpdate` compares, without
    /// decoding every project's details.
    static func documents(_ index: SiteIndex, withText: Bool = true) -> [SearchDocument] {
        documents(index, places: places(index), withText: withText)
    }

    static func documents(_ index: SiteIndex, places: [(Int, Int)], withText: Bool) -> [SearchDocument] {
        parallelMap(Array(stride(from: 0, to: places.count, by: 256))) { start in
            (start..<min(places.count, start + 256)).map { id in
                document(index.departmentYears[places[id].0], places[id].1, withText: withText)
            }
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

    /// What a facet filter needs of a document.
    struct Facet {
        var department: String
        var year: Int
        var kinds: UInt8
    }

    /// What one worker made of its range of documents: their keys, their records and cells
    /// (JSON entries, each followed by a comma) in spool files, and what the rest needs.
    private struct Part {
        var range: Range<Int>
        var table = KeyTable(capacity: 1 << 16)
        var records: Spool
        var texts: Spool
        /// Where each document's entry ends in each spool.
        var recordEnds: [Int] = []
        var textEnds: [Int] = []
        var hashes: [UInt64] = []
        var facets: [Facet] = []
        var amounts: [Money?] = []
    }

    @discardableResult
    static func write(_ documents: [SearchDocument], options: Options = Options(), log: ((String) -> Void)? = nil,
                      emit: @Sendable (String, [UInt8]) throws -> Void) throws -> SearchState {
        try write(Source(documents), spool: NSTemporaryDirectory(), options: options, log: log, emit: emit)
    }

    /// Builds the index and hands each file to `emit` as soon as it is ready (`emit` may be
    /// called concurrently, in no particular order), so that the documents' cells are never all
    /// held at once: each worker makes the documents of its range one by one, adds their keys to
    /// its table and writes their records and cells to spool files in `spool`, from which the
    /// chunks are put together once their size (which depends on all documents) is known.
    /// The files do not depend on how the documents were split between workers (`workers`, for
    /// tests: else one a core, at most 8). Returns what a
    /// later build needs to keep the index when nothing changed (`SearchUpdate`).
    @discardableResult
    static func write(_ source: Source, spool: String, options: Options = Options(), workers: Int? = nil, log: ((String) -> Void)? = nil,
                      emit: @Sendable (String, [UInt8]) throws -> Void) throws -> SearchState {
        let count = source.count
        let clock = ContinuousClock()
        var lap = clock.now
        func step(_ name: String) {
            let now = clock.now
            log?("      \(name) (\((now - lap).formatted(.units(allowed: [.milliseconds]))))")
            lap = now
        }
        // 1. Documents, their keys, records and cells, on all cores: a range of ids a worker.
        let workers = max(1, min(workers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8), count))
        let ranges = (0..<workers).map { w in (count * w / workers)..<(count * (w + 1) / workers) }
        let made = parallelMap(ranges) { range in
            Result { () throws -> Part in
                var part = Part(range: range, records: try Spool(in: spool), texts: try Spool(in: spool))
                part.recordEnds.reserveCapacity(range.count)
                part.textEnds.reserveCapacity(range.count)
                var writer = DocumentWriter()
                try source.make(range) { document in
                    let id = Int32(range.lowerBound + part.recordEnds.count)
                    writer.add(document, id: id, to: &part.table)
                    try part.records.append(writer.record)
                    part.recordEnds.append(part.records.size)
                    try part.texts.append(writer.cells)
                    part.textEnds.append(part.texts.size)
                    part.hashes.append(document.hash)
                    part.facets.append(document.facet)
                    part.amounts.append(document.money)
                }
                try part.records.flush()
                try part.texts.flush()
                guard part.recordEnds.count == range.count else {
                    throw SpoolError(message: "search documents: \(part.recordEnds.count) made of \(range.count)")
                }
                return part
            }
        }
        let parts = try made.map { try $0.get() }
        let tables = parts.map(\.table)
        step("documents and posting lists")

        // 2. Every key once, with the size of its list; as many shards as make about
        //    `shardBytes` each.
        var seen = Set<UInt64>()
        var keys: [UInt64] = []
        for table in tables {
            for key in table.keys where seen.insert(key).inserted { keys.append(key) }
        }
        seen = []
        let allKeys = keys
        keys = []
        let sizes = parallelMap(Array(stride(from: 0, to: allKeys.count, by: 4096))) { start in
            allKeys[start..<min(allKeys.count, start + 4096)].map { IndexFormat.listSize($0, tables: tables, documents: count) }
        }.flatMap { $0 }
        let total = sizes.reduce(0, +)
        let shardCount = shards(total: total, options: options)
        var byShard = [[(UInt64, Int)]](repeating: [], count: shardCount)
        for (key, size) in zip(allKeys, sizes) { byShard[Int(KeyTable.hash(key) % UInt32(shardCount))].append((key, size)) }
        let shardKeys = byShard.map { $0.sorted { $0.0 < $1.0 } }
        byShard = []
        try parallelForEach(shardCount) { i in
            let keys = shardKeys[i]
            try emit(shardPath(i), IndexFormat.shard(keys.map(\.0), sizes: keys.map(\.1), tables: tables, documents: count))
        }
        step("shards")

        // 3. Records and cells in chunks of consecutive ids, their entries taken from the spools.
        let recordBytes = parts.reduce(0) { $0 + $1.records.size }
        let textBytes = parts.reduce(0) { $0 + $1.texts.size }
        let recordChunk = chunkSize(bytes: recordBytes, documents: count, target: options.recordBytes)
        let textChunk = chunkSize(bytes: textBytes, documents: count, target: options.textBytes)
        let recordChunks = (count + recordChunk - 1) / recordChunk
        let textChunks = (count + textChunk - 1) / textChunk
        try parallelForEach(recordChunks + textChunks) { c in
            let isRecord = c < recordChunks
            let n = isRecord ? c : c - recordChunks
            let size = isRecord ? recordChunk : textChunk
            let ids = (n * size)..<min(count, (n + 1) * size)
            var out: [UInt8] = [0x5B]
            for part in parts {
                let lo = max(ids.lowerBound, part.range.lowerBound) - part.range.lowerBound
                let hi = min(ids.upperBound, part.range.upperBound) - part.range.lowerBound
                guard lo < hi else { continue }
                let ends = isRecord ? part.recordEnds : part.textEnds
                let start = lo == 0 ? 0 : ends[lo - 1]
                try (isRecord ? part.records : part.texts).read(start..<ends[hi - 1], into: &out)
            }
            out[out.count - 1] = 0x5D  // the last entry's comma
            try emit(isRecord ? recordPath(n) : textPath(n), out)
        }
        step("records and cells")

        // 4. The amounts, the filters and meta.json.
        let amounts = parts.flatMap(\.amounts)
        try emit(amountsPath, amountsFile(amounts))
        let layout = SearchState.Layout(shards: shardCount, recordChunk: recordChunk, textChunk: textChunk)
        try writeFacets(parts.flatMap(\.facets), amounts: amounts, layout: layout, emit: emit)
        return SearchState(options: options, layout: layout, hashes: parts.flatMap(\.hashes),
                           listBytes: total, recordBytes: recordBytes, textBytes: textBytes)
    }

    static func shardPath(_ i: Int) -> String { "search/shards/\(i).bin" }
    static func recordPath(_ c: Int) -> String { "search/records/\(c).json" }
    static func textPath(_ c: Int) -> String { "search/texts/\(c).json" }
    static let amountsPath = "search/amounts.bin"
    static let metaPath = "search/meta.json"
    static let facetPaths = ["search/facets/department.json", "search/facets/year.json", "search/facets/kind.json"]

    /// Every file of an index of `count` documents laid out as `layout`.
    static func paths(documents count: Int, layout: SearchState.Layout) -> [String] {
        (0..<layout.shards).map(shardPath)
            + (0..<(count + layout.recordChunk - 1) / layout.recordChunk).map(recordPath)
            + (0..<(count + layout.textChunk - 1) / layout.textChunk).map(textPath)
            + [amountsPath, metaPath] + facetPaths
    }

    static func shards(total: Int, options: Options) -> Int {
        max(1, min(1 << 16, (total + options.shardBytes - 1) / options.shardBytes))
    }

    /// Documents per chunk: about `target` bytes each.
    static func chunkSize(bytes: Int, documents count: Int, target: Int) -> Int {
        let average = count == 0 ? 1 : max(1, bytes / count)
        return max(1, min(256, target / average))
    }

    /// The amounts in fen, by id: a varint count of the documents that have one (the first
    /// ids), the first amount zigzag-encoded, then each next one as its (never negative)
    /// difference from the one before.
    static func amountsFile(_ amounts: [Money?]) -> [UInt8] {
        let priced = amounts.prefix { $0 != nil }.map { $0!.fen }
        var out: [UInt8] = []
        IndexFormat.appendVarint(UInt64(priced.count), to: &out)
        var previous: Int64 = 0
        for (i, fen) in priced.enumerated() {
            if i == 0 {
                IndexFormat.appendVarint(UInt64(bitPattern: fen << 1 ^ fen >> 63), to: &out)
            } else {
                IndexFormat.appendVarint(UInt64(bitPattern: previous &- fen), to: &out)
            }
            previous = fen
        }
        return out
    }

    /// The facets for the filters (department, year, kind of 一级指标) and `meta.json`, what the
    /// browser needs to find everything else.
    static func writeFacets(_ documents: [Facet], amounts: [Money?], layout: SearchState.Layout,
                            emit: (String, [UInt8]) throws -> Void) rethrows {
        let count = documents.count
        var departments: [String] = []
        var byDepartment: [String: [Int32]] = [:]
        var byYear: [Int: [Int32]] = [:]
        var byKind = [[Int32]](repeating: [], count: SearchDocument.kinds.count)
        for (id, d) in documents.enumerated() {
            if byDepartment[d.department] == nil { departments.append(d.department) }
            byDepartment[d.department, default: []].append(Int32(id))
            byYear[d.year, default: []].append(Int32(id))
            for k in SearchDocument.kinds.indices where d.kinds & (1 << UInt8(k)) != 0 { byKind[k].append(Int32(id)) }
        }
        departments.sort { ByteKey($0) < ByteKey($1) }
        let years = byYear.keys.sorted(by: >)
        try emit(facetPaths[0], JSON.object(departments.map { ($0, .string(PostingEncoding.encode(byDepartment[$0] ?? [], count: count))) }).bytes())
        try emit(facetPaths[1], JSON.object(years.map { (String($0), .string(PostingEncoding.encode(byYear[$0] ?? [], count: count))) }).bytes())
        try emit(facetPaths[2], JSON.object(SearchDocument.kinds.indices.map {
            (SearchDocument.kinds[$0].rawValue, .string(PostingEncoding.encode(byKind[$0], count: count)))
        }).bytes())
        let meta = JSON.object([
            ("version", .int(2)),
            ("documents", .int(count)),
            ("priced", .int(amounts.prefix { $0 != nil }.count)),
            ("shards", .int(layout.shards)),
            ("records", .int(layout.recordChunk)),
            ("texts", .int(layout.textChunk)),
            ("maxQuery", .int(maxQuery)),
            ("maxTerms", .int(maxTerms)),
            ("years", .array(years.map { .int($0) })),
            ("kinds", .array(SearchDocument.kinds.map { .string($0.rawValue) })),
        ])
        try emit(metaPath, meta.bytes())
    }
}

/// Turns one document at a time into its keys, its record and its cells entry (reusing its
/// buffers from one document to the next).
struct DocumentWriter {
    /// The record entry (`[path or "", name, department, year, amount]`) and the cells entry
    /// (`[cells of each field…, then the cells]`) of the last document, each with a comma.
    private(set) var record: [UInt8] = []
    private(set) var cells: [UInt8] = []
    private var codes: [UInt32] = []
    /// The normalised cells kept so far in this document, by hash: a cell the page shows twice
    /// (an indicator's `≥95%` in two rows) is indexed once.
    private var seen: [UInt64: Range<Int>] = [:]
    private var kept: [(SearchDocument.Field, Range<Int>)] = []

    init() {
        record.reserveCapacity(512)
        cells.reserveCapacity(8192)
        codes.reserveCapacity(4096)
    }

    mutating func add(_ document: SearchDocument, id: Int32, to table: inout KeyTable) {
        codes.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        kept.removeAll(keepingCapacity: true)
        var position: Int32 = 0
        var counts = [0, 0, 0, 0]
        document.text.withUnsafeBufferPointer { all in
            var start = 0
            for cell in document.cells {
                let bytes = UnsafeBufferPointer(rebasing: all[start..<Int(cell.end)])
                let range = start..<Int(cell.end)
                start = Int(cell.end)
                let first = codes.count
                SearchFold.normalize(bytes, into: &codes)
                guard codes.count > first else { continue }
                var h = StableHash()
                codes[first...].withUnsafeBytes { h.combineWords($0) }
                if let other = seen[h.value], codes[other].elementsEqual(codes[first...]) {
                    codes.removeLast(codes.count - first)
                    continue
                }
                seen[h.value] = first..<codes.count
                codes.withUnsafeBufferPointer { c in
                    table.add(UnsafeBufferPointer(rebasing: c[first...]), doc: id, position: position, field: cell.field)
                }
                position += Int32(codes.count - first) + 1
                kept.append((cell.field, range))
                counts[Int(cell.field.rawValue)] += 1
            }
            // [n0, n1, n2, n3, "cell", …],
            cells.removeAll(keepingCapacity: true)
            cells.append(0x5B)
            for n in counts {
                cells.append(contentsOf: String(n).utf8)
                cells.append(0x2C)
            }
            for (k, (_, range)) in kept.enumerated() {
                if k > 0 { cells.append(0x2C) }
                JSON.escape(bytes: UnsafeBufferPointer(rebasing: all[range]), into: &cells)
            }
            if kept.isEmpty { cells.removeLast() }
            cells.append(0x5D)
            cells.append(0x2C)
        }
        // The page's path is written out only when it is not the department, year and name.
        record.removeAll(keepingCapacity: true)
        var path = document.path
        if path.utf8.first == 0x2F { path.removeFirst() }
        let plain = document.department + "/" + String(document.year) + "/" + document.name + ".html"
        JSON.array([.string(path == plain ? "" : path), .string(document.name), .string(document.department),
                    .int(document.year), .string(document.amount)]).write(to: &record, pretty: false, indent: 0)
        record.append(0x2C)
    }
}
