// The only file that touches libxml2: HTML and XML bytes in, parse events out as Swift values.
//
// Both parsers run in SAX mode: no tree is built, so nothing deep is ever freed recursively and
// memory stays flat. Every libxml2 object is created and freed inside one call below; handlers
// get Swift strings, and text as a borrowed buffer that is valid only during the call.

import CLibXML2

/// An attribute of an element, entities decoded.
struct MarkupAttribute: Sendable, Equatable {
    /// The local name (lower case in HTML: libxml2 folds HTML names).
    var name: String
    var value: String
}

/// Receives the events of one parse, in document order.
protocol MarkupHandler: AnyObject {
    /// An element starts. `tag` is where its start tag sits in the input (bytes, from `<` to
    /// past `>`; HTML only, empty for XML). Returns false to stop the parse there.
    func start(_ name: String, namespace: String?, attributes: [MarkupAttribute], tag: Range<Int>) -> Bool
    /// An element ends. `at` is the input offset after the end (HTML only); `closedByTag` says
    /// whether the input had an end tag for it (HTML only: false where the parser closed it,
    /// for example at the end of the input).
    func end(_ name: String, namespace: String?, at offset: Int, closedByTag: Bool)
    /// Text with entities decoded, valid only during the call; `source` the input bytes it
    /// came from (HTML only).
    func text(_ utf8: UnsafeBufferPointer<UInt8>, source: Range<Int>)
}

/// Why libxml2 refused an XML part.
enum XMLFailure: Sendable, Equatable {
    /// Not well-formed (libxml2's message, its line).
    case malformed(line: Int, message: String)
    /// Bytes that are not text in the declared encoding, or an encoding other than UTF-8/UTF-16.
    case notUnicode(line: Int, encoding: String?)
    /// A `<!DOCTYPE>`: a DTD could declare entities (billion laughs) or fetch files, and no
    /// Office part has one, so the part is refused before the DTD is read.
    case doctype(line: Int)
}

enum Markup {
    /// The largest input handed to libxml2 (its sizes are C ints).
    static let maximumBytes = 1 << 30

    /// Parses `bytes` as HTML the way libxml2's HTML parser does (tags closed and implied as
    /// HTML says), always as UTF-8 (a `<meta charset>` is ignored: the caller has the text).
    /// Positions are byte offsets into `bytes`.
    static func parseHTML(_ bytes: [UInt8], into handler: MarkupHandler) {
        guard !bytes.isEmpty, bytes.count <= maximumBytes else { return }
        _ = libxml2Ready
        bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                _ = htmlCtxtUseOptions(ctxt, Int32(options))
                // UTF-8 without an encoder: libxml2 would otherwise guess Latin-1 at the first
                // non-ASCII byte of a page without a charset (mammoth, pandoc).
                _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8)
                let session = Session(handler: handler, input: input, html: true)
                ctxt.pointee.sax.pointee = htmlHandlers()
                ctxt.pointee._private = Unmanaged.passUnretained(session).toOpaque()
                _ = htmlParseDocument(ctxt)
            }
        }
    }

    /// Parses `bytes` as XML with namespaces: no DTD, no entity substitution, no network, the
    /// default depth and size limits (XML_PARSE_HUGE off). Returns why it was refused, if it was.
    static func parseXML(_ bytes: [UInt8], into handler: MarkupHandler) -> XMLFailure? {
        guard !bytes.isEmpty else { return .malformed(line: 1, message: "empty") }
        guard bytes.count <= maximumBytes else { return .malformed(line: 1, message: "too large") }
        _ = libxml2Ready
        return bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars -> XMLFailure? in
                guard let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else {
                    return .malformed(line: 1, message: "libxml2 could not start")
                }
                defer { xmlFreeParserCtxt(ctxt) }
                let session = Session(handler: handler, input: input, html: false)
                ctxt.pointee.sax.pointee = xmlHandlers()
                ctxt.pointee._private = Unmanaged.passUnretained(session).toOpaque()
                _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue))
                _ = xmlParseDocument(ctxt)
                if let failure = session.failure { return failure }
                if session.stoppedByHandler { return nil }
                if ctxt.pointee.wellFormed == 0 {
                    return .malformed(line: Int(ctxt.pointee.input?.pointee.line ?? 0), message: "not well-formed")
                }
                return nil
            }
        }
    }
}

// MARK: - The session behind one parse

/// Initialises libxml2 once per process (its documented way to be thread-safe).
private let libxml2Ready: Void = { xmlInitParser() }()

/// The state of one parse, reached from the C callbacks through the context's `_private`.
private final class Session {
    let handler: MarkupHandler
    let input: UnsafeBufferPointer<UInt8>
    let html: Bool
    /// Where the last event's source ended: text after it starts here.
    var lastEnd = 0
    var stoppedByHandler = false
    var encodingChecked = false
    var failure: XMLFailure?
    /// libxml2 interns namespace names, so one pointer means one string.
    var lastNamespace: (pointer: UnsafePointer<xmlChar>, string: String)?

    init(handler: MarkupHandler, input: UnsafeBufferPointer<UInt8>, html: Bool) {
        self.handler = handler
        self.input = input
        self.html = html
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> (Session, xmlParserCtxtPtr)? {
        guard let context else { return nil }
        let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let session = ctxt.pointee._private else { return nil }
        return (Unmanaged<Session>.fromOpaque(session).takeUnretainedValue(), ctxt)
    }

    /// The input offset libxml2 has reached (no encoder is installed, so this is cheap).
    func offset(_ ctxt: xmlParserCtxtPtr) -> Int {
        min(max(0, Int(xmlByteConsumed(ctxt))), input.count)
    }

    func namespace(_ uri: UnsafePointer<xmlChar>?) -> String? {
        guard let uri else { return nil }
        if let last = lastNamespace, last.pointer == uri { return last.string }
        let string = String(cString: uri)
        lastNamespace = (uri, string)
        return string
    }

    func stop(_ ctxt: xmlParserCtxtPtr) {
        stoppedByHandler = true
        xmlStopParser(ctxt)
    }

    // HTML: libxml2 calls startElement with the input at the tag's `>` (or `/>`), and
    // endElement after the end tag's `>`.
    func htmlStart(_ ctxt: xmlParserCtxtPtr, _ name: String, _ attributes: [MarkupAttribute]) {
        let at = offset(ctxt)
        var open = at
        var k = lastEnd
        while k < at {
            if input[k] == 0x3C { open = k; break }
            k += 1
        }
        var end = at
        if at < input.count, input[at] == 0x3E {
            end = at + 1
        } else if at + 1 < input.count, input[at] == 0x2F, input[at + 1] == 0x3E {
            end = at + 2
        }
        lastEnd = max(lastEnd, end)
        if !handler.start(name, namespace: nil, attributes: attributes, tag: min(open, end)..<end) {
            stop(ctxt)
        }
    }

    func htmlEnd(_ ctxt: xmlParserCtxtPtr, _ name: String) {
        let at = offset(ctxt)
        lastEnd = max(lastEnd, at)
        handler.end(name, namespace: nil, at: at, closedByTag: endsWithEndTag(named: name, at: at))
    }

    /// Whether the input just before `at` is `</name>` (libxml2 also closes elements itself,
    /// for example all that are open at the end of the input).
    private func endsWithEndTag(named name: String, at: Int) -> Bool {
        guard at >= 3, at <= input.count, input[at - 1] == 0x3E else { return false }
        var k = at - 2
        let floor = max(0, at - 64)
        while k > floor, input[k] != 0x3C { k -= 1 }
        guard input[k] == 0x3C, input[k + 1] == 0x2F else { return false }
        var n = k + 2
        for byte in name.utf8 {
            guard n < at, input[n] | 0x20 == byte | 0x20 else { return false }
            n += 1
        }
        guard n < at else { return false }
        let next = input[n]
        return next == 0x3E || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C
    }

    func htmlText(_ ctxt: xmlParserCtxtPtr, _ text: UnsafeBufferPointer<UInt8>) {
        let at = offset(ctxt)
        let from = min(lastEnd, at)
        lastEnd = max(lastEnd, at)
        handler.text(text, source: from..<at)
    }
}

// MARK: - C callbacks

private func attributes(_ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [MarkupAttribute] {
    guard var pair = pairs else { return [] }
    var result: [MarkupAttribute] = []
    while let name = pair[0] {
        let value = pair[1].map { String(cString: $0) } ?? ""
        result.append(MarkupAttribute(name: String(cString: name), value: value))
        pair += 2
    }
    return result
}

private func htmlHandlers() -> htmlSAXHandler {
    var sax = htmlSAXHandler()
    sax.initialized = 1
    sax.startElement = { context, name, pairs in
        guard let (session, ctxt) = Session.from(context), let name else { return }
        session.htmlStart(ctxt, String(cString: name), attributes(pairs))
    }
    sax.endElement = { context, name in
        guard let (session, ctxt) = Session.from(context), let name else { return }
        session.htmlEnd(ctxt, String(cString: name))
    }
    let characters: charactersSAXFunc = { context, chars, length in
        guard let (session, ctxt) = Session.from(context), let chars, length > 0 else { return }
        session.htmlText(ctxt, UnsafeBufferPointer(start: chars, count: Int(length)))
    }
    sax.characters = characters
    sax.ignorableWhitespace = characters
    // <script> and <style> content: skipped, but its bytes are passed.
    sax.cdataBlock = { context, _, _ in
        guard let (session, ctxt) = Session.from(context) else { return }
        session.lastEnd = max(session.lastEnd, session.offset(ctxt))
    }
    sax.comment = { context, _ in
        guard let (session, ctxt) = Session.from(context) else { return }
        session.lastEnd = max(session.lastEnd, session.offset(ctxt))
    }
    return sax
}

private func xmlHandlers() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = { context, localname, _, uri, _, _, count, _, pairs in
        guard let (session, ctxt) = Session.from(context), let localname else { return }
        if !session.encodingChecked {
            // The declaration has been read by the first element. Office parts are UTF-8 or UTF-16.
            session.encodingChecked = true
            // libxml2 keeps a declared UTF-8/UTF-16 in the context, any other in the input.
            if let encoding = ctxt.pointee.input?.pointee.encoding ?? ctxt.pointee.encoding, !isUnicode(encoding) {
                session.failure = .notUnicode(line: Int(ctxt.pointee.input?.pointee.line ?? 0),
                                              encoding: String(cString: encoding))
                session.stop(ctxt)
                return
            }
        }
        var list: [MarkupAttribute] = []
        if let pairs, count > 0 {
            list.reserveCapacity(Int(count))
            for i in 0..<Int(count) {
                // localname, prefix, URI, value, end: the value is not NUL-terminated.
                guard let name = pairs[5 * i], let start = pairs[5 * i + 3], let end = pairs[5 * i + 4] else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: max(0, end - start)), as: UTF8.self)
                list.append(MarkupAttribute(name: String(cString: name), value: value))
            }
        }
        if !session.handler.start(String(cString: localname), namespace: session.namespace(uri), attributes: list, tag: 0..<0) {
            session.stop(ctxt)
        }
    }
    sax.endElementNs = { context, localname, _, uri in
        guard let (session, _) = Session.from(context), let localname else { return }
        session.handler.end(String(cString: localname), namespace: session.namespace(uri), at: 0, closedByTag: true)
    }
    let characters: charactersSAXFunc = { context, chars, length in
        guard let (session, _) = Session.from(context), let chars, length > 0 else { return }
        session.handler.text(UnsafeBufferPointer(start: chars, count: Int(length)), source: 0..<0)
    }
    sax.characters = characters
    sax.ignorableWhitespace = characters
    sax.cdataBlock = characters
    sax.internalSubset = { context, _, _, _ in
        guard let (session, ctxt) = Session.from(context) else { return }
        session.failure = .doctype(line: Int(ctxt.pointee.input?.pointee.line ?? 0))
        session.stop(ctxt)
    }
    // Keep the first real error; the one xmlStopParser raises is ours.
    sax.serror = { context, error in
        guard let (session, _) = Session.from(context), let error, !session.stoppedByHandler,
              session.failure == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let line = Int(error.pointee.line)
        switch Int(error.pointee.code) {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
             Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
            session.failure = .notUnicode(line: line, encoding: nil)
        default:
            let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
            session.failure = .malformed(line: line, message: message.trimmingSuffix())
        }
    }
    return sax
}

private func isUnicode(_ encoding: UnsafePointer<xmlChar>) -> Bool {
    let name = String(cString: encoding).uppercased()
    return name == "UTF-8" || name == "UTF8" || name.hasPrefix("UTF-16") || name == "UTF16"
}

private extension String {
    func trimmingSuffix() -> String {
        var s = self
        while let last = s.last, last == "\n" || last == " " { s.removeLast() }
        return s
    }
}
