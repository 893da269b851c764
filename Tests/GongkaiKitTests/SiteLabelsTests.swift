// A publisher teaches gongkai their template's labels in gongkai.yml (`labels:`), without Swift.
// Run through the executable: the vocabulary is one per process.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct SiteLabelsTests {
    static let form = """
        2024年度项目支出绩效目标表

        资金项目名称\t乡村道路养护\t主管部门\t某县交通运输局
        本期安排资金（万元）\t120.50
        一级指标\t二级指标\t三级指标\t指标值
        产出指标\t数量指标\t养护里程\t≥30公里
        满意度指标\t满意度指标\t群众满意度\t≥90%

        """

    func tree(config: String) throws -> (status: Int32, stdout: String) {
        let dir = TemporaryDirectory()
        dir.write("Content/某县交通运输局/2024.md", Self.form)
        dir.write("gongkai.yml", config)
        let result = try run(Repo.executable, ["check", "--format", "tree", "--content", dir.path + "/Content",
                                               "--config", dir.path + "/gongkai.yml"])
        return (result.status, result.stdout)
    }

    @Test func aTemplatesOwnLabelsAreReadOnceTheSiteNamesThem() throws {
        let without = try tree(config: "title: 某县\n")
        #expect(!without.stdout.contains("Project 乡村道路养护"))
        let with = try tree(config: "title: 某县\nlabels:\n  name: [资金项目名称]\n  year_amount: [本期安排资金]\n")
        #expect(with.status == 0)
        #expect(with.stdout.contains("Project 乡村道路养护 120.50"), "\(with.stdout)")
        #expect(with.stdout.contains("└ 2 indicators"))
    }

    @Test func anUnknownFieldIsAConfigurationError() throws {
        let dir = TemporaryDirectory()
        dir.write("gongkai.yml", "labels:\n  project_title: [资金项目名称]\n")
        #expect(throws: SiteConfig.Error.self) { try SiteConfig.load(path: dir.path + "/gongkai.yml") }
        let result = try run(Repo.executable, ["check", "--content", Repo.content, "--config", dir.path + "/gongkai.yml"])
        #expect(result.status == 2)
    }
}
