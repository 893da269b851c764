// Nothing is lost silently: every table row of every seed is in the model or in a diagnostic.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct RowAccountingTests {
    /// Every string the model holds, by the source line it came from.
    static func modelText(_ doc: DocumentResult) -> (text: [Int: [String]], structural: Set<Int>) {
        var text: [Int: [String]] = [:]
        var structural = Set<Int>()
        func add(_ line: Int, _ strings: String?...) {
            text[line, default: []].append(contentsOf: strings.compactMap { $0 })
        }
        for p in doc.projects {
            add(p.location.line, p.name)
            for name in p.otherNames { add(p.location.line, name) }
            for f in p.fields { add(f.line, f.label, f.value) }
            for f in p.funding { add(f.line, f.label, f.text) }
            for s in p.subItems { add(s.line, s.name, s.halfYear?.yuanString, s.fullYear?.yuanString) }
            for pt in p.spendingPlan { add(pt.line, pt.label, pt.share) }
            for s in p.sections { add(s.line, s.title, s.text) }
            for i in p.indicators {
                add(i.line, i.level1, i.level2, i.name, i.description, i.basis)
                for t in i.targets { add(t.line, t.halfYear, t.value) }
            }
            structural.formUnion(p.structuralLines)
        }
        if let annex = doc.annex {
            for r in annex.rows { add(r.line, r.number, r.name, r.amountText) }
            structural.formUnion(annex.headerLines)
        }
        for d in doc.diagnostics { structural.insert(d.location.line) }
        return (text, structural)
    }

    @Test(arguments: Repo.seeds)
    func everyTableRowIsInTheModelOrADiagnostic(path: String) throws {
        let doc = Seeds.read(path)
        let source = SourceText(path: path, bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
        let (text, accounted) = Self.modelText(doc)
        let cellPerLine = doc.layout == .d
        var rows = 0
        for n in 1...source.lineCount where source.hasTab(n) {
            let cells = source.rawCells(n).map(CellText.clean).filter { !$0.isEmpty }
            guard !cells.isEmpty else { continue }
            rows += 1
            // A diagnostic or a header line at this row accounts for it.
            if accounted.contains(n) {
                if !doc.diagnostics.contains(where: { $0.location.line == n }) {
                    // Header rows carry labels, not values.
                    #expect(!cells.contains { $0.hasPrefix("≥") || $0.hasPrefix("=") || $0.hasSuffix("万元") }, "line \(n) is not a header: \(cells)")
                }
                continue
            }
            // Otherwise each cell's text is held by the model at this row's line
            // (for cell-per-line dumps, at the line that starts the row).
            let window = cellPerLine ? max(1, n - 16)...n : n...n
            for cell in cells {
                let found = window.contains { line in text[line]?.contains { $0.contains(cell) } == true }
                #expect(found, "\(path):\(n): cell ‘\(cell)’ is neither in the model nor in a diagnostic")
            }
        }
        #expect(rows > 20)
    }
}
