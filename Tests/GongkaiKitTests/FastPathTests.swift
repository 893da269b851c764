// The reader's byte-level shortcuts give what the plain definitions they replace give: looked for
// on random text made of the characters that matter (labels' own, spaces, brackets, colons,
// combining marks, ideographic space) and on the seed documents' lines.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct FastPathTests {
    private static let pieces = ["实际", "完成值", "得分", "自评", "年初预算数", "全年", "执行数", "偏差原因分析及改进措施", "未完成原因分析",
                                 "年", "值", "分", "数", " ", "　", ":", "：", "(", ")", "（", "）", "。", ".", ";", "；", "#",
                                 "a", "1", "\u{301}", "\t", "\n", "\r\n", "项目", "支出", "资金", "é", "指标", "【", "】", "[", "]"]

    private static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    private static func seedLines() throws -> [String] {
        try String(contentsOfFile: Repo.xianDe, encoding: .utf8).split(separator: "\n").flatMap { $0.split(separator: "\t") }.map(String.init)
    }

    /// Every needle found in one pass, as each looked for in turn finds it.
    @Test func needleSetFindsWhatEachNeedleFinds() throws {
        let needles = ["实际完成值", "全年实际值", "全年执行数", "年初预算数", "自评得分", "偏差原因分析及改进措施", "未完成原因分析", "a", ""]
        let set = NeedleSet(needles)
        var generator = SystemRandomNumberGenerator()
        var texts = try Self.seedLines()
        for _ in 0..<5000 { texts.append(Self.randomText(&generator)) }
        var found = 0
        for text in texts {
            let expected = needles.indices.filter { needles[$0].utf8.count >= 2 && text.utf8Contains(needles[$0]) }
            let got = set.found(in: text)
            #expect(got == expected, "\(text)")
            if !got.isEmpty { found += 1 }
        }
        #expect(found > 200)
        #expect(NeedleSet([]).found(in: "实际完成值").isEmpty)
    }

    /// The byte-level last character of a cell, before its colons and brackets, as the scalar walk
    /// from the end finds it.
    @Test func mayBeKindLabelAgreesWithTheScalarWalk() throws {
        let vocabulary = Vocabulary.current
        let endings = Set(vocabulary.kindLabels(.selfEvaluation).compactMap { LabelText.key($0).path.unicodeScalars.last?.value }
            + DocumentKind.allCasesForTests.flatMap { vocabulary.kindLabels($0) }.compactMap { LabelText.key($0).path.unicodeScalars.last?.value })
        func walk(_ text: String) -> Bool {
            var scalars = text.unicodeScalars.reversed().drop { $0 == ":" || $0 == "：" || $0 == ")" || $0 == "）" || $0 == " " }.makeIterator()
            guard let last = scalars.next() else { return false }
            return endings.contains(last.value) || (last.value < 0x80 && !endings.isEmpty)
        }
        var generator = SystemRandomNumberGenerator()
        var texts = try Self.seedLines()
        for _ in 0..<5000 { texts.append(Self.randomText(&generator)) }
        texts += ["得分：", "实际完成值（%）", "得分 ) ", "", " ", "：）", "分\u{301}", "😀", "é"]
        var yes = 0
        for text in texts {
            #expect(vocabulary.mayBeKindLabel(text) == walk(text), "\(text)")
            if walk(text) { yes += 1 }
        }
        #expect(yes > 100)
    }

    /// Trimming that keeps text whose ends are plain gives what the Character walk gives.
    @Test func trimmingAgreesWithTheCharacterWalk() throws {
        func walk(_ text: String, _ set: String) -> String {
            var s = Substring(text)
            while let f = s.first, set.contains(f) || f.isWhitespace { s = s.dropFirst() }
            while let l = s.last, set.contains(l) || l.isWhitespace { s = s.dropLast() }
            return String(s)
        }
        var generator = SystemRandomNumberGenerator()
        var texts = try Self.seedLines()
        for _ in 0..<5000 { texts.append(Self.randomText(&generator)) }
        var changed = 0
        for set in ["。.;；", "#()（） ", "# ", "", ":：【[", "()（）[]【】 ", "#", ":"] {
            for text in texts {
                let expected = walk(text, set)
                #expect(text.trimming(set) == expected, "\(text) / \(set)")
                if expected != text { changed += 1 }
            }
        }
        #expect(changed > 1000)
    }

    /// A title's name is kept unless it is generic words alone (what is left of it then is only
    /// `#()（） `), with or without the shortcut for names with a character of no generic word.
    @Test func projectNamesOfGenericWordsAloneAreNone() {
        #expect(Titles.projectName(inTitle: "项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "县级财政项目支出绩效目标表（2024年度）") == nil)
        // A year before generic words names no project either.
        #expect(Titles.projectName(inTitle: "2024年项目支出绩效目标表") == nil)
        #expect(Titles.projectName(inTitle: "就业补助资金项目支出绩效目标表") == "就业补助资金项目支出")
    }

    /// Generic words taken out of the bytes give what `replacing` them in the String gives, on
    /// names made of those words, their characters and marks.
    @Test func genericWordsTakenOutOfTheBytesAsReplacingDoes() {
        let words = ["项目支出", "部门项目", "市级", "省级", "县级", "区级", "财政", "项目", "支出", "预算", "部门", "年度", "整体", "绩效", "目标", "申报"]
        let pieces = words + ["项", "目", "支", "级", "#", "(", ")", "（", "）", " ", "就业", "度"]
        func old(_ name: String) -> Bool {
            var rest = name
            for word in words { rest = rest.replacingAll(word, with: "") }
            return rest.trimming("#()（） ").isEmpty
        }
        var generator = SystemRandomNumberGenerator()
        var generic = 0
        for _ in 0..<4000 {
            let name = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Titles.isNamed(name) == !old(name), "\(name)")
            if old(name) { generic += 1 }
        }
        #expect(generic > 100)
    }
}

extension DocumentKind {
    static let allCasesForTests: [DocumentKind] = [.selfEvaluation, .evaluationReport, .budgetExplanation, .blankTemplate, .notice, .monitoring, .targets]
}
