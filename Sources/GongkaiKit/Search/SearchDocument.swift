// What the search index knows about a project: its text and the values results show.

/// One project as the search index sees it.
struct SearchDocument: Sendable {
    var url: String
    var name: String
    var department: String
    var year: Int
    var amount: String
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
    init(_ p: Project, department: String, year: Int, url: String, withText: Bool = true) {
        self.url = url
        self.name = p.name
        self.department = department
        self.year = year
        self.amount = p.amount?.wanString ?? ""
        self.kinds = p.digest?.kinds ?? Self.kinds(of: p)
        self.projectHash = p.digest?.hash
        guard withText || projectHash == nil else {
            self.text = ""
            return
        }
        // Name and other names, department and unit, year, code, amount, narrative, indicators.
        var lines: [String] = [p.name]
        lines.append(contentsOf: p.otherNames)
        lines.append(department)
        if let unit = p.unit { lines.append(unit) }
        lines.append("\(year)年")
        if let code = p.code { lines.append(code) }
        if let amount = p.amount { lines.append("\(amount.wanString)万元") }
        if let period = p.period { lines.append(period) }
        if let source = p.source { lines.append(source) }
        for s in p.sections {
            lines.append(s.title + "：" + s.text.replacingAll("\n", with: " "))
        }
        for i in p.indicators {
            var line = "\(i.level1) \(i.level2) \(i.name)"
            for t in i.targets {
                if let h = t.halfYear { line += " " + h }
                if let v = t.value { line += " " + v }
            }
            if let d = i.description { line += " " + d }
            if let b = i.basis { line += " " + b }
            lines.append(line)
        }
        self.text = lines.joined(separator: "\n")
    }

    /// The document as its chunk file lists it: url, name, department, year, amount, text.
    var chunkEntry: JSON {
        .array([.string(url), .string(name), .string(department), .int(year), .string(amount), .string(text)])
    }

    /// A hash of everything the index takes from this document: the same hash, the same
    /// postings, chunk entry and facets.
    var hash: UInt64 {
        var h = StableHash()
        h.combine(url); h.combine(name); h.combine(department); h.combine(year); h.combine(amount)
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
