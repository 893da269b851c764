// Where each department-year's rows are in the large data files, with their checksums, so an
// unchanged department-year can be copied from the previous build instead of formatted again.

import Foundation

final class DataSegments: @unchecked Sendable {
    /// A department-year's rows in one open-data file: where they are and a checksum of them.
    struct Segment: Equatable, Sendable {
        var range: Range<Int>
        var checksum: UInt64
    }

    /// Department-year fingerprint → its segments in projects.json, projects.csv, indicators.csv.
    private(set) var segments: [UInt64: [Segment]] = [:]
    private let lock = NSLock()
    /// The previous build's files, open, and their sizes. Nothing in them is trusted: a
    /// segment is copied only when its bytes have its checksum.
    private var descriptors: [Int32] = []
    private var sizes: [Int] = []
    /// Department-years copied from the previous build's files.
    private(set) var copied = 0

    init() {}

    deinit {
        for fd in descriptors { close(fd) }
    }

    /// The previous build's segments (`data.bin`) and its open-data files in `outputDir`;
    /// nil when the cache file is missing or damaged, was not saved with the manifest of this
    /// `seal`, or a segment lies outside its file.
    init?(cacheDir: String, outputDir: String, seal: UInt64) {
        guard let payload = CacheFile.read(cacheDir + "/data.bin", kind: .data), let list = Self.decode(payload, seal: seal) else { return nil }
        var opened: [Int32] = []
        for file in DataExport.streamedFiles {
            let fd = open(outputDir + "/" + file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            var st = stat()
            guard fd >= 0, fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
                if fd >= 0 { close(fd) }
                for other in opened { close(other) }
                return nil
            }
            opened.append(fd)
            sizes.append(Int(st.st_size))
        }
        descriptors = opened
        for (key, parts) in list {
            guard zip(parts, sizes).allSatisfy({ $0.0.range.upperBound <= $0.1 }) else { return nil }
            segments[key] = parts
        }
    }

    /// The segments of a `data.bin` payload: every department-year with one segment per file,
    /// each a range that starts at or after 0 and ends at or after its start.
    static func decode(_ payload: [UInt8], seal: UInt64) -> [(UInt64, [Segment])]? {
        var r = BinaryReader(payload)
        let files = DataExport.streamedFiles.count
        guard (try? r.varint()) == seal, let list = try? r.array({ r in
            (try r.varint(), try r.array { r -> Segment in
                let lower = try r.int(), upper = try r.int(), checksum = try r.varint()
                guard lower >= 0, upper >= lower else { throw BinaryReader.Damaged() }
                return Segment(range: lower..<upper, checksum: checksum)
            })
        }), r.atEnd, list.allSatisfy({ $0.1.count == files }) else { return nil }
        return list
    }

    /// Where each of these department-years' rows are in the previous files, when the files
    /// they would make, in this order, are the previous files again: each department-year is
    /// there, each starts `separators` bytes after the one before ends, from the end of a
    /// file's `headers` bytes to `footers` bytes before its end. Nil otherwise. (Then the files
    /// themselves are kept, each checked against its content hash: `StagedOutput.keep`.)
    func unchangedFiles(_ fingerprints: [UInt64], headers: [Int], footers: [Int], separators: [Int]) -> [[Segment]]? {
        guard !fingerprints.isEmpty, headers.count == sizes.count, footers.count == sizes.count, separators.count == sizes.count else { return nil }
        var positions = headers
        var found: [[Segment]] = []
        found.reserveCapacity(fingerprints.count)
        for fingerprint in fingerprints {
            guard let parts = segments[fingerprint], parts.count == sizes.count else { return nil }
            for k in parts.indices {
                guard parts[k].range.lowerBound == positions[k] + (found.isEmpty ? 0 : separators[k]) else { return nil }
                positions[k] = parts[k].range.upperBound
            }
            found.append(parts)
        }
        for k in sizes.indices where positions[k] + footers[k] != sizes[k] { return nil }
        return found
    }

    /// Counts department-years taken over from the previous files without being copied.
    func countKept(_ n: Int) {
        lock.lock()
        copied += n
        lock.unlock()
    }

    func record(_ fingerprint: UInt64, _ parts: [Segment]) {
        lock.lock()
        segments[fingerprint] = parts
        lock.unlock()
    }

    /// Copies a department-year's rows from the previous files to the end of the three
    /// streams (after the comma that separates it from the one before in projects.json, unless
    /// it is `first`), and returns their segments there; nil, with nothing written, when the
    /// previous files do not hold them with their checksums.
    func copy(_ fingerprint: UInt64, into streams: [FileStream], first: Bool) throws -> [Segment]? {
        guard let parts = segments[fingerprint], parts.count == streams.count, descriptors.count == streams.count else { return nil }
        let marks = streams.map { $0.mark() }
        if !first { streams[0].buffer.append(0x2C) }
        var placed: [Segment] = []
        for (k, part) in parts.enumerated() {
            guard let segment = streams[k].appendSegment(from: descriptors[k], part.range, checksum: part.checksum) else {
                for (stream, mark) in zip(streams, marks) { stream.rollBack(to: mark) }
                return nil
            }
            placed.append(segment)
        }
        for stream in streams { try stream.flushIfFull() }
        lock.lock()
        copied += 1
        lock.unlock()
        return placed
    }

    /// The cache file's payload: every segment, by department-year fingerprint.
    func encoded(seal: UInt64) -> [UInt8] {
        var w = BinaryWriter()
        w.varint(seal)
        w.array(segments.keys.sorted()) { w, key in
            w.varint(key)
            w.array(segments[key]!) { w, part in
                w.int(part.range.lowerBound); w.int(part.range.upperBound); w.varint(part.checksum)
            }
        }
        return w.bytes
    }

    func save(cacheDir: String, seal: UInt64) {
        try? CacheFile.write(encoded(seal: seal), kind: .data, to: cacheDir + "/data.bin")
    }
}
