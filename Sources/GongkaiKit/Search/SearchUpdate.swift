// Keeping the previous search index when a rebuild would write the same files.

import Foundation

/// What the previous build's index was made from, kept in the cache (`search.bin`).
struct SearchState: Equatable {
    /// How the index is split into files.
    struct Layout: Equatable {
        var shards: Int
        var recordChunk: Int
        var textChunk: Int
    }

    var options: SearchIndex.Options
    var layout: Layout
    /// `SearchDocument.hash` of every document, by id.
    var hashes: [UInt64]

    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.int(2)  // the index's format
        w.int(options.shardBytes); w.int(options.recordBytes); w.int(options.textBytes)
        w.int(layout.shards); w.int(layout.recordChunk); w.int(layout.textChunk)
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
        guard (try? r.int()) == 2 else { return nil }
        return try? SearchState(options: SearchIndex.Options(shardBytes: r.int(), recordBytes: r.int(), textBytes: r.int()),
                                layout: Layout(shards: r.int(), recordChunk: r.int(), textChunk: r.int()),
                                hashes: r.array { try $0.varint() })
    }
}

/// The one way a rebuild reuses the previous index: when every document hashes as it did (and
/// the options are the same), the index is the same function of the same input, and every
/// previous file the build published is kept as it is. Any change builds the index from
/// scratch: its ids follow the amounts, its shards the sizes of all lists, so a patch would have
/// to prove it equals a clean build file by file; a clean build is its own proof.
enum SearchUpdate {
    /// What an update did.
    struct Outcome {
        var state: SearchState
        /// Documents whose text or values changed (0: the index was kept).
        var changedDocuments: Int
        /// Files written again (the rest were kept).
        var rewrittenFiles: Int
    }

    /// - Parameters:
    ///   - documents: every document by id, its cells not needed (`withText: false`).
    ///   - keep: keeps all these files of the previous build as they are, or (false) none.
    /// - Returns: nil when the index has to be built from scratch.
    static func apply(_ documents: [SearchDocument], previous: SearchState, options: SearchIndex.Options,
                      keep: ([String]) -> Bool) -> Outcome? {
        guard previous.options == options, previous.hashes.count == documents.count,
              documents.indices.allSatisfy({ documents[$0].hash == previous.hashes[$0] })
        else { return nil }
        guard keep(SearchIndex.paths(documents: documents.count, layout: previous.layout)) else { return nil }
        return Outcome(state: previous, changedDocuments: 0, rewrittenFiles: 0)
    }
}
