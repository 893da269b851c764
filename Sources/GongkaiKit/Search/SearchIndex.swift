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

    static func documents(_ index: SiteIndex) -> [SearchDocument] {
        var jobs: [(Int, Int)] = []
        for (y, entry) in index.departmentYears.enumerated() {
            for p in entry.departmentYear.projects.indices { jobs.append((y, p)) }
        }
        let all = jobs
        return parallelMap(Array(all.indices)) { i in
            let (y, p) = all[i]
            let entry = index.departmentYears[y]
            let dy = entry.departmentYear
            return SearchDocument(dy.projects[p], department: dy.department, year: dy.year,
                                  url: Permalinks.encode(String(entry.projectPaths[p].dropFirst())))
        }
    }

    /// The index files, as (site path, bytes).
    static func files(_ documents: [SearchDocument], options: Options = Options()) -> [(String, [UInt8])] {
        let count = documents.count
        // 1. Posting lists, built on all cores: worker t takes the keys whose hash % T == t.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let tables = parallelMap(Array(0..<workers)) { worker in
            PostingTable.build(documents, worker: worker, of: workers)
        }
        // 2. Encode every key's postings.
        var encoded: [(key: String, hash: UInt32, postings: String)] = []
        for table in tables {
            for (key, slot) in table.slots {
                encoded.append((table.keyString(key), table.hashes[slot], PostingEncoding.encode(table.postings[slot], count: count)))
            }
        }
        // 3. As many shards as the index needs for shards of about `shardBytes`.
        let total = encoded.reduce(0) { $0 + $1.key.utf8.count + $1.postings.utf8.count + 6 }
        let shardCount = max(1, min(4096, (total + options.shardBytes - 1) / options.shardBytes))
        var shards = [[(key: String, hash: UInt32, postings: String)]](repeating: [], count: shardCount)
        for entry in encoded { shards[Int(entry.hash % UInt32(shardCount))].append(entry) }
        var files: [(String, [UInt8])] = []
        for (i, shard) in shards.enumerated() {
            let sorted = shard.sorted { Array($0.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.key.unicodeScalars.map(\.value)) }
            files.append(("search/shards/\(i).json", JSON.object(sorted.map { ($0.key, .string($0.postings)) }).bytes()))
        }
        // 4. Documents in chunks of consecutive ids.
        let averageText = documents.isEmpty ? 1 : documents.reduce(0) { $0 + $1.text.utf8.count } / documents.count
        let chunk = max(1, min(256, options.chunkBytes / max(1, averageText + 120)))
        var c = 0
        while c * chunk < count {
            let docs = documents[(c * chunk)..<min(count, (c + 1) * chunk)]
            let json = JSON.array(docs.map { d in
                .array([.string(d.url), .string(d.name), .string(d.department), .int(d.year), .string(d.amount), .string(d.text)])
            })
            files.append(("search/docs/\(c).json", json.bytes()))
            c += 1
        }
        // 5. Facets for the filters: department, year, kind of 一级指标.
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
        files.append(("search/facets/department.json", JSON.array(byDepartment.map { .string(PostingEncoding.encode($0, count: count)) }).bytes()))
        files.append(("search/facets/year.json", JSON.object(years.map { (String($0), .string(PostingEncoding.encode(byYear[$0]!, count: count))) }).bytes()))
        files.append(("search/facets/kind.json", JSON.object(SearchDocument.kinds.indices.map {
            (SearchDocument.kinds[$0].rawValue, .string(PostingEncoding.encode(byKind[$0], count: count)))
        }).bytes()))
        // 6. What the browser needs to find everything else.
        let meta = JSON.object([
            ("version", .int(1)),
            ("documents", .int(count)),
            ("shards", .int(shardCount)),
            ("chunk", .int(chunk)),
            ("departments", .array(departments.map { .string($0) })),
            ("years", .array(years.map { .int($0) })),
            ("kinds", .array(SearchDocument.kinds.map { .string($0.rawValue) })),
        ])
        files.append(("search/meta.json", meta.bytes()))
        return files
    }
}

/// Posting lists for the keys one worker owns, appended in document order.
struct PostingTable {
    /// Key (two code points, or one with 0xFFFFFFFF) → slot.
    var slots: [UInt64: Int] = [:]
    var postings: [[Int32]] = []
    var hashes: [UInt32] = []

    static func build(_ documents: [SearchDocument], worker: Int, of workers: Int) -> PostingTable {
        var table = PostingTable()
        table.slots.reserveCapacity(1 << 14)
        let w = UInt32(workers), me = UInt32(worker)
        var codes: [UInt32] = []
        for (id, doc) in documents.enumerated() {
            let doc32 = Int32(id)
            codes.removeAll(keepingCapacity: true)
            codes.append(contentsOf: SearchFold.fold(doc.text))
            var previous: UInt32?
            for c in codes {
                if SearchFold.isSpace(c) {
                    previous = nil
                    continue
                }
                let h1 = SearchFold.hash(c, nil)
                if h1 % w == me { table.add(UInt64(c) << 32 | 0xFFFF_FFFF, hash: h1, doc: doc32) }
                if let p = previous {
                    let h2 = SearchFold.hash(p, c)
                    if h2 % w == me { table.add(UInt64(p) << 32 | UInt64(c), hash: h2, doc: doc32) }
                }
                previous = c
            }
        }
        return table
    }

    @inline(__always)
    private mutating func add(_ key: UInt64, hash: UInt32, doc: Int32) {
        if let slot = slots[key] {
            if postings[slot].last != doc { postings[slot].append(doc) }
        } else {
            slots[key] = postings.count
            postings.append([doc])
            hashes.append(hash)
        }
    }

    func keyString(_ key: UInt64) -> String {
        var s = ""
        if let a = Unicode.Scalar(UInt32(key >> 32)) { s.unicodeScalars.append(a) }
        let low = UInt32(key & 0xFFFF_FFFF)
        if low != 0xFFFF_FFFF, let b = Unicode.Scalar(low) { s.unicodeScalars.append(b) }
        return s
    }
}
