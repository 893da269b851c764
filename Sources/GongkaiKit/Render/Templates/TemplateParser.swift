// Parsing Mustache into nodes, with the standalone-line rules of the Mustache spec
// exactly as swift-mustache applies them (so both render the same bytes).

struct TemplateParser {
    private let bytes: [UInt8]
    private var pos = 0
    /// Where the tag being read starts, for error positions.
    private var tagStart: Int?

    /// Every name, partial, parent and block the template refers to, with its tag's position.
    private var references: [Template.Reference] = []

    static func parse(_ text: String) throws -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            let (nodes, _) = try parser.parse(State())
            return Template(nodes: nodes, references: parser.references)
        } catch let error as Failure {
            let (line, column) = parser.lineAndColumn(at: min(error.at ?? parser.tagStart ?? parser.pos, parser.bytes.count))
            throw TemplateSyntaxError(line: line, column: column, message: error.message)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Failure: Error {
        var message: Localized
        /// Where the mistake is, when not at the tag being read (an unclosed section's opening tag).
        var at: Int?

        init(_ zh: String, en: String, at: Int? = nil) {
            message = Localized(zh: zh, en: en)
            self.at = at
        }
    }

    /// Records a reference at the tag being read.
    private mutating func refer(_ kind: Template.Reference.Kind, _ name: String) {
        let (line, column) = lineAndColumn(at: tagStart ?? pos)
        references.append(Template.Reference(kind: kind, name: name, line: line, column: column))
    }

    private struct State {
        var section: String?
        /// Where the open section's tag starts (an unclosed section is reported there).
        var sectionStart = 0
        /// Its tag's sigil: `#`, `^`, `<` or `$`.
        var sectionSigil = "#"
        /// The parent whose blocks are being defined (`{{<parent}}{{$block}}`).
        var parentName: String?
        var newLine = true
        var inParent = false        // directly inside {{<parent}}: only {{$block}} allowed
        var inDefinition = false    // inside a parent's block definitions
        var definitionIndent: [UInt8]?
    }

    private var atEnd: Bool { pos >= bytes.count }
    private func peek(_ offset: Int = 0) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }
    private func isNewline(at i: Int) -> Bool {
        i < bytes.count && (bytes[i] == 0x0A || (bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A))
    }
    private func newlineLength(at i: Int) -> Int { bytes[i] == 0x0D ? 2 : 1 }

    private mutating func readSpaces() -> [UInt8] {
        let start = pos
        while let b = peek(), b == 0x20 || b == 0x09 { pos += 1 }
        return Array(bytes[start..<pos])
    }

    /// Text up to the next `{{` or line break (not consumed).
    private mutating func readText() -> [UInt8] {
        let start = pos
        while !atEnd {
            if isNewline(at: pos) { break }
            if bytes[pos] == 0x7B, peek(1) == 0x7B { break }
            pos += 1
        }
        return Array(bytes[start..<pos])
    }

    /// After a tag: whether the rest of its line is blank; if so the line break is consumed.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var i = pos
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        if isNewline(at: i) {
            pos = i + newlineLength(at: i)
            return true
        }
        return false
    }

    private mutating func standalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    private static let nameBytes: Set<UInt8> = Set(Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8))

    private mutating func readName(closing: [UInt8] = [0x7D, 0x7D]) throws -> String {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 }
        let start = pos
        // Names may be Chinese (`params.主办单位`): any byte of a multi-byte character.
        while let b = peek(), Self.nameBytes.contains(b) || b == 0x2F || b >= 0x80 { pos += 1 }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 }
        if peek() == 0x28 {
            throw Failure("gongkai 的模板不支持变换（`name(value)`）", en: "transforms (`name(value)`) are not supported by gongkai's renderer")
        }
        guard bytes.count - pos >= closing.count, Array(bytes[pos..<pos + closing.count]) == closing else {
            let closer = String(decoding: closing, as: UTF8.self)
            throw Failure("标签没有正确结束：名称只能含字母、数字、汉字和 . - _ ? *，并以 \(closer) 结束",
                          en: "unfinished tag: a name may hold letters, digits, Chinese characters and . - _ ? *, and ends with \(closer)")
        }
        pos += closing.count
        guard !name.isEmpty else { throw Failure("标签中没有名称", en: "empty tag name") }
        return name
    }

    private mutating func parse(_ initial: State) throws -> ([Node], Bool) {
        typealias Node = Template.Node
        var state = initial
        var nodes: [Node] = []
        var whitespaceBefore: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let ws = readSpaces()
                if state.inDefinition && !state.inParent {
                    if let indent = state.definitionIndent {
                        whitespaceBefore = Array(ws.dropFirst(indent.count))
                    } else {
                        state.definitionIndent = ws
                        whitespaceBefore = []
                    }
                } else {
                    whitespaceBefore = ws
                }
            }
            let text = readText()
            if isNewline(at: pos) {
                let n = newlineLength(at: pos)
                if !state.inParent { nodes.append(.text(whitespaceBefore + text + Array(bytes[pos..<pos + n]))) }
                pos += n
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                if !state.inParent { nodes.append(.text(whitespaceBefore + text)) }
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            tagStart = pos
            pos += 2  // {{
            guard let kind = peek() else { throw Failure("标签没有结束", en: "unfinished tag") }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)); whitespaceBefore = [] }
            }
            if state.inParent && kind != 0x24 && kind != 0x21 && kind != 0x2F {
                throw Failure("{{<\(state.section ?? "")}} 与 {{/\(state.section ?? "")}} 之间只能有 {{$块}} 定义",
                              en: "only {{$block}} sections may appear inside a {{<parent}} tag")
            }
            switch kind {
            case 0x23, 0x5E:  // # ^
                let start = pos - 2
                pos += 1
                let name = try readName()
                refer(.name, name)
                if standalone(state) { setNewLine = true } else { flushWhitespace() }
                var inner = state
                inner.section = name
                inner.sectionStart = start
                inner.sectionSigil = kind == 0x5E ? "^" : "#"
                inner.inParent = false
                if !setNewLine { inner.newLine = false }
                let (children, _) = try parse(inner)
                nodes.append(.section(Template.Path(name), inverted: kind == 0x5E, children))
            case 0x2F:  // /
                pos += 1
                let name = try readName()
                guard name == state.section else {
                    guard let open = state.section else {
                        throw Failure("{{/\(name)}} 没有对应的开始标签", en: "{{/\(name)}} closes no section")
                    }
                    let (line, column) = lineAndColumn(at: state.sectionStart)
                    throw Failure("应为 {{/\(open)}}（对应第 \(line) 行第 \(column) 列的开始标签），却是 {{/\(name)}}",
                                  en: "expected {{/\(open)}} (closing the tag at line \(line), column \(column)), found {{/\(name)}}")
                }
                if !standalone(state) { flushWhitespace() }
                return (nodes, true)
            case 0x21:  // ! comment
                pos += 1
                while !atEnd && !(bytes[pos] == 0x7D && peek(1) == 0x7D) { pos += 1 }
                guard !atEnd else { throw Failure("注释没有结束（缺少 }}）", en: "unfinished comment (no }})") }
                pos += 2
                setNewLine = standalone(state)
            case 0x7B:  // { unescaped
                flushWhitespace()
                pos += 1
                let name = try readName(closing: [0x7D, 0x7D, 0x7D])
                refer(.name, name)
                nodes.append(.variable(Template.Path(name), escaped: false))
            case 0x26:  // & unescaped
                flushWhitespace()
                pos += 1
                let name = try readName()
                refer(.name, name)
                nodes.append(.variable(Template.Path(name), escaped: false))
            case 0x3E:  // > partial
                pos += 1
                if peek() == 0x2A || (peek() == 0x20 && peek(1) == 0x2A) {
                    throw Failure("gongkai 的模板不支持动态 partial（{{>*name}}）", en: "dynamic partials are not supported by gongkai's renderer")
                }
                let name = try readName()
                refer(.partial, name)
                flushWhitespaceForPartial(&nodes, whitespaceBefore)
                let indentation = whitespaceBefore
                whitespaceBefore = []
                if standalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: indentation))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
            case 0x3C:  // < parent
                let start = pos - 2
                pos += 1
                let name = try readName()
                refer(.parent, name)
                flushWhitespaceForPartial(&nodes, whitespaceBefore)
                if standalone(state) { setNewLine = true }
                var inner = state
                inner.section = name
                inner.sectionStart = start
                inner.sectionSigil = "<"
                inner.parentName = name
                inner.newLine = true
                inner.inParent = true
                inner.inDefinition = true
                inner.definitionIndent = nil
                let (children, _) = try parse(inner)
                var blocks: [String: [Node]] = [:]
                for child in children {
                    if case .block(let blockName, let content, _) = child { blocks[blockName] = content }
                }
                nodes.append(.parent(name, blocks: blocks, indentation: whitespaceBefore))
                whitespaceBefore = []
            case 0x24:  // $ block
                let start = pos - 2
                pos += 1
                let name = try readName()
                if state.inParent {
                    refer(.override(parent: state.parentName ?? ""), name)
                    if standalone(state) { setNewLine = true }
                    var inner = state
                    inner.section = name
                    inner.sectionStart = start
                    inner.sectionSigil = "$"
                    inner.inParent = false
                    if !setNewLine { inner.newLine = false }
                    let (children, _) = try parse(inner)
                    nodes.append(.block(name, children, indentation: nil))
                } else {
                    refer(.block, name)
                    flushWhitespaceForPartial(&nodes, whitespaceBefore)
                    if standalone(state) { setNewLine = true }
                    var inner = state
                    inner.section = name
                    inner.sectionStart = start
                    inner.sectionSigil = "$"
                    if !setNewLine { inner.newLine = false }
                    let (children, _) = try parse(inner)
                    nodes.append(.block(name, children, indentation: whitespaceBefore))
                    whitespaceBefore = []
                }
            case 0x3D:
                throw Failure("gongkai 的模板不支持改变分隔符（{{=…=}}）", en: "set-delimiter tags ({{=…=}}) are not supported by gongkai's renderer")
            case 0x25:
                throw Failure("gongkai 的模板不支持 pragma（{{%…}}）", en: "pragmas ({{%…}}) are not supported by gongkai's renderer")
            default:
                flushWhitespace()
                let name = try readName()
                refer(.name, name)
                nodes.append(.variable(Template.Path(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            let kind = state.sectionSigil
            throw Failure("{{\(kind)\(section)}} 没有闭合：模板结束前缺少 {{/\(section)}}",
                          en: "{{\(kind)\(section)}} is never closed: {{/\(section)}} is missing before the end of the template",
                          at: state.sectionStart)
        }
        return (nodes, false)
    }

    /// swift-mustache writes a partial's leading whitespace as text and also indents the partial by it.
    private func flushWhitespaceForPartial(_ nodes: inout [Template.Node], _ ws: [UInt8]) {
        if !ws.isEmpty { nodes.append(.text(ws)) }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    private func lineAndColumn(at offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[0..<min(offset, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

private typealias Node = Template.Node
