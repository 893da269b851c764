// One department-year's open data beside its page: its projects and indicators as CSV (for
// tools), JSON (for programs) and .xlsx (for people with Excel or WPS), formatted once; the
// CSV rows and project objects go into the site-wide files too.

/// The open-data files of one department-year, by site path.
struct DepartmentYearFiles {
    let projectsCSV: String
    let indicatorsCSV: String
    let json: String
    let xlsx: String

    /// Beside the department-year's page (`旌德县…/2024/旌德县…-2024-projects.csv`).
    init(pagePath: String) {
        let dir = String(pagePath.dropFirst())
        let stem = dir.split(separator: "/").joined(separator: "-")
        projectsCSV = dir + stem + "-projects.csv"
        indicatorsCSV = dir + stem + "-indicators.csv"
        json = dir + stem + ".json"
        xlsx = dir + stem + ".xlsx"
    }

    var all: [String] { [xlsx, projectsCSV, indicatorsCSV, json] }
}

/// A department-year's data, formatted: its rows for the site-wide files and its own files.
struct DepartmentYearData {
    /// The columns of the .xlsx's indicator sheet: the CSV's without what is the same on every
    /// row of one department-year's file (the department, the year) or is only for programs
    /// (the project's id, the 一级指标's class, the operator), so that it reads well and stays small.
    static let sheetIndicatorColumns = ["project", "level1", "level2", "level3", "period", "value", "number", "unit", "kind",
                                        "term", "form_operator", "form_unit", "description", "basis", "source_line"].map { name in DataExport.indicatorColumns.first { $0.name == name }! }
    /// What comes before an indicator row of the JSON: a line break (after a comma) and its indentation.
    static let firstRow: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 8)
    static let nextRow: [UInt8] = [0x2C, 0x0A] + [UInt8](repeating: 0x20, count: 8)
    /// A value's kind as people read it (empty without a value).
    static func kindText(_ kind: TargetValue.Kind?) -> String {
        switch kind {
        case .quantitative: "定量"
        case .qualitative: "定性"
        case .date: "日期"
        case .range: "区间"
        case nil: ""
        }
    }

    /// How the .xlsx writes each project column, in `projectColumns` order (worked out once:
    /// the columns are a static array, read in a loop over every project).
    private enum CellKind { case amount, number, text }
    private static let projectCellKinds: [CellKind] = DataExport.projectColumns.map { column in
        switch column.type {
        case "number": .amount
        case "integer", "year": .number
        default: .text
        }
    }

    /// The CSV rows (after a Chinese header), for its own files and the site-wide ones.
    var projectRows = CSVWriter(header: DataExport.projectColumns.map(\.title))
    var indicatorRows = CSVWriter(header: DataExport.indicatorColumns.map(\.title))
    /// Its projects' objects as projects.json writes them, separated by `,\n  `.
    var projectsJSON: [UInt8] = []
    /// Its own files: path and bytes.
    var files: [(String, [UInt8])] = []

    /// Formats the department-year's rows and files. `base` is the site's address (ending in `/`).
    static func make(_ entry: SiteIndex.DepartmentYearEntry, sources: [String: DocumentSource], base: String, paths: PublicPaths = PublicPaths()) throws -> DepartmentYearData {
        let dy = entry.departmentYear
        var data = DepartmentYearData()
        var projectObjects: [(JSON, [UInt8])] = []
        var projectSheet = XLSXSheet(name: "项目", columns: DataExport.projectColumns.map { ($0.title, $0.width) })
        let indicatorColumns = Self.sheetIndicatorColumns.map { ($0.title, $0.width) }
        var indicatorSheets = [XLSXSheet(name: "绩效指标", columns: indicatorColumns)]
        for (i, (p, page)) in zip(dy.projects, entry.projectPaths).enumerated() {
            let source = sources[p.location.file]
            let context = ProjectRowContext(year: dy.year, page: page, url: DataExport.url(page, base: base), source: source,
                                            originalURLs: (source?.originals ?? []).map { base + Permalinks.encode($0.path) }, paths: paths)
            let row = DataExport.projectRow(p, context)
            data.projectRows.append(row)
            let object = DataExport.projectJSON(p, context)
            if i > 0 { data.projectsJSON.append(contentsOf: [0x2C, 0x0A, 0x20, 0x20]) }
            object.write(to: &data.projectsJSON, pretty: true, indent: 1)
            let cellKinds = Self.projectCellKinds
            for k in row.indices {
                switch cellKinds[k] {
                case .amount: projectSheet.number(row[k], amount: true)
                case .number: projectSheet.number(row[k])
                case .text: projectSheet.text(row[k])
                }
            }
            projectSheet.endRow()

            let rows = IndicatorRow.rows(of: p)
            DataExport.appendIndicatorRows(rows, p, context, to: &data.indicatorRows)
            // In the JSON each project carries its indicator rows, one a line.
            var indicatorJSON: [UInt8] = []
            DataExport.appendIndicatorJSON(rows, p, first: Self.firstRow, next: Self.nextRow, to: &indicatorJSON)
            let indicators = p.indicators
            for k in rows.indices {
                if indicatorSheets[indicatorSheets.count - 1].isFull {
                    indicatorSheets.append(XLSXSheet(name: "绩效指标\(indicatorSheets.count + 1)", columns: indicatorColumns))
                }
                let i = rows[k].indicator
                // The last sheet is written in place (`removeLast` and `append` moved it out and back).
                let last = indicatorSheets.count - 1
                indicatorSheets[last].text(p.name); indicatorSheets[last].text(indicators[i].level1)
                indicatorSheets[last].text(indicators[i].level2); indicatorSheets[last].text(indicators[i].name)
                indicatorSheets[last].text(rows[k].period); indicatorSheets[last].text(rows[k].value)
                indicatorSheets[last].text(rows[k].number); indicatorSheets[last].text(rows[k].unit)
                indicatorSheets[last].text(Self.kindText(rows[k].parsed?.value.kind))
                indicatorSheets[last].text(rows[k].term ?? ""); indicatorSheets[last].text(rows[k].formOperator ?? "")
                indicatorSheets[last].text(rows[k].formUnit ?? ""); indicatorSheets[last].text(indicators[i].description ?? "")
                indicatorSheets[last].text(indicators[i].basis ?? ""); indicatorSheets[last].number(rows[k].line)
                indicatorSheets[last].endRow()
            }
            projectObjects.append((object, indicatorJSON))
        }
        let files = DepartmentYearFiles(pagePath: entry.path)
        var json = DataExport.departmentYearJSON(dy, context: DataExport.YearContext(entry, sources: sources, base: base, paths: paths))
        // As department-years.json has it, with its projects (as projects.json has them, each
        // with its indicator rows, one a line) instead of their count.
        if case .object(let pairs) = json { json = .object(pairs.filter { $0.0 != "projects" }) }
        var jsonBytes = json.bytes(pretty: true)
        jsonBytes.removeLast(3)  // "\n}\n"
        jsonBytes.append(contentsOf: ",\n  \"projects\": [".utf8)
        for (i, (object, rows)) in projectObjects.enumerated() {
            jsonBytes.append(contentsOf: (i == 0 ? "\n    " : ",\n    ").utf8)
            object.write(to: &jsonBytes, pretty: true, indent: 2)
            jsonBytes.removeLast(6)  // "\n    }": the rows go before it
            jsonBytes.append(contentsOf: ",\n      \"indicatorRows\": [".utf8)
            jsonBytes.append(contentsOf: rows)
            jsonBytes.append(contentsOf: (rows.isEmpty ? "]\n    }" : "\n      ]\n    }").utf8)
        }
        jsonBytes.append(contentsOf: (projectObjects.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8)
        data.files = [
            (files.xlsx, try XLSXPackage.bytes([projectSheet] + indicatorSheets)),
            (files.projectsCSV, data.projectRows.bytes),
            (files.indicatorsCSV, data.indicatorRows.bytes),
            (files.json, jsonBytes),
        ]
        return data
    }
}
