// The command line: gongkai check | build.

import ArgumentParser
import CMimalloc
import Foundation
import GongkaiKit

struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "公开 — publish departments' budget performance targets as a searchable static site.",
        subcommands: [Check.self, Build.self],
        defaultSubcommand: nil
    )
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, tree
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read all content and report what it holds and every problem found.",
        discussion: "Exit status: 0 when there are no errors, 1 when there are, 2 for usage errors.")

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "The site configuration file.") var config = "gongkai.yml"
    @Option(help: "Output format: text, json (diagnostics for CI) or tree (the model as read).") var format: OutputFormat = .text
    @Flag(help: "Treat warnings as errors.") var strict = false

    func run() throws {
        let siteConfig = try loadConfig(config)
        let site: Site
        do {
            // Only the model's tree shows the projects' details.
            site = try Pipeline.read(contentDir: content, config: siteConfig, keepingDetails: format == .tree)
        } catch let error as PipelineError {
            throw UsageFailure(message: error.description)
        }
        switch format {
        case .json:
            print(Report.json(site.diagnostics), terminator: "")
        case .tree:
            print(site.dump(), terminator: "")
        case .text:
            print(Report.summary(site), terminator: "")
            print(Report.diagnostics(site.diagnostics), terminator: "")
        }
        exitForContent(site, strict: strict)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site (pages, search index, open data) from the content.",
        discussion: """
            The output directory is replaced only when the build succeeds, and only when it is empty or a site gongkai built (--force for any other directory). \
            Exit status: 0 ok (warnings allowed), 1 content errors, 2 usage errors (including an output directory that may not be replaced), 3 output errors (the site could not be written or published; the previous site is as it was).
            """)

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "The output directory.") var output = "Public"
    @Option(help: "The site configuration file.") var config = "gongkai.yml"
    @Option(help: "The themes directory.") var themes = "Themes"
    @Flag(name: .shortAndLong, help: "Print each stage and its time.") var verbose = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Flag(help: "Replace the output directory even when it is neither empty nor a site gongkai built.") var force = false
    @Option(help: ArgumentHelp("MiB of memory for project details read back from the build cache; a larger site reads the rest again when needed.", valueName: "MiB"))
    var detailsMemory = BuildOptions().detailsMemory >> 20

    func validate() throws {
        guard (0...(1 << 20)).contains(detailsMemory) else { throw ValidationError("--details-memory must be from 0 to 1048576 (MiB)") }
    }

    func run() throws {
        var options = BuildOptions()
        options.detailsMemory = detailsMemory << 20
        options.contentDir = content
        options.outputDir = output
        options.configPath = config
        options.themesDir = themes
        options.force = force
        options.notice = { text in FileHandle.standardError.write(Data("注意：\(text.zh)\nnote: \(text.en)\n".utf8)) }
        if verbose {
            options.log = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            // Also what keeps libmimalloc among the executable's libraries: a linker may drop
            // a library nothing calls, and then glibc's malloc would serve the build.
            let v = Int(mi_version())
            options.log?("allocator: mimalloc \(v / 100).\(v / 10 % 10).\(v % 10)")
        }
        let result: BuildResult
        do {
            result = try Pipeline.build(options)
        } catch let error as SiteConfig.Error {
            throw UsageFailure(message: error.description)
        } catch let error as PipelineError {
            switch error {
            case .usage, .refused: throw UsageFailure(message: error.description)
            case .output, .publish:
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(3)
            case .theme:
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
        FileHandle.standardError.write(Data(result.diagnosticReport))
        if !result.hasBaseURL {
            FileHandle.standardError.write(Data("\(config): note: no baseURL set: sitemap.xml, robots.txt and canonical links use \(SiteConfig.placeholderBaseURL) (set `baseURL:` to the site's address)\n".utf8))
        }
        let site = result.site
        print("built \(output)/: \(result.files) files (\(result.changedFiles) changed), \(site.projectCount) projects in \(site.departmentYears.count) department-years")
        exitForContent(site, strict: strict)
    }
}

/// Exits 1 when the content has errors (or warnings, with `--strict`), else 0. Exits here,
/// with the site still in memory: freeing a large model object by object only delays the exit
/// (stdout is flushed by exit).
func exitForContent(_ site: Site, strict: Bool) -> Never {
    let failed = site.hasErrors || (strict && site.diagnostics.contains { $0.severity == .warning })
    Foundation.exit(failed ? 1 : 0)
}

/// A usage error: printed, exit status 2.
struct UsageFailure: Error {
    var message: String
}

func loadConfig(_ path: String) throws -> SiteConfig {
    do {
        return try SiteConfig.load(path: path)
    } catch let error as SiteConfig.Error {
        throw UsageFailure(message: error.description)
    }
}

// Exit statuses: 0 ok, 1 content errors, 2 usage errors (ArgumentParser's own 64 becomes 2),
// 3 output errors of `build`.
do {
    var command = try Gongkai.parseAsRoot()
    try command.run()
} catch let failure as UsageFailure {
    FileHandle.standardError.write(Data((failure.message + "\n").utf8))
    exit(2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let status = Gongkai.exitCode(for: error)
    if status == .success {
        print(Gongkai.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((Gongkai.fullMessage(for: error) + "\n").utf8))
    if status.rawValue == 1 { exit(1) }
    exit(2)
}
