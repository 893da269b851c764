// Templates fail loudly: each mistake in a theme at its file, line and column, in Chinese and
// English; the names a theme may use kept equal to what pages have; the default theme compiled
// into gongkai equal to Themes/default.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct ThemeCheckTests {
    /// A themes folder with a theme `mine` holding `templates` (name → text).
    func themes(_ templates: [String: String]) -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        for (name, text) in templates { dir.write("Themes/mine/templates/\(name).mustache", text) }
        return dir
    }

    /// The error `Theme.load` throws for `templates`, in both languages.
    func loadError(_ templates: [String: String]) -> (zh: String, en: String)? {
        let dir = themes(templates)
        do {
            _ = try Theme.load(themesDir: dir.path + "/Themes", name: "mine")
            return nil
        } catch let error as PipelineError {
            return (error.message(.zh), error.message(.en))
        } catch {
            return nil
        }
    }

    static let project = "{{<layout}}\n{{$main}}\n<h1>{{name}}</h1>\n{{/main}}\n{{/layout}}\n"

    @Test func anUnknownNameIsAWarningAtItsLineAndColumnWithASuggestion() throws {
        let dir = themes(["project": "{{<layout}}\n{{$main}}\n<p>金额 {{amout}} 万元</p>\n{{#rows}}{{nmae}}{{/rows}}\n{{params.主办单位}}{{/main}}\n{{/layout}}\n"])
        let theme = try Theme.load(themesDir: dir.path + "/Themes", name: "mine")
        let file = dir.path + "/Themes/mine/templates/project.mustache"
        #expect(theme.diagnostics.map(\.code) == ["template-unknown-name", "template-unknown-name"])
        let first = try #require(theme.diagnostics.first)
        #expect(first.location == SourceLocation(file: file, line: 3, column: 7))
        #expect(first.severity == .warning)
        #expect(first.message == "没有任何页面有名为 ‘amout’ 的值，{{amout}} 将什么也不显示（是不是 ‘amount’？）")
        #expect(first.english == "no page has a value named ‘amout’, so {{amout}} shows nothing (did you mean ‘amount’?)")
        #expect(theme.diagnostics[1].location == SourceLocation(file: file, line: 4, column: 10))
        #expect(theme.diagnostics[1].message.contains("‘name’"))
    }

    @Test func theDefaultThemeHasNoWarnings() throws {
        #expect(try Theme.load(themesDir: "/nonexistent", name: "default").diagnostics.isEmpty)
        #expect(try Theme.load(themesDir: Repo.root + "/Themes", name: "default").diagnostics.isEmpty)
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() throws {
        let error = try #require(loadError(["project": "{{<layout}}\n{{$main}}\n  {{>foter}}\n{{/main}}\n{{/layout}}\n"]))
        #expect(error.zh.hasSuffix("Themes/mine/templates/project.mustache:3:3: 错误: 找不到 partial ‘foter’：主题中没有 templates/foter.mustache（{{>foter}}）"))
        #expect(error.en.hasSuffix("Themes/mine/templates/project.mustache:3:3: error: no partial ‘foter’: the theme has no templates/foter.mustache ({{>foter}})"))
    }

    @Test func aMisspelledParentIsAnErrorAtItsTag() throws {
        let error = try #require(loadError(["project": "\n{{<layuot}}\n{{$main}}x{{/main}}\n{{/layuot}}\n"]))
        #expect(error.zh.hasSuffix("project.mustache:2:1: 错误: 找不到父模板 ‘layuot’：主题中没有 templates/layuot.mustache（{{<layuot}}）"))
        #expect(error.en.hasSuffix("project.mustache:2:1: error: no parent template ‘layuot’: the theme has no templates/layuot.mustache ({{<layuot}})"))
    }

    @Test func anUnclosedSectionIsAnErrorAtItsOpeningTag() throws {
        let error = try #require(loadError(["project": "{{<layout}}\n{{$main}}\n<ul>\n  {{#rows}}<li>{{name}}</li>\n</ul>\n{{/main}}\n{{/layout}}\n"]))
        // The section is closed by the wrong tag: reported there, naming where it opened.
        #expect(error.zh.hasSuffix("project.mustache:6:1: 错误: 模板有误：应为 {{/rows}}（对应第 4 行第 3 列的开始标签），却是 {{/main}}"))
        #expect(error.en.hasSuffix("project.mustache:6:1: error: template does not parse: expected {{/rows}} (closing the tag at line 4, column 3), found {{/main}}"))
        // Never closed at all: reported at its opening tag, not at the end of the file.
        let open = try #require(loadError(["project": Self.project, "extra": "a\n  b {{#rows}}\n{{name}}\n\n\n"]))
        #expect(open.zh.hasSuffix("extra.mustache:2:5: 错误: 模板有误：{{#rows}} 没有闭合：模板结束前缺少 {{/rows}}"))
        #expect(open.en.hasSuffix("extra.mustache:2:5: error: template does not parse: {{#rows}} is never closed: {{/rows}} is missing before the end of the template"))
    }

    @Test func aBlockTheParentDoesNotHaveIsAWarning() throws {
        let dir = themes(["project": "{{<layout}}\n{{$mian}}x{{/mian}}\n{{/layout}}\n"])
        let theme = try Theme.load(themesDir: dir.path + "/Themes", name: "mine")
        #expect(theme.diagnostics.map(\.code) == ["template-unknown-block"])
        #expect(theme.diagnostics.first?.location.line == 2 && theme.diagnostics.first?.location.column == 1)
        #expect(theme.diagnostics.first?.english.hasPrefix("the parent template ‘layout’ has no block ‘mian’") == true)
    }

    /// Every name of every value of every page of the seeds is a name a theme may use, and every
    /// name the default theme uses is on some page: `ViewNames` cannot fall behind `Pages`.
    @Test func theNamesATemplateMayUseAreTheNamesPagesHave() throws {
        var config = SiteConfig()
        config.params = [.init(name: "主办单位", value: .string("某县财政局")), .init(name: "ICP备案号", value: .string("皖ICP备1号"))]
        var site = Seeds.site
        // A document with its original, address and date, as front matter or gongkai.yml give them.
        site.sources[Repo.xianDe] = DocumentSource(originals: [OriginalFile(file: Repo.xianDe, path: "originals/x.pdf")],
                                                   url: "https://www.example.gov.cn/2024.html", date: "2024-02-01")
        let theme = try Theme.load(themesDir: Repo.root + "/Themes", name: "default")
        let renderer = SiteRenderer(theme: theme, context: PageContext(config: config, index: SiteIndex(site: site), customCSS: true), site: site)
        var seen: Set<String> = []
        func walk(_ value: TemplateValue) {
            switch value {
            case .list(let items): items.forEach(walk)
            case .object(let object):
                for (name, inner) in object.entries where name != "params" {
                    seen.insert(name)
                    walk(inner)
                }
            default: break
            }
        }
        for job in renderer.jobs { walk(renderer.page(job).2.value) }
        let missing = seen.subtracting(ViewNames.known).sorted()
        #expect(missing.isEmpty, "pages have names ThemeCheck does not know (add them to ViewNames.unused): \(missing)")
        let stale = ViewNames.known.subtracting(seen).sorted()
        #expect(stale.isEmpty, "names no page of the seeds has: \(stale)")
    }

    /// The default theme inside gongkai is Themes/default, file for file and byte for byte.
    @Test func theEmbeddedDefaultThemeIsThemesDefault() throws {
        let dir = Repo.root + "/Themes/default"
        let onDisk = try snapshot(dir).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        let embedded = Dictionary(uniqueKeysWithValues: Embedded.defaultTheme.map { ($0.0, Data($0.1)) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk { #expect(embedded[path] == data, "\(path) differs from the embedded copy") }
        #expect(DiagnosticCodes.known.contains("ocr-garbage") && DiagnosticCodes.known.contains("template-unknown-name"))
        #expect(DiagnosticCodes.known == Set(DiagnosticCodes.parse(try String(contentsOfFile: Repo.root + "/docs/diagnostics.md", encoding: .utf8)).map(\.code)))
    }

    /// `gongkai check` loads the theme: a broken one fails it (exit 1) with the error's place;
    /// an unknown name is a warning that `--strict` makes fail.
    @Test func checkFailsOnABrokenTheme() throws {
        let dir = themes(["project": "{{<layout}}\n{{$main}}\n{{>missing}}\n{{/main}}\n{{/layout}}\n"])
        dir.write("gongkai.yml", "theme: mine\nbaseURL: https://yusuan.example.gov.cn/\n")
        let broken = try run(Repo.executable, ["check", "--content", Repo.content, "--lang", "en"], in: dir.path)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Themes/mine/templates/project.mustache:3:1: error: no partial ‘missing’"), "\(broken.stderr)")
        let zh = try run(Repo.executable, ["check", "--content", Repo.content, "--lang", "zh"], in: dir.path)
        #expect(zh.status == 1 && zh.stderr.contains("Themes/mine/templates/project.mustache:3:1: 错误: 找不到 partial ‘missing’"))
        let build = try run(Repo.executable, ["build", "--content", Repo.content], in: dir.path)
        #expect(build.status == 1 && !FileManager.default.fileExists(atPath: dir.path + "/Public"))

        dir.write("Themes/mine/templates/project.mustache", "{{<layout}}\n{{$main}}\n{{amout}}\n{{/main}}\n{{/layout}}\n")
        let warned = try run(Repo.executable, ["check", "--content", Repo.content, "--format", "json"], in: dir.path)
        #expect(warned.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)) as? [[String: Any]])
        let unknown = try #require(json.first { $0["code"] as? String == "template-unknown-name" })
        #expect(unknown["file"] as? String == "Themes/mine/templates/project.mustache")
        #expect(unknown["line"] as? Int == 3 && unknown["column"] as? Int == 1)
        let strict = try run(Repo.executable, ["check", "--content", Repo.content, "--strict", "--quiet"], in: dir.path)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("Themes/mine/templates/project.mustache:3:1: 警告: 没有任何页面有名为 ‘amout’ 的值"))
        #expect(!strict.stdout.contains("ocr-garbage") || strict.stdout.contains("警告"))
    }
}
