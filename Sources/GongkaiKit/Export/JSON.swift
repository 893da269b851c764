// A small JSON value with ordered keys, serialised deterministically.

/// JSON as written by gongkai: object keys keep the order they were given in.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public static func string(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

    /// Compact serialisation (one line) or pretty with two-space indentation.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    public func bytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, pretty: pretty, indent: 0)
        if pretty { out.append(0x0A) }
        return out
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSON.appendInt(i, to: &out)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSON.newline(&out, indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent) }
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { JSON.newline(&out, indent + 1) }
                JSON.escape(key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `value` in decimal, as `String(value)` writes it, without making the String (a
    /// line number on each of half a million rows).
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        guard value >= 0 else { out.append(contentsOf: String(value).utf8); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for Int.max's 19 digits
        withUnsafeMutableBytes(of: &digits) { d in
            var v = value
            var i = d.count
            repeat {
                i -= 1
                d[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
            } while v > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[i...]))
        }
    }

    /// Whether any byte is a control character, `"` or a backslash: eight bytes at a time (SWAR).
    @inline(__always)
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        let n = bytes.count
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= n {
                let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
                // A zero byte in `quote` or `backslash`, or a byte below 0x20 in `x` (all exact for ASCII
                // and never true for bytes >= 0x80, whose high bit `~v` clears).
                let hit = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- ones &* 0x20) & ~x)
                if hit & highs != 0 { return true }
                i += 8
            }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x22 || b == 0x5C { return true }
            i += 1
        }
        return false
    }

    /// Appends `s` as a JSON string literal (UTF-8 kept, control characters, quotes and backslashes escaped).
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { escape(bytes: $0, into: &out) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal (as `escape(_:into:)`).
    static func escape(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        defer { out.append(0x22) }
        // Most strings need no escaping: copy them whole.
        if !needsEscaping(bytes) {
            out.append(contentsOf: bytes)
            return
        }
        // Runs of plain bytes are copied whole; only the bytes that need it are escaped.
        var start = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            start = i + 1
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            default:
                out.append(0x5C); out.append(0x75); out.append(0x30); out.append(0x30)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0x0F)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}

extension JSON {
    /// Reads JSON (as gongkai writes it: integers, no floats) back from bytes; nil for anything
    /// else. Strings keep their code points exactly (no normalisation), object keys their order.
    static func parse(_ bytes: [UInt8]) -> JSON? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let value = reader.value() else { return nil }
            reader.skipSpace()
            return reader.at == buffer.count ? value : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        }

        mutating func literal(_ word: String, _ value: JSON) -> JSON? {
            for b in word.utf8 {
                guard at < bytes.count, bytes[at] == b else { return nil }
                at += 1
            }
            return value
        }

        mutating func value() -> JSON? {
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case 0x22: return string().map { .string($0) }
            case 0x7B:
                at += 1
                var pairs: [(String, JSON)] = []
                skipSpace()
                if at < bytes.count, bytes[at] == 0x7D { at += 1; return .object(pairs) }
                while true {
                    skipSpace()
                    guard at < bytes.count, bytes[at] == 0x22, let key = string() else { return nil }
                    skipSpace()
                    guard at < bytes.count, bytes[at] == 0x3A else { return nil }
                    at += 1
                    guard let v = value() else { return nil }
                    pairs.append((key, v))
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == 0x2C { at += 1; continue }
                    guard bytes[at] == 0x7D else { return nil }
                    at += 1
                    return .object(pairs)
                }
            case 0x5B:
                at += 1
                var items: [JSON] = []
                skipSpace()
                if at < bytes.count, bytes[at] == 0x5D { at += 1; return .array(items) }
                while true {
                    guard let v = value() else { return nil }
                    items.append(v)
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == 0x2C { at += 1; continue }
                    guard bytes[at] == 0x5D else { return nil }
                    at += 1
                    return .array(items)
                }
            case 0x6E: return literal("null", .null)
            case 0x74: return literal("true", .bool(true))
            case 0x66: return literal("false", .bool(false))
            default:
                let start = at
                if bytes[at] == 0x2D { at += 1 }
                while at < bytes.count, bytes[at] >= 0x30 && bytes[at] <= 0x39 { at += 1 }
                guard at > start, let n = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)) else { return nil }
                return .int(n)
            }
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[at]
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x61...0x66: d = b - 0x61 + 10
                case 0x41...0x46: d = b - 0x41 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
                at += 1
            }
            return v
        }

        /// A string literal starting at `at` (the opening quote).
        mutating func string() -> String? {
            at += 1
            var out: [UInt8] = []
            var start = at
            while at < bytes.count {
                let b = bytes[at]
                if b == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
                    at += 1
                    return String(validating: out, as: UTF8.self)
                }
                guard b == 0x5C else {
                    guard b >= 0x20 else { return nil }
                    at += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
                at += 1
                guard at < bytes.count else { return nil }
                let e = bytes[at]
                at += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x75:
                    guard var v = hex4() else { return nil }
                    if v >= 0xD800 && v < 0xDC00 {
                        guard at + 2 <= bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { return nil }
                        at += 2
                        guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                        v = 0x10000 + (v - 0xD800) << 10 + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(contentsOf: scalar.utf8)
                default: return nil
                }
                start = at
            }
            return nil
        }
    }
}
