// The command line: gongkai check | build | serve | init | version.

import ArgumentParser
import CMimalloc
import Foundation
import GongkaiKit

struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开：把部门预算绩效目标发布为可搜索的静态网站 (publish departments' budget performance targets as a searchable static site)",
        discussion: """
            新网站：gongkai init 网站目录，然后在该目录中运行 gongkai serve 预览、gongkai build 生成 Public/。
            A new site: gongkai init DIR, then in DIR gongkai serve to preview and gongkai build to write Public/.
            """,
        version: GongkaiVersion.text,
        subcommands: [Check.self, Build.self, Serve.self, Init.self, Version.self],
        defaultSubcommand: nil
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tree
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "读取全部内容和主题，报告内容概况和每个问题 (read all content and the theme; report what it holds and every problem)",
        discussion: "退出码 (exit status)：0 无错误 (no errors)，1 有错误 (errors)，2 用法错误 (usage errors)。")

    @OptionGroup var site: SiteOptions
    @Option(help: "输出格式：text、json（供 CI）或 tree（读取到的模型）(output format: text, json for CI, or tree: the model as read)")
    var format: OutputFormat = .text

    func run() throws {
        let config = try site.siteConfig()
        let theme = try site.theme(config)
        let read: Site
        do {
            // Only the model's tree shows the projects' details.
            read = try Pipeline.read(contentDir: site.content, config: config, keepingDetails: format == .tree, extra: theme.diagnostics)
        } catch let error as PipelineError {
            throw UsageFailure(message: error.message(language))
        }
        switch format {
        case .json:
            print(Report.json(read.diagnostics, language: language), terminator: "")
        case .tree:
            print(read.dump(), terminator: "")
        case .text:
            if !site.quiet { print(Report.summary(read, language: language), terminator: "") }
            print(String(decoding: site.report(read.diagnostics, full: Report.diagnosticBytes(read.diagnostics, language: language)), as: UTF8.self), terminator: "")
        }
        exitForContent(read, strict: site.strict)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成网站（页面、搜索索引、开放数据）(build the site: pages, search index, open data)",
        discussion: "只有生成成功才替换输出目录 (the output directory is replaced only when the build succeeds)。只替换空目录或 gongkai 生成过的网站目录，其他目录需加 --force (only an empty directory or a site gongkai built is replaced; --force for any other)。退出码 (exit status)：0 成功 (ok, warnings allowed)，1 内容错误 (content errors)，2 用法错误，包括不可替换的输出目录 (usage errors, an output that may not be replaced included)，3 输出错误：网站无法写入或发布，旧网站保持不变 (output errors: the site could not be written or published; the previous site is as it was)。")

    @OptionGroup var site: SiteOptions
    @Option(help: "输出目录 (the output directory)") var output = "Public"
    @Flag(name: .shortAndLong, help: "打印每个阶段及其用时 (print each stage and its time)") var verbose = false
    @Flag(help: "即使输出目录既不是空目录也不是 gongkai 生成的网站，也替换它 (replace the output directory even when it is neither empty nor a site gongkai built)") var force = false
    @Option(help: ArgumentHelp("从构建缓存读回的项目详情可用的内存（MiB）；更大的网站在需要时重新读取 (MiB of memory for project details read back from the build cache)", valueName: "MiB"))
    var detailsMemory = BuildOptions().detailsMemory >> 20

    func validate() throws {
        guard (0...(1 << 20)).contains(detailsMemory) else {
            throw ValidationError(text("--details-memory 必须在 0 到 1048576（MiB）之间", "--details-memory must be from 0 to 1048576 (MiB)"))
        }
    }

    func run() throws {
        var options = BuildOptions()
        options.detailsMemory = detailsMemory << 20
        options.contentDir = site.content
        options.outputDir = output
        options.themesDir = site.themes
        options.config = try site.siteConfig()
        options.language = language
        options.force = force
        options.notice = { text in FileHandle.standardError.write(Data("注意：\(text.zh)\nnote: \(text.en)\n".utf8)) }
        if verbose {
            options.log = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            // Also what keeps libmimalloc among the executable's libraries: a linker may drop
            // a library nothing calls, and then glibc's malloc would serve the build.
            let v = Int(mi_version())
            options.log?(text("内存分配器：mimalloc \(v / 100).\(v / 10 % 10).\(v % 10)", "allocator: mimalloc \(v / 100).\(v / 10 % 10).\(v % 10)"))
        }
        let result: BuildResult
        do {
            result = try Pipeline.build(options)
        } catch let error as SiteConfig.Error {
            throw UsageFailure(message: error.message(language))
        } catch let error as PipelineError {
            switch error {
            case .usage, .refused: throw UsageFailure(message: error.message(language))
            case .output, .publish:
                printError(error.message(language))
                throw ExitCode(3)
            case .theme:
                printError(error.message(language))
                throw ExitCode(1)
            }
        }
        FileHandle.standardError.write(Data(site.report(result.site.diagnostics, full: result.diagnosticReport)))
        let built = result.site
        if !site.quiet {
            print(text("已生成 \(output)/：\(result.files) 个文件（\(result.changedFiles) 个有改动），\(built.departmentYears.count) 个部门年度的 \(built.projectCount) 个项目",
                       "built \(output)/: \(result.files) files (\(result.changedFiles) changed), \(built.projectCount) projects in \(built.departmentYears.count) department-years"))
        }
        exitForContent(built, strict: site.strict)
    }
}

// Exit statuses: 0 ok, 1 content errors, 2 usage errors (ArgumentParser's own 64 becomes 2),
// 3 output errors of `build`.
do {
    var command = try Gongkai.parseAsRoot()
    try command.run()
} catch let failure as UsageFailure {
    printError(failure.message)
    exit(2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = Gongkai.exitCode(for: error)
    if status == .success {
        // --help, --version
        print(Gongkai.fullMessage(for: error))
        exit(0)
    }
    if language == .zh { printError("错误：命令行有误（gongkai --help 查看用法；--lang en 用英文）") }
    printError(Gongkai.fullMessage(for: error))
    if status.rawValue == 1 { exit(1) }
    exit(2)
}
