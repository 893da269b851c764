// The label vocabulary (Vocabulary/labels.yml, plus a site's own labels): what each label means.

import Foundation
import Yams

/// The unit a label or a table says its amounts are in.
public enum MoneyUnit: String, Sendable, Equatable {
    case wan = "万元"
    case yuan = "元"
    /// 亿元 (`资金情况（亿元）`): read exactly into 万元 like the others.
    case yi = "亿元"

    var fenPerUnit: Int64 {
        switch self {
        case .wan: Money.fenPerWan
        case .yuan: Money.fenPerYuan
        case .yi: Money.fenPerWan * 10_000
        }
    }
}

/// The labels of forms and what each one stands for, read from `Vocabulary/labels.yml` (compiled
/// into gongkai) and extended by a site's `labels:`.
///
/// A class: it is read for nearly every cell of every document, and a struct of eleven tables
/// read from a static variable is copied (eleven retains and releases) at each read. It is
/// changed only while it is made, before `install` publishes it, and read-only after.
final class Vocabulary: @unchecked Sendable {
    /// Normalised label → what it fills in.
    private(set) var fields: [ByteKey: FieldKind] = [:]
    /// Normalised header cell → its column.
    private(set) var columns: [ByteKey: IndicatorHeader.Role] = [:]
    private(set) var level1: Set<ByteKey> = []
    private(set) var level2: Set<ByteKey> = []
    private(set) var qualitative: Set<ByteKey> = []
    /// Labels that show a document is another kind of document than a target table.
    private(set) var kinds: [ByteKey: DocumentKind] = [:]
    /// Normalised line → the money unit it states for the amounts after it (`金额单位:元`).
    private(set) var unitLines: [ByteKey: MoneyUnit] = [:]
    /// Words of a web page's own text around a form (发布时间, 浏览次数, 当前位置 …).
    private(set) var pageText: [String] = []
    /// The page words by their first character's bytes.
    private var pageTextIndex: [UInt32: [[UInt8]]] = [:]
    /// A bit per low 16 bits of those first characters: most characters of a line start no
    /// page word, and one bit test is cheaper than hashing each for the dictionary.
    private var pageTextStarts = [UInt64](repeating: 0, count: 1024)
    /// Text that mirrors inject into pages (gambling advertisements), longest first: removed
    /// before a document is read.
    private(set) var spam: [String] = []
    /// The people, telephones and dates of a form's signature block (`填报人`, `联系电话`).
    private(set) var signatureLabels: Set<String> = []
    /// The first characters of the signature labels, as their UTF-8 bytes.
    private var signatureLeads: Set<UInt32> = []
    /// Labels of three characters or more as they may stand in run-together text, longest first.
    private(set) var runTogetherLabels: [String] = []
    /// The self-evaluation labels of four characters or more (`实际完成值`), sorted, as they are
    /// looked for inside longer text.
    private(set) var selfEvaluationInText = NeedleSet([])
    /// Levels of government that split a source of money (`中央 | 自治区级 | 盟市级 | 旗本级`),
    /// sorted; labels.yml's `funding_parts.levels` and a site's `funding_levels`.
    private(set) var fundingLevels: [String] = []
    /// Every name a second header row may split a source into: the levels and `funding_parts.others`.
    private(set) var fundingPartNames: Set<String> = []
    /// The levels of the transfer-payment chain (`省级` of `省级主管部门`), longest first.
    private(set) var chainLevels: [String] = []
    /// The words the money rules tell kinds of money by (`money_words`).
    private(set) var money: MoneyWords
    /// A fingerprint of everything above (the build cache keeps documents read with it).
    private(set) var fingerprint: UInt64 = 0
    /// `Labels.field` of the cells it normalises, by their text (each vocabulary its own: a
    /// site's labels change the answers).
    let normalisedFields = TextMemo<FieldKind?>()
    /// Indicator headers read, by their cells' text.
    let indicatorHeaders = TextMemo<IndicatorHeader?>(limit: 1024)

    /// The vocabulary in use: the shipped one, extended by the site's labels before reading.
    nonisolated(unsafe) private(set) static var current = Vocabulary.shipped

    static let shipped: Vocabulary = {
        do {
            return try Vocabulary(yaml: shippedYAML)
        } catch {
            // The file is part of gongkai and tested; this cannot happen in a released build.
            preconditionFailure("Vocabulary/labels.yml: \(error)")
        }
    }()

    /// The shipped file's text (Vocabulary/labels.yml, compiled into gongkai).
    static var shippedYAML: String {
        String(decoding: Embedded.file("labels.yml") ?? [], as: UTF8.self)
    }

    /// Makes the site's labels (`gongkai.yml` `labels:`, keyed like labels.yml's `fields`) part
    /// of the vocabulary for what is read from now on.
    ///
    /// One process reads one site: the vocabulary is set before reading starts and only read
    /// after; it is left as it is when it would not change (the same site labels as before).
    static func install(siteLabels: [String: [String]]) throws {
        guard siteLabels != installedSiteLabels else { return }
        current = try shipped.adding(siteLabels: siteLabels)
        installedSiteLabels = siteLabels
    }

    /// This vocabulary with a site's labels added (keyed like labels.yml's `fields`); throws for
    /// a key that is no field's, saying so in Chinese and English.
    func adding(siteLabels: [String: [String]]) throws -> Vocabulary {
        let v = Vocabulary(copying: self)
        try v.add(fields: siteLabels, site: true)
        return v
    }

    nonisolated(unsafe) private static var installedSiteLabels: [String: [String]] = [:]

    struct Problem: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A copy of `other`, to extend without changing it.
    private init(copying other: Vocabulary) {
        fields = other.fields
        columns = other.columns
        level1 = other.level1
        level2 = other.level2
        qualitative = other.qualitative
        kinds = other.kinds
        unitLines = other.unitLines
        pageText = other.pageText
        pageTextIndex = other.pageTextIndex
        pageTextStarts = other.pageTextStarts
        spam = other.spam
        signatureLabels = other.signatureLabels
        signatureLeads = other.signatureLeads
        runTogetherLabels = other.runTogetherLabels
        fundingLevels = other.fundingLevels
        fundingPartNames = other.fundingPartNames
        chainLevels = other.chainLevels
        money = other.money
        fingerprint = other.fingerprint
        kindEndings = other.kindEndings
        selfEvaluationInText = other.selfEvaluationInText
    }

    init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw Problem(message: "not a mapping") }
        // A section nothing reads would look like data and do nothing: the file's sections are these.
        if let unknown = root.keys.sorted().first(where: { !Self.sections.contains($0) }) {
            throw Problem(message: "unknown section \(unknown)")
        }
        func list(_ any: Any?) -> [String] { (any as? [Any])?.compactMap { $0 as? String } ?? [] }
        money = try MoneyWords((root["money_words"] as? [String: Any])?.mapValues(list))
        try add(fields: ((root["fields"] as? [String: Any]) ?? [:]).mapValues(list), site: false)
        for (key, value) in (root["indicator_columns"] as? [String: Any]) ?? [:] {
            guard let role = IndicatorHeader.Role(rawValue: key) else { throw Problem(message: "unknown column \(key)") }
            for label in list(value) { columns[LabelText.key(label)] = role }
        }
        let levels = (root["indicator_levels"] as? [String: Any]) ?? [:]
        level1 = Set(list(levels["level1"]).map { ByteKey($0) })
        level2 = Set(list(levels["level2"]).map { ByteKey($0) })
        qualitative = Set(list(root["qualitative_values"]).map { ByteKey($0) })
        pageText = list(root["page_text"])
        for word in pageText where !word.isEmpty {
            let bytes = Array(word.utf8)
            let length = bytes[0] < 0x80 ? 1 : bytes[0] < 0xE0 ? 2 : bytes[0] < 0xF0 ? 3 : 4
            let key = bytes.prefix(length).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            pageTextIndex[key, default: []].append(bytes)
            pageTextStarts[Int(key & 0xFFFF) >> 6] |= 1 << (key & 63)
        }
        spam = list(root["spam"]).filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
        signatureLabels = Set(list(root["signature"]).filter { !$0.isEmpty })
        signatureLeads = Set(signatureLabels.compactMap { label in
            label.utf8.count >= 3 ? label.utf8.prefix(3).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } : nil
        })
        for (key, value) in (root["kinds"] as? [String: Any]) ?? [:] {
            guard let kind = DocumentKind(rawValue: key) else { throw Problem(message: "unknown kind \(key)") }
            for label in list(value) {
                let key = LabelText.key(label)
                kinds[key] = kind
                if let last = key.path.unicodeScalars.last { kindEndings.insert(last.value) }
            }
        }
        for (key, value) in (root["unit_lines"] as? [String: Any]) ?? [:] {
            guard let unit = ["wan": MoneyUnit.wan, "yuan": .yuan, "yi": .yi][key] else { throw Problem(message: "unknown unit \(key)") }
            for line in list(value) { unitLines[LabelText.key(line)] = unit }
        }
        selfEvaluationInText = NeedleSet(kindLabels(.selfEvaluation).filter { $0.count >= 4 })
        let parts = (root["funding_parts"] as? [String: Any]) ?? [:]
        if let unknown = parts.keys.sorted().first(where: { $0 != "levels" && $0 != "others" }) { throw Problem(message: "unknown funding part \(unknown)") }
        addFundingLevels(list(parts["levels"]))
        fundingPartNames.formUnion(list(parts["others"]))
        var hash = StableHash()
        hash.combine(yaml.utf8)
        fingerprint = hash.value
        makeRunTogetherLabels()
    }

    /// The sections of Vocabulary/labels.yml.
    static let sections: Set<String> = ["fields", "unit_lines", "indicator_columns", "indicator_levels", "funding_parts",
                                        "money_words", "qualitative_values", "kinds", "page_text", "spam", "signature"]

    /// The key of a site's `labels:` that adds levels of government (not a field's).
    static let siteFundingLevels = "funding_levels"

    private func addFundingLevels(_ levels: [String]) {
        fundingLevels = Array(Set(fundingLevels).union(levels.filter { !$0.isEmpty })).sorted()
        fundingPartNames.formUnion(fundingLevels)
    }

    private func add(fields table: [String: [String]], site: Bool) throws {
        for (key, labels) in table.sorted(by: { $0.key < $1.key }) {
            if site, key == Self.siteFundingLevels {
                addFundingLevels(labels)
                var hash = StableHash()
                hash.combine((key + labels.joined(separator: "\u{1F}")).utf8)
                fingerprint = fingerprint &* 31 &+ hash.value
                continue
            }
            guard FieldKind.vocabulary(key: key, label: "", index: 0) != nil else {
                throw Problem(message: site ? "labels: 未知的字段 ‘\(key)’ / unknown field ‘\(key)’" : "unknown field \(key)")
            }
            // A site's levels of the transfer chain come after the shipped ones (more local, in
            // the site's order); a level the chain has keeps its rank.
            let rankAfter = site ? fields.values.reduce(0) { if case .departmentLevel(let r) = $1 { return max($0, r + 1) }; return $0 } : 0
            for (index, label) in labels.enumerated() {
                let k = LabelText.key(label)
                if site, case .departmentLevel? = fields[k], key == "department_chain" { continue }
                fields[k] = FieldKind.vocabulary(key: key, label: label, index: rankAfter + index)
            }
            if site {
                var hash = StableHash()
                hash.combine((key + labels.joined(separator: "\u{1F}")).utf8)
                fingerprint = fingerprint &* 31 &+ hash.value
            }
        }
        let chainSuffix = "主管部门"
        chainLevels = fields.compactMap { key, kind -> String? in
            guard case .departmentLevel = kind, key.path.utf8HasSuffix(chainSuffix) else { return nil }
            return String(key.path.unicodeScalars.dropLast(chainSuffix.unicodeScalars.count))
        }.filter { !$0.isEmpty }.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
        if site { makeRunTogetherLabels() }
    }

    private func makeRunTogetherLabels() {
        var labels = Set<String>()
        for key in fields.keys { labels.insert(key.path) }
        for key in columns.keys { labels.insert(key.path) }
        // A label with brackets (`主管部门(单位)名称`) is looked for as written and with full-width
        // brackets: found, it is cut out whole, not its shorter head (`主管部门`) with the rest
        // left to the value.
        for label in labels where label.contains("(") {
            labels.insert(label.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
        }
        runTogetherLabels = labels.filter { $0.unicodeScalars.count >= 3 }
            .sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    }

    func field(_ key: ByteKey) -> FieldKind? { fields[key] }

    /// The last characters of the kind labels (`值`, `分`, `数` …).
    private var kindEndings: Set<UInt32> = []

    /// The unit a line of its own states for the amounts after it (`金额单位:元`, `单位：万元`);
    /// nil for any other text (a byte test first: most lines name no 单位).
    /// `ownLine`: the text is a line of its own, not a cell; there `计量单位：元` is a unit line too
    /// (in a cell it is an indicator's unit: `| 成本指标 | … | ≥520 | 计量单位：元 |`).
    func statedUnit(_ text: String, ownLine: Bool = false) -> MoneyUnit? {
        guard text.utf8.count <= 40, text.utf8Contains("单位"), !unitLines.isEmpty else { return nil }
        if let unit = unitLines[LabelText.key(text)] { return unit }
        // `单位：元。`: a full stop after it.
        var bare = Substring(text.trimmingWhitespace())
        while let c = bare.last, c == "。" || c == "." { bare = bare.dropLast() }
        // `（单位：万元）`: the line in brackets (which as a label's tail would be its unit).
        if bare.hasPrefix("(") || bare.hasPrefix("（"), bare.hasSuffix(")") || bare.hasSuffix("）") { bare = bare.dropFirst().dropLast() }
        if ownLine, bare.hasPrefix("计量单位") { bare = bare.dropFirst(2) }
        return bare.count < text.count ? unitLines[LabelText.key(String(bare))] : nil
    }

    /// The text before a page's number at the end of a line (`（单位：元）  第1页`,
    /// `…绩效目标表（单位：元） 第 1 页 共 3 页`, `单位：元 共2页 第1页`); nil when the line does not end
    /// with one or is nothing else.
    static func beforePageNumber(_ text: String) -> String? {
        guard text.utf8HasSuffix("页") else { return nil }
        var t = Substring(text)
        var found = false
        // At most two parts (`第1页`, `共3页`), read from the end: 页, digits, 第 or 共.
        for _ in 0..<2 {
            var u = t
            while let c = u.last, c.isWhitespace || "/／,，、".contains(c) { u = u.dropLast() }
            guard u.last == "页" else { break }
            u = u.dropLast()
            while u.last?.isWhitespace == true { u = u.dropLast() }
            let digits = u.reversed().prefix { $0.isASCII && $0.isNumber }.count
            guard digits > 0 else { break }
            u = u.dropLast(digits)
            while u.last?.isWhitespace == true { u = u.dropLast() }
            guard u.last == "第" || u.last == "共" else { break }
            t = u.dropLast()
            found = true
        }
        let rest = t.trimmingCharacters(in: .whitespaces)
        return found && !rest.isEmpty ? rest : nil
    }

    /// A form's title, or a title or heading naming a department, with the unit of its forms in
    /// brackets at its end (not any heading's: `### 补助标准（元）`, `### 三、资金使用情况（万元）` head
    /// text, and their unit is no form's): `…绩效目标表（单位：元）`, `…表（一）【单位：元】`,
    /// `## 二、某县林业局（单位：元）`, `…（单位：人民币元）（续表一）`, `…（单位：元，下同）`,
    /// `…（单位为元）`, `**…绩效目标表（万元）**`, `… 单位（元）`. Short notes after the unit's
    /// bracket (`（续）`, `（本级）`, `（草案）`) stay with the title. The title and the unit; nil for
    /// any other text (a bracket that is a note of the title, `（一般公共预算）`, `（50万元以上项目）`,
    /// `（单位：某县林业局）`, or a label's unit, `项目资金（万元）`).
    func titleUnitAtEnd(_ text: String) -> (rest: String, unit: MoneyUnit)? {
        // (Told on the bytes first: the line names 元 and is short.)
        guard text.utf8Contains("元"), text.utf8.count <= 300 else { return nil }
        var t = Substring(text)
        func trimEnd() {
            while let c = t.last, c.isWhitespace || "*：:。.续".contains(c) { t = t.dropLast() }
        }
        trimEnd()
        let opens: [Character: Character] = ["）": "（", ")": "(", "】": "【", "]": "[", "〕": "〔", "］": "［"]
        /// The last bracket group of `t`: where it opens, and what it holds (nested brackets kept).
        func lastGroup() -> (open: Substring.Index, inside: Substring)? {
            guard let close = t.last, opens[close] != nil else { return nil }
            var depth = 0
            var i = t.endIndex
            while i > t.startIndex {
                i = t.index(before: i)
                if opens[t[i]] != nil { depth += 1 } else if opens.values.contains(t[i]) {
                    depth -= 1
                    if depth == 0 { return (i, t[t.index(after: i)..<t.index(before: t.endIndex)]) }
                }
            }
            return nil
        }
        var notes: [Substring] = []
        var found: MoneyUnit?
        while found == nil, notes.count < 3, let (open, inside) = lastGroup() {
            let group = t[open...]
            t = t[..<open]
            if let unit = unitStatement(inside) {
                found = unit
                // `单位（元）`: the word before the bracket is the unit line's.
                for word in ["金额单位", "单位"] where t.hasSuffix(word) {
                    t = t.dropLast(word.count)
                    break
                }
            } else if group.count <= 10, !inside.contains("元") {
                notes.insert(group, at: 0)
                trimEnd()
            } else {
                return nil
            }
        }
        guard let unit = found else { return nil }
        while let c = t.last, c.isWhitespace || "*—-－:：/／".contains(c) { t = t.dropLast() }
        let head = String(t)
        guard !head.isEmpty, FormText.isTitle(head) || Titles.department(inHeading: head) != nil else { return nil }
        return (head + notes.joined(), unit)
    }

    /// The unit a bracket at a title's end states (`单位：元`, `金额单位：万元，保留两位小数`,
    /// `单位：人民币元`, `单位为元`, `以元为单位`, a bare `万元`); nil for a note that only
    /// mentions money (`50万元以上项目`, `预算金额：50万元`).
    private func unitStatement(_ inside: Substring) -> MoneyUnit? {
        var clause = String(inside.filter { !$0.isWhitespace && !"（）()".contains($0) })
        // The first clause (`单位：元，下同`), without the currency (`人民币元`, `元/人民币`).
        if let cut = clause.firstIndex(where: { "，,；;、".contains($0) }) { clause = String(clause[..<cut]) }
        clause = clause.replacingOccurrences(of: "/人民币", with: "").replacingOccurrences(of: "人民币", with: "")
        guard clause.count <= 8 else { return nil }
        if let stated = statedUnit(clause) { return stated }
        let bare: [String: MoneyUnit] = ["元": .yuan, "万元": .wan, "亿元": .yi]
        if let unit = bare[clause] { return unit }
        for (prefix, suffix) in [("单位为", ""), ("金额单位为", ""), ("以", "为单位"), ("金额以", "为单位")]
        where clause.hasPrefix(prefix) && clause.hasSuffix(suffix) && clause.count > prefix.count + suffix.count {
            if let unit = bare[String(clause.dropFirst(prefix.count).dropLast(suffix.count))] { return unit }
        }
        return nil
    }

    /// A unit line at the end of a line of other text (`填报单位：某县林业局（盖章）　　金额单位：元`,
    /// `（2025年度）    单位：元`, their spaces between Chinese characters dropped by the reader):
    /// the text before it and the unit line; nil when there is none.
    func unitLineAtEnd(_ text: String) -> (rest: String, unitLine: String)? {
        // (Every unit ends in 元: `万元`, `元`, `亿元`, perhaps in brackets — told on the bytes first.)
        guard text.utf8HasSuffix("元") || text.utf8HasSuffix("元）") || text.utf8HasSuffix("元)"), text.utf8Contains("单位"),
              statedUnit(text) == nil else { return nil }
        let chars = Array(text)
        guard chars.count > 5 else { return nil }
        // The longest tail that is a unit line (they are short), after a space, a year's line in
        // brackets or a seal's mark (`（2025年度）`, `（盖章）`): not after a note's words
        // (`补助标准单位：元`, `指标值（每人每月）单位：元`).
        // (A note — `注：…（2025年）单位：元` — is prose, never a unit line.)
        if text.utf8HasPrefix("注") || text.utf8HasPrefix("说明") || text.utf8HasPrefix("备注") { return nil }
        func boundary(_ k: Int) -> Bool {
            if chars[k - 1].isWhitespace { return true }
            // Right after a form's title, or a dash after it (`…绩效目标表          单位：元` with its
            // spaces dropped, `…绩效目标表——单位：元`): the title's unit line.
            var j = k
            while j > 1, "—-－*/／".contains(chars[j - 1]) { j -= 1 }
            if chars[j - 1] == "表", FormText.isTitle(String(chars[..<j])) { return true }
            guard chars[k - 1] == "）" || chars[k - 1] == ")", let open = chars[..<k].lastIndex(where: { $0 == "（" || $0 == "(" }) else { return false }
            // The year's line itself (`（2025年度）`), or a seal's mark (`…（盖章）`).
            return FormText.isYearLine(String(chars[..<k])) || String(chars[open..<k]).contains("章")
        }
        for start in max(1, chars.count - 16)..<(chars.count - 3) where boundary(start) {
            let unitLine = String(chars[start...]).trimmingWhitespace()
            guard statedUnit(unitLine) != nil else { continue }
            let rest = String(chars[..<start]).trimming(" \u{3000}\t—-－*/／")
            return rest.isEmpty ? nil : (rest, unitLine)
        }
        return nil
    }

    /// Whether a cell may be a kind label: it ends (before a colon or a bracket) with the last
    /// character of one.
    func mayBeKindLabel(_ text: String) -> Bool {
        // The last scalar before trailing `:`, `：`, `)`, `）` and spaces, stepped back to by the
        // scalar view (no reversed or dropping wrappers around it).
        let scalars = text.unicodeScalars
        var i = scalars.endIndex
        while i > scalars.startIndex {
            i = scalars.index(before: i)
            let c = scalars[i]
            if c == ":" || c == "：" || c == ")" || c == "）" || c == " " { continue }
            return kindEndings.contains(c.value) || (c.value < 0x80 && !kindEndings.isEmpty)
        }
        return false
    }

    /// The labels that show a document is of `kind`.
    func kindLabels(_ kind: DocumentKind) -> [String] {
        kinds.filter { $0.value == kind }.map(\.key.path).sorted()
    }

    /// Whether a line is a web page's own text (a caption `…_第2页` included), not the form's.
    func isPageText(_ text: String) -> Bool {
        // One pass over the text: at each character that starts a page word, compare the word.
        var found = false
        var text = text
        text.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n, !found {
                let lead = b[i]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var key: UInt32 = 0
                for k in 0..<min(length, n - i) { key = key << 8 | UInt32(b[i + k]) }
                if pageTextStarts[Int(key & 0xFFFF) >> 6] & (1 << (key & 63)) != 0, let words = pageTextIndex[key] {
                    for word in words where i + word.count <= n {
                        guard (0..<word.count).allSatisfy({ b[i + $0] == word[$0] }) else { continue }
                        // A word that is a label (`来源:`) counts at the line's start or after a
                        // space only: `资金来源:` is the form's.
                        if word.last != UInt8(ascii: ":") || i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x09
                            || (i >= 3 && b[i - 3] == 0xE3 && b[i - 2] == 0x80 && b[i - 1] == 0x80)
                        {
                            found = true
                            break
                        }
                    }
                }
                i += length
            }
        }
        if found { return true }
        // A page caption: `…_第2页`, `第 2 页 共 5 页`.
        guard text.utf8Contains("页"), text.utf8Contains("第") else { return false }
        let compact = text.filter { !$0.isWhitespace }
        if let r = compact.range(of: "第"), compact[r.upperBound...].prefix(while: \.isNumber).count > 0,
           compact.hasSuffix("页") || compact.contains("页共")
        {
            return compact.count <= 40
        }
        return false
    }

    func column(_ key: ByteKey) -> IndicatorHeader.Role? { columns[key] }

    /// Whether a cell starts a form's signature block: a person, a telephone or a date it asks
    /// for, alone or with what was filled in after a colon (`填报人`, `填报人：张三`, `联系电话：…`).
    func isSignatureLabel(_ cell: String) -> Bool {
        // (Asked of every indicator row's first cell: told on its first character's bytes first.)
        guard cell.utf8.count >= 6, cell.utf8.count <= 120, let first = cell.utf8.first, first >= 0xE0 else { return false }
        var lead: UInt32 = 0
        for b in cell.utf8.prefix(3) { lead = lead << 8 | UInt32(b) }
        guard signatureLeads.contains(lead) else { return false }
        let head = cell.prefix { $0 != ":" && $0 != "：" }.filter { !$0.isWhitespace }
        return head.count <= 6 && signatureLabels.contains(String(head))
    }
}

/// Normalising a label before it is looked up.
enum LabelText {
    /// `其中：财政拨款`, `项目资金\n(万元)`, `*年度绩效总目标`, `(一)财政拨款小计`, `总 体 目 标` →
    /// `财政拨款`, `项目资金`, `年度绩效总目标`, `财政拨款小计`, `总体目标`: no spaces or line
    /// breaks, ASCII parentheses and colons, no `*`, `(必填)`, list number, `其中` or trailing
    /// colon, and no trailing unit (see `unit(of:)`).
    static func key(_ label: String) -> ByteKey {
        ByteKey(String(decoding: strip(compact(label)).key, as: UTF8.self))
    }

    /// The unit a label names at its end: `项目资金(万元)` → 万元, `项目资金(元)` → 元.
    static func unit(of label: String) -> MoneyUnit? { strip(compact(label)).unit }

    /// A label as shown (a funding line's name): trimmed, `其中:` and list numbers dropped.
    static func display(_ label: String) -> String {
        String(decoding: strip(compact(label), keepUnit: true).key, as: UTF8.self)
    }

    /// The label's bytes without spaces, `*`, `?` and zero-width spaces, with full-width parentheses,
    /// colons and brackets made ASCII.
    static func compact(_ label: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(label.utf8.count)
        var label = label
        label.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case 0x20, 0x09, 0x0A, 0x0D, 0x2A, 0x3F:
                    // Spaces, `*` (a required field) and `?` (a mirror's filler: `绩?????效`).
                    i += 1
                    continue
                case 0xC2 where i + 1 < n && b[i + 1] == 0xA0:
                    i += 2
                    continue
                case 0xE3 where i + 2 < n && b[i + 1] == 0x80:
                    switch b[i + 2] {
                    case 0x80: i += 3; continue  // ideographic space
                    case 0x90: out.append(0x5B); i += 3; continue  // 【
                    case 0x91: out.append(0x5D); i += 3; continue  // 】
                    default: break
                    }
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x8B:
                    i += 3
                    continue
                case 0xEF where i + 2 < n && b[i + 1] == 0xBC:
                    switch b[i + 2] {
                    case 0x88: out.append(0x28); i += 3; continue  // （
                    case 0x89: out.append(0x29); i += 3; continue  // ）
                    case 0x9A: out.append(0x3A); i += 3; continue  // ：
                    case 0x8A, 0x9F: i += 3; continue  // ＊ ？
                    case 0xBB: out.append(0x5B); i += 3; continue  // ［
                    case 0xBD: out.append(0x5D); i += 3; continue  // ］
                    default: break
                    }
                default:
                    break
                }
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func b(_ s: String) -> [UInt8] { Array(s.utf8) }
    static let qizhong = b("其中")
    private static let marks = [b("(必填硬性指标)"), b("(必填)"), b("(选填)")]
    private static let units: [([UInt8], MoneyUnit)] = [
        (b("(金额单位:万元)"), .wan), (b("(单位:万元)"), .wan), (b("(万元)"), .wan), (b("(金额单位:元)"), .yuan),
        (b("(单位:元)"), .yuan), (b("(元)"), .yuan), (b("(金额单位:亿元)"), .yi), (b("(单位:亿元)"), .yi), (b("(亿元)"), .yi),
    ]
    private static let chineseNumerals: Set<[UInt8]> = Set("一二三四五六七八九十".map { Array(String($0).utf8) })
    private static let enumerationMark = [b("、"), b("."), b("．")]

    static func strip(_ bytes: [UInt8], keepUnit: Bool = false) -> (key: [UInt8], unit: MoneyUnit?) {
        var s = ArraySlice(bytes)
        var unit: MoneyUnit?
        // Trailing colons, marks and units, in any order.
        var changed = true
        while changed {
            changed = false
            while s.last == 0x3A { s = s.dropLast(); changed = true }
            for m in marks where s.count > m.count && s.suffix(m.count).elementsEqual(m) {
                s = s.dropLast(m.count)
                changed = true
            }
            if let score = scoreMark(s) {
                s = s[..<score]
                changed = true
            }
            if !keepUnit {
                for (m, u) in units where s.count > m.count && s.suffix(m.count).elementsEqual(m) {
                    s = s.dropLast(m.count)
                    unit = unit ?? u
                    changed = true
                }
            }
        }
        // A leading list number: `(一)`, `(1)`, `一、`, `1、`, `1.`.
        if s.first == 0x28, let close = s.firstIndex(of: 0x29), close - s.startIndex <= 7 {
            let inner = s[s.index(after: s.startIndex)..<close]
            if !inner.isEmpty && (inner.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } || isChineseNumber(inner)) { s = s[s.index(after: close)...] }
        } else {
            var k = s.startIndex
            while k < s.endIndex, s[k] >= 0x30, s[k] <= 0x39 { k += 1 }
            if k == s.startIndex {
                while k + 3 <= s.endIndex, chineseNumerals.contains(Array(s[k..<k + 3])) { k += 3 }
            }
            if k > s.startIndex, k - s.startIndex <= 6 {
                for m in enumerationMark where s[k...].starts(with: m) && s.count > k - s.startIndex + m.count {
                    s = s[(k + m.count)...]
                    break
                }
            }
        }
        if s.starts(with: qizhong), s.count > qizhong.count {
            s = s.dropFirst(qizhong.count)
            while s.first == 0x3A { s = s.dropFirst() }
        }
        while s.last == 0x3A { s = s.dropLast() }
        // (Most keys have no bracket left: one byte scan.)
        return (s.contains(0x28) ? withoutAlternatives(Array(s)) : Array(s), unit)
    }

    private static let huo = Array("或".utf8)
    private static let zhibiao = Array("指标".utf8)

    private static let periodWords: Set<[UInt8]> = Set(["年", "月", "—", "–", "～", "至", "到"].map { Array($0.utf8) })

    /// Whether bracketed text is a period (`2019年--2021年`, `2024—2026年`): digits, 年, 月 and
    /// dashes only, with a digit.
    static func isPeriod(_ inner: ArraySlice<UInt8>) -> Bool {
        var hasDigit = false
        var i = inner.startIndex
        while i < inner.endIndex {
            let b = inner[i]
            if b >= 0x30 && b <= 0x39 { hasDigit = true; i += 1; continue }
            if b == 0x2D || b == 0x7E || b == 0x2E || b == 0x2F { i += 1; continue }
            guard i + 3 <= inner.endIndex, periodWords.contains(Array(inner[i..<i + 3])) else { return false }
            i += 3
        }
        return hasDigit
    }

    /// The label without the other names a template gives in brackets: `指标值(或计划水平)`,
    /// `数量指标(或建筑规模指标)`, `预算(或投资规模)控制指标`, `时效指标(工期指标、形象进度指标)`
    /// (东莞's 批复表) → `指标值`, `数量指标`, `预算控制指标`, `时效指标`: a bracket that starts
    /// with 或 or ends with 指标, with something left outside it. (A period in brackets tells
    /// columns apart, `指标值(2024年—2026年) | 指标值(2024年)`: it stays; see `Labels.goalOfTerm`.)
    static func withoutAlternatives(_ key: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < key.count {
            if key[i] == 0x28, let close = key[(i + 1)...].firstIndex(of: 0x29) {
                let inner = key[(i + 1)..<close]
                if inner.starts(with: huo) || (inner.count > zhibiao.count && inner.suffix(zhibiao.count).elementsEqual(zhibiao)) {
                    i = close + 1
                    continue
                }
            }
            out.append(key[i])
            i += 1
        }
        return out.isEmpty ? key : out
    }

    /// Where a trailing score starts: `(0-20)分`, `(40-50)分`, `(90分)`, `（10分）` after the
    /// compact step (ASCII brackets) — the points a scored form gives a category, not its name.
    private static func scoreMark(_ s: ArraySlice<UInt8>) -> Int? {
        guard let last = s.last, last == 0x29 || last == 0x86 else { return nil }
        let fen: [UInt8] = [0xE5, 0x88, 0x86]
        var end = s.endIndex
        if s.suffix(3).elementsEqual(fen) { end -= 3 }
        guard end > s.startIndex, s[end - 1] == 0x29 else { return nil }
        var k = end - 1
        var inner = k
        if end == s.endIndex {
            // `(90分)`: the 分 inside the brackets.
            guard k - 3 > s.startIndex, s[(k - 3)..<k].elementsEqual(fen) else { return nil }
            inner = k - 3
        }
        k = inner
        var digits = 0
        while k > s.startIndex, [0x2D, 0x2E, 0x7E].contains(s[k - 1]) || (s[k - 1] >= 0x30 && s[k - 1] <= 0x39) {
            if s[k - 1] >= 0x30 && s[k - 1] <= 0x39 { digits += 1 }
            k -= 1
        }
        guard digits > 0, k > s.startIndex, s[k - 1] == 0x28, k - 1 > s.startIndex else { return nil }
        return k - 1
    }

    private static func isChineseNumber(_ s: ArraySlice<UInt8>) -> Bool {
        guard s.count % 3 == 0, !s.isEmpty else { return false }
        var k = s.startIndex
        while k < s.endIndex {
            guard chineseNumerals.contains(Array(s[k..<k + 3])) else { return false }
            k += 3
        }
        return true
    }
}

/// What kind of document a text is.
public enum DocumentKind: String, Sendable, Equatable {
    /// 绩效目标表 (申报表, 项目支出绩效目标表 …): published.
    case targets
    /// 绩效自评表: targets beside what was achieved (实际完成值, 得分).
    case selfEvaluation = "self_evaluation"
    /// 绩效评价报告: prose about results.
    case evaluationReport = "evaluation_report"
    /// 部门预算公开说明: names target tables, holds none.
    case budgetExplanation = "budget_explanation"
    /// A blank template: labels with nothing filled in.
    case blankTemplate = "blank_template"
    /// A notice (`关于下达…绩效目标的通知`) whose forms are not in the text.
    case notice
    /// 绩效运行监控表: targets beside what was done so far in the year (1-7月执行数, 偏差原因分析).
    case monitoring

    public var name: Localized {
        switch self {
        case .targets: Localized(zh: "绩效目标表", en: "performance targets form")
        case .selfEvaluation: Localized(zh: "绩效自评表", en: "self-evaluation form")
        case .evaluationReport: Localized(zh: "绩效评价报告", en: "evaluation report")
        case .budgetExplanation: Localized(zh: "预算公开说明", en: "budget explanation")
        case .blankTemplate: Localized(zh: "空白模板", en: "blank template")
        case .notice: Localized(zh: "通知", en: "notice")
        case .monitoring: Localized(zh: "绩效运行监控表", en: "monitoring form")
        }
    }
}
