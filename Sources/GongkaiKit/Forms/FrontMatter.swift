// Front matter: YAML between `---` lines at the top of a document, where a publisher says where
// the document was published (`source_url`) and when (`date`).

import Yams

/// Reads a document's front matter and takes it out of the text the form readers see.
enum FrontMatter {
    /// Keys that give the address the document was published at.
    static let urlKeys: Set<String> = ["source_url", "sourceURL", "source", "url"]
    /// Keys that give its publication date.
    static let dateKeys: Set<String> = ["date", "published", "publishDate", "publish_date"]
    /// The closing fence is looked for in this many bytes: a form that starts with a rule is
    /// not read as YAML to its end.
    static let limit = 64 << 10

    /// `bytes` with a front matter block (`---` on the first line, a YAML mapping, then `---` or
    /// `...` on a line of its own) left as empty lines, so that every line keeps its number;
    /// what it says goes into `doc`. Bytes without such a block are returned as they are.
    static func read(_ bytes: [UInt8], into doc: inout DocumentResult) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = lineEnd(bytes, from: start), isFence(bytes[start..<first], closing: false) else { return bytes }
        // The closing fence: the first `---` or `...` line after the opening one.
        var lineStart = first + 1
        var close: (start: Int, end: Int)?
        while lineStart < bytes.count && lineStart - start < limit {
            let end = lineEnd(bytes, from: lineStart) ?? bytes.count
            if isFence(bytes[lineStart..<end], closing: true) {
                close = (lineStart, end)
                break
            }
            lineStart = end + 1
        }
        guard let close else { return bytes }
        let yaml = String(decoding: bytes[(first + 1)..<close.start], as: UTF8.self)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            doc.diagnose(.warning, line: 1, code: "front-matter-invalid",
                         "文档开头 --- 之间的内容不是有效的 YAML，已作为表格正文读取",
                         en: "the lines between --- at the top are not valid YAML; read as part of the form")
            return bytes
        }
        guard let mapping = node?.mapping else {
            if node != nil {
                doc.diagnose(.warning, line: 1, code: "front-matter-invalid",
                             "文档开头 --- 之间的内容不是“键: 值”形式，已作为表格正文读取",
                             en: "the lines between --- at the top are not key: value pairs; read as part of the form")
                return bytes
            }
            return blanked(bytes, start: start, through: close.end)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            // Yams counts lines from 1 within the YAML, which starts on the document's line 2.
            let line = (keyNode.mark?.line ?? 1) + 1
            if urlKeys.contains(key) {
                if let text = value.string, let url = SourceURL.validate(text) {
                    doc.sourceURL = url
                } else {
                    doc.diagnose(.warning, line: line, code: "source-url-invalid",
                                 "‘\(key)’ 不是以 http:// 或 https:// 开头的完整网址，未作为原文链接",
                                 en: "‘\(key)’ is not an absolute http:// or https:// address; not linked")
                }
            } else if dateKeys.contains(key) {
                if let text = value.string, let date = PublicationDate.normalize(text) {
                    doc.date = date
                } else {
                    doc.diagnose(.warning, line: line, code: "date-invalid",
                                 "‘\(key)’ 不是日期（应写作 2024-02-01 或 2024年2月1日），未显示发布日期",
                                 en: "‘\(key)’ is not a date (write 2024-02-01 or 2024年2月1日); no publication date shown")
                }
            } else {
                doc.diagnose(.note, line: line, code: "front-matter-ignored",
                             "文档开头的设置 ‘\(key)’ 不是 gongkai 使用的项（source_url、date），已忽略",
                             en: "front matter key ‘\(key)’ is not one gongkai uses (source_url, date); ignored")
            }
        }
        return blanked(bytes, start: start, through: close.end)
    }

    /// The bytes with everything from `start` to `end` (the closing fence's line end) replaced
    /// by the line breaks it had.
    private static func blanked(_ bytes: [UInt8], start: Int, through end: Int) -> [UInt8] {
        var out = Array(bytes[..<start])
        out.reserveCapacity(bytes.count)
        for b in bytes[start..<end] where b == 0x0A { out.append(0x0A) }
        out.append(contentsOf: bytes[end...])
        return out
    }

    /// The index of the line feed ending the line that starts at `from`, or nil at the end.
    private static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    /// `---` (or, closing, also `...`) with nothing after it but spaces and a carriage return.
    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var body = line
        while let last = body.last, last == 0x20 || last == 0x0D || last == 0x09 { body = body.dropLast() }
        return body.elementsEqual([0x2D, 0x2D, 0x2D]) || (closing && body.elementsEqual([0x2E, 0x2E, 0x2E]))
    }
}
