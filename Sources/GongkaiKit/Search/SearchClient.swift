// Querying a built search index from Swift: the same steps search.js takes in the browser.

import Foundation

/// Runs queries against the files of a built index (`Public/search/`) as search.js does:
/// normalise the query's terms, read the shards of their keys, decide from the lists which
/// documents contain each term and in which field, rank, then read the records of the results.
public struct SearchClient {
    public struct Result: Equatable {
        public var id: Int
        /// The page's path relative to the site's root.
        public var path: String
        public var name: String
        public var department: String
        public var year: Int
        public var amount: String
        /// For each term, the best field it occurs in (`SearchDocument.Field` raw values).
        public var fields: [UInt8]
    }

    /// How results are ordered: by relevance (the default), by amount or by year.
    public enum Order: String, Sendable {
        case relevance, amount, year
    }

    let directory: String
    let documentCount: Int
    let shardCount: Int
    let recordChunk: Int
    let maxQuery: Int
    let maxTerms: Int
    private var shards: [Int: [UInt64: [UInt8]]] = [:]
    private var records: [Int: [[Any]]] = [:]
    private var years: [Int32: Int] = [:]
    /// Bytes of index files read so far (what a browser would download), and how many files.
    public private(set) var bytesRead = 0
    public private(set) var filesRead = 0
    /// Whether the last query was cut to `maxQuery` characters or `maxTerms` terms.
    public private(set) var capped = false

    public init(directory: String) throws {
        self.directory = directory
        let meta = try Self.json(directory + "/meta.json") as? [String: Any] ?? [:]
        documentCount = meta["documents"] as? Int ?? 0
        shardCount = max(1, meta["shards"] as? Int ?? 1)
        recordChunk = max(1, meta["records"] as? Int ?? 1)
        maxQuery = meta["maxQuery"] as? Int ?? SearchIndex.maxQuery
        maxTerms = meta["maxTerms"] as? Int ?? SearchIndex.maxTerms
    }

    private static func json(_ path: String) throws -> Any {
        guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError.output(Localized(zh: "无法读取 \(path)", en: "cannot read \(path)")) }
        return try JSONSerialization.jsonObject(with: data)
    }

    private mutating func read(_ relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else {
            throw PipelineError.output(Localized(zh: "无法读取 \(directory)/\(relative)", en: "cannot read \(directory)/\(relative)"))
        }
        bytesRead += data.count
        filesRead += 1
        return [UInt8](data)
    }

    /// The list of a key (empty when the index has none).
    private mutating func list(_ codes: [UInt32]) throws -> [UInt8] {
        let shard = Int(SearchFold.hash(codes) % UInt32(shardCount))
        if shards[shard] == nil {
            guard let parsed = IndexFormat.parseShard(try read("shards/\(shard).bin")) else {
                throw PipelineError.output(Localized(zh: "search/shards/\(shard).bin 不是搜索索引的分片文件", en: "search/shards/\(shard).bin is not a shard file"))
            }
            shards[shard] = parsed
        }
        let key = codes.reduce(UInt64(0)) { $0 << 21 | UInt64($1) }
        return shards[shard]?[key] ?? []
    }

    /// The query's terms, cut to `maxTerms` terms and `maxQuery` characters in all.
    func terms(_ query: String) -> (terms: [[UInt32]], capped: Bool) {
        var out: [[UInt32]] = []
        var left = maxQuery
        var capped = false
        for term in SearchFold.terms(query) {
            guard out.count < maxTerms, left > 0 else { capped = true; break }
            if term.count > left { capped = true }
            out.append(Array(term.prefix(left)))
            left -= min(left, term.count)
        }
        return (out, capped)
    }

    /// The documents that contain `term`, each with the fields it occurs in.
    mutating func documents(containing term: [UInt32]) throws -> [Int32: UInt8] {
        var out: [Int32: UInt8] = [:]
        if term.count <= 2 {
            guard let docs = IndexFormat.documents(try list(term), documents: documentCount) else { throw PipelineError.output(Localized(zh: "搜索索引的列表已损坏", en: "a damaged list in the search index")) }
            for d in docs { out[d.doc] = d.fields }
            return out
        }
        // Three-character pieces at offsets 0, 3, 6, … and the last: together they cover the
        // term, and the term is at p when each piece is at p + its offset.
        var offsets = Array(stride(from: 0, to: term.count - 2, by: 3))
        if offsets.last != term.count - 3 { offsets.append(term.count - 3) }
        var pieces: [[Int32: [(Int32, UInt8)]]] = []
        for o in offsets {
            guard let occurrences = IndexFormat.occurrences(try list(Array(term[o..<o + 3]))) else { throw PipelineError.output(Localized(zh: "搜索索引的列表已损坏", en: "a damaged list in the search index")) }
            var byDoc: [Int32: [(Int32, UInt8)]] = [:]
            for x in occurrences { byDoc[x.doc, default: []].append((x.position, x.field)) }
            pieces.append(byDoc)
        }
        for (doc, starts) in pieces[0] {
            let others = pieces.dropFirst().map { $0[doc].map { Set($0.map(\.0)) } }
            guard others.allSatisfy({ $0 != nil }) else { continue }
            for (p, field) in starts where zip(offsets.dropFirst(), others).allSatisfy({ $1!.contains(p + Int32($0)) }) {
                out[doc, default: 0] |= 1 << field
            }
        }
        return out
    }

    /// The projects whose cells contain every term of `query`, ranked as search.js ranks them.
    public mutating func search(_ query: String, order: Order = .relevance) throws -> [Result] {
        let (terms, capped) = terms(query)
        self.capped = capped
        guard !terms.isEmpty else { return [] }
        var matched: [Int32: [UInt8]]?
        for term in terms {
            let docs = try documents(containing: term)
            var next: [Int32: [UInt8]] = [:]
            for (doc, fields) in docs {
                if let m = matched {
                    if let before = m[doc] { next[doc] = before + [fields] }
                } else {
                    next[doc] = [fields]
                }
            }
            matched = next
        }
        let lengths = terms.map(\.count)
        var ranked: [(id: Int32, key: [Int], fields: [UInt8])] = []
        for (doc, masks) in matched ?? [:] {
            let best = masks.map { UInt8($0.trailingZeroBitCount) }
            var key: [Int] = []
            for f in 0..<3 { key.append(zip(best, lengths).reduce(0) { $0 + ($1.0 <= f ? $1.1 : 0) }) }
            ranked.append((doc, key, best))
        }
        if order == .year && years.isEmpty { try loadYears() }
        ranked.sort { a, b in
            switch order {
            case .amount: return a.id < b.id
            case .year:
                let (ya, yb) = (years[a.id] ?? 0, years[b.id] ?? 0)
                if ya != yb { return ya > yb }
            case .relevance: break
            }
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key, by: >) }
            return a.id < b.id
        }
        var results: [Result] = []
        for r in ranked {
            let c = Int(r.id) / recordChunk
            if records[c] == nil {
                records[c] = try JSONSerialization.jsonObject(with: Data(try read("records/\(c).json"))) as? [[Any]] ?? []
            }
            guard let record = records[c]?[Int(r.id) % recordChunk], record.count == 5 else { continue }
            let name = record[1] as? String ?? "", department = record[2] as? String ?? "", year = record[3] as? Int ?? 0
            let stored = record[0] as? String ?? ""
            results.append(Result(id: Int(r.id), path: stored.isEmpty ? "\(department)/\(year)/\(name).html" : stored,
                                  name: name, department: department, year: year, amount: record[4] as? String ?? "",
                                  fields: r.fields))
        }
        return results
    }

    private mutating func loadYears() throws {
        let facet = try JSONSerialization.jsonObject(with: Data(try read("facets/year.json"))) as? [String: String] ?? [:]
        for (year, postings) in facet {
            for id in PostingEncoding.decode(postings) ?? [] { years[id] = Int(year) ?? 0 }
        }
    }
}
