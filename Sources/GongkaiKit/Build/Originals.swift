// The original documents in the content folder: a .pdf, .doc(x) or .xls(x) beside a converted
// document with the same name, published as its 原文 instead of being read; and each
// document's source (original, address, date) from its front matter and gongkai.yml.

import Foundation

/// The files of a content folder split into documents to read and originals to publish.
struct Originals {
    /// Extensions of files that are a document's original.
    static let extensions: Set<String> = ["pdf", "doc", "docx", "xls", "xlsx", "wps", "et"]

    /// The paths to read, in the listing's order (the originals taken out).
    let documents: [String]
    /// Document path → its originals (file paths), in the listing's order. A document whose own
    /// extension is an original's (a .docx read directly) is its own original.
    let byDocument: [String: [String]]

    /// `paths` as `ContentLoader.files` lists them; `contentDir` is their folder.
    init(_ paths: [String], contentDir: String, isDocument: (String) -> Bool = ContentLoader.isDocument) {
        // Files by folder and name without extension, in NFC (names from macOS may be NFD).
        func stem(_ path: String) -> (key: String, ext: String) {
            let ns = path as NSString
            return (ns.deletingPathExtension.nfc, ns.pathExtension.lowercased())
        }
        let contentRoot = ContentLoader.realPath(contentDir)
        var candidates: [String: [String]] = [:]
        for path in paths where !isDocument(path) {
            let (key, ext) = stem(path)
            // A link to a file outside the content folder is not published (nor followed), and a
            // file that cannot be read stays in the listing (reported as not a document).
            guard Self.extensions.contains(ext), let root = contentRoot, let real = ContentLoader.realPath(path), real.hasPrefix(root + "/"),
                  access(path, R_OK) == 0 else { continue }
            candidates[key, default: []].append(path)
        }
        var byDocument: [String: [String]] = [:]
        var taken = Set<String>()
        for path in paths where isDocument(path) {
            let (key, ext) = stem(path)
            let isOriginal = Self.extensions.contains(ext) && contentRoot.map { root in ContentLoader.realPath(path)?.hasPrefix(root + "/") == true } == true
            var originals = isOriginal ? [path] : []
            for other in candidates[key] ?? [] {
                originals.append(other)
                taken.insert(other)
            }
            if !originals.isEmpty { byDocument[path] = originals }
        }
        self.byDocument = byDocument
        documents = taken.isEmpty ? paths : paths.filter { !taken.contains($0) }
    }

    /// The resolved path, or nil when it cannot be resolved.
}

/// Each document's original, address and date: front matter first, then gongkai.yml.
enum Publications {
    static func resolve(_ documents: [DocumentResult], originals: Originals, config: SiteConfig, contentDir: String) -> [String: DocumentSource] {
        let prefix = contentDir.hasSuffix("/") ? contentDir : contentDir + "/"
        func relative(_ file: String) -> String { file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file }
        // Published paths: `originals/` and the file's path in the content folder, each part made
        // safe for a URL; two files that come out the same are told apart by a number.
        var published: [String: String] = [:]
        var used = Set<String>()
        for file in originals.byDocument.keys.sorted().flatMap({ originals.byDocument[$0]! }) where published[file] == nil {
            let parts = relative(file).split(separator: "/").map(String.init)
            let name = parts.last ?? file
            let ext = (name as NSString).pathExtension.lowercased()
            let folders = parts.dropLast().map { Permalinks.segment($0) }
            let base = "originals/" + (folders + [Permalinks.segment((name as NSString).deletingPathExtension)]).joined(separator: "/")
            var path = base + "." + ext
            var n = 2
            while used.contains(path) {
                path = base + "-\(n)." + ext
                n += 1
            }
            used.insert(path)
            published[file] = path
        }
        var sources: [String: DocumentSource] = [:]
        for doc in documents {
            let settings = config.documents[relative(doc.path)] ?? config.documents[doc.path]
            let source = DocumentSource(
                originals: (originals.byDocument[doc.path] ?? []).map { OriginalFile(file: $0, path: published[$0]!) },
                url: doc.sourceURL ?? settings?.sourceURL,
                date: doc.date ?? settings?.date ?? config.date)
            if !source.isEmpty { sources[doc.path] = source }
        }
        return sources
    }
}
