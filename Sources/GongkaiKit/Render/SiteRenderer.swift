// Rendering every page through the theme and writing it, on all cores.

import Foundation

/// Renders the site's pages, sitemap and assets into the output.
struct SiteRenderer: Sendable {
    let theme: Theme
    let context: PageContext
    let site: Site
    var fingerprints: Fingerprints?
    /// The theme and the settings every page shows, hashed once (every page fingerprint
    /// starts from it).
    private let settings: StableHash

    init(theme: Theme, context: PageContext, site: Site) {
        self.theme = theme
        self.context = context
        self.site = site
        var h = StableHash()
        h.combine(theme.fingerprint)
        context.config.combineShown(into: &h)
        h.combine(context.customCSS ? 1 : 0)
        if let license = context.config.license {
            h.combine(license.title); h.combine(license.name ?? "\u{0}"); h.combine(license.path ?? "\u{0}")
        } else {
            h.combine(0)
        }
        settings = h
    }

    enum Job: Sendable {
        case home, search, notFound, quality, data
        case department(Int)
        case departmentYear(Int)
        case project(Int, Int)
    }

    /// Every page of the site, in site order.
    var jobs: [Job] {
        var jobs: [Job] = [.home, .search, .notFound, .quality, .data]
        for d in context.index.departments.indices { jobs.append(.department(d)) }
        for (y, entry) in context.index.departmentYears.enumerated() {
            jobs.append(.departmentYear(y))
            for p in entry.departmentYear.projects.indices { jobs.append(.project(y, p)) }
        }
        return jobs
    }

    /// Renders and writes everything; returns the number of HTML pages.
    func render(into output: StagedOutput) throws -> Int {
        let allJobs = jobs
        // The sitemap (megabytes of XML on a large site) is written on a thread of its own
        // while the pages are; when every page's path is as it was, the previous build's
        // sitemap files are kept.
        let renderer = self
        let sitemap = Background { Result {
            let fingerprint = renderer.sitemapFingerprint
            if output.keep(output.series("sitemap.xml", parts: { "sitemap-\($0).xml" }), fingerprint: fingerprint) { return }
            try renderer.sitemaps { path, bytes in try bytes.withUnsafeBytes { try output.write(path, bytes: $0, fingerprint: fingerprint) } }
        } }
        // A department-year's page and its projects' pages are one task: what their project
        // fingerprints share is hashed once.
        let tasks = allJobs.filter { if case .project = $0 { false } else { true } }
        let pages = Result {
            try parallelForEach(tasks.count) { i in
                try write(tasks[i], into: output)
                guard case .departmentYear(let y) = tasks[i] else { return }
                // A project page depends on its project and its neighbours only: if they are
                // as they were, the page is too. The pages kept are recorded together (one
                // lock for the department-year, not one a page).
                let shared = projectFingerprintBase(y)
                var kept = StagedOutput.Kept()
                for p in context.index.departmentYears[y].projectPaths.indices {
                    let fingerprint = projectFingerprint(y, p, base: shared)
                    if !output.reusable(file(.project(y, p)), fingerprint: fingerprint, into: &kept) {
                        try write(.project(y, p), fingerprint: fingerprint, into: output)
                    }
                }
                output.keep(kept)
            }
        }
        let sitemapWritten = sitemap.value
        try pages.get()
        try sitemapWritten.get()
        try output.write("robots.txt", "User-agent: *\nAllow: /\nSitemap: \(context.canonical("/sitemap.xml"))\n")
        for (path, source) in theme.assets {
            switch source {
            case .file(let file): try output.copy(from: file, to: path)
            case .embedded(let bytes): try bytes.withUnsafeBytes { try output.write(path, bytes: $0) }
            }
        }
        try publishOriginals(into: output)
        return allJobs.count
    }

    /// Copies every document's original into the site (read each time: a file the build did not
    /// make is never trusted to be as it was; an unchanged one is not written again).
    func publishOriginals(into output: StagedOutput) throws {
        var seen = Set<String>()
        let originals = context.index.sources.keys.sorted().flatMap { context.index.sources[$0]!.originals }.filter { seen.insert($0.path).inserted }
        try parallelForEach(originals.count) { i in
            guard let bytes = Files.read(originals[i].file) else {
                throw PipelineError.output(Localized(zh: "无法读取文档的原文 ‘\(originals[i].file)’", en: "cannot read the original of a document ‘\(originals[i].file)’"))
            }
            try bytes.withUnsafeBytes { try output.write(originals[i].path, bytes: $0) }
        }
    }

    /// What the pages show of these documents' sources (address, date, originals), hashed.
    func combineSources(_ files: [String], into h: inout StableHash) {
        h.combine(files.count)
        for file in files {
            guard let source = context.index.sources[file] else { h.combine(0); continue }
            h.combine(1); h.combine(source.url ?? "\u{0}"); h.combine(source.date ?? "\u{0}")
            h.combine(source.originals.count)
            for original in source.originals { h.combine(original.path) }
        }
    }

    /// Renders and writes a page, unless the previous build's can be kept. A project page comes
    /// with its `projectFingerprint`, already found not to be reusable (`render` checks those a
    /// department-year at a time).
    private func write(_ job: Job, fingerprint project: UInt64 = 0, into output: StagedOutput) throws {
        var fingerprint = project
        if let inputs = inputFingerprint(job) {
            fingerprint = inputs
            if output.reuse(file(job), fingerprint: fingerprint) { return }
        }
        let (file, template, view) = page(job)
        if fingerprint == 0 {
            // Any other page is kept when its view, template and theme are as they were.
            var h = StableHash()
            h.combine(theme.fingerprint)
            h.combine(template)
            view.value.combine(into: &h)
            fingerprint = h.value
            if output.reuse(file, fingerprint: fingerprint) { return }
        }
        let bytes = try theme.render(template, view)
        try bytes.withUnsafeBytes { try output.write(file, bytes: $0, fingerprint: fingerprint) }
    }

    /// Everything a department or department-year page is made from, hashed from the model
    /// without building the page's view (which costs more than the rest of a rebuild's check
    /// of those pages). What `Pages.department` and `Pages.departmentYear` read must be here;
    /// IncrementalBuildTests compare rebuilt pages with clean builds after edits of each kind.
    func inputFingerprint(_ job: Job) -> UInt64? {
        guard let fingerprints else { return nil }
        var h = settings
        switch job {
        case .department(let d):
            let entry = context.index.departments[d]
            let department = entry.department
            h.combine("department")
            h.combine(entry.path); h.combine(department.name); h.combine(department.key)
            h.combine(department.aliases.count)
            for alias in department.aliases { h.combine(alias) }
            h.combine(department.years.count)
            for dy in department.years {
                h.combine(dy.year); h.combine(dy.projects.count); h.combine(Int(dy.total.fen))
                h.combine(dy.annex == nil ? 0 : dy.annexReconciles == true ? 1 : 2)
                combineSources(dy.files, into: &h)
            }
            // The projects by year (names, amounts and pages: each department-year's fingerprint).
            for e in entry.yearEntries { h.combine(fingerprints.departmentYears[e]) }
            return h.value
        case .departmentYear(let y):
            let entry = context.index.departmentYears[y]
            let dy = entry.departmentYear
            h.combine("department-year")
            // The department, year, every project in full and its page's path.
            h.combine(fingerprints.departmentYears[y])
            h.combine(entry.path); h.combine(entry.departmentPath); h.combine(dy.department); h.combine(dy.departmentKey)
            let department = context.index.departments[entry.departmentIndex].department
            h.combine(department.years.count)
            for other in department.years { h.combine(other.year) }
            h.combine(dy.notes.count)
            for note in dy.notes { h.combine(note) }
            h.combine(dy.indicatorCount); h.combine(dy.measurableCount)
            h.combine(dy.files.count)
            for file in dy.files { h.combine(file) }
            combineSources(dy.files, into: &h)
            if let goals = dy.overallGoals {
                h.combine(1); h.combine(goals.title); h.combine(goals.sections.count)
                for s in goals.sections {
                    h.combine(s.title); h.combine(s.paragraphs.count)
                    for p in s.paragraphs { h.combine(p) }
                    h.combine(s.items.count)
                    for item in s.items { h.combine(item.title); h.combine(item.goal ?? "\u{0}"); h.combine(item.indicator ?? "\u{0}") }
                }
            } else {
                h.combine(0)
            }
            if let annex = dy.annex {
                h.combine(annex.rows.count)
                for row in annex.rows {
                    h.combine(row.number); h.combine(row.name); h.combine(row.amount.map { Int($0.fen) } ?? -1); h.combine(row.amountText)
                    h.combine(row.matchedProject ?? -1); h.combine(row.nameMatches ? 1 : 0); h.combine(row.amountMatches ? 1 : 0)
                }
            } else {
                h.combine(-1)
            }
            return h.value
        default:
            return nil
        }
    }

    /// What every project page of department-year `y` is rendered from alike (the theme, the
    /// settings, the department, the year and their pages' paths), hashed.
    func projectFingerprintBase(_ y: Int) -> StableHash {
        var h = settings
        h.combine("project")
        // Read through the index, not copied out of it (an entry is a large value).
        let index = context.index
        h.combine(index.departmentYears[y].departmentYear.department); h.combine(index.departmentYears[y].departmentYear.departmentKey)
        h.combine(index.departmentYears[y].departmentYear.year)
        h.combine(index.departmentYears[y].departmentPath); h.combine(index.departmentYears[y].path)
        combineSources(index.departmentYears[y].departmentYear.files, into: &h)
        return h
    }

    /// Everything a project page is rendered from, hashed (`base`: the department-year's
    /// `projectFingerprintBase`).
    func projectFingerprint(_ y: Int, _ p: Int, base: StableHash) -> UInt64 {
        let index = context.index
        var h = base
        h.combine(fingerprints?.projects[y][p] ?? ProjectDigest.hash(of: index.departmentYears[y].departmentYear.projects[p]))
        h.combine(index.departmentYears[y].projectPaths[p])
        let count = index.departmentYears[y].projectPaths.count
        for neighbour in stride(from: p - 1, through: p + 1, by: 2) where (0..<count).contains(neighbour) {
            h.combine(index.departmentYears[y].departmentYear.projects[neighbour].name); h.combine(index.departmentYears[y].projectPaths[neighbour])
        }
        h.combine(p == 0 ? 1 : 0); h.combine(p + 1 == count ? 1 : 0)
        for other in context.index.history[index.departmentYears[y].historyGroups[p]] {
            // Read through the index, not copied out of it (an entry is a large value).
            h.combine(context.index.departmentYears[other.entry].departmentYear.year)
            h.combine(context.index.departmentYears[other.entry].projectPaths[other.project])
            h.combine(context.index.departmentYears[other.entry].departmentYear.projects[other.project].amount.map { Int($0.fen) } ?? -1)
            h.combine(context.index.departmentYears[other.entry].departmentYear.projects[other.project].amountUnitUnstated ? 1 : 0)
        }
        return h.value
    }

    /// The file a page is written to, relative to the output directory.
    func file(_ job: Job) -> String {
        let index = context.index
        switch job {
        case .home: return "index.html"
        case .search: return "search/index.html"
        case .notFound: return "404.html"
        case .quality: return "quality/index.html"
        case .data: return "data/index.html"
        case .department(let d): return String(index.departments[d].path.dropFirst()) + "index.html"
        case .departmentYear(let y): return String(index.departmentYears[y].path.dropFirst()) + "index.html"
        case .project(let y, let p): return String(index.departmentYears[y].projectPaths[p].dropFirst())
        }
    }

    /// The file, template and view of a page.
    func page(_ job: Job) -> (file: String, template: String, view: PageView) {
        let index = context.index
        let (template, view): (String, PageView)
        switch job {
        case .home: (template, view) = ("home", Pages.home(context, site: site))
        case .search: (template, view) = ("search", Pages.search(context, site: site))
        case .notFound: (template, view) = ("404", Pages.notFound(context))
        case .quality: (template, view) = ("quality", Pages.quality(context, site: site))
        case .data: (template, view) = ("data", Pages.data(context, site: site))
        case .department(let d): (template, view) = ("department", Pages.department(context, index.departments[d]))
        case .departmentYear(let y):
            (template, view) = ("department-year", Pages.departmentYear(context, index.departmentYears[y], notes: []))
        case .project(let y, let p): (template, view) = ("project", Pages.project(context, index.departmentYears[y], index: p))
        }
        return (file(job), template, view)
    }

    /// Everything the sitemaps are made from: the base URL and every page's path, in order.
    var sitemapFingerprint: UInt64 {
        var h = StableHash()
        h.combine("sitemaps"); h.combine(context.baseURL)
        h.combine(Self.sitemapLimit); h.combine(Self.sitemapBytes)
        for d in context.index.departments { h.combine(d.path) }
        for entry in context.index.departmentYears {
            h.combine(entry.path)
            h.combine(entry.projectPaths.count)
            for path in entry.projectPaths { h.combine(path) }
        }
        // The pages' dates (`lastmod`).
        for file in context.index.sources.keys.sorted() { h.combine(file); h.combine(context.index.sources[file]!.date ?? "\u{0}") }
        return h.value
    }

    /// What one sitemap file may hold (sitemaps.org: 50,000 URLs and 50 MB uncompressed).
    static let sitemapLimit = 50_000
    static let sitemapBytes = 50 * 1024 * 1024

    /// Every page's canonical URL (`PageContext.canonical`) but the 404 page's, in sitemaps:
    /// `sitemap.xml` lists them all while one file may hold them (`limit` URLs, `bytes`);
    /// past that it is a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, …, each as full as
    /// it may be and handed to `emit` as soon as it is. Written as bytes: a percent-encoded path
    /// needs no escaping, the base URL is escaped once.
    func sitemaps(limit: Int = SiteRenderer.sitemapLimit, bytes: Int = SiteRenderer.sitemapBytes,
                  emit: (String, [UInt8]) throws -> Void) throws {
        let index = context.index
        let total = 4 + index.departments.count + index.departmentYears.reduce(0) { $0 + 1 + $1.projectPaths.count }
        let limit = max(1, limit)
        var base: [UInt8] = []
        HTML.escape(context.baseURL, into: &base)
        let header = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        let start = Array("<url><loc>".utf8) + base
        let end = Array("</loc></url>\n".utf8)
        let footer = Array("</urlset>\n".utf8)
        var parts = 0
        var out = header
        out.reserveCapacity(min(total, limit) * 200)
        var inPart = 0
        var url: [UInt8] = []
        /// The page at `path`, with the date its documents were published when they give one.
        func add(_ path: String, _ lastmod: String? = nil) throws {
            url.removeAll(keepingCapacity: true)
            url.append(contentsOf: start)
            Permalinks.encode(path, dropping: 1, into: &url)
            if let lastmod {
                url.append(contentsOf: "</loc><lastmod>".utf8)
                url.append(contentsOf: lastmod.utf8)
                url.append(contentsOf: "</lastmod></url>\n".utf8)
            } else {
                url.append(contentsOf: end)
            }
            // A full part is written before the address that would not fit in it.
            if inPart == limit || (inPart > 0 && out.count + url.count + footer.count > bytes) { try flush() }
            out.append(contentsOf: url)
            inPart += 1
        }
        func flush() throws {
            out.append(contentsOf: footer)
            parts += 1
            try emit("sitemap-\(parts).xml", out)
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: header)
            inPart = 0
        }
        let latest = context.latestDate(index.sources.keys)
        for url in ["/", "/search/", "/quality/", "/data/"] { try add(url, latest) }
        for d in index.departments { try add(d.path, context.latestDate(d.department.years.lazy.flatMap(\.files))) }
        for entry in index.departmentYears {
            try add(entry.path, context.latestDate(entry.departmentYear.files))
            for (p, path) in entry.projectPaths.enumerated() {
                try add(path, index.sources[entry.departmentYear.projects[p].location.file]?.date)
            }
        }
        if parts == 0 {
            out.append(contentsOf: footer)
            try emit("sitemap.xml", out)
            return
        }
        try flush()
        var list = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        for n in 1...parts {
            list.append(contentsOf: "<sitemap><loc>".utf8)
            list.append(contentsOf: base)
            list.append(contentsOf: "sitemap-\(n).xml</loc></sitemap>\n".utf8)
        }
        list.append(contentsOf: "</sitemapindex>\n".utf8)
        try emit("sitemap.xml", list)
    }
}

/// The first error thrown by any of several threads.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stored != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ error: Error) {
        lock.lock()
        if stored == nil { stored = error }
        lock.unlock()
    }
}
