// What was read from each document, kept between builds: an unchanged document is not parsed again.

import Foundation

/// Documents already read, by path and content hash, stored in binary under the cache folder.
final class DocumentCache: @unchecked Sendable {
    struct Entry {
        var size: Int
        var hash: UInt64
    }

    let dir: String
    private var entries: [ByteKey: Entry] = [:]
    private let lock = NSLock()
    private var current: [ByteKey: Entry] = [:]
    private(set) var hits = 0

    /// `trusted`: the cache was written by this gongkai; otherwise its documents are read again.
    init(dir: String, trusted: Bool = true) {
        self.dir = dir
        if trusted, let data = FileManager.default.contents(atPath: dir + "/documents.bin") {
            var r = BinaryReader([UInt8](data))
            if let list = try? r.array({ r in (try r.string(), Entry(size: try r.int(), hash: try r.varint())) }) {
                for (path, entry) in list { entries[ByteKey(path)] = entry }
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
        var content = StableHash()
        bytes.withUnsafeBytes { content.combineWords($0) }
        let hash = content.value
        let entry = Entry(size: bytes.count, hash: hash)
        defer {
            lock.lock()
            current[ByteKey(path)] = entry
            lock.unlock()
        }
        if let known = entries[ByteKey(path)], known.size == entry.size, known.hash == hash,
            let data = Files.read(file(hash, path)),
            let checked = Self.checked(data)
        {
            // Projects' details stay encoded until a page or a data row needs them.
            var r = BinaryReader(checked)
            if let doc = try? r.document(), r.atEnd, doc.path == path, doc.projects.allSatisfy({ $0.digest != nil }) {
                lock.lock()
                hits += 1
                lock.unlock()
                return doc
            }
        }
        let doc = Self.digested(DocumentReader.read(path: path, bytes: bytes))
        var w = BinaryWriter()
        w.document(doc)
        var sum = StableHash()
        w.bytes.withUnsafeBytes { sum.combineWords($0) }
        withUnsafeBytes(of: sum.value.littleEndian) { w.bytes.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(atPath: dir + "/documents", withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: file(hash, path)))
        return doc
    }

    /// The document with every project's digest made.
    static func digested(_ document: DocumentResult) -> DocumentResult {
        var doc = document
        for i in doc.projects.indices { doc.projects[i].digest = ProjectDigest(doc.projects[i]) }
        return doc
    }

    /// A cache file without its checksum, when the checksum holds (a file damaged anywhere is
    /// read again from the document, never half-trusted).
    static func checked(_ bytes: consuming [UInt8]) -> [UInt8]? {
        guard bytes.count >= 8 else { return nil }
        let body = bytes.count - 8
        var sum = StableHash()
        bytes.withUnsafeBytes { sum.combineWords(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: body, as: UInt64.self) }
        guard UInt64(littleEndian: stored) == sum.value else { return nil }
        bytes.removeLast(8)  // in place: the caller's array is handed over, not copied
        return bytes
    }

    /// Saves the index of this build's documents and removes cache files no document uses.
    func save() {
        var w = BinaryWriter()
        w.array(current.sorted(by: { $0.key < $1.key })) { w, item in
            w.string(item.key.path)
            w.int(item.value.size)
            w.varint(item.value.hash)
        }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: dir + "/documents.bin"))
        let keep = Set(current.map { file($0.value.hash, $0.key.path) })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir + "/documents")) ?? [] where !keep.contains(dir + "/documents/" + name) {
            try? FileManager.default.removeItem(atPath: dir + "/documents/" + name)
        }
    }
}
