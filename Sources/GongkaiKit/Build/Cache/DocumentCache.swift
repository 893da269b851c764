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
            // (Subtracted with overflow checked: the stamp comes from the cache.)
            size >= 0 && modified == now.modified && changed == now.changed && inode == now.inode && size == now.size
                && { let (age, overflow) = taken.subtractingReportingOverflow(max(modified, changed)); return !overflow && age > 2_000_000_000 }()
        }
    }

    let dir: String
    private var entries: [ByteKey: Entry] = [:]
    private let lock = NSLock()
    private var current: [ByteKey: Entry] = [:]
    private(set) var hits = 0
    /// Documents taken from the cache without reading them (their `stat` vouched for them).
    private(set) var untouched = 0

    /// Bounds the details decoded from cache files (none: kept once decoded).
    let memory: DetailsMemory?

    /// `trusted`: the cache was written by this gongkai; otherwise its documents are read again.
    init(dir: String, trusted: Bool = true, memory: DetailsMemory? = nil) {
        self.dir = dir
        self.memory = memory
        // Its folders are its own: a link in their place is removed, never written through.
        CacheFile.prepareDirectory(dir)
        CacheFile.prepareDirectory(dir + "/documents")
        if trusted, let data = CacheFile.read(dir + "/documents.bin", kind: .documents), let index = Self.decodeIndex(data) {
            entries = index
        }
    }

    /// The index of cached documents (`documents.bin`'s payload), or nil when it is damaged.
    static func decodeIndex(_ payload: [UInt8]) -> [ByteKey: Entry]? {
        var r = BinaryReader(payload)
        guard let list = try? r.array({ r in
            let path = try r.string()
            var entry = Entry(size: try r.int(), hash: try r.varint())
            entry.stamp.modified = try r.int()
            entry.stamp.changed = try r.int()
            entry.stamp.inode = try r.int()
            entry.stamp.size = try r.int()
            entry.stamp.taken = try r.int()
            return (path, entry)
        }), r.atEnd else { return nil }
        var entries: [ByteKey: Entry] = [:]
        for (path, entry) in list { entries[ByteKey(path)] = entry }
        return entries
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
        let name = file(hash, path)
        guard let (summary, detailsStart) = Self.summary(of: name) else { return nil }
        // Only the summary is read: each project's details are read from the file when a page,
        // a data row or the search text first needs them (`DetailsSource`).
        var r = BinaryReader(summary)
        guard let doc = try? r.document(details: DetailsSource(file: name, start: detailsStart, document: path, memory: memory)), r.atEnd, doc.path == path, doc.projects.allSatisfy({ $0.digest != nil }) else { return nil }
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
        let (doc, parts) = Self.digested(DocumentReader.read(path: path, bytes: bytes))
        let name = file(hash, path)
        let stored = Self.file(doc, parts)
        if (try? SafeFiles.writeAtomically(stored.bytes, to: name)) != nil, let memory {
            // From now on the details may be dropped and read again from the file.
            let source = DetailsSource(file: name, start: stored.start, document: path, memory: memory)
            for (i, place) in stored.details.enumerated() {
                doc.projects[i].detailsBox.stored(at: ProjectDetailsBox.Place(
                    source: source, offset: place.offset, length: place.length, checksum: place.checksum, index: i))
            }
        }
        return doc
    }

    /// A cache file: its summary (the document, each project saying where its details are
    /// and their checksum), preceded by its length and followed by its checksum, then all the
    /// projects' details:
    ///
    ///     [summary length: 8][summary][checksum: 8][details]
    ///
    /// Also where the details start, and where each project's are among them.
    static func file(_ doc: DocumentResult, _ parts: [(summary: [UInt8], details: [UInt8])]) -> (bytes: [UInt8], start: Int, details: [(offset: Int, length: Int, checksum: UInt64)]) {
        var details: [UInt8] = []
        var summaries: [[UInt8]] = []
        var places: [(offset: Int, length: Int, checksum: UInt64)] = []
        summaries.reserveCapacity(parts.count)
        places.reserveCapacity(parts.count)
        for part in parts {
            var w = BinaryWriter()
            w.bytes = part.summary
            let place = (offset: details.count, length: part.details.count, checksum: StreamingHash.of(part.details))
            w.int(place.offset)
            w.int(place.length)
            w.varint(place.checksum)
            details.append(contentsOf: part.details)
            summaries.append(w.bytes)
            places.append(place)
        }
        var s = BinaryWriter()
        s.document(doc, projects: summaries)
        var out: [UInt8] = []
        out.reserveCapacity(s.bytes.count + details.count + 16)
        func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        word(UInt64(s.bytes.count))
        out.append(contentsOf: s.bytes)
        word(StreamingHash.of(s.bytes))
        let start = out.count
        out.append(contentsOf: details)
        return (out, start, places)
    }

    /// A cache file's summary, when its checksum holds, and where the details start; read
    /// without the details (a file damaged there is read again from the document, never
    /// half-trusted).
    static func summary(of file: String) -> (summary: [UInt8], detailsStart: Int)? {
        let fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let header = Files.read(fd, count: 8, at: 0) else { return nil }
        let length = Int(truncatingIfNeeded: UInt64(littleEndian: header.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        guard length >= 0, length <= Int(st.st_size) - 16,
              let summary = Files.read(fd, count: length + 8, at: 8).flatMap(checked)
        else { return nil }
        return (summary, 8 + length + 8)
    }

    /// A part of a cache file without the checksum that ends it, when the checksum holds.
    static func checked(_ part: consuming [UInt8]) -> [UInt8]? {
        guard part.count >= 8 else { return nil }
        let body = part.count - 8
        let stored = part.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: body, as: UInt64.self) }
        let sum = part.withUnsafeBytes { StreamingHash.of(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        guard UInt64(littleEndian: stored) == sum else { return nil }
        part.removeLast(8)  // in place: the array handed over is not copied
        return part
    }

    /// The details part of one cache file: each project's details are read from it (and
    /// checked against their checksum in the summary) when they are needed, as often as the
    /// build's `DetailsMemory` dropped them. Should they be damaged or gone, the document is
    /// read again for them.
    final class DetailsSource: @unchecked Sendable {
        let file: String
        let start: Int
        let document: String
        let memory: DetailsMemory?
        private let lock = NSLock()
        private var reread: [ProjectDetails]?

        init(file: String, start: Int, document: String, memory: DetailsMemory?) {
            self.file = file
            self.start = start
            self.document = document
            self.memory = memory
        }

        func details(_ place: ProjectDetailsBox.Place) -> ProjectDetails {
            let fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                // The place comes from the cache: read only when it lies inside the file.
                var st = stat()
                let (at, overflow) = start.addingReportingOverflow(place.offset)
                let fits = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && !overflow && place.length <= Int(st.st_size) - at
                let bytes = fits ? Files.read(fd, count: place.length, at: at) : nil
                close(fd)
                if let bytes, StreamingHash.of(bytes) == place.checksum {
                    var r = BinaryReader(bytes)
                    if let details = try? r.details(), r.atEnd { return details }
                }
            }
            lock.lock()
            defer { lock.unlock() }
            if reread == nil {
                reread = Files.read(document).map { DocumentReader.read(path: document, bytes: $0).projects.map(\.details) } ?? []
            }
            return place.index < reread!.count ? reread![place.index] : ProjectDetails()
        }
    }

    /// The document with every project's digest made, and each project encoded once (its
    /// summary and its details; the digest hashes the bytes the cache file stores).
    static func digested(_ document: DocumentResult) -> (DocumentResult, [(summary: [UInt8], details: [UInt8])]) {
        var doc = document
        var parts: [(summary: [UInt8], details: [UInt8])] = []
        parts.reserveCapacity(doc.projects.count)
        for i in doc.projects.indices {
            let encoded = ProjectDigest.encoded(doc.projects[i])
            doc.projects[i].digest = ProjectDigest(doc.projects[i], summary: encoded.summary, details: encoded.details)
            parts.append(encoded)
        }
        return (doc, parts)
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
        try? CacheFile.write(w.bytes, kind: .documents, to: dir + "/documents.bin")
        if entries.isEmpty {
            // A first build (or an untrusted cache): whatever else is in the folder goes (links
            // removed, never followed).
            let keep = Set(current.map { ByteKey(file($0.value.hash, $0.key.path)) })
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir + "/documents")) ?? []
            where !keep.contains(ByteKey(dir + "/documents/" + name)) {
                SafeFiles.removeTree(dir + "/documents/" + name)
            }
        } else {
            // Otherwise exactly the files of documents that changed or went.
            for (path, entry) in entries where current[path]?.hash != entry.hash {
                unlink(file(entry.hash, path.path))
            }
        }
    }
}
