// Hostile content (issue 16): long and colliding names, named pipes, unreadable and
// unnameable folders, links that lead nowhere or out, and themes that lead out of Themes/.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct HostileContentTests {
    /// The seed form of layout A with its department, title or both replaced.
    private func form(department: String? = nil, title: String? = nil) throws -> String {
        var text = try String(contentsOfFile: Repo.jiangyin2021a, encoding: .utf8)
        if let department { text = text.replacingOccurrences(of: "主管部门\t江阴市人力资源和社会保障局", with: "主管部门\t" + department) }
        if let title { text = text.replacingOccurrences(of: "2021年度人社专职协理员工作经费绩效目标申报表", with: "2021年度" + title + "绩效目标申报表") }
        return text
    }

    /// Creates a file whose name is these bytes (not necessarily UTF-8) in `dir`.
    private func create(_ dir: String, name: [UInt8], _ text: String) {
        let path = Array(dir.utf8CString.dropLast()) + [CChar(bitPattern: 0x2F)] + name.map { CChar(bitPattern: $0) } + [0]
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    // MARK: Item 7: long names

    /// Two projects of one department-year with the same name of 70 CJK characters, the second
    /// from a file with a long name: both published, every file name under the limit.
    @Test func longDuplicateNamesStayUnderTheFileNameLimit() throws {
        let project = PublisherProject(seeds: false)
        let name = String(repeating: "人社专职协理员工作经费", count: 7)
        #expect(name.count == 77)
        project.write("Content/a.md", try form(title: name))
        project.write("Content/" + String(repeating: "很长的文件名", count: 12) + ".md", try form(title: name))
        let result = try project.build()
        #expect(result.status == 0, "\(result.stderr.suffix(400))")
        #expect(result.stdout.contains("的 2 个项目"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: project.path("Public/江阴市人力资源和社会保障局/2021")).filter { $0 != "index.html" && $0.hasSuffix(".html") }
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { $0.utf8.count <= Permalinks.maximumSlug + 5 })
        #expect(Set(pages).count == 2)
    }

    // MARK: Item 8: a named pipe

    /// A named pipe called `*.md` is reported, not waited on; check and build finish.
    @Test func aNamedPipeIsReportedNotWaitedOn() throws {
        let project = PublisherProject()
        #expect(mkfifo(project.path("Content/pipe.md"), 0o644) == 0)
        for command in [["check", "--content", "Content"], ["build", "--themes", Repo.root + "/Themes"]] {
            let result = try run("/usr/bin/timeout", ["-s", "KILL", "60", Repo.executable] + command, in: project.root)
            #expect(result.status == 1, "\(command): \(result.status)")
            #expect((result.stdout + result.stderr).contains("Content/pipe.md:1: 错误: 不是普通文件（命名管道、设备或套接字），未读取 [not-a-regular-file]"), "\(command)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".Public.") }.isEmpty)
    }

    // MARK: Item 10: colliding permalinks

    /// Departments whose names make the same folder (`甲/乙局`, `甲?乙局`; `..`, `.`, `-`;
    /// Latin letters in either case), or a folder of the site's own (`search`, `quality`), and
    /// a project named `index`: every page is published at its own path, the site's own
    /// pages are not replaced, and three clean builds give the same bytes.
    @Test func collidingNamesGetTheirOwnPagesDeterministically() throws {
        let project = PublisherProject(seeds: false)
        let departments = ["甲/乙局", "甲?乙局", "search", "quality", "..", ".", "-", "ABC局", "abc局"]
        for (i, department) in departments.enumerated() { project.write("Content/d\(i).md", try form(department: department)) }
        project.write("Content/idx.md", try form(title: "index"))
        let result = try project.build()
        #expect(result.status == 0, "\(result.stderr.suffix(300))")
        #expect(result.stdout.contains("10 个部门年度的 10 个项目"))
        let site = tree(project.path("Public"))
        // One department page and one year page for each department, and the project pages.
        let departmentPages = site.keys.filter { $0.split(separator: "/").count == 2 && $0.hasSuffix("/index.html") && !$0.hasPrefix("search/") && !$0.hasPrefix("quality/") && !$0.hasPrefix("data/") }
        #expect(departmentPages.count == 10, "\(departmentPages.sorted())")
        let yearPages = site.keys.filter { $0.split(separator: "/").count == 3 && $0.hasSuffix("/2021/index.html") }
        #expect(yearPages.count == 10)
        for (i, department) in departments.enumerated() {
            let page = try #require(departmentPages.first { project.read("Public/" + $0)?.contains("<h1>\(department)") == true }, "\(i): \(department)")
            _ = page
        }
        #expect(project.read("Public/search/index.html")?.contains("id=\"search") == true)
        #expect(project.read("Public/江阴市人力资源和社会保障局/2021/index-idx.html") != nil)
        #expect(project.read("Public/江阴市人力资源和社会保障局/2021/index.html")?.contains("index-idx.html") == true)
        for _ in 0..<2 {
            #expect(differences(try project.cleanSite(), site).isEmpty)
        }
    }

    @Test func departmentFoldersAreUniqueAndNeverTheSitesOwn() {
        #expect(Permalinks.departmentSegments(["甲/乙局", "甲?乙局", "search", "Search", "..", ".", "-", "ABC局", "abc局", "甲-乙局"])
            == ["甲-乙局", "甲-乙局-2", "search-2", "Search-3", "-", "--2", "--3", "ABC局", "abc局-2", "甲-乙局-3"])
        let long = String(repeating: "长", count: 100)
        let segments = Permalinks.departmentSegments([long, long + "甲", long + "乙"])
        #expect(Set(segments).count == 3 && segments.allSatisfy { $0.utf8.count <= Permalinks.maximumSlug })
    }

    // MARK: Item 13: themes that lead out of Themes/

    /// A theme named with `..`, a theme folder that is a link out of Themes/, and an asset that
    /// links to a file outside: refused (usage error), nothing published from outside.
    @Test func themesCannotLeadOutOfTheirFolder() throws {
        let project = PublisherProject()
        try FileManager.default.copyItem(atPath: Repo.root + "/Themes", toPath: project.path("Themes"))
        project.dir.write("outside/templates/home.mustache", "{{title}} from outside\n")
        project.dir.write("secret.txt", "secret\n")
        project.write("gongkai.yml", "theme: ../../outside\n")
        var result = try project.build(["--themes", "Themes"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("theme 必须是 Themes/ 中一个文件夹的名称") && result.stderr.contains("‘../../outside’"))
        try FileManager.default.createSymbolicLink(atPath: project.path("Themes/linked"), withDestinationPath: project.dir.path + "/outside")
        project.write("gongkai.yml", "theme: linked\n")
        result = try project.build(["--themes", "Themes"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("指向主题目录之外"))
        project.write("gongkai.yml", "theme: default\n")
        try FileManager.default.createSymbolicLink(atPath: project.path("Themes/default/assets/passwd.txt"), withDestinationPath: project.dir.path + "/secret.txt")
        result = try project.build(["--themes", "Themes"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("passwd.txt") && result.stderr.contains("是指向主题目录之外（或指向目录）的链接"))
        #expect(!FileManager.default.fileExists(atPath: project.path("Public")))
        // A link to a file inside Themes/ is that file.
        try FileManager.default.removeItem(atPath: project.path("Themes/default/assets/passwd.txt"))
        project.write("Themes/shared.css", "body {}\n")
        try FileManager.default.createSymbolicLink(atPath: project.path("Themes/default/assets/shared.css"), withDestinationPath: project.path("Themes/shared.css"))
        result = try project.build(["--themes", "Themes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(project.read("Public/assets/shared.css") == "body {}\n")
    }

    // MARK: Item 16: nothing left out silently

    /// An unreadable folder, a folder and two files whose names are not UTF-8, a link that
    /// leads nowhere, one that loops, one out of Content/ and one to a folder: each is a
    /// diagnostic of its own at its path; the seeds are still published.
    @Test func whatCannotBeReadIsReported() throws {
        let project = PublisherProject()
        let content = project.path("Content")
        project.write("Content/locked/2021-x.md", try form())
        create(content, name: [0x62, 0xFF, 0x2E, 0x6D, 0x64], "b")  // b\xFF.md
        create(content, name: [0x62, 0xFE, 0x2E, 0x6D, 0x64], "b")  // b\xFE.md
        let folder = Array(content.utf8CString.dropLast()) + [0x2F, CChar(bitPattern: 0xC3), 0x28, 0]  // \xC3( : not UTF-8
        #expect(mkdir(folder, 0o755) == 0)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: content + "/dangling.md", withDestinationPath: content + "/missing.md")
        try fm.createSymbolicLink(atPath: content + "/loop.md", withDestinationPath: content + "/loop.md")
        project.dir.write("outside.md", try form())
        try fm.createSymbolicLink(atPath: content + "/outside.md", withDestinationPath: project.dir.path + "/outside.md")
        try fm.createSymbolicLink(atPath: content + "/folder-link", withDestinationPath: content + "/江阴市人力资源和社会保障局")
        try fm.createSymbolicLink(atPath: content + "/inside.md", withDestinationPath: Repo.jiangyin2021a.replacingOccurrences(of: Repo.content, with: content))
        _ = try run("/bin/chmod", ["000", content + "/locked"])
        let result = try runUnprivileged(Repo.executable, ["check", "--content", "Content"], in: project.root, owning: project.root)
        _ = try run("/bin/chmod", ["755", content + "/locked"])
        #expect(result.status == 1)
        let expected = [
            "Content/locked:1: 错误: 无法打开此目录（Permission denied），其中的文件未读取 [unreadable-folder]",
            "Content/b\\xFF.md:1: 错误: 名称不是 UTF-8 编码，未读取（请用 UTF-8 重新命名） [non-utf8-name]",
            "Content/b\\xFE.md:1: 错误: 名称不是 UTF-8 编码，未读取（请用 UTF-8 重新命名） [non-utf8-name]",
            "Content/\\xC3(:1: 错误: 名称不是 UTF-8 编码，未读取（请用 UTF-8 重新命名） [non-utf8-name]",
            "Content/dangling.md:1: 错误: 链接指向的文件不存在，未读取 [broken-link]",
            "Content/loop.md:1: 错误: 链接循环指向自身，未读取 [broken-link]",
            "Content/outside.md:1: 错误: 链接指向内容目录之外，未读取 [link-outside-content]",
            "Content/folder-link:1: 警告: 指向目录的链接不跟随，其中的文件未读取 [linked-folder]",
        ]
        for line in expected { #expect(result.stdout.contains(line), "\(line)\n\(result.stdout.prefix(3000))") }
        // The link to a document inside Content/ is read as that document: 31 + 1 projects.
        #expect(result.stdout.contains("32 个项目"))
    }
}
