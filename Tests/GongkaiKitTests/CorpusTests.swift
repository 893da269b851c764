// A generated corpus made from the real layouts: every department-year total equals the
// manifest's and there is no error (issue 5). The 20,000-project run is in Benchmarks/run.

import Foundation
import Testing
@testable import GongkaiKit

enum Corpus {
    /// ../shared/corpus/generate.py next to the repository (or GONGKAI_CORPUS_GENERATOR).
    static let generator: String? = {
        let candidates = [
            ProcessInfo.processInfo.environment["GONGKAI_CORPUS_GENERATOR"],
            Repo.root + "/../shared/corpus/generate.py",
            "/work/shared/corpus/generate.py",
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static func key(_ name: String) -> String { Departments.baseKey(name) }
}

@Suite(.enabled(if: Corpus.generator != nil, "the corpus generator (../shared/corpus/generate.py) is not here"))
struct CorpusTests {
    @Test func totalsOfA2000ProjectCorpusEqualTheManifest() throws {
        let dir = TemporaryDirectory()
        let result = try run("/usr/bin/env", ["python3", Corpus.generator!, "--projects", "2000", "--seed", "7", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path + "/manifest.json"))) as? [String: Any])
        let expected = try #require(manifest["departmentYears"] as? [[String: Any]])
        let site = try Pipeline.read(contentDir: dir.path + "/content", config: SiteConfig())
        #expect(site.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        var built: [String: (Int, String)] = [:]
        for dy in site.departmentYears { built["\(Corpus.key(dy.department)) \(dy.year)"] = (dy.projects.count, dy.total.wanString) }
        #expect(built.count == expected.count)
        var mismatches: [String] = []
        for e in expected {
            let k = "\(Corpus.key(e["department"] as? String ?? "")) \(e["year"] as? Int ?? 0)"
            let want = (e["projects"] as? Int ?? -1, e["total"] as? String ?? "")
            if built[k]?.0 != want.0 || built[k]?.1 != want.1 { mismatches.append("\(k): want \(want), built \(String(describing: built[k]))") }
        }
        #expect(mismatches == [])
        #expect(site.projectCount == manifest["projects"] as? Int)
    }

    /// Benchmarks/corpus.py runs the generator with more department names (the generator's own
    /// run out above ~70,000 projects and it loops): the first names are the generator's, in
    /// its order, and the names after them never repeat.
    @Test func theBenchmarkCorpusKeepsTheGeneratorsNamesAndGoesOnPastThem() throws {
        let result = try run("/usr/bin/env", ["python3", Repo.root + "/Benchmarks/corpus.py", "--self-test"],
                             environment: ["GONGKAI_CORPUS_GENERATOR": Corpus.generator!])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("self-test: ok"))
    }
}
