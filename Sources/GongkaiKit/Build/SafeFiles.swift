// File-system steps that never follow a symbolic link out of the folder they work in: removing
// a tree, writing a file whole or not at all, swapping two directories, reading a regular file.

import Foundation

enum SafeFiles {
    /// Removes `path` and, when it is a directory, everything in it, without following any
    /// symbolic link: a link is removed, never what it points to. Directories of this user that
    /// forbid writing are made writable first (a site made read-only is still gongkai's to
    /// replace). True when nothing is left.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return errno == ENOENT }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 || errno == ENOENT }
        let dir = (path as NSString).deletingLastPathComponent
        let parent = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return false }
        defer { close(parent) }
        return removeEntry(in: parent, Array((path as NSString).lastPathComponent.utf8CString), isDirectory: true, depth: 0)
    }

    /// Directories deeper than this are not descended into (each level holds a descriptor).
    private static let maximumDepth = 200

    /// Removes the entry `name` (its bytes, NUL-terminated: names need not be UTF-8) of the
    /// open directory `parent`.
    private static func removeEntry(in parent: Int32, _ name: [CChar], isDirectory: Bool, depth: Int) -> Bool {
        guard isDirectory else { return unlinkat(parent, name, 0) == 0 || errno == ENOENT }
        guard depth < maximumDepth else { return false }
        var fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == EACCES && makeWritable(in: parent, name) {
            fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        if fd < 0 {
            // Not a directory after all (replaced meanwhile, or a link): removed as a file.
            return errno == ENOTDIR || errno == ELOOP ? unlinkat(parent, name, 0) == 0 : errno == ENOENT
        }
        defer { close(fd) }
        // The names first, then the removals (a directory is not changed while it is read).
        var entries: [([CChar], Bool)] = []
        var ok = false
        let listing = dup(fd)
        if listing >= 0, let dir = fdopendir(listing) {
            ok = true
            while let entry = readdir(dir) {
                let item = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [CChar]? in
                    let bytes = raw.bindMemory(to: CChar.self)
                    let n = bytes.firstIndex(of: 0) ?? bytes.count
                    let name = Array(bytes[..<n])
                    if name == [0x2E] || name == [0x2E, 0x2E] { return nil }
                    return name + [0]
                }
                guard let item else { continue }
                var isDir = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    isDir = fstatat(fd, item, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                entries.append((item, isDir))
            }
            closedir(dir)
        } else if listing >= 0 {
            close(listing)
        }
        var madeWritable = false
        for (item, isDir) in entries where !removeEntry(in: fd, item, isDirectory: isDir, depth: depth + 1) {
            // A directory without write permission: its entries cannot go until it has it.
            if !madeWritable && errno == EACCES && fchmodWritable(fd) {
                madeWritable = true
                if removeEntry(in: fd, item, isDirectory: isDir, depth: depth + 1) { continue }
            }
            ok = false
        }
        return unlinkat(parent, name, AT_REMOVEDIR) == 0 ? ok : (errno == ENOENT && ok)
    }

    /// Gives this user read, write and search permission on an own directory.
    private static func fchmodWritable(_ fd: Int32) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_uid == geteuid() else { return false }
        return fchmod(fd, (st.st_mode & 0o7777) | 0o700) == 0
    }

    private static func makeWritable(in parent: Int32, _ name: [CChar]) -> Bool {
        var st = stat()
        guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == geteuid() else { return false }
        return fchmodat(parent, name, (st.st_mode & 0o7777) | 0o700, 0) == 0
    }

    /// Writes `bytes` to `path` whole or not at all: into a new file beside it, then renamed
    /// over it. A link at `path` is replaced, never written through.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(counter.next())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, code: errno) }
        var failure = bytes.withUnsafeBytes { Files.writeAll(fd: fd, bytes: $0) } ?? 0
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw Failure(path: path, code: failure)
        }
    }

    /// A file-system call that failed: the path and `errno`.
    struct Failure: Error, Equatable {
        var path: String
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// Numbers for temporary names, unique within the process.
    private static let counter = Counter()

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    /// The bytes of a regular file, not through a link at `path` (nil otherwise, or when it
    /// cannot be read).
    static func readRegular(_ path: String, limit: Int = Int.max) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= limit else { return nil }
        return Files.read(fd, count: Int(st.st_size), at: 0)
    }

    /// The content hash (`StreamingHash`) of the regular file at `path`, not through a link,
    /// read a megabyte at a time.
    static func hash(ofRegular path: String) -> UInt64? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var hash = StreamingHash()
        let size = Int(st.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(size, 1 << 20) + 1, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while true {
            let n = pread(fd, buffer.baseAddress!, buffer.count, off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            hash.combine(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            done += n
            // A short read is the end of the file (for a small file, the first read: the
            // buffer has room for one byte more than the file).
            if n < buffer.count { break }
        }
        return done == size ? hash.value : nil
    }

    /// Whether `path` is a directory itself (not a link to one).
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Makes the directory `path` and any missing parents up to it (mode 0755).
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return }
        guard errno == ENOENT else { throw Failure(path: path, code: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw Failure(path: path, code: ENOENT) }
        try makeDirectories(parent)
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return }
        throw Failure(path: path, code: errno)
    }

    /// `renameat2(RENAME_EXCHANGE)`: swaps two directories in one step, so that a reader of
    /// either path sees one tree or the other, never none. Nil where the system has no such
    /// call or the file system cannot do it (the caller falls back to two renames); else 0 or
    /// the `errno` of the failure.
    static func exchange(_ a: String, _ b: String) -> Int32? {
        #if os(Linux)
        guard let call = renameat2 else { return nil }
        if call(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return 0 }
        return errno == ENOSYS || errno == EINVAL || errno == ENOTSUP ? nil : errno
        #else
        return nil
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), found at run time: Swift's Glibc module does not
    /// declare it.
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map {
        unsafeBitCast($0, to: RenameAt2.self)
    }
    #endif
}
