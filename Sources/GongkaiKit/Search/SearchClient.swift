// Querying a built search index from Swift: the same steps search.js takes in the browser.

import Foundation

/// Runs queries against the files of a built index (`Public/search/`), as the browser does:
/// fold the query, look up the shards of its keys, intersect, then check each candidate's text.
public struct SearchClient {
    public struct Result: Equatable {
        public var id: Int
        public var url: String
        public var name: String
        public var department: String
        public var year: Int
    }

    let directory: String
    let documentCount: Int
    let shardCount: Int
    let chunk: Int
    private var shards: [Int: [String: String]] = [:]
    private var chunks: [Int: [[Any]]] = [:]
    /// Bytes of index files read so far (what a browser would download).
    public private(set) var bytesRead = 0
    public private(set) var filesRead = 0

    public init(directory: String) throws {
        self.directory = directory
        let meta = try Self.json(directory + "/meta.json") as? [String: Any] ?? [:]
        documentCount = meta["documents"] as? Int ?? 0
        shardCount = max(1, meta["shards"] as? Int ?? 1)
        chunk = max(1, meta["chunk"] as? Int ?? 1)
    }

    private static func json(_ path: String) throws -> Any {
        guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError.output("cannot read \(path)") }
        return try JSONSerialization.jsonObject(with: data)
    }

    private mutating func read(_ relative: String) throws -> Any {
        let path = directory + "/" + relative
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        bytesRead += size
        filesRead += 1
        return try Self.json(path)
    }

    /// The projects whose folded text contains every whitespace-separated term of `query`.
    public mutating func search(_ query: String) throws -> [Result] {
        let terms = Self.terms(query)
        guard !terms.isEmpty else { return [] }
        var lists: [[Int32]] = []
        for term in terms {
            let keys: [(UInt32, UInt32?)] = term.count == 1 ? [(term[0], nil)] : (0..<term.count - 1).map { (term[$0], term[$0 + 1]) }
            for (a, b) in keys {
                let shard = Int(SearchFold.hash(a, b) % UInt32(shardCount))
                if shards[shard] == nil { shards[shard] = try read("shards/\(shard).json") as? [String: String] ?? [:] }
                var key = ""
                if let s = Unicode.Scalar(a) { key.unicodeScalars.append(s) }
                if let b, let s = Unicode.Scalar(b) { key.unicodeScalars.append(s) }
                lists.append(shards[shard]?[key].flatMap(PostingEncoding.decode) ?? [])
            }
        }
        var candidates = lists.sorted { $0.count < $1.count }.first ?? []
        for list in lists {
            let set = Set(list)
            candidates = candidates.filter { set.contains($0) }
        }
        let needles = terms.map { codes -> String in
            var s = ""
            for c in codes { if let u = Unicode.Scalar(c) { s.unicodeScalars.append(u) } }
            return s
        }
        var results: [Result] = []
        for id in candidates.map(Int.init) {
            let c = id / chunk
            if chunks[c] == nil { chunks[c] = try read("docs/\(c).json") as? [[Any]] ?? [] }
            guard let doc = chunks[c]?[id % chunk], doc.count >= 6, let text = doc[5] as? String else { continue }
            let folded = SearchFold.foldedString(text)
            guard needles.allSatisfy({ folded.utf8Contains($0) }) else { continue }
            results.append(Result(id: id, url: doc[0] as? String ?? "", name: doc[1] as? String ?? "",
                                  department: doc[2] as? String ?? "", year: doc[3] as? Int ?? 0))
        }
        return results
    }

    /// Folded terms of a query, split on whitespace.
    static func terms(_ query: String) -> [[UInt32]] {
        var out: [[UInt32]] = []
        var current: [UInt32] = []
        for c in SearchFold.fold(query) {
            if SearchFold.isSpace(c) {
                if !current.isEmpty { out.append(current) }
                current = []
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
