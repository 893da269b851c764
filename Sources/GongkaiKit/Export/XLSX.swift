// A minimal SpreadsheetML (.xlsx) package, written and zipped by gongkai (ZipWriter):
// text as inline-string cells (a code or an indicator value stays exactly as the form wrote it:
// no scientific notation, never a formula, no guard character), amounts as exact numbers.

import Foundation

/// One worksheet, written row by row as XML bytes.
struct XLSXSheet {
    let name: String
    let columnCount: Int
    private(set) var rowCount = 0
    private var xml: [UInt8] = []
    private var column = 0

    /// Excel's limits: rows in a sheet, characters in a cell.
    static let maxRows = 1_048_576
    static let maxCellCharacters = 32_767

    /// A sheet whose first row holds `columns` (title, width in characters), bold, frozen and filtered.
    init(name: String, columns: [(title: String, width: Int)]) {
        self.name = name
        columnCount = columns.count
        xml.reserveCapacity(1 << 16)
        xml.append(contentsOf: Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [0x0A])
        xml.append(contentsOf: #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#.utf8)
        xml.append(contentsOf: #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#.utf8)
        xml.append(contentsOf: "<cols>".utf8)
        for (i, c) in columns.enumerated() {
            xml.append(contentsOf: "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(c.width)\" customWidth=\"1\"/>".utf8)
        }
        xml.append(contentsOf: "</cols><sheetData>".utf8)
        for c in columns { text(c.title, header: true) }
        endRow()
    }

    /// Whether another row still fits in the sheet.
    var isFull: Bool { rowCount >= Self.maxRows }

    // Every cell starts here (some ten million times at 20,000 projects): static bytes, a
    // column letter without a lookup for the first 26 columns, no array made per cell.
    private mutating func cellStart(_ attributes: StaticString) {
        if column == 0 { rowStart() }
        ("<c r=\"" as StaticString).withUTF8Buffer { xml.append(contentsOf: $0) }
        if column < 26 {
            xml.append(UInt8(0x41 + column))
        } else {
            XLSXSheet.columnName(column, into: &xml)
        }
        xml.append(contentsOf: rowDigits)
        xml.append(0x22)
        attributes.withUTF8Buffer { xml.append(contentsOf: $0) }
        column += 1
    }

    /// The current row's number, as digits (every cell's reference ends with it).
    private var rowDigits: [UInt8] = []

    private mutating func rowStart() {
        rowDigits = Array(String(rowCount + 1).utf8)
        xml.append(contentsOf: "<row r=\"".utf8)
        xml.append(contentsOf: rowDigits)
        xml.append(contentsOf: "\">".utf8)
    }

    /// A text cell: an inline string (style 1: a bold header).
    mutating func text(_ value: String, header: Bool = false) {
        guard !value.isEmpty else { return empty() }
        cellStart(header ? " s=\"1\" t=\"inlineStr\"><is><t" : " t=\"inlineStr\"><is><t")
        var value = value
        if value.utf8.count > Self.maxCellCharacters && value.utf16.count > Self.maxCellCharacters {
            value = String(value.utf16.prefix(Self.maxCellCharacters - 40)) ?? String(value.prefix(Self.maxCellCharacters / 2))
            value += "…（超出 Excel 单元格长度，全文见 JSON）"
        }
        // XML whitespace at either end, or a line break, is kept only when the cell says so.
        func isSpace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        let preserve = isSpace(value.utf8.first) || isSpace(value.utf8.last)
            || value.withUTF8 { b in b.count > 0 && memchr(b.baseAddress!, 0x0A, b.count) != nil }
        if preserve {
            xml.append(contentsOf: #" xml:space="preserve""#.utf8)
        }
        xml.append(0x3E)
        XLSXSheet.escape(value, into: &xml)
        ("</t></is></c>" as StaticString).withUTF8Buffer { xml.append(contentsOf: $0) }
    }

    /// A number cell from an exact decimal literal (`625.39`, `2024`); `amount` shows it with
    /// thousands separators and at least two decimals. Anything else is written as text.
    mutating func number(_ literal: String, amount: Bool = false) {
        guard !literal.isEmpty else { return empty() }
        guard XLSXSheet.isDecimal(literal) else { return text(literal) }
        cellStart(amount ? " s=\"2\"><v>" : "><v>")
        xml.append(contentsOf: literal.utf8)
        xml.append(contentsOf: "</v></c>".utf8)
    }

    mutating func number(_ value: Int) { number(String(value)) }

    /// An empty cell: nothing is written (every cell names its column).
    mutating func empty() {
        if column == 0 { rowStart() }
        column += 1
    }

    mutating func endRow() {
        if column == 0 { rowStart() }
        xml.append(contentsOf: "</row>".utf8)
        rowCount += 1
        column = 0
    }

    /// The filter range of the sheet, `A1:O14`.
    var range: String {
        var last: [UInt8] = []
        XLSXSheet.columnName(max(columnCount, 1) - 1, into: &last)
        return "A1:" + String(decoding: last, as: UTF8.self) + String(max(rowCount, 1))
    }

    /// The worksheet's XML.
    func finished() -> [UInt8] {
        var out = xml
        out.append(contentsOf: "</sheetData><autoFilter ref=\"\(range)\"/></worksheet>".utf8)
        return out
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    static func columnName(_ index: Int, into out: inout [UInt8]) {
        if index < columnNames.count { return out.append(contentsOf: columnNames[index]) }
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            n -= 1
            letters.append(UInt8(0x41 + n % 26))
            n /= 26
        }
        out.append(contentsOf: letters.reversed())
    }

    /// The names of the first columns, made once.
    private static let columnNames: [[UInt8]] = (0..<64).map { i in
        var name: [UInt8] = []
        var n = i + 1
        while n > 0 {
            n -= 1
            name.insert(UInt8(0x41 + n % 26), at: 0)
            n /= 26
        }
        return name
    }

    /// `-?digits(.digits)?`: what a number cell may hold, written exactly as given.
    static func isDecimal(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first >= 0x30 && first <= 0x39, bytes.count <= 15 else { return false }
        var point = false
        for b in bytes {
            if b == 0x2E { if point { return false }; point = true; continue }
            guard b >= 0x30 && b <= 0x39 else { return false }
        }
        return bytes.last != 0x2E
    }

    /// XML text with `&`, `<`, `>` escaped, and what XML cannot hold (control characters,
    /// U+FFFE and U+FFFF, and an `_xHHHH_` that would be read as an escape) written as
    /// SpreadsheetML's `_xHHHH_`.
    static func escape(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            // Most cells have nothing to escape: they are appended whole.
            let plain = needsLook.withUnsafeBufferPointer { look in !b.contains { look[Int($0)] } }
            guard !plain else { return out.append(contentsOf: b) }
            var start = 0
            var i = 0
            func flush() { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
            func hex(_ v: UInt32) {
                out.append(contentsOf: [0x5F, 0x78])
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)]) }
                out.append(0x5F)
            }
            while i < b.count {
                let c = b[i]
                var replacement: [UInt8]?
                var length = 1
                switch c {
                case 0x26: replacement = Array("&amp;".utf8)
                case 0x3C: replacement = Array("&lt;".utf8)
                case 0x3E: replacement = Array("&gt;".utf8)
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20:
                    flush(); hex(UInt32(c)); start = i + 1
                case 0x5F:
                    // `_x0041_` in the text would be read back as `A`: its underscore is escaped.
                    if i + 6 < b.count, b[i + 1] == 0x78, b[i + 6] == 0x5F, b[(i + 2)..<(i + 6)].allSatisfy(isHexDigit) {
                        flush(); hex(0x5F); start = i + 1
                    }
                case 0xEF:
                    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                    if i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF {
                        flush(); hex(b[i + 2] == 0xBE ? 0xFFFE : 0xFFFF); length = 3; start = i + 3
                    }
                default: break
                }
                if let replacement {
                    flush()
                    out.append(contentsOf: replacement)
                    start = i + 1
                }
                i += length
            }
            flush()
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes `escape` looks at: `&`, `<`, `>`, control characters other than tab and line
    /// breaks, `_` (of `_xHHHH_`) and 0xEF (the lead byte of U+FFFE and U+FFFF).
    private static let needsLook: [Bool] = (0..<256).map { b in
        b == 0x26 || b == 0x3C || b == 0x3E || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x5F || b == 0xEF
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
    }
}

/// An .xlsx file of several sheets.
enum XLSXPackage {
    static func bytes(_ sheets: [XLSXSheet]) throws -> [UInt8] {
        func quoted(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }
        var parts: [(String, [UInt8])] = []
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        var types = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for n in sheets.indices {
            types += #"<Override PartName="/xl/worksheets/sheet\#(n + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        types += "</Types>"
        parts.append(("[Content_Types].xml", Array(types.utf8)))
        parts.append(("_rels/.rels", Array((header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).utf8)))
        var workbook = header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        var names: [UInt8] = []
        for (n, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\""
            var escaped: [UInt8] = []
            XLSXSheet.escape(sheet.name, into: &escaped)
            workbook += String(decoding: escaped, as: UTF8.self) + "\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
            let range = sheet.range.split(separator: ":").map { cell in "$" + cell.prefix { $0.isLetter } + "$" + cell.drop { $0.isLetter } }.joined(separator: ":")
            names.append(contentsOf: "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(n)\" hidden=\"1\">".utf8)
            XLSXSheet.escape(quoted(sheet.name) + "!" + range, into: &names)
            names.append(contentsOf: "</definedName>".utf8)
        }
        workbook += "</sheets><definedNames>" + String(decoding: names, as: UTF8.self) + "</definedNames></workbook>"
        parts.append(("xl/workbook.xml", Array(workbook.utf8)))
        var rels = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for n in sheets.indices {
            rels += #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(n + 1).xml"/>"#
        }
        rels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        parts.append(("xl/_rels/workbook.xml.rels", Array(rels.utf8)))
        parts.append(("xl/styles.xml", Array((header + styles).utf8)))
        for (n, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(n + 1).xml", sheet.finished())) }

        var zip = ZipWriter()
        for (path, bytes) in parts {
            // The small parts are stored: deflating a few hundred bytes saves nothing and costs a
            // compressor's set-up (hundreds of kilobytes cleared) each time.
            try zip.add(path, bytes, compress: bytes.count >= 4096)
        }
        return try zip.finished()
    }

    /// Cell formats: 0 general, 1 bold text (headers), 2 amounts (`#,##0.00##`), 3 text (`@`).
    static let styles = ##"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00##"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"##
}
