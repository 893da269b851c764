// The build as one straight line of named stages.

import Foundation

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var contentDir = "Content"
    public var outputDir = "Public"
    public var configPath = "gongkai.yml"
    public var themesDir = "Themes"
    /// Called with progress lines (`[2/7] reading 5 documents`).
    public var log: (@Sendable (String) -> Void)?

    public init() {}
}

/// What a build produced.
public struct BuildResult: Sendable {
    public var site: Site
    public var files: Int
    public var bytes: Int
    public var stageTimes: [(String, Duration)]
}

public enum Pipeline {
    /// Reads the configuration and all content into the site model (`check` stops here).
    public static func read(contentDir: String, config: SiteConfig) throws -> Site {
        let paths = try ContentLoader.files(in: contentDir)
        let documents = ContentLoader.read(paths)
        var site = Aggregator.aggregate(documents, departments: config.departments)
        site.diagnostics = Checks.apply(silence: config.silence, to: site.diagnostics, contentDir: contentDir)
        QualityChecks.run(&site, silence: config.silence, contentDir: contentDir)
        return site
    }

    /// Reads, renders and writes the site; the output directory is replaced only on success.
    public static func build(_ options: BuildOptions) throws -> BuildResult {
        let clock = ContinuousClock()
        var times: [(String, Duration)] = []
        let total = 6
        var step = 0
        func stage<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            step += 1
            let start = clock.now
            let value = try body()
            let elapsed = clock.now - start
            times.append((name, elapsed))
            options.log?("[\(step)/\(total)] \(name) (\(elapsed.formatted(.units(allowed: [.milliseconds]))))")
            return value
        }

        let (config, theme) = try stage("loading configuration and theme") { () throws -> (SiteConfig, Theme) in
            let config = try SiteConfig.load(path: options.configPath)
            return (config, try Theme.load(themesDir: options.themesDir, name: config.theme))
        }
        let site = try stage("reading content") { try read(contentDir: options.contentDir, config: config) }
        let index = stage("routing \(site.projectCount) projects") { SiteIndex(site: site) }
        let output = try StagedOutput(outputDir: options.outputDir)
        do {
            // Open data and pages are written at the same time: the data files on one thread,
            // the pages on all cores.
            try stage("writing pages and open data") {
                let dataFailure = FirstError()
                let dataDone = DispatchSemaphore(value: 0)
                Thread.detachNewThread {
                    do { try DataExport.write(site, index: index, config: config, to: output) } catch { dataFailure.set(error) }
                    dataDone.signal()
                }
                let context = PageContext(config: config, index: index)
                let pages = Result { try SiteRenderer(theme: theme, context: context, site: site).render(into: output) }
                dataDone.wait()
                if let error = dataFailure.error { throw error }
                _ = try pages.get()
            }
            try stage("indexing for search") {
                try SearchIndex.write(SearchIndex.documents(index)) { path, bytes in
                    try bytes.withUnsafeBytes { try output.write(path, bytes: $0) }
                }
            }
            try stage("publishing") { try output.publish() }
        } catch {
            output.discard()
            throw error
        }
        return BuildResult(site: site, files: output.fileCount, bytes: output.byteCount, stageTimes: times)
    }
}
