// Updating the previous search index when a few projects changed, with the bytes a clean build writes.

import Foundation

/// What the previous build's index was made from, kept in the cache (`search.bin`).
struct SearchState: Equatable {
    /// How the index is split into files.
    struct Layout: Equatable {
        var shards: Int
        var recordChunk: Int
        var textChunk: Int
    }

    var options: SearchIndex.Options
    var layout: Layout
    /// `SearchDocument.hash` of every document, by id.
    var hashes: [UInt64]
    /// What decides the layout: the bytes of all lists, of all record entries and of all cell
    /// entries (each with its comma).
    var listBytes: Int
    var recordBytes: Int
    var textBytes: Int

    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.int(2)  // the index's format
        w.int(options.shardBytes); w.int(options.recordBytes); w.int(options.textBytes)
        w.int(layout.shards); w.int(layout.recordChunk); w.int(layout.textChunk)
        w.int(listBytes); w.int(recordBytes); w.int(textBytes)
        w.array(hashes) { $0.varint($1) }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) -> SearchState? {
        var r = BinaryReader(bytes)
        guard (try? r.int()) == 2 else { return nil }
        do {
            let options = SearchIndex.Options(shardBytes: try r.int(), recordBytes: try r.int(), textBytes: try r.int())
            let layout = Layout(shards: try r.int(), recordChunk: try r.int(), textChunk: try r.int())
            let (lists, records, texts) = (try r.int(), try r.int(), try r.int())
            guard layout.shards > 0, layout.recordChunk > 0, layout.textChunk > 0 else { return nil }
            return SearchState(options: options, layout: layout, hashes: try r.array { try $0.varint() },
                               listBytes: lists, recordBytes: records, textBytes: texts)
        } catch {
            return nil
        }
    }
}

/// Patches the previous index where a few documents changed: each changed id's previous cells
/// (from its cells entry) and new cells are turned into keys, and only the lists where they
/// differ are rewritten, in the shards that hold them; the changed ids' record and cell chunks
/// are written again, the amounts, filters and meta.json always (they are small); every other
/// file is kept. Only when the layout (number of shards, documents per chunk) stays the same,
/// and every previous file read is the one the previous build published; otherwise the caller
/// builds the index from scratch. `SearchUpdateTests` checks the result equals a clean build.
enum SearchUpdate {
    /// What an update did.
    struct Outcome {
        var state: SearchState
        /// Documents whose text or values changed (0: the index was kept).
        var changedDocuments: Int
        /// Files written again (the rest were kept).
        var rewrittenFiles: Int
    }

    /// Above this many changed documents a clean index is built instead.
    static func limit(_ count: Int) -> Int { max(64, count / 20) }

    /// The update for a site: its documents by id.
    static func apply(_ index: SiteIndex, previous: SearchState, options: SearchIndex.Options,
                      read: (String) -> [UInt8]?, keep: ([String]) -> Bool,
                      emit: (String, [UInt8]) throws -> Void) rethrows -> Outcome? {
        let places = SearchIndex.places(index)
        let documents = SearchIndex.documents(index, places: places, withText: false)
        return try apply(documents, document: { SearchIndex.document(index.departmentYears[places[$0].0], places[$0].1) },
                         previous: previous, options: options, read: read, keep: keep, emit: emit)
    }

    /// - Parameters:
    ///   - documents: every document by id, its cells not needed (`withText: false`).
    ///   - document: the document of an id with its cells, asked only for those that changed.
    ///   - read: the previous build's bytes of an index file, nil when it is missing or not the
    ///     file the previous build published.
    ///   - keep: keeps all these files of the previous build as they are, or (false) none.
    /// - Returns: nil when the index has to be built from scratch; nothing was emitted then.
    static func apply(_ documents: [SearchDocument], document: (Int) -> SearchDocument, previous: SearchState,
                      options: SearchIndex.Options, read: (String) -> [UInt8]?, keep: ([String]) -> Bool,
                      emit: (String, [UInt8]) throws -> Void) rethrows -> Outcome? {
        let count = documents.count
        guard count > 0, previous.options == options, previous.hashes.count == count else { return nil }
        let hashes = documents.map(\.hash)
        let changed = hashes.indices.filter { hashes[$0] != previous.hashes[$0] }
        let layout = previous.layout
        let all = SearchIndex.paths(documents: count, layout: layout)
        if changed.isEmpty {
            return keep(all) ? Outcome(state: previous, changedDocuments: 0, rewrittenFiles: 0) : nil
        }
        guard changed.count <= limit(count), let patch = Patch(changed, documents: count, document: document, previous: previous, read: read)
        else { return nil }

        // Everything checked: the patched files are written, the others kept.
        var rewritten = Set(patch.files.map(\.0))
        let amounts = SearchIndex.amountsFile(documents.map(\.money))
        var facets: [(String, [UInt8])] = []
        SearchIndex.writeFacets(documents.map(\.facet), amounts: documents.map(\.money), layout: layout) { facets.append(($0, $1)) }
        for (path, _) in facets { rewritten.insert(path) }
        rewritten.insert(SearchIndex.amountsPath)
        guard keep(all.filter { !rewritten.contains($0) }) else { return nil }
        for (path, bytes) in patch.files { try emit(path, bytes) }
        try emit(SearchIndex.amountsPath, amounts)
        for (path, bytes) in facets { try emit(path, bytes) }
        var state = previous
        state.hashes = hashes
        state.listBytes = patch.listBytes
        state.recordBytes = patch.recordBytes
        state.textBytes = patch.textBytes
        return Outcome(state: state, changedDocuments: changed.count, rewrittenFiles: rewritten.count)
    }

    /// The patched shards and chunks, worked out before anything is written.
    private struct Patch {
        var files: [(String, [UInt8])] = []
        var listBytes: Int
        var recordBytes: Int
        var textBytes: Int

        init?(_ changed: [Int], documents count: Int, document: (Int) -> SearchDocument, previous: SearchState,
              read: (String) -> [UInt8]?) {
            let layout = previous.layout
            listBytes = previous.listBytes
            recordBytes = previous.recordBytes
            textBytes = previous.textBytes
            // The previous and the new record and cell entries of each changed id, and their keys.
            var old = KeyTable(capacity: 1 << 12), new = KeyTable(capacity: 1 << 12)
            var writer = DocumentWriter()
            var records: [Int: [JSON]] = [:], texts: [Int: [JSON]] = [:]
            func chunk(_ path: String) -> [JSON]? {
                guard let bytes = read(path), case .array(let entries)? = JSON.parse(bytes),
                      JSON.array(entries).bytes() == bytes else { return nil }
                return entries
            }
            for id in changed {
                let (r, t) = (id / layout.recordChunk, id / layout.textChunk)
                if records[r] == nil { guard let e = chunk(SearchIndex.recordPath(r)) else { return nil }; records[r] = e }
                if texts[t] == nil { guard let e = chunk(SearchIndex.textPath(t)) else { return nil }; texts[t] = e }
                guard records[r]!.indices.contains(id % layout.recordChunk), texts[t]!.indices.contains(id % layout.textChunk),
                      let cells = Self.cells(texts[t]![id % layout.textChunk])
                else { return nil }
                writer.add(SearchDocument(cells: cells), id: Int32(id), to: &old)
                let oldRecord = JSON.array([records[r]![id % layout.recordChunk]]).bytes().count - 1  // its bytes and a comma
                let oldText = JSON.array([texts[t]![id % layout.textChunk]]).bytes().count - 1
                writer.add(document(id), id: Int32(id), to: &new)
                guard let record = JSON.parse(Array(writer.record.dropLast())), let text = JSON.parse(Array(writer.cells.dropLast()))
                else { return nil }
                records[r]![id % layout.recordChunk] = record
                texts[t]![id % layout.textChunk] = text
                recordBytes += writer.record.count - oldRecord
                textBytes += writer.cells.count - oldText
            }
            guard SearchIndex.chunkSize(bytes: recordBytes, documents: count, target: previous.options.recordBytes) == layout.recordChunk,
                  SearchIndex.chunkSize(bytes: textBytes, documents: count, target: previous.options.textBytes) == layout.textChunk
            else { return nil }

            // The keys whose lists change: those where the changed ids' entries differ.
            let changedIds = Set(changed.map(Int32.init))
            var byShard: [Int: [UInt64]] = [:]
            for key in Set(old.keys).union(new.keys) where old.listBytes(key) != new.listBytes(key) {
                byShard[Int(KeyTable.hash(key) % UInt32(layout.shards)), default: []].append(key)
            }
            for shard in byShard.keys.sorted() {
                guard let bytes = read(SearchIndex.shardPath(shard)), var lists = IndexFormat.parseShard(bytes) else { return nil }
                for key in byShard[shard]! {
                    let before = lists[key] ?? []
                    var list: [UInt8] = []
                    if KeyTable.length(key) == 3 {
                        guard var entries = before.isEmpty ? [] : IndexFormat.occurrences(before),
                              let added = IndexFormat.occurrences(Self.list(key, new, count)) else { return nil }
                        entries.removeAll { changedIds.contains($0.doc) }
                        entries.append(contentsOf: added)
                        entries.sort { ($0.doc, $0.position) < ($1.doc, $1.position) }
                        if !entries.isEmpty { list = IndexFormat.occurrenceList(entries) }
                    } else {
                        guard var entries = before.isEmpty ? [] : IndexFormat.documents(before, documents: count),
                              let added = IndexFormat.documents(Self.list(key, new, count), documents: count) else { return nil }
                        entries.removeAll { changedIds.contains($0.doc) }
                        entries.append(contentsOf: added)
                        entries.sort { $0.doc < $1.doc }
                        if !entries.isEmpty { list = IndexFormat.documentList(entries, documents: count) }
                    }
                    listBytes += list.count - before.count
                    lists[key] = list.isEmpty ? nil : list
                }
                files.append((SearchIndex.shardPath(shard), IndexFormat.shard(lists)))
            }
            guard SearchIndex.shards(total: listBytes, options: previous.options) == layout.shards else { return nil }
            for (c, entries) in records.sorted(by: { $0.key < $1.key }) { files.append((SearchIndex.recordPath(c), JSON.array(entries).bytes())) }
            for (c, entries) in texts.sorted(by: { $0.key < $1.key }) { files.append((SearchIndex.textPath(c), JSON.array(entries).bytes())) }
        }

        /// A key's list in a table, as the index writes it.
        static func list(_ key: UInt64, _ table: KeyTable, _ count: Int) -> [UInt8] {
            guard table.entry(key) != nil else { return [] }
            var out: [UInt8] = []
            IndexFormat.appendList(key, tables: [table], documents: count, to: &out)
            return out
        }

        /// The cells of a cells entry (`[n0, n1, n2, n3, cell…]`), with their fields.
        static func cells(_ entry: JSON) -> [(SearchDocument.Field, String)]? {
            guard case .array(let items) = entry, items.count >= 4 else { return nil }
            var counts: [Int] = []
            for item in items.prefix(4) {
                guard case .int(let n) = item, n >= 0 else { return nil }
                counts.append(n)
            }
            guard counts.reduce(0, +) == items.count - 4 else { return nil }
            var out: [(SearchDocument.Field, String)] = []
            var i = 4
            for (f, n) in counts.enumerated() {
                for _ in 0..<n {
                    guard case .string(let s) = items[i], let field = SearchDocument.Field(rawValue: UInt8(f)) else { return nil }
                    out.append((field, s))
                    i += 1
                }
            }
            return out
        }
    }
}
