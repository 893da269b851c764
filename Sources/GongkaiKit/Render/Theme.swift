// Themes are files: Mustache templates and assets, a site theme overriding the default one by one.

import Foundation
import Mustache

/// A loaded theme: its compiled templates and its asset files.
public struct Theme: Sendable {
    /// The templates every theme provides (a site theme may override any of them).
    static let pageTemplates = ["home", "department", "department-year", "project", "search", "quality", "404"]

    let library: TemplateLibrary
    /// Site path (`assets/style.css`) → file on disk.
    let assets: [(String, String)]
    /// A hash of every template and asset: pages rendered with another theme are rendered again.
    let fingerprint: UInt64

    /// Loads `themesDir/name` over `themesDir/default`, template by template and asset by asset.
    ///
    /// Each template is parsed by swift-mustache (the reference implementation) and compiled
    /// by gongkai's renderer; a template either rejects is reported with its file and line.
    public static func load(themesDir: String, name: String) throws -> Theme {
        let fm = FileManager.default
        // A theme is a folder of Themes/, named by one plain component: `../../outside` would
        // publish files from anywhere.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.utf8.contains(0) else {
            throw PipelineError.refused(Localized(
                zh: "主题名 ‘\(name)’ 不是 ‘\(themesDir)’ 中的一个目录名（不能含 / 或以 . 开头）",
                en: "the theme name ‘\(name)’ is not the name of a folder in ‘\(themesDir)’ (no / and no leading .)"))
        }
        let defaultDir = themesDir + "/default"
        let themeDir = themesDir + "/" + name
        let root = ContentLoader.realPath(themesDir) ?? themesDir
        guard fm.fileExists(atPath: defaultDir + "/templates") else {
            throw PipelineError.usage("the default theme is missing: no ‘\(defaultDir)/templates’")
        }
        if name != "default", !fm.fileExists(atPath: themeDir) {
            throw PipelineError.usage("theme ‘\(name)’ not found in ‘\(themesDir)’")
        }
        let dirs = name == "default" ? [defaultDir] : [defaultDir, themeDir]
        var files: [String: String] = [:]
        for dir in dirs {
            for rel in try Self.files(in: dir + "/templates", ext: "mustache", root: root) {
                files[String(rel.dropLast(".mustache".count))] = dir + "/templates/" + rel
            }
        }
        var templates: [String: Template] = [:]
        var hash = StableHash()
        for (templateName, path) in files.sorted(by: { $0.key < $1.key }) {
            guard let data = fm.contents(atPath: path) else {
                throw PipelineError.theme("\(path): error: cannot read template")
            }
            hash.combine(templateName)
            hash.combine(data)
            let text = String(decoding: data, as: UTF8.self)
            do {
                _ = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw PipelineError.theme("\(path):\(error.context.lineNumber):\(error.context.columnNumber): error: template does not parse: \(error.error)")
            } catch {
                throw PipelineError.theme("\(path): error: template does not parse: \(error)")
            }
            do {
                templates[templateName] = try TemplateParser.parse(text)
            } catch let error as TemplateSyntaxError {
                throw PipelineError.theme("\(path):\(error.line):\(error.column): error: \(error.message)")
            }
        }
        for page in pageTemplates where templates[page] == nil {
            throw PipelineError.theme("\(defaultDir)/templates/\(page).mustache: error: missing template ‘\(page)’")
        }
        var assets: [String: String] = [:]
        for dir in dirs {
            for rel in try Self.files(in: dir + "/assets", ext: nil, root: root) {
                assets["assets/" + rel] = dir + "/assets/" + rel
            }
        }
        let sortedAssets = assets.sorted { $0.key < $1.key }
        for (path, file) in sortedAssets {
            hash.combine(path)
            hash.combine(fm.contents(atPath: file) ?? Data())
        }
        return Theme(library: TemplateLibrary(templates: templates), assets: sortedAssets, fingerprint: hash.value)
    }

    /// Renders page `template` with `view`.
    func render(_ template: String, _ view: PageView) throws -> [UInt8] {
        do {
            return try library.render(template, view.value)
        } catch let error as TemplateRenderError {
            throw PipelineError.theme("error: rendering \(view.path) with ‘\(template)’: \(error.message)")
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
