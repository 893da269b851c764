// Layouts A and B: forms whose rows are tab-separated lines, one title per project.

/// Reads 绩效目标申报表 (A) and 市级财政项目支出预算绩效目标表 (B) documents.
///
/// A title line (`…绩效目标申报表`, `…绩效目标表`) starts a project; the rows
/// after it, up to the next title, are its table. A's title names the project,
/// B's name comes from its `项目名称` row.
struct TabbedFormReader {
    let source: SourceText
    let blocks: [Block]
    let layout: Layout

    func read(into doc: inout DocumentResult) {
        var current: TableReader?
        var segmentYear: Int?
        var lastRowLine = 0

        func finish(_ reader: TableReader?, into doc: inout DocumentResult) {
            guard var project = reader?.project else { return }
            if project.year == nil { project.year = segmentYear ?? doc.year }
            doc.projects.append(project)
        }

        for block in blocks {
            var previousWasRow = false
            for n in block.firstLine...min(block.lastLine, source.lineCount) {
                if source.isBlank(n) { previousWasRow = false; continue }
                var text: String
                if source.hasTab(n) {
                    if current == nil {
                        // Rows before any title: a form without a title line.
                        current = TableReader(project: Project(layout: layout, location: location(n), name: ""), file: source.path)
                    }
                    var row = source.row(n)
                    let glued = Self.splitGluedTitle(&row)
                    current?.read(row, into: &doc)
                    previousWasRow = true
                    lastRowLine = n
                    guard let title = glued else { continue }
                    // The next form's title glued to this row (a lost line break): start it here.
                    text = title
                    previousWasRow = false
                } else {
                    text = source.text(n)
                }
                if previousWasRow, lastRowLine == n - 1, !isTitle(text), var reader = current {
                    // A cell split over lines: the line continues the row above.
                    if reader.continueLastCell(text, line: n) {
                        current = reader
                        lastRowLine = n
                        continue
                    }
                }
                previousWasRow = false
                if isTitle(text) {
                    finish(current, into: &doc)
                    var project = Project(layout: layout, location: location(n), name: "")
                    if text.utf8Contains("申报表"), let name = Titles.projectName(inApplicationTitle: text) {
                        project.name = name
                    }
                    segmentYear = Titles.year(in: text)
                    project.year = segmentYear
                    current = TableReader(project: project, file: source.path)
                } else if let year = Titles.year(in: text), text.scalarCount <= 12 {
                    // `2022年度` under a B title.
                    segmentYear = year
                    current?.project.year = year
                } else if isSectionTitle(text) {
                    // `决策指标`, `### 产出指标`: the rows say the same.
                } else if current == nil, doc.department == nil, Titles.looksLikeDepartment(text) {
                    doc.department = Departments.stripCode(text)
                } else {
                    doc.diagnose(.note, line: n, code: "text-outside-table",
                                 "text outside the form's table not read: ‘\(text.prefix(40))’")
                }
            }
        }
        finish(current, into: &doc)
    }

    private func location(_ line: Int) -> SourceLocation { SourceLocation(file: source.path, line: line) }

    private static let gluedTitles = ["市级财政项目支出预算绩效目标表", "项目支出预算绩效目标表", "项目支出绩效目标表", "项目绩效目标表"]

    /// Splits a form title glued to the end of a row's last cell (`>80%市级财政项目支出预算绩效目标表`);
    /// returns the title and leaves the row with the cell's own text.
    static func splitGluedTitle(_ row: inout Row) -> String? {
        guard let last = row.cells.lastIndex(where: { !$0.isEmpty }) else { return nil }
        let cell = row.cells[last]
        guard cell.utf8HasSuffix("绩效目标表") || cell.utf8HasSuffix("申报表") else { return nil }
        for title in gluedTitles {
            guard let range = cell.range(of: title), range.lowerBound > cell.startIndex else { continue }
            row.cells[last] = cell[..<range.lowerBound].trimmingWhitespace()
            return String(cell[range.lowerBound...])
        }
        return nil
    }

    private func isTitle(_ text: String) -> Bool {
        guard text.utf8HasSuffix("表") || text.utf8.last == 0x20 || text.utf8.last == 0x23 else { return false }
        let s = text.trimming("# ")
        return s.utf8HasSuffix("申报表") || s.utf8HasSuffix("绩效目标表")
    }

    private func isSectionTitle(_ text: String) -> Bool {
        let s = text.trimming("# ")
        return s.scalarCount <= 8 && (s.utf8HasSuffix("指标") || IndicatorVocabulary.isLevel1(s))
    }
}

extension String {
    /// Trims the given characters at both ends (plus whitespace).
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
