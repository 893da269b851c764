// The binary files of the search index: posting lists and the shard files that hold them.

/// How posting lists and shard files are written (docs/search.md describes the same; search.js
/// and the tests read it).
///
/// A list starts with a format byte:
/// - `0`: the documents that contain a one- or two-character key, each as a varint
///   `gap << 4 | fields` (the gap from the previous document, the first from -1; bit f of
///   `fields` set when the key occurs in a cell of `SearchDocument.Field` f);
/// - `1`: the same as bitmaps: a byte of the fields present, then for each of them (in order)
///   a bitmap of `ceil(documents / 8)` bytes, bit d of byte d/8 for document d;
/// - `2`: every occurrence of a three-character key: a document's first as the varints
///   `gap << 1 | 1` and `position << 2 | field`, each further one in the same document as
///   `(position − previous) << 3 | field << 1`. A position counts the normalised characters of
///   the document's cells, one more between two cells.
///
/// A shard file is a varint count of keys, then for each key (in key order) the varint number
/// of its characters, their code points as varints and the varint byte length of its list,
/// then the lists one after another.
enum IndexFormat {
    static let documentList: UInt8 = 0
    static let bitmapList: UInt8 = 1
    static let occurrenceList: UInt8 = 2

    @inline(__always)
    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        var n = 1
        var v = value >> 7
        while v != 0 { n += 1; v >>= 7 }
        return n
    }

    /// Reads a varint at `i`, advancing it; nil past the end or on a varint of more than 64 bits.
    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            guard shift < 64 else { return nil }
            value |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    // MARK: Lists merged from the workers' tables

    /// One worker's part of a key's list: its bytes, its first varint re-based onto the
    /// previous part's last document.
    private struct Part {
        let table: Int
        let list: Int
        /// The first varint's length in bytes, and what it becomes.
        let firstLength: Int
        let first: UInt64
    }

    /// The parts of `key` in the workers' tables, in document order.
    private static func parts(_ key: UInt64, _ tables: [KeyTable]) -> (parts: [Part], fields: UInt8) {
        let shift: UInt64 = KeyTable.length(key) == 3 ? 1 : 4
        var out: [Part] = []
        var previous: Int64 = -1
        var fields: UInt8 = 0
        for t in tables.indices {
            guard let e = tables[t].entry(key), e.lastDoc >= 0 else { continue }
            fields |= e.fields
            let prefix = tables[t].lists.prefix(of: Int(e.list))
            var i = 0
            let value = prefix.withUnsafeBufferPointer { readVarint($0, &i) } ?? 0
            // The first document, from the gap from -1; then the gap from the previous part.
            let doc = Int64(value >> shift) - 1
            let low = value & ((1 << shift) - 1)
            out.append(Part(table: t, list: Int(e.list), firstLength: i, first: UInt64(doc - previous) << shift | low))
            previous = Int64(e.lastDoc)
        }
        return (out, fields)
    }

    /// The bytes of `key`'s list, merged from the workers' tables, appended to `out`.
    static func appendList(_ key: UInt64, tables: [KeyTable], documents count: Int, to out: inout [UInt8]) {
        let (parts, fields) = parts(key, tables)
        let occurrences = KeyTable.length(key) == 3
        if !occurrences, bitmapSize(fields: fields, documents: count) < streamSize(parts, tables) {
            appendBitmaps(parts, tables, fields: fields, documents: count, to: &out)
            return
        }
        out.append(occurrences ? occurrenceList : documentList)
        for part in parts {
            appendVarint(part.first, to: &out)
            var skip = part.firstLength
            tables[part.table].lists.forEachRun(of: part.list) { run in
                let n = min(skip, run.count)
                skip -= n
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: run[n...]))
            }
        }
    }

    /// The byte length of what `appendList` writes for `key`.
    static func listSize(_ key: UInt64, tables: [KeyTable], documents count: Int) -> Int {
        let (parts, fields) = parts(key, tables)
        let stream = streamSize(parts, tables)
        if KeyTable.length(key) == 3 { return stream }
        return min(stream, bitmapSize(fields: fields, documents: count))
    }

    /// Format byte and varints.
    private static func streamSize(_ parts: [Part], _ tables: [KeyTable]) -> Int {
        var n = 1
        for part in parts {
            n += tables[part.table].lists.count(of: part.list) - part.firstLength + varintSize(part.first)
        }
        return n
    }

    private static func bitmapSize(fields: UInt8, documents count: Int) -> Int {
        2 + fields.nonzeroBitCount * ((count + 7) / 8)
    }

    private static func appendBitmaps(_ parts: [Part], _ tables: [KeyTable], fields: UInt8, documents count: Int, to out: inout [UInt8]) {
        let size = (count + 7) / 8
        let order = (0..<4).filter { fields & (1 << $0) != 0 }
        var maps = [[UInt8]](repeating: [UInt8](repeating: 0, count: size), count: order.count)
        var doc: Int64 = -1
        for part in parts {
            var skip = part.firstLength
            var bytes: [UInt8] = []
            tables[part.table].lists.forEachRun(of: part.list) { run in
                let n = min(skip, run.count)
                skip -= n
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: run[n...]))
            }
            func take(_ value: UInt64) {
                doc += Int64(value >> 4)
                for (m, f) in order.enumerated() where value & (1 << f) != 0 {
                    maps[m][Int(doc) >> 3] |= 1 << UInt8(doc & 7)
                }
            }
            take(part.first)
            bytes.withUnsafeBufferPointer { b in
                var i = 0
                while i < b.count, let v = readVarint(b, &i) { take(v) }
            }
        }
        out.append(bitmapList)
        out.append(fields)
        for m in maps { out.append(contentsOf: m) }
    }

    // MARK: Lists from decoded entries (the update; the same bytes as `appendList`)

    /// A one- or two-character key's list of `entries` (sorted by document).
    static func documentList(_ entries: [(doc: Int32, fields: UInt8)], documents count: Int) -> [UInt8] {
        var stream: [UInt8] = [documentList]
        var previous: Int64 = -1
        var fields: UInt8 = 0
        for e in entries {
            appendVarint(UInt64(Int64(e.doc) - previous) << 4 | UInt64(e.fields), to: &stream)
            previous = Int64(e.doc)
            fields |= e.fields
        }
        guard bitmapSize(fields: fields, documents: count) < stream.count else { return stream }
        let size = (count + 7) / 8
        let order = (0..<4).filter { fields & (1 << $0) != 0 }
        var out: [UInt8] = [bitmapList, fields]
        for f in order {
            var map = [UInt8](repeating: 0, count: size)
            for e in entries where e.fields & (1 << f) != 0 { map[Int(e.doc) >> 3] |= 1 << UInt8(e.doc & 7) }
            out.append(contentsOf: map)
        }
        return out
    }

    /// A three-character key's list of `entries` (sorted by document, then position).
    static func occurrenceList(_ entries: [(doc: Int32, position: Int32, field: UInt8)]) -> [UInt8] {
        var out: [UInt8] = [occurrenceList]
        var doc: Int64 = -1
        var position: Int64 = 0
        for e in entries {
            if Int64(e.doc) != doc {
                appendVarint(UInt64(Int64(e.doc) - doc) << 1 | 1, to: &out)
                appendVarint(UInt64(e.position) << 2 | UInt64(e.field), to: &out)
                doc = Int64(e.doc)
            } else {
                appendVarint(UInt64(Int64(e.position) - position) << 3 | UInt64(e.field) << 1, to: &out)
            }
            position = Int64(e.position)
        }
        return out
    }

    /// A shard file of these keys' lists.
    static func shard(_ lists: [UInt64: [UInt8]]) -> [UInt8] {
        let keys = lists.keys.sorted()
        var out: [UInt8] = []
        appendVarint(UInt64(keys.count), to: &out)
        for key in keys {
            let codes = KeyTable.codes(key)
            appendVarint(UInt64(codes.count), to: &out)
            for c in codes { appendVarint(UInt64(c), to: &out) }
            appendVarint(UInt64(lists[key]!.count), to: &out)
        }
        for key in keys { out.append(contentsOf: lists[key]!) }
        return out
    }

    // MARK: Shard files

    /// A shard file of `keys` (sorted), whose lists' sizes are `sizes`.
    static func shard(_ keys: [UInt64], sizes: [Int], tables: [KeyTable], documents count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizes.reduce(16) { $0 + $1 + 8 })
        appendVarint(UInt64(keys.count), to: &out)
        for (key, size) in zip(keys, sizes) {
            let codes = KeyTable.codes(key)
            appendVarint(UInt64(codes.count), to: &out)
            for c in codes { appendVarint(UInt64(c), to: &out) }
            appendVarint(UInt64(size), to: &out)
        }
        for (key, size) in zip(keys, sizes) {
            let before = out.count
            appendList(key, tables: tables, documents: count, to: &out)
            precondition(out.count - before == size, "search index: list size of \(KeyTable.codes(key)) changed")
        }
        return out
    }

    /// The lists of a shard file by key (nil when the file is not one).
    static func parseShard(_ bytes: [UInt8]) -> [UInt64: [UInt8]]? {
        bytes.withUnsafeBufferPointer { b -> [UInt64: [UInt8]]? in
            var i = 0
            guard let count = readVarint(b, &i), count <= UInt64(b.count) else { return nil }
            var entries: [(UInt64, Int)] = []
            for _ in 0..<count {
                guard let n = readVarint(b, &i), (1...3).contains(n) else { return nil }
                var key: UInt64 = 0
                for _ in 0..<n {
                    guard let c = readVarint(b, &i), c > 0, c <= 0x10FFFF else { return nil }
                    key = key << 21 | c
                }
                guard let size = readVarint(b, &i), size <= UInt64(b.count) else { return nil }
                entries.append((key, Int(size)))
            }
            var lists: [UInt64: [UInt8]] = [:]
            for (key, size) in entries {
                guard i + size <= b.count, lists[key] == nil else { return nil }
                lists[key] = Array(b[i..<i + size])
                i += size
            }
            return i == b.count ? lists : nil
        }
    }

    // MARK: Reading lists (the Swift client and the tests; search.js does the same)

    /// The documents of a one- or two-character key's list, each with its field mask.
    static func documents(_ list: [UInt8], documents count: Int) -> [(doc: Int32, fields: UInt8)]? {
        guard let format = list.first else { return [] }
        var out: [(doc: Int32, fields: UInt8)] = []
        if format == bitmapList {
            guard list.count >= 2 else { return nil }
            let fields = list[1]
            let size = (count + 7) / 8
            let order = (0..<4).filter { fields & (1 << $0) != 0 }
            guard list.count == 2 + order.count * size else { return nil }
            var masks = [UInt8](repeating: 0, count: count)
            for (m, f) in order.enumerated() {
                for d in 0..<count where list[2 + m * size + d >> 3] & (1 << UInt8(d & 7)) != 0 { masks[d] |= 1 << UInt8(f) }
            }
            for d in 0..<count where masks[d] != 0 { out.append((Int32(d), masks[d])) }
            return out
        }
        guard format == documentList else { return nil }
        return list.withUnsafeBufferPointer { b in
            var i = 1
            var doc: Int64 = -1
            while i < b.count {
                guard let v = readVarint(b, &i) else { return nil }
                doc += Int64(v >> 4)
                out.append((Int32(doc), UInt8(v & 15)))
            }
            return out
        }
    }

    /// The occurrences of a three-character key's list.
    static func occurrences(_ list: [UInt8]) -> [(doc: Int32, position: Int32, field: UInt8)]? {
        guard let format = list.first else { return [] }
        guard format == occurrenceList else { return nil }
        return list.withUnsafeBufferPointer { b in
            var out: [(doc: Int32, position: Int32, field: UInt8)] = []
            var i = 1
            var doc: Int64 = -1
            var position: Int64 = 0
            while i < b.count {
                guard let v = readVarint(b, &i) else { return nil }
                if v & 1 == 1 {
                    doc += Int64(v >> 1)
                    guard let w = readVarint(b, &i) else { return nil }
                    position = Int64(w >> 2)
                    out.append((Int32(doc), Int32(position), UInt8(w & 3)))
                } else {
                    position += Int64(v >> 3)
                    out.append((Int32(doc), Int32(position), UInt8(v >> 1 & 3)))
                }
            }
            return out
        }
    }
}
