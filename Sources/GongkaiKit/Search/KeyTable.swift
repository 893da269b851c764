// One worker's posting lists while the index is built: a list per key, written as the documents come.

/// The posting lists of the documents of one range of ids, in id order, found through an
/// open-addressing hash table (tens of millions of key occurrences: no Dictionary overhead).
///
/// A key is one, two or three code points packed 21 bits each (`key(_:)`). One- and
/// two-character keys list the documents that contain them, each with the fields it occurs
/// in; three-character keys list every occurrence with its position (`IndexFormat` says how
/// each is written). A key's entry keeps its list's number, the last document that had it and
/// where that document's posting is (or the last position), side by side: a key repeated in a
/// document costs one probe and, for a one- or two-character key, one byte OR-ed in place.
struct KeyTable {
    struct Entry {
        /// The key; 0 marks an empty entry.
        var key: UInt64
        var list: Int32
        var lastDoc: Int32
        /// One or two characters: where the last document's posting starts in the arena (its
        /// low four bits are the field mask). Three: the last position.
        var aux: Int32
        /// The fields the key occurs in, over all documents.
        var fields: UInt8
    }

    private var table: [Entry]
    private var mask: Int
    private var tableCount = 0
    /// One-character keys of the Basic Multilingual Plane by code point (half of all key
    /// occurrences, found without a probe); empty in a small table.
    private var unigrams: [Entry] = []
    /// The key of each list number.
    private(set) var keys: [UInt64] = []
    private(set) var lists = PostingLists()

    static let empty = Entry(key: 0, list: -1, lastDoc: -1, aux: 0, fields: 0)

    init(capacity: Int = 1 << 16) {
        table = [Entry](repeating: Self.empty, count: capacity)
        mask = capacity - 1
        if capacity >= 1 << 16 { unigrams = [Entry](repeating: Self.empty, count: 0x10000) }
    }

    /// The key of one to three code points (each at least 1): 21 bits each, so that the length
    /// shows in the value: below 2^21 one character, below 2^42 two, else three.
    @inline(__always)
    static func key(_ a: UInt32) -> UInt64 { UInt64(a) }
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 { UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c) }

    /// The code points of a key.
    static func codes(_ key: UInt64) -> [UInt32] {
        var out: [UInt32] = []
        var k = key
        while k != 0 {
            out.append(UInt32(k & 0x1F_FFFF))
            k >>= 21
        }
        return out.reversed()
    }

    /// How many characters a key has.
    @inline(__always)
    static func length(_ key: UInt64) -> Int { key < 1 << 21 ? 1 : key < 1 << 42 ? 2 : 3 }

    /// The key's shard hash: `SearchFold.hash` of its code points (as search.js computes it),
    /// taken from the key first to last without making an array (`codes(_:)` would).
    static func hash(_ key: UInt64) -> UInt32 {
        SearchFold.hash((0..<length(key)).reversed().lazy.map { UInt32(truncatingIfNeeded: key >> UInt64(21 * $0)) & 0x1F_FFFF })
    }

    /// Adds the keys of one cell's normalised text, which starts at `position` of document
    /// `doc`'s positions (documents come in id order, a document's cells in position order).
    mutating func add(_ codes: UnsafeBufferPointer<UInt32>, doc: Int32, position: Int32, field: SearchDocument.Field) {
        lists.makeUnique()
        let n = codes.count
        // Room for every key the cell could add, so that the table does not grow in the loop;
        // the arrays are taken out while it runs, and written through their pointers.
        while (tableCount + 2 * n) * 2 > table.count { grow() }
        let storage = lists.storage
        var t: [Entry] = [], u: [Entry] = [], k: [UInt64] = []
        swap(&t, &table); swap(&u, &unigrams); swap(&k, &keys)
        defer { swap(&t, &table); swap(&u, &unigrams); swap(&k, &keys) }
        let bit = UInt8(1) << field.rawValue
        let mask = self.mask
        var added = 0
        t.withUnsafeMutableBufferPointer { tp in
            u.withUnsafeMutableBufferPointer { up in
                /// The entry of `key` in the table, made when new.
                @inline(__always)
                func slot(_ key: UInt64) -> UnsafeMutablePointer<Entry> {
                    var i = Self.start(key, mask)
                    while true {
                        let e = tp.baseAddress! + i
                        if e.pointee.key == key { return e }
                        if e.pointee.key == 0 {
                            e.pointee = Entry(key: key, list: Int32(storage.newList()), lastDoc: -1, aux: 0, fields: 0)
                            k.append(key)
                            added += 1
                            return e
                        }
                        i = (i + 1) & mask
                    }
                }
                /// A one- or two-character key in this document: a new posting (gap and field
                /// mask), or the field's bit OR-ed into the document's posting.
                @inline(__always)
                func document(_ e: UnsafeMutablePointer<Entry>) {
                    e.pointee.fields |= bit
                    if e.pointee.lastDoc == doc {
                        storage.or(bit, at: Int(e.pointee.aux))
                    } else {
                        let at = storage.append(UInt64(UInt32(bitPattern: doc &- e.pointee.lastDoc)) << 4 | UInt64(bit), to: Int(e.pointee.list))
                        e.pointee.lastDoc = doc
                        e.pointee.aux = Int32(at)
                    }
                }
                for i in 0..<n {
                    let a = codes[i]
                    if a < 0x10000 && !up.isEmpty {
                        let e = up.baseAddress! + Int(a)
                        if e.pointee.key == 0 {
                            e.pointee = Entry(key: Self.key(a), list: Int32(storage.newList()), lastDoc: -1, aux: 0, fields: 0)
                            k.append(Self.key(a))
                        }
                        document(e)
                    } else {
                        document(slot(Self.key(a)))
                    }
                    guard i + 1 < n else { break }
                    let b = codes[i + 1]
                    document(slot(Self.key(a, b)))
                    guard i + 2 < n else { continue }
                    // A three-character key: its position, in the same document or a new one.
                    let e = slot(Self.key(a, b, codes[i + 2]))
                    let p = position + Int32(i)
                    e.pointee.fields |= bit
                    let list = Int(e.pointee.list)
                    if e.pointee.lastDoc == doc {
                        storage.append(UInt64(UInt32(p - e.pointee.aux)) << 3 | UInt64(field.rawValue) << 1, to: list)
                    } else {
                        storage.append(UInt64(UInt32(bitPattern: doc &- e.pointee.lastDoc)) << 1 | 1, to: list)
                        storage.append(UInt64(UInt32(p)) << 2 | UInt64(field.rawValue), to: list)
                        e.pointee.lastDoc = doc
                    }
                    e.pointee.aux = p
                }
            }
        }
        tableCount += added
    }

    @inline(__always)
    private static func start(_ key: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing: the top bits of the product, which depend on every bit of the key.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - mask.nonzeroBitCount))
    }



    /// The entry of `key`, or the empty entry where it would go.
    private func probe(_ key: UInt64) -> Int {
        table.withUnsafeBufferPointer { t in
            var i = Self.start(key, mask)
            while t[i].key != 0 && t[i].key != key { i = (i + 1) & mask }
            return i
        }
    }

    private mutating func grow() {
        let old = table
        let capacity = old.count * 2
        table = [Entry](repeating: Self.empty, count: capacity)
        mask = capacity - 1
        for entry in old where entry.key != 0 { table[probe(entry.key)] = entry }
    }

    /// The bytes of `key`'s list as this table holds it (empty when it has none).
    func listBytes(_ key: UInt64) -> [UInt8] {
        guard let e = entry(key) else { return [] }
        var out: [UInt8] = []
        lists.forEachRun(of: Int(e.list)) { out.append(contentsOf: $0) }
        return out
    }

    /// The entry of `key`, if this table has it.
    func entry(_ key: UInt64) -> Entry? {
        if key < 0x10000, !unigrams.isEmpty { return unigrams[Int(key)].key == key ? unigrams[Int(key)] : nil }
        let i = probe(key)
        return table[i].key == key ? table[i] : nil
    }
}

/// Posting lists as chains of 64-byte blocks in one arena: a list's bytes are appended to its
/// last block. A value type: a copy shares the arena until either is changed (`makeUnique`,
/// called once per cell by the table, not once per byte). Sendable: a table is handed to other
/// threads only when it is no longer changed, and then only read.
struct PostingLists: @unchecked Sendable {
    private(set) var storage = Storage()

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// A new, empty list; its number.
    @inline(__always)
    mutating func newList() -> Int { storage.newList() }

    /// Appends `value` to `list` as a LEB128 varint; returns where its first byte is.
    @inline(__always)
    @discardableResult
    mutating func append(_ value: UInt64, to list: Int) -> Int { storage.append(value, to: list) }

    /// ORs `bits` into the byte at `at` (a place `append` returned).
    @inline(__always)
    mutating func or(_ bits: UInt8, at: Int) { storage.or(bits, at: at) }

    /// How many bytes list `list` holds.
    func count(of list: Int) -> Int { Int(storage.lists[list].bytes) }

    /// The list's bytes, in order, a block's worth at a time.
    func forEachRun(of list: Int, _ body: (UnsafeRawBufferPointer) -> Void) { storage.forEachRun(of: list, body) }

    /// The list's first bytes (up to 10: a varint), from its first blocks only.
    func prefix(of list: Int) -> [UInt8] { storage.prefix(of: list, count: 10) }

    final class Storage {
        struct List {
            var head: Int32
            var tail: Int32
            var used: Int32
            var bytes: Int32
        }
        static let blockSize = 64
        /// Each block starts with the number of the next block (-1 for none), then its data.
        static let dataSize = blockSize - 4

        fileprivate(set) var lists: UnsafeMutablePointer<List>
        private var listCount = 0
        private var listCapacity: Int
        private var arena: UnsafeMutableRawPointer
        private var blockCount = 0
        private var blockCapacity: Int

        init(lists: Int = 1024, blocks: Int = 1024) {
            listCapacity = lists
            blockCapacity = blocks
            self.lists = .allocate(capacity: lists)
            arena = .allocate(byteCount: blocks * Self.blockSize, alignment: 8)
        }

        deinit {
            lists.deallocate()
            arena.deallocate()
        }

        func copy() -> Storage {
            let other = Storage(lists: listCapacity, blocks: blockCapacity)
            other.lists.initialize(from: lists, count: listCount)
            other.arena.copyMemory(from: arena, byteCount: blockCount * Self.blockSize)
            other.listCount = listCount
            other.blockCount = blockCount
            return other
        }

        private func newBlock() -> Int32 {
            if blockCount == blockCapacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: blockCapacity * 2 * Self.blockSize, alignment: 8)
                bigger.copyMemory(from: arena, byteCount: blockCount * Self.blockSize)
                arena.deallocate()
                arena = bigger
                blockCapacity *= 2
            }
            let block = blockCount
            blockCount += 1
            arena.storeBytes(of: Int32(-1), toByteOffset: block * Self.blockSize, as: Int32.self)
            return Int32(block)
        }

        func newList() -> Int {
            if listCount == listCapacity {
                let bigger = UnsafeMutablePointer<List>.allocate(capacity: listCapacity * 2)
                bigger.moveInitialize(from: lists, count: listCount)
                lists.deallocate()
                lists = bigger
                listCapacity *= 2
            }
            // No block until the list is first written to.
            (lists + listCount).initialize(to: List(head: -1, tail: -1, used: Int32(Self.dataSize), bytes: 0))
            listCount += 1
            return listCount - 1
        }

        @inline(__always)
        @discardableResult
        func append(_ value: UInt64, to list: Int) -> Int {
            var v = value
            let first = put(UInt8(truncatingIfNeeded: v & 0x7F) | (v >= 0x80 ? 0x80 : 0), list)
            while v >= 0x80 {
                v >>= 7
                put(UInt8(truncatingIfNeeded: v & 0x7F) | (v >= 0x80 ? 0x80 : 0), list)
            }
            return first
        }

        @inline(__always)
        func or(_ bits: UInt8, at: Int) {
            let p = arena.advanced(by: at).assumingMemoryBound(to: UInt8.self)
            p.pointee |= bits
        }

        @inline(__always)
        @discardableResult
        private func put(_ byte: UInt8, _ list: Int) -> Int {
            if lists[list].used == Int32(Self.dataSize) {
                let block = newBlock()
                if lists[list].tail >= 0 {
                    arena.storeBytes(of: block, toByteOffset: Int(lists[list].tail) * Self.blockSize, as: Int32.self)
                } else {
                    lists[list].head = block
                }
                lists[list].tail = block
                lists[list].used = 0
            }
            let l = lists[list]
            let at = Int(l.tail) * Self.blockSize + 4 + Int(l.used)
            arena.storeBytes(of: byte, toByteOffset: at, as: UInt8.self)
            lists[list].used = l.used + 1
            lists[list].bytes = l.bytes + 1
            return at
        }

        func prefix(of list: Int, count: Int) -> [UInt8] {
            var out: [UInt8] = []
            let l = lists[list]
            var block = l.head
            while block >= 0 && out.count < count {
                let base = Int(block) * Self.blockSize
                let n = block == l.tail ? Int(l.used) : Self.dataSize
                out.append(contentsOf: UnsafeRawBufferPointer(start: arena + base + 4, count: min(n, count - out.count)))
                block = arena.load(fromByteOffset: base, as: Int32.self)
            }
            return out
        }

        func forEachRun(of list: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
            let l = lists[list]
            var block = l.head
            while block >= 0 {
                let base = Int(block) * Self.blockSize
                let n = block == l.tail ? Int(l.used) : Self.dataSize
                body(UnsafeRawBufferPointer(start: arena + base + 4, count: n))
                block = arena.load(fromByteOffset: base, as: Int32.self)
            }
        }
    }
}
