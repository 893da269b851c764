// What a line of text outside a table is to a form: a title, a numbered project, a narrative item.

enum FormText {
    /// A table's caption (`表十二`, `表3`, `附表1：`): the next table begins; never an indicator.
    static func isTableCaption(_ text: String) -> Bool {
        guard text.utf8.count <= 24, text.utf8HasPrefix("表") || text.utf8HasPrefix("附表") else { return false }
        var s = Substring(text.trimmingWhitespace())
        while let last = s.last, last == ":" || last == "：" { s = s.dropLast() }
        if s.hasPrefix("附") { s = s.dropFirst() }
        guard s.first == "表", (2...5).contains(s.count) else { return false }
        return s.dropFirst().allSatisfy { "一二三四五六七八九十百零〇0123456789".contains($0) }
    }

    /// A form's title: `…绩效目标申报表`, `…绩效目标表` (headings' `#` marks allowed).
    /// A form's title marked as its continuation on the next page (`项目支出绩效目标表（续）`,
    /// `续表`): the open form goes on under it.
    static func isContinuationTitle(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        return ["（续）", "(续)", "（续表）", "(续表)", "续表"].contains { t.utf8HasSuffix($0) } || t.utf8HasPrefix("续表")
    }

    static func isTitle(_ text: String) -> Bool {
        if text.utf8.last == 0x29 || text.utf8HasSuffix("）") {
            // `绩效目标表(一般公共预算资金)`: a note in brackets after the title.
            guard let open = text.unicodeScalars.lastIndex(where: { $0 == "(" || $0 == "（" }), text.distance(from: open, to: text.endIndex) <= 14
            else { return false }
            return isTitle(String(text[..<open]).trimmingWhitespace())
        }
        guard text.utf8HasSuffix("表") || text.utf8.last == 0x20 || text.utf8.last == 0x23 else { return false }
        let s = text.trimming("# ")
        return s.utf8HasSuffix("申报表") || s.utf8HasSuffix("绩效目标表") || s.utf8HasSuffix("申报明细表")
            || approvalTitles.contains { s.utf8HasSuffix($0) }
    }

    /// The title of another kind of table than a targets form (`…绩效自评表`, `二、项目支出绩效运行
    /// 监控表`, `…绩效评价表（2024年度）`).
    static func isOtherKindTitle(_ text: String) -> Bool {
        // (Not a line that names one: `附件：2023年度部门整体绩效自评表（另行公开）`, `注：…`.)
        // (`…绩效目标自评表` is a self-evaluation's.)
        guard text.utf8Contains("表"), text.scalarCount <= 80, !text.utf8HasPrefix("附件"), !text.utf8HasPrefix("注") else { return false }
        var s = Substring(text.trimming("# *"))
        if s.last == ")" || s.last == "）", let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.distance(from: open, to: s.endIndex) <= 14 {
            s = s[..<open]
        }
        // (`…视频监控运维项目绩效目标表` is a target form's: the project is named so.)
        guard !s.hasSuffix("目标表"), !s.hasSuffix("申报表") || s.contains("自评") else { return false }
        return s.hasSuffix("表") && ["自评", "监控", "评价"].contains { s.contains($0) }
    }

    /// The titles of a form approved or reviewed (`…绩效目标批复表`, `…审核表`, `…审批表`).
    static let approvalTitles = ["批复表", "审核表", "审批表"].map { "绩效目标" + $0 }

    /// A list of a fund's allocations (`2022年省级第七批水利专项资金安排表`, `…分配表(任务清单)`):
    /// a table of amounts per place or unit, not a targets form.
    static func isListTitle(_ text: String) -> Bool {
        guard text.utf8HasSuffix("表") || text.utf8.last == 0x29 || text.utf8HasSuffix("）") || text.utf8.last == 0x20 else { return false }
        guard text.scalarCount <= 80, !isTitle(text) else { return false }
        var s = Substring(text.trimming("# "))
        // A note in brackets after the title: `(任务清单)`.
        if s.last == ")" || s.last == "）", let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }), s.distance(from: open, to: s.endIndex) <= 12 {
            s = s[..<open]
        }
        return ["安排表", "分配表", "分配明细表", "汇总表", "一览表", "分配方案表"].contains { s.utf8HasSuffix($0) }
    }

    /// Whether a line of text right below a table row continues the row's last cell (it is no
    /// title, numbered project or narrative item).
    static func continuesCell(_ text: String) -> Bool {
        !isTitle(text) && narrativeItem(text) == nil && numberedHeading(text) == nil
    }

    /// `1. 就业补助资金县级配套项目` → (1, `就业补助资金县级配套项目`).
    static func numberedHeading(_ text: String) -> (number: Int, name: String)? {
        var s = Substring(text.trimmingWhitespace())
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        s = s.dropFirst(digits.count)
        guard let mark = s.first, mark == "." || mark == "、" || mark == "．" else { return nil }
        s = s.dropFirst()
        // `1.5%贷款总量` is a number.
        if let next = s.first, next.isNumber { return nil }
        let name = s.trimmingWhitespace()
        // `1.2021年度…` is a numbered sentence, not a heading: a heading is short and not a sentence.
        guard !name.isEmpty, name.scalarCount <= 40, !name.contains("。"), !name.contains("；") else { return nil }
        return (number, name)
    }

    /// `(1) 项目概述。就业是民生之本…` → (`项目概述`, `就业是民生之本…`).
    static func narrativeItem(_ text: String) -> (title: String, body: String)? {
        guard text.utf8.first == 0x28 || text.utf8HasPrefix("（") else { return nil }
        var s = Substring(text).dropFirst()
        let number = s.prefix(while: { $0.isNumber })
        guard !number.isEmpty else { return nil }
        s = s.dropFirst(number.count)
        guard let close = s.first, close == ")" || close == "）" else { return nil }
        s = s.dropFirst()
        s = Substring(s.trimmingWhitespace())
        guard let stop = s.firstIndex(where: { $0 == "。" || $0 == "：" || $0 == ":" }) else {
            return (s.trimmingWhitespace(), "")
        }
        let title = s[..<stop].trimmingWhitespace()
        guard title.count <= 16 else { return nil }
        return (title, s[s.index(after: stop)...].trimmingWhitespace())
    }

    /// A line that is only a year: `2022年度`, `(2024年度)`, `2024 年`, `（&nbsp;2025&nbsp;年度）`
    /// (any space: a web page pads with no-break spaces, a Word file with full-width ones).
    static func isYearLine(_ text: String) -> Bool {
        guard Titles.year(in: text) != nil else { return false }
        let rest = text.filter { !($0.isASCII && $0.isNumber) && !$0.isWhitespace && !"年度()（）".contains($0) }
        return rest.isEmpty
    }

    /// A short section title between tables: `决策指标`, `### 产出指标`.
    static func isSectionTitle(_ text: String) -> Bool {
        let s = text.trimming("# ")
        return s.scalarCount <= 8 && (s.utf8HasSuffix("指标") || IndicatorVocabulary.isLevel1(s))
    }
}

extension String {
    /// Trims the given characters at both ends (plus whitespace).
    func trimming(_ set: String) -> String {
        // Text that starts and ends with a printable ASCII character or a CJK ideograph not in
        // the set is kept as it is (neither can end or start a longer grapheme that would be
        // trimmed), without walking it by Character.
        func keeps(_ c: Unicode.Scalar) -> Bool {
            ((c.value > 0x20 && c.value < 0x7F) || (0x4E00...0x9FFF).contains(c.value)) && !set.unicodeScalars.contains(c)
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, keeps(first), keeps(last) { return self }
        // Text whose every scalar is a character of its own (no combining marks, joiners or
        // other extenders anywhere) is trimmed by scalars: the same cut, without grapheme
        // breaking. (`\r\n` is one character but both of its scalars are whitespace.)
        if unicodeScalars.allSatisfy(Self.isOwnCharacter) {
            let scalars = unicodeScalars
            func trims(_ c: Unicode.Scalar) -> Bool { c.isUnicodeWhitespace || set.unicodeScalars.contains(c) }
            guard let from = scalars.firstIndex(where: { !trims($0) }) else { return "" }
            let to = scalars.lastIndex(where: { !trims($0) })!
            return String(scalars[from...to])
        }
        var s = Substring(self)
        while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Whether a scalar always stands as a character of its own, whatever is beside it: ASCII,
    /// Latin-1, general punctuation, CJK punctuation and ideographs, full-width forms.
    @inline(__always)
    static func isOwnCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20...0x7E, 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }
}
