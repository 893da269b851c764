// Narrative text → safe HTML (as libcmark makes it): paragraphs and numbered items, nothing else.

/// Renders a narrative section's plain text as HTML.
///
/// The text comes from form cells, so it is not Markdown: every ASCII punctuation
/// character is backslash-escaped before cmark sees it (so `80人*2000` is not emphasis
/// and `<script>` is text), and cmark's safe mode drops raw HTML and `javascript:`
/// links besides. Paragraph breaks become paragraphs; inline enumerations
/// (`1、… 2、… 3、…`) become ordered lists.
enum Narrative {
    /// The HTML of one text: written directly when cmark would only escape it (the usual
    /// case), through cmark otherwise (`reference`).
    static func html(_ text: String) -> String {
        direct(text) ?? reference(text)
    }

    static func html(_ texts: [String]) -> [String] {
        texts.map(html)
    }

    /// What cmark makes of the text's Markdown: the reference the direct path must equal.
    static func reference(_ text: String) -> String {
        CommonMark.html(markdown(text))
    }

    /// The HTML cmark would make of `markdown(text)`, without cmark, or nil when the text is one
    /// of the few whose Markdown cmark reads otherwise than paragraph by paragraph.
    ///
    /// Every ASCII punctuation character is escaped in that Markdown and every line trimmed,
    /// so cmark sees no inline markup and no block marker but our own `1. ` items: a paragraph
    /// is `<p>` and its text, HTML-escaped as cmark escapes (`& < > "`); an enumeration is a
    /// tight ordered list. Left to cmark: a CR or NUL (cmark reads a CR as a line break and
    /// replaces NUL), an empty item, and a list right after a list (cmark joins the two into
    /// one loose list).
    static func direct(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            if bytes.contains(where: { $0 == 0x0D || $0 == 0x00 }) { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var afterList = false
            let complete = forEachParagraph(bytes) { p in
                let marks = enumerationMarks(p)
                if marks.count < 2 {
                    appendHTMLParagraph(p, to: &out)
                    afterList = false
                    return true
                }
                if let intro = trimmed(p, 0, marks[0].start) {
                    appendHTMLParagraph(intro, to: &out)
                } else if afterList {
                    return false
                }
                appendASCII("<ol>\n", to: &out)
                for (k, mark) in marks.enumerated() {
                    let end = k + 1 < marks.count ? marks[k + 1].start : p.count
                    guard let item = trimmed(p, mark.end, end) else { return false }
                    appendASCII("<li>", to: &out)
                    appendHTMLEscaped(item, to: &out)
                    appendASCII("</li>\n", to: &out)
                }
                appendASCII("</ol>\n", to: &out)
                afterList = true
                return true
            }
            return complete ? String(decoding: out, as: UTF8.self) : nil
        }
    }

    /// Calls `body` with each block of text the page shows for `bytes`: a paragraph, or an
    /// enumeration's intro and each of its items (without the `1、` marks the list numbers
    /// replace). The search index takes a section block by block, as the page shows it.
    static func forEachBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachParagraph(bytes) { p in
            let marks = enumerationMarks(p)
            guard marks.count >= 2 else { body(p); return true }
            if let intro = trimmed(p, 0, marks[0].start) { body(intro) }
            for (k, mark) in marks.enumerated() {
                let end = k + 1 < marks.count ? marks[k + 1].start : p.count
                if let item = trimmed(p, mark.end, end) { body(item) }
            }
            return true
        }
    }

    /// Calls `body` with each paragraph of `bytes` (a line, trimmed, when anything is left of
    /// it), until it returns false; false when it did.
    @discardableResult
    private static func forEachParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let p = trimmed(bytes, lineStart, lineEnd), !body(p) { return false }
            lineStart = lineEnd + 1
        }
        return true
    }

    @inline(__always)
    private static func appendASCII(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static func appendHTMLParagraph(_ p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendASCII("<p>", to: &out)
        appendHTMLEscaped(p, to: &out)
        appendASCII("</p>\n", to: &out)
    }

    /// `text` escaped as cmark escapes text: `&`, `<`, `>` and `"` (not `'`).
    private static func appendHTMLEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for i in 0..<text.count {
            let replacement: StaticString
            switch text[i] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
            appendASCII(replacement, to: &out)
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<text.count]))
    }

    /// The Markdown gongkai gives cmark for a narrative text.
    static func markdown(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
            var first = true
            forEachParagraph(bytes) { paragraph in
                if !first { out.append(0x0A); out.append(0x0A) }
                first = false
                appendParagraph(paragraph, to: &out)
                return true
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
