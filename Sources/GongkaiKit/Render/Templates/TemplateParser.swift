// Parsing Mustache into nodes, with the standalone-line rules of the Mustache spec
// exactly as swift-mustache applies them (so both render the same bytes).

struct TemplateParser {
    private let bytes: [UInt8]
    private var pos = 0
    /// Where the tag being read starts, for error positions.
    private var tagStart: Int?

    static func parse(_ text: String) throws -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            let (nodes, _) = try parser.parse(State())
            return Template(nodes: nodes)
        } catch let error as Failure {
            let (line, column) = parser.lineAndColumn(at: min(parser.tagStart ?? parser.pos, parser.bytes.count))
            throw TemplateSyntaxError(line: line, column: column, message: error.message)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Failure: Error { var message: String }

    private struct State {
        var section: String?
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
        while let b = peek(), Self.nameBytes.contains(b) || b == 0x2F { pos += 1 }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 }
        if peek() == 0x28 { throw Failure(message: "transforms (`name(value)`) are not supported by gongkai's renderer") }
        guard bytes.count - pos >= closing.count, Array(bytes[pos..<pos + closing.count]) == closing else {
            throw Failure(message: "unfinished tag name")
        }
        pos += closing.count
        guard !name.isEmpty else { throw Failure(message: "empty tag name") }
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
            guard let kind = peek() else { throw Failure(message: "unfinished tag") }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)); whitespaceBefore = [] }
            }
            if state.inParent && kind != 0x24 && kind != 0x21 && kind != 0x2F {
                throw Failure(message: "only {{$block}} sections may appear inside a {{<parent}} tag")
            }
            switch kind {
            case 0x23, 0x5E:  // # ^
                pos += 1
                let name = try readName()
                if standalone(state) { setNewLine = true } else { flushWhitespace() }
                var inner = state
                inner.section = name
                inner.inParent = false
                if !setNewLine { inner.newLine = false }
                let (children, _) = try parse(inner)
                nodes.append(.section(Template.Path(name), inverted: kind == 0x5E, children))
            case 0x2F:  // /
                pos += 1
                let name = try readName()
                guard name == state.section else {
                    throw Failure(message: state.section.map { "expected {{/\($0)}}, found {{/\(name)}}" } ?? "{{/\(name)}} closes no section")
                }
                if !standalone(state) { flushWhitespace() }
                return (nodes, true)
            case 0x21:  // ! comment
                pos += 1
                while !atEnd && !(bytes[pos] == 0x7D && peek(1) == 0x7D) { pos += 1 }
                guard !atEnd else { throw Failure(message: "unfinished comment") }
                pos += 2
                setNewLine = standalone(state)
            case 0x7B:  // { unescaped
                flushWhitespace()
                pos += 1
                let name = try readName(closing: [0x7D, 0x7D, 0x7D])
                nodes.append(.variable(Template.Path(name), escaped: false))
            case 0x26:  // & unescaped
                flushWhitespace()
                pos += 1
                nodes.append(.variable(Template.Path(try readName()), escaped: false))
            case 0x3E:  // > partial
                pos += 1
                if peek() == 0x2A || (peek() == 0x20 && peek(1) == 0x2A) { throw Failure(message: "dynamic partials are not supported by gongkai's renderer") }
                let name = try readName()
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
                pos += 1
                let name = try readName()
                flushWhitespaceForPartial(&nodes, whitespaceBefore)
                if standalone(state) { setNewLine = true }
                var inner = state
                inner.section = name
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
                pos += 1
                let name = try readName()
                if state.inParent {
                    if standalone(state) { setNewLine = true }
                    var inner = state
                    inner.section = name
                    inner.inParent = false
                    if !setNewLine { inner.newLine = false }
                    let (children, _) = try parse(inner)
                    nodes.append(.block(name, children, indentation: nil))
                } else {
                    flushWhitespaceForPartial(&nodes, whitespaceBefore)
                    if standalone(state) { setNewLine = true }
                    var inner = state
                    inner.section = name
                    if !setNewLine { inner.newLine = false }
                    let (children, _) = try parse(inner)
                    nodes.append(.block(name, children, indentation: whitespaceBefore))
                    whitespaceBefore = []
                }
            case 0x3D:
                throw Failure(message: "set-delimiter tags ({{=…=}}) are not supported by gongkai's renderer")
            case 0x25:
                throw Failure(message: "pragmas ({{%…}}) are not supported by gongkai's renderer")
            default:
                flushWhitespace()
                nodes.append(.variable(Template.Path(try readName()), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            tagStart = nil
            throw Failure(message: "expected {{/\(section)}} before the end of the template")
        }
        return (nodes, false)
    }

    /// swift-mustache writes a partial's leading whitespace as text and also indents the partial by it.
    private func flushWhitespaceForPartial(_ nodes: inout [Template.Node], _ ws: [UInt8]) {
        if !ws.isEmpty { nodes.append(.text(ws)) }
    }

    private func lineAndColumn(at offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[0..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

private typealias Node = Template.Node
