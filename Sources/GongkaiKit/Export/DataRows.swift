// The rows of the open data: the columns of projects and indicators (stable English names for
// programs, Chinese titles for people), and a project's values as the files write them.

/// A column of the open data.
struct DataColumn {
    /// The stable English name (JSON keys, datapackage.json).
    let name: String
    /// Table Schema type: string, number, integer, year.
    let type: String
    /// The Chinese title (the header of the CSV and .xlsx files people open).
    let title: String
    /// Its width in the .xlsx, in characters.
    let width: Int
}

/// What a project's rows need besides the project: its page, its id and where it came from.
struct ProjectRowContext {
    let year: Int
    /// The page's site path (`/旌德县…/2024/x.html`).
    let page: String
    /// The page's absolute address.
    let url: String
    let source: DocumentSource?
    /// The absolute addresses of its originals.
    let originalURLs: [String]
    /// How the document's path is shown.
    var paths = PublicPaths()

    var id: String { DataExport.id(page) }
}

/// One target value of an indicator as a data row: half-year and full-year values are rows of
/// their own, an indicator without any value is one row with none.
///
/// A row names its indicator by its place in the project's `indicators` instead of holding a
/// copy of it: a copy retains and releases every string of the indicator, once a row, and a
/// large site has more than half a million rows.
struct IndicatorRow {
    /// The indicator's index in the project's `indicators`.
    let indicator: Int
    /// The indicator's kind (worked out once, not once a file).
    let kind: IndicatorKind
    /// `半年`, `全年`, or empty where the form has one value column.
    let period: String
    /// The value exactly as the form wrote it.
    let value: String
    let parsed: ParsedTarget?
    let line: Int
    /// The target's term (`中期`, `长期`) or place where the form gives more than one set.
    let term: String?
    /// The operator and unit as their own columns of the form gave them (nil without such columns).
    let formOperator: String?
    let formUnit: String?

    var op: String { parsed?.value.op?.rawValue ?? "" }
    var number: String { parsed?.numberString ?? "" }
    var unit: String { parsed?.value.unit ?? "" }
    /// The value's kind (`quantitative` …), empty without a value.
    var valueKind: String { parsed?.value.kind.rawValue ?? "" }

    /// The project's indicator rows, in table order.
    static func rows(of p: Project) -> [IndicatorRow] {
        let fullYear = p.indicatorColumns.halfAndFullYear ? "全年" : ""
        var rows: [IndicatorRow] = []
        let indicators = p.indicators
        rows.reserveCapacity(indicators.count)
        for i in indicators.indices {
            let kind = indicators[i].kind
            let targets = indicators[i].targets
            for t in targets.indices {
                func row(_ period: String, _ value: String) {
                    rows.append(IndicatorRow(indicator: i, kind: kind, period: period, value: value,
                                             parsed: value.isEmpty ? nil : TargetValueParser.parsed(value), line: targets[t].line,
                                             term: targets[t].term, formOperator: targets[t].op, formUnit: targets[t].unit))
                }
                if let half = targets[t].halfYear { row("半年", half) }
                if let value = targets[t].value { row(fullYear, value) }
                if targets[t].halfYear == nil && targets[t].value == nil { row("", "") }
            }
        }
        return rows
    }
}

extension DataExport {
    static let projectColumns = [
        DataColumn(name: "project_id", type: "string", title: "项目标识", width: 30),
        DataColumn(name: "department", type: "string", title: "主管部门", width: 24),
        DataColumn(name: "year", type: "year", title: "年度", width: 6),
        DataColumn(name: "name", type: "string", title: "项目名称", width: 30),
        DataColumn(name: "other_names", type: "string", title: "其他名称", width: 20),
        DataColumn(name: "code", type: "string", title: "项目编码", width: 24),
        DataColumn(name: "unit", type: "string", title: "单位名称", width: 24),
        DataColumn(name: "amount", type: "number", title: "预算金额（万元）", width: 14),
        DataColumn(name: "amount_unit", type: "string", title: "原表金额单位", width: 8),
        DataColumn(name: "total_amount", type: "number", title: "项目总金额（万元）", width: 14),
        DataColumn(name: "period", type: "string", title: "项目期", width: 8),
        DataColumn(name: "project_origin", type: "string", title: "项目来源", width: 14),
        DataColumn(name: "indicator_count", type: "integer", title: "绩效指标数", width: 8),
        DataColumn(name: "incomplete", type: "boolean", title: "表格不完整", width: 8),
        DataColumn(name: "url", type: "string", title: "页面", width: 40),
        DataColumn(name: "source_file", type: "string", title: "来源文件", width: 30),
        DataColumn(name: "source_line", type: "integer", title: "来源行", width: 8),
        DataColumn(name: "source_url", type: "string", title: "原文网址", width: 30),
        DataColumn(name: "original_url", type: "string", title: "原文文件", width: 30),
        DataColumn(name: "published", type: "date", title: "发布日期", width: 11),
    ]
    static let indicatorColumns = [
        DataColumn(name: "project_id", type: "string", title: "项目标识", width: 30),
        DataColumn(name: "department", type: "string", title: "主管部门", width: 24),
        DataColumn(name: "year", type: "year", title: "年度", width: 6),
        DataColumn(name: "project", type: "string", title: "项目名称", width: 30),
        DataColumn(name: "level1", type: "string", title: "一级指标", width: 10),
        DataColumn(name: "level1_kind", type: "string", title: "一级指标类别", width: 8),
        DataColumn(name: "level2", type: "string", title: "二级指标", width: 12),
        DataColumn(name: "level3", type: "string", title: "三级指标", width: 30),
        DataColumn(name: "period", type: "string", title: "半年/全年", width: 8),
        DataColumn(name: "value", type: "string", title: "指标值（原文）", width: 16),
        DataColumn(name: "operator", type: "string", title: "比较符", width: 6),
        DataColumn(name: "number", type: "string", title: "数值", width: 10),
        DataColumn(name: "unit", type: "string", title: "单位", width: 8),
        DataColumn(name: "kind", type: "string", title: "指标值类型", width: 11),
        DataColumn(name: "term", type: "string", title: "目标期限或地点", width: 10),
        DataColumn(name: "form_operator", type: "string", title: "计算符号（原表列）", width: 8),
        DataColumn(name: "form_unit", type: "string", title: "计量单位（原表列）", width: 8),
        DataColumn(name: "description", type: "string", title: "绩效指标描述", width: 30),
        DataColumn(name: "basis", type: "string", title: "指标值确定依据", width: 20),
        DataColumn(name: "source_line", type: "integer", title: "来源行", width: 8),
    ]

    /// The project's id in the data: its page path without the leading slash and `.html`.
    static func id(_ page: String) -> String { String(page.dropFirst().dropLast(page.hasSuffix(".html") ? 5 : 1)) }

    /// A site path's absolute address under the configured base URL (ending in `/`).
    static func url(_ path: String, base: String) -> String {
        base + Permalinks.encode(String(path.dropFirst()))
    }

    /// The project's values, in `projectColumns` order, as text.
    static func projectRow(_ p: Project, _ c: ProjectRowContext) -> [String] {
        [
            c.id, p.department, String(c.year), p.name, p.otherNames.joined(separator: "；"), p.code ?? "", p.unit ?? "",
            p.amount?.wanString ?? "", amountUnitText(p), p.totalAmount?.wanString ?? "", p.period ?? "", p.source ?? "",
            String(p.indicators.count), p.incomplete ? "是" : "否", c.url, c.paths.of(p.location.file), String(p.location.line),
            c.source?.url ?? "", c.originalURLs.joined(separator: " "), c.source?.date ?? "",
        ]
    }

    /// The unit the form wrote the amount in, as the files say it: `万元`, `元`, `未注明` (read as
    /// 万元, unverified), or empty when there is no amount.
    static func amountUnitText(_ p: Project) -> String {
        guard p.amount != nil else { return "" }
        return p.amountUnit?.rawValue ?? "未注明"
    }

    /// The project's indicator rows as CSV (the project's own columns quoted once for all).
    static func appendIndicatorRows(_ rows: [IndicatorRow], _ p: Project, _ c: ProjectRowContext, to csv: inout CSVWriter) {
        var project = CSVWriter()
        project.field(c.id); project.field(p.department); project.field(c.year); project.field(p.name)
        let indicators = p.indicators
        // Rows and indicators are read in place (by index), not copied out one by one.
        for k in rows.indices {
            let i = rows[k].indicator
            csv.fields(project)
            csv.field(indicators[i].level1); csv.field(rows[k].kind.rawValue); csv.field(indicators[i].level2)
            csv.field(indicators[i].name); csv.field(rows[k].period); csv.field(rows[k].value)
            csv.field(rows[k].op); csv.field(rows[k].number); csv.field(rows[k].unit); csv.field(rows[k].valueKind)
            csv.field(rows[k].term ?? ""); csv.field(rows[k].formOperator ?? ""); csv.field(rows[k].formUnit ?? "")
            csv.field(indicators[i].description ?? ""); csv.field(indicators[i].basis ?? ""); csv.field(rows[k].line)
            csv.endRow()
        }
    }

    /// The project's indicator rows as JSON objects, one a line (written straight as bytes: a
    /// large site has more than half a million), each after `first` or `next` (a line break and
    /// the indentation, after a comma from the second on).
    static func appendIndicatorJSON(_ rows: [IndicatorRow], _ p: Project, first: [UInt8], next: [UInt8], to out: inout [UInt8]) {
        /// A key with the punctuation around it (`,"level2":`) in one append.
        @inline(__always)
        func key(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        @inline(__always)
        func string(_ value: String?) {
            if let value { JSON.escape(value, into: &out) } else { key("null") }
        }
        let indicators = p.indicators
        for k in rows.indices {
            let i = rows[k].indicator
            out.append(contentsOf: k == 0 ? first : next)
            key("{\"level1\":"); string(indicators[i].level1)
            key(",\"level1Kind\":"); string(rows[k].kind.rawValue)
            key(",\"level2\":"); string(indicators[i].level2)
            key(",\"name\":"); string(indicators[i].name)
            key(",\"period\":"); string(rows[k].period)
            key(",\"value\":"); string(rows[k].value)
            let op = rows[k].op, number = rows[k].number, unit = rows[k].unit, kind = rows[k].valueKind
            key(",\"operator\":"); string(op.isEmpty ? nil : op)
            key(",\"number\":"); string(number.isEmpty ? nil : number)
            key(",\"unit\":"); string(unit.isEmpty ? nil : unit)
            key(",\"kind\":"); string(kind.isEmpty ? nil : kind)
            key(",\"term\":"); string(rows[k].term)
            key(",\"formOperator\":"); string(rows[k].formOperator)
            key(",\"formUnit\":"); string(rows[k].formUnit)
            key(",\"description\":"); string(indicators[i].description)
            key(",\"basis\":"); string(indicators[i].basis)
            key(",\"line\":"); JSON.appendInt(rows[k].line, to: &out)
            out.append(0x7D)
        }
    }
}
