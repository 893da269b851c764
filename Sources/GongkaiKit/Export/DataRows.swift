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

    var id: String { DataExport.id(page) }
}

/// One target value of an indicator as a data row: half-year and full-year values are rows of
/// their own, an indicator without any value is one row with none.
struct IndicatorRow {
    let indicator: Indicator
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
    var kind: String { parsed?.value.kind.rawValue ?? "" }

    /// The project's indicator rows, in table order.
    static func rows(of p: Project) -> [IndicatorRow] {
        let fullYear = p.indicatorColumns.halfAndFullYear ? "全年" : ""
        var rows: [IndicatorRow] = []
        for indicator in p.indicators {
            for target in indicator.targets {
                func row(_ period: String, _ value: String) {
                    rows.append(IndicatorRow(indicator: indicator, period: period, value: value,
                                             parsed: value.isEmpty ? nil : TargetValueParser.parsed(value), line: target.line,
                                             term: target.term, formOperator: target.op, formUnit: target.unit))
                }
                if let half = target.halfYear { row("半年", half) }
                if let value = target.value { row(fullYear, value) }
                if target.halfYear == nil && target.value == nil { row("", "") }
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
            String(p.indicators.count), p.incomplete ? "是" : "否", c.url, p.location.file, String(p.location.line),
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
        for r in rows {
            csv.fields(project)
            csv.field(r.indicator.level1); csv.field(r.indicator.kind.rawValue); csv.field(r.indicator.level2)
            csv.field(r.indicator.name); csv.field(r.period); csv.field(r.value)
            csv.field(r.op); csv.field(r.number); csv.field(r.unit); csv.field(r.kind)
            csv.field(r.term ?? ""); csv.field(r.formOperator ?? ""); csv.field(r.formUnit ?? "")
            csv.field(r.indicator.description ?? ""); csv.field(r.indicator.basis ?? ""); csv.field(r.line)
            csv.endRow()
        }
    }

    /// An indicator row as a JSON object on one line (written straight as bytes: a large site
    /// has more than half a million), under its project.
    static func appendIndicatorJSON(_ r: IndicatorRow, to out: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(0x2C) }
            out.append(0x22)
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: [0x22, 0x3A])
        }
        func string(_ value: String?) {
            if let value { JSON.escape(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        out.append(0x7B)
        key("level1", first: true); string(r.indicator.level1)
        key("level1Kind"); string(r.indicator.kind.rawValue)
        key("level2"); string(r.indicator.level2)
        key("name"); string(r.indicator.name)
        key("period"); string(r.period)
        key("value"); string(r.value)
        key("operator"); string(r.op.isEmpty ? nil : r.op)
        key("number"); string(r.number.isEmpty ? nil : r.number)
        key("unit"); string(r.unit.isEmpty ? nil : r.unit)
        key("kind"); string(r.kind.isEmpty ? nil : r.kind)
        key("term"); string(r.term)
        key("formOperator"); string(r.formOperator)
        key("formUnit"); string(r.formUnit)
        key("description"); string(r.indicator.description)
        key("basis"); string(r.indicator.basis)
        key("line"); out.append(contentsOf: String(r.line).utf8)
        out.append(0x7D)
    }
}
