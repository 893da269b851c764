// The values templates see: strings, numbers, flags, lists and objects of named values.

import Foundation
import Mustache

/// A value in a template's context.
public indirect enum TemplateValue: Sendable {
    /// An absent value: renders as nothing, is false in sections, and stops the
    /// lookup of its name in outer contexts.
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([TemplateValue])
    case object(TemplateObject)

    static func string(_ s: String?) -> TemplateValue { s.map { .string($0) } ?? .null }
    static func object(_ fields: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(fields)) }
}

/// Named values. A name that is not here is looked up in the enclosing contexts.
public struct TemplateObject: Sendable {
    var fields: [String: TemplateValue]
    init(_ fields: [String: TemplateValue]) { self.fields = fields }
    subscript(name: String) -> TemplateValue? { fields[name] }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

// The same values for swift-mustache, which validates themes and is the reference renderer in tests.
extension TemplateValue {
    /// This value as swift-mustache expects it.
    public var mustacheValue: Any {
        switch self {
        case .null: NSNull()
        case .bool(let b): b
        case .int(let i): i
        case .string(let s): s
        case .list(let items): items.map(\.mustacheValue)
        case .object(let object): MustacheObject(object: object)
        }
    }
}

struct MustacheObject: MustacheParent {
    let object: TemplateObject
    func child(named name: String) -> Any? { object.fields[name]?.mustacheValue }
}
