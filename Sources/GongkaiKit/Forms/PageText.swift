// The web page around a form: spam that mirrors inject, and the page's publisher line.

enum PageText {
    /// What spam removal took out of a document: each term with the line it stood on.
    struct Removal {
        var term: String
        var line: Int
    }

    /// The bytes without the spam of labels.yml's `spam:` (a term and a colon right after it),
    /// and what was removed. One pass per term (`memchr`-driven), and no copy when there is none.
    static func removingSpam(_ bytes: [UInt8], vocabulary: Vocabulary = .current) -> (bytes: [UInt8], removed: [Removal]) {
        var bytes = bytes
        var removed: [Removal] = []
        for term in vocabulary.spam {
            let pattern = Array(term.utf8)
            while let at = bytes.withUnsafeBufferPointer({ hay in
                pattern.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay) }
            }) {
                var end = at + pattern.count
                if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
                    end += 1
                } else if end + 2 < bytes.count, bytes[end] == 0xEF, bytes[end + 1] == 0xBC, bytes[end + 2] == 0x9A {
                    end += 3  // ：
                }
                let line = 1 + bytes[..<at].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                removed.append(Removal(term: term, line: line))
                bytes.removeSubrange(at..<end)
            }
        }
        return (bytes, removed)
    }

    /// The publisher a page's own line names (`发布时间:… 信息来源: 芜湖市卫生健康委阅读次数:`,
    /// `发布机构: 卢村乡 主题分类: 其他`): the value after 信息来源/发布机构/来源, up to the next
    /// field of the page. Nil when there is none or it names no body (`本网`).
    static func publisher(in line: String) -> String? {
        for label in ["信息来源", "发布机构", "来源"] {
            guard let r = line.range(of: label) else { continue }
            var rest = line[r.upperBound...]
            while let f = rest.first, f == ":" || f == "：" || f.isWhitespace { rest = rest.dropFirst() }
            // The value ends at whitespace or at the next field of the page.
            var value = rest.prefix { !$0.isWhitespace }
            for word in Vocabulary.current.pageText + ["阅读", "浏览", "点击", "字体", "发布", "主题分类", "文号"] {
                if let w = value.range(of: word.trimming(":")) { value = value[..<w.lowerBound] }
            }
            let name = String(value).trimming(":：【[")
            if Titles.looksLikeDepartment(name) || Titles.looksLikePlace(name) { return name }
        }
        return nil
    }
}
