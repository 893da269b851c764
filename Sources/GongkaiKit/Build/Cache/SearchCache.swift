// The search index's state in the cache, tied to the manifest of the output it describes.

/// `SearchState` in a cache file, with the seal of the output manifest saved with it: the
/// previous index is patched only when the state and the manifest come from the same build
/// (a build killed between saving the two leaves them apart), and when its numbers are in the
/// ranges an index can have.
enum SearchCache {
    static func save(_ state: SearchState, cacheDir: String, seal: UInt64) {
        var w = BinaryWriter()
        w.varint(seal)
        w.bytes += state.encoded()
        try? CacheFile.write(w.bytes, kind: .search, to: cacheDir + "/search.bin")
    }

    static func load(cacheDir: String, seal: UInt64) -> SearchState? {
        guard let payload = CacheFile.read(cacheDir + "/search.bin", kind: .search) else { return nil }
        return decode(payload, seal: seal)
    }

    /// The state of a cache file's payload, when it was saved with this seal and is plausible.
    static func decode(_ payload: [UInt8], seal: UInt64) -> SearchState? {
        var r = BinaryReader(payload)
        guard (try? r.varint()) == seal, let state = SearchState.decode(Array(payload[r.position...])) else { return nil }
        let limit = 1 << 40
        guard (1...limit).contains(state.layout.shards), (1...limit).contains(state.layout.recordChunk),
              (1...limit).contains(state.layout.textChunk), (0...limit).contains(state.listBytes),
              (0...limit).contains(state.recordBytes), (0...limit).contains(state.textBytes), state.hashes.count <= limit
        else { return nil }
        return state
    }
}
