// The eight-bytes-at-a-time scan that lets HTML escaping and CSV quoting copy plain text whole
// finds each byte it looks for at every position, next to multi-byte characters, and nothing else.

import Testing
@testable import GongkaiKit

@Suite struct ByteScanTests {
    private func scan(_ bytes: [UInt8], _ t: (UInt8, UInt8, UInt8, UInt8, UInt8)) -> Bool {
        bytes.withUnsafeBufferPointer { ByteScan.containsAny($0, t.0, t.1, t.2, t.3, t.4) }
    }

    @Test func findsEachByteAtEveryPosition() {
        // Chinese text (bytes >= 0x80) around the byte, in words and in the tail after them.
        let plain = Array("预算绩效目标表，年度指标值≥95%".utf8)  // "，" is U+FF0C, not a comma
        let html: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x26, 0x3C, 0x3E, 0x22, 0x27)
        #expect(!scan(plain, html))
        #expect(!scan(plain, (0x2C, 0x22, 0x0A, 0x0D, 0x0D)))
        #expect(!scan([], html))
        for target: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27] {
            for at in 0...plain.count {
                var bytes = plain
                bytes.insert(target, at: at)
                #expect(scan(bytes, html), "byte \(target) at \(at)")
            }
        }
        // Bytes next to the ones looked for (one more, one less) are not found.
        #expect(!scan(Array("%'=?;!#$".utf8) + plain, (0x26, 0x3C, 0x3E, 0x22, 0x28)))
        #expect(!scan([UInt8](repeating: 0xFF, count: 17) + [0x01, 0x7F], html))
    }

    @Test func escapingAndQuotingAgreeWithTheByteRules() {
        let text = "项目（第一期）<b>\"A&B\"</b> 'x' 说明"
        #expect(HTML.escape(text) == "项目（第一期）&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39; 说明")
        #expect(HTML.escape("没有需要转义的字符，很长的一段中文文本") == "没有需要转义的字符，很长的一段中文文本")
        func csv(_ s: String) -> String {
            var out: [UInt8] = []
            CSVWriter.quote(s, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(csv("一个很长的中文字段，没有半角逗号") == "一个很长的中文字段，没有半角逗号")
        #expect(csv("一个很长的中文字段,有半角逗号") == "\"一个很长的中文字段,有半角逗号\"")
        #expect(csv("一个很长的中文字段\r\n换行") == "\"一个很长的中文字段\r\n换行\"")
        #expect(csv("说\"引号\"") == "\"说\"\"引号\"\"\"")
    }
}
