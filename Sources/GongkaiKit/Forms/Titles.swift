// Years and names read from titles: `2021年度…绩效目标申报表`, `(2024年度)`, `2024 年部门…`.

enum Titles {
    /// The first year (1990–2099) written as `2024年` / `2024 年度` in the text.
    static func year(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { b -> Int? in
            let n = b.count
            var i = 0
            @inline(__always) func digit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
            while i + 4 <= n {
                guard digit(i), digit(i + 1), digit(i + 2), digit(i + 3), i == 0 || !digit(i - 1) else {
                    i += 1
                    continue
                }
                var j = i + 4
                while j < n && b[j] == 0x20 { j += 1 }
                // 年 is E5 B9 B4.
                if j + 2 < n, b[j] == 0xE5, b[j + 1] == 0xB9, b[j + 2] == 0xB4 {
                    let y = (0..<4).reduce(0) { $0 * 10 + Int(b[i + $1] - 0x30) }
                    if (1990...2099).contains(y) { return y }
                }
                i += 4
            }
            return nil
        }
    }

    /// The project name in an A-layout title: `2021年度人社专职协理员工作经费绩效目标申报表` → `人社专职协理员工作经费`.
    static func projectName(inApplicationTitle title: String) -> String? {
        var s = Substring(title.trimmingWhitespace())
        while s.first == "#" { s = s.dropFirst() }
        s = Substring(s.trimmingWhitespace())
        // Drop a leading year (`2021年度`, `2021年`).
        if let yearEnd = s.firstIndex(of: "年"), s[..<yearEnd].allSatisfy({ $0.isNumber || $0 == " " }), !s[..<yearEnd].isEmpty {
            s = s[s.index(after: yearEnd)...]
            if s.first == "度" { s = s.dropFirst() }
        }
        for suffix in ["项目支出绩效目标申报表", "项目绩效目标申报表", "绩效目标申报表", "申报表"] where s.utf8HasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            break
        }
        let name = s.trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    /// The project name in a D-layout title: `被征地农民社会保障费项目绩效目标表` → `被征地农民社会保障费`.
    static func projectName(inTargetTableTitle title: String) -> String? {
        var s = title.filter { $0 != "\n" }.trimmingWhitespace()
        for suffix in ["项目绩效目标表", "绩效目标表"] where s.utf8HasSuffix(suffix) {
            s = String(s.dropLast(suffix.count))
            break
        }
        if s.utf8HasSuffix("项目"), s.scalarCount > 4 { s = String(s.dropLast(2)) }
        s = s.trimmingWhitespace()
        return s.isEmpty ? nil : s
    }

    /// The project a form title names, or nil for a title that names none (`市级财政项目支出预算
    /// 绩效目标表`, `项目支出绩效目标表`).
    static func projectName(inTitle title: String) -> String? {
        let name = title.utf8Contains("申报表") ? projectName(inApplicationTitle: title) : projectName(inTargetTableTitle: title)
        guard let name else { return nil }
        var rest = name
        for word in genericTitleWords { rest = rest.replacingAll(word, with: "") }
        return rest.trimming("#()（） ").isEmpty ? nil : name
    }

    /// Words of form titles that name no project.
    private static let genericTitleWords = [
        "项目支出", "部门项目", "市级", "省级", "县级", "区级", "财政", "项目", "支出", "预算", "部门", "年度", "整体", "绩效", "目标", "申报",
    ]

    /// Whether a line reads like a department's name (`旌德县人力资源和社会保障局`, `高新区人社局`).
    static func looksLikeDepartment(_ text: String) -> Bool {
        let s = text.trimmingWhitespace()
        guard s.scalarCount >= 3, s.scalarCount <= 40, !s.utf8.contains(0x09), !s.contains(where: { $0 == ":" || $0 == "：" || $0 == " " }),
              !Vocabulary.current.isPageText(s) else { return false }
        let endings = ["局", "委", "办", "办公室", "中心", "院", "部", "厅", "会", "署", "站", "所", "馆", "处", "委员会"]
        return endings.contains { s.utf8HasSuffix($0) } && year(in: s) == nil
    }
}

/// Department names: codes, unit suffixes, abbreviations and configured aliases.
public struct Departments: Sendable {
    /// Alias → canonical name, from the site configuration.
    public var aliases: [String: String]

    public init(aliases: [String: String] = [:]) {
        var normalized: [String: String] = [:]
        for (alias, canonical) in aliases {
            normalized[Departments.baseKey(alias)] = Departments.baseKey(canonical)
        }
        self.aliases = normalized
    }

    /// `[061]旌德县人力资源和社会保障局` → `旌德县人力资源和社会保障局`.
    static func stripCode(_ raw: String) -> String {
        var s = Substring(raw.trimmingWhitespace())
        for (open, close) in [("[", "]"), ("【", "】"), ("(", ")"), ("（", "）")] where s.hasPrefix(open) {
            if let end = s.firstIndex(of: Character(close)) {
                let inside = s[s.index(after: s.startIndex)..<end]
                if inside.allSatisfy({ $0.isNumber || $0.isLetter && $0.isASCII }) {
                    s = s[s.index(after: end)...]
                }
            }
        }
        return s.trimmingWhitespace()
    }

    /// The name without code, unit suffix (`（机关）`) or spaces, with `人社局` spelled out.
    static func baseKey(_ raw: String) -> String {
        var s = stripCode(raw).filter { !$0.isWhitespace }
        // A trailing parenthesised unit marks a unit of the department: `…局（机关）`, `…局(本级)`.
        while let last = s.last, last == "）" || last == ")" {
            guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }) else { break }
            let inside = s[s.index(after: open)..<s.index(before: s.endIndex)]
            guard inside.count <= 6 else { break }
            s = String(s[..<open])
        }
        if s.utf8HasSuffix("人社局") {
            s = String(s.dropLast(3)) + "人力资源和社会保障局"
        } else if s.utf8HasSuffix("人社厅") {
            s = String(s.dropLast(3)) + "人力资源和社会保障厅"
        }
        return s
    }

    /// The grouping key of a department name: normalised, then mapped through the aliases.
    public func key(_ raw: String) -> String {
        let base = Departments.baseKey(raw)
        return aliases[base] ?? base
    }
}
