// gongkai.yml's settings about publication: the open data's licence, the publication date, and
// each document's address and date (for documents that cannot carry front matter).

import Yams

/// The licence of the open data (`license:`), stated on the site and in datapackage.json.
public struct DataLicense: Equatable, Sendable {
    /// An identifier such as `CC-BY-4.0`; nil when the publisher states the terms in words.
    public var name: String?
    public var title: String
    /// Where the licence text is.
    public var path: String?

    /// Identifiers a publisher is likely to use, with their titles and addresses.
    static let known: [(id: String, title: String, path: String)] = [
        ("CC-BY-4.0", "知识共享署名 4.0 国际许可协议（CC BY 4.0）", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC-BY-SA-4.0", "知识共享署名—相同方式共享 4.0 国际许可协议（CC BY-SA 4.0）", "https://creativecommons.org/licenses/by-sa/4.0/"),
        ("CC0-1.0", "CC0 1.0 通用公共领域贡献", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("ODC-By-1.0", "开放数据共享署名许可（ODC-By 1.0）", "https://opendatacommons.org/licenses/by/1-0/"),
        ("ODbL-1.0", "开放数据库许可（ODbL 1.0）", "https://opendatacommons.org/licenses/odbl/1-0/"),
        ("PDDL-1.0", "开放数据公共领域贡献和许可（PDDL 1.0）", "https://opendatacommons.org/licenses/pddl/1-0/"),
    ]

    /// `CC-BY-4.0` (a known identifier, in any case, gets its title and address), another
    /// identifier, or the terms in words.
    public init(_ text: String) {
        if let known = Self.known.first(where: { $0.id.uppercased() == text.uppercased() }) {
            (name, title, path) = (known.id, known.title, known.path)
        } else {
            let isIdentifier = !text.isEmpty && text.utf8.allSatisfy { b in
                b == 0x2D || b == 0x2E || b == 0x5F || (0x30...0x39).contains(b) || (0x61...0x7A).contains(b | 0x20)
            }
            (name, title, path) = (isIdentifier ? text : nil, text, nil)
        }
    }

    public init(name: String?, title: String, path: String?) {
        self.name = name
        self.title = title
        self.path = path
    }
}

/// What gongkai.yml says about one document (`documents:`): where it was published and when.
public struct DocumentSettings: Equatable, Sendable {
    public var sourceURL: String?
    public var date: String?
}

extension SiteConfig {
    /// Reads `license`, `date` or `documents`.
    mutating func readPublication(_ key: String, _ value: Node, path: String, line: Int) throws {
        func invalid(_ zh: String, _ en: String, at l: Int? = nil) -> Error {
            .invalid(path: path, line: l ?? line, reason: Localized(zh: zh, en: en))
        }
        switch key {
        case "license", "licence":
            if let text = value.string, !text.trimmingWhitespace().isEmpty {
                license = DataLicense(text.trimmingWhitespace())
            } else if let map = value.mapping {
                let fields = Dictionary(map.compactMap { k, v in k.string.flatMap { key in v.string.map { (key, $0) } } }, uniquingKeysWith: { a, _ in a })
                guard let title = fields["title"] ?? fields["name"] else {
                    throw invalid("‘\(key)’ 需要名称（如 CC-BY-4.0）或标题", "‘\(key)’ needs a name (such as CC-BY-4.0) or a title")
                }
                if let p = fields["path"], SourceURL.validate(p) == nil {
                    throw invalid("‘\(key)’ 的 path 必须是 http:// 或 https:// 开头的网址", "the path of ‘\(key)’ must be an http:// or https:// address")
                }
                license = DataLicense(name: fields["name"].map { DataLicense($0).name } ?? nil, title: title, path: fields["path"])
            } else {
                throw invalid("‘\(key)’ 必须是许可标识（如 CC-BY-4.0），或 name、title 和 path", "‘\(key)’ must be a licence identifier (such as CC-BY-4.0) or name, title and path")
            }
        case "date":
            guard let text = value.string, let d = PublicationDate.normalize(text) else {
                throw invalid("‘date’ 必须是日期，如 2024-02-01", "‘date’ must be a date such as 2024-02-01")
            }
            date = d
        default:  // documents
            guard let map = value.mapping else {
                throw invalid("‘documents’ 必须把每个文档的路径对应到它的 source_url 和 date", "‘documents’ must map each document's path to its source_url and date")
            }
            for (docNode, settingsNode) in map {
                guard let doc = docNode.string else { continue }
                let docLine = docNode.mark?.line ?? line
                guard let fields = settingsNode.mapping else {
                    throw invalid("‘\(doc)’ 必须有 source_url 或 date", "‘\(doc)’ must have source_url and/or date", at: docLine)
                }
                var settings = DocumentSettings()
                for (fieldNode, fieldValue) in fields {
                    let field = fieldNode.string ?? ""
                    let fieldLine = fieldNode.mark?.line ?? docLine
                    if FrontMatter.urlKeys.contains(field) {
                        guard let url = fieldValue.string.flatMap(SourceURL.validate) else {
                            throw invalid("‘\(doc)’ 的 \(field) 必须是 http:// 或 https:// 开头的网址", "the \(field) of ‘\(doc)’ must be an http:// or https:// address", at: fieldLine)
                        }
                        settings.sourceURL = url
                    } else if FrontMatter.dateKeys.contains(field) {
                        guard let d = fieldValue.string.flatMap(PublicationDate.normalize) else {
                            throw invalid("‘\(doc)’ 的 \(field) 必须是日期，如 2024-02-01", "the \(field) of ‘\(doc)’ must be a date such as 2024-02-01", at: fieldLine)
                        }
                        settings.date = d
                    } else {
                        throw invalid("‘\(doc)’ 的设置 ‘\(field)’ 未知（可用：source_url、date）", "unknown setting ‘\(field)’ for ‘\(doc)’ (known: source_url, date)", at: fieldLine)
                    }
                }
                documents[doc] = settings
            }
        }
    }
}
