// A compact binary form of the model, for the build cache and for fingerprints of pages.

import Foundation

/// Writes values as bytes: varints, length-prefixed UTF-8 strings, arrays, optionals.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var v = value
        v.withUTF8 { buffer in
            varint(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func string(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func money(_ value: Money?) {
        bool(value != nil)
        if let value { int(Int(value.fen)) }
    }

    mutating func int(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func array<T>(_ items: [T], _ each: (inout BinaryWriter, T) -> Void) {
        varint(UInt64(items.count))
        for item in items { each(&self, item) }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws (a damaged cache is rebuilt).
struct BinaryReader {
    struct Damaged: Error {}

    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let v = try varint()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func bool() throws -> Bool {
        guard position < bytes.count else { throw Damaged() }
        defer { position += 1 }
        return bytes[position] != 0
    }

    /// A count of bytes or items that follow, checked against what is left (a damaged count
    /// past `Int.max` throws; `Int(_:)` would trap).
    mutating func count() throws -> Int {
        let n = try varint()
        guard n <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(n)
    }

    /// A string's length, checked against what is left.
    private mutating func stringLength() throws -> Int { try count() }

    mutating func string() throws -> String {
        let n = try stringLength()
        defer { position += n }
        return String(decoding: bytes[position..<position + n], as: UTF8.self)
    }

    /// Strings a summary repeats (the document's path in every location, its department,
    /// unit, period, source): the same `String` as the last time these bytes were read (one
    /// of the last eight), instead of a copy each time.
    private var recent: [String] = []

    mutating func sharedString() throws -> String {
        let n = try stringLength()
        defer { position += n }
        // Up to 15 bytes a String holds inline: nothing to share.
        guard n > 15 else { return String(decoding: bytes[position..<position + n], as: UTF8.self) }
        let found = bytes.withUnsafeBufferPointer { b -> String? in
            let start = b.baseAddress! + position
            for var s in recent where s.utf8.count == n {
                if s.withUTF8({ memcmp($0.baseAddress!, start, n) == 0 }) { return s }
            }
            return nil
        }
        if let found { return found }
        let s = String(decoding: bytes[position..<position + n], as: UTF8.self)
        if recent.count == 8 { recent.removeFirst() }
        recent.append(s)
        return s
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    mutating func optionalSharedString() throws -> String? { try bool() ? try sharedString() : nil }
    mutating func money() throws -> Money? { try bool() ? Money(fen: Int64(try int())) : nil }
    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func array<T>(_ each: (inout BinaryReader) throws -> T) throws -> [T] {
        let n = try count()
        var items: [T] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try each(&self)) }
        return items
    }
}

/// FNV-1a, 64 bits: a stable hash of bytes (the same in every run, unlike Swift's Hasher).
struct StableHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        value = h
    }

    /// Combines 8 bytes at a time (then the rest byte by byte): for large inputs such as an
    /// executable, where byte-at-a-time FNV would be slow. Not interchangeable with `combine`.
    mutating func combineWords(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        var i = 0
        while i + 8 <= bytes.count {
            h ^= bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h &* 0x100_0000_01B3) ^ (h >> 29)
            i += 8
        }
        value = h
        combine(UnsafeRawBufferPointer(rebasing: bytes[i...]))
    }

    mutating func combine(_ string: String) {
        // Read in place where the string is stored contiguously (no copy of the String to
        // make `withUTF8` mutable: fingerprints combine every name and path of the site).
        string.withUTF8Bytes { combineWords(UnsafeRawBufferPointer($0)) }
        combine(CollectionOfOne(0xFF))
    }

    mutating func combine(_ int: Int) {
        withUnsafeBytes(of: Int64(int).littleEndian) { combine($0) }
    }

    /// Another hash (the same bytes as `combine(Int)` of its bit pattern).
    mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { combine($0) }
    }
}

/// A hash of a byte stream, the same however the stream is cut into pieces (for files written
/// in chunks, such as the large open-data files). Four independent lanes take 32 bytes a step,
/// so the multiplications overlap instead of waiting on one another (hundreds of megabytes are
/// hashed per build: every file written, every cache file read).
struct StreamingHash {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0xCBF2_9CE4_8422_2325, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9)
    /// Bytes of an incomplete 32-byte block, waiting for the next piece.
    private var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var tailCount = 0
    private var length = 0

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0x100_0000_01B3
        return x ^ (x >> 29)
    }

    /// The 32 bytes waiting in `tail`, one word into each lane.
    private mutating func mixTail() {
        lanes = (Self.mix(lanes.0, UInt64(littleEndian: tail.0)), Self.mix(lanes.1, UInt64(littleEndian: tail.1)),
                 Self.mix(lanes.2, UInt64(littleEndian: tail.2)), Self.mix(lanes.3, UInt64(littleEndian: tail.3)))
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return }
        length += n
        var i = 0
        if tailCount > 0 {
            let take = min(32 - tailCount, n)
            withUnsafeMutableBytes(of: &tail) { t in
                t.baseAddress!.advanced(by: tailCount).copyMemory(from: base, byteCount: take)
            }
            tailCount += take
            i = take
            guard tailCount == 32 else { return }
            mixTail()
            tailCount = 0
        }
        var (a, b, c, d) = lanes
        while i + 32 <= n {
            a = Self.mix(a, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            b = Self.mix(b, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            c = Self.mix(c, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            d = Self.mix(d, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        lanes = (a, b, c, d)
        if i < n {
            tail = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &tail) { t in t.baseAddress!.copyMemory(from: base + i, byteCount: n - i) }
            tailCount = n - i
        }
    }

    var value: UInt64 {
        var copy = self
        if copy.tailCount > 0 {
            // The incomplete block, zero-padded (the length below tells the padding apart).
            withUnsafeMutableBytes(of: &copy.tail) { t in
                for k in copy.tailCount..<32 { t[k] = 0 }
            }
            copy.mixTail()
        }
        var h = Self.mix(copy.lanes.0, copy.lanes.1)
        h = Self.mix(h, copy.lanes.2)
        h = Self.mix(h, copy.lanes.3)
        return Self.mix(h, UInt64(copy.length))
    }

    /// The hash of a whole buffer: what a stream of these bytes hashes to, however it is cut.
    /// For file contents, cache files and encoded projects (hundreds of megabytes a build),
    /// where byte-at-a-time FNV took longer than writing the files.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = StreamingHash()
        h.combine(bytes)
        return h.value
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }
}
