// The output directory, attacked and mishandled (issue 16): what a build may replace, one
// build at a time, failures that say so, links and hand edits in the output, killed builds.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct HostileOutputTests {
    // MARK: Item 1: `--output` never replaces what gongkai did not make

    /// Each of these outputs would delete the project, its sources or a device: refused with a
    /// usage error (2) in both languages, and nothing in the project changes.
    @Test func outputsThatWouldDeleteTheProjectAreRefused() throws {
        let project = PublisherProject()
        project.write(".git/HEAD", "ref: refs/heads/main\n")
        project.write("Themes/mine/templates/home.mustache", "{{title}}\n")
        project.write("notes.txt", "publisher's notes\n")
        let home = project.dir.path + "/home"
        project.dir.write("home/.bashrc", "export X=1\n")
        var cases: [(arguments: [String], reason: String)] = [
            (["--output", "."], "它是当前目录"),
            (["--output", ""], "输出目录为空"),
            (["--output", project.root], "它是当前目录"),
            (["--output", ".."], "它包含当前目录"),
            (["--output", "Content"], "它是内容目录"),
            (["--output", "Content/江阴市人力资源和社会保障局"], "它在内容目录"),
            (["--output", "Content/../."], "它是当前目录"),
            (["--output", "Themes", "--themes", "Themes"], "它是主题目录"),
            (["--output", "Themes/mine/out", "--themes", "Themes"], "它在主题目录"),
            (["--output", "gongkai.yml", "--config", "gongkai.yml"], "它是配置文件"),
            (["--output", "notes.txt"], "已存在且不是目录"),
            (["--output", "/dev/null"], "已存在且不是目录"),
            (["--output", home], "它是主目录"),
            (["--output", ".gongkai-cache/x"], "构建缓存"),
        ]
        // Not against another executable: an older gongkai would try to replace the root.
        if ProcessInfo.processInfo.environment["GONGKAI_TEST_EXECUTABLE"] == nil { cases.append((["--output", "/"], "根目录")) }
        let before = tree(project.dir.path)
        for (arguments, reason) in cases {
            let result = try project.build(arguments, environment: ["HOME": home])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("错误: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(reason), "\(arguments): \(result.stderr)")
            #expect(differences(tree(project.dir.path), before).isEmpty, "\(arguments) changed the project")
        }
        var null = stat()
        #expect(stat("/dev/null", &null) == 0 && (null.st_mode & S_IFMT) == S_IFCHR)
    }

    /// A directory that is neither empty nor a site gongkai built is replaced only with
    /// `--force`; an empty one, a missing one and one gongkai built are replaced.
    @Test func onlyEmptyOrMarkedDirectoriesAreReplacedUnlessForced() throws {
        let project = PublisherProject()
        project.write("site/index.html", "<p>hand-made</p>\n")
        let refused = try project.build(["--output", "site"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("不是空目录，也不是 gongkai 生成的网站") && refused.stderr.contains("--force"))
        #expect(project.read("site/index.html") == "<p>hand-made</p>\n")
        #expect(!FileManager.default.fileExists(atPath: project.path(".site.building-")))
        let forced = try project.build(["--output", "site", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(project.read("site/index.html")?.contains("hand-made") == false)
        #expect(project.read("site/.gongkai-build") != nil)
        // Now it is gongkai's: rebuilt without --force.
        #expect(try project.build(["--output", "site"]).status == 0)

        try FileManager.default.createDirectory(atPath: project.path("empty"), withIntermediateDirectories: true)
        #expect(try project.build(["--output", "empty"]).status == 0)
        #expect(try project.build(["--output", "new/deeper/site"]).status == 0)
        #expect(project.read("new/deeper/site/index.html") != nil)
        // A file named like the marker that is not one does not make a directory gongkai's.
        project.write("other/.gongkai-build", "not a seal\n")
        project.write("other/keep.txt", "keep\n")
        #expect(try project.build(["--output", "other"]).status == 2)
        #expect(project.read("other/keep.txt") == "keep\n")
    }

    /// An output that is a link is refused: gongkai replaces neither the link nor what it
    /// points to.
    @Test func anOutputThatIsALinkIsRefused() throws {
        let project = PublisherProject()
        project.dir.write("elsewhere/important.txt", "important\n")
        try FileManager.default.createSymbolicLink(atPath: project.path("Public"), withDestinationPath: project.dir.path + "/elsewhere")
        let result = try project.build()
        #expect(result.status == 2)
        #expect(result.stderr.contains("是符号链接"))
        #expect(project.dir.read("elsewhere/important.txt") == "important\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.path("Public")) == project.dir.path + "/elsewhere")
    }

    // MARK: Item 4: one build of an output at a time

    /// A second build waits while another holds the output's lock (saying so), then builds; the
    /// output is never a mix of the two.
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let first = tree(project.path("Public"))
        // Another build holds the lock.
        let lockPath = project.path(".gongkai-cache/Public.lock")
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        _ = "building 4242\n".withCString { pwrite(fd, $0, 14, 0) }
        let xianDe = project.path("Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        let text = try String(contentsOfFile: xianDe, encoding: .utf8)
        try text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6").write(toFile: xianDe, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["build", "--themes", Repo.root + "/Themes"]
        process.currentDirectoryURL = URL(fileURLWithPath: project.root)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the second build did not wait")
        #expect(differences(tree(project.path("Public")), first).isEmpty)
        flock(fd, LOCK_UN)
        close(fd)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("另一个构建（进程 4242）正在生成") && stderr.contains("another build (process 4242) is writing"), "\(stderr)")
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
    }

    /// Two builds of different content started together: whichever finishes last, the output
    /// and the cache agree, so the next build gives a clean build's site.
    @Test func twoBuildsAtOnceLeaveACleanSite() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        for seed in Repo.seeds { project.dir.copy(seed, to: "proj/Other/" + seed.dropFirst(Repo.content.count + 1)) }
        let gaoxin = project.path("Other/高新区人社局/2024-部门预算绩效文本.md")
        try FileManager.default.removeItem(atPath: gaoxin)
        var processes: [Process] = []
        for content in ["Content", "Other", "Content", "Other"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repo.executable)
            process.arguments = ["build", "--content", content, "--themes", Repo.root + "/Themes"]
            process.currentDirectoryURL = URL(fileURLWithPath: project.root)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try project.build(["--content", "Other"]).status == 0)
        #expect(differences(tree(project.path("Public")), try project.cleanSite(content: "Other")).isEmpty)
        #expect(try project.build(["--content", "Content"]).status == 0)
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
    }

    // MARK: Items 5 and 18: a failed publish says so, in words, and exits 3

    /// A build that cannot write its staging directory (the folder is read-only for the
    /// publisher) fails with exit status 3 and a message in both languages, not an NSError
    /// dump; the previous site is as it was.
    @Test func aBuildThatCannotWriteFailsWithExitThree() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let before = tree(project.path("Public"))
        let xianDe = project.path("Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        let text = try String(contentsOfFile: xianDe, encoding: .utf8)
        try text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6").write(toFile: xianDe, atomically: true, encoding: .utf8)
        let arguments = ["build", "--themes", Repo.root + "/Themes"]
        _ = try run("/bin/chmod", ["a-w", project.root])
        defer { _ = try? run("/bin/chmod", ["u+w", project.root]) }
        let result = try runUnprivileged(Repo.executable, arguments, in: project.root, owning: project.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("错误: 无法创建暂存目录"), "\(result.stderr)")
        #expect(result.stderr.contains("旧网站保持不变"))
        #expect(!result.stderr.contains("Error Domain") && !result.stderr.contains("NSCocoaErrorDomain"))
        #expect(!result.stdout.contains("built "))
        #expect(differences(tree(project.path("Public")), before).isEmpty)
    }

    /// A site made read-only is still published (the directories are swapped in their folder)
    /// and the old one removed, instead of a build that says "built" and publishes nothing.
    @Test func aReadOnlySiteIsReplaced() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let xianDe = project.path("Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        let text = try String(contentsOfFile: xianDe, encoding: .utf8)
        try text.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6").write(toFile: xianDe, atomically: true, encoding: .utf8)
        _ = try run("/bin/chmod", ["-R", "a-w", project.path("Public")])
        let result = try runUnprivileged(Repo.executable, ["build", "--themes", Repo.root + "/Themes"], in: project.root, owning: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        _ = try run("/bin/chmod", ["-R", "u+w", project.path("Public")])
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
    }

    /// A disk that fills up (here: a limit on file size) fails the build with exit status 3,
    /// leaves the previous site as it was and no staging directory behind.
    @Test func aFullDiskLeavesThePreviousSite() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let before = tree(project.path("Public"))
        project.write("Content/江阴市人力资源和社会保障局/2023-新.md",
                      try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8).replacingOccurrences(of: "2021年度", with: "2023年度"))
        let script = "ulimit -f 16; trap '' XFSZ; exec \"$0\" build --themes \"$1\""
        let result = try run("/bin/bash", ["-c", script, Repo.executable, Repo.root + "/Themes"], in: project.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("错误: 无法写入"), "\(result.stderr)")
        #expect(differences(tree(project.path("Public")), before).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
        // With room again, the next build publishes.
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
    }

    // MARK: Item 12: links inside the output are never followed

    /// Links planted in the output (a folder of the site, a page, the open data) are neither
    /// written through nor followed when files are removed or kept: what they point to is
    /// untouched, and the rebuilt site is a clean build's, without them.
    @Test func linksInsideTheOutputAreNotFollowed() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let outside = project.dir.path + "/outside"
        project.dir.write("outside/data/projects.json", "outside data\n")
        project.dir.write("outside/page.html", "outside page\n")
        project.dir.write("outside/assets/style.css", "outside css\n")
        let before = tree(outside)
        let fm = FileManager.default
        try fm.removeItem(atPath: project.path("Public/data"))
        try fm.createSymbolicLink(atPath: project.path("Public/data"), withDestinationPath: outside + "/data")
        let page = project.path("Public/旌德县人力资源和社会保障局/2024/index.html")
        try fm.removeItem(atPath: page)
        try fm.createSymbolicLink(atPath: page, withDestinationPath: outside + "/page.html")
        try fm.removeItem(atPath: project.path("Public/assets"))
        try fm.createSymbolicLink(atPath: project.path("Public/assets"), withDestinationPath: outside + "/assets")
        try fm.createSymbolicLink(atPath: project.path("Public/gone"), withDestinationPath: outside)
        #expect(try project.build().status == 0)
        #expect(differences(tree(outside), before).isEmpty)
        #expect(differences(tree(project.path("Public")), try project.cleanSite()).isEmpty)
    }

    // MARK: Item 14: a killed build leaves the old site or the new one, and is cleaned up

    /// Builds killed at moments spread over a rebuild: the output is always exactly the old
    /// site or the new one, and the next build removes what the killed ones left.
    @Test func aKilledBuildLeavesTheOldSiteOrTheNew() throws {
        let project = PublisherProject()
        let xianDe = project.path("Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        let original = try String(contentsOfFile: xianDe, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "11\t劳动保障监察工作经费\t5", with: "11\t劳动保障监察工作经费\t6")
        let siteA = try project.cleanSite()
        try edited.write(toFile: xianDe, atomically: true, encoding: .utf8)
        let siteB = try project.cleanSite()
        try original.write(toFile: xianDe, atomically: true, encoding: .utf8)
        #expect(try project.build().status == 0)
        var outcomes: [String] = []
        for attempt in 0..<12 {
            try (attempt % 2 == 0 ? edited : original).write(toFile: xianDe, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repo.executable)
            process.arguments = ["build", "--themes", Repo.root + "/Themes"]
            process.currentDirectoryURL = URL(fileURLWithPath: project.root)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.02 * Double(attempt * 3 % 13))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = tree(project.path("Public"))
            let outcome = differences(site, siteA).isEmpty ? "old-or-A" : differences(site, siteB).isEmpty ? "B" : "mixed"
            outcomes.append(outcome)
            #expect(outcome != "mixed", "attempt \(attempt): \(differences(site, siteA).prefix(5))")
            // A killed build's output is made whole by the next build.
            #expect(try project.build().status == 0)
            #expect(differences(tree(project.path("Public")), attempt % 2 == 0 ? siteB : siteA).isEmpty, "attempt \(attempt)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
        }
    }

    /// What builds killed at their last step left (the old site moved aside, the new one not
    /// yet in; an older gongkai's staging folders) is put back or removed by the next build,
    /// which says that the previous build did not finish.
    @Test func leftoversOfKilledBuildsAreCleanedUp() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let site = tree(project.path("Public"))
        let fm = FileManager.default
        // Killed between the two renames of a system that cannot swap directories: no output.
        try fm.moveItem(atPath: project.path("Public"), toPath: project.path(".Public.building-4242-1.old"))
        project.write(".Public.building-4242-1/index.html", "half-built\n")
        project.write(".Public.building-4243/x.html", "an older gongkai's staging\n")
        project.write(".gongkai-cache/Public.lock", "building 4242\n")
        let result = try project.build()
        #expect(result.status == 0)
        #expect(result.stderr.contains("上一次构建（进程 4242）没有正常结束") && result.stderr.contains("the previous build (process 4242) did not finish"), "\(result.stderr)")
        #expect(differences(tree(project.path("Public")), site).isEmpty)
        #expect(try fm.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
        // A name of gongkai's pattern for another output is not touched.
        project.write(".Publicity.building-1/keep.txt", "keep\n")
        #expect(try project.build().status == 0)
        #expect(project.read(".Publicity.building-1/keep.txt") == "keep\n")
    }

    // MARK: Item 15: the output is the build's, whatever was done to it by hand

    /// Same-size edits, stray files and folders, a removed file: a rebuild with nothing changed
    /// gives exactly a clean build's site.
    @Test func handChangesToTheOutputDoNotSurviveARebuild() throws {
        let project = PublisherProject()
        #expect(try project.build().status == 0)
        let clean = try project.cleanSite()
        func sameSize(_ relative: String, _ from: String, _ to: String) throws {
            let path = project.path("Public/" + relative)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(from) && from.utf8.count == to.utf8.count, "\(relative)")
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: false, encoding: .utf8)
        }
        try sameSize("旌德县人力资源和社会保障局/2024/index.html", "625.39", "925.39")
        try sameSize("data/department-years.json", "\"625.39\"", "\"925.39\"")
        try sameSize("data/projects.json", "\"155.00\"", "\"955.00\"")
        try sameSize("data/indicators.csv", "≥95%", "≥15%")
        project.write("Public/stray.html", "<p>stray</p>\n")
        // A stray file whose name is not UTF-8 (the old site is removed by its bytes).
        let odd = Array(project.path("Public/data").utf8CString.dropLast()) + [0x2F, 0x78, CChar(bitPattern: 0xFF), 0]
        let fd = open(odd, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        project.write("Public/旌德县人力资源和社会保障局/2024/stray/deep.txt", "stray\n")
        try FileManager.default.removeItem(atPath: project.path("Public/search/meta.json"))
        #expect(try project.build().status == 0)
        #expect(differences(tree(project.path("Public")), clean) == [])
        #expect(access(odd, F_OK) != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
    }
}
