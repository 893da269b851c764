// Rendering compiled templates into UTF-8 bytes, with byte-level HTML escaping.

/// A set of templates that can include one another by name.
struct TemplateLibrary: Sendable {
    var templates: [String: Template]

    /// Renders `name` with `value` as the context.
    func render(_ name: String, _ value: TemplateValue) throws -> [UInt8] {
        guard let template = templates[name] else { throw TemplateRenderError(message: "no template ‘\(name)’") }
        var out = Output()
        out.bytes.reserveCapacity(16 * 1024)
        var context = Context(stack: [value], blocks: [:], depth: 0)
        try render(template.nodes, &context, into: &out)
        return out.bytes
    }

    private struct Context {
        var stack: [TemplateValue]
        var blocks: [String: [Template.Node]]
        var depth: Int
    }

    private struct Output {
        var bytes: [UInt8] = []
    }

    private func render(_ nodes: [Template.Node], _ context: inout Context, into out: inout Output) throws {
        // By index, not `for node in nodes`: each node is read in place, not copied out (a
        // copy retains and releases its payload, on every node of every page).
        for n in nodes.indices {
            switch nodes[n] {
            case .text(let text):
                out.bytes.append(contentsOf: text)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: context.stack) else { continue }
                write(value, escaped: escaped, into: &out.bytes)
            case .section(let path, let inverted, let children):
                let value = lookup(path, in: context.stack) ?? .null
                if inverted {
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
            case .partial(let name, let indentation):
                try include(name, blocks: [:], indentation: indentation, &context, into: &out)
            case .parent(let name, let blocks, let indentation):
                try include(name, blocks: blocks, indentation: indentation, &context, into: &out)
            case .block(let name, let defaults, let indentation):
                let content = context.blocks[name] ?? defaults
                if let indentation, !indentation.isEmpty {
                    var inner = Output()
                    try render(content, &context, into: &inner)
                    indent(inner.bytes, by: indentation, into: &out.bytes)
                } else {
                    try render(content, &context, into: &out)
                }
            }
        }
    }

    private func include(_ name: String, blocks: [String: [Template.Node]], indentation: [UInt8]?,
                         _ context: inout Context, into out: inout Output) throws {
        guard let template = templates[name] else { return }
        guard context.depth < 64 else {
            throw TemplateRenderError(message: "partials nested more than 64 deep (‘\(name)’ includes itself?)")
        }
        let saved = context.blocks
        // Outer overrides win over inner ones, as in swift-mustache.
        context.blocks.merge(blocks) { outer, _ in outer }
        context.depth += 1
        defer {
            context.depth -= 1
            context.blocks = saved
        }
        if let indentation, !indentation.isEmpty {
            var inner = Output()
            try render(template.nodes, &context, into: &inner)
            indent(inner.bytes, by: indentation, into: &out.bytes)
        } else {
            try render(template.nodes, &context, into: &out)
        }
    }

    /// Indents every line but the first (the tag's own whitespace indents that one).
    private func indent(_ text: [UInt8], by indentation: [UInt8], into out: inout [UInt8]) {
        var atLineStart = false
        for b in text {
            if atLineStart { out.append(contentsOf: indentation) }
            atLineStart = false
            out.append(b)
            if b == 0x0A { atLineStart = true }
        }
    }

    private func lookup(_ path: Template.Path, in stack: [TemplateValue]) -> TemplateValue? {
        if path.isDot { return stack.last }
        let names = path.names
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

struct TemplateRenderError: Error, Equatable {
    var message: String
}

enum HTML {
    /// Appends `s` escaped for HTML text and attributes (`& < > " '`), as swift-mustache escapes.
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
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
