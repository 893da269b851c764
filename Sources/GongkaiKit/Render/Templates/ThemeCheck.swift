// A theme's templates checked before anything is rendered: a missing partial or parent is an
// error, a name that no page has (`{{amout}}`) or a block its parent does not have a warning,
// each at the template's file, line and column.

/// What a theme's check found.
struct ThemeCheck {
    /// `file:line:column: 错误: …` lines.
    var errors: [Localized] = []
    var warnings: [Diagnostic] = []

    /// `templates` by name; `paths` the file each came from.
    init(templates: [String: Template], paths: [String: String]) {
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            let path = paths[name] ?? name
            for r in template.references {
                let at = "\(path):\(r.line):\(r.column)"
                switch r.kind {
                case .partial where templates[r.name] == nil:
                    errors.append(Localized(zh: "\(at): 错误: 找不到 partial ‘\(r.name)’：主题中没有 templates/\(r.name).mustache（{{>\(r.name)}}）",
                                            en: "\(at): error: no partial ‘\(r.name)’: the theme has no templates/\(r.name).mustache ({{>\(r.name)}})"))
                case .parent where templates[r.name] == nil:
                    errors.append(Localized(zh: "\(at): 错误: 找不到父模板 ‘\(r.name)’：主题中没有 templates/\(r.name).mustache（{{<\(r.name)}}）",
                                            en: "\(at): error: no parent template ‘\(r.name)’: the theme has no templates/\(r.name).mustache ({{<\(r.name)}})"))
                case .override(let parent) where templates[parent] != nil:
                    var seen: Set<String> = []
                    let blocks = Self.blocks(of: parent, in: templates, seen: &seen)
                    if !blocks.contains(r.name) {
                        let known = blocks.sorted().joined(separator: ", ")
                        warn(path, r, code: "template-unknown-block",
                             zh: "父模板 ‘\(parent)’ 没有块 ‘\(r.name)’，这段内容不会显示（它有：\(known)）",
                             en: "the parent template ‘\(parent)’ has no block ‘\(r.name)’, so this is never shown (it has: \(known))")
                    }
                case .name:
                    guard let unknown = Self.unknownName(r.name) else { continue }
                    let hint = Self.suggestion(for: unknown)
                    warn(path, r, code: "template-unknown-name",
                         zh: "没有任何页面有名为 ‘\(unknown)’ 的值，{{\(r.name)}} 将什么也不显示" + (hint.map { "（是不是 ‘\($0)’？）" } ?? "（见 docs/themes.md）"),
                         en: "no page has a value named ‘\(unknown)’, so {{\(r.name)}} shows nothing" + (hint.map { " (did you mean ‘\($0)’?)" } ?? " (see docs/themes.md)"))
                default:
                    continue
                }
            }
        }
    }

    private mutating func warn(_ path: String, _ r: Template.Reference, code: String, zh: String, en: String) {
        warnings.append(Diagnostic(.warning, SourceLocation(file: path, line: r.line, column: r.column), code: code, zh, en: en))
    }

    /// The blocks `name` defines, with those of the templates it includes or inherits.
    static func blocks(of name: String, in templates: [String: Template], seen: inout Set<String>) -> Set<String> {
        guard let template = templates[name], seen.insert(name).inserted else { return [] }
        var out: Set<String> = []
        for r in template.references {
            switch r.kind {
            case .block: out.insert(r.name)
            case .partial, .parent: out.formUnion(blocks(of: r.name, in: templates, seen: &seen))
            default: break
            }
        }
        return out
    }

    /// The first part of a dotted name that no page's values have, or nil. Anything under
    /// `params.` is the publisher's own (`params.主办单位` may be unset).
    static func unknownName(_ dotted: String) -> String? {
        if dotted == "." { return nil }
        for part in dotted.split(separator: ".") {
            if part == "params" { return nil }
            if !ViewNames.known.contains(String(part)) { return String(part) }
        }
        return nil
    }

    /// The known name closest to `name` (at most two edits away), for "did you mean".
    static func suggestion(for name: String) -> String? {
        let a = Array(name.unicodeScalars)
        var best: (String, Int)?
        for candidate in ViewNames.known.sorted() {
            let b = Array(candidate.unicodeScalars)
            guard abs(a.count - b.count) <= 2 else { continue }
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            let distance = row[b.count]
            if distance <= 2, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }
}

/// The names pages give templates (`title`, `rows`, `amount`, …): every name the default theme
/// compiled into gongkai uses, and the few it does not use (`unused`). Tests check this against
/// every value of every page of the seeds, so that it cannot fall behind `Pages`.
enum ViewNames {
    static let known: Set<String> = {
        var names = unused
        for (rel, bytes) in Embedded.defaultTheme where rel.hasSuffix(".mustache") {
            guard let template = try? TemplateParser.parse(String(decoding: bytes, as: UTF8.self)) else { continue }
            for r in template.references where r.kind == .name {
                for part in r.name.split(separator: ".") where part != "params" { names.insert(String(part)) }
            }
        }
        return names
    }()

    /// Names pages have that the default theme does not show: an indicator row's `values` (the
    /// default theme shows `targets`, which say each value's term; kept for themes that use it).
    static let unused: Set<String> = ["values"]
}
