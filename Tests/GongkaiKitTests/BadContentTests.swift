// No input crashes the program: bad documents give diagnostics naming the file, others still build.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct BadContentTests {
    /// A content directory with the five seeds and four bad documents.
    static func contentWithBadDocuments() -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        for seed in Repo.seeds {
            dir.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1))
        }
        dir.write("Content/bad/empty.md", "")
        var generator = SeededGenerator(seed: 42)
        dir.write("Content/bad/binary.md", bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let words = ["的", "预算", "公开", "table", "资金", "\t", "\n", "绩效", "2024", "；", "指标"]
        dir.write("Content/bad/random.md", (0..<600).map { _ in words.randomElement(using: &generator)! }.joined())
        // A form cut off in the middle of its first indicator row.
        let seed = String(decoding: FileManager.default.contents(atPath: Repo.jiangyin2021b) ?? Data(), as: UTF8.self)
        let cut = seed.index(seed.startIndex, offsetBy: seed.distance(from: seed.startIndex, to: seed.range(of: "决策指标\t项目立项")!.lowerBound) + 6)
        dir.write("Content/bad/truncated.md", String(seed[..<cut]))
        return dir
    }

    @Test func badDocumentsAreReportedAndTheOthersStillRead() throws {
        let dir = Self.contentWithBadDocuments()
        let site = try Pipeline.read(contentDir: dir.path + "/Content", config: SiteConfig())
        func diagnostics(_ name: String) -> [Diagnostic] {
            site.diagnostics.filter { $0.location.file.hasSuffix("/bad/\(name).md") }
        }
        #expect(diagnostics("empty").map(\.code) == ["empty-document"])
        #expect(diagnostics("binary").first?.code == "binary-file")
        #expect(diagnostics("binary").first?.severity == .error)
        #expect(diagnostics("random").map(\.code) == ["unrecognised-layout"])
        // The truncated form is read as far as it goes, and says what is missing.
        let truncated = diagnostics("truncated")
        #expect(Set(truncated.map(\.code)) == ["indicator-without-value", "incomplete-indicators", "incomplete-form"])
        #expect(truncated.allSatisfy { $0.location.file == dir.path + "/Content/bad/truncated.md" })
        // The seeds are all still there, with the truncated form's project added to 江阴 2021.
        #expect(site.projectCount == 32)
        #expect(site.departmentYears.first { $0.department == "旌德县人力资源和社会保障局" }?.total.wanString == "625.39")
        #expect(site.hasErrors)
    }

    @Test func aBuildWithBadDocumentsStillPublishesTheGoodOnes() throws {
        let dir = Self.contentWithBadDocuments()
        var options = BuildOptions()
        options.contentDir = dir.path + "/Content"
        options.outputDir = dir.path + "/Public"
        options.configPath = dir.path + "/gongkai.yml"
        let result = try Pipeline.build(options)
        #expect(result.site.hasErrors)
        let data = try #require(dir.read("Public/data/department-years.json"))
        #expect(data.contains("\"total\": \"90713.35\""))
    }

    @Test func nonUTF8TextIsReportedWithItsLine() {
        let gbk: [UInt8] = Array("项目名称\t".utf8) + [0xCF, 0xEE, 0xC4, 0xBF, 0x0A]  // 项目 in GBK
        let doc = DocumentReader.read(path: "x.md", bytes: Array("标题\n".utf8) + gbk)
        #expect(doc.diagnostics.map(\.code) == ["not-utf8"])
        #expect(doc.diagnostics.first?.location.line == 2)
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        let seed = Array(FileManager.default.contents(atPath: Repo.jiangyin2022) ?? Data())
        for round in 0..<200 {
            // Mutate a real form: cut, splice, duplicate tabs and blank lines.
            var bytes = seed
            for _ in 0..<20 {
                let i = Int.random(in: 0..<bytes.count, using: &generator)
                switch round % 4 {
                case 0: bytes[i] = [0x09, 0x0A, 0x20, 0x3C][Int.random(in: 0..<4, using: &generator)]
                case 1: bytes.insert(0x09, at: i)
                case 2: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1..<400, using: &generator)))
                default: bytes.insert(contentsOf: [0x0A, 0x0A], at: i)
                }
                if bytes.isEmpty { break }
            }
            let doc = DocumentReader.read(path: "fuzz.md", bytes: bytes)
            #expect(doc.projects.allSatisfy { !$0.name.isEmpty })
        }
    }
}

/// A small deterministic random generator (SplitMix64) for repeatable fixtures.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
