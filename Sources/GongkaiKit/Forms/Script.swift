// Forms in traditional script: a mirror or a site's 繁體 version of a mainland form.

import Foundation

/// Tells a text in traditional script and gives it in simplified, the script the form was made
/// in and every label of the vocabulary is written in.
enum Script {
    /// Whether the bytes hold 項 (E9 A0 85, of 项目) or 績 (E7 B8 BE, of 绩效), characters of form
    /// words that simplified text never has: a text without either is not looked at again. One
    /// pass over the first bytes (a search for one of their bytes stops at nearly every Chinese
    /// character).
    static func hasMarker(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard b.count >= 3 else { return false }
            var i = 0
            // A traditional page writes them in its title and first labels: its first 16 KB are
            // looked at.
            let end = min(b.count, 16384) - 2
            while i < end {
                let c = b[i]
                if c == 0xE9 ? (b[i + 1] == 0xA0 && b[i + 2] == 0x85) : c == 0xE7 && b[i + 1] == 0xB8 && b[i + 2] == 0xBE { return true }
                i += 1
            }
            return false
        }
    }

    /// Characters ICU's Hant-Hans changes that simplified text writes as they are: 乾 of place
    /// names (乾县, 乾安), 瞭 of 瞭望, 著 of 显著.
    private static let kept: Set<Unicode.Scalar> = ["乾", "瞭", "著"]

    /// The text in simplified script, when it is written in traditional: a marker is in it and at
    /// least 15% of its Chinese characters change (a simplified text quoting a traditional name
    /// changes far fewer). ICU's Hant-Hans transform maps characters one for one, so lines and
    /// cells stay where they were; the characters simplified also writes (`kept`) are left as
    /// they are. Nil for any other text.
    static func simplified(_ bytes: [UInt8]) -> (bytes: [UInt8], changed: Int, firstLine: Int)? {
        guard hasMarker(bytes) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let converted = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) else { return nil }
        let before = Array(text.unicodeScalars), after = Array(converted.unicodeScalars)
        // One for one: anything else is not trusted (cells and lines could move).
        guard before.count == after.count else { return nil }
        var out = String.UnicodeScalarView()
        var changed = 0, chinese = 0
        var first: Int?
        var line = 1
        for (a, b) in zip(before, after) {
            if a == "\n" { line += 1 }
            if (0x4E00...0x9FFF).contains(a.value) { chinese += 1 }
            if a != b, !kept.contains(a) {
                changed += 1
                if first == nil { first = line }
                out.append(b)
            } else {
                out.append(a)
            }
        }
        guard changed >= 5, changed * 100 >= chinese * 15, let first else { return nil }
        return (Array(String(out).utf8), changed, first)
    }

    /// Tone-marked vowels of pinyin (ā á ǎ à …, ü and its tones), as their UTF-8 bytes.
    private static let toneVowels: Set<[UInt8]> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars.map { Array(String($0).utf8) })

    /// The text without the pinyin a mirror writes after characters (`項(xiàng)目`,
    /// `績效目標(biāo)表`): a bracket right after a Chinese character holding one syllable of
    /// lowercase letters with a tone mark, three of them or more. Nil otherwise: no word of any
    /// other language has tone marks, and a form's own gloss of a rare character (`畲(shē)族`)
    /// is one or two.
    static func withoutPinyin(_ bytes: [UInt8]) -> (bytes: [UInt8], removed: Int, firstLine: Int)? {
        var out: [UInt8] = []
        var removed = 0
        var first: Int?
        var copied = 0
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            while i < n {
                guard let hit = memchr(base + i, 0x28, n - i) else { break }
                let open = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                i = open + 1
                // After a Chinese character (three bytes, lead byte E3–E9).
                guard open >= 3, (0xE3...0xE9).contains(b[open - 3]) else { continue }
                var k = open + 1
                var letters = 0
                var toned = false
                while k < n, k - open <= 16 {
                    let c = b[k]
                    if c >= 0x61 && c <= 0x7A { letters += 1; k += 1; continue }
                    if c >= 0xC3 && c <= 0xC7, k + 1 < n, toneVowels.contains([c, b[k + 1]]) { letters += 1; toned = true; k += 2; continue }
                    break
                }
                guard toned, letters >= 1, letters <= 6, k < n, b[k] == 0x29 else { continue }
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: b[copied..<open])
                copied = k + 1
                removed += 1
                if first == nil { first = 1 + b[..<open].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
                i = k + 1
            }
            if removed > 0 { out.append(contentsOf: b[copied..<n]) }
        }
        // A mirror glosses dozens of characters; a form may gloss a rare one itself (`畲(shē)族`).
        guard removed >= 3, let first else { return nil }
        return (out, removed, first)
    }
}
