// Finding the documents under Content/ and reading them in parallel.

import Foundation

/// The documents of a content directory.
public enum ContentLoader {
    static let documentExtensions: Set<String> = ["md", "markdown", "txt"]

    /// Paths (as `dir/relative`) of every regular, non-hidden file under `dir`, sorted.
    public static func files(in dir: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw PipelineError.usage("content directory ‘\(dir)’ does not exist")
        }
        guard let enumerator = fm.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        for case let rel as String in enumerator {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let full = base + "/" + rel
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            out.append(full)
        }
        return out.sorted()
    }

    /// Reads every file; documents are parsed (or taken from the cache when unchanged), other
    /// files reported. Order follows `paths`.
    static func read(_ paths: [String], cache: DocumentCache? = nil) -> [DocumentResult] {
        parallelMap(paths) { path in
            let ext = (path as NSString).pathExtension.lowercased()
            guard documentExtensions.contains(ext) else {
                var doc = DocumentResult(path: path)
                doc.diagnose(.warning, line: 1, code: "not-a-document",
                             "ignored: not a .md, .markdown or .txt document")
                return doc
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                var doc = DocumentResult(path: path)
                doc.diagnose(.error, line: 1, code: "unreadable-file", "cannot read the file")
                return doc
            }
            if let cache { return cache.read(path: path, bytes: [UInt8](data)) }
            return DocumentReader.read(path: path, bytes: [UInt8](data))
        }
    }
}

/// Maps over `items` on all cores, keeping the order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let box = UnsafeSendable(results)
    items.withUnsafeBufferPointer { buffer in
        let input = UnsafeSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.value[i] = transform(input.value[i])
        }
    }
    return results.map { $0! }
}

/// Runs `body(i)` for every i in 0..<count on all cores.
func parallelFor(_ count: Int, _ body: @Sendable (Int) -> Void) {
    guard count > 1 else {
        if count == 1 { body(0) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
}

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
