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
    /// The CSV rows (after a Chinese header), for its own files and the site-wide ones.
    var projectRows = CSVWriter(header: DataExport.projectColumns.map(\.title))
    var indicatorRows = CSVWriter(header: DataExport.indicatorColumns.map(\.title))
    /// Its projects' objects as projects.json writes them, separated by `,\n  `.
    var projectsJSON: [UInt8] = []
    /// Its own files: path and bytes.
    var files: [(String, [UInt8])] = []

    /// Formats the department-year's rows and files. `base` is the site's address (ending in `/`).
    static func make(_ entry: SiteIndex.DepartmentYearEntry, sources: [String: DocumentSource], base: String) throws -> DepartmentYearData {
        let dy = entry.departmentYear
        var data = DepartmentYearData()
        var projectObjects: [JSON] = []
        var indicatorObjects: [JSON] = []
        var projectSheet = XLSXSheet(name: "项目", columns: DataExport.projectColumns.map { ($0.title, $0.width) })
        var indicatorSheets = [XLSXSheet(name: "绩效指标", columns: DataExport.indicatorColumns.map { ($0.title, $0.width) })]
        for (i, (p, page)) in zip(dy.projects, entry.projectPaths).enumerated() {
            let source = sources[p.location.file]
            let context = ProjectRowContext(year: dy.year, page: page, url: DataExport.url(page, base: base), source: source,
                                            originalURLs: (source?.originals ?? []).map { base + Permalinks.encode($0.path) })
            let row = DataExport.projectRow(p, context)
            data.projectRows.append(row)
            let object = DataExport.projectJSON(p, context)
            if i > 0 { data.projectsJSON.append(contentsOf: [0x2C, 0x0A, 0x20, 0x20]) }
            object.write(to: &data.projectsJSON, pretty: true, indent: 1)
            projectObjects.append(object)
            for (k, value) in row.enumerated() {
                switch DataExport.projectColumns[k].type {
                case "number": projectSheet.number(value, amount: true)
                case "integer", "year": projectSheet.number(value)
                default: projectSheet.text(value)
                }
            }
            projectSheet.endRow()

            let rows = IndicatorRow.rows(of: p)
            DataExport.appendIndicatorRows(rows, p, context, to: &data.indicatorRows)
            for r in rows {
                indicatorObjects.append(DataExport.indicatorJSON(r, projectID: context.id))
                if indicatorSheets[indicatorSheets.count - 1].isFull {
                    indicatorSheets.append(XLSXSheet(name: "绩效指标\(indicatorSheets.count + 1)", columns: DataExport.indicatorColumns.map { ($0.title, $0.width) }))
                }
                var sheet = indicatorSheets.removeLast()
                sheet.text(context.id); sheet.text(p.department); sheet.number(dy.year); sheet.text(p.name)
                sheet.text(r.indicator.level1); sheet.text(r.indicator.kind.rawValue); sheet.text(r.indicator.level2)
                sheet.text(r.indicator.name); sheet.text(r.period); sheet.text(r.value)
                sheet.text(r.op); sheet.text(r.number); sheet.text(r.unit); sheet.text(r.kind)
                sheet.text(r.indicator.description ?? ""); sheet.text(r.indicator.basis ?? ""); sheet.number(r.line)
                sheet.endRow()
                indicatorSheets.append(sheet)
            }
        }
        let files = DepartmentYearFiles(pagePath: entry.path)
        var json = DataExport.departmentYearJSON(dy, context: DataExport.YearContext(entry, sources: sources, base: base))
        // As department-years.json has it, with the projects themselves instead of their count.
        if case .object(let pairs) = json {
            json = .object(pairs.map { $0.0 == "projects" ? ("projects", .array(projectObjects)) : $0 } + [("indicators", .array(indicatorObjects))])
        }
        data.files = [
            (files.xlsx, try XLSXPackage.bytes([projectSheet] + indicatorSheets)),
            (files.projectsCSV, data.projectRows.bytes),
            (files.indicatorsCSV, data.indicatorRows.bytes),
            (files.json, json.bytes(pretty: true)),
        ]
        return data
    }
}
