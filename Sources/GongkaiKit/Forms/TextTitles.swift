// Form titles standing inside a line of text: PDF text and document-sharing sites run a
// whole form (or two) into one line.

/// Finds the titles of forms and allocation lists inside a line (`省级部门预算项目支出绩效目标表
/// (2023年度)一级项目名称…`, `附件 2 残疾人事业发展补助资金区域绩效目标表 ( 2019 年度) 专项名称 …`),
/// so that each part of the line is read as what it is.
enum TextTitles {
    enum Piece: Equatable {
        case title(String)
        case text(String)
    }

    /// What precedes `表` at the end of a title.
    private static let endings = ["绩效目标", "申报", "申报明细", "安排", "分配", "分配明细", "汇总", "一览"]
    /// Words a title is made of when nothing else marks where it starts (`省级部门预算项目支出`).
    private static let titleWords = [
        "省级", "市级", "县级", "区级", "部门", "预算", "项目", "支出", "整体", "财政", "区域", "专项", "中央", "转移支付", "年度",
    ]

    /// The line cut into titles and the text between them; nil when it holds no title, or
    /// is one title and nothing else.
    static func pieces(of text: String) -> [Piece]? {
        let chars = Array(text)
        var pieces: [Piece] = []
        var from = 0
        var k = 0
        while k < chars.count {
            guard chars[k] == "表", let title = titleRange(chars, end: k, from: from) else {
                k += 1
                continue
            }
            let before = String(chars[from..<title.range.lowerBound]).trimmingWhitespace()
            if !before.isEmpty { pieces.append(.text(before)) }
            pieces.append(.title(String(chars[title.range.lowerBound..<title.yearStart]).trimmingWhitespace()))
            // A year right after the title (`…绩效目标表2023年度`) is a line of its own.
            let year = String(chars[title.yearStart..<title.range.upperBound]).trimmingWhitespace()
            if !year.isEmpty { pieces.append(.text(year)) }
            from = title.range.upperBound
            k = from
        }
        guard !pieces.isEmpty else { return nil }
        let rest = String(chars[from...]).trimmingWhitespace()
        if !rest.isEmpty { pieces.append(.text(rest)) }
        if pieces.count == 1 { return nil }
        return pieces
    }

    /// The title that ends with the `表` at `end`, with a bracketed note or year after it.
    private static func titleRange(_ c: [Character], end: Int, from: Int) -> (range: Range<Int>, yearStart: Int)? {
        guard let (range, year) = titleBounds(c, end: end, from: from) else { return nil }
        return (range, year ?? range.upperBound)
    }

    private static func titleBounds(_ c: [Character], end: Int, from: Int) -> (Range<Int>, Int?)? {
        guard let ending = endings.first(where: { w in
            end >= w.count && String(c[(end - w.count)..<end]) == w
        }) else { return nil }
        let matchStart = end - ending.count
        var stop = end + 1
        var yearStart: Int?
        // Not a title but a document's name in a sentence: `《…绩效目标表》`, `…表的通知`.
        if stop < c.count, c[stop] == "》" || c[stop] == "的" { return nil }
        // A bracketed note or a year after it: `(2023年度)`, `( 2019 年度)`, `2023年度`, `(任务清单)`.
        var j = stop
        while j < c.count, c[j] == " " { j += 1 }
        if j < c.count, c[j] == "(" || c[j] == "（" {
            if let close = c[j...].prefix(18).firstIndex(where: { $0 == ")" || $0 == "）" }) {
                stop = close + 1
            }
        } else if let year = yearAt(c, j) {
            stop = year
            yearStart = j
        }
        // Where it starts: a year before it (`2023年省级…`), the last space or stop before it
        // when that is near, else the words titles are made of.
        var boundary = from
        var b = matchStart - 1
        while b >= from {
            if c[b].isWhitespace || "。;；:：,，》".contains(c[b]) {
                boundary = b + 1
                break
            }
            b -= 1
        }
        if let year = lastYearStart(c, from: boundary, to: matchStart) {
            return (year..<stop, yearStart)
        }
        if matchStart - boundary <= 30 {
            var start = boundary
            // `2021 年度…申报表`: a year a space before the title is its.
            var y = boundary - 1
            while y >= from, c[y].isWhitespace { y -= 1 }
            if y - 3 >= from, c[(y - 3)...y].allSatisfy({ $0.isASCII && $0.isNumber }), y - 4 < from || !c[y - 4].isNumber,
               let year = Int(String(c[(y - 3)...y])), (1990...2099).contains(year), c[boundary] == "年"
            {
                return ((y - 3)..<stop, yearStart)
            }
            // `附件 2`, `附件2:`, `1.` before the title are not part of it.
            if c.count > start + 1, c[start] == "附", c[start + 1] == "件" { start += 2 }
            while start < matchStart, c[start].isNumber || " .、:：".contains(c[start]) { start += 1 }
            return (start..<stop, yearStart)
        }
        var start = matchStart
        outer: while start > boundary {
            for w in titleWords where start - w.count >= boundary && String(c[(start - w.count)..<start]) == w {
                start -= w.count
                continue outer
            }
            break
        }
        return (start..<stop, yearStart)
    }

    /// The end of a year written `2023年度` or `2023年` at `i`.
    private static func yearAt(_ c: [Character], _ i: Int) -> Int? {
        guard i + 4 < c.count, c[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }), c[i + 4] == "年",
              let y = Int(String(c[i..<i + 4])), (1990...2099).contains(y) else { return nil }
        return i + 5 < c.count && c[i + 5] == "度" ? i + 6 : i + 5
    }

    /// Where the last year (`2023年`) in `from..<to` starts (its four digits, whatever digits
    /// come before them: `附件22023年`).
    private static func lastYearStart(_ c: [Character], from: Int, to: Int) -> Int? {
        var i = to - 1
        while i - 4 >= from {
            if c[i] == "年", yearAt(c, i - 4) != nil { return i - 4 }
            i -= 1
        }
        return nil
    }
}
