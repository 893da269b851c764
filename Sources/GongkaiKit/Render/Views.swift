// What templates see: small objects of named values with every string already formatted
// (`625.39`), built from the model by `Pages`.

typealias V = TemplateValue

extension TemplateValue {
    /// A link: text and a relative href.
    static func link(_ label: String, _ href: String, current: Bool = false) -> V {
        .object(["label": .string(label), "href": .string(href), "current": .bool(current)])
    }

    /// An optional value: the value, or `.null` so the name is not looked up further out.
    static func opt(_ value: V?) -> V { value ?? .null }

    static func strings(_ items: [String]) -> V { .list(items.map { .string($0) }) }
}

/// Every page: the layout's values plus the page's own.
struct PageView {
    var path: String
    var title: String
    var description: String
    var root: String
    var canonical: String
    var breadcrumbs: [V]
    var fields: [String: V]
    var site: V

    var value: V {
        var all = fields
        all["site"] = site
        all["title"] = .string(title)
        all["description"] = .string(description)
        all["root"] = .string(root)
        all["canonical"] = .string(canonical)
        all["breadcrumbs"] = .list(breadcrumbs)
        all["hasBreadcrumbs"] = .bool(!breadcrumbs.isEmpty)
        return .object(all)
    }
}
