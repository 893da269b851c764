// Posting lists as compact strings for a JSON index: a bitmap or delta varints, in base64.

enum PostingEncoding {
    /// Encodes sorted document ids: `b` + base64 bitmap of `count` documents, or `d` + base64
    /// of the gaps as LEB128 varints, whichever is shorter.
    static func encode(_ ids: [Int32], count: Int) -> String {
        var varints: [UInt8] = []
        varints.reserveCapacity(ids.count * 2)
        var previous: Int32 = -1
        for id in ids {
            var gap = UInt32(id - previous)
            previous = id
            while gap >= 0x80 {
                varints.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            varints.append(UInt8(gap))
        }
        let bitmapSize = (count + 7) / 8
        if bitmapSize < varints.count {
            var bitmap = [UInt8](repeating: 0, count: bitmapSize)
            for id in ids { bitmap[Int(id) >> 3] |= 1 << (UInt8(truncatingIfNeeded: id) & 7) }
            return "b" + base64(bitmap)
        }
        return "d" + base64(varints)
    }

    /// Decodes what `encode` wrote (used by tests; search.js decodes in the browser).
    static func decode(_ text: String) -> [Int32]? {
        guard let kind = text.first, let bytes = unbase64(String(text.dropFirst())) else { return nil }
        var ids: [Int32] = []
        if kind == "b" {
            for (i, byte) in bytes.enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (1 << bit) != 0 { ids.append(Int32(i * 8 + bit)) }
            }
            return ids
        }
        var previous: Int32 = -1
        var value: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes {
            value |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; continue }
            previous += Int32(value)
            ids.append(previous)
            value = 0
            shift = 0
        }
        return ids
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(0x3D); out.append(0x3D)
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(0x3D)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unbase64(_ text: String) -> [UInt8]? {
        var table = [Int](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = i }
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            if c == 0x3D { break }
            guard c < 128, table[Int(c)] >= 0 else { return nil }
            buffer = buffer << 6 | UInt32(table[Int(c)])
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
