// The publisher's first hour, run with the binary: init then build with nothing but the binary,
// --version, --baseURL and the environment's settings, --quiet, Chinese usage errors, the
// government-site footer and custom.css.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct PublisherToolTests {
    /// `gongkai init` then `gongkai build` in an empty folder, with only the gongkai binary on
    /// PATH and no Themes/ anywhere: the default theme comes from inside the binary.
    @Test func initThenBuildWithOnlyTheBinary() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.executable, toPath: dir.path + "/bin/gongkai")
        try FileManager.default.createDirectory(atPath: dir.path + "/work", withIntermediateDirectories: true)
        let result = try run("/bin/sh", ["-c", "gongkai init 网站 && cd 网站 && gongkai build && gongkai check --strict --baseURL https://a.gov.cn/"],
                             in: dir.path + "/work", environment: ["PATH": dir.path + "/bin", "HOME": dir.path, "GONGKAI_LANG": "zh"])
        #expect(result.status == 1, "check --strict fails only on the example's own warning:\n\(result.stdout)\n\(result.stderr)")
        let site = dir.path + "/work/网站"
        #expect(result.stdout.contains("已在 网站 新建网站"))
        #expect(result.stdout.contains("已生成 Public/："))
        #expect(result.stdout.contains("[annex-name-mismatch]"))
        #expect(!FileManager.default.fileExists(atPath: site + "/Themes"))
        let home = try String(contentsOfFile: site + "/Public/index.html", encoding: .utf8)
        #expect(home.contains("<title>某县部门预算绩效目标公开</title>"))
        #expect(home.contains("<li>主办单位：某县财政局</li>"))
        for asset in ["style.css", "search.js", "sort.js", "favicon.svg"] {
            #expect(FileManager.default.contents(atPath: site + "/Public/assets/" + asset) == FileManager.default.contents(atPath: Repo.root + "/Themes/default/assets/" + asset))
        }
        #expect(FileManager.default.fileExists(atPath: site + "/Public/旌德县人力资源和社会保障局/2024/index.html"))
        // The starter configuration says, in Chinese, what each setting is.
        let yml = try String(contentsOfFile: site + "/gongkai.yml", encoding: .utf8)
        #expect(yml.contains("# 网站名称") && yml.contains("# baseURL: https://"))
        // Without baseURL the build warns (it still builds, exit 0).
        let build = try run(dir.path + "/bin/gongkai", ["build", "--lang", "en"], in: site, environment: ["PATH": dir.path + "/bin"])
        #expect(build.status == 0 && build.stderr.contains("gongkai.yml:1: warning: no baseURL set"))
        // A second init overwrites nothing.
        let before = try snapshot(site)
        let again = try run(dir.path + "/bin/gongkai", ["init", site, "--lang", "en"])
        #expect(again.status == 2 && again.stderr.contains("already exists; gongkai init overwrites nothing"))
        #expect(try snapshot(site) == before)
        // Nor into a folder whose Content/ already has documents.
        let existingSite = TemporaryDirectory()
        existingSite.write("Content/mine.md", "申报表")
        let into = try run(dir.path + "/bin/gongkai", ["init", existingSite.path, "--lang", "en"])
        #expect(into.status == 2 && !FileManager.default.fileExists(atPath: existingSite.path + "/gongkai.yml"))
    }

    /// `init --theme` copies the default theme out to edit; the site's copy is then used.
    @Test func initWithTheThemeToEdit() throws {
        let dir = TemporaryDirectory()
        let made = try run(Repo.executable, ["init", dir.path + "/site", "--theme"])
        #expect(made.status == 0)
        let copied = try snapshot(dir.path + "/site/Themes/default")
        #expect(copied == (try snapshot(Repo.root + "/Themes/default")))
        dir.write("site/Themes/default/templates/site-footer.mustache", "<p class=\"mine\">本地页脚</p>\n")
        let built = try run(Repo.executable, ["build", "--content", dir.path + "/site/Content", "--output", dir.path + "/site/Public",
                                              "--config", dir.path + "/site/gongkai.yml", "--themes", dir.path + "/site/Themes"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(dir.read("site/Public/index.html")?.contains("<p class=\"mine\">本地页脚</p>") == true)
    }

    @Test func versionAndTheVersionCommand() throws {
        for arguments in [["--version"], ["version"]] {
            let result = try run(Repo.executable, arguments)
            #expect(result.status == 0)
            #expect(result.stdout == "gongkai \(GongkaiVersion.number)\n")
        }
    }

    /// `--baseURL` and `GONGKAI_BASEURL` reach the sitemap, robots.txt and canonical links; the
    /// command line wins; a bad address is a usage error that builds nothing.
    @Test func baseURLFromTheCommandLineAndTheEnvironment() throws {
        let dir = TemporaryDirectory()
        dir.write("gongkai.yml", "baseURL: https://file.example.gov.cn/\n")
        let staging = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/A"], in: dir.path,
                              environment: ["GONGKAI_BASEURL": "https://staging.example.gov.cn/"])
        #expect(staging.status == 0)
        #expect(dir.read("A/robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://staging.example.gov.cn/sitemap.xml\n")
        let production = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/B", "--baseURL", "https://yusuan.example.gov.cn/"],
                                 in: dir.path, environment: ["GONGKAI_BASEURL": "https://staging.example.gov.cn/"])
        #expect(production.status == 0)
        #expect(dir.read("B/sitemap.xml")?.contains("<loc>https://yusuan.example.gov.cn/</loc>") == true)
        #expect(dir.read("B/index.html")?.contains("<link rel=\"canonical\" href=\"https://yusuan.example.gov.cn/\">") == true)
        for bad in ["yusuan.example.gov.cn", "javascript:alert(1)", "https://a.gov.cn/\nDisallow: /"] {
            let refused = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/C", "--baseURL", bad], in: dir.path)
            #expect(refused.status == 2, "\(bad.debugDescription)")
            #expect(refused.stderr.hasPrefix("--baseURL: 错误: baseURL "))
            #expect(!FileManager.default.fileExists(atPath: dir.path + "/C"))
        }
        let env = try run(Repo.executable, ["check", "--content", Repo.content, "--lang", "en"], in: dir.path, environment: ["GONGKAI_BASEURL": "ftp://x/"])
        #expect(env.status == 2 && env.stderr.contains("GONGKAI_BASEURL: error: baseURL must start with http:// or https://"))
        // A missing address fails with --strict.
        let empty = TemporaryDirectory()
        let strict = try run(Repo.executable, ["check", "--content", Repo.content, "--strict", "--quiet", "--lang", "en"], in: empty.path)
        #expect(strict.status == 1 && strict.stdout.contains("gongkai.yml:1: warning: no baseURL set"))
    }

    /// `--quiet` prints no summary and no progress: only what fails the command.
    @Test func quietPrintsOnlyWhatFails() throws {
        let dir = TemporaryDirectory()
        let quiet = try run(Repo.executable, ["build", "--content", Repo.content, "--output", dir.path + "/Public", "--quiet", "--baseURL", "https://a.gov.cn/"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        dir.write("Content/a.md", "")
        let failing = try run(Repo.executable, ["check", "--content", dir.path + "/Content", "--quiet", "--baseURL", "https://a.gov.cn/", "--lang", "en"])
        #expect(failing.status == 1)
        #expect(failing.stdout.split(separator: "\n").count == 1 && failing.stdout.contains("a.md:1: error: "))
    }

    /// A mistake on the command line is explained in Chinese first (ArgumentParser's English
    /// beside it), exit 2; help is bilingual.
    @Test func usageErrorsAndHelpInChinese() throws {
        let unknown = try run(Repo.executable, ["build", "--colour"], environment: ["GONGKAI_LANG": "zh"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("错误：命令行有误（gongkai --help 查看用法；--lang en 用英文）"))
        let english = try run(Repo.executable, ["build", "--colour", "--lang", "en"])
        #expect(english.status == 2 && !english.stderr.contains("错误"))
        let help = try run(Repo.executable, ["build", "--help"])
        #expect(help.status == 0 && help.stdout.contains("输出目录 (the output directory)"))
        let root = try run(Repo.executable, ["--help"])
        #expect(root.stdout.contains("serve") && root.stdout.contains("init") && root.stdout.contains("version"))
        // The locale decides when neither --lang nor GONGKAI_LANG does.
        let locale = try run(Repo.executable, ["check", "--content", Repo.content, "--quiet", "--strict"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "GONGKAI_LANG": ""])
        #expect(locale.stdout.contains("warning:") && !locale.stdout.contains("警告"))
    }

    /// params reach the footer (主办单位, 网站标识码, ICP备案号 linked to beian.miit.gov.cn,
    /// 公安备案号, 找错) and every template; Themes/default/assets/custom.css alone changes the
    /// colours: linked after the built-in stylesheet, which is still the built-in one.
    @Test func footerFieldsParamsAndCustomCSS() throws {
        let dir = TemporaryDirectory()
        dir.write("gongkai.yml", """
            baseURL: https://yusuan.example.gov.cn/
            params:
              主办单位: 某县财政局
              承办单位: 某县数据资源局
              联系方式: 0563-8021234
              网站标识码: "3418250001"
              ICP备案号: 皖ICP备05001234号
              公安备案号: 皖公网安备 34182502000123号
              找错: https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteCodeInfo.action?sitecode=3418250001
            """)
        dir.write("Themes/default/assets/custom.css", ":root { --brand: #004d99; }\n")
        let built = try run(Repo.executable, ["build", "--content", Repo.content], in: dir.path)
        #expect(built.status == 0, "\(built.stderr)")
        let page = try #require(dir.read("Public/旌德县人力资源和社会保障局/2024/index.html"))
        #expect(page.contains("<li>主办单位：某县财政局</li>"))
        #expect(page.contains("<li>承办单位：某县数据资源局</li>"))
        #expect(page.contains("<li>联系方式：0563-8021234</li>"))
        #expect(page.contains("<li>网站标识码：3418250001</li>"))
        #expect(page.contains("<li><a href=\"https://beian.miit.gov.cn/\">皖ICP备05001234号</a></li>"))
        #expect(page.contains("<li><a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=34182502000123\">皖公网安备 34182502000123号</a></li>"))
        #expect(page.contains("<a href=\"https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteCodeInfo.action?sitecode=3418250001\">我要找错</a>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">\n<link rel=\"stylesheet\" href=\"../../assets/custom.css\">"))
        #expect(dir.read("Public/assets/custom.css") == ":root { --brand: #004d99; }\n")
        #expect(FileManager.default.contents(atPath: dir.path + "/Public/assets/style.css") == FileManager.default.contents(atPath: Repo.root + "/Themes/default/assets/style.css"))
        // Without params and custom.css: neither the footer list nor the link.
        let plain = BuiltSite.page("index.html")
        #expect(!plain.contains("gov-footer") && !plain.contains("custom.css"))
        // A site theme reads params directly, Chinese names included.
        dir.write("Themes/mine/templates/404.mustache", "{{<layout}}{{$main}}<p>{{params.主办单位}}主办</p>{{/main}}{{/layout}}\n")
        dir.write("gongkai.yml", (dir.read("gongkai.yml") ?? "") + "\ntheme: mine\n")
        let mine = try run(Repo.executable, ["build", "--content", Repo.content], in: dir.path)
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(dir.read("Public/404.html")?.contains("<p>某县财政局主办</p>") == true)
    }
}
