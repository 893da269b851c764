// Open data: projects.json, department-years.json, projects.csv, indicators.csv, datapackage.json.

/// The open-data files of a site, as (path, bytes) pairs under `data/`, and each
/// department-year's own files beside its page.
public enum DataExport {
    /// The three large files, written department-year by department-year.
    static let streamedFiles = ["data/projects.json", "data/projects.csv", "data/indicators.csv"]

    /// The configured base URL, ending in `/`.
    static func base(_ config: SiteConfig) -> String { config.baseURL.hasSuffix("/") ? config.baseURL : config.baseURL + "/" }

    /// What a department-year's rows are made from: its projects and their paths (the
    /// `Fingerprints` value), the site's address and its documents' sources.
    static func rowFingerprint(_ projects: UInt64, _ dy: DepartmentYear, sources: [String: DocumentSource], base: String) -> UInt64 {
        var h = StableHash()
        h.combine(projects)
        h.combine(base)
        for file in dy.files {
            guard let source = sources[file] else { h.combine(0); continue }
            h.combine(source.url ?? "\u{0}"); h.combine(source.date ?? "\u{0}")
            h.combine(source.originals.count)
            for original in source.originals { h.combine(original.path) }
        }
        return h.value
    }

    /// The fingerprint a department-year's own files are recorded with: its rows and what its
    /// JSON says besides (the annex, the documents).
    static func filesFingerprint(_ rows: UInt64, _ dy: DepartmentYear) -> UInt64 {
        var h = StableHash()
        h.combine("department-year files")
        h.combine(rows)
        h.combine(dy.files.count)
        for file in dy.files { h.combine(file) }
        if let annex = dy.annex {
            h.combine(annex.rows.count); h.combine(Int(annex.total.fen)); h.combine(dy.annexReconciles == true ? 1 : 0)
            h.combine(annex.location.file); h.combine(annex.location.line)
        } else {
            h.combine(-1)
        }
        return h.value
    }

    /// Writes the site-wide files under `data/`, streaming the large ones, and each
    /// department-year's own files. A department-year whose rows the previous build already
    /// wrote (same fingerprint) is copied from the previous files instead of being formatted
    /// again, when its bytes there still have their checksum, and its own files are kept.
    /// Returns whether the three large files were kept as the previous build wrote them.
    @discardableResult
    static func write(_ site: Site, index: SiteIndex, config: SiteConfig, to output: StagedOutput,
                      fingerprints: Fingerprints? = nil, previous: DataSegments? = nil,
                      saving: DataSegments? = nil) throws -> Bool {
        let base = base(config)
        let sources = index.sources
        let entries = index.departmentYears
        let withRows = entries.indices.filter { !entries[$0].departmentYear.projects.isEmpty }
        // The fingerprints of the department-years' rows, by entry.
        let yearFingerprints = fingerprints.map { f in
            entries.indices.map { rowFingerprint(f.departmentYears[$0], entries[$0].departmentYear, sources: sources, base: base) }
        }
        let rowFingerprints = yearFingerprints.map { f in withRows.map { f[$0] } }
        // department-years.json and datapackage.json, on a thread of their own meanwhile.
        let small = Background { Result { try writeSmallFiles(index: index, config: config, to: output) } }
        defer { _ = small.value }  // done with the output before this returns, whatever happened

        /// Keeps a department-year's own files from the previous build, or writes them again.
        @Sendable func yearFiles(_ y: Int) throws {
            let fingerprint = yearFilesFingerprint(y)
            if let fingerprint, output.keep(DepartmentYearFiles(pagePath: entries[y].path).all, fingerprint: fingerprint) { return }
            try writeYearFiles(try DepartmentYearData.make(entries[y], sources: sources, base: base, paths: index.paths), y, fingerprint: fingerprint)
        }
        /// The fingerprint a department-year's own files are recorded with; nil without fingerprints.
        @Sendable func yearFilesFingerprint(_ y: Int) -> UInt64? {
            yearFingerprints.map { filesFingerprint($0[y], entries[y].departmentYear) }
        }
        @Sendable func writeYearFiles(_ data: DepartmentYearData, _ y: Int, fingerprint: UInt64?) throws {
            for (path, bytes) in data.files { try bytes.withUnsafeBytes { try output.write(path, bytes: $0, fingerprint: fingerprint ?? 0) } }
        }

        // When every department-year's rows are as the previous build wrote them, in the same
        // order, the three large files are the previous ones: kept, not copied and hashed again.
        if let kept = rowFingerprints, let previous, let saving {
            let headers = [1, CSVWriter(header: projectColumns.map(\.title)).bytes.count, CSVWriter(header: indicatorColumns.map(\.title)).bytes.count]
            if let ranges = previous.unchangedFiles(kept, headers: headers, footers: [3, 0, 0], separators: [1, 0, 0]), output.keep(streamedFiles) {
                previous.countKept(kept.count)
                for (fingerprint, placed) in zip(kept, ranges) { saving.record(fingerprint, placed) }
                try parallelForEach(withRows.count) { try yearFiles(withRows[$0]) }
                try small.value.get()
                return true
            }
        }
        let streams = try streamedFiles.map { try output.stream($0) }
        let (projectsJSON, projectsCSV, indicatorsCSV) = (streams[0], streams[1], streams[2])
        var projectRows = CSVWriter(header: projectColumns.map(\.title))
        var indicatorRows = CSVWriter(header: indicatorColumns.map(\.title))
        try projectRows.drain(into: projectsCSV, all: true)
        try indicatorRows.drain(into: indicatorsCSV, all: true)
        projectsJSON.buffer.append(0x5B)
        var first = true
        /// Appends a department-year's formatted rows to the three streams.
        func append(_ data: DepartmentYearData, _ y: Int) throws {
            // The comma between department-years is outside their segments: a segment is the
            // same bytes wherever its department-year lands.
            if !first { projectsJSON.buffer.append(0x2C) }
            for stream in streams { stream.beginSegment() }
            projectsJSON.buffer.append(contentsOf: [0x0A, 0x20, 0x20])
            projectsJSON.buffer.append(contentsOf: data.projectsJSON)
            projectRows.appendRows(of: data.projectRows)
            indicatorRows.appendRows(of: data.indicatorRows)
            try projectsJSON.flushIfFull()
            try projectRows.drain(into: projectsCSV, all: true)
            try indicatorRows.drain(into: indicatorsCSV, all: true)
            if let fingerprint = yearFingerprints?[y], let saving {
                // Where this department-year's rows are, and their checksums.
                saving.record(fingerprint, streams.map { $0.endSegment() })
            }
            first = false
        }
        // Department-years are formatted on all cores, a run of them at a time, and appended in
        // order; those the previous files hold are copied from them.
        var next = 0
        while next < withRows.count {
            let y = withRows[next]
            if let fingerprint = yearFingerprints?[y], let previous, previous.segments[fingerprint] != nil {
                if let placed = try previous.copy(fingerprint, into: streams, first: first) {
                    saving?.record(fingerprint, placed)
                    first = false
                    try yearFiles(y)
                } else {
                    let data = try DepartmentYearData.make(entries[y], sources: sources, base: base, paths: index.paths)
                    try append(data, y)
                    try writeYearFiles(data, y, fingerprint: yearFilesFingerprint(y))
                }
                next += 1
                continue
            }
            var run = [y]
            while next + run.count < withRows.count, run.count < 64 {
                let following = withRows[next + run.count]
                if let fingerprint = yearFingerprints?[following], previous?.segments[fingerprint] != nil { break }
                run.append(following)
            }
            let made = parallelMap(run) { y in
                Result { () throws -> DepartmentYearData in
                    let data = try DepartmentYearData.make(entries[y], sources: sources, base: base, paths: index.paths)
                    try writeYearFiles(data, y, fingerprint: yearFilesFingerprint(y))
                    return data
                }
            }
            for (y, data) in zip(run, made) { try append(try data.get(), y) }
            next += run.count
        }
        projectsJSON.buffer.append(contentsOf: first ? [0x5D, 0x0A] : [0x0A, 0x5D, 0x0A])
        for stream in streams { try stream.close() }
        try small.value.get()
        return false
    }

    /// department-years.json and datapackage.json.
    private static func writeSmallFiles(index: SiteIndex, config: SiteConfig, to output: StagedOutput) throws {
        let base = base(config)
        let years = index.departmentYears.map { departmentYearJSON($0.departmentYear, context: YearContext($0, sources: index.sources, base: base, paths: index.paths)) }
        for (path, json) in [("data/department-years.json", JSON.array(years)), ("data/datapackage.json", dataPackage(index: index, config: config))] {
            let bytes = json.bytes(pretty: true)
            try bytes.withUnsafeBytes { try output.write(path, bytes: $0, fingerprint: 0) }
        }
    }

    static func projectJSON(_ p: Project, _ c: ProjectRowContext) -> JSON {
        .object([
            ("id", .string(c.id)),
            ("department", .string(p.department)),
            ("year", p.year.map { .int($0) } ?? .null),
            ("name", .string(p.name)),
            ("otherNames", .array(p.otherNames.map { .string($0) })),
            ("code", .string(p.code)),
            ("unit", .string(p.unit)),
            ("amount", .string(p.amount?.wanString)),
            // The unit the form wrote the amount in (`amount` is always 万元); null with
            // `amountUnitStated: false` when no label, table note or value said: read as 万元,
            // unverified, and left out of the department-year's `total`.
            ("amountUnitInForm", .string(p.amountUnit?.rawValue)),
            ("amountUnitStated", p.amount == nil ? .null : .bool(p.amountUnit != nil)),
            ("totalAmount", .string(p.totalAmount?.wanString)),
            // A line that is a part of the one above it (其中, a 小计's numbered parts) is marked
            // `partOfAbove`: the lines without it add up to the amount.
            ("funding", .array(p.fundingRows.map { row in
                .object([("label", .string(row.line.label)), ("amount", .string(row.line.amount?.wanString))]
                        + (row.isPart ? [("partOfAbove", .bool(true))] : []))
            })),
            ("subItems", .array(p.subItems.map {
                .object([("name", .string($0.name)), ("halfYearYuan", .string($0.halfYear?.yuanString)), ("fullYearYuan", .string($0.fullYear?.yuanString))])
            })),
            ("spendingPlan", .array(p.spendingPlan.map { .object([("by", .string($0.label)), ("share", .string($0.share))]) })),
            ("period", .string(p.period)),
            ("projectOrigin", .string(p.source)),
            ("indicators", .int(p.indicators.count)),
            // The form stops before it ends: what it holds is here, the rest is missing.
            ("incomplete", .bool(p.incomplete)),
            ("url", .string(c.url)),
            ("source", .string(c.paths.of(p.location))),
            ("sourceURL", .string(c.source?.url)),
            ("originals", .array(c.originalURLs.map { .string($0) })),
            ("published", .string(c.source?.date)),
        ])
    }

    /// A department-year's address, documents and downloads, as its JSON gives them.
    struct YearContext {
        let url: String
        let documents: [JSON]
        let downloads: JSON
        /// How the documents' paths are shown.
        let paths: PublicPaths

        init(_ entry: SiteIndex.DepartmentYearEntry, sources: [String: DocumentSource], base: String, paths: PublicPaths) {
            self.paths = paths
            url = DataExport.url(entry.path, base: base)
            documents = entry.departmentYear.files.map { file in
                let source = sources[file]
                return .object([
                    ("file", .string(paths.of(file))),
                    ("sourceURL", .string(source?.url)),
                    ("originals", .array((source?.originals ?? []).map { .string(base + Permalinks.encode($0.path)) })),
                    ("published", .string(source?.date)),
                ])
            }
            if entry.departmentYear.projects.isEmpty {
                downloads = .null
            } else {
                let files = DepartmentYearFiles(pagePath: entry.path)
                downloads = .object([
                    ("xlsx", .string(base + Permalinks.encode(files.xlsx))),
                    ("projectsCSV", .string(base + Permalinks.encode(files.projectsCSV))),
                    ("indicatorsCSV", .string(base + Permalinks.encode(files.indicatorsCSV))),
                    ("json", .string(base + Permalinks.encode(files.json))),
                ])
            }
        }
    }

    static func departmentYearJSON(_ dy: DepartmentYear, context: YearContext) -> JSON {
        var annex = JSON.null
        if let a = dy.annex {
            annex = .object([
                ("rows", .int(a.rows.count)),
                ("total", .string(a.total.wanString)),
                ("reconciles", .bool(dy.annexReconciles ?? false)),
                ("source", .string(context.paths.of(a.location))),
            ])
        }
        let unstated = dy.unstated
        return .object([
            ("department", .string(dy.department)),
            ("year", .int(dy.year)),
            ("projects", .int(dy.projects.count)),
            // The amounts whose unit the forms state; the unsure ones apart.
            ("total", .string(dy.statedTotal.wanString)),
            ("unitUnstated", unstated.count == 0 ? .null : .object([
                ("projects", .int(unstated.count)), ("total", .string(unstated.total.wanString)),
            ])),
            ("annex", annex),
            ("url", .string(context.url)),
            ("sources", .array(dy.files.map { .string(context.paths.of($0)) })),
            ("documents", .array(context.documents)),
            ("downloads", context.downloads),
        ])
    }
}
