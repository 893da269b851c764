// Text laid out in columns (`pdftotext -layout`): a cell too long for its column goes on in the
// same column on the lines below its row.

/// Joins the lines that go on with a laid-out row's cells into that row. `pdftotext -layout`
/// writes a form's row on one line with its cells at fixed columns, and a cell that wraps goes on
/// below, at the same column, with nothing in the columns around it:
///
///     项目名称      五六十年来企业精简退职人员定期补助      项目编码      320281223230
///                   金                                                  023000008
///     项目总金额（万   85.8      本年度项目金额     85.8
///     元）                       （万元）
///
/// Read a line at a time, the name is cut (`…定期补助`), the code is two codes and the amounts'
/// labels lose their unit. A line goes on with the row above it only when each of its pieces
/// starts at the very column a cell of that row starts at, and that cell is the value of a short
/// field (a name, department, unit, code or period: never an amount, and never a narrative, whose
/// prose is read a line at a time as before) or a label taking its unit (`项目总金额（万` + `元）`);
/// or it is a label set in the gap beside the value it labels. Any other line is left as it is:
/// a table's next row (its merged cells left blank, its values under the header's columns) never
/// goes into the row above.
enum LaidOutText {
    /// A piece of a laid-out line: its text and the column (in characters) it starts at.
    struct Piece {
        var column: Int
        var text: String
    }

    /// `blocks` with each laid-out row's continuation lines joined into it, and the rows of a
    /// laid-out indicator table that cannot be read for certain left out, each run of them said.
    static func read(_ blocks: [SourceBlock]) -> (blocks: [SourceBlock], problems: [MarkupProblem]) {
        var problems: [MarkupProblem] = []
        let out = checkingIndicatorRows(joiningWrappedCells(blocks), &problems)
        return (out, problems)
    }

    /// `blocks` with each laid-out row's continuation lines joined into it.
    static func joiningWrappedCells(_ blocks: [SourceBlock]) -> [SourceBlock] {
        var out: [SourceBlock] = []
        out.reserveCapacity(blocks.count)
        var i = 0
        while i < blocks.count {
            guard case .text(let row) = blocks[i], row.style == .paragraph, hasWideGap(row.text),
                  var cells = rowCells(row.text)
            else {
                out.append(blocks[i])
                i += 1
                continue
            }
            var next = i + 1
            var joined = false
            while next < blocks.count, case .text(let line) = blocks[next], line.style == .paragraph,
                  line.line == row.line + (next - i), join(line.text, into: &cells)
            {
                joined = true
                next += 1
            }
            if joined {
                var merged = row
                merged.text = cells.map(\.text).joined(separator: "    ")
                out.append(.text(merged))
            } else {
                out.append(blocks[i])
            }
            i = next
        }
        return out
    }

    /// An indicator table laid out in columns (its header a laid-out line) wraps a long 三级 name
    /// or value onto the next lines, beside the next row's cells (`全市创业孵化   =10 家` /
    /// `基地孵化项目` / `成功数`): which piece belongs to which cell cannot be told for certain.
    /// A row is read only when it is whole: a name first, a value last, and no line of pieces
    /// without a value (a wrapped cell's rest) right before or after it. The others are left out,
    /// each run said at its first line (`laid-out-rows-unread`), rather than read as indicators
    /// with a cut name or another cell's text.
    static func checkingIndicatorRows(_ blocks: [SourceBlock], _ problems: inout [MarkupProblem]) -> [SourceBlock] {
        var out = blocks
        var i = 0
        while i < out.count {
            guard case .text(let header) = out[i], header.style == .paragraph, hasWideGap(header.text),
                  IndicatorHeader(cells: pieces(header.text).map(\.text), line: header.line) != nil
            else {
                i += 1
                continue
            }
            // The table's lines: up to a form's label, a title or another header.
            var lines: [(index: Int, line: SourceLine, pieces: [Piece], whole: Bool)] = []
            var j = i + 1
            while j < out.count {
                if case .blank = out[j] { j += 1; continue }
                guard case .text(let line) = out[j], line.style == .paragraph else { break }
                let ps = pieces(line.text)
                if ps.isEmpty { j += 1; continue }
                if FormText.isTitle(line.text) || IndicatorHeader(cells: ps.map(\.text), line: line.line) != nil { break }
                // A line of its own above a form's title is that form's heading (layout D's
                // project name above `项目绩效目标表`).
                let after = nextText(after: j, in: out)
                if ps.count == 1, after < out.count, case .text(let next) = out[after], FormText.isTitle(next.text) {
                    // Without the space LibreOffice's PDF puts between a digit and Chinese
                    // (`9 村村民参加…` is `9村村民参加…`).
                    out[j] = .text(SourceLine(text: closingDigitSpaces(line.text), line: line.line, style: line.style))
                    break
                }
                if ps[0].column <= 1, Labels.field(ps[0].text) != nil, !IndicatorVocabulary.isVocabulary(ps[0].text) { break }
                let whole = ps.count >= 2 && !IndicatorVocabulary.isValueLike(ps[0].text) && IndicatorVocabulary.isValueLike(ps[ps.count - 1].text)
                    && !ps.contains { hasSpaceBetweenWords($0.text) }
                if !whole, ps.count == 1, let last = lines.last, last.whole,
                   let (value, title, used) = gluedTitle(after: last.pieces[last.pieces.count - 1].text, from: j, in: out)
                {
                    // The next form's title ran into the last row and the lines below it
                    // (`>80%市级财政项` / `目支出预算绩效目` / `标表`): the row keeps its value, and
                    // the title is a line of its own, where the next form starts.
                    lines[lines.count - 1].pieces[last.pieces.count - 1].text = value
                    out[j] = .text(SourceLine(text: title, line: line.line))
                    for k in used.dropFirst() { if case .text(let l) = out[k] { out[k] = .blank(line: l.line) } }
                    break
                }
                lines.append((j, line, ps, whole))
                j += 1
            }
            var unread: [(index: Int, line: Int, text: String)] = []
            for (k, entry) in lines.enumerated() {
                let besideRest = (k > 0 && !lines[k - 1].whole) || (k + 1 < lines.count && !lines[k + 1].whole)
                if entry.whole, !besideRest {
                    // Cells apart by a tab: two spaces between Chinese are read as a cell's
                    // paragraphs run together (`CellText.joinParagraphSpaces`).
                    var row = entry.line
                    row.text = entry.pieces.map { closingSpaces($0.text) }.joined(separator: "\t")
                    out[entry.index] = .text(row)
                } else {
                    unread.append((entry.index, entry.line.line, entry.pieces.map(\.text).joined(separator: " ")))
                }
            }
            // Each run of lines left out is said once, at its first line.
            var k = 0
            while k < unread.count {
                var end = k
                while end + 1 < unread.count, unread[end + 1].index == nextText(after: unread[end].index, in: out) { end += 1 }
                let first = unread[k].line, last = unread[end].line
                let where_ = first == last ? "第 \(first) 行" : "第 \(first)–\(last) 行"
                let whereEn = first == last ? "line \(first)" : "lines \(first)–\(last)"
                problems.append(MarkupProblem(.warning, code: "laid-out-rows-unread", line: first, Localized(
                    zh: "按列排版的文字（pdftotext -layout）中，指标表\(where_)有跨行的格，无法确定每格的内容，未读取：‘\(unread[k].text.prefix(40))’；请用 Word 文件",
                    en: "in text laid out in columns (pdftotext -layout), the indicator rows at \(whereEn) have cells that wrap across lines; which text is in which cell cannot be told, so they are not read: ‘\(unread[k].text.prefix(40))’; use the Word file")))
                for u in unread[k...end] { out[u.index] = .blank(line: u.line) }
                k = end + 1
            }
            i = j
        }
        return out
    }

    /// A form title that starts at the end of a row's last cell (`>80%市级财政项`) and goes on in
    /// the lines of one piece from `index` (`目支出预算绩效目`, `标表`): the cell's value, the
    /// whole title and the blocks it took; nil when they make no title.
    private static func gluedTitle(after cell: String, from index: Int, in blocks: [SourceBlock]) -> (String, String, [Int])? {
        guard let start = cell.unicodeScalars.firstIndex(where: isHan), start > cell.unicodeScalars.startIndex else { return nil }
        let value = String(cell.unicodeScalars[..<start])
        var title = String(cell.unicodeScalars[start...])
        var used: [Int] = []
        var k = index
        while k < blocks.count, used.count < 3, case .text(let line) = blocks[k] {
            let ps = pieces(line.text)
            guard ps.count == 1 else { break }
            title += ps[0].text
            used.append(k)
            if FormText.isTitle(title), title.utf8HasSuffix("表") { return (value, title, used) }
            k += 1
        }
        return nil
    }

    /// Whether a document is PDF text as plain `pdftotext` writes it: pages ended by form feeds,
    /// and next to no line laid out in columns (as `pdftotext -layout` writes every row).
    static func isPlainPDFText(_ source: SourceText) -> Bool {
        guard source.bytes.contains(0x0C) else { return false }
        var laidOut = 0
        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            if hasWideGap(source.line(n)) { laidOut += 1 }
            if laidOut * 20 > source.lineCount { return false }
        }
        return true
    }

    /// The index of the next text block after `index`, past blank ones.
    private static func nextText(after index: Int, in blocks: [SourceBlock]) -> Int {
        var k = index + 1
        while k < blocks.count, case .blank = blocks[k] { k += 1 }
        return k
    }

    /// Whether a piece has a space between two Chinese characters (`服务对象 满意度`): a space
    /// pdftotext leaves where two cells come close, or a cell's own; either way not certain.
    private static func hasSpaceBetweenWords(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        for k in 1..<(scalars.count - 1) where scalars[k] == " " {
            if isHan(scalars[k - 1]), isHan(scalars[k + 1]) { return true }
        }
        return false
    }

    /// A piece without the spaces LibreOffice's PDF puts between Chinese and digits or Latin
    /// (`=10 家` → `=10家`, `2022 年度` → `2022年度`).
    static func closingSpaces(_ text: String) -> String {
        closingSpaces(text) { isHan($0) != isHan($1) }
    }

    /// Text without the spaces between a digit and a Chinese character (`9 村村民` → `9村村民`).
    static func closingDigitSpaces(_ text: String) -> String {
        let digit: (Unicode.Scalar) -> Bool = { $0.isASCII && $0.properties.numericType != nil }
        return closingSpaces(text) { (digit($0) && isHan($1)) || (isHan($0) && digit($1)) }
    }

    /// `text` without each single space whose neighbours `between` says were run apart.
    private static func closingSpaces(_ text: String, between: (Unicode.Scalar, Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (k, c) in scalars.enumerated() {
            if c == " ", k > 0, k + 1 < scalars.count, between(scalars[k - 1], scalars[k + 1]) { continue }
            out.append(c)
        }
        return String(out)
    }

    private static func isHan(_ c: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) }

    /// The cells of a laid-out row that starts with a field label, or nil.
    static func rowCells(_ text: String) -> [Piece]? {
        let cells = pieces(text)
        // pdftotext starts some rows a column late (` 项目名称   企业退休人员体检费`).
        guard cells.count >= 2, cells[0].column <= 1, isLabel(cells[0].text) else { return nil }
        return cells
    }

    /// Joins `line` into `cells` when each of its pieces goes on with a cell (see the type's
    /// comment); false, and `cells` unchanged, otherwise.
    static func join(_ line: String, into cells: inout [Piece]) -> Bool {
        let pieces = pieces(line)
        guard !pieces.isEmpty else { return false }
        var row = cells
        for piece in pieces {
            if let c = row.firstIndex(where: { $0.column == piece.column }) {
                guard Labels.field(piece.text) == nil, wraps(c, in: row, with: piece.text) else { return false }
                row[c].text = joined(row[c].text, piece.text)
            } else if let c = labelPlace(piece, in: row) {
                row.insert(piece, at: c)
            } else {
                return false
            }
        }
        cells = row
        return true
    }

    /// Where a label set a line below its row goes into the row (`本年度项目金额` centred beside
    /// the amount it labels, on the line below it): just before that amount, when it stands in
    /// the gap between two cells, the one after it a value; nil otherwise.
    private static func labelPlace(_ piece: Piece, in cells: [Piece]) -> Int? {
        guard piece.column > 0, Labels.field(piece.text) != nil,
              let after = cells.firstIndex(where: { $0.column > piece.column }), after > 0,
              !isLabel(cells[after].text), !isLabel(cells[after - 1].text)
        else { return nil }
        return after
    }

    /// A field label, or one cut inside its bracket (`项目总金额（万`).
    private static func isLabel(_ text: String) -> Bool {
        if Labels.field(text) != nil { return true }
        guard hasOpenBracket(text), let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return false }
        return Labels.field(String(text[..<open])) != nil
    }

    /// Whether cell `c` of a row can go on with `more` on the next line.
    private static func wraps(_ c: Int, in cells: [Piece], with more: String) -> Bool {
        if isLabel(cells[c].text) {
            // A label's unit on the line below it (`项目总金额（万` / `元）`, `本年度项目金额` /
            // `（万元）`).
            return closesBracket(more) && (hasOpenBracket(cells[c].text) || opensBracket(more))
        }
        guard c > 0, let kind = Labels.field(cells[c - 1].text) else { return false }
        switch kind {
        case .department, .departmentLevel, .financeDepartment, .unit, .name, .parentName, .code, .source,
             .period, .attribute:
            return true
        default:
            return false
        }
    }

    /// The pieces of a line: its text cut at runs of two spaces or more, with the column (counted
    /// in characters, as pdftotext lays them out) each starts at.
    static func pieces(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var column = 0
        var start = -1
        var current = ""
        var spaces = 0
        for ch in text.unicodeScalars {
            // A page break (form feed) opens the first line of a page and takes no column.
            if ch == "\u{0C}" { continue }
            if ch == " " || ch == "\u{3000}" {
                spaces += 1
            } else {
                if spaces >= 2 || start < 0 {
                    if start >= 0 { out.append(Piece(column: start, text: current)) }
                    start = column
                    current = ""
                } else if spaces == 1 {
                    current.unicodeScalars.append(" ")
                }
                spaces = 0
                current.unicodeScalars.append(ch)
            }
            column += 1
        }
        if start >= 0 { out.append(Piece(column: start, text: current)) }
        return out.flatMap(splittingLabels)
    }

    /// A piece cut where a label stands one space from its neighbour (`标准化创业投资引导资金（促进就业资
    /// 项目编码`, `11417.58 本年度项目金额`): pdftotext leaves one space where a long cell comes
    /// close to the next column.
    private static func splittingLabels(_ piece: Piece) -> [Piece] {
        guard piece.text.utf8Has(0x20) else { return [piece] }
        let words = piece.text.split(separator: " ", omittingEmptySubsequences: false)
        var out: [Piece] = []
        var column = piece.column
        var current: Piece?
        for word in words {
            let text = String(word)
            let isLabel = Labels.field(text) != nil
            if let c = current, !isLabel, Labels.field(c.text) == nil {
                current?.text = c.text + " " + text
            } else {
                if let c = current { out.append(c) }
                current = Piece(column: column, text: text)
            }
            column += text.unicodeScalars.count + 1
        }
        if let c = current { out.append(c) }
        return out
    }

    /// Whether text has three spaces in a row after its first character: columns laid out by
    /// position. A byte scan (`CellStream` asks it of every line).
    static func hasWideGap(_ text: some StringProtocol) -> Bool {
        text.withUTF8Bytes { bytes in
            // (After the spaces it starts with, any three in a row: found by memchr.)
            guard let start = bytes.firstIndex(where: { $0 != 0x20 }) else { return false }
            return Self.threeSpaces.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: bytes[start...])) != nil }
        }
    }

    private static let threeSpaces: [UInt8] = [0x20, 0x20, 0x20]

    private static func hasOpenBracket(_ text: String) -> Bool {
        var depth = 0
        for ch in text.unicodeScalars {
            if ch == "(" || ch == "（" { depth += 1 }
            if ch == ")" || ch == "）" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }

    private static func opensBracket(_ text: String) -> Bool {
        text.unicodeScalars.first == "(" || text.unicodeScalars.first == "（"
    }

    /// `元）`, `万元)`, `（万元）`: a short piece that closes a bracket.
    private static func closesBracket(_ text: String) -> Bool {
        text.unicodeScalars.count <= 6 && (text.unicodeScalars.contains("）") || text.unicodeScalars.contains(")"))
    }

    /// Two pieces of one cell: run together, as the cell was before it wrapped (Chinese has no
    /// spaces between words; a code cut in two is one code), a space only between two Latin
    /// words.
    private static func joined(_ a: String, _ b: String) -> String {
        if let last = a.unicodeScalars.last, let first = b.unicodeScalars.first,
           last.properties.isAlphabetic, last.isASCII, first.properties.isAlphabetic, first.isASCII {
            return a + " " + b
        }
        return a + b
    }
}
