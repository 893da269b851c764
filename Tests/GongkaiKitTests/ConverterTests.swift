// The seeds as every converter wrote them (../shared/converted) give the model of the original,
// and the generated corpus through the same converters gives the manifest's totals to the fen.

import Foundation
import Testing
@testable import GongkaiKit

@Suite(.serialized) struct ConverterTests {
    /// The converters whose output keeps the tables: read, they must give the original's model.
    static let exact = ["pandoc-gfm", "pandoc-commonmark", "pandoc-markdown", "markitdown", "mammoth-html",
                        "docx2txt", "libreoffice-txt", "libreoffice-html", "docx/seeds"]
    /// The converters that lose the tables (no rows, or text blocks in reading order).
    static let lossy = ["mammoth-md", "pdftotext", "pdftotext-layout"]

    /// The model as the tree dump shows it, without line numbers and paths (they differ by shape).
    static func tree(_ folder: String) throws -> String {
        guard let root = Converted.root else { return "" }
        let site = try Pipeline.read(contentDir: root + "/" + folder, config: SiteConfig())
        return normalised(site.dump())
    }

    static func normalised(_ dump: String) -> String {
        var s = dump
        for pattern in [" @[0-9]+", "\\(/[^)]*:[0-9]+\\)"] {
            s = s.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return s
    }

    static let original: String = (try? tree("original")) ?? ""

    /// What a converter that loses row boundaries cannot give back: docx2txt and LibreOffice's
    /// text write each cell as a paragraph and mark no row, so a row of 002 whose cells are out
    /// of place in the original itself (`≥90%` alone in its row, then `≥95%` `≥95%` on a row of
    /// their own, with their empty cells merged away) reads as one row and a continuation: the
    /// three values kept, in another order (before a value was never a name's: one was lost).
    static let streamDifferences = [
        "-      └ 满意度指标 / 满意度指标 / 居保参保对象的满意度 = ≥90%; 半年 ≥95% / ≥95%",
        "+      └ 满意度指标 / 满意度指标 / 居保参保对象的满意度 = 半年 ≥90% / ≥95%; ≥95%",
    ]

    /// The lines that differ, `-` for the original's and `+` for the converter's (in order).
    static func differences(_ a: String, _ b: String) -> [String] {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let removed = x.filter { !y.contains($0) }.map { "-" + $0 }
        let added = y.filter { !x.contains($0) }.map { "+" + $0 }
        return removed + added
    }

    @Test(arguments: exact)
    func seedsGiveTheOriginalsModel(folder: String) throws {
        guard Converted.root != nil else { return }
        #expect(Self.original.contains("31") && Self.original.split(separator: "\n").count > 800)
        let model = try Self.tree(folder)
        let diff = Self.differences(Self.original, model)
        if folder == "docx2txt" || folder == "libreoffice-txt" {
            #expect(diff.sorted() == Self.streamDifferences.sorted(), "\(folder):\n\(diff.joined(separator: "\n"))")
        } else {
            #expect(diff == [], "\(folder):\n\(diff.prefix(20).joined(separator: "\n"))")
        }
    }

    /// The generated corpus's manifest: each department-year's project count and exact total.
    static func manifest() throws -> [String: (Int, Money)] {
        guard let root = Converted.root else { return [:] }
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/corpus83/manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var out: [String: (Int, Money)] = [:]
        for dy in json?["departmentYears"] as? [[String: Any]] ?? [] {
            let key = Departments.baseKey(dy["department"] as? String ?? "") + " \(dy["year"] as? Int ?? 0)"
            out[key] = (dy["projects"] as? Int ?? -1, Money(wan: dy["total"] as? String ?? "") ?? .zero)
        }
        return out
    }

    @Test(arguments: exact.map { $0 == "docx/seeds" ? "docx/corpus83" : "corpus83/" + $0 })
    func corpusTotalsEqualTheManifest(folder: String) throws {
        guard let root = Converted.root else { return }
        let expected = try Self.manifest()
        #expect(expected.count == 10)
        let content = folder.hasPrefix("docx") ? root + "/" + folder + "/content" : root + "/" + folder + "/content"
        let site = try Pipeline.read(contentDir: content, config: SiteConfig())
        var got: [String: (Int, Money)] = [:]
        for dy in site.departmentYears {
            got[Departments.baseKey(dy.department) + " \(dy.year)"] = (dy.projects.count, dy.total)
        }
        for (key, value) in expected {
            #expect(got[key]?.0 == value.0 && got[key]?.1 == value.1, "\(folder): \(key) is \(got[key].map { "\($0.0) projects, \($0.1.wanString)" } ?? "missing"), the manifest says \(value.0), \(value.1.wanString)")
        }
        #expect(site.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    }
}
