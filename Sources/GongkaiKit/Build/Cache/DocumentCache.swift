// What was read from each document, kept between builds: an unchanged document is not parsed again.

import Foundation

/// Documents already read, by path and content hash, stored in binary under the cache folder.
final class DocumentCache: @unchecked Sendable {
    struct Entry {
        var size: Int
        var hash: UInt64
        /// The file as `stat` saw it just before it was read (nanoseconds, inode), and when
        /// that was: an unchanged file is then not read again (see `unchanged`).
        var stamp = FileStamp()
    }

    /// What `stat` says of a file, enough to tell that it was not touched (as git's index does).
    struct FileStamp: Equatable {
        var modified: Int = 0
        var changed: Int = 0
        var inode: Int = 0
        var size: Int = -1
        /// When the file was stamped (and then read).
        var taken: Int = 0

        init() {}

        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            modified = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
            changed = Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec)
            inode = Int(st.st_ino)
            size = Int(st.st_size)
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            taken = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        }

        /// The same file, untouched since it was read, and not changed in the two seconds before
        /// it was read (a change within the file system's timestamp granularity could hide).
        func vouches(for now: FileStamp) -> Bool {
            size >= 0 && modified == now.modified && changed == now.changed && inode == now.inode && size == now.size
                && taken - max(modified, changed) > 2_000_000_000
        }
    }

    let dir: String
    private var entries: [ByteKey: Entry] = [:]
    private let lock = NSLock()
    private var current: [ByteKey: Entry] = [:]
    private(set) var hits = 0
    /// Documents taken from the cache without reading them (their `stat` vouched for them).
    private(set) var untouched = 0

    /// `trusted`: the cache was written by this gongkai; otherwise its documents are read again.
    init(dir: String, trusted: Bool = true) {
        self.dir = dir
        if trusted, let data = FileManager.default.contents(atPath: dir + "/documents.bin") {
            var r = BinaryReader([UInt8](data))
            if let list = try? r.array({ r in
                let path = try r.string()
                var entry = Entry(size: try r.int(), hash: try r.varint())
                entry.stamp.modified = try r.int()
                entry.stamp.changed = try r.int()
                entry.stamp.inode = try r.int()
                entry.stamp.size = try r.int()
                entry.stamp.taken = try r.int()
                return (path, entry)
            }) {
                for (path, entry) in list { entries[ByteKey(path)] = entry }
            }
        }
    }

    private func file(_ hash: UInt64, _ path: String) -> String {
        var h = StableHash()
        h.combine(path)
        return dir + "/documents/" + String(hash, radix: 16) + "-" + String(h.value, radix: 16) + ".bin"
    }

    /// The document from the cache without reading the file, when `stat` vouches that it is
    /// the file the cache read (same size, times and inode, not changed just before it was read).
    func unchanged(path: String, stamp: FileStamp?) -> DocumentResult? {
        guard let stamp, let known = entries[ByteKey(path)], known.stamp.vouches(for: stamp),
              let doc = cached(path: path, hash: known.hash)
        else { return nil }
        lock.lock()
        current[ByteKey(path)] = known
        untouched += 1
        lock.unlock()
        return doc
    }

    private func cached(path: String, hash: UInt64) -> DocumentResult? {
        guard let data = Files.read(file(hash, path)), let checked = Self.checked(data) else { return nil }
        // Projects' details stay encoded until a page or a data row needs them.
        var r = BinaryReader(checked)
        guard let doc = try? r.document(), r.atEnd, doc.path == path, doc.projects.allSatisfy({ $0.digest != nil }) else { return nil }
        lock.lock()
        hits += 1
        lock.unlock()
        return doc
    }

    /// The document read from these bytes, from the cache or by reading it now. `stamp`: the
    /// file as `stat` saw it before it was read.
    func read(path: String, bytes: [UInt8], stamp: FileStamp? = nil) -> DocumentResult {
        let hash = StreamingHash.of(bytes)
        var entry = Entry(size: bytes.count, hash: hash)
        if let stamp { entry.stamp = stamp }
        defer {
            lock.lock()
            current[ByteKey(path)] = entry
            lock.unlock()
        }
        if let known = entries[ByteKey(path)], known.size == entry.size, known.hash == hash,
            let doc = cached(path: path, hash: hash)
        {
            return doc
        }
        let (doc, encoded) = Self.digested(DocumentReader.read(path: path, bytes: bytes))
        var w = BinaryWriter()
        w.document(doc, encodedProjects: encoded)
        withUnsafeBytes(of: StreamingHash.of(w.bytes).littleEndian) { w.bytes.append(contentsOf: $0) }
        try? FileManager.default.createDirectory(atPath: dir + "/documents", withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: file(hash, path)))
        return doc
    }

    /// The document with every project's digest made, and each project encoded (once: the digest hashes the bytes the cache file stores).
    static func digested(_ document: DocumentResult) -> (DocumentResult, [[UInt8]]) {
        var doc = document
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(doc.projects.count)
        for i in doc.projects.indices {
            var w = BinaryWriter()
            w.project(doc.projects[i])
            doc.projects[i].digest = ProjectDigest(doc.projects[i], encoded: w.bytes)
            encoded.append(w.bytes)
        }
        return (doc, encoded)
    }

    /// A cache file without its checksum, when the checksum holds (a file damaged anywhere is
    /// read again from the document, never half-trusted).
    static func checked(_ bytes: consuming [UInt8]) -> [UInt8]? {
        guard bytes.count >= 8 else { return nil }
        let body = bytes.count - 8
        let sum = bytes.withUnsafeBytes { StreamingHash.of(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: body, as: UInt64.self) }
        guard UInt64(littleEndian: stored) == sum else { return nil }
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
            let s = item.value.stamp
            w.int(s.modified); w.int(s.changed); w.int(s.inode); w.int(s.size); w.int(s.taken)
        }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: dir + "/documents.bin"))
        if entries.isEmpty {
            // A first build (or an untrusted cache): whatever else is in the folder goes.
            let keep = Set(current.map { ByteKey(file($0.value.hash, $0.key.path)) })
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir + "/documents")) ?? []
            where !keep.contains(ByteKey(dir + "/documents/" + name)) {
                try? FileManager.default.removeItem(atPath: dir + "/documents/" + name)
            }
        } else {
            // Otherwise exactly the files of documents that changed or went.
            for (path, entry) in entries where current[path]?.hash != entry.hash {
                unlink(file(entry.hash, path.path))
            }
        }
    }
}
