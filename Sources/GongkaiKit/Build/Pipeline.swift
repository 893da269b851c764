// The build as one straight line of named stages.

import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDir = "Content"
    public var outputDir = "Public"
    public var configPath = "gongkai.yml"
    public var themesDir = "Themes"
    /// Where the build keeps what it needs to rebuild only what changed (default: a
    /// `.gongkai-cache` folder next to the output directory).
    public var cacheDir: String?
    /// Called with progress lines (`[2/7] reading 5 documents`).
    public var log: (@Sendable (String) -> Void)?
    /// Which gongkai is building (default: a hash of the executable). A cache written by
    /// another one is not trusted; tests set this to play an upgrade.
    public var builder: UInt64?
    /// Bytes of memory for project details read back from the cache (estimated): a larger site
    /// keeps only that much decoded at once and reads the rest from its cache files again when
    /// a page, a data row or the search text needs them. The default fits 20,000 projects.
    public var detailsMemory = 256 << 20
    /// The settings, when the caller read them (with the environment's and the command line's
    /// overrides); else they are read from `configPath`.
    public var config: SiteConfig?
    /// The language of progress lines and of `BuildResult.diagnosticReport`.
    public var language: Language = .zh
    /// When the content has errors, write nothing and keep the previous output as it was
    /// (`gongkai serve`: a broken edit leaves the previous site in the browser).
    public var keepPreviousOnErrors = false
    /// Replace an output directory that is neither empty nor a site gongkai built (`--force`).
    public var force = false
    /// Called with what the publisher must be told even without `log`: that another build of
    /// the output is being waited for, that a killed build's leftovers were removed, that the
    /// old site could not be removed.
    public var notice: (@Sendable (Localized) -> Void)?

    public init() {}

    /// Logs a line in the options' language.
    func say(_ zh: String, _ en: String) { log?(language == .zh ? zh : en) }
}

/// What a build produced.
public struct BuildResult: Sendable {
    public var site: Site
    public var files: Int
    public var bytes: Int
    /// Pages kept from the previous build because nothing they show changed.
    public var reusedPages: Int = 0
    /// Documents taken from the cache instead of being parsed again.
    public var cachedDocuments: Int = 0
    /// Of those, the ones not even read: their size, times and inode were as when cached.
    public var untouchedDocuments: Int = 0
    /// Files whose bytes differ from the previous build's, or that it did not have.
    public var changedFiles: Int = 0
    /// Department-years whose open-data rows were copied from the previous build.
    public var copiedDataSegments: Int = 0
    /// Whether projects.json, projects.csv and indicators.csv were kept as the previous build
    /// wrote them (every department-year's rows unchanged, in the same order).
    public var keptOpenData = false
    /// Whether the search index was kept from the previous build (no searchable text changed).
    public var reusedSearchIndex = false
    /// Whether the previous search index was patched where a few projects changed, instead of
    /// being built again.
    public var updatedSearchIndex = false
    /// How many times project details read from the cache were dropped to stay within
    /// `BuildOptions.detailsMemory` (each to be read again when needed).
    public var droppedDetails = 0
    public var stageTimes: [(String, Duration)]
    /// Whether the configuration names the site's address (else sitemap.xml, robots.txt and
    /// canonical links use a placeholder).
    public var hasBaseURL = true
    /// `Report.diagnosticBytes` of the site's diagnostics, made on a thread of its own while
    /// the search index was written (the report of a large site takes tens of milliseconds,
    /// which a rebuild would otherwise spend alone at its end).
    public var diagnosticReport: [UInt8] = []
    /// Whether the output was replaced (false: `keepPreviousOnErrors` and the content had errors).
    public var published = true
    /// The output's manifests and the open-data segments, held as long as the result is: a
    /// command exits with them in memory, instead of freeing tens of thousands of entries one by
    /// one before it can exit (as it does with the site).
    var resources: [any Sendable] = []
}

public enum Pipeline {
    /// Reads the configuration and all content into the site model (`check` stops here).
    /// `keepingDetails: false` keeps of each project only what lists, totals and diagnostics
    /// need (its summary and digest), so that the memory does not grow with the indicators of
    /// the whole site: its money lines, narrative and indicators are checked as the document is
    /// read, then dropped.
    ///
    /// `extra`: diagnostics found before the content was read (the theme's), reported with it.
    public static func read(contentDir: String, config: SiteConfig, keepingDetails: Bool = true, extra: [Diagnostic] = []) throws -> Site {
        try read(contentDir: contentDir, config: config, cache: nil, keepingDetails: keepingDetails, extra: extra)
    }

    static func read(contentDir: String, config: SiteConfig, cache: DocumentCache?, keepingDetails: Bool = true,
                     checking: Bool = true, extra: [Diagnostic] = [], log: ((Localized) -> Void)? = nil) throws -> Site {
        // The site's own labels join the vocabulary before anything is read (checked when the
        // configuration was loaded).
        try? Vocabulary.install(siteLabels: config.labels)
        let clock = ContinuousClock()
        var lap = clock.now
        func step(_ zh: String, _ en: String) {
            let now = clock.now
            let ms = (now - lap).formatted(.units(allowed: [.milliseconds]))
            log?(Localized(zh: "      \(zh)（\(ms)）", en: "      \(en) (\(ms))"))
            lap = now
        }
        let listing = try ContentLoader.list(contentDir)
        step("列出 \(listing.files.count) 个文件", "listing \(listing.files.count) files")
        // A .pdf/.doc/.xls beside a document is its original: published as 原文, not read.
        let originals = Originals(listing.files, contentDir: contentDir)
        // What could not be listed or read is reported with the documents.
        let documents = ContentLoader.read(originals.documents, cache: cache, keepingDetails: keepingDetails) + listing.problems
        if let cache {
            step("读取文档（\(cache.hits) 个取自缓存）", "reading documents (\(cache.hits) from the cache)")
        } else {
            step("读取文档", "reading documents")
        }
        var site = Aggregator.aggregate(consume documents, departments: config.departments)
        site.sources = Publications.resolve(site.documents, originals: originals, config: config, contentDir: contentDir)
        step("汇总", "aggregating")
        guard checking else { return site }
        check(&site, config: config, contentDir: contentDir, extra: extra)
        step("检查", "checking")
        return site
    }

    /// The configuration's and the theme's warnings (`extra`), the configuration's silences and
    /// the quality checks: diagnostics, and each department-year's notes and indicator counts
    /// (what `read(checking: false)` leaves out).
    static func check(_ site: inout Site, config: SiteConfig, contentDir: String, extra: [Diagnostic] = []) {
        site.diagnostics += config.diagnostics(documents: site.documents.map(\.path), contentDir: contentDir) + extra
        site.diagnostics = Checks.apply(silence: config.silence, to: site.diagnostics, contentDir: contentDir)
        QualityChecks.run(&site, silence: config.silence, contentDir: contentDir)
    }

    /// Reads, renders and writes the site; the output directory is replaced only on success.
    public static func build(_ options: BuildOptions) throws -> BuildResult {
        let clock = ContinuousClock()
        var times: [(String, Duration)] = []
        let total = 6
        var step = 0
        let language = options.language
        func stage<T>(_ zh: String, _ en: String, _ body: () throws -> T) rethrows -> T {
            step += 1
            let start = clock.now
            let value = try body()
            let elapsed = clock.now - start
            times.append((en, elapsed))
            let ms = elapsed.formatted(.units(allowed: [.milliseconds]))
            options.say("[\(step)/\(total)] \(zh)（\(ms)\(MemoryUse.summary(.zh))）", "[\(step)/\(total)] \(en) (\(ms)\(MemoryUse.summary(.en)))")
            return value
        }
        let log: ((Localized) -> Void)? = options.log.map { log in { log($0.text(language)) } }

        // The output path first: one whose replacement would delete what gongkai did not make
        // is refused before anything is read or made.
        let target = try outputTarget(options)
        try target.checkReplaceable(force: options.force)
        let (config, theme) = try stage("读取配置和主题", "loading configuration and theme") { () throws -> (SiteConfig, Theme) in
            let config = try options.config ?? SiteConfig.load(path: options.configPath)
            return (config, try Theme.load(themesDir: options.themesDir, name: config.theme))
        }
        // The output: a directory the build may replace, locked against other builds of it
        // before its cache is read, and cleared of what killed builds left.
        let outputLock = try lock(target, options)
        defer { outputLock.release() }
        // The staging directory and the previous build's manifest (tens of thousands of entries
        // to read) are made ready on a thread of their own while the content is read.
        let outputCache = options.cacheDir
        let staging = Background { Result { try StagedOutput(target: target, cacheDir: outputCache) } }
        let cacheDir = StagedOutput.cacheDirectory(target, cacheDir: options.cacheDir)
        // What another gongkai cached is not trusted: it may read or render content differently.
        // Documents cached under other labels would read differently: the labels are part of
        // who built the cache.
        try? Vocabulary.install(siteLabels: config.labels)
        let builder = (options.builder ?? BuildIdentity.current) ^ Vocabulary.current.fingerprint
        let sameBuilder = BuildIdentity.stored(in: cacheDir) == builder
        let detailsMemory = DetailsMemory(budget: options.detailsMemory)
        let documents = DocumentCache(dir: cacheDir, trusted: sameBuilder, memory: detailsMemory)
        var site: Site
        do {
            site = try stage("读取内容", "reading content") {
                try read(contentDir: options.contentDir, config: config, cache: documents, checking: false, log: log)
            }
        } catch {
            (try? staging.value.get())?.discard()
            throw error
        }
        let output = try staging.value.get()
        if !sameBuilder { output.forgetFingerprints() }
        let previousSeal = output.previous?.seal
        let previousData = sameBuilder ? previousSeal.flatMap { DataSegments(cacheDir: output.cacheDir, outputDir: output.finalPath, seal: $0) } : nil
        let dataSegments = DataSegments()
        var reusedSearchIndex = false, updatedSearchIndex = false, keptOpenData = false
        var searchState: SearchState?
        let report: Background<[UInt8]>
        // Open data, pages and the search index are written at the same time: the data files
        // on one thread from the checks to the end of the search index, the pages and then the
        // search index on all cores. The quality checks come after routing: the open data does
        // not show what they find, and is written from the start of the checks (after one
        // change it copies nearly all of 184 MB, longer than anything after it takes).
        let (index, fingerprints, data) = stage("为 \(site.projectCount) 个项目分配地址并检查", "routing and checking \(site.projectCount) projects") {
            () -> (SiteIndex, Fingerprints, Background<Result<Bool, any Error>>) in
            var index = SiteIndex(site: site)
            // Pages and data name documents from the content folder's own name.
            index.paths = PublicPaths(contentDir: options.contentDir)
            let fingerprints = Fingerprints(index)
            let (dataSite, dataIndex) = (site, index)
            let data = Background {
                let start = ContinuousClock.now
                let kept = Result {
                    try DataExport.write(dataSite, index: dataIndex, config: config, to: output, fingerprints: fingerprints,
                                         previous: previousData, saving: dataSegments)
                }
                let copied = previousData?.copied ?? 0
                let ms = (ContinuousClock.now - start).formatted(.units(allowed: [.milliseconds]))
                options.say("      开放数据在单独的线程上（\(ms)，" + ((try? kept.get()) == true ? "保留了上次的文件）" : "复制了 \(copied) 个部门年度）"),
                            "      open data on its own thread (\(ms), " + ((try? kept.get()) == true ? "the previous files kept)" : "\(copied) department-years copied)"))
                return kept
            }
            check(&site, config: config, contentDir: options.contentDir, extra: theme.diagnostics)
            index.update(from: site)
            return (index, fingerprints, data)
        }
        if options.keepPreviousOnErrors && site.hasErrors {
            // The open data's thread is done with the output before it is discarded.
            _ = data.value
            output.discard()
            var result = BuildResult(site: site, files: 0, bytes: 0, stageTimes: times)
            result.published = false
            result.diagnosticReport = Report.diagnosticBytes(site.diagnostics, language: language)
            return result
        }
        do {
            try stage("写入页面和开放数据", "writing pages and open data") {
                let context = PageContext(config: config, index: index, customCSS: theme.hasCustomCSS)
                var renderer = SiteRenderer(theme: theme, context: context, site: site)
                renderer.fingerprints = fingerprints
                _ = try renderer.render(into: output)
            }
            // The report, made while the index is (after one change, the open data then still
            // takes a thread, and the pages' cores are free).
            let diagnostics = site.diagnostics
            report = Background { Report.diagnosticBytes(diagnostics, language: language) }
            try stage("建立搜索索引", "indexing for search") {
                // The open data (still being written, when pages took less time) must be
                // complete when this stage ends.
                defer { _ = data.value }
                let emit: @Sendable (String, [UInt8]) throws -> Void = { path, bytes in
                    try bytes.withUnsafeBytes { try output.write(path, bytes: $0) }
                }
                // When few projects changed, the previous index is patched (the same bytes).
                if let previous = sameBuilder ? previousSeal.flatMap({ SearchCache.load(cacheDir: output.cacheDir, seal: $0) }) : nil,
                   let outcome = try SearchUpdate.apply(index, previous: previous, options: SearchIndex.Options(),
                                                        read: output.previousBytes, keep: output.keep, emit: emit)
                {
                    options.say("      \(outcome.changedDocuments) 个文档有改动，重写了 \(outcome.rewrittenFiles) 个索引文件",
                                "      \(outcome.changedDocuments) documents changed, \(outcome.rewrittenFiles) index files written again")
                    searchState = outcome.state
                    reusedSearchIndex = outcome.changedDocuments == 0
                    updatedSearchIndex = outcome.changedDocuments > 0
                    return
                }
                // The documents are made (and their details read) as the index takes them.
                searchState = try SearchIndex.write(SearchIndex.Source(index), spool: output.cacheDir, log: options.log, emit: emit)
            }
            keptOpenData = try data.value.get()
            if detailsMemory.dropped > 0 {
                let budget = detailsMemory.budget >= 1 << 20 ? "\(detailsMemory.budget >> 20) MiB" : "\(detailsMemory.budget) bytes"
                options.say("      项目详情：为不超过 \(budget) 释放了 \(detailsMemory.dropped) 次", "      project details: \(detailsMemory.dropped) times dropped to stay within \(budget)")
            }
            try stage("发布", "publishing") {
                try output.publish()
                BuildIdentity.store(builder, in: output.cacheDir)
                // The caches of the next build, each its own file, saved while the old site is
                // removed. The search state and the open-data segments carry the seal of the
                // manifest they go with (a build killed between saving them leaves them apart).
                let (search, seal, notice) = (searchState, output.seal, options.notice)
                try parallelForEach(5) { i in
                    switch i {
                    case 0: documents.save()
                    case 4:
                        if let leftover = output.removeOldSite() {
                            notice?(Localized(zh: "新网站已发布，但无法删除旧网站 ‘\(leftover)’；下一次构建会再删除它",
                                              en: "the new site is published, but the old one in ‘\(leftover)’ could not be removed; the next build removes it"))
                        }
                    case 1: if let search { SearchCache.save(search, cacheDir: output.cacheDir, seal: seal) }
                    case 2: dataSegments.save(cacheDir: output.cacheDir, seal: seal)
                    default:
                        do { try output.saveManifest() } catch let failure as SafeFiles.Failure {
                            throw PipelineError.publish("网站已发布，但无法保存构建缓存", "the site is published, but the build cache cannot be saved", failure)
                        }
                    }
                }
            }
        } catch {
            // The open data's thread is done with the output before it is discarded.
            _ = data.value
            output.discard()
            throw error
        }
        var result = BuildResult(site: site, files: output.fileCount, bytes: output.byteCount, stageTimes: times)
        result.reusedPages = output.reused
        result.cachedDocuments = documents.hits
        result.untouchedDocuments = documents.untouched
        result.changedFiles = output.changedCount
        result.copiedDataSegments = previousData?.copied ?? 0
        result.keptOpenData = keptOpenData
        result.reusedSearchIndex = reusedSearchIndex
        result.updatedSearchIndex = updatedSearchIndex
        result.droppedDetails = detailsMemory.dropped
        result.hasBaseURL = config.baseURL != SiteConfig.placeholderBaseURL
        result.diagnosticReport = report.value
        result.resources = [output, dataSegments] + (previousData.map { [$0] } ?? [])
        return result
    }
}

extension Pipeline {
    /// The output directory, refused when its replacement would delete what gongkai did not
    /// make (the project, its content, themes or configuration, or a folder above them).
    static func outputTarget(_ options: BuildOptions) throws -> OutputTarget {
        let content = Localized(zh: "内容目录", en: "the content directory")
        let themes = Localized(zh: "主题目录", en: "the themes directory")
        return try OutputTarget(options.outputDir,
                                protecting: [(options.contentDir, content), (options.themesDir, themes),
                                             (options.configPath, Localized(zh: "配置文件", en: "the configuration file"))],
                                inside: [(options.contentDir, content), (options.themesDir, themes)])
    }

    /// Takes the output's lock (waiting for another build of it), removes what killed builds
    /// left and checks again, now that no other build can change it, that the directory may
    /// be replaced.
    static func lock(_ target: OutputTarget, _ options: BuildOptions) throws -> OutputLock {
        do {
            try SafeFiles.makeDirectories(target.parent)
        } catch let failure as SafeFiles.Failure {
            throw PipelineError.publish("无法创建输出目录所在的目录", "cannot create the folder of the output directory", failure)
        }
        let notice = options.notice
        let lock = try OutputLock(target) { holder in
            notice?(Localized(zh: "另一个构建\(holder.map { "（进程 \($0)）" } ?? "")正在生成 ‘\(target.path)’，等它结束……",
                              en: "another build\(holder.map { " (process \($0))" } ?? "") is writing ‘\(target.path)’; waiting for it to finish…"))
        }
        let removed = target.removeLeftovers()
        if let pid = lock.interrupted {
            notice?(Localized(zh: "上一次构建（进程 \(pid)）没有正常结束\(removed.isEmpty ? "" : "，已删除它留下的暂存目录")",
                              en: "the previous build (process \(pid)) did not finish\(removed.isEmpty ? "" : "; its staging directories were removed")"))
        }
        try target.checkReplaceable(force: options.force)
        let cacheDir = StagedOutput.cacheDirectory(target, cacheDir: options.cacheDir)
        CacheFile.prepareDirectory(cacheDir)
        return lock
    }
}

/// A value made on a thread of its own from the moment this is created; `value` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> T) {
        Thread.detachNewThread { [self] in
            result = make()
            done.signal()
        }
    }

    var value: T {
        done.wait()
        done.signal()  // for a second read
        return result!
    }
}

/// This process's memory, from /proc/self/status (Linux), for `build -v`.
enum MemoryUse {
    /// "，常驻内存 412 MiB，峰值 455 MiB" / ", 412 MiB resident, peak 455 MiB", or "" where
    /// /proc is not there.
    static func summary(_ language: Language) -> String {
        // /proc files report size 0, so they are read until end of file, not by their size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status"),
              let data = try? handle.readToEnd() else { return "" }
        try? handle.close()
        let status = String(decoding: data, as: UTF8.self)
        func mebibytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
                  let kib = Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
            else { return nil }
            return kib / 1024
        }
        guard let resident = mebibytes("VmRSS"), let peak = mebibytes("VmHWM") else { return "" }
        return language == .zh ? "，常驻内存 \(resident) MiB，峰值 \(peak) MiB" : ", \(resident) MiB resident, peak \(peak) MiB"
    }
}
