// CSV for spreadsheets: UTF-8 with a byte-order mark (Excel opens it), RFC 4180 quoting.

/// Builds a CSV file row by row, as bytes.
struct CSVWriter {
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Where the rows start: after the byte-order mark and the header row.
    private(set) var rowsStart = 3

    init(header: [String]) {
        bytes.reserveCapacity(1 << 18 + 4096)
        append(header)
        rowsStart = bytes.count
    }

    /// Appends the rows of another writer (its bytes after its header): a department-year's rows,
    /// formatted once, go into its own file and the site-wide one.
    mutating func appendRows(of other: CSVWriter) {
        other.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[other.rowsStart...])) }
    }

    /// Whether any row was written after the header.
    var hasRows: Bool { bytes.count > rowsStart }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Moves the rows written so far into `stream` once they pass 256 KB (or `all`).
    mutating func drain(into stream: FileStream, all: Bool = false) throws {
        guard all || bytes.count >= 1 << 18 else { return }
        stream.buffer.append(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
        rowsStart = 0
        try stream.flushIfFull()
        if all { try stream.flush() }
    }

    private var rowStarted = false

    mutating func append(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }

    /// Appends one field to the current row.
    mutating func field(_ value: String) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        CSVWriter.quote(value, into: &bytes)
    }

    mutating func field(_ value: Int) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        // Digits straight into the buffer (a line number on each of 560,000 rows: no String each).
        JSON.appendInt(value, to: &bytes)
    }

    /// Appends fields already written by another `CSVWriter` (its bytes after the BOM, with no
    /// row end): the fields every row of a project repeats are quoted once, not once a row.
    mutating func fields(_ written: CSVWriter) {
        if rowStarted { bytes.append(0x2C) }
        rowStarted = true
        written.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[3...])) }
    }

    /// An empty writer for `fields(_:)`.
    init() {}

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
    }

    static func quote(_ field: String, into out: inout [UInt8]) {
        var field = field
        field.withUTF8 { f in
            let needs = ByteScan.containsAny(f, 0x2C, 0x22, 0x0A, 0x0D, 0x0D)
            let formula = isFormula(f)
            if !needs && !formula {
                out.append(contentsOf: f)
                return
            }
            out.append(0x22)
            if formula { out.append(0x27) }
            for b in f {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        }
    }

    /// Whether a spreadsheet would evaluate the cell as a formula (CSV injection, OWASP): it
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number
    /// (`-3.5`, `+7`, `-12%`: no formula, read as numbers). A formula may start like a number
    /// (`-2+3+cmd|…`, `-.5+cmd|…`), so the whole cell must be one. A cell of one such
    /// character alone (the operator `=`) is no formula.
    static func isFormula(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard f.count > 1, let first = f.first else { return false }
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true  // = @ tab CR
        case 0x2B, 0x2D: return !isPlainNumber(UnsafeBufferPointer(rebasing: f[1...]))  // + -
        default: return false
        }
    }

    /// `digits[.digits]`, `.digits` or `digits.`, with an optional `%` after it.
    private static func isPlainNumber(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, points = 0
        for (i, b) in f.enumerated() {
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b == 0x2E { points += 1 }
            else if b == 0x25 && i == f.count - 1 { continue }
            else { return false }
        }
        return digits > 0 && points <= 1
    }
}
