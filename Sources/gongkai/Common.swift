// What every command shares: the language of its messages, the site's settings with their
// overrides, quiet output, exits and errors.

import ArgumentParser
import Foundation
import GongkaiKit

extension Language: ExpressibleByArgument {}

/// The language messages are printed in: `--lang` (found before the arguments are parsed, so
/// that even their errors use it), else `GONGKAI_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`); Chinese unless one of them says English.
let language: Language = {
    let arguments = CommandLine.arguments
    for (i, argument) in arguments.enumerated() {
        if argument.hasPrefix("--lang="), let l = Language(rawValue: String(argument.dropFirst(7))) { return l }
        if argument == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
    }
    let environment = ProcessInfo.processInfo.environment
    if let value = environment["GONGKAI_LANG"], let l = Language(rawValue: value.lowercased().prefix(2).description) { return l }
    return Language.from(environment: environment)
}()

/// `zh` or `en` as the command's language wants.
func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

/// Options of the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "内容目录 (the content directory)") var content = "Content"
    @Option(help: ArgumentHelp("配置文件，默认 gongkai.yml（可以没有）；指定的文件必须存在 (the configuration file; default gongkai.yml, which may be absent)", valueName: "FILE"))
    var config: String?
    @Option(help: "主题目录 (the themes directory)") var themes = "Themes"
    @Option(name: .customLong("baseURL"), help: ArgumentHelp("网站地址，覆盖 gongkai.yml 和 GONGKAI_BASEURL (the site's address, over gongkai.yml and GONGKAI_BASEURL)", valueName: "URL"))
    var baseURL: String?
    @Option(name: .customLong("lang"), help: ArgumentHelp("消息语言：zh 或 en，默认按 GONGKAI_LANG 或系统语言环境 (language of messages: zh or en; default from GONGKAI_LANG or the locale)", valueName: "zh|en"))
    var lang: Language?
    @Flag(help: "警告也算失败，退出码 1 (treat warnings as errors)") var strict = false
    @Flag(name: .shortAndLong, help: "只打印错误（--strict 时还有警告）(print only errors, and warnings with --strict)") var quiet = false

    /// The settings: gongkai.yml (or `--config FILE`, which must exist), then the environment's
    /// `GONGKAI_*` settings, then `--baseURL`.
    func siteConfig() throws -> SiteConfig {
        do {
            var config = try SiteConfig.load(path: config ?? "gongkai.yml", required: config != nil)
            var commandLine: [String: String] = [:]
            if let baseURL { commandLine["baseURL"] = baseURL }
            try config.override(environment: ProcessInfo.processInfo.environment, commandLine: commandLine)
            return config
        } catch let error as SiteConfig.Error {
            throw UsageFailure(message: error.message(language))
        }
    }

    /// The theme the settings name, checked; its errors stop the command (exit 1, or 2 for a
    /// theme that is not there).
    func theme(_ config: SiteConfig) throws -> Theme {
        do {
            return try Theme.load(themesDir: themes, name: config.theme)
        } catch let error as PipelineError {
            if case .usage = error { throw UsageFailure(message: error.message(language)) }
            printError(error.message(language))
            throw ExitCode(1)
        }
    }

    /// The report of `diagnostics` as the options want it: everything, or with `--quiet` only
    /// the lines that fail the command.
    func report(_ diagnostics: [Diagnostic], full: @autoclosure () -> [UInt8]) -> [UInt8] {
        guard quiet else { return full() }
        var out: [UInt8] = []
        for d in diagnostics where d.severity == .error || (strict && d.severity == .warning) {
            out += Array(d.line(language).utf8) + [0x0A]
        }
        return out
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

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
