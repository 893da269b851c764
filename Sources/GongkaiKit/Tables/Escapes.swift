// Markdown text read back as its writer meant it: CommonMark's backslash escapes removed, and
// pandoc's Markdown (escapes and its "smart" ASCII punctuation) read the way pandoc reads it.

/// How the text of a Markdown file encodes literal characters.
public enum MarkdownFlavor: Sendable, Equatable {
    /// CommonMark and GFM (pandoc's gfm and commonmark writers, markitdown, mammoth, web text):
    /// a backslash before an ASCII punctuation character makes it literal.
    case commonMark
    /// pandoc's own Markdown (`pandoc -t markdown`), read as pandoc's reader does with its
    /// default `smart` extension: a backslash makes any non-alphanumeric character literal
    /// (`\ ` is a no-break space), `---` is —, `--` is –, `...` is …, and straight quotes
    /// become curly where pandoc would curl them. The writer turned “” ‘’ — – … into ASCII.
    case pandoc
}

/// The readers of Markdown's literal text.
public enum Escapes {
    /// `text` with CommonMark's backslash escapes removed (`1\.` → `1.`, `\(1\)` → `(1)`,
    /// `\[061\]` → `[061]`, `155\.00` → `155.00`, `\*` → `*`): a backslash before an ASCII
    /// punctuation character is dropped, any other backslash stays, and nothing changes inside
    /// a code span (`` `a\.b` ``). Entities (`&amp;`) and emphasis are left as they are.
    public static func commonMark(_ text: String) -> String {
        read(text, .commonMark)
    }

    /// `text` as written by pandoc's Markdown writer, read back as pandoc's reader reads it:
    /// escapes removed (`\"` stays a straight quote, `\-\-` two hyphens), `"就业援助员"` →
    /// `“就业援助员”`, `it's` → `it’s`, `---` → `—`, `--` → `–`, `...` → `…`. Only for text
    /// that came from pandoc's Markdown writer: other writers keep the characters they were given.
    public static func pandoc(_ text: String) -> String {
        read(text, .pandoc)
    }

    /// `text` read in `flavor`.
    public static func read(_ text: String, _ flavor: MarkdownFlavor) -> String {
        var copy = text
        return copy.withUTF8 { read($0, flavor) } ?? text
    }

    /// The bytes read in `flavor`, or nil when there is nothing to change (the caller keeps its
    /// own copy, so that the common case allocates nothing new).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ flavor: MarkdownFlavor) -> String? {
        guard needsReading(bytes, flavor) else { return nil }
        var reader = LiteralReader(bytes: bytes, flavor: flavor)
        return reader.run()
    }

    /// `bytes` as a String, read in `flavor` (the cells' path).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ flavor: MarkdownFlavor) -> String {
        read(bytes, flavor) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func needsReading(_ bytes: UnsafeBufferPointer<UInt8>, _ flavor: MarkdownFlavor) -> Bool {
        switch flavor {
        case .commonMark:
            return bytes.contains(0x5C)
        case .pandoc:
            var previous: UInt8 = 0
            for b in bytes {
                switch b {
                case 0x5C, 0x22, 0x27: return true
                case 0x2D where previous == 0x2D: return true
                case 0x2E where previous == 0x2E: return true
                default: previous = b
                }
            }
            return false
        }
    }

    /// ASCII punctuation: the characters a CommonMark backslash makes literal.
    @inline(__always)
    static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }
}

/// One left-to-right pass over a text's bytes. Code spans are found the CommonMark way (a run
/// of backticks closed by the next run of the same length, backslashes literal inside), with
/// each length's runs visited in order so that the pass stays linear.
private struct LiteralReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let flavor: MarkdownFlavor
    var out: [UInt8] = []
    /// Start of each backtick run, by run length, and how far each list has been consumed.
    var runs: [Int: [Int]] = [:]
    var runCursor: [Int: Int] = [:]
    /// Unescaped quote positions (pandoc), and how far each list has been consumed.
    var doubles: [Int] = []
    var singleClosers: [Int] = []
    var doubleCursor = 0
    var singleCursor = 0
    var doubleCloseAt = -1
    var singleCloseAt = -1
    /// The position just after the last letter, digit or `.` copied (pandoc's "after a Str").
    var strEnd = -1

    init(bytes: UnsafeBufferPointer<UInt8>, flavor: MarkdownFlavor) {
        self.bytes = bytes
        self.flavor = flavor
        out.reserveCapacity(bytes.count)
        collectRuns()
        if flavor == .pandoc { collectQuotes() }
    }

    mutating func collectRuns() {
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == 0x60 else { i += 1; continue }
            var j = i
            while j < n && bytes[j] == 0x60 { j += 1 }
            runs[j - i, default: []].append(i)
            i = j
        }
    }

    /// Quotes that are not escaped: every `"`, and the `'`s that can close a single quote
    /// (not followed by a letter or digit).
    mutating func collectQuotes() {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x5C { i += 2; continue }
            if b == 0x22 { doubles.append(i) }
            if b == 0x27 && !(i + 1 < n && isAlphanumeric(at: i + 1)) { singleClosers.append(i) }
            i += 1
        }
    }

    mutating func run() -> String {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x60:
                i = codeSpan(at: i)
            case 0x5C:
                i = escape(at: i)
            case 0x22 where flavor == .pandoc:
                doubleQuote(at: i)
                i += 1
            case 0x27 where flavor == .pandoc:
                singleQuote(at: i)
                i += 1
            case 0x2D where flavor == .pandoc && i + 1 < n && bytes[i + 1] == 0x2D:
                if i + 2 < n && bytes[i + 2] == 0x2D {
                    out.append(contentsOf: [0xE2, 0x80, 0x94])  // —
                    i += 3
                } else {
                    out.append(contentsOf: [0xE2, 0x80, 0x93])  // –
                    i += 2
                }
            case 0x2E where flavor == .pandoc && i + 2 < n && bytes[i + 1] == 0x2E && bytes[i + 2] == 0x2E:
                out.append(contentsOf: [0xE2, 0x80, 0xA6])  // …
                i += 3
            default:
                let length = scalarLength(b)
                let end = min(i + length, n)
                if flavor == .pandoc && (b == 0x2E || isAlphanumeric(at: i)) { strEnd = end }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A backtick run at `i`: a code span copied as it is when a run of the same length follows,
    /// else the run as text.
    mutating func codeSpan(at i: Int) -> Int {
        var j = i
        while j < bytes.count && bytes[j] == 0x60 { j += 1 }
        let length = j - i
        // The run may start after an escaped backtick, inside a longer raw run: its closer is the
        // first raw run of the same length that starts after it.
        var closer: Int?
        if let list = runs[length] {
            var k = runCursor[length] ?? 0
            while k < list.count && list[k] < j { k += 1 }
            runCursor[length] = k
            if k < list.count { closer = list[k] }
        }
        let end = closer.map { $0 + length } ?? j
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
        return end
    }

    /// A backslash at `i`: the escaped character alone, or the backslash kept.
    mutating func escape(at i: Int) -> Int {
        let n = bytes.count
        guard i + 1 < n else { out.append(0x5C); return n }
        let next = bytes[i + 1]
        if Escapes.isASCIIPunctuation(next) {
            out.append(next)
            return i + 2
        }
        if flavor == .pandoc {
            if next == 0x20 {
                out.append(contentsOf: [0xC2, 0xA0])  // pandoc: an escaped space is a no-break space
                return i + 2
            }
            // pandoc's all_symbols_escapable: any other symbol that is not a letter or digit.
            if next >= 0x80, !isAlphanumeric(at: i + 1), let scalar = scalar(at: i + 1), !scalar.properties.isWhitespace {
                let end = min(i + 1 + scalarLength(next), n)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]))
                return end
            }
        }
        out.append(0x5C)
        return i + 1
    }

    /// pandoc: `"` opens “ before a non-space (closed by the next `"`), else closes ”.
    mutating func doubleQuote(at i: Int) {
        while doubleCursor < doubles.count && doubles[doubleCursor] <= i { doubleCursor += 1 }
        if i == doubleCloseAt {
            doubleCloseAt = -1
            out.append(contentsOf: [0xE2, 0x80, 0x9D])  // ”
        } else if doubleCloseAt < 0 && isFollowedByNonSpace(i) {
            if doubleCursor < doubles.count { doubleCloseAt = doubles[doubleCursor] }
            out.append(contentsOf: [0xE2, 0x80, 0x9C])  // “
        } else {
            out.append(contentsOf: [0xE2, 0x80, 0x9D])  // ”
        }
    }

    /// pandoc: `'` opens ‘ when it is not right after a word and comes before a non-space, and a
    /// closing `'` (one not followed by a letter or digit) comes later; every other `'` is ’.
    mutating func singleQuote(at i: Int) {
        while singleCursor < singleClosers.count && singleClosers[singleCursor] <= i { singleCursor += 1 }
        if i == singleCloseAt {
            singleCloseAt = -1
        } else if singleCloseAt < 0 && strEnd != i && isFollowedByNonSpace(i) && singleCursor < singleClosers.count {
            singleCloseAt = singleClosers[singleCursor]
            out.append(contentsOf: [0xE2, 0x80, 0x98])  // ‘
            return
        }
        out.append(contentsOf: [0xE2, 0x80, 0x99])  // ’
    }

    func isFollowedByNonSpace(_ i: Int) -> Bool {
        guard i + 1 < bytes.count else { return false }
        let b = bytes[i + 1]
        return b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D
    }

    func isAlphanumeric(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        guard let s = scalar(at: i) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    func scalar(at i: Int) -> Unicode.Scalar? {
        UTF8Scalars.decode(bytes, at: i).scalar
    }
}

/// Decoding single scalars from UTF-8 bytes known to be valid (SourceText repairs the rest).
enum UTF8Scalars {
    /// The scalar starting at `i` and its length in bytes (a stray byte reads as U+FFFD, 1 byte).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let b0 = bytes[i]
        let length = scalarLength(b0)
        guard length > 1, i + length <= bytes.count else {
            return (b0 < 0x80 ? Unicode.Scalar(b0) : nil, 1)
        }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}

/// The length of the UTF-8 sequence a lead byte starts (1 for continuation or stray bytes).
@inline(__always)
func scalarLength(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}
