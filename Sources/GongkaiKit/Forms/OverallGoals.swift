// 部门整体绩效目标: a department's overall goals, read from the text before its projects.

/// Reads 部门整体绩效目标: `一、` sections, `（一）` items with 绩效目标 / 绩效指标, paragraphs.
enum OverallGoalsReader {
    static func read(title: String, line: Int, lines: [(Int, String)], path: String) -> OverallGoals {
        var sections: [OverallSection] = []
        for (n, text) in lines {
            if isSectionTitle(text) {
                sections.append(OverallSection(title: text, paragraphs: [], items: [], line: n))
                continue
            }
            if sections.isEmpty {
                sections.append(OverallSection(title: "", paragraphs: [], items: [], line: n))
            }
            let s = sections.count - 1
            if isItemTitle(text) {
                sections[s].items.append(GoalItem(title: text, goal: nil, indicator: nil, line: n))
            } else if let body = after(text, prefixes: ["绩效目标：", "绩效目标:"]), !sections[s].items.isEmpty {
                let i = sections[s].items.count - 1
                sections[s].items[i].goal = join(sections[s].items[i].goal, body)
            } else if let body = after(text, prefixes: ["绩效指标：", "绩效指标:"]), !sections[s].items.isEmpty {
                let i = sections[s].items.count - 1
                sections[s].items[i].indicator = join(sections[s].items[i].indicator, body)
            } else {
                sections[s].paragraphs.append(text)
            }
        }
        return OverallGoals(title: title, sections: sections, location: SourceLocation(file: path, line: line))
    }

    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static func isSectionTitle(_ text: String) -> Bool {
        let head = text.prefix(while: { numerals.contains($0) })
        return !head.isEmpty && head.count <= 3 && text.dropFirst(head.count).first == "、" && text.count <= 30
    }

    static func isItemTitle(_ text: String) -> Bool {
        guard let first = text.first, first == "（" || first == "(" else { return false }
        let inner = text.dropFirst().prefix(while: { numerals.contains($0) })
        guard !inner.isEmpty else { return false }
        let close = text.dropFirst(1 + inner.count).first
        return close == "）" || close == ")"
    }

    private static func after(_ text: String, prefixes: [String]) -> String? {
        for p in prefixes where text.utf8HasPrefix(p) { return String(text.dropFirst(p.count)).trimmingWhitespace() }
        return nil
    }

    private static func join(_ a: String?, _ b: String) -> String { a.map { $0 + "\n" + b } ?? b }
}
