// The values templates see: strings, numbers, flags, lists and objects of named values.


/// A value in a template's context.
public enum TemplateValue: Sendable {
    /// An absent value: renders as nothing, is false in sections, and stops the
    /// lookup of its name in outer contexts.
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([TemplateValue])
    case object(TemplateObject)

    static func string(_ s: String?) -> TemplateValue { s.map { .string($0) } ?? .null }

    /// The value named `name` when this is an object that has it.
    @inline(__always)
    func member(_ name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }
}

/// Named values. A name that is not here is looked up in the enclosing contexts.
///
/// Objects are small (a table row has a handful of names), so they are a list searched
/// in order: comparing short ASCII names is cheaper than hashing them, and a list is one
/// allocation where a dictionary is several.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var entries: [(name: String, value: TemplateValue)]

    /// The names of a literal are distinct (as a dictionary literal's must be), so they are
    /// taken as they are, without looking each up among the ones before it.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
        assert(Set(elements.map(\.0)).count == elements.count, "a name given twice in a template object")
    }

    /// Adds the entries of `other` whose names this object does not have (names of `other`
    /// are distinct, so only this object's own entries are searched: no entry is compared
    /// with those added before it).
    mutating func add(missingFrom other: TemplateObject) {
        let own = entries.count
        entries.reserveCapacity(own + other.entries.count)
        for entry in other.entries where index(of: entry.name, below: own) == nil { entries.append(entry) }
    }

    /// The position of `name` among the first `end` entries (all by default). Names of another
    /// length are passed over without a string comparison, and entries are read in place.
    private func index(of name: String, below end: Int? = nil) -> Int? {
        let length = name.utf8.count
        return entries.withUnsafeBufferPointer { entries in
            for i in 0..<(end ?? entries.count) where entries[i].name.utf8.count == length && entries[i].name == name { return i }
            return nil
        }
    }

    subscript(name: String) -> TemplateValue? {
        get {
            // Only the value found is copied out.
            index(of: name).map { entries[$0].value }
        }
        set {
            if let i = index(of: name) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}
