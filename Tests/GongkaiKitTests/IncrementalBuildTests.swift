// A second build after one document changed redoes only what depends on it, and gives the
// same bytes as a clean build (issue 6).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct IncrementalBuildTests {
    @Test func aChangedDocumentRebuildsOnlyWhatDependsOnItAndEqualsACleanBuild() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        let first = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(first.cachedDocuments == 0)
        #expect(first.reusedPages == 0)

        // Nothing changed: nothing is parsed, rendered or written again.
        let again = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(again.cachedDocuments == 5)
        // Every page: 31 projects, home, search, 404, quality, 3 departments, 4 department-years.
        #expect(again.reusedPages == 43)
        #expect(again.changedFiles == 0)
        #expect(again.copiedDataSegments == 4)
        // Every department-year's rows as they were, in the same order: the files are kept.
        #expect(again.keptOpenData)
        #expect(again.reusedSearchIndex)
        // No project's details (money lines, narrative, indicators) were even decoded.
        #expect(again.site.departmentYears.flatMap(\.projects).filter(\.detailsBox.isDecoded).isEmpty)

        // One document changes: a project's amount in 旌德 2024 (and its annex row).
        let path = work.path + "/Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "年度资金总额:\t5.00\t\t").count == 2)
        text = text.replacingOccurrences(of: "年度资金总额:\t5.00\t\t", with: "年度资金总额:\t6.00\t\t")
        text = text.replacingOccurrences(of: "其中:财政拨款\t5.00\t\t", with: "其中:财政拨款\t6.00\t\t")
        text = text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let incremental = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(incremental.cachedDocuments == 4)
        // Only the pages that show the changed amount or its department-year's totals are
        // rendered again: the project, its department-year, its department, home and quality.
        // Its neighbours show its name, not its amount.
        #expect(incremental.reusedPages == 38)
        // The open data of the three unchanged department-years is copied, not formatted again.
        #expect(incremental.copiedDataSegments == 3)
        #expect(!incremental.keptOpenData)
        // The changed amount is searchable text: the index is patched where that project is.
        #expect(!incremental.reusedSearchIndex)
        #expect(incremental.updatedSearchIndex)
        #expect(incremental.changedFiles > 0)
        // Only the changed document's 13 projects were read in full; the others stayed encoded.
        let decoded = incremental.site.departmentYears.flatMap(\.projects).filter(\.detailsBox.isDecoded)
        #expect(decoded.count == 13 && decoded.allSatisfy { $0.location.file.hasSuffix("2024-部门项目及绩效目标情况.md") })
        #expect(incremental.site.departmentYears.first { $0.department == "旌德县人力资源和社会保障局" }?.total.wanString == "626.39")

        // The same bytes as a clean build of the changed content.
        let clean = TemporaryDirectory()
        _ = try BuiltSite.build(content: work.path + "/Content", into: clean)
        let a = try snapshot(work.path + "/Public"), b = try snapshot(clean.path + "/Public")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (file, data) in b { #expect(a[file] == data, "\(file) differs from a clean build") }
    }

    /// The sitemap is kept when every page's path is as it was: its manifest entry carries the
    /// fingerprint of those paths, and a file split into parts is kept whole or not at all.
    @Test func filesMadeFromTheSamePathsAreKeptWhole() throws {
        let work = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: work)
        let output = try StagedOutput(outputDir: work.path + "/Public")
        defer { output.discard() }
        let sitemap = try #require(output.previous?[path: "sitemap.xml"])
        #expect(sitemap.fingerprint != 0)
        #expect(output.series("sitemap.xml", parts: { "sitemap-\($0).xml" }) == ["sitemap.xml"])
        #expect(!output.keep(["sitemap.xml"], fingerprint: sitemap.fingerprint &+ 1))
        #expect(output.fileCount == 0)
        #expect(output.keep(["sitemap.xml"], fingerprint: sitemap.fingerprint))
        #expect(output.fileCount == 1 && output.reused == 0)
        // A series: the search index's chunks stand for a sitemap's parts.
        let chunks = output.series("index.html", parts: { "search/texts/\($0 - 1).json" })
        let chunkFiles = try FileManager.default.contentsOfDirectory(atPath: work.path + "/Public/search/texts").count
        #expect(chunks.count > 1 && chunks.count == 1 + chunkFiles)
        // Chunks have no fingerprint: not kept as made from anything.
        #expect(!output.keep(chunks, fingerprint: output.previous![path: "search/texts/0.json"]!.fingerprint))
        // Nothing is kept when one of the parts is gone.
        try FileManager.default.removeItem(atPath: work.path + "/Public/search/texts/1.json")
        let again = try StagedOutput(outputDir: work.path + "/Public")
        defer { again.discard() }
        #expect(!again.keep(["index.html", "search/texts/0.json", "search/texts/1.json"]))
        #expect(again.fileCount == 0)

        // A rebuild with nothing changed keeps the sitemap's entry; one whose paths changed
        // makes it again (aRemovedDocumentRemovesItsPages compares its bytes with a clean build).
        try FileManager.default.removeItem(atPath: work.path + "/Public")
        _ = try BuiltSite.build(content: Repo.content, into: work)
        _ = try BuiltSite.build(content: Repo.content, into: work)
        let kept = try StagedOutput(outputDir: work.path + "/Public")
        defer { kept.discard() }
        #expect(kept.previous?[path: "sitemap.xml"] == sitemap)
    }

    @Test func aRemovedDocumentRemovesItsPages() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        _ = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(FileManager.default.fileExists(atPath: work.path + "/Public/高新区人力资源和社会保障局/2024/人才发展资金.html"))
        try FileManager.default.removeItem(atPath: work.path + "/Content/高新区人社局")
        let result = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(result.cachedDocuments == 4)
        #expect(!FileManager.default.fileExists(atPath: work.path + "/Public/高新区人力资源和社会保障局"))
        let clean = TemporaryDirectory()
        _ = try BuiltSite.build(content: work.path + "/Content", into: clean)
        #expect(try snapshot(work.path + "/Public") == (try snapshot(clean.path + "/Public")))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let work = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: work)
        let cache = work.path + "/.gongkai-cache/Public"
        for file in try FileManager.default.subpathsOfDirectory(atPath: cache) where file.hasSuffix(".bin") {
            try Data([0xFF, 0x01, 0x02]).write(to: URL(fileURLWithPath: cache + "/" + file))
        }
        let result = try BuiltSite.build(content: Repo.content, into: work)
        #expect(result.cachedDocuments == 0)
        #expect(result.site.projectCount == 31)
        let clean = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: clean)
        #expect(try snapshot(work.path + "/Public") == (try snapshot(clean.path + "/Public")))
    }

    /// A cache file is read in two parts: the summary on every build, a document's details
    /// only when a page or data row needs them. Details damaged on disk are read again from
    /// the document, and the site is the same as a clean build's.
    @Test func damagedDetailsInTheCacheAreReadAgainFromTheDocument() throws {
        let work = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: work)
        let documents = work.path + "/.gongkai-cache/Public/documents"
        var damaged = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: documents) where file.hasSuffix(".bin") {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: documents + "/" + file)))
            let summary = bytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            let detailsStart = 8 + summary + 8
            guard bytes.count > detailsStart + 8 + 16 else { continue }
            bytes[detailsStart + 16] ^= 0x5A  // inside the first project's details
            try Data(bytes).write(to: URL(fileURLWithPath: documents + "/" + file))
            damaged += 1
        }
        #expect(damaged == 5)
        // Pages and data that must be made again, so that every project's details are needed.
        try FileManager.default.removeItem(atPath: work.path + "/Public/data/indicators.csv")
        try FileManager.default.removeItem(atPath: work.path + "/Public/高新区人力资源和社会保障局/2024/人才发展资金.html")
        let result = try BuiltSite.build(content: Repo.content, into: work)
        #expect(result.cachedDocuments == 5)
        let projects = result.site.departmentYears.flatMap(\.projects)
        #expect(projects.allSatisfy { $0.detailsBox.isDecoded })
        let clean = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: clean)
        #expect(try snapshot(work.path + "/Public") == (try snapshot(clean.path + "/Public")))
    }

    /// A site whose details do not fit the memory given to them: each project's details are
    /// dropped once others need the room, and read again from its cache file when pages, open
    /// data or search text need them. The site is the same, clean or rebuilt.
    @Test func detailsThatDoNotFitTheirMemoryAreReadAgainAndTheSiteIsTheSame() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        let roomy = TemporaryDirectory()
        let full = try BuiltSite.build(content: work.path + "/Content", into: roomy)
        #expect(full.droppedDetails == 0)
        // Room for the details of about one project.
        let tight = try BuiltSite.build(content: work.path + "/Content", into: work, detailsMemory: 8192)
        // Every project's details were dropped after it was read, and again after each of
        // pages, open data and search read them.
        #expect(tight.droppedDetails >= 31 * 3)
        #expect(try snapshot(work.path + "/Public") == (try snapshot(roomy.path + "/Public")))

        // A rebuild after one document changed, with as little room.
        let path = work.path + "/Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6").write(toFile: path, atomically: true, encoding: .utf8)
        let rebuilt = try BuiltSite.build(content: work.path + "/Content", into: work, detailsMemory: 8192)
        #expect(rebuilt.cachedDocuments == 4 && rebuilt.droppedDetails > 0)
        let clean = TemporaryDirectory()
        _ = try BuiltSite.build(content: work.path + "/Content", into: clean)
        #expect(try snapshot(work.path + "/Public") == (try snapshot(clean.path + "/Public")))
    }

    /// After an upgrade of gongkai nothing cached by the old one is used: documents are read,
    /// pages rendered and data formatted again (the new reader may read them differently).
    @Test func anotherGongkaisCacheIsNotTrusted() throws {
        let work = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: work, builder: 1)
        let same = try BuiltSite.build(content: Repo.content, into: work, builder: 1)
        #expect(same.cachedDocuments == 5 && same.reusedPages == 43 && same.copiedDataSegments == 4 && same.keptOpenData)
        let upgraded = try BuiltSite.build(content: Repo.content, into: work, builder: 2)
        #expect(upgraded.cachedDocuments == 0)
        #expect(upgraded.reusedPages == 0)
        #expect(upgraded.copiedDataSegments == 0 && !upgraded.keptOpenData)
        #expect(!upgraded.reusedSearchIndex)
        // The same bytes: no file of the site changed (every file's manifest hash is the hash
        // of its bytes, the open data's too).
        #expect(upgraded.changedFiles == 0)
        #expect(upgraded.site.projectCount == 31)
        // And the upgraded build's cache is trusted by the upgraded gongkai.
        let again = try BuiltSite.build(content: Repo.content, into: work, builder: 2)
        #expect(again.cachedDocuments == 5 && again.reusedPages == 43)
    }

    /// A search index file removed or changed in the output by hand is written again: the
    /// index is built from scratch rather than patched over a file it cannot trust.
    @Test func aDamagedSearchIndexIsBuiltAgain() throws {
        let work = TemporaryDirectory()
        _ = try BuiltSite.build(content: Repo.content, into: work)
        let shard = work.path + "/Public/search/shards/0.bin"
        let bytes = try #require(FileManager.default.contents(atPath: shard))
        try FileManager.default.removeItem(atPath: shard)
        try FileManager.default.removeItem(atPath: work.path + "/Public/search/meta.json")
        let result = try BuiltSite.build(content: Repo.content, into: work)
        #expect(!result.reusedSearchIndex && !result.updatedSearchIndex)
        #expect(FileManager.default.contents(atPath: shard) == bytes)
        #expect(FileManager.default.fileExists(atPath: work.path + "/Public/search/meta.json"))
        let again = try BuiltSite.build(content: Repo.content, into: work)
        #expect(again.reusedSearchIndex)
    }

    /// After each kind of edit a rebuild gives a clean build's bytes: unchanged department-years'
    /// open-data rows are copied from the previous files in runs, whatever moves around them (a
    /// department-year added before the first, the first removed, one in the middle changed),
    /// and pages kept by their input fingerprints are exactly the pages that did not change
    /// (annex, overall goals, a new year of a department).
    @Test func rebuildsAfterEachKindOfEditEqualACleanBuild() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        _ = try BuiltSite.build(content: work.path + "/Content", into: work)
        func expectCleanData(copied: Int, kept: Bool = false, _ step: String) throws {
            let result = try BuiltSite.build(content: work.path + "/Content", into: work)
            #expect(result.copiedDataSegments == copied, "\(step)")
            #expect(result.keptOpenData == kept, "\(step)")
            #expect(result.reusedPages > 0, "\(step)")
            let clean = TemporaryDirectory()
            _ = try BuiltSite.build(content: work.path + "/Content", into: clean)
            let a = try snapshot(work.path + "/Public"), b = try snapshot(clean.path + "/Public")
            #expect(a.keys.sorted() == b.keys.sorted(), "\(step)")
            for (file, data) in b { #expect(a[file] == data, "\(step): \(file) differs from a clean build") }
        }
        // A department that sorts before every other: the old first department-year, which had
        // no comma before it in projects.json, now follows it.
        let a = try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8)
        #expect(a.contains("主管部门\t江阴市人力资源和社会保障局\n"))
        work.write("Content/万安县/2021-人社专职协理员工作经费.md",
                   a.replacingOccurrences(of: "主管部门\t江阴市人力资源和社会保障局\n", with: "主管部门\t万安县人力资源和社会保障局\n"))
        try expectCleanData(copied: 4, "department added first")
        #expect(try BuiltSite.build(content: work.path + "/Content", into: work).site.departments.first?.name == "万安县人力资源和社会保障局")
        // Removed again: the second becomes the first and loses its comma.
        try FileManager.default.removeItem(atPath: work.path + "/Content/万安县")
        try expectCleanData(copied: 4, "first department removed")
        // A change in the middle: copied runs before and after it.
        let path = work.path + "/Content/江阴市人力资源和社会保障局/2021-人社专职协理员工作经费.md"
        try a.replacingOccurrences(of: "项目总金额（万元）\t666万元", with: "项目总金额（万元）\t667万元").write(toFile: path, atomically: true, encoding: .utf8)
        try expectCleanData(copied: 3, "middle department-year changed")
        // The annex alone changes: a row's amount (the department-year page's notice).
        let xianDePath = work.path + "/Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
        let xianDe = try String(contentsOfFile: xianDePath, encoding: .utf8)
        #expect(xianDe.contains("\n7\t工伤认定调查经费\t8\n"))
        try xianDe.replacingOccurrences(of: "\n7\t工伤认定调查经费\t8\n", with: "\n7\t工伤认定调查经费\t9\n").write(toFile: xianDePath, atomically: true, encoding: .utf8)
        try expectCleanData(copied: 4, kept: true, "annex row changed")  // no project changed
        // The overall goals alone change.
        let gaoxinPath = work.path + "/Content/高新区人社局/2024-部门预算绩效文本.md"
        let gaoxin = try String(contentsOfFile: gaoxinPath, encoding: .utf8)
        #expect(gaoxin.contains("做好人才工作、社会保险基金监管工作；"))
        try gaoxin.replacingOccurrences(of: "做好人才工作、社会保险基金监管工作；", with: "做好人才工作；").write(toFile: gaoxinPath, atomically: true, encoding: .utf8)
        try expectCleanData(copied: 4, kept: true, "overall goals changed")
        // A new year of a department: its other years' pages link to it.
        work.write("Content/江阴市人力资源和社会保障局/2023-人社专职协理员工作经费.md", a.replacingOccurrences(of: "2021年度", with: "2023年度"))
        try expectCleanData(copied: 4, "a year added")
    }

    /// A document whose size, times and inode are as when it was cached is not read at all;
    /// any change to it (even of the same size, with its modification time put back) is seen.
    @Test func untouchedDocumentsAreNotReadAndTouchedOnesAre() throws {
        let work = TemporaryDirectory()
        for seed in Repo.seeds { work.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1)) }
        // Files changed in the two seconds before they were read are read again next time
        // (a change within the timestamp granularity could hide), so these must be older.
        Thread.sleep(forTimeInterval: 2.2)
        let first = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(first.untouchedDocuments == 0)
        let again = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(again.cachedDocuments == 5 && again.untouchedDocuments == 5)
        // The same number of bytes, a different amount, and the old modification time restored.
        let path = work.path + "/Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
        var st = stat()
        #expect(stat(path, &st) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("11\t劳动保障监察工作经费\t5"))
        try text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6").write(toFile: path, atomically: false, encoding: .utf8)
        var times = [st.st_atim, st.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let changed = try BuiltSite.build(content: work.path + "/Content", into: work)
        #expect(changed.untouchedDocuments == 4 && changed.cachedDocuments == 4)
        let annex = changed.site.departmentYears.first { $0.department == "旌德县人力资源和社会保障局" }?.annex
        #expect(annex?.total.wanString == "626.39")
    }

    /// A document written as a cache file and read back (its summary, then each project's
    /// details from the file) is written as the same bytes again.
    @Test func documentsRoundTripThroughTheCacheFormat() throws {
        let work = TemporaryDirectory()
        for (n, path) in Repo.seeds.enumerated() {
            let (doc, parts) = DocumentCache.digested(Seeds.read(path))
            let bytes = DocumentCache.file(doc, parts).bytes
            let file = work.path + "/\(n).bin"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let read = try #require(DocumentCache.summary(of: file))
            var r = BinaryReader(read.summary)
            let decoded = try? r.document(details: DocumentCache.DetailsSource(file: file, start: read.detailsStart, document: path, memory: nil))
            var again: [UInt8] = []
            if let decoded {
                let (redone, reparts) = DocumentCache.digested(decoded)
                again = DocumentCache.file(redone, reparts).bytes
            }
            #expect(again == bytes, "\(path)")
            #expect(decoded?.projects.count == doc.projects.count)
            // The document's path, in every project's location, is one String read once.
            let storages = Set((decoded?.projects ?? []).map { p -> Int in
                var file = p.location.file
                return file.withUTF8 { Int(bitPattern: $0.baseAddress) }
            })
            #expect(storages.count == 1, "\(path)")
        }
    }
}
