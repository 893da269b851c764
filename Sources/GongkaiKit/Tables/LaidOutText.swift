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
        guard piece.text.utf8.contains(0x20) else { return [piece] }
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

    /// Whether text has three spaces in a row after its first character: columns laid out.
    private static func hasWideGap(_ text: String) -> Bool {
        var run = 0
        var seen = false
        for b in text.utf8 {
            if b == 0x20 {
                run += 1
                if run >= 3, seen { return true }
            } else {
                run = 0
                seen = true
            }
        }
        return false
    }

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
