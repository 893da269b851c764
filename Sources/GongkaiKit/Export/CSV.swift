// CSV for spreadsheets: UTF-8 with a byte-order mark (Excel opens it), RFC 4180 quoting.

/// Builds a CSV file row by row.
struct CSVWriter {
    private(set) var text = "\u{FEFF}"

    init(header: [String]) {
        append(header)
    }

    mutating func append(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { text += "," }
            CSVWriter.quote(field, into: &text)
        }
        text += "\r\n"
    }

    static func quote(_ field: String, into out: inout String) {
        var needs = false
        for b in field.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needs = true
            break
        }
        // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection).
        if let first = field.utf8.first, first == 0x3D || first == 0x2B || first == 0x40 || (first == 0x2D && field.utf8.count > 1 && Money.parseDecimal(field, scale: 6) == nil) {
            out += "\"'" + field.replacingAll("\"", with: "\"\"") + "\""
            return
        }
        if needs {
            out += "\"" + field.replacingAll("\"", with: "\"\"") + "\""
        } else {
            out += field
        }
    }
}
