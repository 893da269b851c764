// Compiles the repository's default theme, docs/diagnostics.md and the starter site's example
// form into GongkaiKit, so that the gongkai executable alone builds a site. The files in the
// repository stay the only copy: this runs on every build and embeds them as they are.

import Foundation
import PackagePlugin

@main
struct EmbedResources: BuildToolPlugin {
    /// Name in the executable → path in the repository (a folder embeds all its files).
    static let embedded = [
        ("theme", "Themes/default"),
        ("diagnostics.md", "docs/diagnostics.md"),
        ("labels.yml", "Vocabulary/labels.yml"),
        ("example/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md", "Content/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var inputs: [URL] = []
        let fm = FileManager.default
        for (_, path) in Self.embedded {
            let url = root.appending(path: path)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                for case let rel as String in fm.enumerator(atPath: url.path) ?? FileManager.DirectoryEnumerator() {
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: url.appending(path: rel).path, isDirectory: &sub), !sub.boolValue {
                        inputs.append(url.appending(path: rel))
                    }
                }
            } else {
                inputs.append(url)
            }
        }
        return [.buildCommand(
            displayName: "Embedding the default theme and docs/diagnostics.md",
            executable: try context.tool(named: "gongkai-embed").url,
            arguments: [output.path] + Self.embedded.map { "\($0.0)=\(root.appending(path: $0.1).path)" },
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
