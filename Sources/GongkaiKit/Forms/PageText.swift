// The web page around a form: spam that mirrors inject, and the page's publisher line.

enum PageText {
    /// What spam removal took out of a document: each term with the line it stood on.
    struct Removal {
        var term: String
        var line: Int
    }

    /// The bytes without the spam of labels.yml's `spam:` (a term and a colon right after it),
    /// and what was removed, term by term in the vocabulary's order.
    ///
    /// For each term the result is what removing its first occurrence, again and again until
    /// none is left, would give (a removal can join two pieces into a new occurrence, which goes
    /// too), but in one pass: the bytes are copied forward into the result, which never holds an
    /// occurrence, so after a removal only its last `term.count - 1` bytes, joined with what
    /// follows, can start one. Linear in the text for any number of occurrences.
    static func removingSpam(_ bytes: [UInt8], vocabulary: Vocabulary = .current) -> (bytes: [UInt8], removed: [Removal]) {
        var bytes = bytes
        var removed: [Removal] = []
        for term in vocabulary.spam {
            let pattern = Array(term.utf8)
            guard let first = bytes.withUnsafeBufferPointer({ hay in
                pattern.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay) }
            }) else { continue }  // no copy when there is none
            var out: [UInt8] = Array(bytes[..<first])
            out.reserveCapacity(bytes.count)
            var lines = 1 + out.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }  // the line the end of `out` is on
            /// Past a `:` or `：` right after a match that ends at `end`.
            func afterColon(_ end: Int) -> Int {
                if end < bytes.count, bytes[end] == UInt8(ascii: ":") { return end + 1 }
                if end + 2 < bytes.count, bytes[end] == 0xEF, bytes[end + 1] == 0xBC, bytes[end + 2] == 0x9A { return end + 3 }  // ：
                return end
            }
            var from = first  // the bytes before it are in `out`
            while let at = bytes.withUnsafeBufferPointer({ hay in
                pattern.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: hay[from...])) }
            }).map({ from + $0 }) {
                // The bytes up to the match go into the result; the match and a colon after it go.
                for b in bytes[from..<at] { out.append(b); if b == 0x0A { lines += 1 } }
                removed.append(Removal(term: term, line: lines))
                from = afterColon(at + pattern.count)
                // An occurrence joined across the cut: it starts in the result's last bytes.
                while let (start, rest) = joined(pattern, out, bytes, from) {
                    for b in out[start...] where b == 0x0A { lines -= 1 }
                    out.removeSubrange(start...)
                    removed.append(Removal(term: term, line: lines))
                    from = afterColon(from + rest)
                }
            }
            out.append(contentsOf: bytes[from...])
            bytes = out
        }
        return (bytes, removed)
    }

    /// The first occurrence of `pattern` in `out` + `bytes[from...]` that starts in `out`: where
    /// it starts in `out`, and how many of its bytes are in `bytes`. `out` holds no occurrence.
    private static func joined(_ pattern: [UInt8], _ out: [UInt8], _ bytes: [UInt8], _ from: Int) -> (Int, Int)? {
        let n = pattern.count
        for start in max(0, out.count - n + 1)..<out.count {
            let inOut = out.count - start  // 1 … n - 1
            let rest = n - inOut
            guard from + rest <= bytes.count else { continue }
            if out[start...].elementsEqual(pattern[..<inOut]), bytes[from..<(from + rest)].elementsEqual(pattern[inOut...]) {
                return (start, rest)
            }
        }
        return nil
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
