// Which directory a build may replace: never the project, its sources or anything above them,
// never a link or a file; only an empty directory or one a previous build marked as its own
// (or any directory, when the publisher says `--force`).

import Foundation

/// The output directory of a build, checked before anything is written.
struct OutputTarget: Sendable {
    /// The output directory: its parent with every link resolved, then its own name.
    let path: String
    /// The real directory it is in (where the staging directory and the cache go).
    let parent: String
    /// Its last path component.
    let name: String

    /// The marker a build leaves in the output directory (the hex seal of what it published):
    /// a directory holding it is gongkai's to replace.
    static let marker = ".gongkai-build"

    /// Resolves `output` (relative to the working directory) and refuses, with a usage error,
    /// any path whose replacement would delete what gongkai did not make: the empty string
    /// (an unset variable in CI), the working directory or any folder above it, the home
    /// directory, any of `protecting` (the content, themes, configuration) or a folder above
    /// one, a folder inside the content or the themes, and the cache. Nothing on disk changes.
    init(_ output: String, protecting: [(path: String, role: Localized)], inside: [(path: String, role: Localized)] = []) throws {
        guard !output.isEmpty else {
            throw PipelineError.refused(Localized(
                zh: "输出目录为空（--output \"\"，可能是 CI 中未设置的变量）：它会是当前目录，未构建",
                en: "the output directory is empty (--output \"\", perhaps an unset CI variable): it would be the working directory; nothing was built"))
        }
        let cwd = FileManager.default.currentDirectoryPath
        let real = Self.resolve(output, from: cwd)
        path = real
        parent = (real as NSString).deletingLastPathComponent
        name = (real as NSString).lastPathComponent
        func refuse(_ zh: String, _ en: String) -> PipelineError {
            .refused(Localized(zh: "不能用 ‘\(output)’ 作输出目录：\(zh)；未构建", en: "cannot use ‘\(output)’ as the output directory: \(en); nothing was built"))
        }
        guard real != "/", !name.isEmpty, name != ".", name != ".." else {
            throw refuse("它是根目录", "it is the root directory")
        }
        var guarded: [(String, Localized)] = [(Self.resolve(cwd, from: "/"), Localized(zh: "当前目录", en: "the working directory"))]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            guarded.append((Self.resolve(home, from: "/"), Localized(zh: "主目录", en: "the home directory")))
        }
        guarded += protecting.map { (Self.resolve($0.path, from: cwd), $0.role) }
        for (kept, role) in guarded where kept == real || kept.hasPrefix(real + "/") {
            throw kept == real ? refuse("它是\(role.zh)", "it is \(role.en)")
                : refuse("它包含\(role.zh) ‘\(kept)’，替换它会删除其中的文件", "it holds \(role.en) ‘\(kept)’, whose files replacing it would delete")
        }
        for (folder, role) in inside.map({ (Self.resolve($0.path, from: cwd), $0.role) }) where real.hasPrefix(folder + "/") {
            throw refuse("它在\(role.zh) ‘\(folder)’ 里面", "it is inside \(role.en) ‘\(folder)’")
        }
        if name == ".gongkai-cache" || parent.hasSuffix("/.gongkai-cache") || parent.contains("/.gongkai-cache/") {
            throw refuse("它在构建缓存 .gongkai-cache 里", "it is in the build cache .gongkai-cache")
        }
    }

    /// The path with `.` and `..` applied and every link in its existing folders resolved,
    /// except its last component (an output that is a link must be seen as one).
    static func resolve(_ path: String, from base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [String] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                // `..` after a link goes to the parent of what it points to, as the kernel does.
                if let real = ContentLoader.realPath("/" + parts.joined(separator: "/")) { parts = real.split(separator: "/").map(String.init) }
                if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        guard let last = parts.popLast() else { return "/" }
        let folder = "/" + parts.joined(separator: "/")
        let realFolder = ContentLoader.realPath(folder) ?? folder
        return (realFolder == "/" ? "" : realFolder) + "/" + last
    }


    /// Whether the directory is there and holds only a marker or nothing. Refuses (usage error)
    /// a link, a file or device, or a directory that is neither empty nor marked, unless
    /// `force`. Called with the output locked, just before the build starts writing.
    func checkReplaceable(force: Bool) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return }
            throw PipelineError.publish(Localized(zh: "无法检查输出目录 ‘\(path)’：\(String(cString: strerror(errno)))",
                                                  en: "cannot check the output directory ‘\(path)’: \(String(cString: strerror(errno)))"))
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            throw PipelineError.refused(Localized(
                zh: "输出目录 ‘\(path)’ 是符号链接：gongkai 不跟随链接替换目录，未构建；请改用链接指向的目录或删除该链接",
                en: "the output directory ‘\(path)’ is a symbolic link: gongkai does not replace what a link points to; nothing was built (use the directory it points to, or remove the link)"))
        default:
            throw PipelineError.refused(Localized(
                zh: "输出路径 ‘\(path)’ 已存在且不是目录，未构建",
                en: "the output path ‘\(path)’ exists and is not a directory; nothing was built"))
        }
        if force || isMarked || isEmpty { return }
        throw PipelineError.refused(Localized(
            zh: "输出目录 ‘\(path)’ 不是空目录，也不是 gongkai 生成的网站（没有 \(Self.marker) 标记）：为免删除其中的文件，未构建。确认可以整个替换它时，加 --force",
            en: "the output directory ‘\(path)’ is neither empty nor a site gongkai built (it has no \(Self.marker) marker): nothing was built, so that none of its files is deleted. Add --force to replace it all"))
    }

    /// Whether the directory holds a marker: a regular file of one line of hex digits.
    var isMarked: Bool {
        guard let bytes = SafeFiles.readRegular(path + "/" + Self.marker, limit: 64), bytes.count >= 2, bytes.last == 0x0A else { return false }
        return bytes.dropLast().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Whether the directory can be read and has no entries.
    private var isEmpty: Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let dots = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw[0] == 0x2E && (raw[1] == 0 || (raw[1] == 0x2E && raw[2] == 0))
            }
            if !dots { return false }
        }
        return true
    }

    /// Where the staging directories of builds of this output go: `.<name>.building-<pid>-<n>`
    /// beside it (the same file system, so the new site is moved in by a rename).
    var stagingPrefix: String { parent + "/." + name + ".building-" }

    /// Removes what killed builds of this output left beside it (their staging directories,
    /// each with a new or an old site in it), after putting back an old site that a build
    /// killed between its two renames had moved aside (where directories cannot be swapped
    /// in one step). Called with the output locked. Returns the paths removed.
    @discardableResult
    func removeLeftovers() -> [String] {
        let prefix = "." + name + ".building-"
        var leftovers: [String] = []
        Files.forEachEntry(in: parent) { bytes, _ in
            if let entry = String(validating: bytes, as: UTF8.self), entry.hasPrefix(prefix) { leftovers.append(entry) }
            return true
        }
        leftovers.sort()
        var st = stat()
        if lstat(path, &st) != 0 && errno == ENOENT, let aside = leftovers.last(where: { $0.hasSuffix(".old") }),
           rename(parent + "/" + aside, path) == 0 {
            leftovers.removeAll { $0 == aside }
        }
        for entry in leftovers { SafeFiles.removeTree(parent + "/" + entry) }
        return leftovers.map { parent + "/" + $0 }
    }
}
