// A zip archive written in memory (the .xlsx files): the only file that calls zlib. Section
// numbers are those of PKWARE's APPNOTE.TXT 6.3.x, the zip file format specification.

import CZlibDeflate

/// A zip archive built entry by entry in memory, then closed with its central directory.
///
/// Every entry has the same date (1980-01-01 00:00, the earliest a zip can hold) and Unix
/// permissions 0644: the same entries give the same bytes whenever and wherever they are written.
/// No Zip64: an entry, the archive and the entry count must fit the classic fields (4 GiB, 65,535
/// entries); beyond that `add` throws rather than write a zip no reader could trust.
struct ZipWriter {
    private var out: [UInt8] = []
    /// The central directory's file headers, one per entry, appended after the last entry.
    private var central: [UInt8] = []
    private var entryCount = 0

    /// The deflate level. Level 1 (Z_BEST_SPEED) deflates the worksheets about 2.5 times as fast
    /// as zlib's default level 6 for about 11% more bytes (8.0 instead of 7.2 MB per 67 MB of
    /// sheet XML): the open-data files are written on every build, read seldom.
    static let level: Int32 = 1

    /// 1980-01-01 00:00 as MS-DOS date and time (4.4.6): (year - 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 0x0021
    static let dosTime: UInt16 = 0

    /// Adds a file entry named `path` (a relative path with `/` separators) holding `contents`,
    /// deflated when `compress` is true and stored as they are otherwise.
    mutating func add(_ path: String, _ contents: [UInt8], compress: Bool) throws {
        let name = Array(path.utf8)
        let offset = out.count
        guard contents.count < Int(UInt32.max), offset < Int(UInt32.max), name.count <= Int(UInt16.max),
              entryCount < Int(UInt16.max) else {
            throw PipelineError.output(Localized(
                zh: "zip 文件过大，无法写入 \(path)（超过 4 GiB 或 65,535 个条目）",
                en: "the zip file is too large for \(path) (over 4 GiB or 65,535 entries)"))
        }
        let crc = contents.withUnsafeBufferPointer { b in
            UInt32(crc32(0, b.baseAddress, UInt32(b.count)))
        }
        let data = compress ? try Self.deflated(contents, path: path) : contents
        // Bit 11: the name is UTF-8 (4.4.4); bits 1 and 2 both set: deflated at the fastest setting.
        var flags: UInt16 = name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        if compress { flags |= 0x0006 }
        let method: UInt16 = compress ? 8 : 0
        // Version 2.0 is needed to extract a deflated entry, 1.0 a stored one (4.4.3.2).
        let needed: UInt16 = compress ? 20 : 10

        // Local file header (4.3.7); the sizes and CRC are known, so no data descriptor (4.3.9).
        /// The fields the local and the central header share, in the same order: version
        /// needed to extract through extra field length.
        func common(_ bytes: inout [UInt8]) {
            Self.append(needed, to: &bytes)
            Self.append(flags, to: &bytes)
            Self.append(method, to: &bytes)
            Self.append(Self.dosTime, to: &bytes)
            Self.append(Self.dosDate, to: &bytes)
            Self.append(crc, to: &bytes)
            Self.append(UInt32(data.count), to: &bytes)
            Self.append(UInt32(contents.count), to: &bytes)
            Self.append(UInt16(name.count), to: &bytes)
            Self.append(UInt16(0), to: &bytes)  // extra field length
        }
        Self.append(UInt32(0x0403_4B50), to: &out)
        common(&out)
        out.append(contentsOf: name)
        out.append(contentsOf: data)

        // Central directory file header (4.3.12).
        Self.append(UInt32(0x0201_4B50), to: &central)
        // Made by: 3 (Unix, so the external attributes hold a mode, 4.4.2.2), version 2.0.
        Self.append(UInt16(3 << 8 | 20), to: &central)
        common(&central)
        Self.append(UInt16(0), to: &central)  // file comment length
        Self.append(UInt16(0), to: &central)  // disk number start
        Self.append(UInt16(0), to: &central)  // internal file attributes
        // External file attributes (4.4.15): a regular file (S_IFREG), rw-r--r--, in the high half.
        Self.append(UInt32(0o100644) << 16, to: &central)
        Self.append(UInt32(offset), to: &central)
        central.append(contentsOf: name)
        entryCount += 1
    }

    /// The archive's bytes: the entries, the central directory and its end record.
    consuming func finished() throws -> [UInt8] {
        let directoryOffset = out.count
        guard directoryOffset + central.count < Int(UInt32.max) else {
            throw PipelineError.output(Localized(zh: "zip 文件超过 4 GiB，无法写入", en: "the zip file is over 4 GiB and cannot be written"))
        }
        out.append(contentsOf: central)
        // End of central directory record (4.3.16): one disk, no comment.
        Self.append(UInt32(0x0605_4B50), to: &out)
        Self.append(UInt16(0), to: &out)  // number of this disk
        Self.append(UInt16(0), to: &out)  // disk where the central directory starts
        Self.append(UInt16(entryCount), to: &out)  // entries on this disk
        Self.append(UInt16(entryCount), to: &out)  // entries in all
        Self.append(UInt32(central.count), to: &out)
        Self.append(UInt32(directoryOffset), to: &out)
        Self.append(UInt16(0), to: &out)  // comment length
        return out
    }

    /// `bytes` as one raw deflate stream (4.4.5 method 8; RFC 1951, no zlib header): one stream
    /// per entry, fed the whole buffer at once, into room for the worst case (`deflateBound`).
    static func deflated(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        func failure(_ code: Int32) -> PipelineError {
            .output(Localized(zh: "无法压缩 zip 文件中的 \(path)（zlib 错误 \(code)）",
                              en: "cannot deflate \(path) in a zip file (zlib error \(code))"))
        }
        var stream = z_stream()
        let initialised = gongkai_deflate_init_raw(&stream, level)
        guard initialised == Z_OK else { throw failure(initialised) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var status: Int32 = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, written in
            bytes.withUnsafeBufferPointer { input in
                // zlib never writes through next_in; its type lacks the const only.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                status = deflate(&stream, Z_FINISH)
                written = buffer.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw failure(status) }
        return output
    }

    /// `value` little-endian, as every zip field is (4.4.1.1).
    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
