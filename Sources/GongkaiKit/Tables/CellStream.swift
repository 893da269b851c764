// Documents that write one cell per paragraph: their paragraphs, with the empty ones between.

/// Finds the paragraphs of a document that writes each table cell as a paragraph of its own:
/// docx2txt (a blank line between paragraphs, two more for each empty one), LibreOffice's text
/// export (one line a paragraph, a blank line for each empty one), web pages stored as text.
enum CellStream {
    /// The document's paragraphs in order, empty ones included, or nil when the document is
    /// not written a cell per paragraph (it has tab rows, pipe rows or HTML tables, or fewer
    /// than three lines that are a form's label and nothing else).
    static func entries(_ source: SourceText, isLabel: (String) -> Bool) -> [SourceCell]? {
        var labelLines = 0
        var rowLines = 0
        var gaps: [Int] = []
        var blank = 0
        var seenText = false
        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            if source.isBlank(n) {
                blank += 1
                continue
            }
            if source.hasTab(n) || source.isDashRule(n) || source.startsWithGridRule(n) { return nil }
            // Markup of a table (`<td>`, `| a |`, `+---+`) is no paragraph of a cell.
            let raw = source.line(n).trimmingWhitespace()
            let lower = raw.prefix(4).lowercased()
            let text = source.text(n)
            if raw.utf8.first == UInt8(ascii: "|") || raw.utf8.last == UInt8(ascii: "|") || raw.utf8HasPrefix("+-")
                || ["<tab", "<tr>", "<tr ", "<td", "<th", "<tbo", "<the", "<col"].contains(where: { lower.hasPrefix($0) })
            {
                // The web page's own line in a row of its own (`浏览量:1 | | | |`) is no table.
                guard raw.utf8.first != UInt8(ascii: "|"), Vocabulary.current.isPageText(text) else { return nil }
            }
            if seenText { gaps.append(blank) }
            seenText = true
            blank = 0
            if text.utf8.count <= 60, isLabel(Escapes.commonMark(text)) {
                labelLines += 1
            } else if isLabelAndValue(text, isLabel: isLabel) || isLaidOutRow(text, isLabel: isLabel) {
                rowLines += 1
            }
        }
        // A page whose rows are written on a line each, label then value (`主管部门 楼区卫计局`),
        // is no cell-per-paragraph document because some of its rows are left empty
        // (`市级资金`, `省级资金`, `中央资金` alone on their lines): a document written a cell per
        // paragraph has next to no such lines.
        guard labelLines >= 3, rowLines * 2 < labelLines else { return nil }
        // The usual gap between two paragraphs: none (LibreOffice) or one blank line (docx2txt).
        let base = gaps.filter { $0 == 0 }.count * 2 >= gaps.count ? 0 : 1
        var out: [SourceCell] = []
        out.reserveCapacity(source.lineCount)
        blank = 0
        seenText = false
        var firstBlank = 0
        for n in 1...source.lineCount {
            if source.isBlank(n) {
                if blank == 0 { firstBlank = n }
                blank += 1
                continue
            }
            if seenText, blank > base {
                // Each empty paragraph adds `base + 1` blank lines.
                for k in 0..<((blank - base) / (base + 1)) { out.append(SourceCell(text: "", line: firstBlank + k)) }
            }
            seenText = true
            blank = 0
            var text = source.line(n)
            if text.utf8.first == UInt8(ascii: "#") { text = MarkdownText.headingText(text) }
            out.append(SourceCell(text: Escapes.commonMark(text), line: n))
        }
        return out
    }

    /// Whether a line is a row written on one line: a label the vocabulary knows, a space or
    /// two, then a short value (`主管部门 楼区卫计局`, `区级资金 40 40`). Text laid out in
    /// columns (`pdftotext -layout`: `项目名称      五六十年来…`) is no such row: its cells wrap
    /// onto the lines below; nor is a label opening a paragraph of prose.
    static func isLabelAndValue(_ text: String, isLabel: (String) -> Bool) -> Bool {
        let trimmed = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        guard let gap = trimmed.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }),
              trimmed.distance(from: trimmed.startIndex, to: gap) <= 45,
              let value = trimmed[gap...].firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              trimmed.distance(from: gap, to: value) <= 2,
              trimmed.distance(from: value, to: trimmed.endIndex) <= 80,
              !LaidOutText.hasWideGap(Substring(trimmed[value...])),
              let head = String(trimmed[..<gap])
        else { return false }
        return isLabel(Escapes.commonMark(head))
    }

    /// Whether a line is a row laid out in columns (`pdftotext -layout`): a label the vocabulary
    /// knows, three spaces or more, then its value (`项目名称      区域机关事业单位养老保险基金补贴`).
    /// Such text is read a line at a time: its labels left alone on a line (`其他需要说明的问题`,
    /// one in each form) make it no cell-per-paragraph document.
    static func isLaidOutRow(_ text: String, isLabel: (String) -> Bool) -> Bool {
        let trimmed = text.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        guard let gap = trimmed.firstIndex(of: 0x20),
              trimmed.distance(from: trimmed.startIndex, to: gap) <= 45,
              let value = trimmed[gap...].firstIndex(where: { $0 != 0x20 }),
              trimmed.distance(from: gap, to: value) >= 3,
              let head = String(trimmed[..<gap])
        else { return false }
        return isLabel(Escapes.commonMark(head))
    }
}
