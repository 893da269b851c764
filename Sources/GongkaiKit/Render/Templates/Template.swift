// A compiled Mustache template: parsed once into nodes, rendered into UTF-8 bytes.

/// A parsed template.
///
/// gongkai renders themes with its own compiled renderer, written for speed on tens of
/// thousands of pages, and checks every template with swift-mustache when the theme loads
/// (`Theme.load`); tests render the seeds' pages with both and compare the bytes. It
/// supports the Mustache that swift-mustache supports except set-delimiter tags, pragmas,
/// transforms and dynamic partials, which a theme is told about when it loads.
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
}

/// A template that does not parse, with its line and column (1-based).
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
}
