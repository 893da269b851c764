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

    /// Several texts in one pass through cmark: they are separated by thematic breaks, which
    /// escaped text can never produce, and split apart again in the HTML.
    static func html(_ texts: [String]) -> [String] {
        guard texts.count > 1 else { return texts.map(html) }
        let joined = texts.map(markdown).joined(separator: "\n***\n\n")
        let parts = CommonMark.html(joined).components(separatedBy: "<hr />\n")
        return parts.count == texts.count ? parts : texts.map(html)
    }

    /// The Markdown gongkai gives cmark for a narrative text.
    static func markdown(_ text: String) -> String {
        var blocks: [String] = []
        for paragraph in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let p = String(Substring(paragraph)).trimmingWhitespace()
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
    static func escape(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            if (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b) {
                out.append(0x5C)
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits `前言 1、甲；2、乙。3、丙` into (`前言`, [`甲；`, `乙。`, `丙`]) when the numbers run 1, 2, 3…;
    /// returns no items otherwise. Numbers inside other numbers (`1.5倍`, `2021年`) do not count.
    static func enumeration(in text: String) -> (String, [String]) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        @inline(__always) func isDigit(_ i: Int) -> Bool { i >= 0 && i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var marks: [(start: Int, end: Int)] = []
        var expected = 1
        var i = 0
        while i < n {
            guard isDigit(i) else { i += 1; continue }
            let start = i
            while isDigit(i) { i += 1 }
            let digits = i - start
            // Not part of a longer number: `1.5`, `v2.3`, `12`.
            if start > 0 && (isDigit(start - 1) || bytes[start - 1] == 0x2E) { continue }
            if start >= 3 && bytes[start - 3] == 0xEF && bytes[start - 2] == 0xBC && bytes[start - 1] == 0x8E { continue }
            guard digits <= 2, i < n else { continue }
            let number = bytes[start..<i].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            var end: Int?
            if i + 2 < n, bytes[i] == 0xE3, bytes[i + 1] == 0x80, bytes[i + 2] == 0x81 {
                end = i + 3  // 、
            } else if bytes[i] == 0x2E, !isDigit(i + 1) {
                end = i + 1  // .
            } else if i + 2 < n, bytes[i] == 0xEF, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x8E, !isDigit(i + 3) {
                end = i + 3  // ．
            }
            if let end, number == expected {
                marks.append((start, end))
                expected += 1
                i = end
            }
        }
        guard marks.count >= 2 else { return (text, []) }
        func slice(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self).trimmingWhitespace() }
        let intro = slice(0, marks[0].start)
        var items: [String] = []
        for (k, mark) in marks.enumerated() {
            let end = k + 1 < marks.count ? marks[k + 1].start : n
            items.append(slice(mark.end, end))
        }
        return (intro, items)
    }
}
