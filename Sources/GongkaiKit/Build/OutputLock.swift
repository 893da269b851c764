// One build of an output directory at a time: a lock file in the cache folder, held with
// flock(2) for the whole build and released by the kernel when the process ends, however it ends.

import Foundation

/// The lock of one output directory, held from before the build reads its cache until its
/// caches are saved.
///
/// The file says `building <pid>` while a build holds it and is emptied when the build ends;
/// a build that finds it saying so found the lock free, so the build it names was killed (the
/// kernel released its lock): `interrupted` says which, and the leftovers of that build are
/// removed before this one starts (`OutputTarget.removeLeftovers`).
final class OutputLock: @unchecked Sendable {
    let path: String
    private var fd: Int32
    /// The process id of a build that held this lock and never finished.
    private(set) var interrupted: Int32?

    /// Takes the lock of `target`'s output, waiting for another build to finish (calling
    /// `waiting` once with its process id first) unless `wait` is false, when that is a
    /// failure.
    init(_ target: OutputTarget, wait: Bool = true, waiting: ((Int32?) -> Void)? = nil) throws {
        let root = target.parent + "/.gongkai-cache"
        if mkdir(root, 0o755) != 0 && errno != EEXIST {
            throw PipelineError.publish(Localized(zh: "无法创建缓存目录 ‘\(root)’：\(String(cString: strerror(errno)))",
                                                  en: "cannot create the cache folder ‘\(root)’: \(String(cString: strerror(errno)))"))
        }
        guard SafeFiles.isDirectory(root) else {
            throw PipelineError.publish(Localized(
                zh: "‘\(root)’ 不是目录（是符号链接或文件）：gongkai 不在链接指向的地方写缓存，未构建；请删除它",
                en: "‘\(root)’ is not a directory (a link or a file): gongkai does not write its cache where a link points; nothing was built (remove it)"))
        }
        path = root + "/" + target.name + ".lock"
        fd = -1
        // The lock file may be removed while this build waits (`rm -rf .gongkai-cache`): then
        // the lock is taken again on the new file, so that two builds never hold two files.
        var told = false
        while true {
            fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Self.failure(path, errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else { let code = errno; close(fd); throw Self.failure(path, code) }
                let holder = Self.holder(fd)
                guard wait else {
                    close(fd)
                    throw PipelineError.publish(Localized(
                        zh: "另一个构建\(holder.map { "（进程 \($0)）" } ?? "")正在生成 ‘\(target.path)’，未构建",
                        en: "another build\(holder.map { " (process \($0))" } ?? "") is writing ‘\(target.path)’; nothing was built"))
                }
                if !told { waiting?(holder); told = true }
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else { let code = errno; close(fd); throw Self.failure(path, code) }
                }
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev { break }
            close(fd)
        }
        interrupted = Self.holder(fd)
        let note = Array("building \(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The process id the lock file names, if it says `building <pid>`.
    private static func holder(_ fd: Int32) -> Int32? {
        guard let bytes = readAll(fd) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("building ") else { return nil }
        return Int32(text.dropFirst(9).prefix { $0.isASCII && $0.isNumber })
    }

    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size <= 64 else { return nil }
        return Files.read(fd, count: Int(st.st_size), at: 0)
    }

    private static func failure(_ path: String, _ code: Int32) -> PipelineError {
        .publish(Localized(zh: "无法锁定 ‘\(path)’：\(String(cString: strerror(code)))",
                           en: "cannot lock ‘\(path)’: \(String(cString: strerror(code)))"))
    }

    /// Records that the build ended (it was not killed) and lets the next one in.
    func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
