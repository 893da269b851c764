// A text document (Markdown from any converter, or plain text) → text lines and tables.

/// Finds the tables of a text document by their own syntax (tab rows, Word dumps, and the
/// shapes other files read), and reads what is between them as text lines the way libcmark
/// sees it: headings, list items, paragraphs (a pandoc paragraph wrapped at 72 columns is one
/// line again), with CommonMark's backslash escapes removed.
enum MarkdownBlocks {
    static func blocks(_ source: SourceText) -> [SourceBlock] { read(source).blocks }

    /// The document's blocks, and the problems of tables that could not be read.
    static func read(_ source: SourceText) -> MarkupReading {
        if isHTMLDocument(source) {
            return HTMLBlocks.blocks(of: source.bytes)
        }
        if let entries = CellStream.entries(source, isLabel: TextRows.isLabel) {
            return MarkupReading(blocks: [.cells(entries)], problems: [])
        }
        let structure = LineStructure(source)
        let dump = TabRows.isCellLineDump(source)
        let wrapped = WrappedParagraphs.isWrapped(source, structure)
        let flavor = pandocMarkdown(source) ? MarkdownFlavor.pandoc : .commonMark
        var out: [SourceBlock] = []
        var problems: [MarkupProblem] = []
        out.reserveCapacity(source.lineCount)
        var n = 1
        /// Takes a table scan's table (or its problems) and moves past its lines.
        func take(_ scan: TableScan) {
            if let table = scan.table, let (cells, last) = cellPerLine(source, table) {
                out.append(.cells(cells))
                n = last + 1
                return
            } else if let table = scan.table {
                out.append(.table(table))
            }
            for p in scan.problems {
                problems.append(MarkupProblem(p.severity, code: p.code, line: p.line, column: p.column, p.message))
            }
            n = max(n + 1, scan.lastLine + 1)
        }
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
            if source.startsWithGridRule(n), let scan = GridTable.scan(source, at: n) {
                take(scan)
                continue
            }
            if flavor == .pandoc, source.isDashRule(n) || (n < source.lineCount && source.isDashRule(n + 1)),
               let scan = MultilineTable.scan(source, at: n) {
                take(scan)
                continue
            }
            if source.hasPipe(n) || (n < source.lineCount && source.hasPipe(n + 1)), let scan = PipeTable.scan(source, at: n, flavor: flavor, isLabel: TextRows.isKnown) {
                take(scan)
                continue
            }
            let kind = structure.kind(of: n)
            if case .htmlBlock = kind, structure.isFirstLine(n) {
                // An HTML block in Markdown (pandoc writes tables it cannot write as pipes so).
                var last = n
                while last < source.lineCount, structure.sameBlock(n, last + 1) { last += 1 }
                let bytes = Array(source.bytes[source.lineStarts[n - 1]..<source.lineEnds[last - 1]])
                let reading = HTMLBlocks.blocks(of: bytes, firstLine: n)
                out.append(contentsOf: reading.blocks)
                problems.append(contentsOf: reading.problems)
                n = last + 1
                continue
            }
            switch kind {
            case .thematicBreak:
                n += 1
            case .heading(let level):
                // ATX (`## 标题 ##`) or setext (the text lines, then `===`/`---`).
                if !structure.isSetextUnderline(n) {
                    out.append(.text(SourceLine(text: MarkdownText.headingText(source.line(n), flavor), line: n, style: .heading(level: level))))
                }
                n += 1
            case .listItem(let ordered, let number):
                if structure.isFirstLine(n) {
                    let text = Escapes.read(MarkdownText.dropListMarker(source.line(n)), flavor)
                    out.append(.text(SourceLine(text: text, line: n, style: ordered ? .orderedItem(number: number) : .bulletItem)))
                } else {
                    out.append(.text(SourceLine(text: Escapes.read(source.line(n), flavor), line: n)))
                }
                n += 1
            case .paragraph where wrapped && !source.hasPipe(n):
                // Lines that pandoc wrapped at a space are one line again (a line with a `|` is a
                // row of cells, never part of a wrapped paragraph).
                var text = source.line(n).trimmingWhitespace()
                let first = n
                n += 1
                while n <= source.lineCount, structure.sameBlock(first, n), !source.isBlank(n), !source.hasTab(n), !source.hasPipe(n) {
                    text += " " + source.line(n).trimmingWhitespace()
                    n += 1
                }
                out.append(.text(SourceLine(text: Escapes.read(text, flavor), line: first)))
            default:
                out.append(.text(SourceLine(text: Escapes.read(source.line(n), flavor), line: n)))
                n += 1
            }
        }
        let laidOut = LaidOutText.read(out)
        return MarkupReading(blocks: laidOut.blocks, problems: problems + laidOut.problems)
    }

    /// The cells of a web page's `|` text that writes every cell on a line of its own (`项目名称 |`,
    /// a `|` alone for an empty one) and marks no row's end, once its rows run on (a row of a
    /// dozen cells, none sharing a line): a cell a paragraph, for the reader that cuts such a run
    /// by what the cells say. Lines with no pipe are the first lines of the cell after them
    /// (`项目资金` / `(万元) |`). Nil for any other `|` table.
    /// The run goes on past the table's scan while the lines keep that shape (a wrapped cell's
    /// first line ends a scan); the result's `last` is its last line.
    static func cellPerLine(_ source: SourceText, _ table: SourceTable) -> (cells: [SourceCell], last: Int)? {
        guard table.shape == .pipes, table.rows.contains(where: { $0.count >= 12 && $0.allSatisfy { $0.column == nil } }) else { return nil }
        var out: [SourceCell] = []
        var head: (line: Int, text: String, lines: Int)?
        var last = table.firstLine - 1
        var n = table.firstLine
        while n <= source.lineCount, !source.isBlank(n) {
            let raw = source.line(n).trimmingWhitespace()
            let pipes = raw.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
            if pipes == 0 {
                // A cell's first lines: at most a few, and only where a cell's line follows.
                if let h = head, h.lines >= PipeTable.maxCellLines { break }
                head = (head?.line ?? n, (head?.text ?? "") + raw, (head?.lines ?? 0) + 1)
                n += 1
                continue
            }
            guard pipes == 1, raw.utf8.last == 0x7C else {
                if n <= table.lastLine { return nil }
                break
            }
            let text = Escapes.commonMark(String(raw.dropLast()).trimmingWhitespace())
            out.append(SourceCell(text: (head?.text ?? "") + text, line: head?.line ?? n))
            head = nil
            last = n
            n += 1
        }
        guard last >= table.lastLine else { return nil }
        return (out, last)
    }

    /// A whole HTML page (LibreOffice), or a document that is one HTML block (mammoth).
    static func isHTMLDocument(_ source: SourceText) -> Bool {
        var i = 0
        let b = source.bytes
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == 0x3C else { return false }
        let head = String(decoding: b[i..<min(b.count, i + 16)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") { return true }
        // mammoth: the whole document on a line or two, tags from its first byte.
        return source.lineCount <= 3 && b.count > 200
    }

    /// Whether the document is pandoc's own Markdown (its grid or multiline tables' rules).
    static func pandocMarkdown(_ source: SourceText) -> Bool {
        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            // Only a line that starts (after spaces) with `+` or `-` can be a rule: decided on
            // its first byte, without making a string of every line.
            let range = source.lineRange(n)
            var k = range.lowerBound
            while k < range.upperBound, source.bytes[k] == 0x20 || source.bytes[k] == 0x09 { k += 1 }
            guard k < range.upperBound, source.bytes[k] == UInt8(ascii: "-") || source.bytes[k] == UInt8(ascii: "+") else { continue }
            if source.startsWithGridRule(n) { return true }
            let line = source.line(n).trimmingWhitespace()
            if line.count >= 10, line.allSatisfy({ $0 == "-" || $0 == " " }), line.contains(" "), line.hasPrefix("--") { return true }
        }
        return false
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
                  !source.isBlank(n), !source.isBlank(n - 1), !source.hasTab(n), !source.hasTab(n - 1),
                  !source.hasPipe(n), !source.hasPipe(n - 1), !source.startsWithGridRule(n), !source.isDashRule(n)
            else { continue }
            let rawPrevious = source.line(n - 1), rawNext = source.line(n)
            // Space-aligned columns and indented lines are a table's, not a paragraph's.
            if rawPrevious.hasPrefix("  ") || rawNext.hasPrefix("  ") { continue }
            let previous = rawPrevious.trimmingWhitespace()
            let next = rawNext.trimmingWhitespace()
            if previous.utf8Contains("  ") || next.utf8Contains("  ") { continue }
            let firstWord = next.prefix { $0 != " " }
            let w = DisplayWidth.width(of: previous)
            let oneWord = !previous.utf8Has(0x20)
            // A line with no space in it (a line of Chinese), or a next line that opens with one
            // long word, says nothing: pandoc wraps only at spaces.
            if oneWord || DisplayWidth.width(of: firstWord) > width { continue }
            if (w <= width || oneWord) && w + 1 + DisplayWidth.width(of: firstWord) > width { wraps += 1 } else { others += 1 }
        }
        return wraps > 0 && others * 10 <= wraps
    }
}

extension SourceText {
    /// Whether line `n` starts a grid table's rule (`+---+`, `+===+`).
    func startsWithGridRule(_ n: Int) -> Bool {
        let r = lineRange(n)
        var i = r.lowerBound
        while i < r.upperBound, bytes[i] == 0x20 { i += 1 }
        return i + 1 < r.upperBound && bytes[i] == 0x2B && (bytes[i + 1] == 0x2D || bytes[i + 1] == 0x3D)
    }

    /// Whether line `n` is a rule of dashes (and spaces): a pandoc table's.
    func isDashRule(_ n: Int) -> Bool {
        let r = lineRange(n)
        var dashes = 0
        for i in r {
            switch bytes[i] {
            case 0x2D: dashes += 1
            case 0x20: continue
            default: return false
            }
        }
        return dashes >= 3
    }

    /// Whether line `n` has a `|`.
    func hasPipe(_ n: Int) -> Bool {
        let r = lineRange(n)
        for i in r where bytes[i] == 0x7C { return true }
        return false
    }
}

extension DisplayWidth {
    /// The columns a text takes (East Asian wide and full-width characters take two).
    static func width(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1.value) }
    }
}

/// Markdown syntax around text: heading marks, list markers, backslash escapes.
enum MarkdownText {
    /// `## 标题 ##` → `标题`.
    static func headingText(_ line: String, _ flavor: MarkdownFlavor = .commonMark) -> String {
        var s = Substring(line.trimmingWhitespace())
        guard s.first == "#" else { return Escapes.read(String(s), flavor) }
        s = s.drop { $0 == "#" }
        var t = Substring(s.trimmingWhitespace())
        // A closing sequence of #s after a space.
        if let lastNonHash = t.lastIndex(where: { $0 != "#" }), lastNonHash < t.index(before: t.endIndex), t[lastNonHash] == " " {
            t = t[..<lastNonHash]
        }
        return Escapes.read(t.trimmingWhitespace(), flavor)
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

}
