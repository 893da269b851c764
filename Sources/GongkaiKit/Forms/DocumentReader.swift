// Reading one document: bytes → lines and cmark blocks → layout → projects and diagnostics.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one converted form into projects, annex, overall goals and diagnostics.
///
/// Never throws and never traps on content: empty, binary, non-UTF-8 or
/// unrecognised documents yield an error diagnostic naming the file.
public enum DocumentReader {
    public static func read(path: String, bytes: [UInt8]) -> DocumentResult {
        var doc = DocumentResult(path: path)
        // The publisher's front matter (source_url, date) is read and left as empty lines.
        let bytes = FrontMatter.read(bytes, into: &doc)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            doc.diagnose(.error, line: 1, code: "empty-document", "document is empty")
            return doc
        }
        if let problem = Encoding.problem(in: bytes) {
            doc.diagnose(.error, line: problem.line, code: problem.code, problem.message)
            return doc
        }
        var text = bytes
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        // `Encoding.problem` found the bytes valid UTF-8 (without its BOM, still).
        let source = SourceText(path: path, validUTF8: text)

        guard let layout = LayoutDetector.detect(source) else {
            doc.diagnose(.error, line: 1, code: "unrecognised-layout",
                         "not a recognised form: none of the four layouts (申报表, 市级财政项目支出预算绩效目标表, 部门项目及绩效目标情况, 项目绩效目标表) was found")
            return doc
        }
        doc.layout = layout
        // The blocks cmark finds are what A, B and C read (a Word table dump, D, is read line by line).
        switch layout {
        case .a, .b:
            TabbedFormReader(source: source, blocks: CommonMark.blocks(of: text), layout: layout).read(into: &doc)
        case .c:
            DepartmentProjectsReader(source: source, blocks: CommonMark.blocks(of: text)).read(into: &doc)
        case .d:
            TableDumpReader(source: source).read(into: &doc)
        }
        finish(&doc)
        return doc
    }

    /// Document-level fill-in and checks after the layout reader ran.
    private static func finish(_ doc: inout DocumentResult) {
        if doc.projects.isEmpty {
            doc.diagnose(.error, line: 1, code: "no-projects", "a \(doc.layout?.title ?? "") form with no project in it")
        }
        for i in doc.projects.indices {
            var p = doc.projects[i]
            let line = p.location.line
            if p.name.isEmpty {
                doc.diagnose(.error, line: line, code: "missing-name", "project has no name (no title and no 项目名称)")
                p.name = "未命名项目（第\(line)行）"
            }
            // C tables write `2024_就业见习服务`: the name is the part after the year.
            if let underscore = p.name.firstIndex(of: "_"), p.name[..<underscore].count == 4,
                p.name[..<underscore].allSatisfy(\.isNumber)
            {
                let raw = p.name
                p.name = String(p.name[p.name.index(after: underscore)...])
                if !p.otherNames.contains(raw) { p.otherNames.append(raw) }
            }
            // A heading `…项目` also goes by its name without `项目`.
            for other in p.otherNames where other.utf8HasSuffix("项目") && other.scalarCount > 4 {
                let base = String(other.dropLast(2))
                if base != p.name, !p.otherNames.contains(base) { p.otherNames.append(base) }
            }
            let name = p.name
            p.otherNames.removeAll { $0 == name }
            if p.rawDepartment == nil { p.rawDepartment = doc.department }
            if p.year == nil { p.year = doc.year }
            if p.amount == nil, let total = p.totalAmount { p.amount = total }
            if p.amount == nil {
                doc.diagnose(.error, line: line, code: "missing-amount", "project ‘\(p.name)’ has no amount (项目总金额 / 年度资金总额 / 预算数)")
            }
            if p.year == nil {
                doc.diagnose(.error, line: line, code: "missing-year", "project ‘\(p.name)’ has no year in its title or document")
            }
            if p.rawDepartment == nil {
                doc.diagnose(.error, line: line, code: "missing-department", "project ‘\(p.name)’ has no department (主管部门 or a title line)")
            }
            if p.indicators.isEmpty {
                doc.diagnose(.warning, line: line, code: "no-indicators", "project ‘\(p.name)’ has no indicators (truncated form?)")
            } else if !p.indicators.contains(where: { $0.level1.utf8Contains("满意") || $0.level2.utf8Contains("满意") }) {
                let last = p.indicators[p.indicators.count - 1].line
                doc.diagnose(.warning, line: last, code: "incomplete-indicators",
                             "project ‘\(p.name)’: the indicator table ends before any 满意度指标 (truncated form?)")
            }
            doc.projects[i] = p
        }
        reconcileYear(with: pathYear(doc.path), &doc)
        if doc.year == nil { doc.year = doc.projects.compactMap(\.year).first }
        if doc.department == nil { doc.department = doc.projects.compactMap(\.rawDepartment).first }
        for p in doc.projects {
            if let unit = p.unit { doc.departmentSpellings.append(unit) }
            if let d = p.rawDepartment { doc.departmentSpellings.append(d) }
        }
        if let d = doc.department { doc.departmentSpellings.append(d) }
    }
}

/// The year a publisher filed a document under: a file name starting with it
/// (`2020-人社专职协理员工作经费.md`, `2020.md`) or a folder named by it (`2020/`).
func pathYear(_ path: String) -> Int? {
    let parts = path.split(separator: "/")
    guard let file = parts.last else { return nil }
    func leadingYear(_ s: Substring) -> Int? {
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 4, let y = Int(digits), (1990...2099).contains(y) else { return nil }
        let rest = s.dropFirst(4)
        guard rest.isEmpty || "-_.年 ".contains(rest.first!) else { return nil }
        return y
    }
    if let y = leadingYear(file) { return y }
    if parts.count >= 2, let y = leadingYear(parts[parts.count - 2]), parts[parts.count - 2].count == 4 { return y }
    return nil
}

/// When every project of a document has one year and the file is filed under another,
/// the publisher's filing wins, with a warning naming both.
func reconcileYear(with filed: Int?, _ doc: inout DocumentResult) {
    guard let filed else { return }
    let years = Set(doc.projects.compactMap(\.year))
    guard years.count == 1, let read = years.first, read != filed else { return }
    let line = doc.projects.first?.location.line ?? 1
    doc.diagnose(.warning, line: line, code: "year-mismatch",
                 "the document says \(read) but is filed as \(filed) (its file name); published under \(filed)")
    for i in doc.projects.indices { doc.projects[i].year = filed }
    doc.year = filed
}

/// Which layout a document is, from the rows and titles it contains (byte searches, no decoding).
enum LayoutDetector {
    private static func p(_ s: String) -> [UInt8] { Array(s.utf8) }
    private static let dumpCells = [p("项目名称"), p("资金支出计划（%）"), p("预算规模及资金用途")]
    /// Patterns in table rows and in text lines, with the layout and weight each one votes for.
    private static let rowSignals: [([UInt8], Layout, Int)] = [
        (p("主管部门及代码"), .c, 2), (p("本年度项目金额"), .b, 2), (p("绩效支出明细"), .b, 1), (p("项目总金额"), .a, 1),
    ]
    private static let textSignals: [([UInt8], Layout, Int)] = [
        (p("申报表"), .a, 2), (p("市级财政项目支出预算绩效目标表"), .b, 2), (p("部门项目及绩效目标情况"), .c, 2),
        (p("绩效目标公开清单"), .c, 2), (p("项目绩效目标表"), .d, 1),
    ]

    static func detect(_ source: SourceText) -> Layout? {
        var votes: [Layout: Int] = [:]
        let bytes = source.bytes
        for n in 1...max(source.lineCount, 1) where n <= source.lineCount {
            var range = source.lineRange(n)
            guard !range.isEmpty else { continue }
            if source.hasTab(n) {
                if bytes[range.lowerBound] == 0x09 {
                    // A one-cell line of a Word table dump: `\t项目名称`.
                    var cell = range.lowerBound + 1..<range.upperBound
                    while cell.upperBound > cell.lowerBound, bytes[cell.upperBound - 1] == 0x20 || bytes[cell.upperBound - 1] == 0x09 {
                        cell = cell.lowerBound..<cell.upperBound - 1
                    }
                    if dumpCells.contains(where: { $0.elementsEqual(bytes[cell]) }) { votes[.d, default: 0] += 1 }
                }
                for (pattern, layout, weight) in rowSignals where ByteSearch.contains(pattern, in: bytes, range: range) {
                    votes[layout, default: 0] += weight
                }
            } else {
                while range.upperBound > range.lowerBound, bytes[range.upperBound - 1] == 0x20 { range = range.lowerBound..<range.upperBound - 1 }
                for (pattern, layout, weight) in textSignals where ByteSearch.contains(pattern, in: bytes, range: range) {
                    votes[layout, default: 0] += weight
                }
            }
        }
        for layout in [Layout.d, .c, .b, .a] where votes[layout, default: 0] >= 2 {
            return layout
        }
        return nil
    }
}

/// Text encoding checks: binary files and non-UTF-8 text are reported, not guessed at.
enum Encoding {
    struct Problem {
        var line: Int
        var code: String
        var message: String
    }

    static func problem(in bytes: [UInt8]) -> Problem? {
        // One pass without branches counts the control bytes (all but tab, LF, FF and CR); the
        // line of a NUL is counted only when there is one.
        let allowed: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D
        let control: UInt32 = ~allowed
        var controls = 0
        var nul: Int?
        bytes.withUnsafeBufferPointer { buf in
            for b in buf { controls &+= Int(truncatingIfNeeded: (control >> UInt32(b & 31)) & (b < 0x20 ? 1 : 0)) }
            if let base = buf.baseAddress, let hit = memchr(base, 0, buf.count) {
                nul = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
        }
        if let nul {
            let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return Problem(line: line, code: "binary-file", message: "binary file (contains NUL bytes), not a converted form")
        }
        if controls > max(8, bytes.count / 100) {
            return Problem(line: 1, code: "binary-file", message: "binary file (\(controls) control bytes), not a converted form")
        }
        // Only when the bytes are not UTF-8 are they walked again, to find the first bad line.
        if bytes.isValidUTF8 { return nil }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var badLine = 1
        var currentLine = 1
        var bad = 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                if s == "\n" { currentLine += 1 }
            case .emptyInput:
                break loop
            case .error:
                if bad == 0 { badLine = currentLine }
                bad += 1
            }
        }
        if bad > 0 {
            return Problem(line: badLine, code: "not-utf8",
                           message: "not UTF-8 text (\(bad) invalid byte sequence(s), first on this line); convert it, e.g. `iconv -f GB18030 -t UTF-8`")
        }
        return nil
    }
}
