// A text document (Markdown from any converter, or plain text) → text lines and tables.

/// Finds the tables of a text document by their own syntax (tab rows, Word dumps, and the
/// shapes other files read), and reads what is between them as text lines the way libcmark
/// sees it: headings, list items, paragraphs (a pandoc paragraph wrapped at 72 columns is one
/// line again), with CommonMark's backslash escapes removed.
enum MarkdownBlocks {
    static func blocks(_ source: SourceText) -> [SourceBlock] {
        if let entries = CellStream.entries(source, isLabel: { Labels.field($0) != nil || IndicatorHeader.role(of: $0) != nil }) {
            return [.cells(entries)]
        }
        let structure = LineStructure(source)
        let dump = TabRows.isCellLineDump(source)
        let wrapped = WrappedParagraphs.isWrapped(source, structure)
        var out: [SourceBlock] = []
        out.reserveCapacity(source.lineCount)
        var n = 1
        while n <= source.lineCount {
            if source.isBlank(n) {
                out.append(.blank(line: n))
                n += 1
                continue
            }
            if dump && source.startsWithTab(n) {
                let (table, next) = TabRows.cellLines(source, from: n, isTitle: FormText.isTitle)
                out.append(.table(table))
                n = next
                continue
            }
            if source.hasTab(n) {
                let (table, next) = TabRows.rows(source, from: n, isContinuation: FormText.continuesCell)
                out.append(.table(table))
                n = next
                continue
            }
            let kind = structure.kind(of: n)
            switch kind {
            case .thematicBreak:
                n += 1
            case .heading(let level):
                // ATX (`## 标题 ##`) or setext (the text lines, then `===`/`---`).
                if !structure.isSetextUnderline(n) {
                    out.append(.text(SourceLine(text: MarkdownText.headingText(source.line(n)), line: n, style: .heading(level: level))))
                }
                n += 1
            case .listItem(let ordered, let number):
                if structure.isFirstLine(n) {
                    let text = MarkdownText.unescape(MarkdownText.dropListMarker(source.line(n)))
                    out.append(.text(SourceLine(text: text, line: n, style: ordered ? .orderedItem(number: number) : .bulletItem)))
                } else {
                    out.append(.text(SourceLine(text: MarkdownText.unescape(source.line(n)), line: n)))
                }
                n += 1
            case .paragraph where wrapped:
                // Lines that pandoc wrapped at a space are one line again.
                var text = source.line(n).trimmingWhitespace()
                let first = n
                n += 1
                while n <= source.lineCount, structure.sameBlock(first, n), !source.isBlank(n), !source.hasTab(n) {
                    text += " " + source.line(n).trimmingWhitespace()
                    n += 1
                }
                out.append(.text(SourceLine(text: MarkdownText.unescape(text), line: first)))
            default:
                out.append(.text(SourceLine(text: MarkdownText.unescape(source.line(n)), line: n)))
                n += 1
            }
        }
        return out
    }
}

/// Which libcmark block each line of a document is in.
struct LineStructure {
    private var kinds: [Block.Kind?]
    private var firsts: [Int]
    private var setextUnderlines: Set<Int> = []

    init(_ source: SourceText) {
        let count = source.lineCount
        kinds = Array(repeating: nil, count: count + 2)
        firsts = Array(repeating: 0, count: count + 2)
        for block in CommonMark.blocks(of: source.bytes) {
            let first = max(1, block.firstLine), last = min(count, block.lastLine)
            guard first <= last else { continue }
            for n in first...last {
                kinds[n] = block.kind
                firsts[n] = first
            }
            if case .heading = block.kind, last > first, MarkdownText.isSetextUnderline(source.line(last)) {
                setextUnderlines.insert(last)
            }
        }
    }

    func kind(of line: Int) -> Block.Kind { kinds[line] ?? .paragraph }
    func isFirstLine(_ line: Int) -> Bool { firsts[line] == line }
    func sameBlock(_ a: Int, _ b: Int) -> Bool { firsts[a] != 0 && firsts[a] == firsts[b] }
    func isSetextUnderline(_ line: Int) -> Bool { setextUnderlines.contains(line) }
}

/// Whether a document's paragraphs were wrapped at 72 columns (pandoc's default): then every
/// line break inside a paragraph replaced a space.
enum WrappedParagraphs {
    static let width = 72

    /// True when the document has paragraphs of several lines and every line break in them
    /// falls where a greedy wrap at 72 columns would put it: the line is full (its next word
    /// would not have fitted) and not longer than 72 columns unless it is one word. Text
    /// written a line at a time (a heading above a paragraph) fails this for most breaks.
    static func isWrapped(_ source: SourceText, _ structure: LineStructure) -> Bool {
        var wraps = 0, others = 0
        var n = 2
        while n <= source.lineCount {
            defer { n += 1 }
            guard case .paragraph = structure.kind(of: n), structure.sameBlock(n - 1, n),
                  !source.isBlank(n), !source.isBlank(n - 1), !source.hasTab(n), !source.hasTab(n - 1)
            else { continue }
            let previous = source.line(n - 1).trimmingWhitespace()
            let next = source.line(n).trimmingWhitespace()
            let firstWord = next.prefix { $0 != " " }
            let w = DisplayWidth.of(previous)
            let oneWord = !previous.contains(" ")
            if (w <= width || oneWord) && w + 1 + DisplayWidth.of(firstWord) > width { wraps += 1 } else { others += 1 }
        }
        return wraps > 0 && others * 10 <= wraps
    }
}

/// Columns a text takes in a terminal or a pandoc table: East Asian wide and full-width
/// characters take two.
enum DisplayWidth {
    static func of(_ text: some StringProtocol) -> Int {
        var w = 0
        for s in text.unicodeScalars { w += isWide(s.value) ? 2 : 1 }
        return w
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

/// Markdown syntax around text: heading marks, list markers, backslash escapes.
enum MarkdownText {
    /// `## 标题 ##` → `标题`.
    static func headingText(_ line: String) -> String {
        var s = Substring(line.trimmingWhitespace())
        guard s.first == "#" else { return unescape(String(s)) }
        s = s.drop { $0 == "#" }
        var t = Substring(s.trimmingWhitespace())
        // A closing sequence of #s after a space.
        if let lastNonHash = t.lastIndex(where: { $0 != "#" }), lastNonHash < t.index(before: t.endIndex), t[lastNonHash] == " " {
            t = t[..<lastNonHash]
        }
        return unescape(t.trimmingWhitespace())
    }

    static func isSetextUnderline(_ line: String) -> Bool {
        let s = line.trimmingWhitespace()
        return !s.isEmpty && (s.allSatisfy { $0 == "=" } || s.allSatisfy { $0 == "-" })
    }

    /// `1. 名称` / `1) 名称` / `- 名称` → `名称`.
    static func dropListMarker(_ line: String) -> String {
        var s = Substring(line).drop { $0 == " " || $0 == "\t" }
        if let f = s.first, f == "-" || f == "*" || f == "+" {
            s = s.dropFirst()
        } else {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9 {
                let after = s.dropFirst(digits.count)
                if let m = after.first, m == "." || m == ")" { s = after.dropFirst() }
            }
        }
        return s.trimmingWhitespace()
    }

    /// CommonMark backslash escapes removed: a backslash before ASCII punctuation stands for
    /// that character (`1\.` → `1.`, `\(1\)` → `(1)`); any other backslash is itself.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x5C, i + 1 < bytes.count, isASCIIPunctuation(bytes[i + 1]) {
                out.append(bytes[i + 1])
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }
}
