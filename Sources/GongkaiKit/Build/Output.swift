// Writing the site: files go to a staging directory; only when the whole build succeeded are
// they moved into the output directory, and only the files that changed.

import Foundation

/// Errors that stop a build. Content problems are diagnostics, not these.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    /// A mistake in how gongkai was called (exit status 2).
    case usage(Localized)
    /// A theme that cannot be used; the message names the file, line and column.
    case theme(Localized)
    /// The output could not be written.
    case output(Localized)

    /// Transitional: a message in English only, until its site is translated.
    @available(*, deprecated, message: "give the message in Chinese and English: .usage(Localized(zh:en:))")
    public static func usage(_ english: String) -> PipelineError { .usage(Localized(zh: english, en: english)) }
    @available(*, deprecated, message: "give the message in Chinese and English: .output(Localized(zh:en:))")
    public static func output(_ english: String) -> PipelineError { .output(Localized(zh: english, en: english)) }

    /// The message as printed: `错误：…` / `error: …` (a theme's messages carry their own
    /// `file:line:column: 错误:`).
    public func message(_ language: Language) -> String {
        switch self {
        case .usage(let m), .output(let m): "\(Severity.error.name(language)): \(m.text(language))"
        case .theme(let m): m.text(language)
        }
    }

    public var description: String { message(.zh) }
}

/// What the previous build wrote: each file's content hash, and for pages the fingerprint of
/// what they were rendered from.
struct OutputManifest {
    struct Entry: Equatable {
        var fingerprint: UInt64
        var hash: UInt64
        /// The entry's term of the seal (`sealTerm`): made once, when the file is written or
        /// the manifest read, and carried along with the entry when a file is kept.
        var term: UInt64

        init(path: ByteKey, fingerprint: UInt64, hash: UInt64) {
            self.fingerprint = fingerprint
            self.hash = hash
            term = OutputManifest.sealTerm(path, hash: hash)
        }
    }

    private(set) var entries: [ByteKey: Entry] = [:]
    /// The sum of the entries' terms, kept as entries are added or replaced.
    private var sum: UInt64 = 0

    subscript(path path: String) -> Entry? { entries[ByteKey(path)] }

    /// Adds or replaces the entry of `key`; true when the manifest had none.
    @discardableResult
    mutating func insert(_ key: ByteKey, _ entry: Entry) -> Bool {
        let old = entries.updateValue(entry, forKey: key)
        sum = sum &- (old?.term ?? 0) &+ entry.term
        return old == nil
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// Every entry's fingerprint set to 0 (the seal does not depend on fingerprints).
    mutating func forgetFingerprints() {
        for key in entries.keys { entries[key]!.fingerprint = 0 }
    }

    /// A hash of every (path, content hash): written into the site as `.gongkai-build`, so a
    /// cache can tell whether the output directory is still the one it describes. The sum of
    /// each file's term, so that it needs no order (25,000 paths are not sorted for it), kept
    /// as the manifest grows (a rebuild's publishing does not hash every path again).
    var seal: UInt64 { sum }

    static func sealTerm(_ path: ByteKey, hash: UInt64) -> UInt64 {
        var h = StableHash()
        h.combine(path.path)
        h.combine(hash)
        return h.value
    }

    /// The manifest in the cache (in no particular order: it is read back into a dictionary).
    func encoded() -> [UInt8] {
        // `array`'s layout, written straight from the dictionary (no array of its entries, no
        // copy of each path for `withUTF8`).
        var w = BinaryWriter()
        w.bytes.reserveCapacity(entries.count * 128)
        w.varint(UInt64(entries.count))
        for (key, entry) in entries {
            key.path.withUTF8Bytes { path in
                w.varint(UInt64(path.count))
                w.bytes.append(contentsOf: path)
            }
            w.varint(entry.fingerprint)
            w.varint(entry.hash)
        }
        return w.bytes
    }

    /// The manifest (its seal worked out while reading).
    static func decode(_ bytes: [UInt8]) throws -> OutputManifest {
        var r = BinaryReader(bytes)
        var m = OutputManifest()
        // The count first, so that the dictionary is made its size at once (`array`'s layout).
        let count = Int(try r.varint())
        guard count >= 0, count <= bytes.count else { throw BinaryReader.Damaged() }
        m.entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = ByteKey(try r.string())
            // A path listed twice would make the manifest differ from what was written.
            guard m.insert(key, Entry(path: key, fingerprint: try r.varint(), hash: try r.varint())) else { throw BinaryReader.Damaged() }
        }
        return m
    }
}

/// A string as a dictionary key, hashed and compared by its UTF-8 bytes: Swift's `String`
/// hashing normalises Unicode, which is slow for Chinese text; for file paths two names that
/// differ in bytes are two files, and keys sort the same way on every machine. Where canonical
/// equivalence matters (department names), the caller normalises first.
struct ByteKey: Hashable, Comparable, Sendable {
    let path: String
    /// A hash of the bytes, made once (a key is hashed again when a table grows, and compared
    /// on every probe: keys that differ mostly differ here, without reading their bytes).
    let bytesHash: UInt64

    init(_ path: String) {
        var p = path
        p.makeContiguousUTF8()
        self.path = p
        var h = StableHash()
        p.withUTF8 { h.combineWords(UnsafeRawBufferPointer($0)) }
        bytesHash = h.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytesHash == b.bytesHash && a.path.utf8Equals(b.path) }
    static func < (a: ByteKey, b: ByteKey) -> Bool { a.path.utf8Compare(b.path) < 0 }
}

/// The output of one build: staged files, the previous build's manifest, and the commit.
final class StagedOutput: @unchecked Sendable {
    static let sealFile = ".gongkai-build"

    let finalPath: String
    let stagingPath: String
    let cacheDir: String
    /// The previous build's manifest, when the output directory is still the one it describes.
    private(set) var previous: OutputManifest?
    private let lock = NSLock()
    private var current = OutputManifest()
    /// How many of this build's files the previous manifest has too: when all of them, no
    /// file was removed (found without looking up every previous path).
    private var carried = 0
    /// Files written to staging that must be moved into the output directory.
    private var changed: [String] = []
    private(set) var fileCount = 0
    private(set) var byteCount = 0
    private(set) var reused = 0
    var changedCount: Int { lock.lock(); defer { lock.unlock() }; return changed.count }

    /// The content hash this build gave a file.
    func hash(of relative: String) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return current[path: relative]?.hash
    }

    /// The build cache of an output directory: `cacheDir` when given, else `.gongkai-cache/<name>`
    /// beside it.
    static func cacheDirectory(outputDir: String, cacheDir: String?) -> String {
        let url = URL(fileURLWithPath: outputDir).standardizedFileURL
        return cacheDir ?? url.deletingLastPathComponent().path + "/.gongkai-cache/" + url.lastPathComponent
    }

    init(outputDir: String, cacheDir: String? = nil) throws {
        let url = URL(fileURLWithPath: outputDir).standardizedFileURL
        finalPath = url.path
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        stagingPath = parent + "/.\(name).building-\(ProcessInfo.processInfo.processIdentifier)"
        self.cacheDir = Self.cacheDirectory(outputDir: outputDir, cacheDir: cacheDir)
        let fm = FileManager.default
        try? fm.removeItem(atPath: stagingPath)
        do {
            try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.output(Localized(zh: "无法创建 ‘\(stagingPath)’：\(error.localizedDescription)", en: "cannot create ‘\(stagingPath)’: \(error.localizedDescription)"))
        }
        // An interrupted commit of an earlier build is finished first.
        StagedOutput.finishInterruptedCommit(cacheDir: self.cacheDir, finalPath: finalPath)
        var previous: OutputManifest?
        if let bytes = fm.contents(atPath: self.cacheDir + "/outputs.bin"), let decoded = try? OutputManifest.decode([UInt8](bytes)),
            let seal = fm.contents(atPath: finalPath + "/" + StagedOutput.sealFile),
            String(decoding: seal, as: UTF8.self) == String(decoded.seal, radix: 16) + "\n"
        {
            previous = decoded
        }
        self.previous = previous
        // Which of its files are there, from one listing of each folder (a rebuild asks for
        // tens of thousands of them, one `lstat` each otherwise).
        if previous != nil {
            var files = Set<ByteKey>()
            // A name that is not UTF-8 cannot be told apart from its repaired form: then each
            // file is asked about on its own, as before.
            if StagedOutput.listFiles(finalPath, "", into: &files) { published = files }
        }
        // This build's manifest grows to about the previous one's size: room made once.
        current.reserveCapacity(previous?.entries.count ?? 0)
    }

    /// Keeps the previous build's content hashes (unchanged files are still not rewritten) but
    /// not its fingerprints, so every page is rendered again.
    func forgetFingerprints() {
        previous?.forgetFingerprints()
    }

    /// The files of the output directory when this build started (relative paths), when it has
    /// a previous build.
    private var published: Set<ByteKey>?

    private func exists(_ relative: String) -> Bool { exists(ByteKey(relative)) }

    private func exists(_ key: ByteKey) -> Bool {
        if let published { return published.contains(key) }
        var st = stat()
        return lstat(finalPath + "/" + key.path, &st) == 0
    }

    /// Adds the paths (relative to `root`) of everything but folders under `root/relative`;
    /// false when a name is not UTF-8.
    private static func listFiles(_ root: String, _ relative: String, into files: inout Set<ByteKey>) -> Bool {
        var folders: [String] = []
        let listed = Files.forEachEntry(in: relative.isEmpty ? root : root + "/" + relative) { nameBytes, type in
            guard let name = String(validating: nameBytes, as: UTF8.self) else { return false }
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = type == Int32(DT_DIR)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                isFolder = lstat(root + "/" + path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(path) } else { files.insert(ByteKey(path)) }
            return true
        }
        guard listed else { return false }
        for folder in folders where !listFiles(root, folder, into: &files) { return false }
        return true
    }

    /// Whether a page rendered from the same inputs last time can be kept as it is.
    func reuse(_ relative: String, fingerprint: UInt64) -> Bool {
        var kept = Kept()
        guard reusable(relative, fingerprint: fingerprint, into: &kept) else { return false }
        keep(kept)
        return true
    }

    /// Pages of the previous build found reusable, to be kept together (`keep(_:)`).
    struct Kept {
        fileprivate var entries: [(ByteKey, OutputManifest.Entry)] = []
    }

    /// Whether a page rendered from the same inputs last time can be kept as it is: then it is
    /// added to `kept`, for `keep(_:)` (which takes the lock once for many pages).
    func reusable(_ relative: String, fingerprint: UInt64, into kept: inout Kept) -> Bool {
        // One key, looked up once in the previous manifest (this runs for every page).
        guard fingerprint != 0, let previous else { return false }
        let key = ByteKey(relative)
        guard let old = previous.entries[key], old.fingerprint == fingerprint, exists(key) else { return false }
        kept.entries.append((key, old))
        return true
    }

    /// Keeps the pages found reusable.
    func keep(_ kept: Kept) {
        guard !kept.entries.isEmpty else { return }
        lock.lock()
        for (key, entry) in kept.entries where current.insert(key, entry) { carried += 1 }
        fileCount += kept.entries.count
        reused += kept.entries.count
        lock.unlock()
    }

    /// Keeps all of these files of the previous build when every one was made from inputs of
    /// this fingerprint and is still there; else none.
    func keep(_ relatives: [String], fingerprint: UInt64) -> Bool {
        guard fingerprint != 0, let previous, !relatives.isEmpty,
              relatives.allSatisfy({ previous[path: $0]?.fingerprint == fingerprint })
        else { return false }
        return keep(relatives)
    }

    /// `first` and the parts that the previous build listed after it (`part(1)`, `part(2)`,
    /// … as long as the previous manifest has them): a file that may have been split.
    func series(_ first: String, parts part: (Int) -> String) -> [String] {
        var files = [first]
        while previous?[path: part(files.count)] != nil { files.append(part(files.count)) }
        return files
    }

    /// Keeps a file of the previous build as it is; false when there is none.
    func keep(_ relative: String) -> Bool {
        let key = ByteKey(relative)
        guard let old = previous?.entries[key], exists(key) else { return false }
        lock.lock()
        if current.insert(key, old) { carried += 1 }
        fileCount += 1
        lock.unlock()
        return true
    }

    /// Keeps all of these files of the previous build, or (when any is not there) none.
    func keep(_ relatives: [String]) -> Bool {
        guard relatives.allSatisfy({ previous?[path: $0] != nil && exists($0) }) else { return false }
        return relatives.allSatisfy { keep($0) }
    }

    /// The previous build's bytes of a file, when it is still the file that build published.
    func previousBytes(_ relative: String) -> [UInt8]? {
        guard let old = previous?[path: relative], let bytes = Files.read(finalPath + "/" + relative) else { return nil }
        return StreamingHash.of(bytes) == old.hash ? bytes : nil
    }

    /// Writes `text` at the site path `relative` (e.g. `data/projects.json`).
    func write(_ relative: String, _ text: String, fingerprint: UInt64 = 0) throws {
        var t = text
        try t.withUTF8 { try write(relative, bytes: UnsafeRawBufferPointer($0), fingerprint: fingerprint) }
    }

    func write(_ relative: String, bytes: UnsafeRawBufferPointer, fingerprint: UInt64 = 0) throws {
        let hash = StreamingHash.of(bytes)
        if unchanged(relative, hash: hash) {
            record(relative, fingerprint: fingerprint, hash: hash, changed: false, bytes: bytes.count)
            return
        }
        let path = stagingPath + "/" + relative
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            // The directory does not exist yet: create it (another thread may race us; both succeed).
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw PipelineError.output(Localized(zh: "无法写入 ‘\(relative)’：\(String(cString: strerror(errno)))", en: "cannot write ‘\(relative)’: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard n > 0 else { throw PipelineError.output(Localized(zh: "无法写入 ‘\(relative)’：\(String(cString: strerror(errno)))", en: "cannot write ‘\(relative)’: \(String(cString: strerror(errno)))")) }
            offset += n
        }
        record(relative, fingerprint: fingerprint, hash: hash, changed: true, bytes: bytes.count)
    }

    fileprivate func record(_ relative: String, fingerprint: UInt64, hash: UInt64, changed isChanged: Bool, bytes: Int) {
        let key = ByteKey(relative)
        let entry = OutputManifest.Entry(path: key, fingerprint: fingerprint, hash: hash)
        let inPrevious = previous?.entries[key] != nil
        lock.lock()
        if current.insert(key, entry), inPrevious { carried += 1 }
        if isChanged { changed.append(relative) }
        fileCount += 1
        byteCount += bytes
        lock.unlock()
    }

    fileprivate func unchanged(_ relative: String, hash: UInt64) -> Bool {
        guard let old = previous?[path: relative] else { return false }
        return old.hash == hash && exists(relative)
    }

    /// Opens a file of the site for writing in chunks (large data files are streamed, not held).
    func stream(_ relative: String) throws -> FileStream {
        let path = stagingPath + "/" + relative
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PipelineError.output(Localized(zh: "无法写入 ‘\(relative)’：\(String(cString: strerror(errno)))", en: "cannot write ‘\(relative)’: \(String(cString: strerror(errno)))")) }
        return FileStream(fd: fd, name: relative, output: self)
    }

    /// Copies a file from disk into the site.
    func copy(from source: String, to relative: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PipelineError.output(Localized(zh: "无法读取 ‘\(source)’", en: "cannot read ‘\(source)’"))
        }
        try data.withUnsafeBytes { try write(relative, bytes: $0) }
    }

    /// Moves what changed into the output directory and removes what the site no longer has.
    func publish() throws {
        let fm = FileManager.default
        let seal = String(current.seal, radix: 16) + "\n"
        try seal.write(toFile: stagingPath + "/" + StagedOutput.sealFile, atomically: false, encoding: .utf8)
        try? fm.createDirectory(atPath: cacheDir, withIntermediateDirectories: true)
        if previous == nil {
            // A whole new site: swap the directories.
            let old = stagingPath + ".old"
            if fm.fileExists(atPath: finalPath) {
                do { try fm.moveItem(atPath: finalPath, toPath: old) } catch {
                    throw PipelineError.output(Localized(zh: "无法替换 ‘\(finalPath)’：\(error.localizedDescription)", en: "cannot replace ‘\(finalPath)’: \(error.localizedDescription)"))
                }
            }
            do {
                try fm.moveItem(atPath: stagingPath, toPath: finalPath)
            } catch {
                try? fm.moveItem(atPath: old, toPath: finalPath)
                throw PipelineError.output(Localized(zh: "无法把新网站移到 ‘\(finalPath)’：\(error.localizedDescription)", en: "cannot move the new site into ‘\(finalPath)’: \(error.localizedDescription)"))
            }
            StagedOutput.remove(old)
        } else {
            // The changed files, each replaced by a rename (a page is never half-written). A
            // journal lets the next build finish the commit if this one is interrupted.
            let removed = carried == previous!.entries.count ? [] : previous!.entries.keys.filter { current.entries[$0] == nil }.sorted().map(\.path)
            var journal = BinaryWriter()
            journal.string(stagingPath)
            journal.array(changed.sorted() + [StagedOutput.sealFile]) { $0.string($1) }
            journal.array(removed) { $0.string($1) }
            try Data(journal.bytes).write(to: URL(fileURLWithPath: cacheDir + "/commit.journal"))
            StagedOutput.finishInterruptedCommit(cacheDir: cacheDir, finalPath: finalPath)
        }
    }

    /// Saves the manifest of what `publish` put into the output directory, for the next build
    /// (until then, that build finds the seal changed and trusts nothing of the output).
    func saveManifest() throws {
        try Data(current.encoded()).write(to: URL(fileURLWithPath: cacheDir + "/outputs.bin"))
    }

    /// Replays a commit journal: renames from the staging directory, removals, then cleanup.
    static func finishInterruptedCommit(cacheDir: String, finalPath: String) {
        let journalPath = cacheDir + "/commit.journal"
        guard let data = FileManager.default.contents(atPath: journalPath) else { return }
        var r = BinaryReader([UInt8](data))
        guard let staging = try? r.string(), let moves = try? r.array({ try $0.string() }), let removals = try? r.array({ try $0.string() }) else {
            try? FileManager.default.removeItem(atPath: journalPath)
            return
        }
        for rel in moves {
            let from = staging + "/" + rel, to = finalPath + "/" + rel
            if rename(from, to) != 0 && errno == ENOENT, FileManager.default.fileExists(atPath: from) {
                try? FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                _ = rename(from, to)
            }
        }
        var dirs = Set<String>()
        for rel in removals {
            unlink(finalPath + "/" + rel)
            dirs.insert((rel as NSString).deletingLastPathComponent)
        }
        // Remove directories the removals left empty, deepest first.
        for dir in dirs.sorted(by: { $0.count > $1.count }) where !dir.isEmpty {
            var d = dir
            while !d.isEmpty, rmdir(finalPath + "/" + d) == 0 { d = (d as NSString).deletingLastPathComponent }
        }
        remove(staging)
        try? FileManager.default.removeItem(atPath: journalPath)
    }

    /// Removes the staging directory after a failed build.
    func discard() {
        StagedOutput.remove(stagingPath)
    }

    /// Removes a directory tree.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A file being written in chunks: bytes are buffered and flushed every megabyte, and hashed
/// so an unchanged file is not moved into the site.
final class FileStream {
    private let fd: Int32
    private let name: String
    private let output: StagedOutput
    var buffer: [UInt8] = []
    private var written = 0
    private var hash = StreamingHash()
    /// What stands for the file's bytes in the manifest when the writer knows it (the open
    /// data: its department-years' fingerprints): the bytes are then not hashed as written.
    var identity: UInt64?

    /// Bytes written so far, including the buffer.
    var position: Int { written + buffer.count }

    fileprivate init(fd: Int32, name: String, output: StagedOutput) {
        self.fd = fd
        self.name = name
        self.output = output
        buffer.reserveCapacity(1 << 20 + 65536)
    }

    /// Writes the buffer out if it has grown past a megabyte.
    func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends `range` of the open file `source` straight to the file, after the buffer, copied
    /// by the kernel (`sendfile`): only for a stream with an `identity`, whose bytes are not hashed.
    /// (Two threads copying halves of a run into one file do not go faster: writes to a file
    /// take its inode's lock.)
    func copy(from source: Int32, _ range: Range<Int>) throws {
        precondition(identity != nil, "a hashed stream's bytes must pass through writeOut")
        try flush()
        var offset = range.lowerBound
        while offset < range.upperBound {
            let n = sendfile(fd, source, &offset, range.upperBound - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw PipelineError.output(Localized(zh: "无法写入 ‘\(name)’：\(n < 0 ? String(cString: strerror(errno)) : "上次的文件提前结束")", en: "cannot write ‘\(name)’: \(n < 0 ? String(cString: strerror(errno)) : "the previous file ended early")")) }
        }
        written += range.count
    }

    private func writeOut(_ raw: UnsafeRawBufferPointer) throws {
        // A piece at a time, hashed and then written while it is still in the CPU's cache
        // (copied runs of open data are megabytes long and come from memory).
        var offset = 0
        while offset < raw.count {
            let end = min(raw.count, offset + Self.piece)
            if identity == nil { hash.combine(UnsafeRawBufferPointer(rebasing: raw[offset..<end])) }
            while offset < end {
                let n = Foundation.write(fd, raw.baseAddress! + offset, end - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw PipelineError.output(Localized(zh: "无法写入 ‘\(name)’：\(String(cString: strerror(errno)))", en: "cannot write ‘\(name)’: \(String(cString: strerror(errno)))")) }
                offset += n
            }
        }
        written += raw.count
    }

    private static let piece = 256 << 10

    func close() throws {
        try flush()
        Foundation.close(fd)
        let value = identity ?? hash.value
        let isChanged = !output.unchanged(name, hash: value)
        output.record(name, fingerprint: 0, hash: value, changed: isChanged, bytes: written)
    }
}
