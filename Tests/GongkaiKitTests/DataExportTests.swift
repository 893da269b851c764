// Open data: the files a build writes under Public/data/, and that two builds give the same bytes.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct DataExportTests {
    /// Builds the seeds into a temporary Public/ and returns its directory.
    static func build() throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        var options = BuildOptions()
        options.contentDir = Repo.content
        options.outputDir = dir.path + "/Public"
        options.configPath = dir.path + "/gongkai.yml"
        options.themesDir = Repo.root + "/Themes"
        _ = try Pipeline.build(options)
        return dir
    }

    /// A stream's segments are where their bytes landed, with the checksum of those bytes, and
    /// the file's manifest hash is the hash of all its bytes (segments and what lies between).
    @Test func segmentsCarryTheChecksumsOfTheirBytes() throws {
        let dir = TemporaryDirectory()
        let source = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let output = try StagedOutput(outputDir: dir.path + "/Public")
        defer { output.discard() }
        let stream = try output.stream("data/x.bin")
        stream.buffer.append(contentsOf: Array("head".utf8))
        stream.beginSegment()
        stream.buffer.append(contentsOf: source[7..<90_007])
        try stream.flushIfFull()
        stream.buffer.append(contentsOf: source[0..<3])
        let first = stream.endSegment()
        stream.buffer.append(contentsOf: Array("middle".utf8))
        try stream.flush()
        stream.beginSegment()
        stream.buffer.append(contentsOf: source[95_000...])
        let second = stream.endSegment()
        stream.buffer.append(contentsOf: Array("tail".utf8))
        #expect(stream.position == 4 + 90_000 + 3 + 6 + 5_003 + 4)
        try stream.close()
        let written = [UInt8](FileManager.default.contents(atPath: output.stagingPath + "/data/x.bin") ?? Data())
        let expected = Array("head".utf8) + source[7..<90_007] + source[0..<3] + Array("middle".utf8) + source[95_000...] + Array("tail".utf8)
        #expect(written == expected, "\(written.count) bytes, \(expected.count) expected")
        #expect(first.range == 4..<90_007 && second.range == 90_013..<95_016)
        #expect(first.checksum == StreamingHash.of(Array(written[first.range])))
        #expect(second.checksum == StreamingHash.of(Array(written[second.range])))
        #expect(output.hash(of: "data/x.bin") == StreamingHash.of(expected))
    }

    static func json(_ dir: TemporaryDirectory, _ file: String) throws -> Any {
        let data = try #require(FileManager.default.contents(atPath: dir.path + "/Public/data/" + file))
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test func projectsJSONHasEveryProjectWithExactAmounts() throws {
        let dir = try Self.build()
        let projects = try #require(try Self.json(dir, "projects.json") as? [[String: Any]])
        #expect(projects.count == 31)
        let jobs = try #require(projects.first { $0["name"] as? String == "就业补助资金县级配套" })
        #expect(jobs["department"] as? String == "旌德县人力资源和社会保障局")
        #expect(jobs["year"] as? Int == 2024)
        #expect(jobs["amount"] as? String == "155.00")
        #expect(jobs["code"] is NSNull)
        // Named from the content folder's name, not from where the folder is (`PublicPaths`).
        #expect(jobs["source"] as? String == "Content/" + Repo.xianDe.dropFirst(Repo.content.count + 1) + ":7")
        let pension = try #require(projects.first { $0["name"] as? String == "机关事业单位养老保险基金补贴" })
        #expect(pension["code"] as? String == "320281223230023000005")
        #expect(pension["amount"] as? String == "37035.00")
        // Amounts are strings that add up exactly.
        let total = projects.compactMap { $0["amount"] as? String }.compactMap { Money(wan: $0) }.sum()
        #expect(total.wanString == "101129.24")
    }

    @Test func departmentYearsJSONHasTotalsAndTheAnnex() throws {
        let dir = try Self.build()
        let years = try #require(try Self.json(dir, "department-years.json") as? [[String: Any]])
        let rows = years.map { "\($0["department"]!) \($0["year"]!) \($0["projects"]!) \($0["total"]!)" }
        #expect(rows == [
            "旌德县人力资源和社会保障局 2024 13 625.39",
            "江阴市人力资源和社会保障局 2021 2 755.50",
            "江阴市人力资源和社会保障局 2022 9 90713.35",
            "高新区人社局 2024 7 9035.00",
        ])
        let annex = try #require(years[0]["annex"] as? [String: Any])
        #expect(annex["total"] as? String == "625.39")
        #expect(annex["reconciles"] as? Bool == true)
        #expect(annex["rows"] as? Int == 13)
        #expect(years[1]["annex"] is NSNull)
    }

    @Test func csvFilesOpenInExcelAndCarryTheProjectOnEveryRow() throws {
        let dir = try Self.build()
        let projects = try #require(FileManager.default.contents(atPath: dir.path + "/Public/data/projects.csv"))
        #expect(Array(projects.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let projectLines = String(decoding: projects, as: UTF8.self).split(separator: "\r\n")
        #expect(projectLines.count == 32)
        let indicators = try #require(dir.read("Public/data/indicators.csv"))
        let lines = indicators.split(separator: "\r\n")
        // Chinese column titles for the people who open it; datapackage.json names the fields.
        #expect(lines[0].hasPrefix("\u{FEFF}项目标识,主管部门,年度,项目名称,一级指标,一级指标类别,二级指标,三级指标,半年/全年,指标值（原文）"))
        let subsidy = lines.filter { $0.contains("基层特定岗位社保补贴") }
        #expect(subsidy.count == 1)
        #expect(subsidy.first?.contains("旌德县人力资源和社会保障局,2024,就业补助资金县级配套,产出指标,产出,成本指标,基层特定岗位社保补贴,,≥904.35元/人/月") == true)
        // One row per value: half-year and full-year values of 002 are separate rows.
        let checkups = lines.filter { $0.contains(",参与体检人数,") }
        #expect(checkups.count == 4)
        // The parsed value: operator, number, unit and kind.
        #expect(subsidy.first?.contains(",≥904.35元/人/月,≥,904.35,元/人/月,quantitative,") == true)
        // A value that a spreadsheet would evaluate keeps its text behind an apostrophe, but the
        // operator column holds the plain operator: `=` alone is no formula.
        let assistants = lines.filter { $0.contains(",协理员人数（人）,") }
        #expect(assistants.count == 1)
        #expect(assistants.first?.contains(",\"'=315个\",=,315,个,quantitative,") == true)
    }

    @Test func dataPackageDescribesAFiscalDataPackage() throws {
        let dir = try Self.build()
        let package = try #require(try Self.json(dir, "datapackage.json") as? [String: Any])
        let model = try #require(package["model"] as? [String: Any])
        let amount = try #require((model["measures"] as? [String: Any])?["amount"] as? [String: Any])
        #expect(amount["currency"] as? String == "CNY")
        #expect(amount["factor"] as? Int == 10000)
        #expect(amount["direction"] as? String == "expenditure")
        #expect(amount["phase"] as? String == "approved")
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.map { $0["path"] as? String } == ["projects.csv", "indicators.csv"])
        let keys = (resources[1]["schema"] as? [String: Any])?["foreignKeys"] as? [[String: Any]]
        #expect((keys?.first?["reference"] as? [String: Any])?["resource"] as? String == "projects")
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        let a = try Self.build(), b = try Self.build()
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path + "/Public").sorted()
        #expect(files.count >= 5)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: b.path + "/Public").sorted() == files)
        for file in files {
            let x = FileManager.default.contents(atPath: a.path + "/Public/" + file)
            let y = FileManager.default.contents(atPath: b.path + "/Public/" + file)
            #expect(x == y, "\(file) differs between two builds")
        }
    }
}
