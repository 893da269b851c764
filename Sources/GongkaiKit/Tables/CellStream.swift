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
            if text.utf8.count <= 60, isLabel(Escapes.commonMark(text)) { labelLines += 1 }
        }
        guard labelLines >= 3 else { return nil }
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
}
