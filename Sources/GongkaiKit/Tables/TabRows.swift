// Tables written with tabs: one row a line (`a⇥b⇥c`), or one cell a tab-led line (Word dumps).

import Foundation

/// Reads the two tab shapes of converted forms from a document's lines.
enum TabRows {
    /// Whether the document is a Word table dump: one cell per line, each led by a tab, rows
    /// between blank lines (`⇥项目名称`, blank, `⇥被征地农民社会保障费`). Told by the labels
    /// that stand alone on tab-led lines, which a tab-separated row never has.
    static func isCellLineDump(_ source: SourceText) -> Bool {
        var votes = 0
        let bytes = source.bytes
        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            let range = source.lineRange(n)
            guard range.count > 1, bytes[range.lowerBound] == 0x09 else { continue }
            var cell = range.lowerBound + 1..<range.upperBound
            while cell.upperBound > cell.lowerBound, bytes[cell.upperBound - 1] == 0x20 || bytes[cell.upperBound - 1] == 0x09 {
                cell = cell.lowerBound..<cell.upperBound - 1
            }
            if dumpCells.contains(where: { $0.elementsEqual(bytes[cell]) }) {
                votes += 1
                if votes >= 2 { return true }
            }
        }
        return false
    }

    private static let dumpCells: [[UInt8]] = ["项目名称", "资金支出计划（%）", "预算规模及资金用途", "项目编码", "绩效指标"].map { Array($0.utf8) }

    /// The tab-separated rows from line `start` on: consecutive lines with a tab, and a text line
    /// right below a row that continues its last cell (a cell split over lines). Returns the
    /// table and the first line after it.
    static func rows(_ source: SourceText, from start: Int, isContinuation: (String) -> Bool) -> (SourceTable, next: Int) {
        var rows: [[SourceCell]] = []
        var rowLines: [Int] = []
        var n = start
        var last = start
        while n <= source.lineCount {
            if source.hasTab(n) {
                rows.append(cells(source, line: n))
                rowLines.append(n)
                last = n
                n += 1
                continue
            }
            // A line of text right below a row continues the row's last cell.
            guard !rows.isEmpty, !source.isBlank(n), n == last + 1 else { break }
            let text = source.text(n)
            guard isContinuation(text), var row = rows.popLast() else { break }
            if let k = row.lastIndex(where: { !$0.text.isEmpty }) {
                row[k].text += "\n" + text
            } else if !row.isEmpty {
                row[row.count - 1].text = text
            }
            rows.append(row)
            last = n
            n += 1
        }
        var table = SourceTable(shape: .tabs, rows: rows, firstLine: start, lastLine: last, rowLines: rowLines)
        table.cleaned = true
        return (table, n)
    }

    /// The cleaned cells of a tab-separated line.
    static func cells(_ source: SourceText, line n: Int) -> [SourceCell] {
        let r = source.lineRange(n)
        return source.bytes.withUnsafeBufferPointer { buf in
            var cells: [SourceCell] = []
            cells.reserveCapacity(12)
            var start = r.lowerBound
            // The tabs are found by memchr (vectorised), not byte by byte.
            if let base = buf.baseAddress {
                while start < r.upperBound, let hit = memchr(base + start, 0x09, r.upperBound - start) {
                    let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    cells.append(SourceCell(text: CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: buf[start..<i])), line: n))
                    start = i + 1
                }
            }
            cells.append(SourceCell(text: CellText.clean(validUTF8: UnsafeBufferPointer(rebasing: buf[start..<r.upperBound])), line: n))
            return cells
        }
    }

    /// A Word table dump from line `start` (a tab-led line) on: tab-led lines are cells, a blank
    /// line before a cell ends a row, and a short line right after a short cell continues it (a
    /// label broken over lines: `项目` + `编码`). Ends before a line of text that is none of these.
    static func cellLines(_ source: SourceText, from start: Int, isTitle: (String) -> Bool) -> (SourceTable, next: Int) {
        var rows: [[SourceCell]] = []
        var row: [SourceCell] = []
        var blankRun = 0
        var n = start
        var last = start
        func endRow() {
            if !row.isEmpty { rows.append(row) }
            row = []
        }
        while n <= source.lineCount {
            if source.startsWithTab(n) {
                if blankRun > 0 { endRow() }
                blankRun = 0
                for cell in source.rawCells(n).dropFirst() { row.append(SourceCell(text: CellText.clean(cell), line: n)) }
                last = n
                n += 1
                continue
            }
            if source.isBlank(n) {
                blankRun += 1
                n += 1
                continue
            }
            let text = source.text(n)
            guard let cell = row.last, blankRun <= 1, cell.text.scalarCount <= 6, text.scalarCount <= 6, !isTitle(text) else { break }
            row[row.count - 1].text += text
            blankRun = 0
            last = n
            n += 1
        }
        endRow()
        var table = SourceTable(shape: .cellLines, rows: joinSplitIndicatorRows(rows), firstLine: start, lastLine: last)
        table.cleaned = true
        // Blank lines after the table belong to what follows it.
        return (table, last + 1)
    }

    /// In a dump, an indicator row can come apart at a blank line: after the indicator header,
    /// a row with fewer cells than the header is joined with the rows after it while they fit.
    private static func joinSplitIndicatorRows(_ rows: [[SourceCell]]) -> [[SourceCell]] {
        var out: [[SourceCell]] = []
        var width: Int?
        var pending: [SourceCell]?
        for cells in rows {
            guard let w = width else {
                if let header = IndicatorHeader(cells: cells.map(\.text), line: cells[0].line) { width = header.width }
                out.append(cells)
                continue
            }
            if var first = pending {
                pending = nil
                if first.count + cells.count <= w {
                    first.append(contentsOf: cells)
                    out.append(first)
                    continue
                }
                out.append(first)
            }
            if cells.count < w, !cells.allSatisfy({ $0.text.isEmpty }) {
                pending = cells
            } else {
                out.append(cells)
            }
        }
        if let first = pending { out.append(first) }
        return out
    }
}
