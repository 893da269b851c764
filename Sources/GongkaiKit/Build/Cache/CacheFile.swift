// The files of the build cache: each written whole or not at all, and read back only when its
// kind, length and checksum hold (any doubt, and the build does without it).

import Foundation

/// A cache file: `[gkcache1][kind: 8 bytes][payload length: 8][payload][checksum: 8]`, the
/// checksum a `StreamingHash` of everything before it.
///
/// Nothing read from the cache is trusted more than its checksum allows: a damaged, truncated,
/// planted or foreign file reads as nil, and the decoders that take its payload check every
/// count and range against what is there (`BinaryReader`).
enum CacheFile {
    enum Kind: String {
        /// `OutputManifest`: what the previous build published.
        case outputs
        /// `DataSegments`: where each department-year's rows are in the open-data files.
        case data
        /// `SearchState`: what the previous search index was made of.
        case search
        /// `DocumentCache`'s index of documents.
        case documents
        /// `BuildIdentity`: which gongkai wrote the cache.
        case identity

        /// The kind as the 8 bytes of the header.
        var tag: [UInt8] { Array(rawValue.utf8.prefix(8)) + Array(repeating: 0, count: max(0, 8 - rawValue.utf8.count)) }
    }

    static let magic = Array("gkcache1".utf8)

    /// The payload wrapped in its header and checksum.
    static func wrap(_ payload: [UInt8], kind: Kind) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 32)
        out += magic
        out += kind.tag
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { out += $0 }
        out += payload
        let sum = StreamingHash.of(out)
        withUnsafeBytes(of: sum.littleEndian) { out += $0 }
        return out
    }

    /// The payload of `bytes` when they are a whole, undamaged file of this kind.
    static func unwrap(_ bytes: [UInt8], kind: Kind) -> [UInt8]? {
        guard bytes.count >= 32, bytes[0..<8].elementsEqual(magic), bytes[8..<16].elementsEqual(kind.tag) else { return nil }
        let length = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self)) }
        guard length == UInt64(bytes.count - 32) else { return nil }
        let stored = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) }
        let sum = bytes.withUnsafeBytes { StreamingHash.of(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
        guard stored == sum else { return nil }
        return Array(bytes[24..<(bytes.count - 8)])
    }

    /// Writes the file whole (a temporary file renamed into place; a link at `path` is
    /// replaced, never written through).
    static func write(_ payload: [UInt8], kind: Kind, to path: String) throws {
        try SafeFiles.writeAtomically(wrap(payload, kind: kind), to: path)
    }

    /// The payload of the file at `path`, or nil when it is missing, not a regular file, of
    /// another kind, or damaged.
    static func read(_ path: String, kind: Kind) -> [UInt8]? {
        SafeFiles.readRegular(path).flatMap { unwrap($0, kind: kind) }
    }

    /// Makes `path` a directory of its own for the cache: a link or a file in its place is
    /// removed (what a link points to is never touched), a missing one made with its parents.
    /// False when that failed (the build then does without a cache).
    @discardableResult
    static func prepareDirectory(_ path: String) -> Bool {
        var st = stat()
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return true }
            guard unlink(path) == 0 else { return false }
        }
        return (try? SafeFiles.makeDirectories(path)) != nil
    }
}
