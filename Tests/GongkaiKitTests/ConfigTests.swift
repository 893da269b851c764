// gongkai.yml checked: the site's address, empty values, nested lists, languages, silenced codes
// and files, params, and the overrides a CI sets (issue 16 item 18, issue 19).

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct ConfigTests {
    func invalid(_ yaml: String) -> SiteConfig.Error? {
        do {
            _ = try SiteConfig.parse(yaml, path: "g.yml")
            return nil
        } catch let error as SiteConfig.Error {
            return error
        } catch {
            return nil
        }
    }

    /// `javascript:`, line breaks (which would add lines to robots.txt), other schemes, no host.
    @Test func baseURLMustBeAnHTTPAddressWithAHost() throws {
        for bad in ["javascript:alert(1)", "https://a.gov.cn/\nDisallow: /", "https://a.gov.cn/ x", "ftp://a.gov.cn/", "data:text/html,x",
                    "https://", "http:///path", "https://a.gov.cn/?q=1", "https://a.gov.cn/#top", "https://a.gov.cn/\t"] {
            #expect(SiteConfig.checkBaseURL(bad) != nil, "\(bad.debugDescription) accepted")
            #expect(invalid("baseURL: \(String(reflecting: bad))\n") != nil, "\(bad.debugDescription) accepted in gongkai.yml")
        }
        for good in ["https://yusuan.example.gov.cn/", "http://10.1.2.3:8080/公开/", "HTTPS://A.GOV.CN", "https://a.gov.cn/sub/path"] {
            #expect(SiteConfig.checkBaseURL(good) == nil, "\(good) refused")
        }
        // Without a scheme: an error that says how to write it.
        let noScheme = try #require(invalid("title: x\nbaseURL: yusuan.example.gov.cn\n"))
        #expect(noScheme == .invalid(path: "g.yml", line: 2, reason: Localized(
            zh: "baseURL 缺少 http:// 或 https://，例如 https://yusuan.example.gov.cn",
            en: "baseURL has no scheme: write it with http:// or https://, e.g. https://yusuan.example.gov.cn")))
        #expect(noScheme.message(.zh) == "g.yml:2: 错误: baseURL 缺少 http:// 或 https://，例如 https://yusuan.example.gov.cn")
        #expect(noScheme.message(.en) == "g.yml:2: error: baseURL has no scheme: write it with http:// or https://, e.g. https://yusuan.example.gov.cn")
        #expect(invalid("baseURL: javascript:alert(1)\n")?.message(.en) == "g.yml:1: error: baseURL must start with http:// or https://, not ‘javascript:’")
        #expect(invalid("baseURL: \"https://a.gov.cn/\\nSitemap: x\"\n")?.message(.zh) == "g.yml:1: 错误: baseURL 不能含空格、换行或控制字符")
    }

    /// `title: null` (or `title:`) keeps the default title, with a warning, instead of "null".
    @Test func anEmptyTitleKeepsTheDefault() throws {
        for yaml in ["title: null\n", "title:\n", "title: ~\n"] {
            let config = try SiteConfig.parse(yaml, path: "g.yml")
            #expect(config.title == SiteConfig.defaultTitle)
            #expect(config.diagnostics(documents: [], contentDir: "Content").map(\.code).contains("config-empty-value"))
        }
        #expect(try SiteConfig.parse("title: 'null'\n", path: "g.yml").title == "null")
    }

    /// Nested lists in `departments` and `silence` are errors at their line, not dropped.
    @Test func nestedListsAreReported() throws {
        let departments = try #require(invalid("departments:\n  江阴市人力资源和社会保障局:\n    - [澄人社, 江阴人社]\n"))
        #expect(departments == .invalid(path: "g.yml", line: 3, reason: Localized(
            zh: "‘江阴市人力资源和社会保障局’ 的别名必须是名称列表（不能嵌套列表）",
            en: "aliases of ‘江阴市人力资源和社会保障局’ must be a list of names (not nested lists)")))
        let silence = try #require(invalid("silence:\n  a.md: [[ocr-garbage], empty-form]\n"))
        #expect(silence.message(.en) == "g.yml:2: error: the codes of ‘a.md’ must be a list of codes (not nested lists)")
        #expect(silence.message(.zh) == "g.yml:2: 错误: ‘a.md’ 的诊断代码必须是代码列表（不能嵌套列表）")
        #expect(invalid("departments:\n  甲: {乙: 丙}\n") != nil)
        #expect(invalid("silence:\n  a.md: [~]\n") != nil)
    }

    /// Unknown codes and files in `silence`, unknown languages: warnings at their line.
    @Test func silenceAndLanguageAreChecked() throws {
        let config = try SiteConfig.parse("language: zh-CN\nsilence:\n  a.md: [ocr-garbage, ocr-garbige]\n  gone.md: [empty-form]\n  '*': [text-outside-table]\n", path: "g.yml")
        let found = config.diagnostics(documents: ["Content/a.md"], contentDir: "Content")
        #expect(found.map(\.code) == ["unknown-code", "missing-baseurl", "silence-unknown-file"])
        #expect(found.map(\.location.line) == [3, 1, 4])
        let language = try SiteConfig.parse("language: 中文\nbaseURL: https://a.gov.cn/\n", path: "g.yml").diagnostics(documents: [], contentDir: "C")
        #expect(language.map(\.code) == ["unknown-language"])
        #expect(try SiteConfig.parse("language: zh-Hans\n", path: "g.yml").problems.isEmpty)
    }

    @Test func paramsKeepTheirValuesAndOrder() throws {
        let config = try SiteConfig.parse("""
            params:
              主办单位: 某县财政局
              网站标识码: 3418000001
              显示: true
              备注: no
              空: ~
              电话: [0563-1, 0563-2]
              地址: {省: 安徽}
            """, path: "g.yml")
        #expect(config.params.map(\.name) == ["主办单位", "网站标识码", "显示", "备注", "电话", "地址"])
        #expect(config.params[1].value == .string("3418000001"))
        #expect(config.params[2].value == .bool(true))
        #expect(config.params[3].value == .string("no"))
        #expect(config.params[4].value == .list([.string("0563-1"), .string("0563-2")]))
        #expect(config.params[5].value == .map([.init(name: "省", value: .string("安徽"))]))
    }

    @Test func theThemeIsAFolderName() {
        for bad in ["../../outside", "a/b", "..", ".hidden", ""] {
            #expect(invalid("theme: '\(bad)'\n") != nil, "\(bad)")
        }
    }

    /// The environment's settings over the file's, the command line's over both; an empty
    /// variable is unset; a bad address from either is an error naming where it came from.
    @Test func environmentAndCommandLineOverrides() throws {
        var config = try SiteConfig.parse("title: 文件\nbaseURL: https://file.gov.cn/\n", path: "g.yml")
        try config.override(environment: ["GONGKAI_BASEURL": "https://staging.gov.cn/", "GONGKAI_TITLE": "测试站", "GONGKAI_THEME": ""],
                            commandLine: [:])
        #expect(config.baseURL == "https://staging.gov.cn/" && config.title == "测试站" && config.theme == "default")
        try config.override(environment: ["GONGKAI_BASEURL": "https://staging.gov.cn/"], commandLine: ["baseURL": "https://www.gov.cn/"])
        #expect(config.baseURL == "https://www.gov.cn/")
        #expect(throws: SiteConfig.Error.self) { try config.override(environment: ["GONGKAI_BASEURL": "staging.gov.cn"], commandLine: [:]) }
        do {
            try config.override(environment: [:], commandLine: ["baseURL": "javascript:x"])
        } catch let error as SiteConfig.Error {
            #expect(error.message(.en) == "--baseURL: error: baseURL must start with http:// or https://, not ‘javascript:’")
        }
        // A file without baseURL warns until an override sets one.
        var unset = try SiteConfig.parse("title: x\n", path: "g.yml")
        #expect(unset.diagnostics(documents: [], contentDir: "C").map(\.code) == ["missing-baseurl"])
        try unset.override(environment: ["GONGKAI_BASEURL": "https://a.gov.cn/"], commandLine: [:])
        #expect(unset.diagnostics(documents: [], contentDir: "C").isEmpty)
    }

    /// A `--config FILE` that is not there is a usage error; the default gongkai.yml may be absent.
    @Test func aNamedConfigurationMustExist() throws {
        #expect(throws: SiteConfig.Error.missing(path: "/nonexistent.yml")) { try SiteConfig.load(path: "/nonexistent.yml", required: true) }
        #expect(try SiteConfig.load(path: "/nonexistent.yml").title == SiteConfig.defaultTitle)
        let dir = TemporaryDirectory()
        let named = try run(Repo.executable, ["check", "--content", Repo.content, "--config", dir.path + "/nothere.yml", "--lang", "en"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("nothere.yml: error: no such configuration file (a file named with --config must exist)"))
        #expect(!named.stdout.contains("project"))
        let zh = try run(Repo.executable, ["check", "--content", Repo.content, "--config", dir.path + "/nothere.yml", "--lang", "zh"])
        #expect(zh.status == 2 && zh.stderr.contains("nothere.yml: 错误: 配置文件不存在"))
        let absent = try run(Repo.executable, ["check", "--content", Repo.content], in: dir.path)
        #expect(absent.status == 0)
    }
}
