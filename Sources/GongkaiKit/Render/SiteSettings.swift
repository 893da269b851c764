// What every page shows from the site's settings: `params` as templates see them, and the
// footer a Chinese government site carries (主办单位, 网站标识码, ICP and 公安 备案号, 找错).

extension SiteConfig.ParamValue {
    /// The value as templates see it.
    var templateValue: TemplateValue {
        switch self {
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .list(let items): .list(items.map(\.templateValue))
        case .map(let params): .object(SiteConfig.templateObject(params))
        }
    }
}

extension SiteConfig {
    static func templateObject(_ params: [Param]) -> TemplateObject {
        var object: TemplateObject = [:]
        for p in params { object[p.name] = p.value.templateValue }
        return object
    }

    /// `params` for templates: `{{params.主办单位}}`.
    var paramsValue: TemplateValue { .object(Self.templateObject(params)) }

    /// The text of a `params` entry, when it is text.
    func param(_ name: String) -> String? {
        guard case .string(let s)? = params.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = s.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The footer's fields, in the order government sites show them, each where `params` sets
    /// it: `footer.items` (`label`, `value`, `href`) and `footer.hasItems`.
    var footerValue: TemplateValue {
        var items: [TemplateValue] = []
        func item(_ label: String?, _ value: String, href: String? = nil) {
            items.append(.object(["label": .string(label), "value": .string(value), "href": .string(href)]))
        }
        for name in ["主办单位", "承办单位", "联系方式", "网站标识码"] {
            if let value = param(name) { item(name, value) }
        }
        if let icp = param("ICP备案号") { item(nil, icp, href: "https://beian.miit.gov.cn/") }
        if let police = param("公安备案号") {
            // The record's query page takes its number (the digits of 皖公网安备 34180002000123号).
            let digits = String(police.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }.map(Character.init))
            item(nil, police, href: digits.isEmpty ? "https://beian.mps.gov.cn/" : "https://beian.mps.gov.cn/#/query/webSearch?code=\(digits)")
        }
        if let report = param("找错"), Self.isWebLink(report) { item(nil, "我要找错", href: report) }
        return .object(["items": .list(items), "hasItems": .bool(!items.isEmpty)])
    }

    /// An http(s) address (a link from the configuration must not run script).
    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0.properties.isWhitespace }
    }

    /// A hash of what every page shows from the settings (a page fingerprint starts from it).
    func combineShown(into h: inout StableHash) {
        h.combine(title); h.combine(baseURL); h.combine(language)
        paramsValue.combine(into: &h)
    }
}
