// Layout D: Word table dumps — one cell per line, rows between blank lines, labels broken over lines.

/// Reads 项目绩效目标表 table dumps with a 部门整体绩效目标 header.
///
/// A line starting with a tab is a cell; a short line without a tab right after a
/// short cell continues it (`项目` + `编码`); a blank line before a cell ends a row.
/// A title ending in `绩效目标表` starts a project.
struct TableDumpReader {
    let source: SourceText

    private struct Cell {
        var text: String
        var line: Int
    }

    func read(into doc: inout DocumentResult) {
        // 1. Lines → header text, titles, and cell rows.
        var headerLines: [(Int, String)] = []
        var segments: [(titleLine: Int, title: String, rows: [[Cell]])] = []
        var row: [Cell] = []
        var blankRun = 0
        var pendingTitle: (Int, String)?

        func endRow() {
            guard !row.isEmpty else { return }
            if segments.isEmpty {
                doc.diagnose(.warning, line: row[0].line, code: "row-outside-project", "table row before any project title; not read")
            } else {
                segments[segments.count - 1].rows.append(row)
            }
            row = []
        }

        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            // A line starting with a tab is a cell, even an empty one.
            if source.startsWithTab(n) {
                if let (line, title) = pendingTitle {
                    segments.append((line, title, []))
                    pendingTitle = nil
                }
                if blankRun > 0 { endRow() }
                blankRun = 0
                for cell in source.rawCells(n).dropFirst() { row.append(Cell(text: CellText.clean(cell), line: n)) }
                continue
            }
            if source.isBlank(n) {
                blankRun += 1
                continue
            }
            defer { blankRun = 0 }
            let text = source.text(n)
            if let last = row.last, blankRun <= 1, last.text.scalarCount <= 6, text.scalarCount <= 6, !text.utf8HasSuffix("绩效目标表") {
                // A label broken over lines: `项目` + `编码`.
                row[row.count - 1].text += text
                continue
            }
            endRow()
            if let (line, title) = pendingTitle, !title.utf8HasSuffix("绩效目标表"), text == "项目绩效目标表" || text == "绩效目标表" {
                pendingTitle = (line, title + text)
            } else if segments.isEmpty && pendingTitle == nil && !Self.isTitle(text) {
                headerLines.append((n, text))
            } else {
                if let (line, title) = pendingTitle {
                    doc.diagnose(.warning, line: line, code: "text-outside-table", "text with no table after it not read: ‘\(title.prefix(40))’")
                }
                pendingTitle = (n, text)
            }
        }
        endRow()
        if let (line, title) = pendingTitle {
            doc.diagnose(.warning, line: line, code: "empty-form", "title ‘\(title.prefix(40))’ has no table after it")
        }

        // 2. The header: department, year, overall goals.
        readHeader(headerLines, into: &doc)

        // 3. Each project's rows.
        for segment in segments {
            var project = Project(layout: .d, location: SourceLocation(file: source.path, line: segment.titleLine), name: "")
            if let name = Titles.projectName(inTargetTableTitle: segment.title) { project.name = name }
            project.year = Titles.year(in: segment.title) ?? doc.year
            var reader = TableReader(project: project, file: source.path)
            var width: Int?
            var pending: [Cell]?
            for cells in segment.rows {
                let texts = cells.map(\.text)
                if width == nil, let header = IndicatorHeader(cells: texts, line: cells[0].line) {
                    width = header.width
                    reader.read(Row(line: cells[0].line, cells: texts, lastLine: cells[cells.count - 1].line), into: &doc)
                    continue
                }
                guard let width else {
                    reader.read(Row(line: cells[0].line, cells: texts, lastLine: cells[cells.count - 1].line), into: &doc)
                    continue
                }
                // An indicator row split by blank lines: join the parts up to the header's width.
                if var first = pending {
                    if first.count + cells.count <= width {
                        first.append(contentsOf: cells)
                        pending = nil
                        reader.read(Row(line: first[0].line, cells: first.map(\.text), lastLine: first[first.count - 1].line), into: &doc)
                        continue
                    }
                    reader.read(Row(line: first[0].line, cells: first.map(\.text), lastLine: first[first.count - 1].line), into: &doc)
                    pending = nil
                }
                if cells.count < width, !texts.allSatisfy(\.isEmpty) {
                    pending = cells
                } else {
                    reader.read(Row(line: cells[0].line, cells: texts, lastLine: cells[cells.count - 1].line), into: &doc)
                }
            }
            if let first = pending {
                reader.read(Row(line: first[0].line, cells: first.map(\.text), lastLine: first[first.count - 1].line), into: &doc)
            }
            if let title = Titles.projectName(inTargetTableTitle: segment.title), title != reader.project.name,
                !reader.project.otherNames.contains(title), !reader.project.name.isEmpty
            {
                reader.project.otherNames.append(title)
            }
            doc.projects.append(reader.project)
        }
    }

    private func readHeader(_ lines: [(Int, String)], into doc: inout DocumentResult) {
        var goalsStart: Int?
        for (i, (_, text)) in lines.enumerated() {
            if text.utf8Contains("整体绩效目标") { goalsStart = i; break }
            if doc.department == nil, Titles.looksLikeDepartment(text) {
                doc.department = Departments.stripCode(text)
            } else if doc.year == nil, let y = Titles.year(in: text) {
                doc.year = y
            } else if text.utf8HasSuffix("编制") || Titles.year(in: text) != nil {
                // `高新区人社局编制`, `2024年部门预算绩效文本`: cover text.
            } else if let d = doc.department, text.utf8HasPrefix(d) {
                // Cover text naming the department again.
            } else {
                doc.diagnose(.note, line: lines[i].0, code: "text-outside-table", "cover text not read: ‘\(text.prefix(40))’")
            }
        }
        if let goalsStart {
            let (line, title) = lines[goalsStart]
            if doc.year == nil { doc.year = Titles.year(in: title) }
            doc.overallGoals = OverallGoalsReader.read(title: title, line: line, lines: Array(lines[(goalsStart + 1)...]), path: source.path)
        }
    }

    private static func isTitle(_ text: String) -> Bool {
        text.utf8HasSuffix("绩效目标表") && !text.utf8Contains("整体")
    }
}

/// Reads 部门整体绩效目标: `一、` sections, `（一）` items with 绩效目标 / 绩效指标, paragraphs.
enum OverallGoalsReader {
    static func read(title: String, line: Int, lines: [(Int, String)], path: String) -> OverallGoals {
        var sections: [OverallSection] = []
        for (n, text) in lines {
            if isSectionTitle(text) {
                sections.append(OverallSection(title: text, paragraphs: [], items: [], line: n))
                continue
            }
            if sections.isEmpty {
                sections.append(OverallSection(title: "", paragraphs: [], items: [], line: n))
            }
            let s = sections.count - 1
            if isItemTitle(text) {
                sections[s].items.append(GoalItem(title: text, goal: nil, indicator: nil, line: n))
            } else if let body = after(text, prefixes: ["绩效目标：", "绩效目标:"]), !sections[s].items.isEmpty {
                let i = sections[s].items.count - 1
                sections[s].items[i].goal = join(sections[s].items[i].goal, body)
            } else if let body = after(text, prefixes: ["绩效指标：", "绩效指标:"]), !sections[s].items.isEmpty {
                let i = sections[s].items.count - 1
                sections[s].items[i].indicator = join(sections[s].items[i].indicator, body)
            } else {
                sections[s].paragraphs.append(text)
            }
        }
        return OverallGoals(title: title, sections: sections, location: SourceLocation(file: path, line: line))
    }

    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static func isSectionTitle(_ text: String) -> Bool {
        let head = text.prefix(while: { numerals.contains($0) })
        return !head.isEmpty && head.count <= 3 && text.dropFirst(head.count).first == "、" && text.count <= 30
    }

    static func isItemTitle(_ text: String) -> Bool {
        guard let first = text.first, first == "（" || first == "(" else { return false }
        let inner = text.dropFirst().prefix(while: { numerals.contains($0) })
        guard !inner.isEmpty else { return false }
        let close = text.dropFirst(1 + inner.count).first
        return close == "）" || close == ")"
    }

    private static func after(_ text: String, prefixes: [String]) -> String? {
        for p in prefixes where text.utf8HasPrefix(p) { return String(text.dropFirst(p.count)).trimmingWhitespace() }
        return nil
    }

    private static func join(_ a: String?, _ b: String) -> String { a.map { $0 + "\n" + b } ?? b }
}
