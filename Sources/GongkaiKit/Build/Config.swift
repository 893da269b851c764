// The site configuration file (gongkai.yml): title, base URL, theme, department aliases.

import Foundation
import Yams

/// What a publisher configures in `gongkai.yml`.
public struct SiteConfig: Sendable, Equatable {
    public var title = "部门预算绩效目标公开"
    /// Absolute URL the site is served from, used in sitemap.xml; pages link relatively.
    public var baseURL = SiteConfig.placeholderBaseURL
    /// The base URL used until a publisher sets one (as Hugo's new sites do).
    public static let placeholderBaseURL = "https://example.org/"
    public var theme = "default"
    public var language = "zh-CN"
    /// Canonical department name → other names it goes by.
    public var departmentAliases: [String: [String]] = [:]
    /// Diagnostic codes silenced per document path (or `*` for all documents).
    public var silence: [String: [String]] = [:]
    /// The open data's licence, the default publication date and each document's source
    /// (`license`, `date`, `documents`: ConfigPublication.swift).
    public var license: DataLicense?
    public var date: String?
    public var documents: [String: DocumentSettings] = [:]

    public init() {}

    /// The aliases as alias → canonical.
    public var departments: Departments {
        var map: [String: String] = [:]
        for (canonical, aliases) in departmentAliases {
            for alias in aliases { map[alias] = canonical }
        }
        return Departments(aliases: map)
    }

    public enum Error: Swift.Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        case invalid(path: String, line: Int, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): error: cannot read configuration: \(reason)"
            case .invalid(let path, let line, let reason): "\(path):\(line): error: \(reason)"
            }
        }
    }

    /// Loads `path`; a missing file gives the defaults.
    public static func load(path: String) throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: path) else { return SiteConfig() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Error.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> SiteConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Error.invalid(path: path, line: yamlLine(error), reason: "not valid YAML: \(error)")
        } catch {
            throw Error.invalid(path: path, line: 1, reason: "not valid YAML: \(error)")
        }
        var config = SiteConfig()
        guard let node else { return config }
        guard let mapping = node.mapping else {
            throw Error.invalid(path: path, line: node.mark?.line ?? 1, reason: "the configuration must be a mapping of keys to values")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1
            func string() throws -> String {
                guard let s = value.string else { throw Error.invalid(path: path, line: line, reason: "‘\(key)’ must be a string") }
                return s
            }
            switch key {
            case "title": config.title = try string()
            case "baseURL", "base_url": config.baseURL = try string()
            case "theme": config.theme = try string()
            case "language": config.language = try string()
            case "departments", "aliases":
                guard let map = value.mapping else {
                    throw Error.invalid(path: path, line: line, reason: "‘\(key)’ must map each department to a list of other names")
                }
                for (nameNode, aliasesNode) in map {
                    guard let name = nameNode.string else { continue }
                    if let list = aliasesNode.sequence {
                        config.departmentAliases[name, default: []] += list.compactMap(\.string)
                    } else if let one = aliasesNode.string {
                        config.departmentAliases[name, default: []].append(one)
                    } else {
                        throw Error.invalid(path: path, line: nameNode.mark?.line ?? line, reason: "aliases of ‘\(name)’ must be a list of names")
                    }
                }
            case "silence":
                guard let map = value.mapping else {
                    throw Error.invalid(path: path, line: line, reason: "‘silence’ must map a document path (or *) to a list of diagnostic codes")
                }
                for (docNode, codesNode) in map {
                    guard let doc = docNode.string else { continue }
                    config.silence[doc, default: []] += codesNode.sequence?.compactMap(\.string) ?? codesNode.string.map { [$0] } ?? []
                }
            case "license", "licence", "date", "documents":
                try config.readPublication(key, value, path: path, line: line)
            default:
                throw Error.invalid(path: path, line: line, reason: "unknown setting ‘\(key)’ (known: title, baseURL, theme, language, departments, silence, license, date, documents)")
            }
        }
        return config
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }
}
