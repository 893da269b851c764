// Cleaning cell text: formatting HTML, entities, LaTeX math and stray whitespace.

/// Turns the raw text of a cell into the text it shows.
///
/// Word/PDF conversion leaves formatting markup (`<b>`, `<p>`, `<ol style=…>`),
/// entities and LaTeX math (`$\geq 95\%$`) in cells. Known formatting tags become
/// line breaks or nothing; any other markup (`<script>`) is kept as literal text,
/// so it is shown escaped rather than dropped or executed.
enum CellText {
    /// One-line cell text: formatting removed, line breaks folded to spaces, trimmed.
    static func clean(_ raw: String) -> String {
        let text = structured(raw)
        if isPlaceholder(text) { return "" }
        guard text.utf8Has(0x0A) else { return text }
        let parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true)
            .map { String(Substring($0)).trimmingWhitespace() }
            .filter { !$0.isEmpty }
        // Chinese text runs on across a line break (`产出` / `指标` is `产出指标`); other text
        // takes a space.
        var out = ""
        for part in parts {
            if let last = out.unicodeScalars.last, let first = part.unicodeScalars.first,
               !(DisplayWidth.of(last.value) == 2 && DisplayWidth.of(first.value) == 2)
            {
                out += " "
            }
            out += part
        }
        return out
    }

    /// `clean` for a cell given as UTF-8 bytes (any bytes: invalid sequences are repaired).
    /// Most cells hold no markup: they are trimmed on bytes and decoded once; the others take
    /// the `String` path.
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String { clean(bytes, valid: false) }

    /// `clean` for a cell of a validated document (`SourceText`): cut at tabs and line breaks,
    /// it is valid UTF-8, and trimming takes whole characters, so it is not validated again.
    static func clean(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String { clean(bytes, valid: true) }

    private static func clean(_ bytes: UnsafeBufferPointer<UInt8>, valid: Bool) -> String {
        let cell = UnsafeBufferPointer(rebasing: bytes[trimmedRange(bytes, 0, bytes.count)])
        if isPlaceholder(cell) { return "" }
        let text = valid ? String(validUTF8: cell) : String(decoding: cell, as: UTF8.self)
        let hasMarkup = cell.contains { b in
            b == UInt8(ascii: "<") || b == UInt8(ascii: "&") || b == UInt8(ascii: "$") || b == UInt8(ascii: "\\") || b == 0x0A
        }
        // Forms repeat their marked-up cells (`$\geq 95\%$`, a `<b>` header): each text is
        // cleaned once.
        return hasMarkup ? marked.value(for: text) { clean(text) } : text
    }

    /// What a spreadsheet library writes into a cell it found empty (markitdown and pandas
    /// converting an .xlsx: `NaN`, a header `Unnamed: 3`): no text of the form.
    static func isPlaceholder(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        if cell.count == 3 { return cell[0] == 0x4E && cell[1] == 0x61 && cell[2] == 0x4E }  // NaN
        let unnamed = "Unnamed: ".utf8
        guard cell.count > unnamed.count, cell.count <= unnamed.count + 4, cell[0] == 0x55 else { return false }
        return cell.prefix(unnamed.count).elementsEqual(unnamed) && cell.dropFirst(unnamed.count).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func isPlaceholder(_ text: String) -> Bool {
        guard text.utf8.count == 3 || text.utf8.first == 0x55 else { return false }
        var text = text
        return text.withUTF8 { isPlaceholder($0) }
    }

    /// Cells with markup, cleaned, by their text (at most 16 × 1,024 of them: a paragraph
    /// in `<p>` can be a kilobyte).
    private static let marked = TextMemo<String>(limit: 1024)

    /// `lo..<hi` without the whitespace (as `isTrimmable` defines it) at either end.
    @inline(__always)
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Range<Int> {
        var lo = lo, hi = hi
        while lo < hi, let k = whitespaceLength(bytes, at: lo, limit: hi) { lo += k }
        while hi > lo, let k = whitespaceLength(bytes, endingAt: hi, limit: lo) { hi -= k }
        return lo..<hi
    }

    /// The length of the whitespace character (as `isTrimmable` defines it) starting at `i`, if any.
    @inline(__always)
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        switch b[i] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return 1
        case 0xC2: return i + 1 < limit && b[i + 1] == 0xA0 ? 2 : nil
        case 0xE3: return i + 2 < limit && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : nil
        case 0xEF: return i + 2 < limit && b[i + 1] == 0xBB && b[i + 2] == 0xBF ? 3 : nil
        case 0xE2: return i + 2 < limit && b[i + 1] == 0x80 && b[i + 2] == 0x8B ? 3 : nil
        default: return nil
        }
    }

    /// The length of the whitespace character ending just before `end`, if any.
    @inline(__always)
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int, limit: Int) -> Int? {
        switch b[end - 1] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return 1
        case 0xA0: return end - 2 >= limit && b[end - 2] == 0xC2 ? 2 : nil
        case 0x80: return end - 3 >= limit && b[end - 3] == 0xE3 && b[end - 2] == 0x80 ? 3 : nil
        case 0xBF: return end - 3 >= limit && b[end - 3] == 0xEF && b[end - 2] == 0xBB ? 3 : nil
        case 0x8B: return end - 3 >= limit && b[end - 3] == 0xE2 && b[end - 2] == 0x80 ? 3 : nil
        default: return nil
        }
    }

    /// Cell text keeping paragraph breaks (`\n`) from block-level markup.
    static func structured(_ raw: String) -> String {
        var needsTags = false, needsEntities = false, needsMath = false, needsSpaces = false
        // (Over the bytes in place: most cells need none of it.)
        raw.withUTF8Bytes { bytes in
            var previousSpace = false
            for b in bytes {
                switch b {
                case UInt8(ascii: "<"): needsTags = true
                case UInt8(ascii: "&"): needsEntities = true
                case UInt8(ascii: "$"), UInt8(ascii: "\\"): needsMath = true
                case 0x20: if previousSpace { needsSpaces = true }
                default: break
                }
                previousSpace = b == 0x20
            }
        }
        if !needsTags && !needsEntities && !needsMath && !needsSpaces { return raw.trimmingWhitespace() }
        var text = needsSpaces ? joinParagraphSpaces(raw) : raw
        if needsTags { text = stripFormattingTags(text) }
        if needsEntities { text = decodeEntities(text) }
        if needsMath { text = convertMath(text) }
        return text.trimmingWhitespace()
    }

    /// Two spaces or more between Chinese characters are where a converter joined a cell's
    /// paragraphs (markitdown's `项目  编码`): read as the line break they stand for.
    static func joinParagraphSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == " ", i + 1 < scalars.count, scalars[i + 1] == " ", let before = out.last {
                var j = i
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, DisplayWidth.of(before.value) == 2, DisplayWidth.of(scalars[j].value) == 2 {
                    out.append("\n")
                } else {
                    out.append(contentsOf: scalars[i..<j])
                }
                i = j
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ol", "ul", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "dd", "dt", "dl",
    ]
    private static let inlineTags: Set<String> = [
        "b", "strong", "i", "em", "u", "span", "font", "sub", "sup", "td", "th", "small", "big", "s", "strike", "o:p",
    ]

    /// Replaces known formatting tags; leaves anything else as literal text.
    static func stripFormattingTags(_ text: String) -> String {
        guard text.utf8Has(0x3C) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let inner = rest[afterOpen..<close]
            var name = inner.drop(while: { $0 == "/" })
            name = name.prefix(while: { $0.isLetter || $0.isNumber || $0 == ":" })
            let tag = name.lowercased()
            if blockTags.contains(tag) {
                out += "\n"
                rest = rest[rest.index(after: close)...]
            } else if inlineTags.contains(tag) {
                rest = rest[rest.index(after: close)...]
            } else {
                out += "<"
                rest = rest[afterOpen...]
            }
        }
        out += rest
        return out
    }

    private static let namedEntities: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "ge": "≥", "le": "≤", "times": "×", "middot": "·", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "mdash": "—", "ndash": "–", "hellip": "…",
    ]

    static func decodeEntities(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest.index(after: amp)
            if let semi = rest[after...].prefix(10).firstIndex(of: ";") {
                let name = rest[after..<semi]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16),
                    let s = Unicode.Scalar(v)
                {
                    decoded = String(Character(s))
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
                    decoded = String(Character(s))
                } else {
                    decoded = namedEntities[name]
                }
                if let decoded {
                    out += decoded
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest[after...]
        }
        out += rest
        return out
    }

    private static let mathCommands: [(String, String)] = [
        ("\\geqslant", "≥"), ("\\leqslant", "≤"), ("\\geq", "≥"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\le", "≤"),
        ("\\neq", "≠"), ("\\ne", "≠"), ("\\times", "×"), ("\\div", "÷"), ("\\pm", "±"), ("\\approx", "≈"),
        ("\\cdot", "·"), ("\\sim", "~"), ("\\%", "%"), ("\\,", ""), ("\\;", ""), ("\\!", ""), ("\\ ", ""),
        ("\\left", ""), ("\\right", ""), ("\\text", ""), ("\\mathrm", ""),
    ]

    /// Converts inline LaTeX math (`$\geq 95\%$`) to plain text (`≥95%`).
    static func convertMath(_ text: String) -> String {
        guard text.utf8Has(0x24) || text.utf8Has(0x5C) else { return text }
        var out = ""
        var rest = Substring(text)
        var converted = false
        while let open = rest.firstIndex(of: "$") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "$") else { break }
            out += rest[..<open]
            out += mathToText(String(rest[after..<close]))
            rest = rest[rest.index(after: close)...]
            converted = true
        }
        out += rest
        // Bare commands outside $…$ (`\geq 95\%`) are math too.
        if !converted, out.utf8Has(0x5C) {
            var s = out
            for (command, replacement) in mathCommands { s = s.replacingAll(command, with: replacement) }
            return s
        }
        return out
    }

    private static func mathToText(_ math: String) -> String {
        var s = math
        for (command, replacement) in mathCommands { s = s.replacingAll(command, with: replacement) }
        s = s.replacingAll("{", with: "").replacingAll("}", with: "")
        return String(s.filter { !$0.isWhitespace })
    }
}

extension StringProtocol {
    /// Trims spaces, tabs, line breaks, no-break and ideographic spaces at both ends.
    func trimmingWhitespace() -> String {
        let whole = Substring(self)
        let scalars = whole.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.isTrimmable && !last.isTrimmable { return String(whole) }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isTrimmable { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isTrimmable { end = scalars.index(before: end) }
        return String(whole[start..<end])
    }
}

extension String {
    /// Replaces every occurrence of `target` (a plain substring search).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, utf8Contains(target) else { return self }
        return replacing(target, with: replacement)
    }
}

extension Unicode.Scalar {
    var isTrimmable: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: true
        default: false
        }
    }
}
