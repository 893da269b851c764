// `gongkai serve`: builds the site, serves it on 127.0.0.1, rebuilds when Content/, the theme
// or gongkai.yml change, and reloads open pages; a failed rebuild is shown in the terminal and
// over the page while the previous site stays.

import ArgumentParser
import Foundation
import GongkaiKit
import Hummingbird
import Logging

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成网站并在本机预览，修改后自动重新生成并刷新页面 (build, serve on 127.0.0.1, rebuild and reload pages on every change)",
        discussion: """
            预览用的网站生成在 .gongkai-serve/（不动 Public/）；只有 gongkai serve 发出的页面带自动刷新的脚本。
            The preview is built into .gongkai-serve/ (Public/ is left alone); only pages sent by gongkai serve carry the reload script.
            """)

    @OptionGroup var site: SiteOptions
    @Option(help: "端口，0 表示任选一个空闲端口 (the port; 0 picks a free one)") var port: UInt16 = 1313
    @Option(help: "预览网站的输出目录 (the preview's output directory)") var output = ".gongkai-serve"

    func run() throws {
        // Ctrl+C and `kill` stop the preview even when the parent started it with them blocked
        // (a test runner, some CI shells): the mask is inherited.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGHUP)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let state = ServeState()
        let root = output
        let router = Router()
        router.get(RouterPath(LiveReload.eventsPath)) { request, _ -> Response in
            let since = Int(request.uri.queryParameters.get("since") ?? "") ?? 0
            return await Self.events(state, since: since)
        }
        router.get("/") { request, _ in Self.file(root: root, request.uri.path, state: state) }
        router.get("**") { request, _ in Self.file(root: root, request.uri.path, state: state) }
        var logger = Logger(label: "gongkai.serve")
        logger.logLevel = .critical
        let listening = DispatchSemaphore(value: 0)
        let box = AddressBox()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: Int(port)), serverName: "gongkai"),
            onServerRunning: { channel in
                box.port = channel.localAddress?.port
                listening.signal()
            },
            logger: logger)
        Task {
            do {
                try await app.run()
            } catch {
                box.error = error
            }
            listening.signal()
        }
        listening.wait()
        guard box.error == nil, let bound = box.port else {
            throw UsageFailure(message: text("错误：无法在 127.0.0.1:\(port) 上提供服务：\(box.error.map { "\($0)" } ?? "未知原因")（端口被占用？用 --port 换一个）",
                                             "error: cannot serve on 127.0.0.1:\(port): \(box.error.map { "\($0)" } ?? "unknown reason") (port in use? choose another with --port)"))
        }
        let address = "127.0.0.1:\(bound)"
        // Canonical links, the sitemap and robots.txt of the preview name the preview (as Hugo's
        // server does); a broken first build still leaves the server up, showing the error.
        let builder = PreviewBuilder(site: site, output: output, baseURL: "http://\(address)/")
        // What the first build reads, as it was before: an edit saved while it runs (or before
        // the watching starts) is built next, not left until some later edit.
        let before = builder.fingerprint()
        builder.build(into: state, first: true)
        print(text("正在预览：http://\(address)/ （修改 \(site.content)/、主题或 gongkai.yml 后自动重新生成；Ctrl+C 停止）",
                   "Serving http://\(address)/ (rebuilt on every change to \(site.content)/, the theme or gongkai.yml; Ctrl+C stops)"))
        flushOutput()
        builder.watch(into: state, since: before)
    }

    /// The state once a build newer than `since` is done, or after 20 s (the page asks again).
    static func events(_ state: ServeState, since: Int) async -> Response {
        let deadline = ContinuousClock.now + .seconds(20)
        while state.snapshot.generation <= since && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(40))
        }
        let s = state.snapshot
        let body = JSON.object([("generation", .int(s.generation)), ("good", .int(s.good)), ("error", .string(s.error))]).serialized()
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A file of the preview: HTML with the reload script added; the site's 404 page for what
    /// is not there.
    static func file(root: String, _ encodedPath: String, state: ServeState) -> Response {
        let path = encodedPath.removingPercentEncoding ?? encodedPath
        var status = HTTPResponse.Status.ok
        var file: String
        switch LiveReload.resolve(root: root, path: path) {
        case .file(let found): file = found
        case .redirect:
            // The request's own (encoded) path with its slash.
            return Response(status: .movedPermanently, headers: [.location: encodedPath + "/"])
        case .notFound:
            status = .notFound
            file = root + "/404.html"
        }
        guard var bytes = LiveReload.read(file) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "404\n")))
        }
        let type = LiveReload.contentType(file)
        if type.hasPrefix("text/html") { bytes = LiveReload.inject(into: bytes, generation: state.snapshot.good) }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// The preview's builds: the first, then one for every change seen.
struct PreviewBuilder {
    let site: SiteOptions
    let output: String
    let baseURL: String

    /// Builds (incrementally after the first time) and records the outcome: a new good
    /// generation, or the error shown over the pages while the previous site stays.
    func build(into state: ServeState, first: Bool = false) {
        let start = ContinuousClock.now
        var error: String?
        do {
            var options = BuildOptions()
            options.contentDir = site.content
            options.outputDir = output
            options.themesDir = site.themes
            var config = try site.siteConfig()
            config.baseURL = baseURL
            options.config = config
            options.language = language
            options.keepPreviousOnErrors = true
            let result = try Pipeline.build(options)
            let shown = result.site.diagnostics.filter { $0.severity == .error || (!site.quiet && $0.severity == .warning) }
            if !shown.isEmpty { FileHandle.standardError.write(Data(site.report(result.site.diagnostics, full: result.diagnosticReport))) }
            if result.published {
                let ms = (ContinuousClock.now - start).formatted(.units(allowed: [.milliseconds]))
                print(first ? text("已生成（\(ms)）：\(result.files) 个文件", "built (\(ms)): \(result.files) files")
                            : text("已重新生成（\(ms)）：\(result.changedFiles) 个文件有改动", "rebuilt (\(ms)): \(result.changedFiles) files changed"))
                flushOutput()
            } else {
                let errors = result.site.diagnostics.filter { $0.severity == .error }
                error = errors.prefix(50).map { $0.line(language) }.joined(separator: "\n")
                    + (errors.count > 50 ? "\n… " + text("另有 \(errors.count - 50) 个错误", "and \(errors.count - 50) more errors") : "")
            }
        } catch let failure as UsageFailure {
            error = failure.message
        } catch let failure as SiteConfig.Error {
            error = failure.message(language)
        } catch let failure as PipelineError {
            error = failure.message(language)
        } catch let other {
            error = "\(other)"
        }
        if let error {
            printError(error)
            printError(text("生成失败：仍提供上一次成功生成的网站", "build failed: the previous site is still served"))
        }
        state.finished(error: error)
    }

    /// What the site is made of (Content/, the themes, gongkai.yml), as `FileTree` fingerprints it.
    func fingerprint() -> UInt64 {
        FileTree.fingerprint([site.content, site.themes, site.config ?? "gongkai.yml"])
    }

    /// Rebuilds whenever what the site is made of changes, polled every 300 ms; forever.
    /// `since` is the fingerprint of what the last build read, taken before it started.
    func watch(into state: ServeState, since: UInt64) -> Never {
        var seen = since
        while true {
            Thread.sleep(forTimeInterval: 0.3)
            let now = fingerprint()
            guard now != seen else { continue }
            seen = now
            build(into: state)
            // What changed while building is built next.
        }
    }
}

/// What the preview's pages ask for: the number of builds finished, of the last good one, and
/// the error of the last one if it failed.
final class ServeState: @unchecked Sendable {
    struct Snapshot {
        var generation = 0
        var good = 0
        var error: String?
    }

    private let lock = NSLock()
    private var state = Snapshot()

    var snapshot: Snapshot { lock.withLock { state } }

    func finished(error: String?) {
        lock.withLock {
            state.generation += 1
            state.error = error
            if error == nil { state.good = state.generation }
        }
    }
}

/// Printed lines reach a pipe (a test, a CI log) at once.
func flushOutput() { fflush(nil) }

/// Where the server listens, or why it could not, handed from its task to the command.
final class AddressBox: @unchecked Sendable {
    var port: Int?
    var error: (any Error)?
}
