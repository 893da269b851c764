// Open data: projects.json, department-years.json, projects.csv, indicators.csv, datapackage.json.

/// The open-data files of a site, as (path, bytes) pairs under `data/`.
public enum DataExport {
    static let projectHeader = [
        "project_id", "department", "year", "name", "other_names", "code", "unit", "amount", "total_amount",
        "period", "project_origin", "indicator_count", "url", "source_file", "source_line",
    ]
    static let indicatorHeader = [
        "project_id", "department", "year", "project", "level1", "level1_kind", "level2", "level3", "period", "value",
        "operator", "number", "unit", "kind", "description", "basis", "source_line",
    ]

    /// The project's id in the data: its page path without the leading slash and `.html`.
    static func id(_ page: String) -> String { String(page.dropFirst().dropLast(page.hasSuffix(".html") ? 5 : 1)) }

    static func projectRow(_ p: Project, year: Int, page: String) -> [String] {
        [
            id(page), p.department, String(year), p.name, p.otherNames.joined(separator: "；"), p.code ?? "", p.unit ?? "",
            p.amount?.wanString ?? "", p.totalAmount?.wanString ?? "", p.period ?? "", p.source ?? "",
            String(p.indicators.count), page, p.location.file, String(p.location.line),
        ]
    }

    static func appendIndicatorRows(_ p: Project, year: Int, page: String, to csv: inout CSVWriter) {
        // The project's own columns, the same in each of its rows, quoted once.
        var project = CSVWriter()
        project.field(id(page)); project.field(p.department); project.field(year); project.field(p.name)
        let fullYear = p.indicatorColumns.halfAndFullYear ? "全年" : ""
        for indicator in p.indicators {
            for target in indicator.targets {
                func row(_ period: String, _ value: String) {
                    csv.fields(project)
                    csv.field(indicator.level1); csv.field(indicator.kind.rawValue); csv.field(indicator.level2)
                    csv.field(indicator.name); csv.field(period); csv.field(value)
                    if value.isEmpty {
                        csv.field(""); csv.field(""); csv.field(""); csv.field("")
                    } else {
                        let parsed = TargetValueParser.parsed(value)
                        csv.field(parsed.value.op?.rawValue ?? ""); csv.field(parsed.numberString); csv.field(parsed.value.unit ?? "")
                        csv.field(parsed.value.kind.rawValue)
                    }
                    csv.field(indicator.description ?? ""); csv.field(indicator.basis ?? ""); csv.field(target.line)
                    csv.endRow()
                }
                if let half = target.halfYear { row("半年", half) }
                if let value = target.value { row(fullYear, value) }
                if target.halfYear == nil && target.value == nil { row("", "") }
            }
        }
    }

    /// The three large files, written department-year by department-year.
    static let streamedFiles = ["data/projects.json", "data/projects.csv", "data/indicators.csv"]

    /// Writes the site-wide files under `data/`, streaming the large ones. A department-year
    /// whose rows the previous build already wrote (same fingerprint) is copied from the
    /// previous files instead of being formatted again, when its bytes there still have their
    /// checksum. Returns whether the three large files were kept as the previous build wrote
    /// them.
    @discardableResult
    static func write(_ site: Site, index: SiteIndex, config: SiteConfig, to output: StagedOutput,
                      fingerprints: Fingerprints? = nil, previous: DataSegments? = nil,
                      saving: DataSegments? = nil) throws -> Bool {
        // The fingerprints of the department-years that have rows, in file order.
        let rowFingerprints = fingerprints.map { f in
            index.departmentYears.indices.filter { !index.departmentYears[$0].departmentYear.projects.isEmpty }
                .map { f.departmentYears[$0] }
        }
        // department-years.json and datapackage.json, on a thread of their own meanwhile.
        let small = Background { Result { try writeSmallFiles(index: index, config: config, to: output) } }
        defer { _ = small.value }  // done with the output before this returns, whatever happened
        // When every department-year's rows are as the previous build wrote them, in the same
        // order, the three large files are the previous ones: kept, not copied and hashed again.
        if let kept = rowFingerprints, let previous, let saving {
            let headers = [1, CSVWriter(header: projectHeader).bytes.count, CSVWriter(header: indicatorHeader).bytes.count]
            if let ranges = previous.unchangedFiles(kept, headers: headers, footers: [3, 0, 0], separators: [1, 0, 0]), output.keep(streamedFiles) {
                previous.countKept(kept.count)
                for (fingerprint, placed) in zip(kept, ranges) { saving.record(fingerprint, placed) }
                try small.value.get()
                return true
            }
        }
        let streams = try streamedFiles.map { try output.stream($0) }
        let (projectsJSON, projectsCSV, indicatorsCSV) = (streams[0], streams[1], streams[2])
        var projectRows = CSVWriter(header: projectHeader)
        var indicatorRows = CSVWriter(header: indicatorHeader)
        try projectRows.drain(into: projectsCSV, all: true)
        try indicatorRows.drain(into: indicatorsCSV, all: true)
        projectsJSON.buffer.append(0x5B)
        var first = true
        for (y, entry) in index.departmentYears.enumerated() {
            let dy = entry.departmentYear
            guard !dy.projects.isEmpty else { continue }
            let fingerprint = fingerprints?.departmentYears[y]
            // Copied from the previous build's files when they have this department-year's rows.
            if let fingerprint, let previous, let placed = try previous.copy(fingerprint, into: streams, first: first) {
                saving?.record(fingerprint, placed)
                first = false
                continue
            }
            // The comma between department-years is outside their segments: a segment is the
            // same bytes wherever its department-year lands.
            if !first { projectsJSON.buffer.append(0x2C) }
            for stream in streams { stream.beginSegment() }
            do {
                for (i, (p, page)) in zip(dy.projects, entry.projectPaths).enumerated() {
                    // "\n  " before the first object of the file, ",\n  " before the others.
                    projectsJSON.buffer.append(contentsOf: i == 0 ? [0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20])
                    projectJSON(p, id: id(page), url: page).write(to: &projectsJSON.buffer, pretty: true, indent: 1)
                    projectRows.append(projectRow(p, year: dy.year, page: page))
                    appendIndicatorRows(p, year: dy.year, page: page, to: &indicatorRows)
                    try projectsJSON.flushIfFull()
                    try projectRows.drain(into: projectsCSV)
                    try indicatorRows.drain(into: indicatorsCSV)
                }
                try projectRows.drain(into: projectsCSV, all: true)
                try indicatorRows.drain(into: indicatorsCSV, all: true)
            }
            if let fingerprint, let saving {
                // Where this department-year's rows are, and their checksums.
                saving.record(fingerprint, streams.map { $0.endSegment() })
            }
            first = false
        }
        projectsJSON.buffer.append(contentsOf: first ? [0x5D, 0x0A] : [0x0A, 0x5D, 0x0A])
        for stream in streams { try stream.close() }
        try small.value.get()
        return false
    }

    /// department-years.json and datapackage.json.
    private static func writeSmallFiles(index: SiteIndex, config: SiteConfig, to output: StagedOutput) throws {
        let years = index.departmentYears.map { departmentYearJSON($0.departmentYear, url: $0.path) }
        for (path, json) in [("data/department-years.json", JSON.array(years)), ("data/datapackage.json", dataPackage(config: config))] {
            let bytes = json.bytes(pretty: true)
            try bytes.withUnsafeBytes { try output.write(path, bytes: $0) }
        }
    }

    static func projectJSON(_ p: Project, id: String, url: String) -> JSON {
        .object([
            ("id", .string(id)),
            ("department", .string(p.department)),
            ("year", p.year.map { .int($0) } ?? .null),
            ("name", .string(p.name)),
            ("otherNames", .array(p.otherNames.map { .string($0) })),
            ("code", .string(p.code)),
            ("unit", .string(p.unit)),
            ("amount", .string(p.amount?.wanString)),
            ("totalAmount", .string(p.totalAmount?.wanString)),
            ("funding", .array(p.funding.map { .object([("label", .string($0.label)), ("amount", .string($0.amount?.wanString))]) })),
            ("subItems", .array(p.subItems.map {
                .object([("name", .string($0.name)), ("halfYearYuan", .string($0.halfYear?.yuanString)), ("fullYearYuan", .string($0.fullYear?.yuanString))])
            })),
            ("spendingPlan", .array(p.spendingPlan.map { .object([("by", .string($0.label)), ("share", .string($0.share))]) })),
            ("period", .string(p.period)),
            ("projectOrigin", .string(p.source)),
            ("indicators", .int(p.indicators.count)),
            ("url", .string(url)),
            ("source", .string(p.location.description)),
        ])
    }

    static func departmentYearJSON(_ dy: DepartmentYear, url: String) -> JSON {
        var annex = JSON.null
        if let a = dy.annex {
            annex = .object([
                ("rows", .int(a.rows.count)),
                ("total", .string(a.total.wanString)),
                ("reconciles", .bool(dy.annexReconciles ?? false)),
                ("source", .string(a.location.description)),
            ])
        }
        return .object([
            ("department", .string(dy.department)),
            ("year", .int(dy.year)),
            ("projects", .int(dy.projects.count)),
            ("total", .string(dy.total.wanString)),
            ("annex", annex),
            ("url", .string(url)),
            ("sources", .array(dy.files.map { .string($0) })),
        ])
    }

    static func field(_ name: String, _ type: String, _ title: String) -> JSON {
        .object([("name", .string(name)), ("type", .string(type)), ("title", .string(title))])
    }

    static func dataPackage(config: SiteConfig) -> JSON {
        let projectFields: [JSON] = [
            field("project_id", "string", "项目标识"), field("department", "string", "主管部门"), field("year", "year", "年度"),
            field("name", "string", "项目名称"), field("other_names", "string", "其他名称"), field("code", "string", "项目编码"),
            field("unit", "string", "单位名称"), field("amount", "number", "预算金额（万元）"), field("total_amount", "number", "项目总金额（万元）"),
            field("period", "string", "项目期"), field("project_origin", "string", "项目来源"), field("indicator_count", "integer", "绩效指标数"),
            field("url", "string", "页面"), field("source_file", "string", "来源文件"), field("source_line", "integer", "来源行"),
        ]
        let indicatorFields: [JSON] = [
            field("project_id", "string", "项目标识"), field("department", "string", "主管部门"), field("year", "year", "年度"),
            field("project", "string", "项目名称"), field("level1", "string", "一级指标"), field("level1_kind", "string", "一级指标类别"),
            field("level2", "string", "二级指标"), field("level3", "string", "三级指标"), field("period", "string", "半年/全年"),
            field("value", "string", "指标值（原文）"), field("operator", "string", "比较符（≥ ≤ = > < ≈ ≠）"),
            field("number", "string", "数值（万、亿已换算；分数如 2/3；日期如 2024-12）"), field("unit", "string", "单位"),
            field("kind", "string", "指标值类型：quantitative 定量、qualitative 定性、date 日期、range 区间"),
            field("description", "string", "绩效指标描述"), field("basis", "string", "指标值确定依据"),
            field("source_line", "integer", "来源行（来源文件见 projects.csv）"),
        ]
        func resource(_ name: String, _ path: String, _ title: String, _ fields: [JSON], extra: [(String, JSON)]) -> JSON {
            .object([
                ("name", .string(name)), ("title", .string(title)), ("path", .string(path)), ("format", .string("csv")),
                ("mediatype", .string("text/csv")), ("encoding", .string("utf-8-sig")),
                ("schema", .object([("fields", .array(fields))] + extra)),
            ])
        }
        return .object([
            ("name", .string("gongkai-budget-performance-targets")),
            ("title", .string(config.title)),
            ("description", .string("部门预算项目支出及绩效目标，由 gongkai 从公开的绩效目标表读取。金额单位：万元。")),
            ("countryCode", .string("cn")),
            ("profiles", .object([("fiscal", .string("*")), ("tabular", .string("*"))])),
            ("granularity", .string("aggregated")),
            ("resources", .array([
                resource("projects", "projects.csv", "项目支出", projectFields, extra: [("primaryKey", .string("project_id"))]),
                resource("indicators", "indicators.csv", "绩效指标", indicatorFields, extra: [
                    ("foreignKeys", .array([.object([
                        ("fields", .string("project_id")),
                        ("reference", .object([("resource", .string("projects")), ("fields", .string("project_id"))])),
                    ])])),
                ]),
            ])),
            ("model", .object([
                ("measures", .object([
                    ("amount", .object([
                        ("source", .string("amount")), ("resource", .string("projects")), ("currency", .string("CNY")),
                        ("factor", .int(10000)), ("direction", .string("expenditure")), ("phase", .string("approved")),
                    ])),
                ])),
                ("dimensions", .object([
                    ("department", .object([
                        ("dimensionType", .string("entity")),
                        ("attributes", .object([("name", .object([("source", .string("department")), ("resource", .string("projects"))]))])),
                        ("primaryKey", .string("name")),
                    ])),
                    ("year", .object([
                        ("dimensionType", .string("datetime")),
                        ("attributes", .object([("year", .object([("source", .string("year")), ("resource", .string("projects"))]))])),
                        ("primaryKey", .string("year")),
                    ])),
                    ("project", .object([
                        ("dimensionType", .string("activity")),
                        ("attributes", .object([
                            ("id", .object([("source", .string("project_id")), ("resource", .string("projects"))])),
                            ("name", .object([("source", .string("name")), ("resource", .string("projects")), ("labelfor", .string("id"))])),
                            ("code", .object([("source", .string("code")), ("resource", .string("projects"))])),
                        ])),
                        ("primaryKey", .string("id")),
                    ])),
                ])),
            ])),
        ])
    }
}
