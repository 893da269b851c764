// Writing the site into a staging directory and swapping it in only when the build succeeded.

import Foundation

/// A file being written in chunks: bytes are buffered and flushed every megabyte.
final class FileStream {
    private let fd: Int32
    private let name: String
    private weak var output: StagedOutput?
    var buffer: [UInt8] = []
    private var written = 0

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
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else { throw PipelineError.output("cannot write ‘\(name)’: \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        Foundation.close(fd)
        output?.count(bytes: written)
    }
}

/// Errors that stop a build. Content problems are diagnostics, not these.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    case usage(String)
    case theme(String)
    case output(String)

    public var description: String {
        switch self {
        case .usage(let m): "error: \(m)"
        case .theme(let m): m
        case .output(let m): "error: \(m)"
        }
    }
}

/// Collects a build's files in a staging directory next to the output directory.
final class StagedOutput: @unchecked Sendable {
    let finalPath: String
    let stagingPath: String
    private let lock = NSLock()
    private(set) var fileCount = 0
    private(set) var byteCount = 0

    init(outputDir: String) throws {
        let url = URL(fileURLWithPath: outputDir).standardizedFileURL
        finalPath = url.path
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        stagingPath = parent + "/.\(name).building-\(ProcessInfo.processInfo.processIdentifier)"
        let fm = FileManager.default
        try? fm.removeItem(atPath: stagingPath)
        do {
            try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.output("cannot create ‘\(stagingPath)’: \(error.localizedDescription)")
        }
    }

    /// Writes `text` at the site path `relative` (e.g. `data/projects.json`).
    func write(_ relative: String, _ text: String) throws {
        var t = text
        try t.withUTF8 { try write(relative, bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(_ relative: String, bytes: UnsafeRawBufferPointer) throws {
        let path = stagingPath + "/" + relative
        var fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            // The directory does not exist yet: create it (another thread may race us; both succeed).
            let dir = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw PipelineError.output("cannot write ‘\(relative)’: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard n > 0 else { throw PipelineError.output("cannot write ‘\(relative)’: \(String(cString: strerror(errno)))") }
            offset += n
        }
        lock.lock()
        fileCount += 1
        byteCount += bytes.count
        lock.unlock()
    }

    /// Opens a file of the site for writing in chunks (large data files are streamed, not held).
    func stream(_ relative: String) throws -> FileStream {
        let path = stagingPath + "/" + relative
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw PipelineError.output("cannot write ‘\(relative)’: \(String(cString: strerror(errno)))") }
        lock.lock()
        fileCount += 1
        lock.unlock()
        return FileStream(fd: fd, name: relative, output: self)
    }

    fileprivate func count(bytes: Int) {
        lock.lock()
        byteCount += bytes
        lock.unlock()
    }

    /// Copies a file from disk into the site.
    func copy(from source: String, to relative: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PipelineError.output("cannot read ‘\(source)’")
        }
        try data.withUnsafeBytes { try write(relative, bytes: $0) }
    }

    /// Replaces the output directory with the staged one.
    func publish() throws {
        let fm = FileManager.default
        let old = stagingPath + ".old"
        if fm.fileExists(atPath: finalPath) {
            do { try fm.moveItem(atPath: finalPath, toPath: old) } catch {
                throw PipelineError.output("cannot replace ‘\(finalPath)’: \(error.localizedDescription)")
            }
        }
        do {
            try fm.moveItem(atPath: stagingPath, toPath: finalPath)
        } catch {
            try? fm.moveItem(atPath: old, toPath: finalPath)
            throw PipelineError.output("cannot move the new site into ‘\(finalPath)’: \(error.localizedDescription)")
        }
        try? fm.removeItem(atPath: old)
    }

    /// Removes the staging directory after a failed build.
    func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}
