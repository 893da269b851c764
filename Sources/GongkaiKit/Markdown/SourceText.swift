// A document's bytes split into lines, addressed by 1-based line numbers.

import Foundation

/// The UTF-8 bytes of one document and where each of its lines starts.
///
/// Lines are byte ranges, so recognisers can split cells on tabs without
/// Swift `String` indexing; text is only decoded for the cells that are kept.
public struct SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the start of each line; `lineStarts[0]` is line 1.
    let lineStarts: [Int]
    /// Byte offset just past the end of each line's content (before its line ending).
    let lineEnds: [Int]

    /// `bytes` that are not UTF-8 are repaired first (each bad sequence becomes U+FFFD): the
    /// readers cut cells out of them without validating each again.
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, validUTF8: bytes.isValidUTF8 ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8))
    }

    /// A document whose bytes were validated as UTF-8 (`DocumentReader` rejects others).
    ///
    /// Lines end where cmark ends them: at `\n`, at `\r\n` and at a lone `\r` (CommonMark's
    /// line endings), so that the line numbers of cmark's blocks are lines of this text. (A form
    /// converted twice ends its lines with `\r\r\n`: two lines each, the second blank, as cmark
    /// reads them.)
    init(path: String, validUTF8 bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts: [Int] = [0]
        var ends: [Int] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        ends.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            if let base = buf.baseAddress, memchr(base, 0x0D, n) == nil {
                // No CR anywhere (most texts): each line's end found by memchr.
                while i < n, let hit = memchr(base + i, 0x0A, n - i) {
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    ends.append(at)
                    starts.append(at + 1)
                    i = at + 1
                }
                return
            }
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    ends.append(i)
                    starts.append(i + 1)
                } else if b == 0x0D {
                    ends.append(i)
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        // The last line, unless the text ends with a line ending (then there is none after it).
        let last = starts[starts.count - 1]
        if last < bytes.count {
            ends.append(bytes.count)
        } else {
            starts.removeLast()
        }
        self.lineStarts = starts
        self.lineEnds = ends
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of line `n` (1-based), without the line break.
    @inline(__always)
    func lineRange(_ n: Int) -> Range<Int> {
        lineStarts[n - 1]..<lineEnds[n - 1]
    }

    /// The text of line `n` (1-based), decoded leniently.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lineCount else { return "" }
        let r = lineRange(n)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    /// Whether line `n` holds only spaces and tabs (or nothing).
    func isBlank(_ n: Int) -> Bool {
        let r = lineRange(n)
        for i in r {
            let b = bytes[i]
            if b != 0x20 && b != 0x09 && b != 0x0D { return false }
        }
        return true
    }

    /// Whether line `n` contains a tab.
    func hasTab(_ n: Int) -> Bool {
        let r = lineRange(n)
        for i in r where bytes[i] == 0x09 { return true }
        return false
    }

    /// Whether line `n` starts with a tab.
    func startsWithTab(_ n: Int) -> Bool {
        let r = lineRange(n)
        return !r.isEmpty && bytes[r.lowerBound] == 0x09
    }

    /// The raw (untrimmed) cells of line `n`, split on tabs.
    func rawCells(_ n: Int) -> [String] {
        let r = lineRange(n)
        var cells: [String] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            if bytes[i] == 0x09 {
                cells.append(String(decoding: bytes[start..<i], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        cells.append(String(decoding: bytes[start..<r.upperBound], as: UTF8.self))
        return cells
    }
}
