// Which gongkai wrote a cache: a cache from another build of gongkai is not trusted.

import Foundation

/// A hash of the running gongkai executable.
///
/// Cached documents, page fingerprints and open-data segments describe what *this* reader
/// and renderer made of the content. A different gongkai (an upgrade, a local change) may
/// read or render the same content differently, so its cache is ignored: content hashes are
/// still compared, so unchanged files are not rewritten, but everything is read and rendered
/// again.
enum BuildIdentity {
    static let current: UInt64 = {
        for path in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where !path.isEmpty {
            if let bytes = Files.read(path) { return StreamingHash.of(bytes) }
        }
        // No executable to hash: a value no earlier run wrote, so no cache is trusted.
        return UInt64.random(in: 1...UInt64.max)
    }()

    static func stored(in cacheDir: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: cacheDir + "/identity.bin") else { return nil }
        var r = BinaryReader([UInt8](data))
        return try? r.varint()
    }

    static func store(_ identity: UInt64, in cacheDir: String) {
        var w = BinaryWriter()
        w.varint(identity)
        try? FileManager.default.createDirectory(atPath: cacheDir, withIntermediateDirectories: true)
        try? Data(w.bytes).write(to: URL(fileURLWithPath: cacheDir + "/identity.bin"))
    }
}
