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
    /// The document's `<title>` and Open Graph title: the page's title with what tells it apart
    /// (a project's department and year) and the site's name.
    var headTitle: String
    var description: String
    var root: String
    var canonical: String
    var breadcrumbs: [V]
    var fields: TemplateObject
    var site: V
    /// The settings' values every page has (`params`, `footer`): after the page's own names.
    var shared: TemplateObject = [:]

    /// The layout's names first (`root` is looked up from every row of every table), then the page's.
    var value: V {
        var all: TemplateObject = [
            "root": .string(root),
            "site": site,
            "title": .string(title),
            "headTitle": .string(headTitle),
            "description": .string(description),
            "canonical": .string(canonical),
            "breadcrumbs": .list(breadcrumbs),
            "hasBreadcrumbs": .bool(!breadcrumbs.isEmpty),
        ]
        all.add(missingFrom: fields)
        all.add(missingFrom: shared)
        return .object(all)
    }
}

extension TemplateValue {
    /// Adds the value to a hash: the same value, the same hash (for pages kept from the
    /// previous build when their view is unchanged).
    func combine(into h: inout StableHash) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b ? 2 : 1)
        case .int(let i): h.combine(3); h.combine(i)
        case .string(let s):
            h.combine(4)
            h.combine(s)
        case .list(let items):
            h.combine(5); h.combine(items.count)
            for item in items { item.combine(into: &h) }
        case .object(let object):
            h.combine(6); h.combine(object.entries.count)
            for (name, value) in object.entries {
                h.combine(name)
                value.combine(into: &h)
            }
        }
    }
}
