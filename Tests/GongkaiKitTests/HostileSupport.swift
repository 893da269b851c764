// Fixtures for the hostile tests (issue 16): a publisher's project in a temporary folder, run
// with the gongkai executable, and trees compared with links seen as links.

import Foundation
@testable import GongkaiKit

/// A publisher's project: `proj/` (Content/ with the seeds, gongkai.yml) inside a temporary
/// folder, so that even `--output ..` stays inside the temporary folder.
final class PublisherProject {
    let dir = TemporaryDirectory()
    var root: String { dir.path + "/proj" }

    init(seeds: Bool = true) {
        if seeds {
            for seed in Repo.seeds { dir.copy(seed, to: "proj/Content/" + seed.dropFirst(Repo.content.count + 1)) }
        }
        dir.write("proj/gongkai.yml", "baseURL: https://yusuan.example.gov.cn/\n")
    }

    func write(_ relative: String, _ text: String) { dir.write("proj/" + relative, text) }
    func write(_ relative: String, bytes: [UInt8]) { dir.write("proj/" + relative, bytes: bytes) }
    func read(_ relative: String) -> String? { dir.read("proj/" + relative) }
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Runs `gongkai build` (with the repository's themes unless `--themes` is given) in `proj/`.
    func build(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        var args = ["build"] + arguments
        if !arguments.contains("--themes") { args += ["--themes", Repo.root + "/Themes"] }
        return try run(Repo.executable, args, in: root, environment: environment)
    }

    /// The site a clean build of this project's content gives: the executable run in a fresh
    /// project with a copy of the content at the same relative path (pages name their source
    /// files as the build was given them).
    func cleanSite(content: String = "Content") throws -> [String: String] {
        let clean = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: clean.path + "/proj", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path(content), toPath: clean.path + "/proj/" + content)
        try FileManager.default.copyItem(atPath: path("gongkai.yml"), toPath: clean.path + "/proj/gongkai.yml")
        let result = try run(Repo.executable, ["build", "--content", content, "--themes", Repo.root + "/Themes"], in: clean.path + "/proj")
        guard result.status <= 1 else { throw CleanBuildFailed(message: result.stderr) }
        return tree(clean.path + "/proj/Public")
    }

    struct CleanBuildFailed: Error { var message: String }
}

/// Every entry under `dir` (relative path → what it is): `file <hash> <size>` for a regular
/// file, `link -> <target>` for a symbolic link (never followed), `dir` for a folder, `other`.
func tree(_ dir: String) -> [String: String] {
    var out: [String: String] = [:]
    func walk(_ relative: String) {
        let full = relative.isEmpty ? dir : dir + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(dir + "/" + path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                out[path] = "dir"
                walk(path)
            case S_IFLNK:
                out[path] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/" + path)) ?? "?")
            case S_IFREG:
                let bytes = [UInt8](FileManager.default.contents(atPath: dir + "/" + path) ?? Data())
                out[path] = "file \(String(StreamingHash.of(bytes), radix: 16)) \(bytes.count)"
            default:
                out[path] = "other"
            }
        }
    }
    walk("")
    return out
}

/// The differences between two trees, for a readable failure.
func differences(_ a: [String: String], _ b: [String: String]) -> [String] {
    Set(a.keys).union(b.keys).sorted().compactMap { key in
        a[key] == b[key] ? nil : "\(key): \(a[key] ?? "missing") vs \(b[key] ?? "missing")"
    }
}

/// Runs `arguments` as an unprivileged user (`nobody`, through setpriv, when the tests run as
/// root: root ignores file permissions), after giving that user `dir`.
func runUnprivileged(_ executable: String, _ arguments: [String], in dir: String, owning owned: String) throws -> (status: Int32, stdout: String, stderr: String) {
    guard getuid() == 0 else { return try run(executable, arguments, in: dir) }
    _ = try run("/bin/chown", ["-R", "65534:65534", owned])
    return try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments, in: dir)
}
