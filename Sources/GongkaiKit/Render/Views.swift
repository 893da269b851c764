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
    var fields: TemplateObject
    var site: V

    /// The layout's names first (`root` is looked up from every row of every table), then the page's.
    var value: V {
        var all: TemplateObject = [
            "root": .string(root),
            "site": site,
            "title": .string(title),
            "description": .string(description),
            "canonical": .string(canonical),
            "breadcrumbs": .list(breadcrumbs),
            "hasBreadcrumbs": .bool(!breadcrumbs.isEmpty),
        ]
        for (name, value) in fields.entries where all[name] == nil { all[name] = value }
        return .object(all)
    }
}
