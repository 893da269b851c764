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
        // A theme is a folder of Themes/, named by one plain component: `../../outside` would
        // publish files from anywhere.
        if let problem = SiteConfig.checkThemeName(name) { throw PipelineError.refused(problem) }
        let themeDir = themesDir + "/" + name
        let root = ContentLoader.realPath(themesDir) ?? themesDir
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
            for rel in try Self.files(in: dir + "/templates", ext: "mustache", root: root) {
                templates[String(rel.dropLast(".mustache".count))] = (dir + "/templates/" + rel, .file(dir + "/templates/" + rel))
            }
            for rel in try Self.files(in: dir + "/assets", ext: nil, root: root) {
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

    /// The files under `dir` (relative paths, sorted), hidden ones left out. A link is
    /// followed only to a file inside the themes folder `root` (real path): a link out of it, or
    /// to a folder, stops the build (`/etc/passwd` would be published as an asset).
    private static func files(in dir: String, ext: String?, root: String) throws -> [String] {
        var out: [String] = []
        // The folder itself (the theme's, its templates' or assets') must not lead elsewhere.
        if let real = ContentLoader.realPath(dir), !real.hasPrefix(root + "/") {
            throw PipelineError.refused(Localized(
                zh: "主题目录 ‘\(dir)’ 指向主题目录之外（‘\(real)’），未构建",
                en: "the theme folder ‘\(dir)’ leads out of the themes folder (to ‘\(real)’); nothing was built"))
        }
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? dir : dir + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = dir + "/" + rel
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFLNK {
                    var target = stat()
                    guard let real = ContentLoader.realPath(path), real.hasPrefix(root + "/"), stat(path, &target) == 0,
                          (target.st_mode & S_IFMT) == S_IFREG
                    else {
                        throw PipelineError.refused(Localized(
                            zh: "主题文件 ‘\(path)’ 是指向主题目录之外（或指向目录）的链接，未构建",
                            en: "the theme file ‘\(path)’ is a link out of the themes folder (or to a folder); nothing was built"))
                    }
                    st = target
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: try walk(rel)
                case S_IFREG: if ext.map({ rel.hasSuffix("." + $0) }) ?? true { out.append(rel) }
                default: continue
                }
            }
        }
        try walk("")
        return out.sorted()
    }
}
