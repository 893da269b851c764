// Turns libxml2's HTML events into blocks: text collapsed as a browser shows it, tables as grids.

/// Builds `HTMLBlocks`' result from one parse (see there for what it gives).
final class HTMLBlockBuilder: MarkupHandler {
    typealias Position = HTMLPositions.Position

    private(set) var blocks: [SourceBlock] = []
    private(set) var problems: [MarkupProblem] = []

    private let input: [UInt8]
    private var positions: HTMLPositions
    /// The open elements, innermost last.
    private var open: [Open] = []
    private var run = TextRun()
    private var tables: [TableBuilder] = []
    private var lists: [ListState] = []
    /// Headings and list items that give the text in them its style, innermost last.
    private var styles: [StyleState] = []
    private var skipped = 0
    private var preformatted = 0
    private var stopped = false
    /// How many lines and cells start on each line (a column is given where more than one does).
    private var startsOnLine: [Int: Int] = [:]

    init(input: [UInt8], firstLine: Int, firstColumn: Int) {
        self.input = input
        self.positions = HTMLPositions(input, firstLine: firstLine, firstColumn: firstColumn)
    }

    // MARK: - Events

    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool {
        let at = positions.position(of: tag.lowerBound)
        guard open.count < HTMLBlocks.maximumDepth else {
            stopped = true
            problems.append(MarkupProblem(
                .error, code: "html-too-deep", line: at.line, column: at.column,
                Localized(zh: "HTML 元素嵌套超过 \(HTMLBlocks.maximumDepth) 层，从这里起的内容未读取",
                          en: "HTML elements are nested over \(HTMLBlocks.maximumDepth) deep; nothing from here on was read")))
            return false
        }
        var kind = Self.kind(of: name)
        if tables.isEmpty && (kind == .row || kind == .cell) { kind = .block }
        if kind.endsText { flush() }
        switch kind {
        case .inline, .block:
            break
        case .lineBreak:
            if skipped == 0 { run.appendBreak() }
        case .skip:
            skipped += 1
        case .pre:
            preformatted += 1
        case .heading(let level):
            styles.append(StyleState(style: .heading(level: level), once: false))
        case .list(let ordered):
            let start = attributes.first { $0.name == "start" }.flatMap { Self.integer($0.value, signed: true) }
            // `reversed` counts down from `start` (without one, HTML counts down from the number
            // of items, which is not known yet: those count up).
            let down = start != nil && attributes.contains { $0.name == "reversed" }
            lists.append(ListState(ordered: ordered, next: start ?? 1, step: down ? -1 : 1))
        case .item:
            var style = SourceLine.Style.bulletItem
            if var list = lists.popLast() {
                if let value = attributes.first(where: { $0.name == "value" }).flatMap({ Self.integer($0.value, signed: true) }) {
                    list.next = value
                }
                if list.ordered { style = .orderedItem(number: list.next) }
                list.next += list.step
                lists.append(list)
            }
            styles.append(StyleState(style: style, once: true))
        case .table:
            tables.append(TableBuilder(start: at))
        case .row:
            tables.last?.startRow(at: at)
        case .cell:
            tables.last?.startCell(at: at, attributes: attributes)
        }
        open.append(Open(name: name, kind: kind))
        return true
    }

    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool) {
        guard let index = open.lastIndex(where: { $0.name == name }) else { return }
        while open.count > index {
            close(open.removeLast(), at: offset, closedByTag: closedByTag && open.count == index)
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>) {
        guard skipped == 0 else { return }
        run.append(utf8, preformatted: preformatted > 0) {
            // Where the first visible character comes from: the chunk's first byte that is
            // not white space (an entity starts with `&`, which is not).
            var k = source.lowerBound
            while k < source.upperBound, Self.isSpace(input[k]) { k += 1 }
            return positions.position(of: k < source.upperBound ? k : source.lowerBound)
        }
    }

    /// Closes what is still open (a parse stopped early); libxml2 closes the rest itself.
    func finish() {
        while let last = open.popLast() {
            close(last, at: input.count, closedByTag: stopped)
        }
        flush()
        for index in blocks.indices {
            switch blocks[index] {
            case .text(var line):
                if startsOnLine[line.line, default: 0] < 2 { line.column = nil }
                blocks[index] = .text(line)
            case .cells:
                break
            case .table(var table):
                for r in table.rows.indices {
                    for c in table.rows[r].indices where startsOnLine[table.rows[r][c].line, default: 0] < 2 {
                        table.rows[r][c].column = nil
                    }
                }
                blocks[index] = .table(table)
            case .blank:
                break
            }
        }
    }

    // MARK: - Closing elements

    private func close(_ element: Open, at offset: Int, closedByTag: Bool) {
        if element.kind.endsText { flush() }
        switch element.kind {
        case .inline, .block, .lineBreak:
            break
        case .skip:
            skipped -= 1
        case .pre:
            preformatted -= 1
        case .heading, .item:
            _ = styles.popLast()
        case .list:
            _ = lists.popLast()
        case .row:
            tables.last?.endRow()
        case .cell:
            tables.last?.endCell()
        case .table:
            guard let builder = tables.popLast() else { return }
            let end = positions.position(of: max(0, offset - 1))
            finishTable(builder, endLine: end.line, closedByTag: closedByTag)
        }
    }

    private func finishTable(_ builder: TableBuilder, endLine: Int, closedByTag: Bool) {
        var table = builder.table(lastLine: endLine)
        for row in table.rows {
            for cell in row { startsOnLine[cell.line, default: 0] += 1 }
        }
        let first = builder.start
        if !closedByTag && !stopped {
            problems.append(MarkupProblem(
                .warning, code: "html-unclosed-table", line: first.line, column: first.column,
                Localized(zh: "表格没有 </table>，读到第 \(endLine) 行为止",
                          en: "the table has no </table>; it was read up to line \(endLine)")))
        }
        let repairs = table.keepSpansInside()
        if let cell = repairs.firstClamped {
            problems.append(MarkupProblem(
                .warning, code: "html-span-clamped", line: cell.line,
                Localized(zh: "\(repairs.clamped) 个单元格的合并超出表格（第一个在第 \(cell.line) 行：rowspan=\(cell.rowSpan)、colspan=\(cell.colSpan)），已按表格边界读取",
                          en: "\(repairs.clamped) cell(s) span past the table (the first on line \(cell.line): rowspan=\(cell.rowSpan), colspan=\(cell.colSpan)); read as reaching its edge")))
        }
        if repairs.spansIgnored {
            problems.append(MarkupProblem(
                .warning, code: "html-table-too-large", line: first.line, column: first.column,
                Localized(zh: "表格展开后有 \(repairs.gridRows) 行 × \(repairs.gridColumns) 列，过大，合并单元格已忽略",
                          en: "the table would be \(repairs.gridRows) rows × \(repairs.gridColumns) columns; too large, so its spans were ignored")))
        }
        let own: [SourceBlock] = [.table(table)] + builder.nested
        if let outer = tables.last {
            outer.nested += own
        } else {
            blocks += own
        }
    }

    // MARK: - Text

    /// Ends the current run of text: into the open cell, else before the open table, else as
    /// a line of its own (a heading, list item or paragraph).
    private func flush() {
        guard let (text, start) = run.take() else { return }
        if let table = tables.last(where: { $0.cellIsOpen }) {
            table.addParagraph(text, at: start)
            return
        }
        startsOnLine[start.line, default: 0] += 1
        var style = SourceLine.Style.paragraph
        if tables.isEmpty, let index = styles.indices.last {
            if !styles[index].once {
                style = styles[index].style
            } else if !styles[index].used {
                style = styles[index].style
                styles[index].used = true
            }
        }
        blocks.append(.text(SourceLine(text: text, line: start.line, column: start.column, style: style)))
    }

    // MARK: - Vocabulary

    enum Kind: Equatable {
        case inline, block, lineBreak, skip, pre, heading(Int), list(ordered: Bool), item, table, row, cell

        /// Whether the element starts and ends a paragraph (all but inline elements and `<br>`).
        var endsText: Bool { self != .inline && self != .lineBreak }
    }

    private static let blockNames: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "colgroup", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "hr", "html", "legend", "main", "menu", "nav", "p", "section",
        "summary", "tbody", "tfoot", "thead",
    ]

    static func kind(of name: String) -> Kind {
        switch name {
        case "br": return .lineBreak
        case "head", "title", "style", "script", "template": return .skip
        case "pre", "listing", "xmp": return .pre
        case "h1": return .heading(1)
        case "h2": return .heading(2)
        case "h3": return .heading(3)
        case "h4": return .heading(4)
        case "h5": return .heading(5)
        case "h6": return .heading(6)
        case "ol": return .list(ordered: true)
        case "ul": return .list(ordered: false)
        case "li": return .item
        case "table": return .table
        case "tr": return .row
        case "td", "th": return .cell
        default: return blockNames.contains(name) ? .block : .inline
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// HTML's rules for integers in attributes: leading white space, a sign, digits, and
    /// whatever follows ignored; nil without digits. Large values stop growing at 10⁹.
    static func integer(_ text: String, signed: Bool) -> Int? {
        var bytes = text.utf8.drop { isSpace($0) }
        var negative = false
        if let sign = bytes.first, sign == 0x2D || sign == 0x2B {
            guard signed || sign == 0x2B else { return nil }
            negative = sign == 0x2D
            bytes = bytes.dropFirst()
        }
        var value = 0
        var digits = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { break }
            value = min(value * 10 + Int(byte - 0x30), 1_000_000_000)
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}

// MARK: - State

private struct Open {
    var name: String
    var kind: HTMLBlockBuilder.Kind
}

private struct ListState {
    var ordered: Bool
    var next: Int
    var step: Int
}

private struct StyleState {
    var style: SourceLine.Style
    /// A list item's style goes to its first paragraph only.
    var once: Bool
    var used = false
}

/// The text of one paragraph as it is being read: white space collapsed as a browser does.
private struct TextRun {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    private var start: HTMLPositions.Position?

    mutating func append(_ text: UnsafeBufferPointer<UInt8>, preformatted: Bool, start locate: () -> HTMLPositions.Position) {
        for byte in text {
            if preformatted {
                if byte == 0x0D { continue }
            } else if HTMLBlockBuilder.isSpace(byte) {
                if let last = bytes.last, last != 0x0A { pendingSpace = true }
                continue
            }
            if start == nil { start = locate() }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
    }

    mutating func appendBreak() {
        pendingSpace = false
        if !bytes.isEmpty { bytes.append(0x0A) }
    }

    /// The paragraph's text (without breaks at its ends) and where it starts; nil if empty.
    mutating func take() -> (String, HTMLPositions.Position)? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
            start = nil
        }
        while let last = bytes.last, last == 0x0A || last == 0x20 { bytes.removeLast() }
        let leading = bytes.prefix { $0 == 0x0A }.count
        guard leading < bytes.count, let start else { return nil }
        return (String(decoding: bytes[leading...], as: UTF8.self), start)
    }
}

/// One `<table>` being read.
private final class TableBuilder {
    typealias Position = HTMLPositions.Position

    let start: Position
    private var rows: [[SourceCell]] = []
    private var rowLines: [Int] = []
    private var rowIsOpen = false
    private var cell: PendingCell?
    /// Cells with `rowspan="0"` (to the end of the table), as (row, index).
    private var toEnd: [(Int, Int)] = []
    /// Tables inside this one's cells, in the order they start.
    var nested: [SourceBlock] = []

    var cellIsOpen: Bool { cell != nil }

    init(start: Position) {
        self.start = start
    }

    private struct PendingCell {
        var tag: Position
        var paragraphs: [String] = []
        var textStart: Position?
        var rowSpan: Int
        var colSpan: Int
    }

    func startRow(at position: Position) {
        if rowIsOpen { endRow() }
        rows.append([])
        rowLines.append(position.line)
        rowIsOpen = true
    }

    func endRow() {
        endCell()
        rowIsOpen = false
    }

    func startCell(at position: Position, attributes: [MarkupAttribute]) {
        endCell()
        if !rowIsOpen { startRow(at: position) }
        var rowSpan = 1
        var colSpan = 1
        for attribute in attributes {
            if attribute.name == "rowspan", let value = HTMLBlockBuilder.integer(attribute.value, signed: false) {
                // 0 reaches to the end of the table; HTML reads more than 65534 as 65534.
                rowSpan = value == 0 ? 0 : min(value, 65534)
            } else if attribute.name == "colspan", let value = HTMLBlockBuilder.integer(attribute.value, signed: false) {
                colSpan = max(1, value)
            }
        }
        if rowSpan == 0 {
            toEnd.append((rows.count - 1, rows[rows.count - 1].count))
            rowSpan = 1
        }
        cell = PendingCell(tag: position, rowSpan: rowSpan, colSpan: colSpan)
    }

    func addParagraph(_ text: String, at position: Position) {
        guard cell != nil else { return }
        if cell!.textStart == nil { cell!.textStart = position }
        cell!.paragraphs.append(text)
    }

    func endCell() {
        guard let pending = cell else { return }
        cell = nil
        let at = pending.textStart ?? pending.tag
        let row = rows.count - 1
        if rows[row].isEmpty { rowLines[row] = at.line }
        rows[row].append(SourceCell(text: pending.paragraphs.joined(separator: "\n"), line: at.line, column: at.column,
                                    rowSpan: pending.rowSpan, colSpan: pending.colSpan))
    }

    func table(lastLine: Int) -> SourceTable {
        endCell()
        for (row, index) in toEnd {
            rows[row][index].rowSpan = rows.count - row
        }
        return SourceTable(shape: .html, rows: rows, firstLine: start.line, lastLine: max(start.line, lastLine), rowLines: rowLines)
    }
}
