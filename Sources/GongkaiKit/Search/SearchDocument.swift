// What the search index knows about a project: its text and the values results show.

/// One project as the search index sees it.
struct SearchDocument: Sendable {
    /// The project page's path in the site, as routing made it (`/部门/2024/项目.html`); the
    /// index lists it as `url`. Kept as it is (the site index's own string) and encoded only
    /// for a chunk entry: a rebuild makes every document to hash it, but few entries.
    var path: String
    var name: String
    var department: String
    var year: Int
    var money: Money?
    /// Bit i set when the project has an indicator of `IndicatorKind.allCases[i]`.
    var kinds: UInt8
    /// The searchable text: fields separated by line breaks (no match spans two fields);
    /// empty in a document made `withText: false`.
    var text: String
    /// The project's digest hash, when the build has one: it stands for the text in `hash`.
    var projectHash: UInt64?

    static let kinds: [IndicatorKind] = IndicatorKind.allCases.filter { $0 != .other }

    /// Bit i set when the project has an indicator of `kinds[i]`.
    static func kinds(of p: Project) -> UInt8 {
        var kinds: UInt8 = 0
        for indicator in p.indicators {
            if let i = Self.kinds.firstIndex(of: indicator.kind) { kinds |= 1 << UInt8(i) }
        }
        return kinds
    }

    /// `withText: false` leaves the text out (and the project's details undecoded); only for
    /// a project with a digest, whose hash then stands for the text.
    init(_ p: Project, department: String, year: Int, path: String, withText: Bool = true) {
        self.path = path
        self.name = p.name
        self.department = department
        self.year = year
        self.money = p.amount
        self.kinds = p.digest?.kinds ?? Self.kinds(of: p)
        self.projectHash = p.digest?.hash
        guard withText || projectHash == nil else {
            self.text = ""
            return
        }
        // Name and other names, department and unit, year, code, amount, narrative, indicators,
        // a line each, written as UTF-8 into one buffer (no String per line or part).
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var first = true
        func line(_ s: String) {
            if !first { out.append(0x0A) }
            first = false
            out.append(contentsOf: s.utf8)
        }
        func part(_ s: String) {
            out.append(0x20)
            out.append(contentsOf: s.utf8)
        }
        line(p.name)
        for other in p.otherNames { line(other) }
        line(department)
        if let unit = p.unit { line(unit) }
        line(String(year)); out.append(contentsOf: "年".utf8)
        if let code = p.code { line(code) }
        if let amount = p.amount { line(amount.wanString); out.append(contentsOf: "万元".utf8) }
        if let period = p.period { line(period) }
        if let source = p.source { line(source) }
        for s in p.sections {
            line(s.title)
            out.append(contentsOf: "：".utf8)
            // Line breaks become spaces (a CR LF pair is one character, and stays): the text is
            // appended in runs between line feeds, not byte by byte.
            s.text.withUTF8Bytes { text in
                var start = 0
                for i in 0..<text.count where text[i] == 0x0A {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
                    out.append(i > 0 && text[i - 1] == 0x0D ? 0x0A : 0x20)
                    start = i + 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
            }
        }
        for i in p.indicators {
            line(i.level1); part(i.level2); part(i.name)
            for t in i.targets {
                if let h = t.halfYear { part(h) }
                if let v = t.value { part(v) }
            }
            if let d = i.description { part(d) }
            if let b = i.basis { part(b) }
        }
        // Strings' UTF-8 cut at line feeds, and ASCII.
        self.text = out.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    /// The page's address relative to the site's root: the path without its leading slash,
    /// percent-encoded.
    var url: String { Permalinks.encode(path, dropping: path.utf8.first == 0x2F ? 1 : 0) }

    /// The amount as results show it (万元), or "".
    var amount: String { money?.wanString ?? "" }

    var facet: SearchIndex.Facet { SearchIndex.Facet(department: department, year: year, kinds: kinds) }

    /// The document as its chunk file lists it: url, name, department, year, amount, text.
    var chunkEntry: JSON {
        .array([.string(url), .string(name), .string(department), .int(year), .string(amount), .string(text)])
    }

    /// A hash of everything the index takes from this document: the same hash, the same
    /// postings, chunk entry and facets. (The path and the amount in fen stand for the
    /// `url` and `amount` made from them.)
    var hash: UInt64 {
        var h = StableHash()
        h.combine(path); h.combine(name); h.combine(department); h.combine(year)
        h.combine(money == nil ? 0 : 1); h.combine(Int(money?.fen ?? 0))
        h.combine(Int(kinds))
        if let projectHash {
            h.combine(projectHash)
        } else {
            var text = text
            text.withUTF8 { h.combineWords(UnsafeRawBufferPointer($0)) }
        }
        return h.value
    }
}
