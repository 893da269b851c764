// What a .docx's side parts say about its paragraphs: where the parts are (relationships),
// which styles are headings (styles.xml), and how lists are numbered (numbering.xml).

/// The WordprocessingML namespaces: transitional (what Word writes) and strict.
enum DocxNamespace {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let math: Set<String> = [
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    ]
    static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    // Compared, not hashed: this runs for every element of the document.
    static func isMain(_ namespace: String?) -> Bool { namespace == transitional || namespace == strict }
}

/// A part's relationships (`_rels/*.rels`): the targets of each type, resolved to zip paths.
final class DocxRelationships: MarkupHandler {
    private let folder: String
    private(set) var targets: [(type: String, path: String)] = []

    /// `folder`: the folder of the part the relationships belong to ("" for the package).
    init(folder: String) {
        self.folder = folder
    }

    /// The first target whose type ends with `/suffix` (`officeDocument`, `styles`, `numbering`).
    func target(_ suffix: String) -> String? {
        targets.first { $0.type.hasSuffix("/" + suffix) }?.path
    }

    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool {
        guard name == "Relationship" else { return true }
        let value = { (key: String) in attributes.first { $0.name == key }?.value }
        guard let type = value("Type"), let target = value("Target"), value("TargetMode") != "External" else { return true }
        targets.append((type, Self.resolve(target, in: folder)))
        return true
    }

    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool) {}
    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>) {}

    /// A relationship target as a zip path: absolute (`/word/x.xml`) or relative to `folder`,
    /// with `.` and `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { _ = parts.popLast(); continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}

/// Heading levels and list numbering of paragraph styles (word/styles.xml).
final class DocxStyles: MarkupHandler {
    private struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (id: String, level: Int?)?
    }

    private var styles: [String: Style] = [:]
    private var current: (id: String, style: Style)?
    private var inChange = 0

    /// The heading level (1–9) of the paragraph style `id`, if it is a heading: named
    /// `heading N` or `标题 N` (or `Title`), or with an outline level, itself or in a style it is
    /// based on.
    func headingLevel(_ id: String) -> Int? {
        var next: String? = id
        for _ in 0..<16 {
            guard let key = next, let style = styles[key] else { break }
            if let level = Self.level(named: style.name) { return level }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
            next = style.basedOn
        }
        return nil
    }

    /// The list a paragraph style numbers its paragraphs in, if any.
    func numbering(_ id: String) -> (id: String, level: Int)? {
        var next: String? = id
        for _ in 0..<16 {
            guard let key = next, let style = styles[key] else { return nil }
            if let numbering = style.numbering { return (numbering.id, numbering.level ?? 0) }
            next = style.basedOn
        }
        return nil
    }

    /// `heading 1`, `Heading1`, `标题 1`, `标题1` → 1; `Title`/`标题` → 1.
    static func level(named name: String) -> Int? {
        let lower = name.lowercased().replacingOccurrences(of: " ", with: "")
        if lower == "title" || lower == "标题" { return 1 }
        for prefix in ["heading", "标题"] where lower.hasPrefix(prefix) {
            if let level = Int(lower.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }

    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool {
        guard DocxNamespace.isMain(namespace) else { return true }
        let value = attributes.first { $0.name == "val" }?.value
        if name.hasSuffix("PrChange") { inChange += 1 }
        guard inChange == 0 else { return true }
        switch name {
        case "style":
            let id = attributes.first { $0.name == "styleId" }?.value ?? ""
            let type = attributes.first { $0.name == "type" }?.value ?? "paragraph"
            current = type == "paragraph" && !id.isEmpty ? (id, Style()) : nil
        case "name": if let value { current?.style.name = value }
        case "basedOn": current?.style.basedOn = value
        case "outlineLvl": current?.style.outlineLevel = value.flatMap { Int($0) }
        case "numId":
            if let value, var style = current?.style {
                style.numbering = (value, style.numbering?.level)
                current?.style = style
            }
        case "ilvl":
            if let level = value.flatMap({ Int($0) }), var style = current?.style {
                style.numbering = (style.numbering?.id ?? "", level)
                current?.style = style
            }
        default: break
        }
        return true
    }

    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool) {
        guard DocxNamespace.isMain(namespace) else { return }
        if name.hasSuffix("PrChange") { inChange -= 1 }
        if name == "style", let (id, style) = current {
            if styles[id] == nil { styles[id] = style }
            current = nil
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>) {}
}

/// How lists are numbered (word/numbering.xml), and the count of each list so far.
final class DocxNumbering: MarkupHandler {
    private struct Level {
        var start = 1
        var format = "decimal"
    }

    private var abstract: [String: [Int: Level]] = [:]
    private var lists: [String: (abstract: String, overrides: [Int: Level])] = [:]
    private var counters: [String: [Int: Int]] = [:]
    // Reading state.
    private var abstractId: String?
    private var numId: String?
    private var level: Int?
    private var overrideLevel: Int?

    /// The style of the next paragraph of list `id` at `level` (0-based), counting it: an
    /// ordered item with its number, a bullet item, or nil (no numbering, or `none`).
    func next(list id: String, level: Int) -> SourceLine.Style? {
        guard id != "0", let list = lists[id] else { return nil }
        let definition = list.overrides[level] ?? abstract[list.abstract]?[level] ?? Level()
        var count = counters[id, default: [:]]
        let number = count[level].map { $0 + 1 } ?? definition.start
        count[level] = number
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counters[id] = count
        switch definition.format {
        case "none": return nil
        case "bullet": return .bulletItem
        default: return .orderedItem(number: number)
        }
    }

    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool {
        guard DocxNamespace.isMain(namespace) else { return true }
        let value = attributes.first { $0.name == "val" }?.value
        switch name {
        case "abstractNum":
            abstractId = attributes.first { $0.name == "abstractNumId" }?.value
        case "num":
            numId = attributes.first { $0.name == "numId" }?.value
            if let numId { lists[numId] = ("", [:]) }
        case "abstractNumId":
            if let numId, let value { lists[numId]?.abstract = value }
        case "lvlOverride":
            overrideLevel = attributes.first { $0.name == "ilvl" }.flatMap { Int($0.value) }
        case "lvl":
            level = attributes.first { $0.name == "ilvl" }.flatMap { Int($0.value) }
            update { _ in }
        case "start", "startOverride":
            if let number = value.flatMap({ Int($0) }) { update { $0.start = number } }
        case "numFmt":
            if let value { update { $0.format = value } }
        default: break
        }
        return true
    }

    /// Changes the level being read: an override inside a `w:num`, else an abstract level.
    private func update(_ change: (inout Level) -> Void) {
        if let numId, let level = overrideLevel ?? level {
            var definition = lists[numId]?.overrides[level]
                ?? lists[numId].flatMap { abstract[$0.abstract]?[level] } ?? Level()
            change(&definition)
            lists[numId]?.overrides[level] = definition
        } else if let abstractId, let level {
            change(&abstract[abstractId, default: [:]][level, default: Level()])
        }
    }

    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool) {
        guard DocxNamespace.isMain(namespace) else { return }
        switch name {
        case "abstractNum": abstractId = nil
        case "num": numId = nil
        case "lvlOverride": overrideLevel = nil
        case "lvl": level = nil
        default: break
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>) {}
}
