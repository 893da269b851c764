// The converter zoo of ../shared/converted, shared by the tests of every shape.

import Foundation
@testable import GongkaiKit

/// The converter zoo of ../shared/converted: the five seeds as each converter wrote them, and
/// the tables of `original/` the Word files were made from.
enum Converted {
    static let root: String? = [Repo.root + "/../shared/converted", "/work/shared/converted"]
        .first { FileManager.default.fileExists(atPath: $0 + "/original") }
    static let seeds = ["000_6b0f4feae194cead", "001_243ff47b057fa4c8", "002_49d7d7febf7b294e", "003_c7a45089d7b08831", "004_3591812dab85e55a"]

    /// `<folder>/<seed>.md`.
    static func text(_ folder: String, _ seed: String) -> SourceText? {
        guard let root, let data = FileManager.default.contents(atPath: "\(root)/\(folder)/\(seed).md") else { return nil }
        return SourceText(path: "\(folder)/\(seed).md", bytes: [UInt8](data))
    }

    /// The tables of `original/<seed>.md` as the Word tables were made from them (converted/
    /// tools/make_docx.py): a run of lines with tabs is a table, its rows split at the tabs; in
    /// layout D (004) one cell a line led by a tab, rows ending at a blank line, a cell's
    /// paragraphs between blank lines. Cells trimmed, paragraphs joined by `\n`.
    static func originalTables(_ seed: String) -> [[[String]]] {
        guard let root, let data = FileManager.default.contents(atPath: "\(root)/original/\(seed).md") else { return [] }
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        let tabbed = lines.filter { $0.contains("\t") }
        let dump = !tabbed.isEmpty && tabbed.allSatisfy { $0.hasPrefix("\t") && !$0.dropFirst().contains("\t") }
        var tables: [[[String]]] = []
        var i = 0
        while i < lines.count {
            if dump && lines[i].hasPrefix("\t") {
                let (rows, next) = dumpTable(lines, i)
                tables.append(rows)
                i = next
            } else if !dump && lines[i].contains("\t") {
                var rows: [[String]] = []
                while i < lines.count && lines[i].contains("\t") {
                    rows.append(lines[i].components(separatedBy: "\t").map(trim))
                    i += 1
                }
                tables.append(rows)
            } else {
                i += 1
            }
        }
        return tables
    }

    /// make_docx.py's parse_dump_table: look-ahead decides a cell's next paragraph from a row end.
    static func dumpTable(_ lines: [String], _ start: Int) -> ([[String]], Int) {
        let n = lines.count
        var i = start
        var rows: [[String]] = []
        var row: [String] = []
        while true {
            var paragraphs = [String(lines[i].dropFirst())]
            i += 1
            while true {
                if i < n && lines[i].hasPrefix("\t") { break }
                if i < n && lines[i] == "" {
                    if i + 1 < n && lines[i + 1].hasPrefix("\t") { break }
                    if i + 1 < n && lines[i + 1] != "" { paragraphs.append(lines[i + 1]); i += 2; continue }
                    if i + 2 < n && lines[i + 1] == "" && lines[i + 2].hasPrefix("\t") { paragraphs.append(""); i += 2; continue }
                }
                break
            }
            row.append(paragraphs.map(trim).filter { !$0.isEmpty }.joined(separator: "\n"))
            if i < n && lines[i].hasPrefix("\t") { continue }
            rows.append(row)
            row = []
            if i < n && lines[i] == "" && i + 1 < n && lines[i + 1].hasPrefix("\t") { i += 1; continue }
            if i < n && lines[i] == "" { i += 1 }
            break
        }
        return (rows, i)
    }

    static func trim(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Every table `scan` finds in `text`, trying each line not taken by a table before it.
    static func scans(_ text: SourceText, _ scan: (SourceText, Int) -> TableScan?) -> [TableScan] {
        var found: [TableScan] = []
        var n = 1
        while n <= text.lineCount {
            if let s = scan(text, n) {
                found.append(s)
                n = s.lastLine + 1
            } else {
                n += 1
            }
        }
        return found
    }

    /// A table as a grid of trimmed texts, spans expanded into empty cells.
    static func grid(_ table: SourceTable) -> [[String]] {
        var out: [[String]] = []
        var covered: [Int: Int] = [:]  // column -> rows still covered below
        for row in table.rows {
            var line: [String] = []
            var c = 0
            func skipCovered() {
                while let left = covered[c], left > 0 { line.append(""); covered[c] = left - 1; c += 1 }
            }
            for cell in row {
                skipCovered()
                line.append(trim(cell.text))
                for k in 0..<cell.colSpan {
                    if cell.rowSpan > 1 { covered[c + k] = cell.rowSpan - 1 }
                    if k > 0 { line.append("") }
                }
                c += cell.colSpan
            }
            skipCovered()
            out.append(line)
        }
        return out
    }

    /// Rows without their trailing empty cells: tables compared whatever their width.
    static func normalized(_ rows: [[String]]) -> [[String]] {
        rows.map { row in
            var row = row
            while row.last == "" { row.removeLast() }
            return row
        }
    }

    /// Where two tables differ, cell by cell, after trimming and padding to the same width.
    static func differences(_ expected: [[String]], _ found: [[String]]) -> [String] {
        let a = normalized(expected), b = normalized(found)
        var out: [String] = []
        if a.count != b.count { out.append("rows: \(a.count) expected, \(b.count) found") }
        for r in 0..<min(a.count, b.count) {
            for c in 0..<max(a[r].count, b[r].count) {
                let x = c < a[r].count ? a[r][c] : "", y = c < b[r].count ? b[r][c] : ""
                if x != y { out.append("row \(r) column \(c): \(x.debugDescription) expected, \(y.debugDescription) found") }
            }
        }
        return out
    }


    /// The corpus documents, as paths relative to a converter's `content/` (without `.md`).
    static var corpus: [String] {
        guard let root else { return [] }
        let base = root + "/corpus83/original/content"
        let files = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    /// The .docx of a seed or corpus document (`corpus`: a path from `corpus`).
    static func docx(seed: String? = nil, corpus: String? = nil) -> MarkupReading? {
        guard let root else { return nil }
        let path = seed.map { root + "/docx/seeds/\($0).docx" } ?? root + "/docx/corpus83/content/\(corpus ?? "").docx"
        guard case .success(let reading) = DocxReader.blocks(of: bytes(path)) else { return nil }
        return reading
    }
}
