// Test helpers: where the repository is, the seeds as a site, temporary directories.

import Foundation
@testable import GongkaiKit

enum Repo {
    /// The repository root (this file is Tests/GongkaiKitTests/Support.swift).
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The default content: the five real documents of ../shared/seeds, renamed.
    static let content = root + "/Content"

    static let xianDe = content + "/旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md"
    static let jiangyin2022 = content + "/江阴市人力资源和社会保障局/2022-市级财政项目支出预算绩效目标表.md"
    static let jiangyin2021a = content + "/江阴市人力资源和社会保障局/2021-人社专职协理员工作经费.md"
    static let jiangyin2021b = content + "/江阴市人力资源和社会保障局/2021-人社局专项资金.md"
    static let gaoxin = content + "/高新区人社局/2024-部门预算绩效文本.md"
    static let seeds = [jiangyin2021a, jiangyin2021b, jiangyin2022, xianDe, gaoxin]

    /// The `gongkai` executable built next to the test bundle, or the one named by
    /// `GONGKAI_TEST_EXECUTABLE` (to run the command-line tests against another build, e.g. an
    /// older release to see a regression test fail).
    static var executable: String {
        if let chosen = ProcessInfo.processInfo.environment["GONGKAI_TEST_EXECUTABLE"], !chosen.isEmpty { return chosen }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gongkai").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root + "/.build/debug/gongkai"
    }
}

/// The seeds read once, shared by tests.
enum Seeds {
    static let site: Site = (try? Pipeline.read(contentDir: Repo.content, config: SiteConfig()))
        ?? Site(departments: [], diagnostics: [], documents: [])

    static func departmentYear(_ department: String, _ year: Int) -> DepartmentYear? {
        site.departmentYears.first { $0.department == department && $0.year == year }
    }

    static func project(_ name: String, in department: String, _ year: Int) -> Project? {
        departmentYear(department, year)?.projects.first { $0.name == name }
    }

    static func read(_ path: String) -> DocumentResult {
        DocumentReader.read(path: path, bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
    }
}

/// A fresh temporary directory, removed when the value is dropped.
final class TemporaryDirectory: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "gongkai-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) {
        write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) {
        let full = path + "/" + relative
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func copy(_ source: String, to relative: String) {
        write(relative, bytes: [UInt8](FileManager.default.contents(atPath: source) ?? Data()))
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Every file under `dir` (relative path → bytes), to compare two builds.
func snapshot(_ dir: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for file in try FileManager.default.subpathsOfDirectory(atPath: dir) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir + "/" + file, isDirectory: &isDir), !isDir.boolValue {
            files[file] = FileManager.default.contents(atPath: dir + "/" + file)
        }
    }
    return files
}

/// Runs a command and returns its exit status, stdout and stderr.
/// `environment` adds to (or overrides) this process's environment.
func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
         environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
