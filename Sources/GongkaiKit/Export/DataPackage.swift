// datapackage.json: the site-wide CSV files as a Fiscal Data Package (v0.3) and Tabular Data
// Package, with the licence, the fiscal period and the sources.

extension DataExport {
    static func field(_ c: DataColumn) -> JSON {
        .object([("name", .string(c.name)), ("type", .string(c.type)), ("title", .string(c.title))])
    }

    /// The licence as a Data Package `licenses` entry: a name or a path is required, so a
    /// licence stated only in words points to the data page that states it.
    static func licenseJSON(_ license: DataLicense, base: String) -> JSON {
        var pairs: [(String, JSON)] = []
        if let name = license.name { pairs.append(("name", .string(name))) }
        pairs.append(("path", .string(license.path ?? base + "data/")))
        pairs.append(("title", .string(license.title)))
        return .object(pairs)
    }

    static func dataPackage(index: SiteIndex, config: SiteConfig) -> JSON {
        let base = base(config)
        let descriptions: [String: String] = [
            "operator": "比较符（≥ ≤ = > < ≈ ≠）", "number": "数值（万、亿已换算；分数如 2/3；日期如 2024-12）",
            "kind": "指标值类型：quantitative 定量、qualitative 定性、date 日期、range 区间",
            "source_line": "来源行（来源文件见 projects.csv）", "value": "指标值，与表格原文一致",
            "code": "项目编码，与表格原文一致（文本）", "project_id": "项目标识：项目页面的路径",
            "amount": "预算金额（万元）。原表金额单位为“未注明”的，按万元读取，未经核实：汇总时应单独列出",
            "amount_unit": "原表金额单位：万元、元（已换算为万元）或未注明（表格的标签、表头和数值都没有写明，按万元读取，未经核实）；无金额时为空",
            "incomplete": "表格不完整：来源文件中的表格没有到结尾就中断，只有已有的内容",
            "term": "目标期限或地点：表格对一个指标给出多组目标值时（中期、长期，或按地点分列）此值所属的一组；年度目标为空",
            "form_operator": "计算符号，表格单列给出时照录（指标值已含此符号）",
            "form_unit": "计量单位，表格单列给出时照录（指标值已含此单位）",
        ]
        func fields(_ columns: [DataColumn]) -> [JSON] {
            columns.map { c in
                var pairs: [(String, JSON)] = [("name", .string(c.name)), ("type", .string(c.type)), ("title", .string(c.title))]
                if let d = descriptions[c.name] { pairs.append(("description", .string(d))) }
                if c.type == "boolean" { pairs += [("trueValues", .array([.string("是")])), ("falseValues", .array([.string("否")]))] }
                if c.name == "amount_unit" {
                    pairs.append(("constraints", .object([("enum", .array(["万元", "元", "未注明"].map { .string($0) }))])))
                }
                return .object(pairs)
            }
        }
        func resource(_ name: String, _ path: String, _ title: String, _ fields: [JSON], extra: [(String, JSON)]) -> JSON {
            .object([
                ("name", .string(name)), ("title", .string(title)), ("path", .string(path)), ("format", .string("csv")),
                ("mediatype", .string("text/csv")), ("encoding", .string("utf-8-sig")),
                // The first row holds the Chinese column titles (for people who open the file);
                // programs take the fields by their names here.
                ("dialect", .object([("header", .bool(false)), ("commentRows", .array([.int(1)]))])),
                ("schema", .object([("fields", .array(fields))] + extra)),
            ])
        }
        var pairs: [(String, JSON)] = [
            ("name", .string("gongkai-budget-performance-targets")),
            ("title", .string(config.title)),
            ("description", .string("部门预算项目支出及绩效目标，由 gongkai 从公开的绩效目标表读取。金额单位：万元；原表金额单位为“未注明”的金额按万元读取，未经核实，不计入部门年度合计。CSV 的第一行是中文列名，字段英文名见 schema。")),
            ("homepage", .string(base)),
            ("countryCode", .string("cn")),
            ("profiles", .object([("fiscal", .string("*")), ("tabular", .string("*"))])),
            ("granularity", .string("aggregated")),
        ]
        if let license = config.license { pairs.append(("licenses", .array([licenseJSON(license, base: base)]))) }
        // China's fiscal year is the calendar year.
        let years = index.departmentYears.map(\.departmentYear.year)
        if let first = years.min(), let last = years.max() {
            pairs.append(("fiscalPeriod", .object([("start", .string("\(first)-01-01")), ("end", .string("\(last)-12-31"))])))
        }
        pairs.append(("sources", .array(sources(index: index, config: config, base: base))))
        pairs.append(("resources", .array([
            resource("projects", "projects.csv", "项目支出", fields(projectColumns), extra: [("primaryKey", .string("project_id"))]),
            resource("indicators", "indicators.csv", "绩效指标", fields(indicatorColumns), extra: [
                ("foreignKeys", .array([.object([
                    ("fields", .string("project_id")),
                    ("reference", .object([("resource", .string("projects")), ("fields", .string("project_id"))])),
                ])])),
            ]),
        ])))
        pairs.append(("model", .object([
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
            ])))
        return .object(pairs)
    }

    /// Where the data comes from: each document's published address and original, in site
    /// order (the site itself when the publishers give none).
    static func sources(index: SiteIndex, config: SiteConfig, base: String) -> [JSON] {
        var seen = Set<String>()
        var list: [JSON] = []
        for entry in index.departmentYears {
            let dy = entry.departmentYear
            for file in dy.files {
                guard let source = index.sources[file] else { continue }
                let name = file.split(separator: "/").last.map(String.init) ?? file
                var addresses: [(String, String)] = []
                if let url = source.url { addresses.append(("\(dy.department) \(dy.year)年：\(name)", url)) }
                for original in source.originals {
                    addresses.append(("\(dy.department) \(dy.year)年：\(name) 原文（\(original.kind)）", base + Permalinks.encode(original.path)))
                }
                for (title, path) in addresses where seen.insert(path).inserted {
                    list.append(.object([("title", .string(title)), ("path", .string(path))]))
                }
            }
        }
        if list.isEmpty { list.append(.object([("title", .string(config.title)), ("path", .string(base))])) }
        return list
    }
}
