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
            // The linker's build ID stands for the executable's bytes (a few hundred bytes read,
            // not megabytes hashed on every build); an executable without one is hashed whole.
            if let id = buildID(path) { return StreamingHash.of(id) }
            if let bytes = Files.read(path) { return StreamingHash.of(bytes) }
        }
        // No executable to hash: a value no earlier run wrote, so no cache is trusted.
        return UInt64.random(in: 1...UInt64.max)
    }()

    /// The GNU build ID note of an ELF64 little-endian executable (`ld --build-id`, on by
    /// default on Linux), or nil.
    static func buildID(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func read(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard count > 0, count <= 1 << 20, offset >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return n == count ? bytes : nil
        }
        func int(_ b: [UInt8], _ at: Int, _ size: Int) -> Int {
            var v = 0
            for k in (0..<size).reversed() { v = v << 8 | Int(b[at + k]) }
            return v
        }
        // ELF64, little-endian.
        guard let header = read(0, 64), header[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]), header[4] == 2, header[5] == 1 else { return nil }
        let phoff = int(header, 32, 8), phentsize = int(header, 54, 2), phnum = int(header, 56, 2)
        guard phentsize >= 56, phnum > 0, phnum < 256, let table = read(phoff, phentsize * phnum) else { return nil }
        for i in 0..<phnum {
            let ph = i * phentsize
            guard int(table, ph, 4) == 4 else { continue }  // PT_NOTE
            guard let notes = read(int(table, ph + 8, 8), int(table, ph + 32, 8)) else { continue }
            var at = 0
            while at + 12 <= notes.count {
                let namesz = int(notes, at, 4), descsz = int(notes, at + 4, 4), type = int(notes, at + 8, 4)
                let name = at + 12, desc = name + (namesz + 3) & ~3
                guard desc + descsz <= notes.count else { break }
                if type == 3, namesz == 4, notes[name..<name + 4].elementsEqual([0x47, 0x4E, 0x55, 0]), descsz >= 8 {  // NT_GNU_BUILD_ID
                    return Array(notes[desc..<desc + descsz])
                }
                at = desc + (descsz + 3) & ~3
            }
        }
        return nil
    }

    static func stored(in cacheDir: String) -> UInt64? {
        guard let payload = CacheFile.read(cacheDir + "/identity.bin", kind: .identity) else { return nil }
        var r = BinaryReader(payload)
        guard let identity = try? r.varint(), r.atEnd else { return nil }
        return identity
    }

    static func store(_ identity: UInt64, in cacheDir: String) {
        var w = BinaryWriter()
        w.varint(identity)
        try? CacheFile.write(w.bytes, kind: .identity, to: cacheDir + "/identity.bin")
    }
}
