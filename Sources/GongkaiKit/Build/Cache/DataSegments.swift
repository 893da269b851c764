// Where each department-year's rows are in the large data files, so an unchanged
// department-year can be copied from the previous build instead of formatted again.

import Foundation

final class DataSegments: @unchecked Sendable {
    /// Department-year fingerprint → byte ranges in projects.json, projects.csv, indicators.csv.
    private(set) var segments: [UInt64: [Range<Int>]] = [:]
    private let lock = NSLock()
    /// The previous build's files, open, and their sizes: runs are copied from them by the kernel.
    private var descriptors: [Int32] = []
    private var sizes: [Int] = []
    /// Department-years copied from the previous build's files.
    private(set) var copied = 0
    /// The run of neighbouring department-years waiting to be copied: their ranges in the
    /// previous files, whether the JSON run must gain or lose its leading comma, and how many
    /// bytes it will add to each stream.
    private var run: [Range<Int>]?
    private var commaChange = 0
    private var pending: [Int] = []

    init() {}

    deinit {
        for fd in descriptors { close(fd) }
    }

    /// The previous build's segments, usable only if the files they point into are the ones the
    /// output manifest says were published.
    init?(cacheDir: String, outputDir: String, manifest: OutputManifest?) {
        guard let manifest, let data = FileManager.default.contents(atPath: cacheDir + "/data.bin") else { return nil }
        var r = BinaryReader([UInt8](data))
        do {
            let hashes = try r.array { try $0.varint() }
            guard hashes.count == DataExport.streamedFiles.count,
                zip(DataExport.streamedFiles, hashes).allSatisfy({ manifest[path: $0.0]?.hash == $0.1 })
            else { return nil }
            let list = try r.array { r in (try r.varint(), try r.array { r in try r.int()..<(try r.int()) }) }
            for (key, ranges) in list { segments[key] = ranges }
        } catch {
            return nil
        }
        var opened: [Int32] = []
        for file in DataExport.streamedFiles {
            let fd = open(outputDir + "/" + file, O_RDONLY | O_CLOEXEC)
            var st = stat()
            guard fd >= 0, fstat(fd, &st) == 0 else {
                if fd >= 0 { close(fd) }
                for other in opened { close(other) }
                return nil
            }
            opened.append(fd)
            sizes.append(Int(st.st_size))
        }
        descriptors = opened
    }

    /// Where each of these department-years' rows are in the previous files, when the files
    /// they would make, in this order, are the previous files again: each department-year is
    /// there, each starts where the one before ends, from the end of a file's `headers` bytes
    /// to `footers` bytes before its end. Nil otherwise. (The previous files came from this
    /// gongkai, so their headers and footers are the ones it writes.)
    func unchangedFiles(_ fingerprints: [UInt64], headers: [Int], footers: [Int]) -> [[Range<Int>]]? {
        guard !fingerprints.isEmpty, headers.count == sizes.count, footers.count == sizes.count else { return nil }
        var positions = headers
        var found: [[Range<Int>]] = []
        found.reserveCapacity(fingerprints.count)
        for fingerprint in fingerprints {
            guard let ranges = segments[fingerprint], ranges.count == sizes.count else { return nil }
            for k in ranges.indices {
                guard ranges[k].lowerBound == positions[k] else { return nil }
                positions[k] = ranges[k].upperBound
            }
            found.append(ranges)
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

    func record(_ fingerprint: UInt64, _ ranges: [Range<Int>]) {
        lock.lock()
        segments[fingerprint] = ranges
        lock.unlock()
    }

    /// Queues a recorded department-year to be copied to the three streams and returns where
    /// its bytes will be in them; nil when the previous files do not hold it. Neighbouring
    /// department-years of the previous files are gathered into one run, written in one piece
    /// by `flush` (called before anything else is written to the streams). The JSON range
    /// starts with the comma between objects; the first department-year of a file has none.
    func copy(_ ranges: [Range<Int>], into streams: [FileStream], first: Bool) throws -> [Range<Int>]? {
        guard ranges.count == streams.count, sizes.count == streams.count,
              zip(ranges, sizes).allSatisfy({ $0.0.lowerBound >= 0 && $0.0.upperBound <= $0.1 && !$0.0.isEmpty })
        else { return nil }
        var byte: UInt8 = 0
        guard pread(descriptors[0], &byte, 1, off_t(ranges[0].lowerBound)) == 1 else { return nil }
        let hadComma = byte == 0x2C
        guard hadComma || byte == 0x0A else { return nil }
        let change = first ? (hadComma ? -1 : 0) : (hadComma ? 0 : 1)
        if let current = run, change == 0, !first, zip(current, ranges).allSatisfy({ $0.0.upperBound == $0.1.lowerBound }) {
            run = zip(current, ranges).map { $0.0.lowerBound..<$0.1.upperBound }
        } else {
            try flush(streams)
            run = ranges
            commaChange = change
            pending = Array(repeating: 0, count: streams.count)
        }
        var placed: [Range<Int>] = []
        for i in ranges.indices {
            let length = ranges[i].count + (i == 0 ? change : 0)
            let start = streams[i].position + pending[i]
            placed.append(start..<start + length)
            pending[i] += length
        }
        lock.lock()
        copied += 1
        lock.unlock()
        return placed
    }

    /// Writes the queued run, if any.
    func flush(_ streams: [FileStream]) throws {
        guard let current = run else { return }
        run = nil
        for (i, range) in current.enumerated() {
            var range = range
            if i == 0 && commaChange == 1 { streams[i].buffer.append(0x2C) }
            if i == 0 && commaChange == -1 { range = range.lowerBound + 1..<range.upperBound }
            // Copied by the kernel: the streams of the open data are known by their identity,
            // not by a hash of their bytes (`DataExport.write`).
            try streams[i].copy(from: descriptors[i], range)
        }
    }

    func save(cacheDir: String, fileHashes: [UInt64]) {
        var w = BinaryWriter()
        w.array(fileHashes) { $0.varint($1) }
        w.array(segments.keys.sorted()) { w, key in
            w.varint(key)
            w.array(segments[key]!) { w, r in w.int(r.lowerBound); w.int(r.upperBound) }
        }
        try? Data(w.bytes).write(to: URL(fileURLWithPath: cacheDir + "/data.bin"))
    }
}
