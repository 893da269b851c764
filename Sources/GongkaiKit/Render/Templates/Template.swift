// A compiled Mustache template: parsed once into nodes, rendered into UTF-8 bytes.

/// A parsed template.
///
/// gongkai renders themes with its own compiled renderer, written for speed on tens of
/// thousands of pages; tests render the seeds' pages with it and with swift-mustache (the
/// reference) and compare the bytes. It supports the Mustache that swift-mustache supports
/// except set-delimiter tags, pragmas, transforms and dynamic partials, which a theme is told
/// about when it loads; names may be Chinese (`{{params.主办单位}}`).
struct Template: Sendable {
    enum Node: Sendable {
        case text([UInt8])
        case variable(Path, escaped: Bool)
        case section(Path, inverted: Bool, [Node])
        case partial(String, indentation: [UInt8]?)
        /// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`: a partial with block overrides.
        case parent(String, blocks: [String: [Node]], indentation: [UInt8]?)
        /// `{{$block}}default{{/block}}` in a template that others inherit from.
        case block(String, [Node], indentation: [UInt8]?)
    }

    /// A dotted name: `site.title`, `.` (the current value), `.name` (no lookup in outer contexts).
    struct Path: Sendable, Hashable {
        var names: [String]
        var anchored: Bool
        var isDot: Bool { names.isEmpty }

        init(_ text: String) {
            if text == "." {
                names = []
                anchored = true
            } else {
                anchored = text.hasPrefix(".")
                names = text.split(separator: ".").map(String.init)
            }
        }
    }

    var nodes: [Node]
    /// What the template refers to, in order, for the theme's checks (`ThemeCheck`).
    var references: [Reference] = []

    /// A name, partial, parent or block in a tag, at the tag's line and column (1-based).
    struct Reference: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// `{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}`.
            case name
            case partial
            case parent
            /// `{{$block}}` with its default content.
            case block
            /// `{{$block}}` inside `{{<parent}}`: replaces the parent's block.
            case override(parent: String)
        }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }
}

/// A template that does not parse, with its line and column (1-based).
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: Localized
}
