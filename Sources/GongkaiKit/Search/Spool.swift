// Spool files: bytes written once, in order, and read back in pieces (the index's chunks are put together from them).

import Foundation

/// A file of bytes written once, in order, and read back in pieces: unlinked as soon as it is
/// made, so it goes when the process does, whatever happens to the build.
final class Spool: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes appended so far.
    private(set) var size = 0

    init(in dir: String) throws {
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array("gongkai-spool-XXXXXX".utf8CString)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SpoolError(message: "cannot make a spool file in \(dir): \(String(cString: strerror(errno)))") }
        unlink(template)
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        size += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        if let code = buffer.withUnsafeBytes({ Files.writeAll(fd: fd, bytes: $0) }) {
            throw SpoolError(message: "cannot write a spool file: \(String(cString: strerror(code)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends the bytes at `range` (all flushed) to `out`.
    func read(_ range: Range<Int>, into out: inout [UInt8]) throws {
        guard let bytes = Files.read(fd, count: range.count, at: range.lowerBound) else {
            throw SpoolError(message: "cannot read a spool file back")
        }
        out.append(contentsOf: bytes)
    }
}

struct SpoolError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
