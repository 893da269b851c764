// Markdown's literal text: CommonMark backslash escapes as the converters write them, and
// pandoc's Markdown read back as pandoc's reader does.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct EscapesTests {
    /// The escapes pandoc, mammoth and markitdown put in paragraphs and cells.
    @Test func commonMarkEscapesAreRemoved() {
        let cases = [
            (#"1\. 就业补助资金县级配套项目"#, "1. 就业补助资金县级配套项目"),
            (#"\(1\) 项目概述"#, "(1) 项目概述"),
            (#"\[061\]旌德县人力资源和社会保障局"#, "[061]旌德县人力资源和社会保障局"),
            (#"155\.00"#, "155.00"),
            (#"20240101\-20241231"#, "20240101-20241231"),
            (#"80人\*2000"#, "80人*2000"),
            (#"2024\_就业见习服务"#, "2024_就业见习服务"),
            (#"<b>89\.5万元</b>"#, "<b>89.5万元</b>"),
            (#"\>=60% \<=4% \<b\>主管部门\</b\>"#, ">=60% <=4% <b>主管部门</b>"),
            (#"$\\geq 95\\%$"#, #"$\geq 95\%$"#),
            (#"a \\ b"#, #"a \ b"#),
        ]
        for (written, meant) in cases {
            #expect(Escapes.commonMark(written) == meant)
        }
    }

    @Test func onlyASCIIPunctuationIsEscapable() {
        #expect(Escapes.commonMark(#"\a \中 \（ C:\path"#) == #"\a \中 \（ C:\path"#)
        #expect(Escapes.commonMark(#"ends with \"#) == #"ends with \"#)
        #expect(Escapes.commonMark("—— -- ... \"q\"") == "—— -- ... \"q\"")  // no smart punctuation
        #expect(Escapes.commonMark("") == "")
    }

    @Test func codeSpansKeepTheirBackslashes() {
        #expect(Escapes.commonMark(#"`\*` and \*"#) == #"`\*` and *"#)
        #expect(Escapes.commonMark(#"``a ` \* b`` \*"#) == #"``a ` \* b`` *"#)
        // An escaped backtick opens no code span; an unmatched run is text.
        #expect(Escapes.commonMark(#"\`\*\`"#) == "`*`")
        #expect(Escapes.commonMark(#"`\* \*"#) == "`* *")
        #expect(Escapes.commonMark(#"\``\*`"#) == #"``\*`"#)
    }

    /// pandoc's Markdown writer turns — into `---`, “” into `"`: its reader's smart punctuation
    /// turns them back.
    @Test func pandocDashesAndQuotes() {
        let cases = [
            ("---", "—"),
            ("--", "–"),
            ("------------", "————"),
            ("-----", "—–"),
            ("----", "—-"),
            ("2020年1月--2020年11月", "2020年1月–2020年11月"),
            ("命名为\"就业援助员\"）试点", "命名为“就业援助员”）试点"),
            ("\"a 'b' c\"", "“a ‘b’ c”"),
            ("it's", "it’s"),
            ("'quoted' text", "‘quoted’ text"),
            ("'90s", "’90s"),
            ("rock'n'roll", "rock’n’roll"),
            ("\"unclosed", "“unclosed"),
            ("a \" b", "a ” b"),
            ("wait...", "wait…"),
            ("a - b", "a - b"),
        ]
        for (written, meant) in cases {
            #expect(Escapes.pandoc(written) == meant, "\(written)")
        }
    }

    @Test func pandocEscapesAreLiteral() {
        #expect(Escapes.pandoc(#"\<ol style=\"list-style-type: none\"\>"#) == #"<ol style="list-style-type: none">"#)
        #expect(Escapes.pandoc(#"\$\\geq 95\\%\$"#) == #"$\geq 95\%$"#)
        #expect(Escapes.pandoc(#"\-\- \.\.\. \'"#) == "-- ... '")
        #expect(Escapes.pandoc(#"a\ b"#) == "a\u{00A0}b")  // pandoc's no-break space
        #expect(Escapes.pandoc(#"\（注\）"#) == "（注）")  // any symbol is escapable in pandoc
        #expect(Escapes.pandoc(#"\a"#) == #"\a"#)
        #expect(Escapes.pandoc("`a--b` a--b") == "`a--b` a–b")
        #expect(Escapes.read("1\\. \"x\"", .commonMark) == "1. \"x\"")
        #expect(Escapes.read("1\\. \"x\"", .pandoc) == "1. “x”")
    }

    @Test func hostileTextStaysLinear() {
        let start = Date()
        let n = 200_000
        #expect(Escapes.pandoc(String(repeating: "\"", count: n)).count == n)
        #expect(Escapes.pandoc(String(repeating: "'a ", count: n)).count == 3 * n)
        #expect(Escapes.commonMark(String(repeating: "\\", count: n)).count == n / 2)
        // Backtick runs of every length up to 600, none closed: each is text.
        let runs = (1...600).map { String(repeating: "`", count: $0) }.joined(separator: "\\*")
        #expect(Escapes.commonMark(runs).count == runs.count - 599)
        #expect(Escapes.pandoc(String(repeating: "`x", count: n)).count == 2 * n)
        #expect(Escapes.pandoc(String(repeating: "-", count: n)).count == n / 3 + (n % 3 == 2 ? 1 : n % 3))
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
