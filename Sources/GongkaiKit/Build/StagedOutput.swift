// The site being built: a staging directory beside the output that receives every file of the
// new site, and is swapped with the output in one step when the whole build succeeded.

import Foundation

/// The output of one build.
///
/// Every file of the new site is in the staging directory before it is published: written
/// there, or (a page whose inputs did not change, a search index file, the open data when no
/// row changed) hard-linked from the output and then checked against the content hash the
/// previous build recorded, so that a file changed or added by hand in the output never
/// survives a build. Publishing swaps the two directories (`renameat2(RENAME_EXCHANGE)`; two
/// renames where the system cannot) and removes the old site: a reader of the output sees
/// the old site or the new one, never a mix and never none.
final class StagedOutput: @unchecked Sendable {
    /// The marker (`OutputTarget.marker`).
    static let sealFile = OutputTarget.marker

    let target: OutputTarget
    var finalPath: String { target.path }
    let stagingPath: String
    let cacheDir: String
    /// The previous build's manifest: what it says of a file is believed only once the file's
    /// bytes have the hash it records (`adopt`).
    private(set) var previous: OutputManifest?
    private let lock = NSLock()
    private var current = OutputManifest()
    /// Files whose bytes differ from the previous build's (or that it did not have).
    private var changed = 0
    private(set) var fileCount = 0
    private(set) var byteCount = 0
    private(set) var reused = 0
    var changedCount: Int { lock.lock(); defer { lock.unlock() }; return changed }
    /// The regular files of the output directory when this build started (relative paths, as
    /// listed without following any link): only these are adopted.
    private var published = Set<ByteKey>()

    /// The content hash this build gave a file.
    func hash(of relative: String) -> UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return current[path: relative]?.hash
    }

    /// The manifest's seal (`OutputManifest.seal`) so far: after `publish`, the published site's.
    var seal: UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return current.seal
    }

    /// The build cache of an output directory: `cacheDir` when given, else `.gongkai-cache/<name>`
    /// beside it.
    static func cacheDirectory(_ target: OutputTarget, cacheDir: String?) -> String {
        cacheDir ?? target.parent + "/.gongkai-cache/" + target.name
    }

    /// Numbers staging directories made by this process (tests stage several outputs at once).
    private static let stagings = SafeFiles.Counter()

    /// Makes the staging directory and reads the previous build's manifest (untrusted: every
    /// file is checked before it is used). The caller has checked the target and holds its
    /// lock (`Pipeline.build`).
    init(target: OutputTarget, cacheDir: String? = nil) throws {
        self.target = target
        stagingPath = target.stagingPrefix + "\(getpid())-\(Self.stagings.next())"
        self.cacheDir = Self.cacheDirectory(target, cacheDir: cacheDir)
        if mkdir(stagingPath, 0o755) != 0 {
            throw PipelineError.publish("无法创建暂存目录", "cannot create the staging directory", SafeFiles.Failure(path: stagingPath, code: errno))
        }
        previous = CacheFile.read(self.cacheDir + "/outputs.bin", kind: .outputs).flatMap { try? OutputManifest.decode($0) }
        if previous != nil {
            // Which files are there, from one listing of each folder (a rebuild asks for tens of
            // thousands of them, one `lstat` each otherwise).
            Self.listFiles(finalPath, "", into: &published)
        }
        // This build's manifest grows to about the previous one's size: room made once.
        current.reserveCapacity(previous?.entries.count ?? 0)
    }

    /// A staging output for `outputDir`, checked only as a path (for tests that look at what a
    /// build would keep; `Pipeline.build` checks and locks the output first).
    convenience init(outputDir: String, cacheDir: String? = nil) throws {
        try self.init(target: OutputTarget(outputDir, protecting: []), cacheDir: cacheDir)
    }

    /// Keeps the previous build's content hashes (a file with the same bytes is not counted as
    /// changed) but not its fingerprints, so every page is rendered again.
    func forgetFingerprints() {
        previous?.forgetFingerprints()
    }

    /// Whether `path` is a relative path that stays inside the directory it is taken in: no
    /// empty, `.` or `..` component, no leading `/`, no NUL.
    static func isConfined(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Adds the paths (relative to `root`) of the regular files under `root/relative`, without
    /// following links (a file behind a linked folder is not the output's). Names that are not
    /// UTF-8 are left out: no file of the site has one.
    private static func listFiles(_ root: String, _ relative: String, into files: inout Set<ByteKey>) {
        var folders: [String] = []
        Files.forEachEntry(in: relative.isEmpty ? root : root + "/" + relative) { nameBytes, type in
            guard let name = String(validating: nameBytes, as: UTF8.self) else { return true }
            let path = relative.isEmpty ? name : relative + "/" + name
            var kind = type
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                guard lstat(root + "/" + path, &st) == 0 else { return true }
                kind = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if kind == Int32(DT_DIR) { folders.append(path) } else if kind == Int32(DT_REG) { files.insert(ByteKey(path)) }
            return true
        }
        for folder in folders { listFiles(root, folder, into: &files) }
    }

    /// Puts the previous build's file at `key` into the staging directory, when it is a regular
    /// file of the output whose bytes have `hash`: a hard link, checked after it was made (so
    /// the bytes checked are the bytes published), or a copy where links cannot be made.
    private func adopt(_ key: ByteKey, hash: UInt64) -> Bool {
        guard published.contains(key) else { return false }
        let from = finalPath + "/" + key.path, to = stagingPath + "/" + key.path
        var linked = link(from, to) == 0
        if !linked && errno == ENOENT {
            try? SafeFiles.makeDirectories((to as NSString).deletingLastPathComponent)
            linked = link(from, to) == 0
        }
        if linked {
            if SafeFiles.hash(ofRegular: to) == hash { return true }
            unlink(to)
            return false
        }
        switch errno {
        case EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP:
            guard let bytes = SafeFiles.readRegular(from), StreamingHash.of(bytes) == hash else { return false }
            return (try? bytes.withUnsafeBytes { try create(key.path, $0) }) != nil
        default:
            return false
        }
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

    /// Whether a page rendered from the same inputs last time can be kept as it is (it is then
    /// in the staging directory): then it is added to `kept`, for `keep(_:)` (which takes the
    /// lock once for many pages).
    func reusable(_ relative: String, fingerprint: UInt64, into kept: inout Kept) -> Bool {
        // One key, looked up once in the previous manifest (this runs for every page).
        guard fingerprint != 0, let previous else { return false }
        let key = ByteKey(relative)
        guard let old = previous.entries[key], old.fingerprint == fingerprint, adopt(key, hash: old.hash) else { return false }
        kept.entries.append((key, old))
        return true
    }

    /// Keeps the pages found reusable.
    func keep(_ kept: Kept) {
        guard !kept.entries.isEmpty else { return }
        lock.lock()
        for (key, entry) in kept.entries { current.insert(key, entry) }
        fileCount += kept.entries.count
        reused += kept.entries.count
        lock.unlock()
    }

    /// Keeps all of these files of the previous build when every one was made from inputs of
    /// this fingerprint and is still as it was; else none.
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

    /// Keeps a file of the previous build as it is; false when it is not there as it was.
    func keep(_ relative: String) -> Bool {
        let key = ByteKey(relative)
        guard let old = previous?.entries[key], adopt(key, hash: old.hash) else { return false }
        lock.lock()
        current.insert(key, old)
        fileCount += 1
        lock.unlock()
        return true
    }

    /// Keeps all of these files of the previous build, or (when any is not there as it was) none.
    func keep(_ relatives: [String]) -> Bool {
        var adopted: [(ByteKey, OutputManifest.Entry)] = []
        for relative in relatives {
            let key = ByteKey(relative)
            guard let old = previous?.entries[key], adopt(key, hash: old.hash) else {
                for (done, _) in adopted { unlink(stagingPath + "/" + done.path) }
                return false
            }
            adopted.append((key, old))
        }
        lock.lock()
        for (key, entry) in adopted { current.insert(key, entry) }
        fileCount += adopted.count
        lock.unlock()
        return true
    }

    /// The previous build's bytes of a file, when it is still the file that build published.
    func previousBytes(_ relative: String) -> [UInt8]? {
        let key = ByteKey(relative)
        guard let old = previous?.entries[key], published.contains(key),
              let bytes = SafeFiles.readRegular(finalPath + "/" + relative)
        else { return nil }
        return StreamingHash.of(bytes) == old.hash ? bytes : nil
    }

    /// Writes `text` at the site path `relative` (e.g. `data/projects.json`).
    func write(_ relative: String, _ text: String, fingerprint: UInt64 = 0) throws {
        var t = text
        try t.withUTF8 { try write(relative, bytes: UnsafeRawBufferPointer($0), fingerprint: fingerprint) }
    }

    func write(_ relative: String, bytes: UnsafeRawBufferPointer, fingerprint: UInt64 = 0) throws {
        try create(relative, bytes)
        record(relative, fingerprint: fingerprint, hash: StreamingHash.of(bytes), bytes: bytes.count)
    }

    /// Creates the file `relative` in the staging directory with these bytes.
    private func create(_ relative: String, _ bytes: UnsafeRawBufferPointer) throws {
        let fd = try newFile(relative)
        defer { close(fd) }
        if let code = Files.writeAll(fd: fd, bytes: bytes) { throw writeFailure(relative, code) }
    }

    /// A new file in the staging directory, open for writing. A file already there (one
    /// adopted, which is a link to the published file) is replaced, never written through.
    func newFile(_ relative: String) throws -> Int32 {
        let path = stagingPath + "/" + relative
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var fd = open(path, flags, 0o644)
        if fd < 0 && errno == ENOENT {
            // The directory does not exist yet (another thread may make it too: both succeed).
            try? SafeFiles.makeDirectories((path as NSString).deletingLastPathComponent)
            fd = open(path, flags, 0o644)
        }
        if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw writeFailure(relative, errno) }
        return fd
    }

    func writeFailure(_ relative: String, _ code: Int32) -> PipelineError {
        .publish("无法写入", "cannot write", SafeFiles.Failure(path: stagingPath + "/" + relative, code: code))
    }

    func record(_ relative: String, fingerprint: UInt64, hash: UInt64, bytes: Int) {
        let key = ByteKey(relative)
        let entry = OutputManifest.Entry(path: key, fingerprint: fingerprint, hash: hash)
        let isChanged = previous?.entries[key]?.hash != hash
        lock.lock()
        current.insert(key, entry)
        if isChanged { changed += 1 }
        fileCount += 1
        byteCount += bytes
        lock.unlock()
    }

    /// Opens a file of the site for writing in chunks (large data files are streamed, not held).
    func stream(_ relative: String) throws -> FileStream {
        FileStream(fd: try newFile(relative), name: relative, output: self)
    }

    /// Copies a file from disk (a theme's asset) into the site.
    func copy(from source: String, to relative: String) throws {
        guard let bytes = Files.read(source) else {
            throw PipelineError.publish(Localized(zh: "无法读取 ‘\(source)’", en: "cannot read ‘\(source)’"))
        }
        try bytes.withUnsafeBytes { try write(relative, bytes: $0) }
    }

    /// Where the old site is once `publish` moved it aside, until `removeOldSite`.
    private var oldSite: String?

    /// Publishes the staging directory as the output: the marker is written into it, then the
    /// two directories are swapped (the old site is then aside, for `removeOldSite`). On
    /// failure the old site is as it was, and the staging directory is left for `discard`.
    func publish() throws {
        let seal = Array((String(current.seal, radix: 16) + "\n").utf8)
        try seal.withUnsafeBytes { try create(Self.sealFile, $0) }
        var st = stat()
        guard lstat(finalPath, &st) == 0 else {
            // No site yet: the staging directory becomes it.
            guard rename(stagingPath, finalPath) == 0 else {
                throw PipelineError.publish("无法把新网站移到", "cannot move the new site to", SafeFiles.Failure(path: finalPath, code: errno))
            }
            return
        }
        if let swapped = SafeFiles.exchange(stagingPath, finalPath) {
            guard swapped == 0 else {
                throw PipelineError.publish("无法替换", "cannot replace", SafeFiles.Failure(path: finalPath, code: swapped))
            }
            // The staging path now holds the old site.
            oldSite = stagingPath
            return
        }
        // Two renames: the old site aside, the new one in (put back if that fails). A build
        // killed in between leaves no output: the next build puts the old site back first
        // (`OutputTarget.removeLeftovers`).
        let aside = stagingPath + ".old"
        guard rename(finalPath, aside) == 0 else {
            throw PipelineError.publish("无法替换", "cannot replace", SafeFiles.Failure(path: finalPath, code: errno))
        }
        guard rename(stagingPath, finalPath) == 0 else {
            let failure = SafeFiles.Failure(path: finalPath, code: errno)
            _ = rename(aside, finalPath)
            throw PipelineError.publish("无法把新网站移到", "cannot move the new site to", failure)
        }
        oldSite = aside
    }

    /// Removes the old site that `publish` moved aside; nil when it is gone, else where it is
    /// (the next build removes it: `OutputTarget.removeLeftovers`).
    func removeOldSite() -> String? {
        guard let old = oldSite else { return nil }
        return SafeFiles.removeTree(old) ? nil : old
    }

    /// Saves the manifest of what `publish` put into the output directory, for the next build.
    func saveManifest() throws {
        try CacheFile.write(current.encoded(), kind: .outputs, to: cacheDir + "/outputs.bin")
    }

    /// Removes the staging directory after a failed build.
    func discard() {
        SafeFiles.removeTree(stagingPath)
    }
}
