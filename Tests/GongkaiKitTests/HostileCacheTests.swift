// The build cache, damaged and planted (issue 16): nothing read from .gongkai-cache/ is trusted
// beyond its checksums, no path from it leaves the output, and any doubt gives a clean build.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct HostileCacheTests {
    /// A project built once, its content then changed, so that a rebuild reads the cache.
    private func builtProject() throws -> PublisherProject {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let xianDe = project.path("Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        // A project's amount (and its annex row): that department-year's rows change, the
        // others' are copied from the previous open data.
        let text = try String(contentsOfFile: xianDe, encoding: .utf8)
            .replacingOccurrences(of: "年度资金总额:\t5.00\t\t", with: "年度资金总额:\t6.00\t\t")
            .replacingOccurrences(of: "其中:财政拨款\t5.00\t\t", with: "其中:财政拨款\t6.00\t\t")
            .replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6")
        try text.write(toFile: xianDe, atomically: true, encoding: .utf8)
        return project
    }

    private func cache(_ project: PublisherProject, _ file: String) -> String { project.path(".gongkai-cache/Public/" + file) }

    // MARK: Item 2: a planted commit journal

    /// A `commit.journal` in the format older builds replayed, naming a folder outside to
    /// remove, a file outside to move into the site and one to delete: nothing outside is
    /// touched and the site is a clean build's.
    @Test func aPlantedCommitJournalIsIgnored() throws {
        let project = try builtProject()
        project.dir.write("victim/secret.txt", "secret\n")
        project.write("precious.txt", "precious\n")
        var journal = BinaryWriter()
        journal.string(project.dir.path + "/victim")
        journal.array(["secret.txt"]) { $0.string($1) }
        journal.array(["../precious.txt", "../Content/高新区人社局/2024-部门预算绩效文本.md"]) { $0.string($1) }
        try Data(journal.bytes).write(to: URL(fileURLWithPath: cache(project, "commit.journal")))
        let before = tree(project.dir.path + "/victim")
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.dir.path + "/victim"), before).isEmpty)
        #expect(project.read("precious.txt") == "precious\n")
        #expect(FileManager.default.fileExists(atPath: project.path("Content/高新区人社局/2024-部门预算绩效文本.md")))
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
    }

    // MARK: Item 3: the open-data segments are checksummed

    /// Bit flips anywhere in `data.bin` (which said where each department-year's rows are in
    /// the open data, with no checksum) never reach the published files.
    @Test func aBitFlipInTheSegmentsIsNeverPublished() throws {
        let project = try builtProject()
        let clean = try project.cleanSite()
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache(project, "data.bin"))))
        let saved = project.dir.path + "/saved"
        try FileManager.default.copyItem(atPath: project.root, toPath: saved)
        for position in stride(from: 0, to: original.count, by: max(1, original.count / 12)) {
            // Each flip on the state after the first build.
            try FileManager.default.removeItem(atPath: project.root)
            try FileManager.default.copyItem(atPath: saved, toPath: project.root)
            var bytes = original
            bytes[position] ^= 1 << UInt8(position % 8)
            try Data(bytes).write(to: URL(fileURLWithPath: cache(project, "data.bin")))
            #expect(try project.build().status == 0)
            #expect(differences(tree(project.path("Public")), clean).isEmpty, "bit flipped at \(position)")
        }
    }

    /// Even a `data.bin` whose file checksum holds (rewritten by someone who knows the format)
    /// is no more than a hint: every segment is copied only when its own bytes have its
    /// checksum, so shifted ranges and stale checksums give a clean build's open data.
    @Test func segmentsThatDoNotMatchTheirBytesAreFormattedAgain() throws {
        let project = try builtProject()
        let clean = try project.cleanSite()
        // Untouched, the segments of the three unchanged department-years are copied.
        let control = project.dir.path + "/control"
        try FileManager.default.copyItem(atPath: project.root, toPath: control)
        let copied = try run(Repo.executable, ["build", "-v", "--lang", "en", "--themes", Repo.root + "/Themes"], in: control)
        #expect(copied.stderr.contains("3 department-years copied"), "\(copied.stderr)")
        let payload = try #require(CacheFile.read(cache(project, "data.bin"), kind: .data))
        var r = BinaryReader(payload)
        let seal = try r.varint()
        let list = try #require(DataSegments.decode(payload, seal: seal))
        var w = BinaryWriter()
        w.varint(seal)
        w.array(list) { w, item in
            w.varint(item.0)
            w.array(item.1) { w, segment in
                // One byte later: a range cut mid-character, its old checksum kept.
                w.int(segment.range.lowerBound + 1); w.int(segment.range.upperBound + 1); w.varint(segment.checksum)
            }
        }
        try CacheFile.write(w.bytes, kind: .data, to: cache(project, "data.bin"))
        let result = try project.build(["-v", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("0 department-years copied"), "\(result.stderr)")
        #expect(differences(tree(project.path("Public")), clean).isEmpty)
    }

    // MARK: Item 9: damaged caches crash nothing

    /// Counts past `Int.max` and ranges that end before they start are damage, not traps.
    @Test func impossibleNumbersInTheCacheAreDamageNotCrashes() throws {
        var huge = BinaryWriter()
        huge.varint(1 << 63 | 5)
        huge.bytes += [1, 2, 3]
        var r = BinaryReader(huge.bytes)
        #expect(throws: BinaryReader.Damaged.self) { try r.string() }
        r = BinaryReader(huge.bytes)
        #expect(throws: BinaryReader.Damaged.self) { try r.array { try $0.bool() } }
        r = BinaryReader(huge.bytes)
        #expect(throws: BinaryReader.Damaged.self) { try r.count() }
        #expect(throws: BinaryReader.Damaged.self) { try OutputManifest.decode(huge.bytes) }
        var ranges = BinaryWriter()
        ranges.varint(7)
        ranges.array([1]) { w, _ in
            w.varint(42)
            w.array([0, 1, 2]) { w, _ in w.int(100); w.int(10); w.varint(0) }
        }
        #expect(DataSegments.decode(ranges.bytes, seal: 7) == nil)
        // A manifest path that leaves the output.
        var manifest = BinaryWriter()
        manifest.varint(1)
        manifest.string("../../etc/passwd"); manifest.varint(1); manifest.varint(2)
        #expect(throws: BinaryReader.Damaged.self) { try OutputManifest.decode(manifest.bytes) }
        // A search state with a chunk size that would overflow.
        var search = BinaryWriter()
        search.varint(9)
        search.bytes += SearchState(options: SearchIndex.Options(), layout: .init(shards: 1, recordChunk: Int.max, textChunk: 1),
                                    hashes: [1], listBytes: 0, recordBytes: 0, textBytes: 0).encoded()
        #expect(SearchCache.decode(search.bytes, seal: 9) == nil)
    }

    /// Every cache file, damaged in each way: truncated, emptied, one bit flipped, replaced by
    /// garbage or by another cache file, or made a link to a file outside: every rebuild
    /// succeeds with a clean build's site, and nothing outside changes.
    @Test func everyDamagedCacheFileGivesACleanBuildsSite() throws {
        let project = try builtProject()
        let clean = try project.cleanSite()
        let saved = project.dir.path + "/saved"
        try FileManager.default.copyItem(atPath: project.root, toPath: saved)
        project.dir.write("outside.txt", "outside\n")
        let documentFile = try #require(try FileManager.default.contentsOfDirectory(atPath: cache(project, "documents")).sorted().first)
        let files = ["outputs.bin", "data.bin", "search.bin", "documents.bin", "identity.bin", "documents/" + documentFile]
        let damages: [(String, ([UInt8]) -> [UInt8]?)] = [
            ("truncated", { Array($0.prefix($0.count / 2)) }),
            ("empty", { _ in [] }),
            ("bit flip near the start", { var b = $0; if b.count > 30 { b[30] ^= 0x08 }; return b }),
            ("bit flip near the end", { var b = $0; if b.count > 9 { b[b.count - 9] ^= 0x40 }; return b }),
            ("garbage", { _ in (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) } }),
            ("link outside", { _ in nil }),
        ]
        for file in files {
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache(project, file))))
            for (name, damage) in damages {
                try FileManager.default.removeItem(atPath: project.root)
                try FileManager.default.copyItem(atPath: saved, toPath: project.root)
                if let bytes = damage(original) {
                    try Data(bytes).write(to: URL(fileURLWithPath: cache(project, file)))
                } else {
                    try FileManager.default.removeItem(atPath: cache(project, file))
                    try FileManager.default.createSymbolicLink(atPath: cache(project, file), withDestinationPath: project.dir.path + "/outside.txt")
                }
                let result = try project.build()
                #expect(result.status == 0, "\(file), \(name): \(result.stderr.suffix(300))")
                #expect(differences(tree(project.path("Public")), clean).isEmpty, "\(file), \(name)")
                #expect(project.dir.read("outside.txt") == "outside\n", "\(file), \(name)")
            }
        }
        // One cache file in place of another (each has the right checksum for its own kind).
        try FileManager.default.removeItem(atPath: project.root)
        try FileManager.default.copyItem(atPath: saved, toPath: project.root)
        try FileManager.default.removeItem(atPath: cache(project, "outputs.bin"))
        try FileManager.default.copyItem(atPath: cache(project, "search.bin"), toPath: cache(project, "outputs.bin"))
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.path("Public")), clean).isEmpty)
    }

    /// A document's cache file whose summary checksum holds but whose project details are
    /// placed past the end of the file (an offset near `Int.max`): the details are read again
    /// from the document, and the site is a clean build's.
    @Test func detailsPlacedOutsideTheirFileAreReadFromTheDocument() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let clean = try project.cleanSite()
        let documents = cache(project, "documents")
        for name in try FileManager.default.contentsOfDirectory(atPath: documents) {
            let file = documents + "/" + name
            let read = try #require(DocumentCache.summary(of: file))
            var r = BinaryReader(read.summary)
            let doc = try r.document(details: DocumentCache.DetailsSource(file: file, start: read.detailsStart, document: "", memory: nil))
            var summaries: [[UInt8]] = []
            for p in doc.projects {
                var w = BinaryWriter()
                w.projectSummary(p)
                w.int(Int.max - 3); w.int(Int.max / 2); w.varint(0)
                summaries.append(w.bytes)
            }
            var s = BinaryWriter()
            s.document(doc, projects: summaries)
            var bytes: [UInt8] = []
            withUnsafeBytes(of: UInt64(s.bytes.count).littleEndian) { bytes += $0 }
            bytes += s.bytes
            withUnsafeBytes(of: StreamingHash.of(s.bytes).littleEndian) { bytes += $0 }
            try Data(bytes).write(to: URL(fileURLWithPath: file))
        }
        // Every page rendered again, so that every project's details are needed.
        try FileManager.default.removeItem(atPath: project.path("Public"))
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.path("Public")), clean).isEmpty)
    }

    // MARK: The cache's own folders

    /// Links planted in the cache folder (its documents folder, a cache file) are removed or
    /// replaced, never written through; a cache root that is a link is refused (exit 3).
    @Test func linksInTheCacheAreNeverWrittenThrough() throws {
        let project = try builtProject()
        let clean = try project.cleanSite()
        project.dir.write("outside/keep.bin", "keep\n")
        project.dir.write("outside.bin", "outside\n")
        let before = tree(project.dir.path + "/outside")
        try FileManager.default.removeItem(atPath: cache(project, "documents"))
        try FileManager.default.createSymbolicLink(atPath: cache(project, "documents"), withDestinationPath: project.dir.path + "/outside")
        try FileManager.default.removeItem(atPath: cache(project, "outputs.bin"))
        try FileManager.default.createSymbolicLink(atPath: cache(project, "outputs.bin"), withDestinationPath: project.dir.path + "/outside.bin")
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.dir.path + "/outside"), before).isEmpty)
        #expect(project.dir.read("outside.bin") == "outside\n")
        #expect(differences(tree(project.path("Public")), clean).isEmpty)
        #expect(SafeFiles.isDirectory(cache(project, "documents")))

        try FileManager.default.removeItem(atPath: project.path(".gongkai-cache"))
        try FileManager.default.createSymbolicLink(atPath: project.path(".gongkai-cache"), withDestinationPath: project.dir.path + "/outside")
        let refused = try project.build()
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("不是目录（是符号链接或文件）"))
        #expect(differences(tree(project.dir.path + "/outside"), before).isEmpty)
    }

    /// A cached document prints what a read one does: both languages of its diagnostics and
    /// their columns come back from the cache.
    @Test func cachedDiagnosticsKeepBothLanguagesAndTheirColumns() throws {
        var doc = Seeds.read(Repo.xianDe)
        doc.diagnose(.warning, line: 7, column: 12, code: "test-code", "中文消息", en: "English message")
        let (digested, parts) = DocumentCache.digested(doc)
        let dir = TemporaryDirectory()
        try Data(DocumentCache.file(digested, parts).bytes).write(to: URL(fileURLWithPath: dir.path + "/d.bin"))
        let read = try #require(DocumentCache.summary(of: dir.path + "/d.bin"))
        var r = BinaryReader(read.summary)
        let back = try r.document(details: DocumentCache.DetailsSource(file: dir.path + "/d.bin", start: read.detailsStart, document: Repo.xianDe, memory: nil))
        let diagnostic = try #require(back.diagnostics.last)
        #expect(diagnostic.message == "中文消息" && diagnostic.english == "English message")
        #expect(diagnostic.location.column == 12 && diagnostic.location.line == 7)
        #expect(back.diagnostics.map { $0.line(.en) } == doc.diagnostics.map { $0.line(.en) })
    }
}
