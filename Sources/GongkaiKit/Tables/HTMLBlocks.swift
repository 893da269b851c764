// HTML (a converter's page, or an HTML block inside Markdown) read into text lines and tables.

/// Reads HTML with libxml2's HTML parser into the blocks a form reader reads: headings, paragraphs
/// and list items as `SourceLine`s, tables as `SourceTable`s (shape `.html`) with their row and
/// column spans, in document order.
///
/// Text is what a browser shows: tags removed, entities decoded, runs of spaces, tabs and
/// newlines read as one space (none where the source has none, so `≥3000<font>人</font>` is
/// `≥3000人`), `<br>` as `\n`; the paragraphs of a cell (`<p>`, `<div>`, …) are joined by `\n`
/// and empty ones left out. A table inside a cell becomes a table of its own, placed right
/// after the table that holds it; text in a table but outside its cells comes before it, as a
/// browser shows it.
///
/// Lines and columns: each line or cell is placed where its text starts (an empty cell where
/// its tag starts), counted from `firstLine`/`firstColumn` (where `bytes` start in their
/// file). A column is given only where another line or cell starts on the same line (a whole
/// document on one line, as mammoth writes it); otherwise it is nil.
///
/// Problems (all with the line where they are):
/// - `html-too-large` (error): over 256 MiB; nothing is read.
/// - `html-invalid-bytes` (warning): bytes that are not UTF-8, or NUL, read as U+FFFD.
/// - `html-too-deep` (error): elements nested over 512 deep; the rest is not read.
/// - `html-unclosed-table` (warning): a `<table>` without `</table>`; read to where it ends.
/// - `html-span-clamped` (warning): `rowspan` past the table's last row or `colspan` over 1000;
///   read as reaching the table's edge (1000 columns).
/// - `html-table-too-large` (warning): a table whose spans would make a grid of over a million
///   positions; its spans are read as 1.
public enum HTMLBlocks {
    static let maximumBytes = 256 << 20
    static let maximumDepth = 512

    public static func blocks(of bytes: [UInt8], firstLine: Int = 1, firstColumn: Int = 1) -> MarkupReading {
        guard bytes.count <= maximumBytes else {
            return MarkupReading(blocks: [], problems: [MarkupProblem(
                .error, code: "html-too-large", line: firstLine,
                Localized(zh: "HTML 超过 256 MiB，未读取", en: "the HTML is over 256 MiB; it was not read"))])
        }
        var problems: [MarkupProblem] = []
        var input = bytes
        if let bad = repairUTF8(&input) {
            var positions = HTMLPositions(bytes, firstLine: firstLine, firstColumn: firstColumn)
            let at = positions.position(of: bad)
            problems.append(MarkupProblem(
                .warning, code: "html-invalid-bytes", line: at.line, column: at.column,
                Localized(zh: "HTML 中有不是 UTF-8 的字节（或 NUL），已读作 �",
                          en: "the HTML has bytes that are not UTF-8 (or NUL); they were read as �")))
        }
        let builder = HTMLBlockBuilder(input: input, firstLine: firstLine, firstColumn: firstColumn)
        Markup.parseHTML(input, into: builder)
        builder.finish()
        return MarkupReading(blocks: builder.blocks, problems: problems + builder.problems)
    }

    /// Replaces what is not UTF-8, and NUL (which libxml2 would take for the end), by U+FFFD;
    /// returns the offset of the first byte replaced, if any. libxml2 itself would switch to
    /// Latin-1 at the first bad byte and garble every Chinese character after it.
    static func repairUTF8(_ bytes: inout [UInt8]) -> Int? {
        var firstBad = bytes.firstIndex(of: 0)
        let decoded = String(decoding: bytes, as: UTF8.self)
        if !decoded.utf8.elementsEqual(bytes) {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var offset = 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .error, .emptyInput: break loop
                }
            }
            firstBad = min(firstBad ?? offset, offset)
            bytes = Array(decoded.utf8)
        }
        if firstBad != nil, bytes.contains(0) {
            var repaired: [UInt8] = []
            repaired.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if byte == 0 { repaired.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { repaired.append(byte) }
            }
            bytes = repaired
        }
        return firstBad
    }
}
