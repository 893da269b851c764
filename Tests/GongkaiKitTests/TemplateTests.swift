// gongkai's Mustache renderer, checked against swift-mustache on the same templates and values.

import Foundation
import Mustache
import Testing
@testable import GongkaiKit

@Suite struct TemplateTests {
    /// Renders with both engines and expects the same text.
    func render(_ templates: [String: String], _ value: TemplateValue, main: String = "main") throws -> String {
        var compiled: [String: Template] = [:]
        var library = MustacheLibrary()
        for (name, text) in templates {
            compiled[name] = try TemplateParser.parse(text)
            try library.register(text, named: name)
        }
        let ours = String(decoding: try TemplateLibrary(templates: compiled).render(main, value), as: UTF8.self)
        let reference = library.render(value.mustacheValue, withTemplate: main)
        #expect(ours == reference, "gongkai and swift-mustache differ")
        return ours
    }

    @Test func anObjectTakesOnlyTheNamesItLacks() {
        var layout: TemplateObject = ["root": "../", "title": "站点"]
        let page: TemplateObject = ["title": "项目", "name": "甲", "rootish": 1]
        layout.add(missingFrom: page)
        #expect(layout.entries.map(\.name) == ["root", "title", "name", "rootish"])
        if case .string(let title)? = layout["title"] { #expect(title == "站点") } else { Issue.record("no title") }
        if case .string(let name)? = layout["name"] { #expect(name == "甲") } else { Issue.record("no name") }
    }

    @Test func variablesAreEscapedUnlessTripled() throws {
        let v: TemplateValue = .object(["x": "<script>alert('1') & \"x\"</script>", "n": 625, "b": true])
        #expect(try render(["main": "{{x}}|{{{x}}}|{{&x}}|{{n}}|{{b}}|{{missing}}"], v)
            == "&lt;script&gt;alert(&#39;1&#39;) &amp; &quot;x&quot;&lt;/script&gt;|<script>alert('1') & \"x\"</script>|<script>alert('1') & \"x\"</script>|625|true|")
    }

    @Test func sectionsListsObjectsAndInvertedSections() throws {
        let v: TemplateValue = .object([
            "rows": .list([.object(["name": "甲"]), .object(["name": "乙"])]),
            "empty": .list([]),
            "yes": true, "no": false, "none": .null,
            "obj": .object(["a": "A"]),
            "names": .strings(["x", "y"]),
        ])
        let out = try render(["main": "{{#rows}}<{{name}}>{{/rows}}|{{^empty}}空{{/empty}}|{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^none}}无{{/none}}|{{#obj}}{{a}}{{/obj}}|{{#names}}{{.}},{{/names}}|{{obj.a}}"], v)
        #expect(out == "<甲><乙>|空|Y无|A|x,y,|A")
    }

    @Test func namesClimbToOuterContextsButNullStops() throws {
        let v: TemplateValue = .object(["root": "../", "title": "页", "rows": .list([.object(["title": .null, "x": "1"])])])
        #expect(try render(["main": "{{#rows}}{{root}}{{x}}[{{title}}]{{/rows}}"], v) == "../1[]")
    }

    @Test func standaloneTagsRemoveTheirLines() throws {
        let v: TemplateValue = .object(["items": .strings(["a", "b"]), "show": true])
        let text = """
            <ul>
            {{#items}}
              <li>{{.}}</li>
            {{/items}}
            </ul>
            {{! a comment }}
            {{#show}}
            shown
            {{/show}}
            end
            """
        #expect(try render(["main": text], v) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\nshown\nend")
    }

    @Test func partialsAndInheritance() throws {
        let templates = [
            "layout": "<html>{{$head}}默认{{/head}}\n{{$main}}{{/main}}\n{{>footer}}</html>",
            "footer": "<footer>{{site}}</footer>",
            "main": "{{<layout}}\n{{$main}}<main>{{title}}</main>{{/main}}\n{{/layout}}\n",
        ]
        let v: TemplateValue = .object(["title": "标题", "site": "站"])
        #expect(try render(templates, v) == "<html>默认\n<main>标题</main>\n<footer>站</footer></html>")
    }

    @Test func indentedPartials() throws {
        let templates = ["main": "<div>\n  {{>inner}}\n</div>\n", "inner": "<p>a</p>\n<p>b</p>\n"]
        #expect(try render(templates, .object([:])) == "<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n")
    }

    @Test func syntaxErrorsHaveLines() {
        #expect(throws: TemplateSyntaxError(line: 3, column: 5, message: Localized(
            zh: "应为 {{/a}}（对应第 2 行第 1 列的开始标签），却是 {{/b}}",
            en: "expected {{/a}} (closing the tag at line 2, column 1), found {{/b}}"))) {
            try TemplateParser.parse("x\n{{#a}}\nyyy {{/b}}\n")
        }
        #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse("{{#a}} never closed") }
        #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse("{{=<% %>=}}") }
    }

    @Test func selfIncludingPartialsFailInsteadOfCrashing() throws {
        let library = TemplateLibrary(templates: ["loop": try TemplateParser.parse("{{>loop}}")])
        #expect(throws: TemplateRenderError.self) { try library.render("loop", .object([:])) }
    }

    /// Every page of the seeds renders to the same bytes with swift-mustache.
    @Test func seedPagesRenderTheSameWithSwiftMustache() throws {
        let theme = try Theme.load(themesDir: Repo.root + "/Themes", name: "default")
        var reference = MustacheLibrary()
        let dir = Repo.root + "/Themes/default/templates"
        for file in try FileManager.default.contentsOfDirectory(atPath: dir) where file.hasSuffix(".mustache") {
            try reference.register(try String(contentsOfFile: dir + "/" + file, encoding: .utf8), named: String(file.dropLast(9)))
        }
        let site = Seeds.site
        let renderer = SiteRenderer(theme: theme, context: PageContext(config: SiteConfig(), index: SiteIndex(site: site)), site: site)
        var pages = 0
        for job in renderer.jobs {
            let (file, template, view) = renderer.page(job)
            let ours = String(decoding: try theme.render(template, view), as: UTF8.self)
            let theirs = reference.render(view.value.mustacheValue, withTemplate: template)
            #expect(ours == theirs, "\(file) differs from swift-mustache's rendering")
            pages += 1
        }
        #expect(pages == 5 + 3 + 4 + 31)
    }
}
