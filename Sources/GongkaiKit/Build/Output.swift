// Writing the site: every file of the new site goes into a staging directory beside the output
// (files unchanged since the previous build are hard-linked from it once their bytes are checked);
// when the whole build succeeded, the staging directory and the output are swapped in one step.

import Foundation

/// Errors that stop a build. Content problems are diagnostics, not these.
public enum PipelineError: Error, CustomStringConvertible, Equatable {
    /// A mistake in how gongkai was called (exit status 2).
    case usage(Localized)
    /// A theme that cannot be used; the message names the file, line and column.
    case theme(Localized)
    /// The output could not be written.
    case output(Localized)
    /// A usage error about the output (exit status 2): an output directory that may not be
    /// replaced, a theme that leads out of its folder.
    case refused(Localized)
    /// Writing or publishing the site failed (exit status 3); the previous site is as it was.
    case publish(Localized)

    /// The message as printed: `错误：…` / `error: …` (a theme's messages carry their own
    /// `file:line:column: 错误:`).
    public func message(_ language: Language) -> String {
        switch self {
        case .usage(let m), .output(let m), .refused(let m), .publish(let m): "\(Severity.error.name(language)): \(m.text(language))"
        case .theme(let m): m.text(language)
        }
    }

    public var description: String { message(.zh) }

    /// An output error of a file-system call: what was done, on which path, and why.
    static func publish(_ zh: String, _ en: String, _ failure: SafeFiles.Failure) -> PipelineError {
        .publish(Localized(zh: "\(zh) ‘\(failure.path)’：\(failure.reason)（旧网站保持不变）",
                           en: "\(en) ‘\(failure.path)’: \(failure.reason) (the previous site is as it was)"))
    }
}

/// What the previous build wrote: each file's content hash, and for pages the fingerprint of
/// what they were rendered from.
struct OutputManifest {
    struct Entry: Equatable {
        var fingerprint: UInt64
        var hash: UInt64
        /// The entry's term of the seal (`sealTerm`): made once, when the file is written or
        /// the manifest read, and carried along with the entry when a file is kept.
        var term: UInt64

        init(path: ByteKey, fingerprint: UInt64, hash: UInt64) {
            self.fingerprint = fingerprint
            self.hash = hash
            term = OutputManifest.sealTerm(path, hash: hash)
        }
    }

    private(set) var entries: [ByteKey: Entry] = [:]
    /// The sum of the entries' terms, kept as entries are added or replaced.
    private var sum: UInt64 = 0

    subscript(path path: String) -> Entry? { entries[ByteKey(path)] }

    /// Adds or replaces the entry of `key`; true when the manifest had none.
    @discardableResult
    mutating func insert(_ key: ByteKey, _ entry: Entry) -> Bool {
        let old = entries.updateValue(entry, forKey: key)
        sum = sum &- (old?.term ?? 0) &+ entry.term
        return old == nil
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// Every entry's fingerprint set to 0 (the seal does not depend on fingerprints).
    mutating func forgetFingerprints() {
        for key in entries.keys { entries[key]!.fingerprint = 0 }
    }

    /// A hash of every (path, content hash): written into the site as its marker
    /// (`.gongkai-build`), and into the caches that describe the published files (the search
    /// index's state), so that a cache saved by a build killed before its manifest was is not
    /// taken for the manifest's. The sum of
    /// each file's term, so that it needs no order (25,000 paths are not sorted for it), kept
    /// as the manifest grows (a rebuild's publishing does not hash every path again).
    var seal: UInt64 { sum }

    static func sealTerm(_ path: ByteKey, hash: UInt64) -> UInt64 {
        var h = StableHash()
        h.combine(path.path)
        h.combine(hash)
        return h.value
    }

    /// The manifest in the cache (in no particular order: it is read back into a dictionary).
    func encoded() -> [UInt8] {
        // `array`'s layout, written straight from the dictionary (no array of its entries, no
        // copy of each path for `withUTF8`).
        var w = BinaryWriter()
        w.bytes.reserveCapacity(entries.count * 128)
        w.varint(UInt64(entries.count))
        for (key, entry) in entries {
            key.path.withUTF8Bytes { path in
                w.varint(UInt64(path.count))
                w.bytes.append(contentsOf: path)
            }
            w.varint(entry.fingerprint)
            w.varint(entry.hash)
        }
        return w.bytes
    }

    /// The manifest (its seal worked out while reading).
    static func decode(_ bytes: [UInt8]) throws -> OutputManifest {
        var r = BinaryReader(bytes)
        var m = OutputManifest()
        // The count first, so that the dictionary is made its size at once (`array`'s layout).
        let count = try r.count()
        m.entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = ByteKey(try r.string())
            // A path from the cache names a file of the output only when it stays inside it.
            guard StagedOutput.isConfined(key.path) else { throw BinaryReader.Damaged() }
            // A path listed twice would make the manifest differ from what was written.
            guard m.insert(key, Entry(path: key, fingerprint: try r.varint(), hash: try r.varint())) else { throw BinaryReader.Damaged() }
        }
        guard r.atEnd else { throw BinaryReader.Damaged() }
        return m
    }
}

/// A string as a dictionary key, hashed and compared by its UTF-8 bytes: Swift's `String`
/// hashing normalises Unicode, which is slow for Chinese text; for file paths two names that
/// differ in bytes are two files, and keys sort the same way on every machine. Where canonical
/// equivalence matters (department names), the caller normalises first.
struct ByteKey: Hashable, Comparable, Sendable {
    let path: String
    /// A hash of the bytes, made once (a key is hashed again when a table grows, and compared
    /// on every probe: keys that differ mostly differ here, without reading their bytes).
    let bytesHash: UInt64

    init(_ path: String) {
        var p = path
        p.makeContiguousUTF8()
        self.path = p
        var h = StableHash()
        p.withUTF8 { h.combineWords(UnsafeRawBufferPointer($0)) }
        bytesHash = h.value
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytesHash == b.bytesHash && a.path.utf8Equals(b.path) }
    static func < (a: ByteKey, b: ByteKey) -> Bool { a.path.utf8Compare(b.path) < 0 }
}

