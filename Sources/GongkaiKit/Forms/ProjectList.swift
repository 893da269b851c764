// A table that lists a department's projects one under another, each project's fields and its
// indicators in one row (`单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 |
// 指标值 …`, the export of a budget system): every project row becomes the rows of a form of its
// own, read by the same readers as any form.

/// Turns a project list table into one form per project.
///
/// The header names the project's fields (at least 项目名称 and one more) before its indicator
/// columns. A row whose 项目名称 cell is filled starts a project: its field cells become
/// `label | value` rows, then the indicator header and its indicator cells follow. The rows under
/// it hold the project's further indicators. A converter that dropped vertically merged cells
/// (a pipe table) shifts a row's cells left: a row is put back under the header by its first
/// 一级 or 二级 name, else (its 一级 and 二级 merged away) from the 三级 column; a field a row left
/// out that way is the one of the row above (a merged cell). A row that cannot be put under the
/// header for certain (a subtotal, a row whose cells do not fit) is said at its line and not read:
/// never an indicator or a field guessed into the wrong project.
enum ProjectList {
    struct Header {
        var line: Int
        var cells: [String]
        /// The field columns before the indicator ones: column, label (with the table's unit
        /// added to an amount's label that names none), kind.
        var fields: [(column: Int, label: String, kind: FieldKind)]
        var nameColumn: Int
        var level1: Int
        var level2: Int?
        var level3: Int
        /// The columns of the indicator's values (指标值, 半年/全年, 中期).
        var values: [Int]
        /// How many columns the header names (its last filled cell's, plus one).
        var width: Int
        /// The department the table's title names, when no column names one: each project's.
        var issuer: (name: String, line: Int)?
        /// The year the table's title names: each project's.
        var year: (text: String, line: Int)?
    }

    /// Whether a header cell is a row number's column (`序号`): a column of no field.
    private static func isNumberColumn(_ cell: String) -> Bool {
        ["序号", "编号", "序"].contains(LabelText.key(cell).path)
    }

    /// The list header a row is, if it is one.
    static func header(_ row: Row, unit: MoneyUnit?) -> Header? {
        guard row.cells.contains(where: { $0.utf8.count <= 16 && $0.utf8Contains("一级") }) else { return nil }
        guard let indicator = IndicatorHeader(cells: row.cells, line: row.line), indicator.secondGroup == nil,
              let level1 = indicator.position(of: .level1), level1 >= 2,
              let level3 = indicator.position(of: .level3), level3 > level1
        else { return nil }
        var fields: [(column: Int, label: String, kind: FieldKind)] = []
        for column in 0..<level1 {
            let cell = row.cells[column]
            guard !cell.isEmpty, !isNumberColumn(cell) else { continue }
            guard let kind = Labels.field(cell) else { return nil }
            var label = cell
            if TableReader.isAmount(kind), Labels.unit(cell) == nil, let unit { label += "(\(unit.rawValue))" }
            fields.append((column, label, kind))
        }
        guard fields.count >= 2, let name = fields.first(where: { $0.kind == .name }) else { return nil }
        let width = (row.cells.lastIndex(where: { !$0.isEmpty }) ?? 0) + 1
        return Header(line: row.line, cells: row.cells, fields: fields, nameColumn: name.column, level1: level1,
                      level2: indicator.position(of: .level2), level3: level3,
                      values: indicator.roles.indices.filter { [.value, .halfYear, .longValue].contains(indicator.roles[$0]) }, width: width)
    }

    /// The document's items with every project list table made into forms.
    static func expand(_ items: [FormItem], into doc: inout DocumentResult) -> [FormItem] {
        // Most documents have no list: they are given back as they are.
        guard items.contains(where: {
            if case .row(let row, _) = $0 { return header(row, unit: nil) != nil }
            return false
        }) else { return items }
        var out: [FormItem] = []
        out.reserveCapacity(items.count)
        var unit: MoneyUnit?
        /// The table's title: where it is in `out`, its text and line (until a row of fields comes).
        var title: (index: Int, text: String, line: Int)?
        /// Where the table's unit line is in `out` (its unit goes into the amounts' labels).
        var unitIndex: Int?
        func readTitle(_ text: String, line: Int) {
            if let stated = Vocabulary.current.statedUnit(text) {
                unit = stated
                unitIndex = out.count
                return
            }
            guard FormText.isTitle(text) else { return }
            title = (out.count, text, line)
        }
        var i = 0
        while i < items.count {
            let item = items[i]
            i += 1
            switch item {
            case .text(let line, let text, _):
                readTitle(text, line: line)
            case .row(let row, _):
                if row.filledCells.count == 1, let k = row.cells.firstIndex(where: { !$0.isEmpty }) {
                    readTitle(row.cells[k], line: row.line(ofCell: k))
                }
                if var header = header(row, unit: unit) {
                    // The department the table's title names (`某县教育局2024年项目支出绩效目标表`),
                    // when no column names one.
                    let namesDepartment = header.fields.contains {
                        if case .department = $0.kind { return true }
                        if case .departmentLevel = $0.kind { return true }
                        return false
                    }
                    if !namesDepartment, let t = title, let name = Titles.issuer(inTitle: t.text), Titles.looksLikeDepartment(name) {
                        header.issuer = (name, t.line)
                    }
                    if let t = title {
                        // The list's title names no project: its department and year are every
                        // project's.
                        out[t.index] = .blank(line: t.line)
                        header.year = Titles.year(in: t.text).map { ("\($0)年", t.line) }
                        doc.diagnose(.note, line: t.line, code: "list-title",
                                     "‘\(t.text.prefix(40))’是项目清单表的标题，不是某个项目的：其中的部门和年度用于表中每个项目",
                                     en: "‘\(t.text.prefix(40))’ is the title of a list of projects, not one project's: its department and year are each project's")
                        title = nil
                    }
                    if let k = unitIndex, case .row(let unitRow, _) = out[k] {
                        // Said by the amounts' labels now (`预算数(元)`).
                        out[k] = .blank(line: unitRow.line)
                    }
                    unitIndex = nil
                    var rows: [Row] = []
                    while i < items.count, case .row(let next, let first) = items[i], !first {
                        rows.append(next)
                        i += 1
                    }
                    out.append(contentsOf: expand(header, rows, into: &doc))
                    continue
                }
            case .blank:
                break
            }
            if case .row(let row, _) = item, row.filledCells.count >= 2 { title = nil }
            out.append(item)
        }
        return out
    }

    /// The forms of one list table's rows.
    private static func expand(_ header: Header, _ rows: [Row], into doc: inout DocumentResult) -> [FormItem] {
        var out: [FormItem] = []
        let indicatorHeader = Row(line: header.line, cells: Array(header.cells[header.level1..<header.width]))
        /// The last value of each field column (a merged cell stands for the rows under it).
        var carried: [Int: (text: String, line: Int)] = [:]
        /// Whether a project is open, and whether the last project row was left unread (its
        /// indicator rows are then left unread too).
        var open = false
        var skipping = false
        func skip(_ row: Row, _ why: String, _ en: String) {
            let text = String(row.filledCells.joined(separator: " ").prefix(40))
            doc.diagnose(.warning, line: row.line, code: "list-row-unread",
                         "项目清单表的这一行未读入（\(why)）：‘\(text)’",
                         en: "this row of the project list table is not read (\(en)): ‘\(text)’")
        }
        for row in rows {
            let cells = row.cells
            guard let firstFilled = cells.firstIndex(where: { !$0.isEmpty }) else { continue }
            // Where the row's cells go under the header: the column of its first cell.
            var shift: Int?
            if let a = cells.firstIndex(where: IndicatorVocabulary.isLevel1) {
                shift = header.level1 - a
            } else if let l2 = header.level2, let a = cells.firstIndex(where: IndicatorVocabulary.isLevel2) {
                shift = l2 - a
            } else if cells.count >= header.width, firstFilled >= header.level3 {
                shift = 0
            } else if firstFilled < header.level3, cells[firstFilled...].filter({ !$0.isEmpty }).count >= 2,
                      !Titles.looksLikeDepartment(cells[firstFilled]), Amounts.unit(in: cells[firstFilled]) == nil,
                      Self.readsAsAmount(cells[firstFilled]) == false, cells[firstFilled].scalarCount <= 60
            {
                shift = header.level3 - firstFilled
            }
            let lastFilled = cells.lastIndex(where: { !$0.isEmpty }) ?? firstFilled
            guard let shift, shift >= 0, lastFilled + shift < max(header.cells.count, header.width) + 1 else {
                skip(row, "放不进表头的各列，可能是合计或小计行", "its cells do not fit under the header's columns: a total or a subtotal?")
                continue
            }
            // The row's cells by the header's column.
            var placed: [Int: (text: String, line: Int)] = [:]
            for (k, cell) in cells.enumerated() where !cell.isEmpty {
                placed[k + shift] = (cell, row.line(ofCell: k))
            }
            let firstColumn = firstFilled + shift
            if firstColumn >= header.level3, !header.values.contains(where: { placed[$0] != nil }) {
                skip(row, "指标值一列是空的，各列对不上，可能是合计或小计行", "its value column is empty: the columns do not line up (a total or a subtotal?)")
                continue
            }
            if let name = placed[header.nameColumn] {
                // A project row: its name, its fields (a field left of the row's first cell is
                // the row above's, merged), then its indicators under their header.
                if Self.readsAsAmount(name.text) || Labels.field(name.text) != nil {
                    skipping = true
                    open = false
                    skip(row, "项目名称一格是金额或栏目名，各列对不上", "its 项目名称 cell holds an amount or a label: the columns do not line up")
                    continue
                }
                // An export that repeats the project's cells on each of its indicator rows: the
                // same name with the same fields is the open project, not another (its amount is
                // counted once).
                let repeats = open && !skipping && carried[header.nameColumn]?.text == name.text
                    && header.fields.allSatisfy { field in placed[field.column].map { $0.text == carried[field.column]?.text } ?? true }
                if !repeats {
                    skipping = false
                    open = true
                    var nameRow = Row(line: name.line, cells: [header.cells[header.nameColumn], name.text], cellLines: [name.line, name.line])
                    nameRow.startsForm = true
                    out.append(.row(nameRow, first: false))
                    for field in header.fields where field.column != header.nameColumn {
                        var value = placed[field.column]
                        if value == nil, field.column < firstColumn { value = carried[field.column] }
                        guard let value else { continue }
                        carried[field.column] = value
                        out.append(.row(Row(line: value.line, cells: [field.label, value.text], cellLines: [value.line, value.line]), first: false))
                    }
                    if let issuer = header.issuer {
                        out.append(.row(Row(line: issuer.line, cells: ["主管部门", issuer.name]), first: false))
                    }
                    if let year = header.year, !header.fields.contains(where: { $0.kind == .year }) {
                        out.append(.row(Row(line: year.line, cells: ["预算年度", year.text]), first: false))
                    }
                    carried[header.nameColumn] = name
                    out.append(.row(indicatorHeader, first: false))
                }
            } else if placed.keys.contains(where: { $0 < header.level1 }) {
                skip(row, "有项目的栏目却没有项目名称", "it fills a project's columns but not its 项目名称")
                skipping = true
                continue
            } else if !open || skipping {
                if !skipping {
                    skip(row, "在第一个项目之前", "it comes before the first project")
                } else {
                    skip(row, "所属项目的行未读入", "the row of its project was not read")
                }
                continue
            }
            // The indicator cells, from the 一级 column on.
            let indicatorCells = (header.level1..<max(header.width, (placed.keys.max() ?? 0) + 1)).map { placed[$0] }
            guard indicatorCells.contains(where: { $0 != nil }) else { continue }
            out.append(.row(Row(line: row.line, cells: indicatorCells.map { $0?.text ?? "" }, lastLine: row.lastLine,
                                cellLines: indicatorCells.map { $0?.line ?? row.line }), first: false))
        }
        return out
    }

    /// Whether a cell is an amount alone (`3,309,840.00`, `66`).
    private static func readsAsAmount(_ text: String) -> Bool {
        TableReader.readAmount(text, unit: nil) != nil
    }
}
