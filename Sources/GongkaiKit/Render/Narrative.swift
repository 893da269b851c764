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
        let parts = split(CommonMark.html(joined), on: Array("<hr />\n".utf8))
        return parts.count == texts.count ? parts : texts.map(html)
    }

    /// `text` cut at every occurrence of `separator` (bytes, not Characters: the HTML is long).
    static func split(_ text: String, on separator: [UInt8]) -> [String] {
        var text = text
        return text.withUTF8 { buf in
            separator.withUnsafeBufferPointer { sep in
                var parts: [String] = []
                var start = 0
                while let i = ByteSearch.firstIndex(of: sep, in: UnsafeBufferPointer(rebasing: buf[start...])) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<start + i]), as: UTF8.self))
                    start += i + sep.count
                }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start...]), as: UTF8.self))
                return parts
            }
        }
    }

    /// The Markdown gongkai gives cmark for a narrative text.
    static func markdown(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            var lineStart = 0
            var first = true
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if let paragraph = trimmed(bytes, lineStart, lineEnd) {
                    if !first { out.append(0x0A); out.append(0x0A) }
                    first = false
                    appendParagraph(paragraph, to: &out)
                }
                lineStart = lineEnd + 1
            }
            out.append(0x0A)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One paragraph: escaped text, or an intro and an ordered list when it enumerates.
    private static func appendParagraph(_ p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let marks = enumerationMarks(p)
        guard marks.count >= 2 else { appendEscaped(p, to: &out); return }
        if let intro = trimmed(p, 0, marks[0].start) {
            appendEscaped(intro, to: &out)
            out.append(0x0A); out.append(0x0A)
        }
        for (k, mark) in marks.enumerated() {
            if k > 0 { out.append(0x0A) }
            out.append(contentsOf: String(k + 1).utf8)
            out.append(0x2E); out.append(0x20)
            let end = k + 1 < marks.count ? marks[k + 1].start : p.count
            if let item = trimmed(p, mark.end, end) { appendEscaped(item, to: &out) }
        }
    }

    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8>? {
        let r = CellText.trimmedRange(b, start, end)
        return r.isEmpty ? nil : UnsafeBufferPointer(rebasing: b[r])
    }

    /// Backslash-escapes every ASCII punctuation character (CommonMark allows this for all of them).
    static func escape(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var s = String(text)
        s.withUTF8 { appendEscaped($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for b in text {
            if (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b) {
                out.append(0x5C)
            }
            out.append(b)
        }
    }

    /// Splits `前言 1、甲；2、乙。3、丙` into (`前言`, [`甲；`, `乙。`, `丙`]) when the numbers run 1, 2, 3…;
    /// returns no items otherwise. Numbers inside other numbers (`1.5倍`, `2021年`) do not count.
    static func enumeration(in text: String) -> (String, [String]) {
        var text = text
        return text.withUTF8 { p in
            let marks = enumerationMarks(p)
            guard marks.count >= 2 else { return (String(decoding: p, as: UTF8.self), []) }
            func slice(_ a: Int, _ b: Int) -> String { trimmed(p, a, b).map { String(decoding: $0, as: UTF8.self) } ?? "" }
            var items: [String] = []
            for (k, mark) in marks.enumerated() {
                items.append(slice(mark.end, k + 1 < marks.count ? marks[k + 1].start : p.count))
            }
            return (slice(0, marks[0].start), items)
        }
    }

    /// Where the numbers `1、` `2.` `3．` … of an inline enumeration start and end, in order from 1.
    private static func enumerationMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
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
            var number = 0
            for k in start..<i { number = number * 10 + Int(bytes[k] - 0x30) }
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
        return marks
    }
}
