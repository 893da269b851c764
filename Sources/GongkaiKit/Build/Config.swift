// The site configuration file (gongkai.yml): title, base URL, theme, language, department
// aliases, silenced codes and free parameters for templates; checked, with environment and
// command-line overrides for CI.

import Foundation
import Yams

/// What a publisher configures in `gongkai.yml`.
public struct SiteConfig: Sendable, Equatable {
    public var title = SiteConfig.defaultTitle
    public static let defaultTitle = "部门预算绩效目标公开"
    /// Absolute URL the site is served from, used in canonical links, sitemap.xml and
    /// robots.txt; pages link relatively. Set with `setBaseURL`, which checks it.
    public var baseURL = SiteConfig.placeholderBaseURL
    /// The base URL used until a publisher sets one (as Hugo's new sites do).
    public static let placeholderBaseURL = "https://example.org/"
    public var theme = "default"
    public var language = "zh-CN"
    /// Canonical department name → other names it goes by.
    public var departmentAliases: [String: [String]] = [:]
    /// Diagnostic codes silenced per document path (or `*` for all documents).
    public var silence: [String: [String]] = [:]
    /// `params:`: free values every template sees as `params` (`{{params.主办单位}}`), in the
    /// file's order.
    public var params: [Param] = []
    /// A site's own labels for its template's fields (`labels: {name: [资金项目名称]}`), keyed
    /// like Vocabulary/labels.yml's `fields`.
    public var labels: [String: [String]] = [:]
    /// The file the settings were read from (diagnostics about them point there), or nil for
    /// settings made in code.
    public var path: String?
    /// Where each setting was given in the file (its key's line), for diagnostics.
    var lines: [String: Int] = [:]
    /// Problems found while reading (warnings: the build goes on).
    var problems: [Diagnostic] = []
    /// The open data's licence, the default publication date and each document's source
    /// (`license`, `date`, `documents`: ConfigPublication.swift).
    public var license: DataLicense?
    public var date: String?
    public var documents: [String: DocumentSettings] = [:]

    public init() {}

    /// A value under `params:`: text (numbers as written), a flag, a list or named values.
    public indirect enum ParamValue: Sendable, Equatable {
        case string(String)
        case bool(Bool)
        case list([ParamValue])
        case map([Param])
    }

    public struct Param: Sendable, Equatable {
        public var name: String
        public var value: ParamValue
        public init(name: String, value: ParamValue) {
            self.name = name
            self.value = value
        }
    }

    /// Whether the site's address was set (in the file, the environment or on the command line).
    public var hasBaseURL: Bool { baseURL != Self.placeholderBaseURL }

    /// The aliases as alias → canonical.
    public var departments: Departments {
        var map: [String: String] = [:]
        for (canonical, aliases) in departmentAliases {
            for alias in aliases { map[alias] = canonical }
        }
        return Departments(aliases: map)
    }

    // MARK: Errors

    /// A configuration that cannot be used: a usage error (exit status 2).
    public enum Error: Swift.Error, CustomStringConvertible, Equatable {
        /// `--config FILE` named a file that is not there.
        case missing(path: String)
        case unreadable(path: String, reason: String)
        case invalid(path: String, line: Int, reason: Localized)
        /// A setting given in the environment or on the command line (`GONGKAI_BASEURL`, `--baseURL`).
        case invalidOverride(source: String, reason: Localized)

        public func message(_ language: Language) -> String {
            let error = Severity.error.name(language)
            switch self {
            case .missing(let path):
                return "\(path): \(error): " + Localized(
                    zh: "配置文件不存在（用 --config 指定的文件必须存在）",
                    en: "no such configuration file (a file named with --config must exist)").text(language)
            case .unreadable(let path, let reason):
                return "\(path): \(error): " + Localized(zh: "无法读取配置文件：", en: "cannot read configuration: ").text(language) + reason
            case .invalid(let path, let line, let reason):
                return "\(path):\(line): \(error): \(reason.text(language))"
            case .invalidOverride(let source, let reason):
                return "\(source): \(error): \(reason.text(language))"
            }
        }

        public var description: String { message(.zh) }
    }

    // MARK: Reading

    /// Loads `path`. A missing file gives the defaults unless `required` (a file the user named).
    public static func load(path: String, required: Bool = false) throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw Error.missing(path: path) }
            var config = SiteConfig()
            config.path = path
            return config
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Error.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// The settings gongkai.yml may have.
    public static let knownSettings = ["title", "baseURL", "theme", "language", "departments", "silence", "params", "labels", "license", "date", "documents"]

    public static func parse(_ text: String, path: String) throws -> SiteConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Error.invalid(path: path, line: yamlLine(error), reason: Localized(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)"))
        } catch {
            throw Error.invalid(path: path, line: 1, reason: Localized(zh: "不是有效的 YAML：\(error)", en: "not valid YAML: \(error)"))
        }
        var config = SiteConfig()
        config.path = path
        guard let node else { return config }
        guard let mapping = node.mapping else {
            throw Error.invalid(path: path, line: node.mark?.line ?? 1, reason: Localized(
                zh: "配置文件必须是“设置: 值”的映射", en: "the configuration must be a mapping of keys to values"))
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1
            func invalid(_ zh: String, _ en: String, line at: Int? = nil) -> Error {
                Error.invalid(path: path, line: at ?? line, reason: Localized(zh: zh, en: en))
            }
            /// A text setting; nil (and a warning: the default stays) for an empty value, which
            /// YAML reads as null (`title:` or `title: null` must not title the site "null").
            func text() throws -> String? {
                if isNull(value) {
                    config.warn(line: line, code: "config-empty-value",
                                zh: "‘\(key)’ 没有值，使用默认值", en: "‘\(key)’ has no value; the default is used")
                    return nil
                }
                guard let s = value.scalar?.string else {
                    throw invalid("‘\(key)’ 必须是文字", "‘\(key)’ must be a string")
                }
                return s
            }
            let canonicalKey = key == "base_url" ? "baseURL" : key == "aliases" ? "departments" : key
            config.lines[canonicalKey] = line
            switch canonicalKey {
            case "title":
                if let s = try text() { config.title = s }
            case "baseURL":
                if let s = try text() {
                    if let problem = checkBaseURL(s) { throw Error.invalid(path: path, line: line, reason: problem) }
                    config.baseURL = s
                }
            case "theme":
                if let s = try text() {
                    if let problem = checkThemeName(s) { throw Error.invalid(path: path, line: line, reason: problem) }
                    config.theme = s
                }
            case "language":
                if let s = try text() {
                    config.language = s
                    if !isKnownLanguage(s) {
                        config.warn(line: line, code: "unknown-language",
                                    zh: "未知的语言代码 ‘\(s)’（例如 zh-CN、zh-Hans、en）",
                                    en: "unknown language code ‘\(s)’ (e.g. zh-CN, zh-Hans, en)")
                    }
                }
            case "departments":
                guard let map = value.mapping else {
                    throw invalid("‘\(key)’ 必须把每个部门对应到它的其他名称列表", "‘\(key)’ must map each department to a list of other names")
                }
                for (nameNode, aliasesNode) in map {
                    let at = nameNode.mark?.line ?? line
                    guard let name = nameNode.scalar?.string, !isNull(nameNode) else {
                        throw invalid("‘\(key)’ 中的部门名称必须是文字", "a department name in ‘\(key)’ must be a string", line: at)
                    }
                    config.departmentAliases[name, default: []] += try names(aliasesNode, at: at) {
                        invalid("‘\(name)’ 的别名必须是名称列表（不能嵌套列表）", "aliases of ‘\(name)’ must be a list of names (not nested lists)", line: $0)
                    }
                }
            case "silence":
                guard let map = value.mapping else {
                    throw invalid("‘silence’ 必须把文档路径（或 *）对应到诊断代码列表", "‘silence’ must map a document path (or *) to a list of diagnostic codes")
                }
                for (docNode, codesNode) in map {
                    let at = docNode.mark?.line ?? line
                    guard let doc = docNode.scalar?.string, !isNull(docNode) else {
                        throw invalid("‘silence’ 中的文档路径必须是文字", "a document path in ‘silence’ must be a string", line: at)
                    }
                    let codes = try names(codesNode, at: at) {
                        invalid("‘\(doc)’ 的诊断代码必须是代码列表（不能嵌套列表）", "the codes of ‘\(doc)’ must be a list of codes (not nested lists)", line: $0)
                    }
                    for code in codes where !DiagnosticCodes.known.contains(code) {
                        config.warn(line: at, code: "unknown-code",
                                    zh: "‘silence’ 中的 ‘\(code)’ 不是 gongkai 的诊断代码（见 docs/diagnostics.md）",
                                    en: "‘\(code)’ in ‘silence’ is not a gongkai diagnostic code (see docs/diagnostics.md)")
                    }
                    config.silence[doc, default: []] += codes
                    config.silenceLines[doc] = at
                }
            case "labels":
                if isNull(value) { continue }
                guard let map = value.mapping else {
                    throw invalid("‘labels’ 必须把字段（name、department、year_amount……）对应到标签列表",
                                  "‘labels’ must map fields (name, department, year_amount, …) to lists of labels")
                }
                for (fieldNode, labelsNode) in map {
                    let at = fieldNode.mark?.line ?? line
                    guard let field = fieldNode.scalar?.string, FieldKind.vocabulary(key: field, label: "", index: 0) != nil else {
                        throw invalid("‘labels’ 中的 ‘\(fieldNode.scalar?.string ?? "")’ 不是 gongkai 的字段（见 docs/layouts.md）",
                                      "‘\(fieldNode.scalar?.string ?? "")’ in ‘labels’ is not a field of gongkai (see docs/layouts.md)", line: at)
                    }
                    config.labels[field, default: []] += try names(labelsNode, at: at) {
                        invalid("‘\(field)’ 的标签必须是文字列表（不能嵌套列表）", "the labels of ‘\(field)’ must be a list of texts (not nested lists)", line: $0)
                    }
                }
            case "params":
                if isNull(value) { continue }
                guard let map = value.mapping else {
                    throw invalid("‘params’ 必须是“名称: 值”的映射", "‘params’ must be a mapping of names to values")
                }
                config.params = try params(map, path: path)
                if let report = config.param("找错"), !isWebLink(report) {
                    config.warn(line: line, code: "param-not-a-link",
                                zh: "params 中的 ‘找错’ 必须是 http:// 或 https:// 开头的网址，页脚不显示它",
                                en: "‘找错’ in params must be an http:// or https:// address; the footer leaves it out")
                }
            case "license", "licence", "date", "documents":
                try config.readPublication(key, value, path: path, line: line)
            default:
                throw invalid("未知的设置 ‘\(key)’（可用：\(knownSettings.joined(separator: "、"))）",
                              "unknown setting ‘\(key)’ (known: \(knownSettings.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// Where each `silence` entry was given, for the check that its document exists.
    var silenceLines: [String: Int] = [:]

    private mutating func warn(line: Int, code: String, zh: String, en: String) {
        problems.append(Diagnostic(.warning, SourceLocation(file: path ?? "gongkai.yml", line: line), code: code, zh, en: en))
    }

    private static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return isNull(scalar) }
        return false
    }

    /// A plain `~`, `null` or nothing (a quoted 'null' is text).
    private static func isNull(_ scalar: Node.Scalar) -> Bool { NSNull.construct(from: scalar) != nil }

    /// A name or a list of names; anything else (a nested list, a mapping, a null) is an error.
    private static func names(_ node: Node, at line: Int, _ error: (Int) -> Error) throws -> [String] {
        if let list = node.sequence {
            return try list.map { item in
                guard case .scalar(let scalar) = item, !isNull(scalar) else { throw error(item.mark?.line ?? line) }
                return scalar.string
            }
        }
        guard case .scalar(let scalar) = node, !isNull(scalar) else { throw error(node.mark?.line ?? line) }
        return [scalar.string]
    }

    private static func params(_ map: Node.Mapping, path: String) throws -> [Param] {
        func value(_ node: Node) throws -> ParamValue? {
            switch node {
            case .scalar(let scalar):
                if isNull(scalar) { return nil }
                // Only `true` and `false` are flags: `备注: no` stays text.
                if scalar.style == .plain, ["true", "false", "True", "False", "TRUE", "FALSE"].contains(scalar.string) {
                    return .bool(scalar.string.lowercased() == "true")
                }
                return .string(scalar.string)
            case .sequence(let list):
                return .list(try list.compactMap(value))
            case .mapping(let map):
                return .map(try params(map, path: path))
            case .alias:
                return nil
            }
        }
        var out: [Param] = []
        for (keyNode, valueNode) in map {
            guard let name = keyNode.scalar?.string, !isNull(keyNode) else {
                throw Error.invalid(path: path, line: keyNode.mark?.line ?? 1, reason: Localized(
                    zh: "‘params’ 中的名称必须是文字", en: "a name in ‘params’ must be a string"))
            }
            guard let v = try value(valueNode) else { continue }
            if let i = out.firstIndex(where: { $0.name == name }) { out[i].value = v } else { out.append(Param(name: name, value: v)) }
        }
        return out
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    // MARK: Checks

    /// Why `url` cannot be the site's address, or nil when it can: an absolute http(s) URL with
    /// a host, without spaces, line breaks or control characters (it is written into robots.txt,
    /// the sitemap and every page's canonical link), a query or a fragment.
    public static func checkBaseURL(_ url: String) -> Localized? {
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.properties.isWhitespace }) {
            return Localized(zh: "baseURL 不能含空格、换行或控制字符", en: "baseURL must not contain spaces, line breaks or control characters")
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            // `javascript:…`, `ftp://…`: another scheme; `example.gov.cn` or `host:8080/`: none.
            if let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter,
               url[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
               !(url[url.index(after: colon)...].first?.isNumber ?? false) {
                let scheme = String(url[..<colon])
                return Localized(zh: "baseURL 必须以 http:// 或 https:// 开头，不能是 ‘\(scheme):’ 地址",
                                 en: "baseURL must start with http:// or https://, not ‘\(scheme):’")
            }
            let example = "https://" + (url.hasPrefix("//") ? String(url.dropFirst(2)) : url)
            return Localized(zh: "baseURL 缺少 http:// 或 https://，例如 \(example)",
                             en: "baseURL has no scheme: write it with http:// or https://, e.g. \(example)")
        }
        guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            return Localized(zh: "baseURL 不是有效的网址（需要主机名，例如 https://yusuan.example.gov.cn/）",
                             en: "baseURL is not a valid address (it needs a host, e.g. https://yusuan.example.gov.cn/)")
        }
        if parts.query != nil || parts.fragment != nil || url.contains("?") || url.contains("#") {
            return Localized(zh: "baseURL 不能含 ? 或 #", en: "baseURL must not contain ? or #")
        }
        return nil
    }

    /// Why `name` cannot name a theme (a folder in Themes/), or nil.
    static func checkThemeName(_ name: String) -> Localized? {
        if name.isEmpty || name == "." || name == ".." || name.contains("/") || name.contains("\\") || name.hasPrefix(".")
            || name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return Localized(zh: "theme 必须是 Themes/ 中一个文件夹的名称（不含 / 或 ..）：‘\(name)’",
                             en: "theme must be the name of a folder in Themes/ (no / or ..): ‘\(name)’")
        }
        return nil
    }

    /// Language tags a Chinese government site may use for `<html lang>`: Chinese and its
    /// scripts and regions, the minority languages with official scripts, English.
    static let knownLanguages: Set<String> = [
        "zh", "zh-cn", "zh-hans", "zh-hans-cn", "zh-hant", "zh-hant-tw", "zh-hant-hk", "zh-tw", "zh-hk", "zh-mo", "zh-sg",
        "en", "en-us", "en-gb", "bo", "bo-cn", "ug", "ug-cn", "mn", "mn-cn", "mn-mong", "ii", "ii-cn", "za", "za-cn", "ko", "ko-cn", "kk", "ky",
    ]

    static func isKnownLanguage(_ tag: String) -> Bool { knownLanguages.contains(tag.lowercased()) }

    /// The configuration's warnings: those found while reading, a missing `baseURL` (for a
    /// configuration read from a file or its default place), and `silence` entries naming a
    /// document that `documents` (the content's files) does not have.
    public func diagnostics(documents: [String], contentDir: String) -> [Diagnostic] {
        var out = problems
        let file = path ?? "gongkai.yml"
        if path != nil, !hasBaseURL {
            out.append(Diagnostic(.warning, SourceLocation(file: file, line: lines["baseURL"] ?? 1), code: "missing-baseurl",
                                  "未设置 baseURL：sitemap.xml、robots.txt 和规范链接将使用 \(Self.placeholderBaseURL)（在 gongkai.yml 中设置 baseURL: 为网站地址，或用 --baseURL / GONGKAI_BASEURL）",
                                  en: "no baseURL set: sitemap.xml, robots.txt and canonical links use \(Self.placeholderBaseURL) (set `baseURL:` in gongkai.yml to the site's address, or use --baseURL / GONGKAI_BASEURL)"))
        }
        if !silence.isEmpty {
            let prefix = contentDir.hasSuffix("/") ? contentDir : contentDir + "/"
            var known = Set(documents)
            for d in documents where d.hasPrefix(prefix) { known.insert(String(d.dropFirst(prefix.count))) }
            for doc in silence.keys.sorted() where doc != "*" && !known.contains(doc) {
                out.append(Diagnostic(.warning, SourceLocation(file: file, line: silenceLines[doc] ?? lines["silence"] ?? 1), code: "silence-unknown-file",
                                      "‘silence’ 中的 ‘\(doc)’ 不是内容目录中的文件（路径相对于 \(contentDir)/）",
                                      en: "‘\(doc)’ in ‘silence’ is not a file of the content (paths are relative to \(contentDir)/)"))
            }
        }
        return out
    }

    // MARK: Overrides

    /// The settings a CI may set in the environment (`GONGKAI_BASEURL=https://staging…`).
    public static let environmentVariables = [
        ("GONGKAI_BASEURL", "baseURL"), ("GONGKAI_TITLE", "title"), ("GONGKAI_THEME", "theme"), ("GONGKAI_LANGUAGE", "language"),
    ]

    /// Applies the environment's settings, then the command line's (which win over both the
    /// environment and the file). An empty variable is taken as unset (an unset CI variable).
    public mutating func override(environment: [String: String], commandLine: [String: String]) throws {
        for (variable, setting) in Self.environmentVariables {
            if let value = environment[variable], !value.isEmpty { try set(setting, value, source: variable) }
        }
        for (setting, value) in commandLine.sorted(by: { $0.key < $1.key }) {
            try set(setting, value, source: "--" + setting)
        }
    }

    private mutating func set(_ setting: String, _ value: String, source: String) throws {
        switch setting {
        case "baseURL":
            if let problem = Self.checkBaseURL(value) { throw Error.invalidOverride(source: source, reason: problem) }
            baseURL = value
        case "title":
            title = value
        case "theme":
            if let problem = Self.checkThemeName(value) { throw Error.invalidOverride(source: source, reason: problem) }
            theme = value
        case "language":
            language = value
            problems.removeAll { $0.code == "unknown-language" }
            if !Self.isKnownLanguage(value) {
                problems.append(Diagnostic(.warning, SourceLocation(file: source, line: 1), code: "unknown-language",
                                           "未知的语言代码 ‘\(value)’（例如 zh-CN、zh-Hans、en）", en: "unknown language code ‘\(value)’ (e.g. zh-CN, zh-Hans, en)"))
            }
        default:
            throw Error.invalidOverride(source: source, reason: Localized(zh: "未知的设置", en: "unknown setting"))
        }
    }
}
