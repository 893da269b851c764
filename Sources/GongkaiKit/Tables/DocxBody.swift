// A .docx's word/document.xml read into blocks: its paragraphs in order, its tables with spans.

/// Builds the blocks of one document.xml from libxml2's events (see `DocxReader`).
///
/// Every `w:p` is numbered in document order (body, cells and text boxes alike, as docx2txt
/// lists them), and that number is its line. Text is what Word shows: `w:t` runs joined, `w:tab`
/// as a tab, `w:br`/`w:cr` as `\n`, `w:noBreakHyphen` as `-`, `w:sym` as its character; not
/// deleted or moved-away text (`w:delText`, `w:moveFrom`), field codes (`w:instrText`), or the
/// fallback copy of a drawing (`mc:Fallback`, whose paragraphs are still counted).
final class DocxBodyBuilder: MarkupHandler {
    static let maximumDepth = 200

    private(set) var blocks: [SourceBlock] = []
    private(set) var problems: [MarkupProblem] = []
    /// The paragraph number where nesting went past `maximumDepth`, if it did.
    private(set) var tooDeep: Int?

    private let styles: DocxStyles?
    private let numbering: DocxNumbering?
    private var depth = 0
    private var paragraphCount = 0
    /// Paragraphs being read, innermost last (a text box's paragraphs sit inside another's).
    private var paragraphs: [ParagraphBuilder] = []
    private var tables: [DocxTableBuilder] = []
    private var inRun = 0
    private var inText = 0
    private var hidden = 0
    private var inChange = 0

    init(styles: DocxStyles?, numbering: DocxNumbering?) {
        self.styles = styles
        self.numbering = numbering
    }

    // MARK: - Events

    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool {
        depth += 1
        guard depth <= Self.maximumDepth else {
            tooDeep = paragraphCount + 1
            return false
        }
        if DocxNamespace.isMain(namespace) {
            startWord(name, attributes)
        } else if let namespace, DocxNamespace.math.contains(namespace), name == "t" {
            inText += 1
        } else if namespace == DocxNamespace.compatibility, name == "Fallback" {
            hidden += 1
        }
        return true
    }

    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool) {
        depth -= 1
        if DocxNamespace.isMain(namespace) {
            endWord(name)
        } else if let namespace, DocxNamespace.math.contains(namespace), name == "t" {
            inText -= 1
        } else if namespace == DocxNamespace.compatibility, name == "Fallback" {
            hidden -= 1
        }
    }

    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>) {
        guard inText > 0, hidden == 0, let paragraph = paragraphs.last else { return }
        paragraph.text.append(contentsOf: utf8)
    }

    private func startWord(_ name: String, _ attributes: [MarkupAttribute]) {
        let value = attributes.first { $0.name == "val" }?.value
        if name.hasSuffix("PrChange") { inChange += 1 }
        switch name {
        case "p":
            paragraphCount += 1
            paragraphs.append(ParagraphBuilder(number: paragraphCount, hidden: hidden > 0))
        case "tbl":
            if hidden == 0 { tables.append(DocxTableBuilder(firstLine: paragraphCount + 1)) }
        case "tr":
            if hidden == 0 { tables.last?.startRow(line: paragraphCount + 1) }
        case "tc":
            if hidden == 0 { tables.last?.startCell() }
        case "r":
            inRun += 1
        case "t":
            inText += 1
        case "moveFrom":
            hidden += 1
        case "tab", "ptab":
            appendInRun("\t")
        case "br", "cr":
            appendInRun("\n")
        case "noBreakHyphen":
            appendInRun("-")
        case "sym":
            let font = attributes.first { $0.name == "font" }?.value
            appendInRun(DocxSymbols.character(font: font, code: attributes.first { $0.name == "char" }?.value))
        default:
            guard inChange == 0, hidden == 0 else { return }
            setProperty(name, value)
        }
    }

    /// Paragraph, cell and row properties (not the old ones a tracked change keeps).
    private func setProperty(_ name: String, _ value: String?) {
        switch name {
        case "pStyle": paragraphs.last?.style = value
        case "numId": paragraphs.last?.list = value
        case "ilvl": paragraphs.last?.listLevel = value.flatMap { Int($0) }
        case "outlineLvl": paragraphs.last?.outlineLevel = value.flatMap { Int($0) }
        case "gridSpan": tables.last?.setGridSpan(value.flatMap { Int($0) } ?? 1)
        case "vMerge": tables.last?.setVerticalMerge(restart: value == "restart")
        case "hMerge": tables.last?.setHorizontalMerge(restart: value == "restart")
        case "gridBefore": tables.last?.setGridBefore(value.flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    private func endWord(_ name: String) {
        if name.hasSuffix("PrChange") { inChange -= 1 }
        switch name {
        case "p":
            finishParagraph()
        case "tbl":
            if hidden == 0 { finishTable() }
        case "tr":
            if hidden == 0 { tables.last?.endRow() }
        case "tc":
            if hidden == 0 { tables.last?.endCell(nextLine: paragraphCount) }
        case "r":
            inRun -= 1
        case "t":
            inText -= 1
        case "moveFrom":
            hidden -= 1
        default:
            break
        }
    }

    private func appendInRun(_ text: String) {
        guard inRun > 0, hidden == 0, let paragraph = paragraphs.last else { return }
        paragraph.text.append(contentsOf: text.utf8)
    }

    /// Closes what a parse stopped early left open.
    func finish() {
        while !paragraphs.isEmpty { finishParagraph() }
        while !tables.isEmpty { finishTable() }
    }

    // MARK: - Paragraphs and tables

    private func finishParagraph() {
        guard let builder = paragraphs.popLast(), !builder.hidden else { return }
        let paragraph = DocxParagraph(text: String(decoding: builder.text, as: UTF8.self), line: builder.number,
                                      style: style(of: builder))
        let all = [paragraph] + builder.nested
        if let outer = paragraphs.last {
            outer.nested += all
            return
        }
        for item in all { place(item) }
    }

    /// A body paragraph becomes a line (or a blank); one in a table goes into its cell.
    private func place(_ paragraph: DocxParagraph) {
        if let table = tables.last(where: { $0.cellIsOpen }) {
            table.add(paragraph)
        } else if paragraph.text.allSatisfy(\.isWhitespace) {
            blocks.append(.blank(line: paragraph.line))
        } else {
            blocks.append(.text(SourceLine(text: paragraph.text, line: paragraph.line, style: paragraph.style)))
        }
    }

    private func style(of paragraph: ParagraphBuilder) -> SourceLine.Style {
        if let outline = paragraph.outlineLevel, outline < 9 { return .heading(level: outline + 1) }
        // A style id that styles.xml does not define is Normal, as in Word; without styles.xml,
        // the usual ids (Heading1, 标题1) still say which paragraphs are headings.
        if let id = paragraph.style, let level = styles.map({ $0.headingLevel(id) }) ?? DocxStyles.level(named: id) {
            return .heading(level: level)
        }
        var list = paragraph.list.map { ($0, paragraph.listLevel ?? 0) }
        if list == nil, let id = paragraph.style, let inherited = styles?.numbering(id) {
            list = (inherited.id, paragraph.listLevel ?? inherited.level)
        }
        if let (id, level) = list, let style = numbering?.next(list: id, level: level) { return style }
        return .paragraph
    }

    private func finishTable() {
        guard let builder = tables.popLast() else { return }
        var table = builder.table(lastLine: paragraphCount)
        problems += builder.problems
        let repairs = table.keepSpansInside()
        if let cell = repairs.firstClamped {
            problems.append(MarkupProblem(
                .warning, code: "docx-span-clamped", line: cell.line,
                Localized(zh: "\(repairs.clamped) 个单元格的合并超出表格（第一个在第 \(cell.line) 段：跨 \(cell.colSpan) 列），已按表格边界读取",
                          en: "\(repairs.clamped) cell(s) span past the table (the first at paragraph \(cell.line): \(cell.colSpan) columns); read as reaching its edge")))
        }
        if repairs.spansIgnored {
            problems.append(MarkupProblem(
                .warning, code: "docx-table-too-large", line: table.firstLine,
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
}

/// One paragraph as read: its text, number and style.
struct DocxParagraph {
    var text: String
    var line: Int
    var style: SourceLine.Style
}

private final class ParagraphBuilder {
    let number: Int
    /// In `mc:Fallback`: counted, not read.
    let hidden: Bool
    var text: [UInt8] = []
    var style: String?
    var list: String?
    var listLevel: Int?
    var outlineLevel: Int?
    /// Paragraphs of text boxes inside this one, placed after it.
    var nested: [DocxParagraph] = []

    init(number: Int, hidden: Bool) {
        self.number = number
        self.hidden = hidden
    }
}

/// One `w:tbl` being read: rows of cells, with `gridSpan` as column spans and `vMerge` as row
/// spans on the cell that starts the merge (the cells it covers are left out).
final class DocxTableBuilder {
    private struct Cell {
        var paragraphs: [DocxParagraph] = []
        var gridSpan = 1
        var verticalMerge: Bool?
        var horizontalMerge: Bool?
    }

    /// A vertical merge open in a grid column: the cell that starts it and the last row it covers.
    private struct Merge {
        var row: Int
        var index: Int
        var lastRow: Int
    }

    let firstLine: Int
    private var rows: [[SourceCell]] = []
    private var rowLines: [Int] = []
    private var rowIsOpen = false
    private var column = 0
    private var cell: Cell?
    private var merges: [Int: Merge] = [:]
    private var nextRowLine = 0
    /// Tables inside this one's cells, in the order they start.
    var nested: [SourceBlock] = []
    private(set) var problems: [MarkupProblem] = []

    var cellIsOpen: Bool { cell != nil }

    init(firstLine: Int) {
        self.firstLine = firstLine
    }

    func startRow(line: Int) {
        if rowIsOpen { endRow() }
        rows.append([])
        rowLines.append(line)
        rowIsOpen = true
        column = 0
        nextRowLine = line
    }

    /// Grid columns left empty before the row's first cell: an empty cell stands for them.
    func setGridBefore(_ count: Int) {
        guard rowIsOpen, cell == nil, rows[rows.count - 1].isEmpty, count > 0 else { return }
        let span = min(count, SourceTable.maximumColSpan)
        rows[rows.count - 1].append(SourceCell(text: "", line: nextRowLine, colSpan: span))
        column += span
    }

    func endRow() {
        if cell != nil { endCell(nextLine: nextRowLine) }
        rowIsOpen = false
    }

    func startCell() {
        if !rowIsOpen { startRow(line: firstLine) }
        if cell != nil { endCell(nextLine: nextRowLine) }
        cell = Cell()
    }

    func setGridSpan(_ span: Int) { cell?.gridSpan = max(1, min(span, 1_000_000)) }
    func setVerticalMerge(restart: Bool) { cell?.verticalMerge = restart }
    func setHorizontalMerge(restart: Bool) { cell?.horizontalMerge = restart }

    func add(_ paragraph: DocxParagraph) {
        cell?.paragraphs.append(paragraph)
    }

    /// Ends the open cell; `nextLine` is the number of the last paragraph read (a cell without
    /// paragraphs, which Word does not write, is placed there).
    func endCell(nextLine: Int) {
        guard let pending = cell else { return }
        cell = nil
        let r = rows.count - 1
        let span = pending.gridSpan
        let text = pending.paragraphs.map(\.text).joined(separator: "\n")
        let line = pending.paragraphs.first?.line ?? max(nextLine, firstLine)
        let start = column
        column += span
        if pending.horizontalMerge == false, let last = rows[r].indices.last {
            rows[r][last].colSpan += span
            keepText(text, of: line, in: r, last)
            return
        }
        if pending.verticalMerge == false, var merge = merges[start], merge.lastRow == r - 1 {
            rows[merge.row][merge.index].rowSpan += 1
            merge.lastRow = r
            merges[start] = merge
            keepText(text, of: line, in: merge.row, merge.index)
            return
        }
        if rows[r].isEmpty { rowLines[r] = line }
        rows[r].append(SourceCell(text: text, line: line, colSpan: span))
        // A merge starts here (`restart`, or a `continue` with nothing above to continue).
        merges[start] = pending.verticalMerge != nil ? Merge(row: r, index: rows[r].count - 1, lastRow: r) : nil
    }

    /// Text in a cell that a merge covers: Word would show it in the merged cell, so it is
    /// added there, and said.
    private func keepText(_ text: String, of line: Int, in row: Int, _ index: Int) {
        guard !text.allSatisfy(\.isWhitespace) else { return }
        rows[row][index].text += "\n" + text
        problems.append(MarkupProblem(
            .warning, code: "docx-merged-cell-text", line: line,
            Localized(zh: "合并掉的单元格里还有文字，已并入合并后的单元格（第 \(rows[row][index].line) 段）",
                      en: "a cell covered by a merge has text; it was added to the merged cell (paragraph \(rows[row][index].line))")))
    }

    func table(lastLine: Int) -> SourceTable {
        endRow()
        return SourceTable(shape: .docx, rows: rows, firstLine: firstLine, lastLine: max(firstLine, lastLine),
                           rowLines: rowLines)
    }
}
