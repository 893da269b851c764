// The site names a document from the content folder's own name: the same content built from
// two folders gives the same bytes, and no page shows where the folder was.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct PublicPathsTests {
    /// Builds the seeds from `dir/Content`, given as an absolute path, into `dir/Public`.
    static func build(in dir: TemporaryDirectory) throws {
        for seed in Repo.seeds {
            dir.copy(seed, to: "Content/" + seed.dropFirst(Repo.content.count + 1))
        }
        var options = BuildOptions()
        options.contentDir = dir.path + "/Content"
        options.outputDir = dir.path + "/Public"
        options.configPath = dir.path + "/gongkai.yml"
        options.themesDir = Repo.root + "/Themes"
        _ = try Pipeline.build(options)
    }

    static func files(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: root + "/" + rel)
            }
        }
        return out
    }

    @Test func theSameContentFromTwoFoldersGivesTheSameSite() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        try Self.build(in: a)
        try Self.build(in: b)
        let siteA = Self.files(a.path + "/Public"), siteB = Self.files(b.path + "/Public")
        #expect(!siteA.isEmpty)
        #expect(siteA.keys.sorted() == siteB.keys.sorted())
        #expect(siteA.keys.filter { siteA[$0] != siteB[$0] }.sorted() == [])
        // No page or data file shows the folder the content was in; they name it `Content/…`.
        let folder = Data(a.path.utf8)
        #expect(siteA.filter { $0.value.range(of: folder) != nil }.keys.sorted() == [])
        let page = try #require(a.read("Public/data/projects.csv"))
        #expect(page.contains(",Content/高新区人社局/2024-部门预算绩效文本.md,"))
    }

    @Test func aPathIsShownFromTheFoldersName() {
        let absolute = PublicPaths(contentDir: "/srv/site/Content/")
        #expect(absolute.of("/srv/site/Content/江阴/2022.md") == "Content/江阴/2022.md")
        #expect(absolute.of("/elsewhere/2022.md") == "/elsewhere/2022.md")
        #expect(PublicPaths(contentDir: "Content").of("Content/江阴/2022.md") == "Content/江阴/2022.md")
        #expect(PublicPaths(contentDir: "./Content").of("./Content/江阴/2022.md") == "Content/江阴/2022.md")
        #expect(PublicPaths().of("/srv/site/Content/江阴/2022.md") == "/srv/site/Content/江阴/2022.md")
    }
}
