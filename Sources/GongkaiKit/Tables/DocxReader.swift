// A Word file (.docx) read as it is: its paragraphs and tables as blocks, with no converter between.

/// Reads a .docx into blocks: body paragraphs in order (headings from their style, list items
/// from their numbering), tables with `gridSpan` as column spans and `vMerge` as row spans
/// (shape `.docx`), a cell's paragraphs joined by `\n`. Lines are paragraph numbers: every
/// `w:p` in document order, body and cells alike, counted from 1 (as docx2txt lists them); a
/// cell's line is its first paragraph's; there are no columns. An empty body paragraph is a
/// `.blank`. A table inside a cell becomes a table of its own right after the one holding it.
///
/// The file is untrusted: at most `maximumEntries` zip entries and `maximumBytes` inflated in
/// all, every size checked while inflating, XML without DTDs, entities or network, nesting
/// at most `DocxBodyBuilder.maximumDepth` deep.
///
/// Failures (the whole file unread; line 1):
/// - `docx-unreadable`: not a zip (an old .doc, an encrypted .docx, another file renamed), a
///   cut-off or damaged zip, an encrypted entry or unknown compression;
/// - `docx-too-large`: more than `maximumEntries` entries, or parts inflating past `maximumBytes`;
/// - `docx-no-document`: no main document part (word/document.xml);
/// - `docx-bad-xml`: document.xml not well-formed XML (its XML line is in the message);
/// - `docx-xml-dtd`: document.xml has a `<!DOCTYPE>` (never written by Word; refused so that no
///   entity is ever expanded);
/// - `docx-not-utf8`: document.xml is not text in UTF-8 or UTF-16;
/// - `docx-too-deep`: elements nested deeper than `DocxBodyBuilder.maximumDepth`.
///
/// Problems beside the blocks (warnings, at the paragraph's number):
/// - `docx-styles-unreadable`: styles.xml or numbering.xml unreadable (headings and list
///   numbers not recognised; the text is read all the same);
/// - `docx-merged-cell-text`: a cell covered by a merge has text (added to the merged cell);
/// - `docx-span-clamped`, `docx-table-too-large`: spans cut at the table's edge, or ignored
///   for a table too large to expand.
public enum DocxReader {
    public static let maximumBytes = 64 << 20
    public static let maximumEntries = DocxZip.maximumEntries

    public static func blocks(of bytes: [UInt8]) -> Result<MarkupReading, MarkupProblem> {
        let zip: DocxZip
        do {
            zip = try DocxZip(bytes)
        } catch {
            return .failure(problem(error))
        }
        var budget = maximumBytes
        do {
            let main = try mainPart(of: zip, budget: &budget)
            guard let document = try zip.read(main, budget: &budget) else {
                return .failure(failure("docx-no-document",
                    zh: "文件中没有 Word 正文（word/document.xml）：不是 Word 文档，或文件已损坏",
                    en: "there is no Word body (word/document.xml) in the file: not a Word document, or damaged"))
            }
            var problems: [MarkupProblem] = []
            let (styles, numbering) = try sideParts(of: zip, main: main, budget: &budget, problems: &problems)
            let body = DocxBodyBuilder(styles: styles, numbering: numbering)
            let refused = Markup.parseXML(document, into: body)
            if let line = body.tooDeep {
                return .failure(failure("docx-too-deep",
                    zh: "Word 正文的元素嵌套超过 \(DocxBodyBuilder.maximumDepth) 层（约第 \(line) 段），未读取",
                    en: "the Word body nests elements over \(DocxBodyBuilder.maximumDepth) deep (near paragraph \(line)); it was not read"))
            }
            if let refused { return .failure(problem(refused, part: main)) }
            body.finish()
            return .success(MarkupReading(blocks: body.blocks, problems: problems + body.problems))
        } catch {
            return .failure(problem(error))
        }
    }

    // MARK: - Parts

    /// The main document's path: from the package relationships, else the usual name.
    private static func mainPart(of zip: DocxZip, budget: inout Int) throws(DocxZip.Failure) -> String {
        if let rels = try zip.read("_rels/.rels", budget: &budget) {
            let relationships = DocxRelationships(folder: "")
            if Markup.parseXML(rels, into: relationships) == nil,
               let target = relationships.target("officeDocument"), zip.entries[target] != nil {
                return target
            }
        }
        return "word/document.xml"
    }

    /// styles.xml and numbering.xml, where the document's relationships say (else the usual
    /// names); each is optional, and one that cannot be read is a warning.
    private static func sideParts(of zip: DocxZip, main: String, budget: inout Int,
                                  problems: inout [MarkupProblem]) throws(DocxZip.Failure) -> (DocxStyles?, DocxNumbering?) {
        let folder = main.split(separator: "/").dropLast().joined(separator: "/")
        let file = main.split(separator: "/").last.map(String.init) ?? main
        let prefix = folder.isEmpty ? "" : folder + "/"
        var stylesPath = prefix + "styles.xml"
        var numberingPath = prefix + "numbering.xml"
        if let rels = try zip.read(prefix + "_rels/" + file + ".rels", budget: &budget) {
            let relationships = DocxRelationships(folder: folder)
            if Markup.parseXML(rels, into: relationships) == nil {
                stylesPath = relationships.target("styles") ?? stylesPath
                numberingPath = relationships.target("numbering") ?? numberingPath
            }
        }
        var unreadable: [String] = []
        var styles: DocxStyles?
        if let bytes = try zip.read(stylesPath, budget: &budget) {
            let reader = DocxStyles()
            if Markup.parseXML(bytes, into: reader) == nil { styles = reader } else { unreadable.append(stylesPath) }
        }
        var numbering: DocxNumbering?
        if let bytes = try zip.read(numberingPath, budget: &budget) {
            let reader = DocxNumbering()
            if Markup.parseXML(bytes, into: reader) == nil { numbering = reader } else { unreadable.append(numberingPath) }
        }
        if !unreadable.isEmpty {
            let names = unreadable.joined(separator: "、")
            problems.append(MarkupProblem(
                .warning, code: "docx-styles-unreadable", line: 1,
                Localized(zh: "\(names) 无法读取：标题级别和列表编号未识别，正文照常读取",
                          en: "\(unreadable.joined(separator: ", ")) could not be read: headings and list numbers were not recognised; the text was read all the same")))
        }
        return (styles, numbering)
    }

    // MARK: - Problems

    private static let convert = "soffice --headless --convert-to docx"

    private static func failure(_ code: String, zh: String, en: String) -> MarkupProblem {
        MarkupProblem(.error, code: code, line: 1, Localized(zh: zh, en: en))
    }

    private static func problem(_ error: any Error) -> MarkupProblem {
        guard let error = error as? DocxZip.Failure else {
            return failure("docx-unreadable", zh: "无法读取 .docx", en: "cannot read the .docx")
        }
        switch error {
        case .notZip(oldWord: true):
            return failure("docx-unreadable",
                zh: "这是旧版 Word 文件（.doc）或加密的 .docx，无法直接读取：请在 Word 中另存为 .docx（不设密码），或运行 \(convert) 文件名",
                en: "this is an old Word file (.doc) or an encrypted .docx: save it as .docx without a password, or run \(convert) FILE")
        case .notZip(oldWord: false):
            return failure("docx-unreadable",
                zh: "不是 .docx 文件（.docx 是 zip 压缩包）：请在 Word 中另存为 .docx，或运行 \(convert) 文件名",
                en: "not a .docx file (a .docx is a zip archive): save it as .docx in Word, or run \(convert) FILE")
        case .damaged(let detail):
            return failure("docx-unreadable",
                zh: "无法读取 .docx：文件损坏或不完整（\(detail)）",
                en: "cannot read the .docx: the file is damaged or incomplete (\(detail))")
        case .unsupported(let detail):
            return failure("docx-unreadable",
                zh: "无法读取 .docx：加密或不支持的压缩方式（\(detail)）",
                en: "cannot read the .docx: encrypted, or compressed in a way not supported (\(detail))")
        case .tooManyEntries(let count):
            return failure("docx-too-large",
                zh: "zip 中有 \(count) 个条目，超过上限 \(maximumEntries)，未读取",
                en: "the zip has \(count) entries, over the limit of \(maximumEntries); not read")
        case .tooLarge(let name, let bytes):
            return failure("docx-too-large",
                zh: "\(name) 解压后有 \(bytes >> 20) MiB，超过上限 \(maximumBytes >> 20) MiB（可能是 zip 炸弹），未读取",
                en: "\(name) inflates to \(bytes >> 20) MiB, over the limit of \(maximumBytes >> 20) MiB (a zip bomb?); not read")
        }
    }

    private static func problem(_ refused: XMLFailure, part: String) -> MarkupProblem {
        switch refused {
        case .malformed(let line, let message):
            return failure("docx-bad-xml",
                zh: "\(part) 不是格式正确的 XML（XML 第 \(line) 行：\(message)），未读取",
                en: "\(part) is not well-formed XML (XML line \(line): \(message)); not read")
        case .doctype:
            return failure("docx-xml-dtd",
                zh: "\(part) 含有 DOCTYPE（Word 从不写入），为防止实体展开攻击未读取",
                en: "\(part) has a DOCTYPE, which Word never writes; not read, so that no entity is expanded")
        case .notUnicode(let line, let encoding):
            let declared = encoding.map { "（声明为 \($0)）" } ?? ""
            let declaredEn = encoding.map { " (declared as \($0))" } ?? ""
            return failure("docx-not-utf8",
                zh: "\(part) 不是有效的 UTF-8/UTF-16 文本\(declared)（XML 第 \(line) 行），未读取",
                en: "\(part) is not valid UTF-8/UTF-16 text\(declaredEn) (XML line \(line)); not read")
        }
    }
}
