// Rendering compiled templates into UTF-8 bytes, with byte-level HTML escaping.

/// A set of templates that can include one another by name.
struct TemplateLibrary: Sendable {
    private let program: TemplateProgram

    init(templates: [String: Template]) {
        program = TemplateProgram(templates)
    }

    /// Renders `name` with `value` as the context.
    func render(_ name: String, _ value: TemplateValue) throws -> [UInt8] {
        guard let template = program.index[name] else { throw TemplateRenderError(message: Localized(zh: "没有模板 ‘\(name)’", en: "no template ‘\(name)’")) }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var context = Context(stack: [value], blocks: [], depth: 0)
        try render(program.templates[template], &context, into: &out)
        return out
    }

    private struct Context {
        var stack: [TemplateValue]
        /// Block overrides in force: block name number → the operations that replace it.
        var blocks: [(name: Int32, ops: Range<Int>)]
        var depth: Int
    }

    private func render(_ range: Range<Int>, _ context: inout Context, into out: inout [UInt8]) throws {
        let ops = program.ops
        var i = range.lowerBound
        while i < range.upperBound {
            let op = ops[i]
            switch op.kind {
            case .text:
                out.append(contentsOf: program.bytes(op.a, op.b))
                i += 1
            case .variable:
                if let value = lookup(program.paths[Int(op.a)], in: context.stack) { write(value, escaped: op.flag, into: &out) }
                i += 1
            case .section:
                let children = i + 1..<Int(op.b)
                let value = lookup(program.paths[Int(op.a)], in: context.stack) ?? .null
                i = Int(op.b)
                if op.flag {
                    if !isTruthy(value) { try render(children, &context, into: &out) }
                    continue
                }
                switch value {
                case .null: break
                case .bool(let b): if b { try render(children, &context, into: &out) }
                case .list(let items):
                    for item in items {
                        context.stack.append(item)
                        try render(children, &context, into: &out)
                        context.stack.removeLast()
                    }
                default:
                    context.stack.append(value)
                    try render(children, &context, into: &out)
                    context.stack.removeLast()
                }
            case .partial:
                try include(op.a, blocks: [], indentation: op, &context, into: &out)
                i += 1
            case .parent:
                // Its block definitions follow it, each with its operations.
                var definitions: [(name: Int32, ops: Range<Int>)] = []
                var d = i + 1
                while d < Int(op.b) {
                    definitions.append((ops[d].a, d + 1..<Int(ops[d].b)))
                    d = Int(ops[d].b)
                }
                try include(op.a, blocks: definitions, indentation: op, &context, into: &out)
                i = Int(op.b)
            case .block:
                let content = context.blocks.first(where: { $0.name == op.a })?.ops ?? (i + 1..<Int(op.b))
                i = Int(op.b)
                if op.indentLength > 0 {
                    var inner: [UInt8] = []
                    try render(content, &context, into: &inner)
                    indent(inner, by: program.bytes(op.indent, op.indentLength), into: &out)
                } else {
                    try render(content, &context, into: &out)
                }
            case .definition:
                i = Int(op.b)
            }
        }
    }

    private func include(_ template: Int32, blocks: [(name: Int32, ops: Range<Int>)], indentation op: TemplateProgram.Op,
                         _ context: inout Context, into out: inout [UInt8]) throws {
        guard template >= 0 else { return }  // a partial no template has: nothing
        guard context.depth < 64 else {
            throw TemplateRenderError(message: Localized(
                zh: "partial 嵌套超过 64 层（‘\(program.names[Int(template)])’ 包含了它自己？）",
                en: "partials nested more than 64 deep (‘\(program.names[Int(template)])’ includes itself?)"))
        }
        let saved = context.blocks
        // Outer overrides win over inner ones, as in swift-mustache.
        for block in blocks where !context.blocks.contains(where: { $0.name == block.name }) { context.blocks.append(block) }
        context.depth += 1
        defer {
            context.depth -= 1
            context.blocks = saved
        }
        let ops = program.templates[Int(template)]
        if op.indentLength > 0 {
            var inner: [UInt8] = []
            try render(ops, &context, into: &inner)
            indent(inner, by: program.bytes(op.indent, op.indentLength), into: &out)
        } else {
            try render(ops, &context, into: &out)
        }
    }

    /// Indents every line but the first (the tag's own whitespace indents that one).
    private func indent(_ text: [UInt8], by indentation: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var atLineStart = false
        for b in text {
            if atLineStart { out.append(contentsOf: indentation) }
            atLineStart = false
            out.append(b)
            if b == 0x0A { atLineStart = true }
        }
    }

    private func lookup(_ path: TemplateProgram.Path, in stack: [TemplateValue]) -> TemplateValue? {
        let names = path.names
        if names.isEmpty { return stack.last }
        // The frames are read in place, innermost first (no copy of a frame that lacks the name).
        var value: TemplateValue? = stack.withUnsafeBufferPointer { frames in
            if path.anchored { return frames[frames.count - 1].member(names[0]) }
            var k = frames.count - 1
            while k >= 0 {
                if let found = frames[k].member(names[0]) { return found }
                k -= 1
            }
            return nil
        }
        var i = 1
        while i < names.count {
            guard let current = value else { return nil }
            value = current.member(names[i])
            i += 1
        }
        return value
    }

    private func isTruthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let b): b
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    private func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .null: break
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s):
            if escaped { HTML.escape(s, into: &out) } else { out.append(contentsOf: s.utf8) }
        case .list, .object: break
        }
    }
}

/// The templates of a library as one flat list of operations, over memory that lives as long
/// as the library: rendering an operation copies no reference-counted value (the parsed tree
/// retained and released the text, path and children of every node on every page).
///
/// A section, parent or block is followed by its operations and records where they end; a
/// parent's are its block definitions, each followed by its own.
final class TemplateProgram: @unchecked Sendable {
    struct Op {
        enum Kind: UInt8 { case text, variable, section, partial, parent, block, definition }
        var kind: Kind
        /// Escaped (variable), inverted (section).
        var flag = false
        /// Text: start in `pool`; variable, section: path number; partial, parent: template
        /// number (-1 for none); block, definition: block name number.
        var a: Int32 = 0
        /// Text: length; section, parent, block, definition: the end of its operations.
        var b: Int32 = 0
        /// The indentation of a partial, parent or block, in `pool`.
        var indent: Int32 = 0
        var indentLength: Int32 = 0
    }

    struct Path {
        var names: UnsafeBufferPointer<String>
        var anchored: Bool
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let paths: UnsafeMutableBufferPointer<Path>
    /// Template name → number; `templates[n]` its operations, `names[n]` its name.
    let index: [String: Int]
    let templates: [Range<Int>]
    let names: [String]
    private let pool: UnsafeMutableBufferPointer<UInt8>
    private let pathNames: UnsafeMutableBufferPointer<String>

    init(_ parsed: [String: Template]) {
        var ops: [Op] = []
        var pool: [UInt8] = []
        var paths: [(start: Int, count: Int, anchored: Bool)] = []
        var pathNames: [String] = []
        var blockNames: [String: Int32] = [:]
        let names = parsed.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        func bytes(_ b: [UInt8]) -> (Int32, Int32) {
            pool.append(contentsOf: b)
            return (Int32(pool.count - b.count), Int32(b.count))
        }
        func path(_ p: Template.Path) -> Int32 {
            paths.append((pathNames.count, p.names.count, p.anchored))
            pathNames.append(contentsOf: p.names)
            return Int32(paths.count - 1)
        }
        func block(_ name: String) -> Int32 {
            if let n = blockNames[name] { return n }
            blockNames[name] = Int32(blockNames.count)
            return Int32(blockNames.count - 1)
        }
        func indented(_ op: Op, _ indentation: [UInt8]?) -> Op {
            var op = op
            if let indentation, !indentation.isEmpty { (op.indent, op.indentLength) = bytes(indentation) }
            return op
        }
        /// Appends `op`, then the operations `body` appends, and records where they end.
        func nest(_ op: Op, _ body: () -> Void) {
            let at = ops.count
            ops.append(op)
            body()
            ops[at].b = Int32(ops.count)
        }
        func compile(_ nodes: [Template.Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    guard !text.isEmpty else { continue }
                    let (start, length) = bytes(text)
                    ops.append(Op(kind: .text, a: start, b: length))
                case .variable(let p, let escaped):
                    ops.append(Op(kind: .variable, flag: escaped, a: path(p)))
                case .section(let p, let inverted, let children):
                    nest(Op(kind: .section, flag: inverted, a: path(p))) { compile(children) }
                case .partial(let name, let indentation):
                    ops.append(indented(Op(kind: .partial, a: Int32(index[name] ?? -1)), indentation))
                case .parent(let name, let blocks, let indentation):
                    nest(indented(Op(kind: .parent, a: Int32(index[name] ?? -1)), indentation)) {
                        for (blockName, children) in blocks.sorted(by: { $0.key < $1.key }) {
                            nest(Op(kind: .definition, a: block(blockName))) { compile(children) }
                        }
                    }
                case .block(let name, let defaults, let indentation):
                    nest(indented(Op(kind: .block, a: block(name)), indentation)) { compile(defaults) }
                }
            }
        }
        var templates: [Range<Int>] = []
        for name in names {
            let start = ops.count
            compile(parsed[name]!.nodes)
            templates.append(start..<ops.count)
        }
        self.ops = .allocate(capacity: ops.count)
        _ = self.ops.initialize(from: ops)
        self.pool = .allocate(capacity: pool.count)
        _ = self.pool.initialize(from: pool)
        self.pathNames = .allocate(capacity: pathNames.count)
        _ = self.pathNames.initialize(from: pathNames)
        self.paths = .allocate(capacity: paths.count)
        for (k, p) in paths.enumerated() {
            let names = UnsafeBufferPointer(rebasing: self.pathNames[p.start..<p.start + p.count])
            (self.paths.baseAddress! + k).initialize(to: Path(names: names, anchored: p.anchored))
        }
        self.index = index
        self.templates = templates
        self.names = names
    }

    deinit {
        ops.deallocate()
        pool.deallocate()
        paths.deallocate()
        pathNames.deinitialize()
        pathNames.deallocate()
    }

    @inline(__always)
    func bytes(_ start: Int32, _ length: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: pool[Int(start)..<Int(start) + Int(length)])
    }
}

struct TemplateRenderError: Error, Equatable {
    var message: Localized
}

enum HTML {
    /// Appends `s` escaped for HTML text and attributes (`& < > " '`), as swift-mustache escapes.
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            // Most text has none of the five: copied whole.
            if !ByteScan.containsAny(bytes, 0x26, 0x3C, 0x3E, 0x22, 0x27) {
                out.append(contentsOf: bytes)
                return
            }
            var start = 0
            for i in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[i] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }

    static func escape(_ s: String) -> String {
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
