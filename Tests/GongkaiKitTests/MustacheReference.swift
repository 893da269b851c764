// The template values as swift-mustache expects them: it is the reference renderer in tests.

import Foundation
import Mustache
@testable import GongkaiKit

extension TemplateValue {
    /// This value as swift-mustache expects it.
    var mustacheValue: Any {
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
    func child(named name: String) -> Any? { object[name]?.mustacheValue }
}
