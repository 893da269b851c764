// Themes are files: Mustache templates and assets. The default theme is compiled into gongkai;
// a site's Themes/default/ and Themes/<name>/ override it template by template, asset by asset.

import Foundation

/// A loaded theme: its compiled templates, its asset files and what its check found.
public struct Theme: Sendable {
    /// The templates every theme provides (a site theme may override any of them).
    static let pageTemplates = ["home", "department", "department-year", "project", "search", "quality", "404"]

    /// Where a template or asset comes from.
    enum Source: Sendable {
        case file(String)
        /// Compiled into gongkai (the default theme).
        case embedded([UInt8])
    }

    let library: TemplateLibrary
    /// Site path (`assets/style.css`) → its bytes' source.
    let assets: [(String, Source)]
    /// A hash of every template and asset: pages rendered with another theme are rendered again.
    let fingerprint: UInt64
    /// Warnings about the templates (a name no page has, a block the parent does not have),
    /// each at its template's file, line and column.
    public let diagnostics: [Diagnostic]
    /// Whether the theme has `assets/custom.css` (the layout then links it after style.css).
    public var hasCustomCSS: Bool { assets.contains { $0.0 == "assets/custom.css" } }

    /// How the default theme compiled into gongkai is named in messages.
    static let embeddedPath = "(gongkai)/Themes/default"

    /// Loads the default theme compiled into gongkai, then `themesDir/default` and, for another
    /// `name`, `themesDir/name` over it, template by template and asset by asset, and checks
    /// the templates (`ThemeCheck`): a template that does not parse, a missing partial or parent
    /// is an error (`PipelineError.theme`, with file, line and column), a name no page has a
    /// warning (`diagnostics`).
    public static func load(themesDir: String, name: String) throws -> Theme {
        let fm = FileManager.default
        if let problem = SiteConfig.checkThemeName(name) { throw PipelineError.usage(problem) }
        let themeDir = themesDir + "/" + name
        if name != "default", !fm.fileExists(atPath: themeDir) {
            throw PipelineError.usage(Localized(zh: "在 ‘\(themesDir)’ 中找不到主题 ‘\(name)’", en: "theme ‘\(name)’ not found in ‘\(themesDir)’"))
        }
        var templates: [String: (path: String, source: Source)] = [:]
        var assets: [String: Source] = [:]
        for (rel, bytes) in Embedded.defaultTheme {
            if rel.hasPrefix("templates/"), rel.hasSuffix(".mustache") {
                templates[String(rel.dropFirst("templates/".count).dropLast(".mustache".count))] = (embeddedPath + "/" + rel, .embedded(bytes))
            } else if rel.hasPrefix("assets/") {
                assets[rel] = .embedded(bytes)
            }
        }
        for dir in name == "default" ? [themesDir + "/default"] : [themesDir + "/default", themeDir] {
            for rel in Self.files(in: dir + "/templates", ext: "mustache") {
                templates[String(rel.dropLast(".mustache".count))] = (dir + "/templates/" + rel, .file(dir + "/templates/" + rel))
            }
            for rel in Self.files(in: dir + "/assets", ext: nil) {
                assets["assets/" + rel] = .file(dir + "/assets/" + rel)
            }
        }
        var parsed: [String: Template] = [:]
        var paths: [String: String] = [:]
        var hash = StableHash()
        var errors: [Localized] = []
        for (templateName, entry) in templates.sorted(by: { $0.key < $1.key }) {
            let bytes: [UInt8]
            switch entry.source {
            case .embedded(let b): bytes = b
            case .file(let path):
                guard let data = fm.contents(atPath: path) else {
                    errors.append(Localized(zh: "\(path): 错误: 无法读取模板", en: "\(path): error: cannot read template"))
                    continue
                }
                bytes = [UInt8](data)
            }
            hash.combine(templateName)
            hash.combine(Data(bytes))
            paths[templateName] = entry.path
            do {
                parsed[templateName] = try TemplateParser.parse(String(decoding: bytes, as: UTF8.self))
            } catch let error as TemplateSyntaxError {
                errors.append(Localized(zh: "\(entry.path):\(error.line):\(error.column): 错误: 模板有误：\(error.message.zh)",
                                        en: "\(entry.path):\(error.line):\(error.column): error: template does not parse: \(error.message.en)"))
            }
        }
        let check = ThemeCheck(templates: parsed, paths: paths)
        errors += check.errors
        for page in pageTemplates where templates[page] == nil {
            errors.append(Localized(zh: "\(themeDir)/templates/\(page).mustache: 错误: 缺少模板 ‘\(page)’",
                                    en: "\(themeDir)/templates/\(page).mustache: error: missing template ‘\(page)’"))
        }
        if !errors.isEmpty {
            throw PipelineError.theme(Localized(zh: errors.map(\.zh).joined(separator: "\n"), en: errors.map(\.en).joined(separator: "\n")))
        }
        let sortedAssets = assets.sorted { $0.key < $1.key }
        for (path, source) in sortedAssets {
            hash.combine(path)
            switch source {
            case .embedded(let bytes): hash.combine(Data(bytes))
            case .file(let file): hash.combine(fm.contents(atPath: file) ?? Data())
            }
        }
        return Theme(library: TemplateLibrary(templates: parsed), assets: sortedAssets, fingerprint: hash.value, diagnostics: check.warnings)
    }

    /// Renders page `template` with `view`.
    func render(_ template: String, _ view: PageView) throws -> [UInt8] {
        do {
            return try library.render(template, view.value)
        } catch let error as TemplateRenderError {
            throw PipelineError.theme(Localized(zh: "错误: 用模板 ‘\(template)’ 生成 \(view.path) 时出错：\(error.message.zh)",
                                                en: "error: rendering \(view.path) with ‘\(template)’: \(error.message.en)"))
        }
    }

    private static func files(in dir: String, ext: String?) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        for case let rel as String in e {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue else { continue }
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if let ext, !rel.hasSuffix("." + ext) { continue }
            out.append(rel)
        }
        return out.sorted()
    }
}
