// The fuzz target: any bytes as a document for the reader, or as a cache file for the cache's
// decoders. Run under libFuzzer (Sources/GongkaiFuzz, Scripts/fuzz) and by FuzzPropertyTests.

import Foundation

/// One input of the fuzzer. Its first byte chooses what the rest is fed to; every use checks
/// properties that must hold for any input, and traps when one does not (a crash the fuzzer
/// reports, with the input that caused it).
public enum FuzzTarget {
    /// What the first byte of an input chooses (its value modulo the number of cases).
    public enum Use: UInt8, CaseIterable, Sendable {
        /// A document: `DocumentReader.read`, then its cache file written and read back.
        case document
        /// A document cache file's summary, decoded as a build reads it.
        case documentSummary
        /// A project's details from a document cache file.
        case projectDetails
        /// The output manifest (`outputs.bin`).
        case outputManifest
        /// The open-data segments (`data.bin`), with the seal in the first 8 bytes.
        case dataSegments
        /// The search index's state (`search.bin`).
        case searchState
        /// The documents index (`documents.bin`).
        case documentIndex
        /// A whole cache file of each kind: header, length and checksum.
        case cacheFile
        /// An amount (`Amounts.wan` and `Amounts.yuan`) and a CSV cell.
        case amountAndCell
    }

    /// Runs one input.
    public static func run(_ data: UnsafeRawBufferPointer) {
        guard let first = data.first else { return }
        let use = Use.allCases[Int(first) % Use.allCases.count]
        let bytes = Array(data.dropFirst())
        switch use {
        case .document: document(bytes)
        case .documentSummary:
            var r = BinaryReader(bytes)
            let source = DocumentCache.DetailsSource(file: "/nonexistent/gongkai-fuzz", start: 0, document: "/nonexistent/gongkai-fuzz.md", memory: nil)
            if let doc = try? r.document(details: source) {
                // Details that cannot be read come back empty, never as a crash.
                for p in doc.projects { _ = p.indicators.count }
            }
        case .projectDetails:
            var r = BinaryReader(bytes)
            _ = try? r.details()
        case .outputManifest:
            if let manifest = try? OutputManifest.decode(bytes) {
                check(manifest.entries.keys.allSatisfy { StagedOutput.isConfined($0.path) }, "a manifest path that leaves the output")
            }
        case .dataSegments:
            var r = BinaryReader(bytes)
            let seal = (try? r.varint()) ?? 0
            if let list = DataSegments.decode(bytes, seal: seal) {
                check(list.allSatisfy { $0.1.allSatisfy { $0.range.lowerBound >= 0 } }, "a segment before the start of its file")
            }
        case .searchState:
            var r = BinaryReader(bytes)
            let seal = (try? r.varint()) ?? 0
            if let state = SearchCache.decode(bytes, seal: seal) {
                // What SearchUpdate computes from a state must not overflow.
                _ = (state.hashes.count + state.layout.recordChunk - 1) / state.layout.recordChunk
                _ = (state.hashes.count + state.layout.textChunk - 1) / state.layout.textChunk
            }
        case .documentIndex:
            if let index = DocumentCache.decodeIndex(bytes) {
                for entry in index.values { _ = entry.stamp.vouches(for: entry.stamp) }
            }
        case .cacheFile:
            for kind in [CacheFile.Kind.outputs, .data, .search, .documents, .identity] {
                if let payload = CacheFile.unwrap(bytes, kind: kind) {
                    check(CacheFile.wrap(payload, kind: kind) == bytes, "a cache file that does not wrap back to its bytes")
                }
            }
            _ = DocumentCache.checked(bytes)
        case .amountAndCell:
            let text = String(decoding: bytes, as: UTF8.self)
            for parse in [Amounts.wan, Amounts.yuan] {
                // An amount read is exact: printed and read again, it is the same number of fen.
                if let amount = parse(text) { check(Money(wan: amount.wanString) == amount, "an amount that does not print back") }
            }
            var cell: [UInt8] = []
            CSVWriter.quote(text, into: &cell)
            if let lead = bytes.first, [0x3D, 0x40, 0x09, 0x0D].contains(lead), bytes.count > 1 {
                check(cell.starts(with: [0x22, 0x27]), "a formula written as a formula")
            }
        }
    }

    /// A document read, with what must hold for any bytes: every line it names is a line of
    /// the document, and the cache stores it as it was read.
    static func document(_ bytes: [UInt8]) {
        let path = "Content/fuzz.md"
        let doc = DocumentReader.read(path: path, bytes: bytes)
        let lines = max(1, SourceText(path: path, bytes: bytes).lineCount)
        for d in doc.diagnostics { check((1...lines).contains(d.location.line), "a diagnostic at line \(d.location.line) of \(lines)") }
        for p in doc.projects {
            check((1...lines).contains(p.location.line), "a project at line \(p.location.line) of \(lines)")
            for i in p.indicators { check((1...lines).contains(i.line), "an indicator at line \(i.line) of \(lines)") }
        }
        // Written as a cache file and read back (summary, then each project's details): the
        // same bytes again.
        let (digested, parts) = DocumentCache.digested(doc)
        let stored = DocumentCache.file(digested, parts)
        guard let summary = DocumentCache.checked(Array(stored.bytes[8..<stored.start])) else {
            return check(false, "a cache file whose summary fails its checksum")
        }
        var r = BinaryReader(summary)
        let source = DocumentCache.DetailsSource(file: "/nonexistent/gongkai-fuzz", start: 0, document: path, memory: nil)
        guard var back = try? r.document(details: source), r.atEnd else { return check(false, "a cache file that does not decode") }
        for (i, place) in stored.details.enumerated() {
            var details = BinaryReader(Array(stored.bytes[(stored.start + place.offset)..<(stored.start + place.offset + place.length)]))
            guard let decoded = try? details.details(), details.atEnd else { return check(false, "details that do not decode") }
            back.projects[i].details = decoded
        }
        let (again, againParts) = DocumentCache.digested(back)
        check(DocumentCache.file(again, againParts).bytes == stored.bytes, "a document that the cache does not store as it was read")
    }

    /// A seed corpus: the documents of `contentDir` (cut to `limit` bytes, with their lines
    /// ended by `\r\n`, `\r\r\n` and lone `\r` too), the crashes of issue 16, and every cache
    /// file a build of them writes, each with the first byte that chooses its use. Names are
    /// stable, so the corpus can be made again and compared.
    public static func seeds(contentDir: String, themesDir: String, limit: Int = 4096) throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(name: String, bytes: [UInt8])] = []
        func add(_ name: String, _ use: Use, _ bytes: [UInt8]) { seeds.append((name, [use.rawValue] + bytes)) }
        add("document-issue16-crash", .document, Array("申报表\r\rx".utf8))
        add("document-issue16-crash-lf", .document, Array("申报表\r\rx\n".utf8))
        let paths = try ContentLoader.files(in: contentDir)
        for (n, path) in paths.enumerated() where ContentLoader.isDocument(path) {
            guard let bytes = Files.read(path) else { continue }
            let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
            add("document-\(n)", .document, Array(text.utf8))
            for (ending, tag) in [("\r\n", "crlf"), ("\r\r\n", "crcrlf"), ("\r", "cr")] {
                add("document-\(n)-\(tag)", .document, Array(text.replacingOccurrences(of: "\n", with: ending).utf8.prefix(limit)))
            }
        }
        for (n, amount) in ["9223373万元", "923亿元", "625.39", "-2+3+cmd|' /C calc'!A0", "=1+1", "-.5"].enumerated() {
            add("amount-\(n)", .amountAndCell, Array(amount.utf8))
        }
        // A build's cache, from a folder of its own.
        let work = NSTemporaryDirectory() + "gongkai-fuzz-seeds-\(getpid())"
        defer { SafeFiles.removeTree(work) }
        var options = BuildOptions()
        options.contentDir = contentDir
        options.themesDir = themesDir
        options.configPath = work + "/none.yml"
        options.outputDir = work + "/Public"
        _ = try Pipeline.build(options)
        let cache = work + "/.gongkai-cache/Public"
        for (file, kind, use) in [("outputs.bin", CacheFile.Kind.outputs, Use.outputManifest), ("data.bin", .data, .dataSegments),
                                  ("search.bin", .search, .searchState), ("documents.bin", .documents, .documentIndex)] {
            guard let raw = SafeFiles.readRegular(cache + "/" + file), let payload = CacheFile.unwrap(raw, kind: kind) else { continue }
            add("cache-\(file)", use, payload)
            add("cache-file-\(file)", .cacheFile, raw)
        }
        let documents = ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/documents")) ?? []).sorted()
        for (n, name) in documents.enumerated() {
            guard let summary = DocumentCache.summary(of: cache + "/documents/" + name), let raw = SafeFiles.readRegular(cache + "/documents/" + name) else { continue }
            add("cache-summary-\(n)", .documentSummary, summary.summary)
            if raw.count > summary.detailsStart {
                add("cache-details-\(n)", .projectDetails, Array(raw[summary.detailsStart..<min(raw.count, summary.detailsStart + limit)]))
            }
        }
        return seeds
    }

    /// Traps when a property does not hold: the fuzzer's signal.
    static func check(_ holds: Bool, _ what: @autoclosure () -> String) {
        if !holds { fatalError("fuzz property failed: \(what())") }
    }
}
