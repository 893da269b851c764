// Narrative text → safe HTML through libcmark: paragraphs and numbered items, nothing else.

/// Renders a narrative section's plain text as HTML.
///
/// The text comes from form cells, so it is not Markdown: every ASCII punctuation
/// character is backslash-escaped before cmark sees it (so `80人*2000` is not emphasis
/// and `<script>` is text), and cmark's safe mode drops raw HTML and `javascript:`
/// links besides. Paragraph breaks become paragraphs; inline enumerations
/// (`1、… 2、… 3、…`) become ordered lists.
enum Narrative {
    static func html(_ text: String) -> String {
        CommonMark.html(markdown(text))
    }

    /// The Markdown gongkai gives cmark for a narrative text.
    static func markdown(_ text: String) -> String {
        var blocks: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let p = paragraph.trimmingWhitespace()
            guard !p.isEmpty else { continue }
            let (intro, items) = enumeration(in: p)
            if items.count >= 2 {
                if !intro.isEmpty { blocks.append(escape(intro)) }
                blocks.append(items.enumerated().map { "\($0.offset + 1). " + escape($0.element) }.joined(separator: "\n"))
            } else {
                blocks.append(escape(p))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Backslash-escapes every ASCII punctuation character (CommonMark allows this for all of them).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v) || (0x7B...0x7E).contains(v) {
                out.unicodeScalars.append("\\")
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Splits `前言 1、甲；2、乙。3、丙` into (`前言`, [`甲；`, `乙。`, `丙`]) when the numbers run 1, 2, 3…;
    /// returns no items otherwise. Numbers inside other numbers (`1.5倍`, `2021年`) do not count.
    static func enumeration(in text: String) -> (String, [String]) {
        let scalars = Array(text.unicodeScalars)
        var marks: [(start: Int, end: Int)] = []
        var expected = 1
        var i = 0
        while i < scalars.count {
            let digits = scalars[i...].prefix(while: { $0.value >= 0x30 && $0.value <= 0x39 })
            guard !digits.isEmpty else { i += 1; continue }
            let start = i
            i += digits.count
            let precededByDigitOrPoint = start > 0 && (scalars[start - 1].properties.numericType != nil || scalars[start - 1] == "." || scalars[start - 1] == "．")
            guard !precededByDigitOrPoint, digits.count <= 2, i < scalars.count,
                let number = Int(String(String.UnicodeScalarView(digits)))
            else { continue }
            let separator = scalars[i]
            let isMark = separator == "、" || ((separator == "." || separator == "．") && i + 1 < scalars.count
                && scalars[i + 1].properties.numericType == nil)
            if isMark && number == expected {
                marks.append((start, i + 1))
                expected += 1
            }
        }
        guard marks.count >= 2 else { return (text, []) }
        func slice(_ a: Int, _ b: Int) -> String {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars[a..<b])
            return s.trimmingWhitespace()
        }
        let intro = slice(0, marks[0].start)
        var items: [String] = []
        for (k, mark) in marks.enumerated() {
            let end = k + 1 < marks.count ? marks[k + 1].start : scalars.count
            items.append(slice(mark.end, end))
        }
        return (intro, items)
    }
}
