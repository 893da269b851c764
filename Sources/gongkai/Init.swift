// `gongkai init [DIR]`: a new site that builds as it is (gongkai.yml, Content/ with an example).

import ArgumentParser
import Foundation
import GongkaiKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建网站：带注释的 gongkai.yml 和含一个示例表格的 Content/ (a new site: a commented gongkai.yml and Content/ with an example form)",
        discussion: "不覆盖任何已有文件 (never overwrites a file)。")

    @Argument(help: "网站目录，默认当前目录 (the site's folder; default: the current one)") var directory = "."
    @Flag(help: "同时把内置的默认主题复制到 Themes/default/ 以便修改 (also copy the built-in default theme into Themes/default/ to edit)")
    var theme = false
    @Option(name: .customLong("lang"), help: ArgumentHelp("消息语言 (language of messages)", valueName: "zh|en")) var lang: Language?

    func run() throws {
        let fm = FileManager.default
        let files = StarterSite.files(theme: theme)
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        // Nothing is written when any of the files is already there, or when Content/ already
        // holds documents (the example would be published with them).
        var existing = files.map { root + "/" + $0.0 }.filter { fm.fileExists(atPath: $0) }
        if let entries = try? fm.contentsOfDirectory(atPath: root + "/Content"), !entries.isEmpty, existing.isEmpty {
            existing.append(root + "/Content/")
        }
        guard existing.isEmpty else {
            throw UsageFailure(message: text("错误：\(existing.joined(separator: "、")) 已存在；gongkai init 不覆盖文件，什么也没有写",
                                             "error: \(existing.joined(separator: ", ")) already exists; gongkai init overwrites nothing, and wrote nothing"))
        }
        do {
            for (path, bytes) in files {
                let full = root + "/" + path
                try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: full, contents: Data(bytes)) else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        } catch {
            printError(text("错误：无法在 ‘\(root)’ 中写入新网站：\(error.localizedDescription)", "error: cannot write the new site in ‘\(root)’: \(error.localizedDescription)"))
            throw ExitCode(2)
        }
        let cd = root == "." ? "" : "cd \(root) && "
        print(text("""
            已在 \(root) 新建网站：gongkai.yml、Content/（一个示例表格）\(theme ? "、Themes/default/" : "")。
            下一步：
              \(cd)gongkai serve     # 预览：在浏览器打开显示的地址，修改文档后页面自动刷新
              \(cd)gongkai build     # 生成网站到 Public/
            把 Content/ 中的示例换成本单位的文档，在 gongkai.yml 中设置 title 和 baseURL。
            """, """
            New site in \(root): gongkai.yml, Content/ (one example form)\(theme ? ", Themes/default/" : "").
            Next:
              \(cd)gongkai serve     # preview: open the address shown; pages reload when a document changes
              \(cd)gongkai build     # write the site into Public/
            Replace the example in Content/ with your documents; set title and baseURL in gongkai.yml.
            """))
    }
}
