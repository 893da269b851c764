// The parts of a .docx, which is a zip file: its directory read with every bound checked, and
// each part inflated by ZIPFoundation with its size capped.
//
// Why not ZIPFoundation's `Archive`: on Linux its extraction reads on past an entry's data and
// loops for ever when a deflate stream does not end before the file does (a crafted or damaged
// entry hangs the build; tested in DocxReaderTests), and it looks for the end record through
// the whole file byte by byte. The zip directory is a few fixed-size records, read here with
// bounds checks; the inflating and the CRC are ZIPFoundation's (`Data.decompress`, `crc32`),
// fed exactly the entry's bytes.

import Foundation
import ZIPFoundation

struct DocxZip {
    enum Failure: Error, Equatable {
        /// Not a zip at all; `oldWord` when it is an OLE2 file (a .doc, or an encrypted .docx).
        case notZip(oldWord: Bool)
        /// The zip's directory is cut off or inconsistent (a truncated download, a damaged file).
        case damaged(String)
        /// An encrypted entry or a compression other than stored and deflate.
        case unsupported(String)
        /// More entries than `maximumEntries`.
        case tooManyEntries(Int)
        /// An entry larger than what is left of the byte budget.
        case tooLarge(name: String, bytes: Int)
    }

    struct Entry {
        var flags: UInt16
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
    }

    static let maximumEntries = 10_000

    private let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            throw .notZip(oldWord: bytes.starts(with: ole2))
        }
        // The end record sits in the last 22 + 65,535 (comment) bytes.
        guard bytes.count >= 22 else { throw .damaged("shorter than a zip's end record") }
        var end = -1
        var k = bytes.count - 22
        let floor = max(0, bytes.count - 22 - 65_535)
        while k >= floor {
            if u32(k) == 0x0605_4B50 { end = k; break }
            k -= 1
        }
        guard end >= 0 else { throw .damaged("no end of central directory (the file is cut off)") }
        var count = Int(u16(end + 10))
        var directorySize = Int(u32(end + 12))
        var directory = Int(u32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directory == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points to the ZIP64 end record.
            guard end >= 20, u32(end - 20) == 0x0706_4B50 else { throw .damaged("ZIP64 locator missing") }
            let record = try offset(u64(end - 20 + 8))
            guard record + 56 <= bytes.count, u32(record) == 0x0606_4B50 else { throw .damaged("ZIP64 end record missing") }
            count = try offset(u64(record + 32))
            directorySize = try offset(u64(record + 40))
            directory = try offset(u64(record + 48))
        }
        guard count <= Self.maximumEntries else { throw .tooManyEntries(count) }
        guard directory <= bytes.count, directorySize <= bytes.count - directory else {
            throw .damaged("central directory outside the file")
        }
        var at = directory
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { throw .damaged("central directory entry \(entries.count + 1) is damaged") }
            let nameLength = Int(u16(at + 28))
            let extraLength = Int(u16(at + 30))
            let commentLength = Int(u16(at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= bytes.count else { throw .damaged("central directory entry \(entries.count + 1) is cut off") }
            var entry = Entry(flags: u16(at + 8), method: u16(at + 10), crc: u32(at + 16),
                              compressedSize: Int(u32(at + 20)), uncompressedSize: Int(u32(at + 24)),
                              localHeader: Int(u32(at + 42)))
            try readZIP64Extra(from: at + 46 + nameLength, length: extraLength, into: &entry)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            if entries[name] == nil { entries[name] = entry }
            at = next
        }
    }

    /// The bytes of the entry `name`, nil if there is none. `budget` is what may still be
    /// inflated; it shrinks by what this entry gives.
    func read(_ name: String, budget: inout Int) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.flags & 1 == 0 else { throw .unsupported("\(name) is encrypted") }
        guard entry.uncompressedSize <= budget else { throw .tooLarge(name: name, bytes: entry.uncompressedSize) }
        let header = entry.localHeader
        guard header <= bytes.count - 30, u32(header) == 0x0403_4B50 else { throw .damaged("\(name): local header missing") }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .damaged("\(name): data cut off")
        }
        let data = bytes[start..<(start + entry.compressedSize)]
        var output: [UInt8] = []
        var crc: UInt32 = 0
        switch entry.method {
        case 0:
            output = Array(data)
            crc = Data(data).crc32(checksum: 0)
        case 8:
            do {
                crc = try inflate(data, declared: entry.uncompressedSize, into: &output)
            } catch let failure as Failure {
                throw failure
            } catch {
                throw .damaged("\(name): the compressed data is damaged")
            }
        default:
            throw .unsupported("\(name): compression method \(entry.method)")
        }
        guard output.count == entry.uncompressedSize else {
            throw .damaged("\(name): \(output.count) bytes where the directory says \(entry.uncompressedSize)")
        }
        guard crc == entry.crc else {
            throw .damaged("\(name): CRC mismatch")
        }
        budget -= output.count
        return output
    }

    // MARK: - Helpers

    /// Inflates `data` into `output`; returns the CRC-32 of what it gave.
    private func inflate(_ data: ArraySlice<UInt8>, declared: Int, into output: inout [UInt8]) throws -> UInt32 {
        // ZIPFoundation's inflater takes `chunk` bytes on every call whatever it is given, so
        // the last piece is padded; after the entry's bytes the provider fails instead of
        // handing out nothing (on which it would loop).
        let chunk = 64 * 1024
        var position = data.startIndex
        let provider: Provider = { _, _ in
            guard position < data.endIndex else { throw Failure.damaged("the compressed data does not end") }
            let end = min(position + chunk, data.endIndex)
            var piece = Data(data[position..<end])
            if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
            position = end
            return piece
        }
        var inflated: [UInt8] = []
        inflated.reserveCapacity(declared)
        var crc: UInt32 = 0
        let consumer: Consumer = { piece in
            // A zip bomb that lies about its size stops here, at the size it declared.
            guard inflated.count + piece.count <= declared else {
                throw Failure.damaged("more bytes than the directory says (\(declared))")
            }
            inflated.append(contentsOf: piece)
            crc = piece.crc32(checksum: crc)
        }
        _ = try Data.decompress(size: Int64(data.count), bufferSize: chunk, skipCRC32: true,
                                provider: provider, consumer: consumer)
        output = inflated
        return crc
    }

    private func readZIP64Extra(from start: Int, length: Int, into entry: inout Entry) throws(Failure) {
        guard entry.uncompressedSize == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF
            || entry.localHeader == 0xFFFF_FFFF else { return }
        var at = start
        while at + 4 <= start + length {
            let id = u16(at)
            let size = Int(u16(at + 2))
            guard at + 4 + size <= start + length else { break }
            if id == 0x0001 {
                var field = at + 4
                let fieldEnd = at + 4 + size
                if entry.uncompressedSize == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                    entry.uncompressedSize = try offset(u64(field)); field += 8
                }
                if entry.compressedSize == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                    entry.compressedSize = try offset(u64(field)); field += 8
                }
                if entry.localHeader == 0xFFFF_FFFF, field + 8 <= fieldEnd {
                    entry.localHeader = try offset(u64(field))
                }
                return
            }
            at += 4 + size
        }
    }

    private func offset(_ value: UInt64) throws(Failure) -> Int {
        guard value <= UInt64(bytes.count) else { throw .damaged("an offset or size past the end of the file") }
        return Int(value)
    }

    private func u16(_ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private func u32(_ at: Int) -> UInt32 {
        UInt32(u16(at)) | UInt32(u16(at + 2)) << 16
    }

    private func u64(_ at: Int) -> UInt64 {
        UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }
}
