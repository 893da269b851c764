// Small pieces: money, cell text, titles, department names, configuration, bytes to and from files.

import Foundation
import Testing
@testable import GongkaiKit

@Suite struct MoneyTests {
    @Test func parsesAndPrintsExactly() {
        #expect(Money(wan: "625.39")?.fen == 625_390_000)
        #expect(Money(wan: "10606.7522")?.wanString == "10606.7522")
        #expect(Money(wan: "9035")?.wanString == "9035.00")
        #expect(Money(wan: "１２３．４")?.wanString == "123.40")
        #expect(Money(wan: "1,234.5")?.wanString == "1234.50")
        #expect(Money(wan: "1.2345678") == nil)  // finer than a fen
        #expect(Money(wan: "12a") == nil)
        #expect(Money(yuan: "80405500") == Money(wan: "8040.55"))
        #expect(Money(yuan: "106000.5")?.yuanString == "106000.5")
    }

    @Test func sumsToTheFen() {
        let parts = ["155", "100", "111", "42", "60", "21", "8", "31.79", "22", "5", "5", "11", "53.6"].compactMap { Money(wan: $0) }
        #expect(parts.sum().wanString == "625.39")
        // What floating point gets wrong, fen do not.
        #expect(([Money(wan: "0.1")!, Money(wan: "0.2")!]).sum() == Money(wan: "0.3"))
    }

    @Test func amountsWithUnits() {
        #expect(Amounts.wan("666万元")?.wanString == "666.00")
        #expect(Amounts.wan(" 155 万元")?.wanString == "155.00")
        #expect(Amounts.wan("210000元")?.wanString == "21.00")
        #expect(Amounts.wan("1.2亿元")?.wanString == "12000.00")
        #expect(Amounts.wan("4000") == Money(wan: "4000"))
        #expect(Amounts.wan("") == nil)
        #expect(Amounts.wan("按实核算") == nil)
        #expect(Amounts.yuan("0")?.fen == 0)
    }
}

@Suite struct CellTextTests {
    @Test func latexBecomesText() {
        #expect(CellText.clean("$\\geq 95\\%$") == "≥95%")
        #expect(CellText.clean("$\\leq 60$ 万元") == "≤60 万元")
        #expect(CellText.clean("\\geq 90\\%") == "≥ 90%")
    }

    @Test func formattingTagsGoAndOtherMarkupStaysAsText() {
        #expect(CellText.clean("<b>主管部门</b>") == "主管部门")
        #expect(CellText.structured("<p>第一段</p><p>第二段</p>") == "第一段\n\n第二段")
        #expect(CellText.clean("<script>alert(1)</script>") == "<script>alert(1)</script>")
        #expect(CellText.clean("a &lt;b&gt; &amp; &#x2265;1&nbsp;") == "a <b> & ≥1")
        #expect(CellText.clean("　全角空格　") == "全角空格")
    }

    /// The byte fast path cleans every cell of every seed, and awkward whitespace and broken
    /// UTF-8, exactly as the `String` path does.
    @Test func bytePathAgreesWithStringPath() throws {
        var cells: [[UInt8]] = [
            Array("\u{3000} \t值\u{00A0}".utf8), Array("\u{FEFF}\u{200B}≥95%\u{3000}".utf8), [0xE3, 0x80], [0xE3, 0xE3, 0x80, 0x80],
            [0xC2], [0x80, 0x80, 0x20], [0x20, 0xC2, 0xA0, 0xFF, 0xC2, 0xA0], Array(" <b>甲</b> ".utf8), Array("$\\geq 1$".utf8), [],
        ]
        for path in Repo.seeds {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                cells += line.split(separator: 0x09, omittingEmptySubsequences: false).map(Array.init)
            }
        }
        #expect(cells.count > 1000)
        for cell in cells {
            let viaBytes = cell.withUnsafeBufferPointer { CellText.clean($0) }
            #expect(viaBytes == CellText.clean(String(decoding: cell, as: UTF8.self)), "\(cell)")
        }
    }

    /// A document's cells are made without validating their UTF-8 again: the same text as
    /// the validating path, and bytes that are not UTF-8 are repaired when the source is made.
    @Test func cellsOfAValidatedDocumentAreTheTextOfTheValidatingPath() throws {
        var rows = 0
        for path in Repo.seeds {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let source = SourceText(path: path, bytes: bytes)
            for n in 1...source.lineCount {
                let line = Array(source.bytes[source.lineRange(n)])
                let expected = line.split(separator: 0x09, omittingEmptySubsequences: false).map { cell in
                    Array(cell).withUnsafeBufferPointer { CellText.clean($0) }
                }
                #expect(source.row(n).cells == expected, "\(path):\(n)")
                rows += 1
            }
        }
        #expect(rows > 1000)
        let bad = SourceText(path: "x.md", bytes: [0x61, 0x09, 0xE3, 0x80, 0x09, 0xFF, 0x62, 0x0A, 0xC2])
        #expect(bad.row(1).cells == ["a", "\u{FFFD}", "\u{FFFD}b"])
        #expect(bad.text(2) == "\u{FFFD}")
        let text = "满意度 ≥95%\n年"
        #expect(Array(text.utf8).withUnsafeBufferPointer { String(validUTF8: $0) } == text)
    }
}

/// Narrative HTML written without cmark is the HTML cmark makes of the same text.
@Suite struct NarrativeTests {
    static let awkward = [
        "甲 <b>乙</b> & \"丙\" 'x' `code` *em* _u_ [link](javascript:alert(1)) \\ # 标题",
        "第一段\n\n\n第二段\n   \t  \n　第三段　", "a\tb  c", "1. 不是列表", "- 也不是", "> 引用", "    缩进",
        "目标：1、甲；2、乙。3、丙", "1、甲 2、乙", "增长1.5倍，2、3季度", "1.甲 2.乙 3．丙", "1、甲\n2、乙\n说明\n1、丙 2、丁",
        "1、甲 2、乙\n1、丙 2、丁", "1、 2、乙", "甲\r乙", "甲\u{0}乙", "&amp; &#60; &lt;script&gt;", "≥95% <=3 >=2",
        "", "\n", "\u{3000}\u{00A0}", "***", "===\n---", "1) 甲 2) 乙", "１、全角 ２、数字",
    ]

    @Test func directHTMLIsWhatCmarkMakes() {
        var texts = Self.awkward
        for dy in Seeds.site.departmentYears { for p in dy.projects { texts += p.sections.map(\.text) } }
        var direct = 0
        for text in texts {
            if let html = Narrative.direct(text) {
                direct += 1
                #expect(html == Narrative.reference(text), "\(text)")
            }
            #expect(Narrative.html(text) == Narrative.reference(text), "\(text)")
        }
        // The seeds' texts all take the direct path; only the awkward ones go to cmark.
        #expect(texts.count > Self.awkward.count + 20)
        #expect(direct >= texts.count - 5)
        #expect(Narrative.direct("1、甲 2、乙\n1、丙 2、丁") == nil)
        #expect(Narrative.direct("甲\r乙") == nil)
        #expect(Narrative.direct("目标：1、甲；2、乙。") == "<p>目标：</p>\n<ol>\n<li>甲；</li>\n<li>乙。</li>\n</ol>\n")
    }
}

@Suite struct TitleTests {
    @Test func years() {
        #expect(Titles.year(in: "2021年度人社专职协理员工作经费绩效目标申报表") == 2021)
        #expect(Titles.year(in: "(2024年度)") == 2024)
        #expect(Titles.year(in: "2024 年部门项目及绩效目标情况") == 2024)
        #expect(Titles.year(in: "项目编码 320281223230023000001") == nil)
        #expect(Titles.year(in: "12024年") == nil)
    }

    @Test func projectNames() {
        #expect(Titles.projectName(inApplicationTitle: "## 2021年度人社局专项资金绩效目标申报表") == "人社局专项资金")
        #expect(Titles.projectName(inTargetTableTitle: "被征地农民社会保障费项目绩效目标表") == "被征地农民社会保障费")
        #expect(Titles.projectName(inTargetTableTitle: "机关事业养老保险财政补贴项目绩效目标表") == "机关事业养老保险财政补贴")
    }
}

@Suite struct DepartmentTests {
    @Test func spellingsOfOneDepartmentShareAKey() {
        let d = Departments()
        let key = d.key("江阴市人力资源和社会保障局")
        #expect(d.key("江阴市人社局") == key)
        #expect(d.key("江阴市人力资源和社会保障局（机关）") == key)
        #expect(d.key("[061]旌德县人力资源和社会保障局") == "旌德县人力资源和社会保障局")
        #expect(d.key("高新区人社局") == "高新区人力资源和社会保障局")
        #expect(d.key("江阴市财政局") != key)
    }

    @Test func aliasesFromTheConfiguration() throws {
        let config = try SiteConfig.parse("""
            title: 测试
            departments:
              江阴市人力资源和社会保障局: [澄人社, 江阴人社]
            """, path: "gongkai.yml")
        let d = config.departments
        #expect(d.key("澄人社") == d.key("江阴市人社局"))
        #expect(config.title == "测试")
    }

    @Test func configurationErrorsNameTheLine() {
        #expect(throws: SiteConfig.Error.invalid(path: "g.yml", line: 2, reason: Localized(
            zh: "未知的设置 ‘colour’（可用：title、baseURL、theme、language、departments、silence、params、labels、license、date、documents）",
            en: "unknown setting ‘colour’ (known: title, baseURL, theme, language, departments, silence, params, labels, license, date, documents)"))) {
            try SiteConfig.parse("title: x\ncolour: red\n", path: "g.yml")
        }
    }
}

@Suite struct ByteSearchTests {
    /// memchr + memcmp search against the obvious definition, on CJK text where candidates abound.
    @Test func findsTheFirstOccurrenceLikeANaiveSearch() throws {
        let text = Array(try String(contentsOfFile: Repo.xianDe, encoding: .utf8).utf8.prefix(6000))
        func naive(_ p: [UInt8], _ h: ArraySlice<UInt8>) -> Int? {
            guard p.count <= h.count else { return nil }
            return (0...(h.count - p.count)).first { h.dropFirst($0).starts(with: p) }
        }
        var generator = SystemRandomNumberGenerator()
        var checked = 0, found = 0
        for _ in 0..<400 {
            let start = Int.random(in: 0..<text.count - 40, using: &generator)
            let length = Int.random(in: 1...12, using: &generator)
            var pattern = Array(text[start..<start + length])
            if Bool.random(using: &generator) { pattern[pattern.count - 1] ^= 0x01 }  // often absent
            let hayStart = Int.random(in: 0..<text.count / 2, using: &generator)
            let hay = text[hayStart...]
            let got = hay.withUnsafeBufferPointer { h in pattern.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: h) } }
            #expect(got == naive(pattern, hay).map { $0 }, "\(pattern) from \(hayStart)")
            checked += 1
            if got != nil { found += 1 }
        }
        #expect(checked == 400 && found > 50)
        #expect([UInt8]().withUnsafeBufferPointer { p in text.withUnsafeBufferPointer { ByteSearch.firstIndex(of: p, in: $0) } } == 0)
        #expect("甲乙".utf8Contains("乙") && !"甲".utf8Contains("甲乙"))
    }

    /// Taking a pattern out of bytes gives what `replacing` it with nothing gives the text.
    @Test func removingAllIsReplacingWithNothing() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["项目", "项", "目", "支出", "#", "（", "甲"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let word = ["项目", "目项", "支出", "#", "甲甲"].randomElement(using: &generator)!
            let got = String(decoding: ByteSearch.removingAll(Array(word.utf8), from: Array(text.utf8)), as: UTF8.self)
            #expect(got == text.replacing(word, with: ""), "\(word) out of \(text)")
        }
        #expect(ByteSearch.removingAll([], from: Array("甲".utf8)) == Array("甲".utf8))
    }
}

@Suite struct EscapingTests {
    /// JSON's eight-bytes-at-a-time check against the byte-by-byte definition, at every offset.
    @Test func jsonNeedsEscapingAgreesWithTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("甲≥95% ab".utf8) + [0x22, 0x5C, 0x0A, 0x1F, 0x20, 0x7F, 0x80, 0xFF, 0x00, 0x21, 0x5B, 0x5D, 0x3C]
        var escaped = 0
        for length in 0..<40 {
            for _ in 0..<60 {
                var bytes = (0..<length).map { _ in Array("甲乙abc".utf8).randomElement(using: &generator)! }
                if length > 0 && Bool.random(using: &generator) {
                    bytes[Int.random(in: 0..<length, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
                let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                #expect(bytes.withUnsafeBufferPointer { JSON.needsEscaping($0) } == expected, "\(bytes)")
                if expected { escaped += 1 }
            }
        }
        #expect(escaped > 100)
    }

    /// Escaped strings read back as the same strings through Foundation's JSON parser.
    @Test func jsonStringsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["甲", "≥95%", "\"", "\\", "\n", "\r\n", "\t", "\u{1}", "\u{1F}", "a", " ", "/", "\u{7F}", "😀"]
        for _ in 0..<300 {
            let s = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var out: [UInt8] = []
            JSON.escape(s, into: &out)
            let back = try JSONDecoder().decode(String.self, from: Data(out))
            #expect(back == s)
        }
    }

    /// Path segments made on bytes are those made by Characters, for every name of the seeds
    /// and for awkward ones (long, cut inside a character, dashes, full-width punctuation).
    @Test func segmentsOnBytesAgreeWithSegmentsByCharacters() {
        var texts = ["", "-", "a/b", "项目。名称，", "  前后  ", "人社局（机关）", "１２３ＡＢＣ", "a--b..c", "末尾-", "\r\n行",
                     String(repeating: "就业补助资金", count: 12), String(repeating: "a就", count: 50) + "尾",
                     String(repeating: "x", count: 179) + "就业", "e\u{301}", "カ\u{3099}", "ｶﾞ"]
        for dy in Seeds.site.departmentYears {
            texts.append(dy.departmentKey)
            for p in dy.projects { texts += [p.name, p.code ?? ""] }
        }
        var fast = 0
        for text in texts {
            if let segment = Permalinks.simpleSegment(text) {
                fast += 1
                #expect(segment == Permalinks.stringSegment(text), "\(text)")
            }
            #expect(Permalinks.segment(text) == Permalinks.stringSegment(text), "\(text)")
        }
        #expect(fast >= texts.count - 4)
        #expect(Permalinks.simpleSegment("e\u{301}") == nil)
        #expect(Permalinks.simpleSegment("カ\u{3099}") == nil)
    }

    /// The fast NFC is Foundation's for every scalar of the ranges it trusts, for the seeds'
    /// names and paths, and for text it must hand to Foundation.
    @Test func nfcWithoutFoundationAgreesWithFoundation() {
        var texts = ["e\u{301}", "カ\u{3099}", "\u{1100}\u{1161}", "Å", "\u{212B}", "“十四五”规划", "人社局（机关）", "ｶﾞ", "a\u{0308}"]
        for dy in Seeds.site.departmentYears {
            texts.append(dy.department)
            for p in dy.projects { texts += [p.name, p.unit ?? "", p.location.file] }
        }
        var scalars = ""
        for v in UInt32(0)...0xFFFF where String.isNFCStable(v) {
            if let s = Unicode.Scalar(v) { scalars.unicodeScalars.append(s) }
        }
        texts.append(scalars)
        for text in texts { #expect(text.nfc.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8), "\(text)") }
        #expect("e\u{301}".nfc == "é" && "e\u{301}".nfc.utf8.count == 2)
    }


    /// The seal is kept as entries come and go; it is the sum of every entry's term, as a
    /// manifest read back from its bytes works it out.
    @Test func theSealKeptAsTheManifestGrowsIsTheSumOfItsEntries() throws {
        var m = OutputManifest()
        let paths = ["index.html", "高新区人力资源和社会保障局/2024/人才发展资金.html", "data/projects.csv", "search/docs/0.json"]
        for (i, path) in paths.enumerated() {
            let added = m.insert(ByteKey(path), .init(path: ByteKey(path), fingerprint: UInt64(i), hash: UInt64(100 + i)))
            #expect(added)
        }
        // Replaced, not added: the old term leaves the sum.
        let added = m.insert(ByteKey(paths[1]), .init(path: ByteKey(paths[1]), fingerprint: 7, hash: 999))
        #expect(!added)
        var sum: UInt64 = 0
        for (key, entry) in m.entries { sum &+= OutputManifest.sealTerm(key, hash: entry.hash) }
        #expect(m.seal == sum && m.entries.count == 4)
        m.forgetFingerprints()
        #expect(m.seal == sum && m.entries.values.allSatisfy { $0.fingerprint == 0 })
        let read = try OutputManifest.decode(m.encoded())
        #expect(read.seal == sum && read.entries == m.entries)
        // A path listed twice is a damaged manifest.
        var twice = BinaryWriter()
        twice.varint(2)
        for _ in 0..<2 { twice.string("index.html"); twice.varint(1); twice.varint(2) }
        #expect(throws: BinaryReader.Damaged.self) { try OutputManifest.decode(twice.bytes) }
    }

    @Test func documentExtensionsOnBytesAgreeWithFoundation() {
        var paths = [".md", "a/.md", "a.MD", "a.", "a/b.c/d", "x.tar.Md", "a/b", "中文.md", "a/b.md/", "a..md", "a.md.txt",
                     "a/..md", "/", "", ".", "..", "a.markdown", "A.MARKDOWN", "b.TxT", "c.m@", "d.md5", "e.mdx",
                     "MAR\u{212A}DOWN.MAR\u{212A}DOWN", "f.ｍｄ", "g.txt/", "h//", "目录.txt/文件.MD", "a.md\u{0}"]
        for dy in Seeds.site.departmentYears { paths += dy.files }
        for path in paths {
            let foundation = ContentLoader.documentExtensions.contains((path as NSString).pathExtension.lowercased())
            #expect(ContentLoader.isDocument(path) == foundation, "\(path)")
        }
        #expect(ContentLoader.isDocument("x/预算.md") && !ContentLoader.isDocument("x/预算.pdf"))
    }
    @Test func theRootOfAPageIsOneStepUpPerFolder() {
        let samples = ["", "/", "/a/", "/a/b/", "/a/b/c.html", "/江阴市人社局/2021/项目.html", "//a//", "a", "/404.html", "/a/b"]
        for path in samples {
            // What the byte count must agree with: segments as Swift splits them.
            var depth = path.split(separator: "/", omittingEmptySubsequences: true).count
            if !path.hasSuffix("/") { depth -= 1 }
            #expect(PageContext.root(of: path) == (depth <= 0 ? "./" : String(repeating: "../", count: depth)), "\(path)")
        }
        #expect(PageContext.root(of: "/江阴市人社局/2021/项目.html") == "../../")
        // Folders are where the file system sees them, at `/` bytes: a name starting with a
        // joiner does not hide the `/` before it (as a split into Characters did).
        #expect(PageContext.root(of: "/a/\u{200D}b.html") == "../")
    }

    @Test func permalinksKeepUnreservedBytesAndEncodeTheRest() {
        #expect(Permalinks.encode("旌德县/2024/a b.html") == "%E6%97%8C%E5%BE%B7%E5%8E%BF/2024/a%20b.html")
        #expect(Permalinks.encode("AZaz09-_.~/") == "AZaz09-_.~/")
        #expect(Permalinks.encode("") == "")
        #expect(Permalinks.encode("%?#&") == "%25%3F%23%26")
    }
}

@Suite struct WhitespaceTests {
    @Test func theFastWhiteSpaceTestAgreesWithUnicodeForEveryScalar() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if s.isUnicodeWhitespace != s.properties.isWhitespace { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
    }
}

@Suite struct ByteEqualityTests {
    @Test func utf8EqualsPrefixAndSuffixAgreeWithByteComparison() {
        let long = String(repeating: "就业补助资金县级配套", count: 5)
        let samples = ["", "a", "ab", "项目", "项目名称", long, long + "a", String(long.dropLast()) + "套",
                       "e\u{301}", "\u{E9}", String(repeating: "x", count: 15), String(repeating: "x", count: 16)]
        for a in samples {
            for b in samples {
                #expect(a.utf8Equals(b) == Array(a.utf8).elementsEqual(Array(b.utf8)), "\(a) vs \(b)")
                // Substrings (with their own offsets) too.
                let sub = ("前" + a + "后").dropFirst().dropLast()
                #expect(sub.utf8Equals(b) == Array(a.utf8).elementsEqual(Array(b.utf8)), "sub \(a) vs \(b)")
                #expect(a.utf8HasPrefix(b) == Array(a.utf8).starts(with: Array(b.utf8)), "\(a) prefix \(b)")
                #expect(sub.utf8HasPrefix(b) == Array(a.utf8).starts(with: Array(b.utf8)), "sub \(a) prefix \(b)")
                #expect(a.utf8HasSuffix(b) == Array(a.utf8).reversed().starts(with: Array(b.utf8).reversed()), "\(a) suffix \(b)")
                #expect(sub.utf8HasSuffix(b) == Array(a.utf8).reversed().starts(with: Array(b.utf8).reversed()), "sub \(a) suffix \(b)")
            }
        }
    }
}

/// The hash of streamed files (and of every file written) must not depend on how the stream
/// was cut into writes, and must tell apart what it is used to tell apart.
@Suite struct BuildIdentityTests {
    /// The executable's build ID is read from its ELF notes (what `readelf -n` shows), and
    /// anything that is not an ELF file with one has none.
    @Test func theBuildIDIsReadFromTheExecutable() throws {
        let id = try #require(BuildIdentity.buildID("/proc/self/exe"))
        #expect(id.count >= 16)
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        // (This process's executable by its own path: /proc/self/exe would be readelf's.)
        readelf.arguments = ["-n", URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path]
        let pipe = Pipe()
        readelf.standardOutput = pipe
        if (try? readelf.run()) != nil {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            readelf.waitUntilExit()
            let hex = id.map { String($0, radix: 16).leftPadded(2) }.joined()
            #expect(text.contains("Build ID: " + hex), "\(hex)")
        }
        #expect(BuildIdentity.buildID(Repo.xianDe) == nil)
        #expect(BuildIdentity.buildID("/nonexistent") == nil)
    }
}

@Suite struct StreamingHashTests {
    @Test func theHashDoesNotDependOnHowTheStreamIsCut() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = StreamingHash.of(bytes)
            for _ in 0..<20 {
                var h = StreamingHash()
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 0...70, using: &generator))
                    bytes.withUnsafeBytes { h.combine(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
                    start = end
                }
                #expect(h.value == whole, "length \(length)")
            }
        }
    }

    @Test func differentBytesAndLengthsHashDifferently() {
        var seen: [UInt64: [UInt8]] = [:]
        var inputs: [[UInt8]] = [[], [0], [0, 0], [UInt8](repeating: 0, count: 32), [UInt8](repeating: 0, count: 33)]
        for i in 0..<64 { var b = [UInt8](repeating: 0x41, count: 64); b[i] ^= 1; inputs.append(b) }
        for b in inputs {
            let h = StreamingHash.of(b)
            #expect(seen[h] == nil, "\(b) and \(seen[h] ?? []) collide")
            seen[h] = b
        }
    }
}


@Suite struct FileBytesTests {
    @Test func writeAllThenReadAllGiveTheSameBytes() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/bytes"
        // More than one pipe buffer's worth, and every byte value.
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        try #require(out >= 0)
        #expect(bytes.withUnsafeBytes { Files.writeAll(fd: out, bytes: $0) } == nil)
        #expect([UInt8]().withUnsafeBytes { Files.writeAll(fd: out, bytes: $0) } == nil)
        close(out)

        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        var back = [UInt8](repeating: 0, count: 1000)
        #expect(back.withUnsafeMutableBytes { Files.readAll(fd: fd, into: $0, at: 150_000) } == 1000)
        #expect(back == Array(bytes[150_000..<151_000]))
        // Past the end: what there is, and how much.
        #expect(back.withUnsafeMutableBytes { Files.readAll(fd: fd, into: $0, at: 199_600) } == 400)
        #expect(back[..<400] == bytes[199_600...])
        #expect(Files.read(fd, count: 200_000, at: 0) == bytes)
        #expect(Files.read(fd, count: 200_001, at: 0) == nil)
    }

    @Test func writeAllGivesTheFailureToTheCaller() throws {
        let dir = TemporaryDirectory()
        dir.write("readonly", "x")
        let fd = open(dir.path + "/readonly", O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(Array("abc".utf8).withUnsafeBytes { Files.writeAll(fd: fd, bytes: $0) } == EBADF)
        var into = [UInt8](repeating: 0, count: 4)
        #expect(into.withUnsafeMutableBytes { Files.readAll(fd: -1, into: $0, at: 0) } == 0)
    }
}
