// The zip writer of the .xlsx files: what it writes reads back through ZIPFoundation (which
// checks every CRC on extract), its central directory holds the right CRCs, sizes, date and
// permissions, and the same entries always give the same bytes.

import Foundation
import Testing
import ZIPFoundation
@testable import GongkaiKit

@Suite struct ZipWriterTests {
    /// A megabyte of worksheet-like XML that varies (numbers from a fixed generator), so the
    /// deflater has real work to do and the result cannot be a constant.
    static let bigPart: [UInt8] = {
        var bytes: [UInt8] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var row = 1
        while bytes.count < 1 << 20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(contentsOf: "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(state >> 40)</v></c><c r=\"B\(row)\" t=\"inlineStr\"><is><t>就业补助资金</t></is></c></row>".utf8)
            row += 1
        }
        return Array(bytes.prefix(1 << 20))
    }()

    static let entries: [(path: String, bytes: [UInt8], compress: Bool)] = [
        ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types/>"#.utf8), false),
        ("empty.txt", [], false),
        ("xl/worksheets/sheet1.xml", bigPart, true),
        ("xl/中文.xml", Array("项目名称\n".utf8), false),
        ("xl/empty-deflated.xml", [], true),
    ]

    static func archive() throws -> [UInt8] {
        var zip = ZipWriter()
        for e in entries { try zip.add(e.path, e.bytes, compress: e.compress) }
        return try zip.finished()
    }

    /// CRC-32 (ISO 3309, the reflected polynomial 0xEDB88320) bit by bit: independent of zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func entriesReadBackThroughZIPFoundation() throws {
        let bytes = try Self.archive()
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let read = Array(archive)
        #expect(read.map(\.path) == Self.entries.map(\.path))
        for (entry, expected) in zip(read, Self.entries) {
            #expect(entry.type == .file)
            #expect(entry.isCompressed == expected.compress)
            #expect(entry.uncompressedSize == UInt64(expected.bytes.count))
            #expect(entry.checksum == Self.crc32(expected.bytes))
            var data = Data()
            // extract checks the CRC of what it inflated against the entry's.
            _ = try archive.extract(entry) { data.append($0) }
            #expect([UInt8](data) == expected.bytes, "\(entry.path)")
        }
        let big = try #require(read.first { $0.path == "xl/worksheets/sheet1.xml" })
        #expect(big.compressedSize < UInt64(Self.bigPart.count) / 2)
        #expect(big.fileAttributes[.posixPermissions] as? Int == 0o644)
    }

    @Test func centralDirectoryHoldsTheEntriesFacts() throws {
        let bytes = try Self.archive()
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

        // End of central directory: the last 22 bytes (no comment).
        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4B50)
        #expect(u16(end + 8) == Self.entries.count && u16(end + 10) == Self.entries.count)
        let size = Int(u32(end + 12)), start = Int(u32(end + 16))
        #expect(start + size == end)

        var at = start
        for e in Self.entries {
            #expect(u32(at) == 0x0201_4B50)
            #expect(u16(at + 4) == 0x0314)  // made by Unix, version 2.0
            #expect(u16(at + 10) == (e.compress ? 8 : 0))
            #expect(u16(at + 12) == 0 && u16(at + 14) == 0x0021)  // 1980-01-01 00:00
            #expect(u32(at + 16) == Self.crc32(e.bytes), "\(e.path)")
            #expect(u32(at + 24) == UInt32(e.bytes.count))
            #expect(u32(at + 38) == 0o100644 << 16)
            let nameLength = u16(at + 28)
            #expect(Array(bytes[(at + 46)..<(at + 46 + nameLength)]) == Array(e.path.utf8))
            #expect((u16(at + 8) & 0x0800 != 0) == e.path.utf8.contains { $0 >= 0x80 })
            // The local header it points at says the same.
            let local = Int(u32(at + 42))
            #expect(u32(local) == 0x0403_4B50)
            #expect(u32(local + 14) == u32(at + 16))
            #expect(u32(local + 18) == u32(at + 20) && u32(local + 22) == u32(at + 24))
            if !e.compress {
                let data = local + 30 + u16(local + 26)
                #expect(Array(bytes[data..<(data + e.bytes.count)]) == e.bytes)
            }
            at += 46 + nameLength + u16(at + 30) + u16(at + 32)
        }
        #expect(at == end)
    }

    @Test func sameEntriesGiveTheSameBytes() throws {
        #expect(try Self.archive() == Self.archive())
    }
}
