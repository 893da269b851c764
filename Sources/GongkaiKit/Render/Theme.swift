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
        let defaultDir = themesDir + "/default"
        let themeDir = themesDir + "/" + name
        guard fm.fileExists(atPath: defaultDir + "/templates") else {
            throw PipelineError.usage("the default theme is missing: no ‘\(defaultDir)/templates’")
        }
        if name != "default", !fm.fileExists(atPath: themeDir) {
            throw PipelineError.usage("theme ‘\(name)’ not found in ‘\(themesDir)’")
        }
        let dirs = name == "default" ? [defaultDir] : [defaultDir, themeDir]
        var files: [String: String] = [:]
        for dir in dirs {
            for rel in Self.files(in: dir + "/templates", ext: "mustache") {
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
            for rel in Self.files(in: dir + "/assets", ext: nil) {
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
