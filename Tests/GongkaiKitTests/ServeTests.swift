// `gongkai serve`: the reload script only in what it sends, which file answers a request, what
// it watches, and a run of the binary through an edit, a broken edit and its fix.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession, in the tests only
#endif
import Testing
@testable import GongkaiKit

@Suite struct ServeTests {
    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let html = Array("<html><body><p>&lt;/body&gt;</p></body></html>\n".utf8)
        let served = String(decoding: LiveReload.inject(into: html, generation: 7), as: UTF8.self)
        #expect(served.hasPrefix("<html><body><p>&lt;/body&gt;</p><script>"))
        #expect(served.hasSuffix("</script>\n</body></html>\n"))
        #expect(served.contains("var good = 7, seen = 0;"))
        #expect(String(decoding: LiveReload.inject(into: Array("<p>x".utf8), generation: 1), as: UTF8.self).hasPrefix("<p>x<script>"))
    }

    @Test func requestsAnswerOnlyFilesOfTheSite() throws {
        let dir = TemporaryDirectory()
        dir.write("site/index.html", "home")
        dir.write("site/部门/index.html", "dept")
        dir.write("site/a.css", "x")
        dir.write("site/.hidden", "x")
        dir.write("secret.txt", "x")
        let root = dir.path + "/site"
        #expect(LiveReload.resolve(root: root, path: "/") == .file(root + "/index.html"))
        #expect(LiveReload.resolve(root: root, path: "/部门/") == .file(root + "/部门/index.html"))
        #expect(LiveReload.resolve(root: root, path: "/部门") == .redirect("/部门/"))
        #expect(LiveReload.resolve(root: root, path: "/a.css") == .file(root + "/a.css"))
        for bad in ["/../secret.txt", "/部门/../../secret.txt", "/.hidden", "/nothing", "/a.css/"] {
            #expect(LiveReload.resolve(root: root, path: bad) != .file(dir.path + "/secret.txt"), "\(bad)")
        }
        #expect(LiveReload.resolve(root: root, path: "/../secret.txt") == .notFound)
        // A link planted in the site, to a file or a folder outside it, is not served.
        try FileManager.default.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: dir.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/up", withDestinationPath: dir.path)
        #expect(LiveReload.resolve(root: root, path: "/leak.txt") == .notFound)
        #expect(LiveReload.resolve(root: root, path: "/up/secret.txt") == .notFound)
        #expect(LiveReload.read(root + "/leak.txt") == nil)
        #expect(LiveReload.read(root + "/a.css") == Array("x".utf8))
        #expect(LiveReload.contentType("x/index.html") == "text/html; charset=utf-8")
        #expect(LiveReload.contentType("a.CSV") == "text/csv; charset=utf-8")
    }

    @Test func theWatchedTreeChangesWithEverySave() throws {
        let dir = TemporaryDirectory()
        dir.write("Content/a.md", "一")
        dir.write("gongkai.yml", "title: x\n")
        let roots = [dir.path + "/Content", dir.path + "/Themes", dir.path + "/gongkai.yml"]
        let first = FileTree.fingerprint(roots)
        #expect(FileTree.fingerprint(roots) == first)
        // The same size, a later time.
        Thread.sleep(forTimeInterval: 0.01)
        dir.write("Content/a.md", "二")
        let edited = FileTree.fingerprint(roots)
        #expect(edited != first)
        dir.write("Content/sub/b.md", "三")
        let added = FileTree.fingerprint(roots)
        #expect(added != edited)
        dir.write("Themes/default/assets/custom.css", "a{}")
        #expect(FileTree.fingerprint(roots) != added)
        try FileManager.default.removeItem(atPath: dir.path + "/gongkai.yml")
        #expect(FileTree.fingerprint(roots) != added)
    }

    /// The binary: builds, serves, rebuilds after an edit, keeps the previous site after a
    /// broken one (and says why), recovers after the fix.
    @Test func serveRebuildsAndKeepsThePreviousSiteOnErrors() async throws {
        let dir = TemporaryDirectory()
        dir.copy(Repo.xianDe, to: "Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md")
        let document = dir.path + "/Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
        let original = try String(contentsOfFile: document, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["serve", "--port", "0", "--lang", "en"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            // SIGTERM, which the test runner may have blocked for its children: serve unblocks it.
            process.terminate()
            process.waitUntilExit()
        }
        // The address is on the line that starts "Serving".
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("Serving"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let base = try #require(printed.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\//).map { String($0.output) }, "\(printed)")
        func get(_ path: String) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.timeoutInterval = 90
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        let page = "%E6%97%8C%E5%BE%B7%E5%8E%BF%E4%BA%BA%E5%8A%9B%E8%B5%84%E6%BA%90%E5%92%8C%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C%E5%B1%80/2024/"
        var (status, html) = try await get(page)
        #expect(status == 200 && html.contains("工伤认定调查经费") && html.contains("/__gongkai/events"))
        #expect(html.contains("<link rel=\"canonical\" href=\"\(base)"))
        #expect(try await get("__gongkai/events?since=0").1 == "{\"generation\":1,\"good\":1,\"error\":null}")
        // The files on disk carry no script.
        let onDisk = try String(contentsOfFile: dir.path + "/.gongkai-serve/index.html", encoding: .utf8)
        #expect(!onDisk.contains("__gongkai"))

        // Each edit is written whole, then renamed in place (a hidden file is not watched), as
        // editors save: a file caught half written would be one more (failed) build, and the
        // generations below would not be these.
        func save(_ text: String) throws {
            let temporary = (document as NSString).deletingLastPathComponent + "/.edit"
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            #expect(rename(temporary, document) == 0)
        }
        try save(original.replacingOccurrences(of: "工伤认定调查经费", with: "工伤认定调查经费（改）"))
        #expect(try await get("__gongkai/events?since=1").1 == "{\"generation\":2,\"good\":2,\"error\":null}")
        (status, html) = try await get(page)
        #expect(html.contains("工伤认定调查经费（改）"))

        try save("")
        let broken = try await get("__gongkai/events?since=2").1
        #expect(broken.hasPrefix("{\"generation\":3,\"good\":2,\"error\":\"Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md:1: error: "))
        #expect(broken.contains("[empty-document]"))
        (status, html) = try await get(page)
        #expect(status == 200 && html.contains("工伤认定调查经费（改）"), "the previous site is still served")

        try save(original)
        #expect(try await get("__gongkai/events?since=3").1 == "{\"generation\":4,\"good\":4,\"error\":null}")
        (status, html) = try await get(page)
        #expect(!html.contains("（改）"))
        #expect(try await get("nothing-here").0 == 404)
    }
}
