// The gongkai command: output formats and exit statuses (0 ok, 1 content errors, 2 usage errors).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct CommandLineTests {
    @Test func checkPrintsTheSummaryAndDiagnosticsAndExitsZero() throws {
        let empty = TemporaryDirectory()
        let result = try run(Repo.executable, ["check", "--content", Repo.content], in: empty.path, environment: ["GONGKAI_LANG": "zh"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("5 个文档，3 个部门，4 个部门年度，31 个项目"))
        #expect(result.stdout.contains("旌德县人力资源和社会保障局  2024  13 个项目  合计 625.39 万元"))
        #expect(result.stdout.contains("\(Repo.jiangyin2022):26: 警告: "))
        #expect(result.stdout.contains("[ocr-garbage]"))
        let english = try run(Repo.executable, ["check", "--content", Repo.content, "--lang", "en"], in: empty.path)
        #expect(english.status == 0)
        #expect(english.stdout.contains("5 documents, 3 department(s), 4 department-year(s), 31 project(s)"))
        #expect(english.stdout.contains("旌德县人力资源和社会保障局  2024  13 projects  total 625.39 万元"))
        #expect(english.stdout.contains("\(Repo.jiangyin2022):26: warning: "))
    }

    @Test func checkJSONIsAnArrayOfDiagnostics() throws {
        let result = try run(Repo.executable, ["check", "--content", Repo.content, "--format", "json", "--baseURL", "https://yusuan.example.gov.cn/"])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let garbage = array.filter { $0["code"] as? String == "ocr-garbage" }
        #expect(garbage.map { $0["line"] as? Int } == [26, 92, 131])
        #expect(garbage.allSatisfy { $0["file"] as? String == Repo.jiangyin2022 && $0["severity"] as? String == "warning" })
        #expect(garbage.first?["message"] as? String != nil)
    }

    @Test func contentErrorsExitOneAndUsageErrorsExitTwo() throws {
        let dir = TemporaryDirectory()
        dir.write("Content/a.md", "")
        let errors = try run(Repo.executable, ["check", "--content", dir.path + "/Content"])
        #expect(errors.status == 1)
        #expect(errors.stdout.contains("a.md:1: 错误: "))
        #expect(errors.stdout.contains("[empty-document]"))
        let missing = try run(Repo.executable, ["check", "--content", dir.path + "/nothing"])
        #expect(missing.status == 2)
        let badFlag = try run(Repo.executable, ["check", "--format", "yaml"])
        #expect(badFlag.status == 2)
        let noCommand = try run(Repo.executable, ["publish"])
        #expect(noCommand.status == 2)
        dir.write("bad.yml", "title: [unclosed")
        let badConfig = try run(Repo.executable, ["check", "--content", Repo.content, "--config", dir.path + "/bad.yml"])
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr.contains("bad.yml:"))
        for memory in ["-1", "99999999999999999", "lots"] {
            let badMemory = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/Public", "--details-memory", memory])
            #expect(badMemory.status == 2, "--details-memory \(memory)")
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/Public"))
        }
    }

    /// `check` (but for `--format tree`) keeps no project's details once they are checked, so
    /// its memory does not grow with the site's indicators; it reports exactly the same.
    @Test func checkWithoutDetailsReportsTheSame() throws {
        let full = try Pipeline.read(contentDir: Repo.content, config: SiteConfig())
        let lean = try Pipeline.read(contentDir: Repo.content, config: SiteConfig(), keepingDetails: false)
        #expect(Report.summary(lean) == Report.summary(full))
        #expect(Report.diagnostics(lean.diagnostics) == Report.diagnostics(full.diagnostics))
        #expect(Report.json(lean.diagnostics) == Report.json(full.diagnostics))
        #expect(lean.departmentYears.map(\.indicatorCount) == full.departmentYears.map(\.indicatorCount))
        #expect(lean.departmentYears.map(\.notes) == full.departmentYears.map(\.notes))
        let projects = lean.departmentYears.flatMap(\.projects)
        #expect(projects.count == 31 && projects.allSatisfy { $0.indicators.isEmpty && $0.funding.isEmpty && $0.digest != nil })
        #expect(full.departmentYears.flatMap(\.projects).contains { !$0.indicators.isEmpty })
    }

    @Test func strictMakesWarningsFail() throws {
        let result = try run(Repo.executable, ["check", "--content", Repo.content, "--strict", "--baseURL", "https://yusuan.example.gov.cn/"])
        #expect(result.status == 1)
    }

    @Test func buildWritesTheDataFiles() throws {
        let dir = TemporaryDirectory()
        let result = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/Public", "--themes", Repo.root + "/Themes", "--lang", "en"], in: dir.path)
        #expect(result.status == 0)
        // Without a configured address the build says what the sitemap points to.
        #expect(result.stderr.contains("gongkai.yml:1: warning: no baseURL set: sitemap.xml, robots.txt and canonical links use https://example.org/"))
        let dir2 = TemporaryDirectory()
        dir2.write("gongkai.yml", "baseURL: https://yusuan.example.gov.cn/\n")
        let configured = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir2.path + "/Public", "--config", dir2.path + "/gongkai.yml", "--themes", Repo.root + "/Themes"])
        #expect(configured.status == 0)
        #expect(!configured.stderr.contains("baseURL"))
        #expect(dir2.read("Public/sitemap.xml")?.contains("<loc>https://yusuan.example.gov.cn/%E6%97%8C") == true)
        for file in ["projects.json", "department-years.json", "projects.csv", "indicators.csv", "datapackage.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/Public/data/" + file), "\(file)")
        }
    }

    /// `build -v` names each stage with its time and, on Linux, the memory in use and the peak so
    /// far, in the form Benchmarks/run reads (its STAGE pattern).
    @Test func verboseBuildReportsEveryStagesTimeAndMemory() throws {
        let dir = TemporaryDirectory()
        let result = try run(Repo.executable, ["build", "-v", "--content", Repo.content, "--output", dir.path + "/Public",
                                               "--themes", Repo.root + "/Themes", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        let stage = /^\[(\d)\/6\] (.+) \(([\d,]+) ms, (\d+) MiB resident, peak (\d+) MiB\)$/
        let lines = result.stderr.split(separator: "\n").compactMap { try? stage.wholeMatch(in: $0) }
        #expect(lines.map { Int($0.1) } == [1, 2, 3, 4, 5, 6], "\(result.stderr)")
        #expect(lines.first?.2 == "loading configuration and theme")
        let peaks = lines.compactMap { Int($0.5) }
        #expect(peaks.count == 6 && peaks == peaks.sorted() && peaks[0] > 0, "peaks only grow: \(peaks)")
        #expect(lines.allSatisfy { Int($0.4)! <= Int($0.5)! }, "resident never above the peak")
        // The same stages in Chinese.
        let chinese = try run(Repo.executable, ["build", "-v", "--content", Repo.content, "--output", dir.path + "/Public",
                                                "--themes", Repo.root + "/Themes", "--lang", "zh"])
        let zhStage = /^\[(\d)\/6\] (.+)（([\d,]+) ms，常驻内存 (\d+) MiB，峰值 (\d+) MiB）$/
        let zhLines = chinese.stderr.split(separator: "\n").compactMap { try? zhStage.wholeMatch(in: $0) }
        #expect(zhLines.map { Int($0.1) } == [1, 2, 3, 4, 5, 6], "\(chinese.stderr)")
        #expect(zhLines.first?.2 == "读取配置和主题")
        #expect(chinese.stderr.contains("内存分配器：mimalloc "))
    }

    /// The executable's malloc is mimalloc's (linked for speed), not glibc's: with its statistics
    /// switched on, mimalloc reports the memory it handed out, which is the build's, not only
    /// the few bytes of a direct call.
    @Test func theExecutableAllocatesWithMimalloc() throws {
        let dir = TemporaryDirectory()
        let result = try run(Repo.executable, ["build", "-v", "--content", Repo.content, "--output", dir.path + "/Public",
                                               "--themes", Repo.root + "/Themes", "--lang", "en"],
                             environment: ["MIMALLOC_SHOW_STATS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("allocator: mimalloc "), "\(result.stderr)")
        let committed = /committed:\s+([\d.]+) MiB/
        let peak = result.stderr.split(separator: "\n").compactMap { try? committed.firstMatch(in: $0) }.first.map { Double($0.1)! }
        #expect((peak ?? 0) >= 4, "mimalloc's committed peak: \(String(describing: peak)) MiB\n\(result.stderr.suffix(2000))")
    }
}
