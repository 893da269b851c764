// Rows a page ran together, cut apart: an indicator header inside a row of fields, several
// indicators in one row, and the two groups of 中期 and 年度 columns side by side.

extension TableReader {
    /// The first cell that names the 一级 column, if any (a row's one scan for a header).
    static func level1Cell(_ row: Row) -> Int? {
        row.cells.firstIndex { $0.utf8.count <= 16 && $0.utf8Contains("一级") }
    }

    /// A row with an indicator header inside it and other cells before or after it: the three
    /// parts, or nil (a header alone, or no header). Looked for only in a row with a cell
    /// naming the 一级 column.
    static func splitAtHeader(_ row: Row, at k: Int) -> (Row, Row, Row)? {
        guard k > 0 || row.cells.count > 3, IndicatorHeader.role(of: row.cells[k]) == .level1 else { return nil }
        var start = k
        if start > 0, IndicatorTableReader.isLabelColumnText(row.cells[start - 1]) { start -= 1 }
        var end = k + 1
        var j = k + 1
        while j < row.cells.count {
            let cell = row.cells[j]
            if cell.isEmpty { j += 1; continue }
            guard IndicatorHeader.role(of: cell) != nil else { break }
            j += 1
            end = j
        }
        let before = row.cells[..<start].contains { !$0.isEmpty }
        let after = row.cells[end...].contains { !$0.isEmpty }
        guard before || after, IndicatorHeader(cells: Array(row.cells[start..<end]), line: row.line) != nil else { return nil }
        func part(_ r: Range<Int>) -> Row {
            let first = r.first { !row.cells[$0].isEmpty } ?? r.lowerBound
            return Row(line: row.line(ofCell: first), cells: Array(row.cells[r]), lastLine: r.map { row.line(ofCell: $0) }.max() ?? row.line,
                       cellLines: r.map { row.line(ofCell: $0) })
        }
        return (part(0..<start), part(start..<end), part(end..<row.cells.count))
    }

    /// Several indicators that a page ran into one row (`猪肉产量稳定率 | % | ≥95% | 能繁母猪稳定率 |
    /// % | 90%`, no row ends marked): cut after each name and the cells of its columns, when every
    /// part is a name and exactly that many cells.
    static func splitMerged(_ row: Row, _ header: IndicatorHeader) -> [Row] {
        let tail = header.tail.count
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        guard tail > 0, filled.count > header.width, header.secondGroup == nil else { return [row] }
        // The categories first, then (name, tail cells) repeated.
        var k = 0
        while k < filled.count, IndicatorVocabulary.isVocabulary(row.cells[filled[k]]) || IndicatorTableReader.isLabelColumnText(row.cells[filled[k]]) { k += 1 }
        let rest = filled[k...]
        // Whole chunks, and the last one possibly cut (the text ends inside it).
        guard rest.count / (tail + 1) >= 2 || (rest.count > tail + 1 && rest.count % (tail + 1) != 0) else { return [row] }
        var rows: [Row] = []
        var start = 0
        for chunk in stride(from: rest.startIndex, to: rest.endIndex, by: tail + 1) {
            let name = row.cells[rest[chunk]]
            guard !IndicatorVocabulary.isOperator(name), !IndicatorVocabulary.isVocabulary(name) else { return [row] }
            // Each whole chunk ends with its last column's cell, never a name or a category.
            if chunk + tail < rest.endIndex {
                let last = row.cells[rest[chunk + tail]]
                if IndicatorVocabulary.looksLikeLevel2(last) { return [row] }
                if header.tail.last == .value, !(IndicatorVocabulary.isValueLike(last) || IndicatorVocabulary.isUnfilled(last)) { return [row] }
            }
            let end = chunk + tail + 1 < rest.endIndex ? rest[chunk + tail + 1] : row.cells.count
            let columns = chunk == rest.startIndex ? Array(0..<end) : Array(start..<end)
            rows.append(Row(line: row.line(ofCell: columns.first { !row.cells[$0].isEmpty } ?? columns[0]),
                            cells: columns.map { row.cells[$0] }, lastLine: row.lastLine, cellLines: columns.map { row.line(ofCell: $0) }))
            start = end
        }
        return rows
    }

    /// A row of two groups of columns cut in two: by the header's columns when it is whole,
    /// else where the second group's 二级 name (or, without one, its name and values from the
    /// right) starts. The second half gets the first half's 一级 cell.
    static func splitGroups(_ row: Row, _ header: IndicatorHeader, _ second: IndicatorHeader) -> (Row, Row?) {
        guard let columns = header.secondGroup else { return (row, nil) }
        func take(_ indices: [Int]) -> Row {
            Row(line: row.line, cells: indices.map { $0 >= 0 && $0 < row.cells.count ? row.cells[$0] : "" },
                lastLine: row.lastLine, cellLines: indices.map { row.line(ofCell: $0) })
        }
        let fullWidth = (columns.last ?? 0) + 1
        let used = (row.cells.lastIndex { !$0.isEmpty } ?? -1) + 1
        if used == fullWidth {
            return (take(Array(0..<header.width)), take(columns))
        }
        // Cells moved left (merged cells dropped): the second group starts at its 二级 name.
        let filled = row.cells.indices.filter { !row.cells[$0].isEmpty }
        guard filled.count >= 4 else { return (row, nil) }
        let partWidth = second.tail.count + 2  // 二级, 三级 and the columns after
        var cut = filled.last { k in k > filled[1] && IndicatorVocabulary.looksLikeLevel2(row.cells[k]) }
        if cut == nil, filled.count >= 2 * (partWidth - 1) { cut = filled[filled.count - (partWidth - 1)] }
        guard let cut else { return (row, nil) }
        let first = take(Array(0..<cut))
        let level1 = IndicatorVocabulary.isLevel1(row.cells[filled[0]]) && IndicatorVocabulary.isVocabulary(row.cells[filled[1]]) ? filled[0] : -1
        let prefix = (second.position(of: .level2) ?? 2) - 1
        let shared = Array(repeating: -1, count: max(0, prefix)) + [level1]
        var other = take(shared + Array(cut..<row.cells.count))
        if !IndicatorVocabulary.looksLikeLevel2(row.cells[cut]) {
            // No 二级 cell of its own: the name under the 三级 column.
            other = take(shared + [-1] + Array(cut..<row.cells.count))
        }
        return (first, other)
    }
}
