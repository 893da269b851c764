// A file of the site written in chunks (the large open-data files), hashed as it is written.

import Foundation

/// A file being written in chunks: bytes are buffered and written every megabyte, and hashed
/// for the manifest; a writer that copies parts of it from elsewhere marks them as segments,
/// each with a checksum of its own (`DataSegments`).
final class FileStream {
    private let fd: Int32
    private let name: String
    private let output: StagedOutput
    var buffer: [UInt8] = []
    private var written = 0
    /// How much of `buffer` has been hashed.
    private var hashed = 0
    private var hash = StreamingHash()
    private var segmentHash = StreamingHash()
    private var segmentStart = 0

    /// Bytes written so far, including the buffer.
    var position: Int { written + buffer.count }

    init(fd: Int32, name: String, output: StagedOutput) {
        self.fd = fd
        self.name = name
        self.output = output
        buffer.reserveCapacity(1 << 20 + 65536)
    }

    /// Hashes what was appended to the buffer since it was last hashed.
    private func hashBuffer() {
        guard hashed < buffer.count else { return }
        buffer.withUnsafeBytes { raw in
            let part = UnsafeRawBufferPointer(rebasing: raw[hashed...])
            hash.combine(part)
            segmentHash.combine(part)
        }
        hashed = buffer.count
    }

    /// Starts a segment here.
    func beginSegment() {
        hashBuffer()
        segmentHash = StreamingHash()
        segmentStart = position
    }

    /// The segment since `beginSegment`: where it is in the file and its checksum.
    func endSegment() -> DataSegments.Segment {
        hashBuffer()
        return DataSegments.Segment(range: segmentStart..<position, checksum: segmentHash.value)
    }

    /// Where the stream is, to go back to if what is appended after it is not wanted (only
    /// while nothing was written out since: `rollBack` is called before any flush).
    struct Mark {
        fileprivate var count: Int
        fileprivate var hash: StreamingHash
    }

    func mark() -> Mark {
        hashBuffer()
        return Mark(count: buffer.count, hash: hash)
    }

    func rollBack(to mark: Mark) {
        buffer.removeSubrange(mark.count...)
        hash = mark.hash
        hashed = buffer.count
    }

    /// Appends the bytes of `range` of the open file `fd` as a segment, when they have
    /// `checksum` (read straight into the buffer and hashed there, once for the segment and
    /// once for the file); nil, with nothing appended, otherwise.
    func appendSegment(from fd: Int32, _ range: Range<Int>, checksum: UInt64) -> DataSegments.Segment? {
        guard !range.isEmpty else { return nil }
        hashBuffer()
        let start = buffer.count, position = self.position
        buffer.reserveCapacity(start + range.count)
        var complete = true
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        buffer.withUnsafeMutableBytes { raw in
            let part = UnsafeMutableRawBufferPointer(rebasing: raw[start..<start + range.count])
            complete = Files.readAll(fd: fd, into: part, at: range.lowerBound) == range.count
        }
        let sum = buffer.withUnsafeBytes { StreamingHash.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        guard complete, sum == checksum else {
            buffer.removeSubrange(start...)
            return nil
        }
        buffer.withUnsafeBytes { hash.combine(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        hashed = buffer.count
        return DataSegments.Segment(range: position..<position + range.count, checksum: checksum)
    }

    /// Writes the buffer out if it has grown past a megabyte.
    func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        hashBuffer()
        if let code = buffer.withUnsafeBytes({ Files.writeAll(fd: fd, bytes: $0) }) {
            throw output.writeFailure(name, code)
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
        hashed = 0
    }

    func close() throws {
        do {
            try flush()
        } catch {
            Foundation.close(fd)
            throw error
        }
        guard Foundation.close(fd) == 0 else { throw output.writeFailure(name, errno) }
        output.record(name, fingerprint: 0, hash: hash.value, bytes: written)
    }
}
