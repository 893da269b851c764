// Years and names read from titles: `2021年度…绩效目标申报表`, `(2024年度)`, `2024 年部门…`.

enum Titles {
    /// The first year (1990–2099) written as `2024年` / `2024 年度` in the text.
    static func year(in text: String) -> Int? {
        if let y = yearWritten(in: text) { return y }
        // `2 0 2 4 年`: digits spaced out.
        guard text.utf8Has(0x20), text.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var joined = ""
        var previous: Character = "x"
        for (k, c) in zip(text.indices, text) {
            if c == " ", previous.isASCII, previous.isNumber, text.index(after: k) < text.endIndex,
               text[text.index(after: k)].isASCII, text[text.index(after: k)].isNumber
            {
                continue
            }
            joined.append(c)
            previous = c
        }
        return joined == text ? nil : yearWritten(in: joined)
    }

    private static func yearWritten(in text: String) -> Int? {
        // (A 中期 form: `…中期绩效目标表`, `中期目标（2025—2027年）`, `（三年滚动）`; not a 中期评估 or
        // a `滚动发展` project.)
        let midTerm = text.utf8Contains("中期绩效") || text.utf8Contains("中期目标") || text.utf8Contains("年滚动")
        var text = text
        return text.withUTF8 { b -> Int? in
            let n = b.count
            var i = 0
            @inline(__always) func digit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
            // A space, a no-break space (a web page's `&nbsp;`) or a full-width space: the end of it.
            @inline(__always) func skipSpaces(_ k: Int) -> Int {
                var k = k
                while true {
                    if k < n && b[k] == 0x20 { k += 1 }
                    else if k + 1 < n, b[k] == 0xC2, b[k + 1] == 0xA0 { k += 2 }
                    else if k + 2 < n, b[k] == 0xE3, b[k + 1] == 0x80, b[k + 2] == 0x80 { k += 3 }
                    else { return k }
                }
            }
            /// The length of a range's mark at k (`-`, `—`, `～`, `至` …), 0 when none is there.
            @inline(__always) func rangeMark(_ k: Int) -> Int {
                if k < n && (b[k] == 0x2D || b[k] == 0x7E) { return 1 }
                guard k + 2 < n else { return 0 }
                switch (b[k], b[k + 1], b[k + 2]) {
                case (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94), (0xEF, 0xBC, 0x8D), (0xEF, 0xBD, 0x9E), (0xE8, 0x87, 0xB3), (0xE5, 0x88, 0xB0): return 3
                default: return 0
                }
            }
            @inline(__always) func year(at k: Int) -> Int { (0..<4).reduce(0) { $0 * 10 + Int(b[k + $1] - 0x30) } }
            /// Whether 年 ends the four digits at k (`2020年`, `2020 年`, `(2020)年度`: the year in
            /// brackets before 年).
            func endsWithNian(_ k: Int) -> Bool {
                var j = skipSpaces(k + 4)
                if j < n && b[j] == 0x29 { j += 1 } else if j + 2 < n, b[j] == 0xEF, b[j + 1] == 0xBC, b[j + 2] == 0x89 { j += 3 }
                j = skipSpaces(j)
                // 年 is E5 B9 B4.
                return j + 2 < n && b[j] == 0xE5 && b[j + 1] == 0xB9 && b[j + 2] == 0xB4
            }
            /// A range of years (`2025-2027年`) is the year only when the text states none of its
            /// own: a 中期 form's term its first (the term's last year is not the budget's), another
            /// range (a programme's `（2021-2025年）`) its last, as before.
            var rangeYear: Int?
            while i + 4 <= n {
                guard digit(i), digit(i + 1), digit(i + 2), digit(i + 3), i == 0 || !digit(i - 1) else {
                    i += 1
                    continue
                }
                let mark = skipSpaces(i + 4)
                let next = skipSpaces(mark + rangeMark(mark))
                if next > mark, digit(next), digit(next + 1), digit(next + 2), digit(next + 3), !digit(next + 4), endsWithNian(next),
                   (1990...2099).contains(year(at: i)), (1990...2099).contains(year(at: next))
                {
                    if rangeYear == nil { rangeYear = midTerm ? year(at: i) : year(at: next) }
                    i = next + 4
                    continue
                }
                if endsWithNian(i), (1990...2099).contains(year(at: i)) { return year(at: i) }
                i += 4
            }
            return rangeYear
        }
    }

    /// The one year a period lies in (`2022年1月—12月`, `20240101-20241231`, `计划:20191`–
    /// `计划:201912`, `2019.01.01--2019.12.31`); nil when it names none or several (`2021-2023`).
    static func year(inPeriod period: String) -> Int? {
        var years = Set<Int>()
        var run = ""
        func flush() {
            // A year, or a date written without separators (yyyym, yyyymm, yyyymmdd).
            if [4, 5, 6, 8].contains(run.count), let y = Int(run.prefix(4)), (1990...2099).contains(y) { years.insert(y) }
            run = ""
        }
        for c in period {
            if c.isASCII, c.isNumber { run.append(c) } else { flush() }
        }
        flush()
        return years.count == 1 ? years.first : nil
    }

    /// Text without the year it starts with (`2021年度`, `2021年`, `20 17 年`).
    static func droppingLeadingYear(_ s: Substring) -> Substring {
        guard let yearEnd = s.firstIndex(of: "年"), !s[..<yearEnd].isEmpty, s[..<yearEnd].allSatisfy({ $0.isNumber || $0 == " " }) else { return s }
        let rest = s[s.index(after: yearEnd)...]
        return rest.first == "度" ? rest.dropFirst() : rest
    }

    /// The project name in an A-layout title: `2021年度人社专职协理员工作经费绩效目标申报表` → `人社专职协理员工作经费`.
    static func projectName(inApplicationTitle title: String) -> String? {
        var s = Substring(title.trimmingWhitespace())
        while s.first == "#" { s = s.dropFirst() }
        s = Substring(s.trimmingWhitespace())
        s = droppingLeadingYear(s)
        for suffix in ["项目支出绩效目标申报表", "项目绩效目标申报表", "区域绩效目标申报表", "绩效目标申报表", "申报表"] where s.utf8HasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            break
        }
        let name = s.trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    /// The project name in a D-layout title: `被征地农民社会保障费项目绩效目标表` → `被征地农民社会保障费`.
    static func projectName(inTargetTableTitle title: String) -> String? {
        var s = title.filter { $0 != "\n" }.trimmingWhitespace()
        for suffix in ["项目绩效目标表", "区域绩效目标表", "绩效目标表"] + FormText.approvalTitles.flatMap({ ["项目支出" + $0, "项目" + $0, $0] })
            where s.utf8HasSuffix(suffix) {
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
        var title = title.trimmingWhitespace()
        if title.utf8Contains("。") || title.utf8Contains("；"), let end = title.lastIndex(where: { $0 == "。" || $0 == "；" }) {
            // Prose that runs into the title (`…(6)年度预算安排。财政拨款306.18万元。 项目支出
            // 绩效目标表`): the title is what follows its last sentence.
            title = String(title[title.index(after: end)...]).trimmingWhitespace()
        }
        if title.utf8Contains("附件"), let annex = title.range(of: "附件", options: .backwards) {
            // `…博览会638合计2430.3附件2项目绩效目标表`: a list ran into the title; the title is
            // what follows its annex's number.
            var after = title[annex.upperBound...].drop { ":：、.． ".contains($0) }
            let digits = after.prefix { $0.isNumber }
            if after.dropFirst(digits.count).first == "年", digits.count >= 4 {
                // `附件:2021年…`, `附件22023年…`: the digits before 年 end with the year.
                after = after.dropFirst(digits.count - 4)
            } else {
                after = after.dropFirst(digits.count).drop { ":：、.． ".contains($0) }
            }
            title = String(after).trimmingWhitespace()
        }
        // `## 二、2025年度项目支出绩效目标表`, `表3　项目支出绩效目标表`: a heading's number is no
        // part of a name.
        // (Not a year's digits: `2024—2026年中期财政规划…`.)
        let bare = title.trimming("# ")
        let unnumbered = dropListNumber(Substring(bare))
        if unnumbered.count < title.count, bare.prefix(while: { $0.isASCII && $0.isNumber }).count <= 3 { title = String(unnumbered) }
        if title.last == ")" || title.last == "）", let open = title.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            // `…绩效目标表 (2024年度)`, `绩效目标表(一般公共预算资金)`: the note is not the name.
            title = String(title[..<open]).trimmingWhitespace()
        }
        let name = title.utf8Contains("申报表") ? projectName(inApplicationTitle: title) : projectName(inTargetTableTitle: title)
        // A web address (`source: http://…` above `绩效目标表`) names no project.
        guard let name, !name.utf8Contains("://"), !name.utf8Contains("www.") else { return nil }
        // `2017年财政支出项目绩效目标表`: a year and generic words name no project.
        let rest = droppingLeadingYear(Substring(name))
        // `东莞市财政项目支出绩效目标批复表`, `自治区本级项目支出…`, `新疆生产建设兵团第八师石河子市
        // 2024年项目支出…`, `青阳县应急管理局项目支出…`: the issuer — a place, or a department of a
        // place — (and a year after it) and generic words name none.
        var end = rest.startIndex
        var scanned = 0
        var placeSeen = false
        while end < rest.endIndex, scanned < 30 {
            let place = placeEnds.contains(rest[end]) && isIssuerPlace(String(rest[...end]))
            if place || placeSeen && looksLikeDepartment(String(rest[...end])) {
                let after = droppingLeadingYear(rest[rest.index(after: end)...])
                // (Money of a place or a department is a name: `区域人社局专项资金`,
                // `产业技术创新联盟专项资金`.)
                if after.isEmpty || !isNamed(String(after)) && !after.contains("资金") { return nil }
            }
            placeSeen = placeSeen || place
            end = rest.index(after: end)
            scanned += 1
        }
        return isNamed(String(rest)) ? name : nil
    }

    /// The characters a place's name ends with.
    private static let placeEnds: Set<Character> = ["省", "市", "县", "区", "旗", "盟", "州"]

    /// Whether a name from a title names a project: not generic words alone.
    static func isNamed(_ name: String) -> Bool {
        // A character in none of the generic words (nor `#()（） `) stays after they are taken
        // out: most names have one, and are not searched for each word.
        if name.unicodeScalars.contains(where: { !genericTitleScalars.contains($0.value) }) { return true }
        // Every character is then an ideograph of those words or one of `#()（） `, each a
        // character of its own: the words are taken out of the bytes, each in turn as
        // `replacing` would, and what is left is empty once trimmed when it is only marks.
        var rest = Array(name.utf8)
        for word in genericTitleBytes { rest = ByteSearch.removingAll(word, from: rest) }
        return !String(decoding: rest, as: UTF8.self).unicodeScalars.allSatisfy { titleMarkScalars.contains($0.value) }
    }

    private static let genericTitleScalars = Set((genericTitleWords.joined() + "#()（） ").unicodeScalars.map(\.value))
    private static let genericTitleBytes = genericTitleWords.map { Array($0.utf8) }
    private static let titleMarkScalars = Set("#()（） ".unicodeScalars.map(\.value))

    /// The name of a department-wide form (部门整体 …) from its title: the title without its
    /// year (`2019年度`, `19年度`) and marks; nil for a title that is no such form's.
    static func wholeDepartmentName(inTitle title: String) -> String? {
        guard title.utf8Contains("整体") else { return nil }
        var s = dropListNumber(Substring(title.trimming("# ")))
        if let nian = s.firstIndex(of: "年"), s.distance(from: s.startIndex, to: nian) <= 5,
           s[..<nian].allSatisfy({ $0.isNumber || $0 == " " }), !s[..<nian].isEmpty
        {
            s = s[s.index(after: nian)...]
            if s.first == "度" { s = s.dropFirst() }
        }
        // A trailing `(原方志委)` or `(2019年度)` is not the name.
        if s.last == ")" || s.last == "）", let open = s.lastIndex(where: { $0 == "(" || $0 == "（" }) { s = s[..<open] }
        let name = s.trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    /// Words of form titles that name no project.
    private static let genericTitleWords = [
        "项目支出", "部门项目", "市级", "省级", "县级", "区级", "本级", "单位", "财政", "项目", "支出", "预算", "部门", "年度", "整体", "绩效", "目标", "申报",
        // Kinds of project (`2023年一般性项目绩效目标表(一级项目)`, `专项资金绩效目标表`).
        "一般性", "专项", "重点", "经常性", "一次性", "资金",
        // A transfer payment's table (`2024年中央对地方转移支付区域绩效目标表`).
        "中央", "对地方", "转移支付", "区域",
    ]

    /// Whether a line reads like a department's name (`旌德县人力资源和社会保障局`, `高新区人社局`).
    static func looksLikeDepartment(_ text: String) -> Bool {
        let s = text.trimmingWhitespace()
        guard s.scalarCount >= 3, s.scalarCount <= 40, !s.utf8Has(0x09), !s.contains(where: { $0 == ":" || $0 == "：" || $0 == " " }),
              departmentEndings.contains(where: { s.utf8HasSuffix($0) }), !s.utf8HasSuffix("网站"), !Vocabulary.current.isPageText(s)
        else { return false }
        return year(in: s) == nil
    }

    /// Whether a text ends as a department's name does (`…局`, `…委员会`, `…中心`).
    static func endsLikeDepartment(_ text: some StringProtocol) -> Bool { departmentEndings.contains { text.utf8HasSuffix($0) } }

    private static let departmentEndings = ["局", "委", "办", "办公室", "中心", "院", "部", "厅", "会", "署", "站", "所", "馆", "处", "委员会", "政府", "联", "校", "队", "社", "中学", "小学", "大学"]

    /// Endings of bodies that are as often a department's unit, headed as its sibling, as a
    /// department of their own (`## 某县第一中学2025年…` beside `## 某县教育局…`, `## 农民专业合作社`):
    /// a title naming one only maybe names another department (see `department(inHeading:)`).
    private static let unitEndings = ["社", "中学", "小学", "大学"]

    /// The department a title or heading names, if it names one, and whether it surely does:
    /// `## 某县农业农村局2025年项目支出…`, a county page's `## 某县司法局`, `## [066]某县司法局…`
    /// surely; `## 1. 某县农业农村局2025年…`, `## 126001 某县农业农村局`, `## 附件2：某县…`,
    /// `## 某县农业农村局（2025年度）项目…`, `## 某县农业农村局项目支出绩效目标表`, `## 某县农业农村局（本级）`
    /// only maybe: a unit's title, a project's, or the department written short are written so too.
    static func department(inHeading heading: String) -> (name: String, sure: Bool)? {
        guard let (name, sure) = departmentNamed(inHeading: heading) else { return nil }
        return (name, sure && !unitEndings.contains { name.utf8HasSuffix($0) })
    }

    private static func departmentNamed(inHeading heading: String) -> (name: String, sure: Bool)? {
        // (Told on the bytes first: a department's name is short, or stands before a year or a
        // form's title words, not at the text's start: `2025年…`, `1.…项目` name none.)
        let plain = Substring(heading.trimming("#").trimmingWhitespace())
        let text = dropListNumber(Substring(asciiDigits(String(plain))))
        var sure = text == plain
        guard let first = text.utf8.first, first >= 0x80 || first == 0x5B || first == 0x28 else { return nil }
        if !text.utf8HasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            guard text.utf8.count <= 90 else { return nil }
            if endsLikeDepartment(text) { return looksLikeDepartment(String(text)) ? (String(text), sure) : nil }
            // (`## 某县农业农村局（本级）`: the bracket after the name is a unit's mark.)
            let bracket = IndicatorVocabulary.trailingBracket(String(text)).flatMap { $0.inside.count <= 6 ? $0.head : nil }
            let name = bracket ?? text
            let found = endsLikeDepartment(name) ? (looksLikeDepartment(String(name)) ? String(name) : nil) : departmentBeforeTitleWords(text)
            return found.map { ($0, false) }
        }
        let bare = Departments.stripCode(String(text))
        if let department = issuer(inTitle: bare) {
            // (A bracket between the name and the year was taken off: `某县农业农村局（2025年度）`.)
            if let y = bare.firstIndex(where: { $0.isASCII && $0.isNumber }), String(bare[..<y]).trimming("#") != department { sure = false }
            return looksLikeDepartment(department) ? (department, sure) : nil
        }
        return bare.scalarCount <= 30 && looksLikeDepartment(bare) ? (bare, sure) : nil
    }

    /// Full-width digits (`２０２５年`) as ASCII ones; other text as it is (told on the bytes:
    /// `０`–`９` are EF BC 90–99).
    private static func asciiDigits(_ text: String) -> String {
        let hasWide = text.withUTF8Bytes { b in
            b.count >= 3 && (0..<(b.count - 2)).contains { b[$0] == 0xEF && b[$0 + 1] == 0xBC && b[$0 + 2] >= 0x90 && b[$0 + 2] <= 0x99 }
        }
        guard hasWide else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            out.append((0xFF10...0xFF19).contains(c.value) ? Unicode.Scalar(c.value - 0xFF10 + 0x30)! : c)
        }
        return String(out)
    }

    /// `1.`, `1、`, `126001 `, `（一）`, `一、` at a heading's start, and the spaces after it.
    /// How a heading is numbered (`一、` and `二、` alike, `（一）` another way, `1.` another), or
    /// nil: a heading numbered like the one before it is its sibling, not its section.
    static func listNumberStyle(_ text: String) -> Int? {
        let s = Substring(text.trimming("# "))
        guard dropListNumber(s).count < s.count, let first = s.unicodeScalars.first else { return nil }
        if first == "（" || first == "(" { return 1 }
        if first.value >= 0x30 && first.value <= 0x39 { return 2 }
        if s.utf8HasPrefix("表") || s.utf8HasPrefix("附") { return 3 }
        return 0
    }

    /// A heading without its list number.
    static func withoutListNumber(_ text: String) -> String { String(dropListNumber(Substring(text.trimming("# ")))) }

    private static func dropListNumber(_ text: Substring) -> Substring {
        // (On scalars: every mark here is one.)
        let scalars = text.unicodeScalars
        func isNumeral(_ c: Unicode.Scalar) -> Bool { chineseNumerals.contains(c) }
        var rest = scalars[...]
        // `附件2：`, `附表3 `: an annex's number first; `表3　`, `表十二 `: a table's.
        if text.utf8HasPrefix("表"), let after = rest.dropFirst().first, (after.value >= 0x30 && after.value <= 0x39) || isNumeral(after) {
            // (`表3-1`: a table's number with its part.)
            rest = rest.dropFirst().drop { ($0.value >= 0x30 && $0.value <= 0x39) || isNumeral($0) || $0 == "-" || $0 == "—" }
            guard let mark = rest.first, annexMarks.contains(mark) || mark == "\u{3000}" else { return text }
            return text[rest.drop { annexMarks.contains($0) || $0 == "\u{3000}" }.startIndex...]
        }
        if text.utf8HasPrefix("附件") || text.utf8HasPrefix("附表") {
            rest = rest.dropFirst(2).drop { ($0.value >= 0x30 && $0.value <= 0x39) || isNumeral($0) || $0 == "-" || $0 == "—" }
            rest = rest.drop { annexMarks.contains($0) }
            return dropListNumber(text[rest.startIndex...])
        }
        guard let first = rest.first else { return text }
        if first.value >= 0x30 && first.value <= 0x39 {
            let digits = rest.prefix { $0.value >= 0x30 && $0.value <= 0x39 }.count
            rest = rest.dropFirst(digits)
            guard let mark = rest.first, listMarks.contains(mark) else { return text }
            // (Digits and a space are a code, `126001 某县…`, not a measure: `110 千伏…`, `10 kV…`.)
            if mark == " " || mark == "\u{3000}", digits < 5 { return text }
            rest = rest.dropFirst()
            // `3-6岁儿童…`, `2.5万亩…`, `3.5G…`: a range or a decimal, not a list number.
            if let next = rest.first, next.value >= 0x30 && next.value <= 0x39 { return text }
        } else if first == "（" || first == "(" {
            let inside = rest.dropFirst().prefix(while: isNumeral)
            guard !inside.isEmpty, let close = rest.dropFirst(1 + inside.count).first, close == "）" || close == ")" else { return text }
            rest = rest.dropFirst(2 + inside.count)
        } else {
            let numeral = rest.prefix(while: isNumeral)
            guard !numeral.isEmpty, numeral.count <= 3, rest.dropFirst(numeral.count).first == "、" else { return text }
            rest = rest.dropFirst(numeral.count + 1)
        }
        let name = rest.drop { $0 == " " || $0 == "\u{3000}" }
        return text[name.startIndex...]
    }

    private static let chineseNumerals = Set("一二三四五六七八九十".unicodeScalars)
    private static let listMarks = Set(".．、)） -－—_".unicodeScalars)
    private static let annexMarks = Set("：:、.． -－—".unicodeScalars)

    /// `某县农业农村局项目支出绩效目标表` (no year): the department before a form's title words.
    private static func departmentBeforeTitleWords(_ text: Substring) -> String? {
        // (On the bytes: most such titles are a project's, `…经费项目绩效目标表`.)
        let name: Substring? = text.withUTF8Bytes { bytes in
            let at = formTitleHeads.compactMap { head in head.withUTF8Bytes { ByteSearch.firstIndex(of: $0, in: bytes) } }.min()
            guard let at, at > 0 else { return nil }
            let end = text.utf8.index(text.utf8.startIndex, offsetBy: at)
            return text[..<end]
        }
        // (`某县农业农村局 项目支出绩效目标表`: the space before the title's words is no part of the name.)
        guard let name = name.map({ String($0).trimmingWhitespace() }), endsLikeDepartment(name), looksLikeDepartment(name) else { return nil }
        return name
    }

    /// What a form's title says after the department's name, where it has no year.
    private static let formTitleHeads = ["项目支出", "项目绩效", "部门整体", "部门预算", "部门项目", "整体支出", "绩效目标"]

    /// The body a title names before its year (`周口市城乡一体化示范区2023年度…` → `周口市城乡一体化
    /// 示范区`), if it reads like a department or a place.
    static func issuer(inTitle text: String) -> String? {
        // (After the code glued to the name: `[066]某县司法局2025年…`, `404-永济市…`.)
        let text = Departments.stripCode(text.trimming("#").trimmingWhitespace())
        guard let y = text.firstIndex(where: { $0.isASCII && $0.isNumber }), y > text.startIndex else { return nil }
        // (`某县农业农村局（2025年度）项目…`: the bracket round the year is not the name's.)
        let name = String(text[..<y]).trimming("#（([【 ")
        return looksLikeDepartment(name) || looksLikePlace(name) ? name : nil
    }

    /// The department a sentence starts with (`卢村乡人民政府根据行动方案明确职责:…` → `卢村乡人民政府`),
    /// or nil.
    static func leadingDepartment(in text: String) -> String? {
        let s = text.trimmingWhitespace()
        var end = s.startIndex
        var count = 0
        while end < s.endIndex, count < 30 {
            end = s.index(after: end)
            count += 1
            guard count >= 3 else { continue }
            let prefix = String(s[..<end])
            if looksLikeDepartment(prefix), !["部", "会", "处", "所", "站"].contains(where: { prefix.utf8HasSuffix($0) }) { return prefix }
        }
        return nil
    }

    /// Whether a line names a place that governs (`卢村乡`, `周口市城乡一体化示范区`): a town, a
    /// district, a county or a city.
    /// A place that issues a form (`东莞市`, `锡林郭勒盟正蓝旗`): not the scope of a project
    /// (`全区`, `全市`, `本县`, `各县区`).
    private static func isIssuerPlace(_ text: String) -> Bool {
        guard let first = text.first, !"全本各该".contains(first) else { return false }
        return looksLikePlace(text)
    }

    static func looksLikePlace(_ text: String) -> Bool {
        let s = text.trimmingWhitespace()
        guard s.scalarCount >= 2, s.scalarCount <= 20, !s.contains(where: { $0 == ":" || $0 == "：" || $0 == " " || ($0.isASCII && $0.isNumber) }) else { return false }
        return ["乡", "镇", "街道", "县", "区", "市", "旗", "盟", "州"].contains { s.utf8HasSuffix($0) }
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
        let trimmed = raw.trimmingWhitespace()
        // Most names start with a Chinese character and end with one: no code to take out
        // (told on the bytes, without breaking the text into characters).
        if let first = trimmed.utf8.first, first >= 0x80, let last = trimmed.utf8.last, !(0x30...0x39).contains(last),
           !trimmed.utf8HasPrefix("【"), !trimmed.utf8HasPrefix("（") {
            return trimmed
        }
        var s = Substring(trimmed)
        for (open, close) in [("[", "]"), ("【", "】"), ("(", ")"), ("（", "）")] where s.hasPrefix(open) {
            if let end = s.firstIndex(of: Character(close)) {
                let inside = s[s.index(after: s.startIndex)..<end]
                // (`[126 ]`: a converter that wrapped the cell inside the code put a space there.)
                if inside.allSatisfy({ $0.isNumber || $0.isLetter && $0.isASCII || $0.isWhitespace }),
                   inside.isEmpty || inside.contains(where: { !$0.isWhitespace }) {
                    s = s[s.index(after: end)...]
                }
            }
        }
        // `404-永济市文化和旅游局`, `901001 某局`: a code and a dash or a space before the name.
        let code = s.prefix { $0.isASCII && ($0.isNumber || $0.isLetter) }
        if !code.isEmpty, code.contains(where: \.isNumber) {
            let rest = s[code.endIndex...]
            if let mark = rest.first, "-－—_ ".contains(mark) {
                let name = rest.drop { "-－—_ ".contains($0) }
                if name.first.map({ !$0.isASCII }) == true { s = name }
            }
        }
        // `湘潭市城市管理和综合执法局 308001`: the code after the name, past a space.
        if let space = s.lastIndex(where: \.isWhitespace), s[s.index(after: space)...].count >= 3,
           s[s.index(after: space)...].allSatisfy({ $0.isASCII && $0.isNumber }), s[..<space].contains(where: { !$0.isASCII }) {
            s = s[..<space]
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
