// Where each department-year's rows are in the large data files, so an unchanged
// department-year can be copied from the previous build instead of formatted again.

import Foundation

final class DataSegments: @unchecked Sendable {
    /// Department-year fingerprint → byte ranges in projects.json, projects.csv, indicators.csv.
    private(set) var segments: [UInt64: [Range<Int>]] = [:]
    private let lock = NSLock()
    private var handles: [FileHandle] = []
    /// Department-years copied from the previous build's files.
    private(set) var copied = 0

    init() {}

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
        for file in DataExport.streamedFiles {
            guard let handle = FileHandle(forReadingAtPath: outputDir + "/" + file) else { return nil }
            handles.append(handle)
        }
    }

    func record(_ fingerprint: UInt64, _ ranges: [Range<Int>]) {
        lock.lock()
        segments[fingerprint] = ranges
        lock.unlock()
    }

    /// Appends the bytes of a recorded department-year to the three streams. The JSON range
    /// starts with the comma between objects; the first department-year of a file has none.
    func copy(_ ranges: [Range<Int>], into streams: [FileStream], dropFirstComma: Bool) throws -> Bool {
        guard ranges.count == streams.count, handles.count == streams.count else { return false }
        var chunks: [[UInt8]] = []
        for (i, range) in ranges.enumerated() {
            let fd = handles[i].fileDescriptor
            var complete = false
            let chunk = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                var done = 0
                while done < range.count {
                    let n = pread(fd, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                    guard n > 0 else { break }
                    done += n
                }
                initialized = done
                complete = done == range.count
            }
            guard complete else { return false }
            chunks.append(chunk)
        }
        // JSON: the stored range begins with "," unless it was the first department-year.
        var json = chunks[0]
        let hadComma = json.first == 0x2C
        if dropFirstComma && hadComma { json.removeFirst() }
        if !dropFirstComma && !hadComma { json.insert(0x2C, at: 0) }
        guard json.first == (dropFirstComma ? 0x0A : 0x2C) else { return false }
        streams[0].buffer.append(contentsOf: json)
        streams[1].buffer.append(contentsOf: chunks[1])
        streams[2].buffer.append(contentsOf: chunks[2])
        for s in streams { try s.flushIfFull() }
        lock.lock()
        copied += 1
        lock.unlock()
        return true
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
