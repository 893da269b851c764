// What was read from each document, kept between builds: an unchanged document is not parsed again.

import Foundation

/// Documents already read, by path and content hash, stored in binary under the cache folder.
final class DocumentCache: @unchecked Sendable {
    struct Entry {
        var size: Int
        var hash: UInt64
    }

    let dir: String
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()
    private var current: [String: Entry] = [:]
    private(set) var hits = 0

    /// `trusted`: the cache was written by this gongkai; otherwise its documents are read again.
    init(dir: String, trusted: Bool = true) {
        self.dir = dir
        if trusted, let data = FileManager.default.contents(atPath: dir + "/documents.bin") {
            var r = BinaryReader([UInt8](data))
            if let list = try? r.array({ r in (try r.string(), Entry(size: try r.int(), hash: try r.varint())) }) {
                for (path, entry) in list { entries[path] = entry }
            }
        }
    }

    private func file(_ hash: UInt64, _ path: String) -> String {
        var h = StableHash()
        h.combine(path)
        return dir + "/documents/" + String(hash, radix: 16) + "-" + String(h.value, radix: 16) + ".bin"
    }

    /// The document read from these bytes, from the cache or by reading it now.
    func read(path: String, bytes: [UInt8]) -> DocumentResult {
        let hash = StableHash.of(bytes)
        let entry = Entry(size: bytes.count, hash: hash)
        defer {
            lock.lock()
            current[path] = entry
            lock.unlock()
        }
        if let known = entries[path], known.size == entry.size, known.hash == hash,
            let data = FileManager.default.contents(atPath: file(hash, path))
        {
            var r = BinaryReader([UInt8](data))
            if let doc = try? r.document(), doc.path == path {
                lock.lock()
                hits += 1
                lock.unlock()
                return doc
            }
        }
        let doc = DocumentReader.read(path: path, bytes: bytes)
        var w = BinaryWriter()
        w.document(doc)
        try? FileManager.default.createDirectory(atPath: dir + "/documents", withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: file(hash, path)))
        return doc
    }

    /// Saves the index of this build's documents and removes cache files no document uses.
    func save() {
        var w = BinaryWriter()
        w.array(current.keys.sorted()) { w, path in
            w.string(path)
            w.int(current[path]!.size)
            w.varint(current[path]!.hash)
        }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: dir + "/documents.bin"))
        let keep = Set(current.map { file($0.value.hash, $0.key) })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir + "/documents")) ?? [] where !keep.contains(dir + "/documents/" + name) {
            try? FileManager.default.removeItem(atPath: dir + "/documents/" + name)
        }
    }
}
