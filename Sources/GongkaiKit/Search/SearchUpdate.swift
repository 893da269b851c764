// Updating the search index in place when a few projects changed, with the same bytes a
// clean build writes.

import Foundation

/// What the previous build's index was made from, kept in the cache (`search.bin`).
struct SearchState: Equatable {
    var shardBytes: Int
    var chunkBytes: Int
    var shardCount: Int
    var chunk: Int
    /// The sum of `SearchIndex.keySize` over every key: what decides the number of shards.
    var total: Int
    /// The UTF-8 bytes of every document's text: what decides the chunk size.
    var textBytes: Int
    /// `SearchDocument.hash` of every document, by id.
    var hashes: [UInt64]

    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.int(shardBytes); w.int(chunkBytes); w.int(shardCount); w.int(chunk); w.int(total); w.int(textBytes)
        w.array(hashes) { $0.varint($1) }
        return w.bytes
    }

    static func load(cacheDir: String) -> SearchState? {
        FileManager.default.contents(atPath: cacheDir + "/search.bin").flatMap { decode([UInt8]($0)) }
    }

    func save(cacheDir: String) {
        try? Data(encoded()).write(to: URL(fileURLWithPath: cacheDir + "/search.bin"))
    }

    static func decode(_ bytes: [UInt8]) -> SearchState? {
        var r = BinaryReader(bytes)
        return try? SearchState(shardBytes: r.int(), chunkBytes: r.int(), shardCount: r.int(), chunk: r.int(),
                                total: r.int(), textBytes: r.int(), hashes: r.array { try $0.varint() })
    }
}

/// Patches the previous index: the changed documents' keys are taken out of and put into the
/// shards that hold them, their chunks are written again, every other file is kept. Only when
/// the ids of all documents stay the same and the number of shards and the chunk size do too;
/// otherwise the caller builds the index from scratch.
enum SearchUpdate {
    /// What an update did.
    struct Outcome {
        var state: SearchState
        /// Documents whose text or values changed.
        var changedDocuments: Int
        /// Files written again (the rest were kept).
        var rewrittenFiles: Int
    }

    /// Above this many changed documents a clean index is built instead.
    static func limit(_ count: Int) -> Int { max(64, count / 20) }

    /// - Parameters:
    ///   - documents: every document, its text not needed (`withText: false`).
    ///   - text: the text of a document, asked only for those that changed.
    ///   - read: the previous build's bytes of an index file, nil when it is missing or not
    ///     the file the previous build published.
    ///   - keep: keeps a previous index file as it is; false when it cannot.
    /// - Returns: nil when the index has to be built from scratch; nothing was emitted or kept then.
    static func apply(_ documents: [SearchDocument], text: (Int) -> String, previous: SearchState, options: SearchIndex.Options,
                      read: (String) -> [UInt8]?, keep: (String) -> Bool,
                      emit: (String, [UInt8]) throws -> Void) rethrows -> Outcome? {
        let count = documents.count
        guard count > 0, previous.hashes.count == count, previous.shardBytes == options.shardBytes,
              previous.chunkBytes == options.chunkBytes, previous.chunk > 0, previous.shardCount > 0
        else { return nil }
        let hashes = documents.map(\.hash)
        let changed = hashes.indices.filter { hashes[$0] != previous.hashes[$0] }
        guard changed.count <= limit(count) else { return nil }
        let chunks = (count + previous.chunk - 1) / previous.chunk

        // The previous chunks holding changed documents, as their entries.
        var oldChunks: [Int: [JSON]] = [:]
        for id in changed where oldChunks[id / previous.chunk] == nil {
            guard let bytes = read(SearchIndex.chunkPath(id / previous.chunk)), let entries = parseChunk(bytes) else { return nil }
            oldChunks[id / previous.chunk] = entries
        }
        // What each changed document adds to and removes from the postings.
        var additions: [UInt64: [Int32]] = [:]
        var removals: [UInt64: [Int32]] = [:]
        var textBytes = previous.textBytes
        var changedDocuments: [Int: SearchDocument] = [:]
        for id in changed {
            let c = id / previous.chunk
            guard let entries = oldChunks[c], entries.indices.contains(id - c * previous.chunk),
                  case .array(let fields) = entries[id - c * previous.chunk], fields.count == 6, case .string(let oldText) = fields[5]
            else { return nil }
            var document = documents[id]
            document.text = text(id)
            changedDocuments[id] = document
            let newText = document.text
            textBytes += newText.utf8.count - oldText.utf8.count
            let old = PostingTable.keys(of: oldText), new = PostingTable.keys(of: newText)
            var i = 0, j = 0
            while i < old.count || j < new.count {
                if j == new.count || (i < old.count && old[i] < new[j]) {
                    removals[old[i], default: []].append(Int32(id)); i += 1
                } else if i == old.count || new[j] < old[i] {
                    additions[new[j], default: []].append(Int32(id)); j += 1
                } else {
                    i += 1; j += 1
                }
            }
        }
        guard SearchIndex.chunkSize(textBytes: textBytes, documents: count, options: options) == previous.chunk else { return nil }

        // The shards those keys are in, patched; the total size follows each key's new count.
        var byShard: [Int: [UInt64]] = [:]
        for key in Set(additions.keys).union(removals.keys) {
            byShard[Int(PostingTable.hash(key) % UInt32(previous.shardCount)), default: []].append(key)
        }
        var total = previous.total
        var shards: [(Int, [UInt8])] = []
        for shard in byShard.keys.sorted() {
            guard let bytes = read(SearchIndex.shardPath(shard)), var postings = parseShard(bytes) else { return nil }
            for key in byShard[shard]! {
                var ids: [Int32] = []
                if let encoded = postings[key] {
                    guard let decoded = PostingEncoding.decode(encoded) else { return nil }
                    ids = decoded
                    total -= SearchIndex.keySize(postings: ids.count, documents: count)
                }
                if let gone = removals[key] {
                    let set = Set(gone)
                    ids.removeAll { set.contains($0) }
                }
                if let added = additions[key] {
                    ids.append(contentsOf: added)
                    ids.sort()
                }
                if ids.isEmpty {
                    postings[key] = nil
                } else {
                    postings[key] = PostingEncoding.encode(ids, count: count)
                    total += SearchIndex.keySize(postings: ids.count, documents: count)
                }
            }
            let pairs = postings.keys.sorted().map { (PostingTable.keyString($0), JSON.string(postings[$0]!)) }
            shards.append((shard, JSON.object(pairs).bytes()))
        }
        guard SearchIndex.shards(total: total, options: options) == previous.shardCount else { return nil }

        // Everything checked: the patched files are written, the others kept.
        var rewritten = Set<String>()
        for (shard, bytes) in shards {
            try emit(SearchIndex.shardPath(shard), bytes)
            rewritten.insert(SearchIndex.shardPath(shard))
        }
        for c in oldChunks.keys.sorted() {
            var entries = oldChunks[c]!
            for id in changed where id / previous.chunk == c { entries[id - c * previous.chunk] = changedDocuments[id]!.chunkEntry }
            try emit(SearchIndex.chunkPath(c), JSON.array(entries).bytes())
            rewritten.insert(SearchIndex.chunkPath(c))
        }
        try SearchIndex.writeFacets(documents.map(\.facet), shardCount: previous.shardCount, chunk: previous.chunk) { path, bytes in
            try emit(path, bytes)
            rewritten.insert(path)
        }
        for shard in 0..<previous.shardCount where !rewritten.contains(SearchIndex.shardPath(shard)) {
            if !keep(SearchIndex.shardPath(shard)) { return nil }
        }
        for c in 0..<chunks where !rewritten.contains(SearchIndex.chunkPath(c)) {
            if !keep(SearchIndex.chunkPath(c)) { return nil }
        }
        var state = previous
        state.total = total
        state.textBytes = textBytes
        state.hashes = hashes
        return Outcome(state: state, changedDocuments: changed.count, rewrittenFiles: rewritten.count)
    }

    /// A chunk file: an array of six-field entries.
    static func parseChunk(_ bytes: [UInt8]) -> [JSON]? {
        guard case .array(let entries)? = JSON.parse(bytes) else { return nil }
        for entry in entries {
            guard case .array(let fields) = entry, fields.count == 6 else { return nil }
        }
        return entries
    }

    /// A shard file: key → encoded posting list.
    static func parseShard(_ bytes: [UInt8]) -> [UInt64: String]? {
        guard case .object(let pairs)? = JSON.parse(bytes) else { return nil }
        var postings: [UInt64: String] = [:]
        postings.reserveCapacity(pairs.count)
        for (keyString, value) in pairs {
            guard let key = PostingTable.key(keyString), case .string(let encoded) = value, postings[key] == nil else { return nil }
            postings[key] = encoded
        }
        return postings
    }
}
