// Finding the documents under Content/ and reading them in parallel.

import Foundation

/// The documents of a content directory.
public enum ContentLoader {
    static let documentExtensions: Set<String> = ["md", "markdown", "txt", "docx"]
    /// Files a publisher may have beside their documents that gongkai cannot read as such.
    static let convertibleExtensions: Set<String> = ["doc", "wps", "pdf", "xls", "xlsx", "et", "rtf", "odt"]

    /// How to make a file of one of `convertibleExtensions` into one gongkai reads: a word
    /// processor's file with LibreOffice, a PDF from its Word file (or `pdftotext -layout`), a
    /// spreadsheet's table copied into a Word document (LibreOffice cannot make a spreadsheet a
    /// Word file).
    static func conversion(_ ext: String) -> Localized {
        switch ext {
        case "pdf":
            Localized(zh: "最好找到它的 Word 文件（或用 Word、WPS 另存为 .docx）；没有时用 `pdftotext -layout -enc UTF-8 文件名.pdf 文件名.txt`",
                      en: "best find its Word file (or save it as .docx with Word or WPS); else `pdftotext -layout -enc UTF-8 FILE.pdf FILE.txt`")
        case "xls", "xlsx", "et":
            Localized(zh: "请在 WPS 表格或 Excel 中把整张表复制到 WPS 文字或 Word 的新文档，另存为 .docx",
                      en: "in WPS Spreadsheets or Excel, copy the whole table into a new WPS Writer or Word document and save it as .docx")
        default:
            Localized(zh: "请先转换为 .docx，例如 `soffice --headless --convert-to docx 文件名`（或用 Word、WPS 另存为 .docx）",
                      en: "convert it to .docx first, e.g. `soffice --headless --convert-to docx FILE` (or save it as .docx with Word or WPS)")
        }
    }

    /// Whether the extension of `path` (as `NSString.pathExtension` reads it) is one of
    /// `documentExtensions`, in any case: read from the bytes after the name's last dot.
    static func isDocument(_ path: String) -> Bool {
        let found = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var end = bytes.count
            while end > 1 && bytes[end - 1] == 0x2F { end -= 1 }  // trailing slashes
            var start = end
            while start > 0 && bytes[start - 1] != 0x2F { start -= 1 }  // the last component
            guard let dot = bytes[start..<end].lastIndex(of: 0x2E), dot > start else { return false }
            let ext = bytes[(dot + 1)..<end]
            // Other scripts' case mappings (a Kelvin sign lowercases to k) are left to Foundation.
            guard ext.allSatisfy({ $0 < 0x80 }) else { return nil }
            return documentExtensions.contains(String(decoding: ext.map { $0 | 0x20 }, as: UTF8.self))
        }
        return found.flatMap { $0 } ?? documentExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Paths (as `dir/relative`) of every regular, non-hidden file under `dir`, sorted.
    public static func files(in dir: String) throws -> [String] {
        try list(dir).files
    }

    /// What a content directory holds: its documents (and other regular files), and a document
    /// result for each entry that cannot be read as one, with a diagnostic that says why, so
    /// that nothing is left out silently.
    struct Listing {
        var files: [String] = []
        var problems: [DocumentResult] = []
    }

    /// Every regular, non-hidden file under `dir` (sorted), and what could not be listed or read
    /// there: folders that cannot be opened, names that are not UTF-8, links that lead nowhere,
    /// in a loop or out of `dir`, folders behind links, and entries that are not regular files
    /// (a named pipe would block the read forever).
    static func list(_ dir: String) throws -> Listing {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw PipelineError.usage(Localized(zh: "内容目录 ‘\(dir)’ 不存在", en: "content directory ‘\(dir)’ does not exist"))
        }
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        var walker = Walker(root: realPath(base) ?? base)
        walker.walk(base)
        var listing = Listing(files: sorted(walker.files), problems: walker.problems)
        listing.problems.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return listing
    }

    /// In `String` order (canonical: by the NFC form's scalars, which is the order of its
    /// UTF-8 bytes), without comparing Chinese strings with Unicode-aware comparisons.
    private static func sorted(_ paths: [String]) -> [String] {
        let keyed = paths.map { path -> ([UInt8], [UInt8]) in
            (Array(path.nfc.utf8), Array(path.utf8))
        }
        return keyed.indices.sorted { a, b in
            keyed[a].0 != keyed[b].0 ? keyed[a].0.lexicographicallyPrecedes(keyed[b].0)
                : keyed[a].1.lexicographicallyPrecedes(keyed[b].1)
        }.map { paths[$0] }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The walk over a content directory: hidden files and folders are left out (`.git`); a
    /// link to a file inside the content directory is that file, a link to a folder is not
    /// followed (said in a warning).
    private struct Walker {
        let root: String
        var files: [String] = []
        var problems: [DocumentResult] = []

        mutating func walk(_ dir: String) {
            var folders: [String] = []
            let opened = Files.forEachEntry(in: dir, reportingFailure: true) { nameBytes, type in
                guard nameBytes.first != UInt8(ascii: ".") else { return true }
                guard let name = String(validating: nameBytes, as: UTF8.self) else {
                    // Shown with its bad bytes as \xNN: two such names stay two diagnostics.
                    problem(dir + "/" + Files.escaped(nameBytes), .error, code: "non-utf8-name",
                            Localized(zh: "名称不是 UTF-8 编码，未读取（请用 UTF-8 重新命名）",
                                      en: "the name is not UTF-8; not read (rename it in UTF-8)"))
                    return true
                }
                let full = dir + "/" + name
                switch type {
                case Int32(DT_DIR): folders.append(full)
                case Int32(DT_REG): files.append(full)
                default: classify(full, into: &folders)
                }
                return true
            }
            if !opened {
                problem(dir, .error, code: "unreadable-folder",
                        Localized(zh: "无法打开此目录（\(String(cString: strerror(errno)))），其中的文件未读取",
                                  en: "the folder cannot be opened (\(String(cString: strerror(errno)))); its files were not read"))
            }
            for folder in folders { walk(folder) }
        }

        /// An entry that is neither a plain folder nor a plain file by its directory entry.
        private mutating func classify(_ full: String, into folders: inout [String]) {
            var own = stat()
            guard lstat(full, &own) == 0 else { return }
            let document = ContentLoader.isDocument(full)
            switch own.st_mode & S_IFMT {
            case S_IFDIR: folders.append(full); return
            case S_IFREG: files.append(full); return
            case S_IFLNK: break
            default:
                problem(full, document ? .error : .warning, code: "not-a-regular-file",
                        Localized(zh: "不是普通文件（命名管道、设备或套接字），未读取", en: "not a regular file (a named pipe, device or socket); not read"))
                return
            }
            // A link: followed only to a file inside the content directory.
            var target = stat()
            guard stat(full, &target) == 0 else {
                let loop = errno == ELOOP
                problem(full, document ? .error : .warning, code: "broken-link",
                        loop ? Localized(zh: "链接循环指向自身，未读取", en: "the link leads round in a loop; not read")
                            : Localized(zh: "链接指向的文件不存在，未读取", en: "the link points to nothing; not read"))
                return
            }
            guard let real = ContentLoader.realPath(full), real.hasPrefix(root + "/") else {
                problem(full, document ? .error : .warning, code: "link-outside-content",
                        Localized(zh: "链接指向内容目录之外，未读取", en: "the link points outside the content directory; not read"))
                return
            }
            switch target.st_mode & S_IFMT {
            case S_IFREG: files.append(full)
            case S_IFDIR:
                problem(full, .warning, code: "linked-folder",
                        Localized(zh: "指向目录的链接不跟随，其中的文件未读取", en: "a link to a folder is not followed; its files were not read"))
            default:
                problem(full, document ? .error : .warning, code: "not-a-regular-file",
                        Localized(zh: "不是普通文件（命名管道、设备或套接字），未读取", en: "not a regular file (a named pipe, device or socket); not read"))
            }
        }

        private mutating func problem(_ path: String, _ severity: Severity, code: String, _ text: Localized) {
            var doc = DocumentResult(path: path)
            doc.diagnose(severity, line: 1, code: code, text.zh, en: text.en)
            problems.append(doc)
        }
    }

    /// The extension of `path`, lowercased.
    static func pathExtension(_ path: String) -> String { (path as NSString).pathExtension.lowercased() }

    /// A converted document whose Word file is beside it (`表.md` and `表.docx` in one folder):
    /// the Word file is read, the other left aside; nil for any other path.
    static func wordFileBeside(_ path: String, in paths: Set<String>) -> String? {
        guard isDocument(path), !DocumentReader.isWordFile(path) else { return nil }
        let base = (path as NSString).deletingPathExtension
        for ext in ["docx", "DOCX", "Docx"] where paths.contains(base + "." + ext) { return base + "." + ext }
        return nil
    }

    /// Reads every file; documents are parsed (or taken from the cache when unchanged), other
    /// files reported. Order follows `paths`. Without a cache and `keepingDetails: false`, each
    /// project keeps only its summary and digest (`Pipeline.read`).
    static func read(_ paths: [String], cache: DocumentCache? = nil, keepingDetails: Bool = true) -> [DocumentResult] {
        let all = Set(paths)
        return parallelMap(paths) { path in
            if let word = wordFileBeside(path, in: all) {
                var doc = DocumentResult(path: path)
                let name = (word as NSString).lastPathComponent
                doc.diagnose(.note, line: 1, code: "converted-beside-word",
                             "同一文件夹中有 Word 原件 \(name)：读取 Word 文件，本文件未读取",
                             en: "the Word file \(name) is beside it: the Word file is read, this one is left aside")
                return doc
            }
            guard isDocument(path) else {
                var doc = DocumentResult(path: path)
                if convertibleExtensions.contains(pathExtension(path)) {
                    let advice = Self.conversion(pathExtension(path))
                    doc.diagnose(.warning, line: 1, code: "convert-first",
                                 "gongkai 不能直接读取 .\(pathExtension(path)) 文件：\(advice.zh)",
                                 en: "gongkai cannot read a .\(pathExtension(path)) file as it is: \(advice.en)")
                } else {
                    doc.diagnose(.warning, line: 1, code: "not-a-document",
                                 "已忽略：不是 .md、.markdown、.txt 或 .docx 文档",
                                 en: "ignored: not a .md, .markdown, .txt or .docx document")
                }
                return doc
            }
            // An untouched file (by `stat`) is taken from the cache without being read.
            let stamp = cache == nil ? nil : DocumentCache.FileStamp(path: path)
            if let cache, let doc = cache.unchanged(path: path, stamp: stamp) { return doc }
            guard let bytes = Files.read(path) else {
                var doc = DocumentResult(path: path)
                doc.diagnose(.error, line: 1, code: "unreadable-file", "无法读取该文件", en: "cannot read the file")
                return doc
            }
            if let cache { return cache.read(path: path, bytes: bytes, stamp: stamp) }
            var doc = DocumentReader.read(path: path, bytes: bytes)
            if !keepingDetails {
                for i in doc.projects.indices {
                    doc.projects[i].digest = ProjectDigest(doc.projects[i])
                    doc.projects[i].details = ProjectDetails()
                }
            }
            return doc
        }
    }
}

/// Reading whole files into byte arrays, without Foundation's `Data` in between, and writing
/// bytes out whole.
enum Files {
    /// Calls `body` with the name (its bytes) and `d_type` of each entry of `dir` but `.` and
    /// `..`, until it returns false; false when it did (a folder that cannot be opened has no
    /// entries).
    /// With `reportingFailure`, a folder that cannot be opened gives false (with `errno` set).
    @discardableResult
    static func forEachEntry(in dir: String, reportingFailure: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, Int32) -> Bool) -> Bool {
        guard let handle = opendir(dir) else { return !reportingFailure }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let more = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let bytes = raw.bindMemory(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
                if name.elementsEqual([0x2E]) || name.elementsEqual([0x2E, 0x2E]) { return true }
                return body(name, Int32(entry.pointee.d_type))
            }
            if !more { return false }
        }
        return true
    }

    /// `count` bytes of an open file from `offset`, or nil when fewer can be read.
    static func read(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        guard count >= 0, offset >= 0 else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = readAll(fd: fd, into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            complete = initialized == count
        }
        return complete ? bytes : nil
    }

    /// Fills `destination` with the bytes of the open file `fd` from `offset` (`pread`, so the
    /// file's position does not move), again after an interrupted or short call; how many it
    /// read: all, or fewer at the end of the file or on an error.
    static func readAll(fd: Int32, into destination: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var done = 0
        while done < destination.count {
            let n = pread(fd, destination.baseAddress! + done, destination.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return done
    }

    /// Writes all of `bytes` to the open file `fd`, again after an interrupted or short call;
    /// nil when all were written, else the `errno` of the call that failed (`EIO` for one
    /// that wrote nothing). The caller says what the failure means.
    static func writeAll(fd: Int32, bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            offset += n
        }
        return nil
    }

    /// A name's bytes as text: UTF-8 where they are, each other byte as `\xNN`.
    static func escaped(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        var i = 0
        let all = Array(bytes)
        while i < all.count {
            // The longest valid UTF-8 sequence from here (1 to 4 bytes), else one escaped byte.
            var taken = 0
            for length in stride(from: min(4, all.count - i), through: 1, by: -1) {
                if let text = String(validating: all[i..<i + length], as: UTF8.self), text.unicodeScalars.count == 1 {
                    out += text
                    taken = length
                    break
                }
            }
            if taken == 0 {
                out += "\\x" + String(all[i], radix: 16, uppercase: true).leftPadded(2)
                taken = 1
            }
            i += taken
        }
        return out
    }

    /// The file's bytes, or nil when it cannot be opened or read (or is not a regular file).
    /// Opened without waiting: a named pipe is not a regular file, and is not waited on.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var complete = true
        // Not zero-filled first: read straight into the array's storage.
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { complete = false }
                guard n > 0 else { break }
                done += n
            }
            initialized = done
        }
        guard complete else { return nil }
        // A file that grew while it was read: the rest, until the end (usually one empty read).
        var chunk: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        while true {
            let n = withUnsafeMutableBytes(of: &chunk) { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? bytes : nil }
            withUnsafeBytes(of: &chunk) { bytes.append(contentsOf: $0[..<n]) }
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
    // Moved out, so that the buffer keeps no reference (results stay uniquely referenced and
    // are freed when their last user lets go).
    return (0..<items.count).map { results.moveElement(from: $0)! }
}

/// `parallelMap` that takes the items over: each is moved to its transform, not copied, so a
/// transform that changes its item (a department-year's projects) changes it in place.
func parallelMap<T: Sendable, R: Sendable>(taking items: consuming [T], _ transform: @Sendable (consuming T) -> R) -> [R] {
    let count = items.count
    let input = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    _ = input.initialize(fromContentsOf: items)
    items = []
    defer { input.deallocate() }  // every element was moved out
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let (inputBox, resultBox) = (UnsafeSendable(input), UnsafeSendable(results))
    DispatchQueue.concurrentPerform(iterations: count) { i in
        resultBox.value[i] = transform(inputBox.value.moveElement(from: i))
    }
    return (0..<count).map { results.moveElement(from: $0)! }
}

/// Runs `body(i)` for every i in 0..<count on all cores until one throws; rethrows the first
/// error (the others still running finish their item).
func parallelForEach(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
    let failure = FirstError()
    parallelFor(count) { i in
        guard !failure.isSet else { return }
        do { try body(i) } catch { failure.set(error) }
    }
    if let error = failure.error { throw error }
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
