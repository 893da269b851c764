// The only file that touches libcmark: text in, Swift blocks with source lines out.

import CCmark
import Foundation

/// A top-level block of a document as libcmark sees it, with its source lines.
///
/// List items are reported one by one (with their list's numbering), because the
/// forms write project headings as `1. 名称项目`.
public struct Block: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case paragraph
        case heading(level: Int)
        case codeBlock
        case htmlBlock
        case listItem(ordered: Bool, number: Int)
        case thematicBreak
        case blockQuote
        case other
    }

    public let kind: Kind
    /// First and last source line (1-based, inclusive).
    public let firstLine: Int
    public let lastLine: Int
}

/// libcmark, wrapped: every node, iterator and string is freed before returning.
public enum CommonMark {
    /// The top-level blocks of `bytes`, in document order.
    public static func blocks(of bytes: [UInt8]) -> [Block] {
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count, CMARK_OPT_VALIDATE_UTF8)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        guard let root else { return [] }
        defer { cmark_node_free(root) }

        var result: [Block] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            appendBlocks(of: current, to: &result)
            node = cmark_node_next(current)
        }
        return result
    }

    private static func appendBlocks(of node: OpaquePointer, to result: inout [Block]) {
        let first = Int(cmark_node_get_start_line(node))
        let last = max(first, Int(cmark_node_get_end_line(node)))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            result.append(Block(kind: .paragraph, firstLine: first, lastLine: last))
        case CMARK_NODE_HEADING:
            result.append(Block(kind: .heading(level: Int(cmark_node_get_heading_level(node))), firstLine: first, lastLine: last))
        case CMARK_NODE_CODE_BLOCK:
            result.append(Block(kind: .codeBlock, firstLine: first, lastLine: last))
        case CMARK_NODE_HTML_BLOCK:
            result.append(Block(kind: .htmlBlock, firstLine: first, lastLine: last))
        case CMARK_NODE_THEMATIC_BREAK:
            result.append(Block(kind: .thematicBreak, firstLine: first, lastLine: last))
        case CMARK_NODE_BLOCK_QUOTE:
            result.append(Block(kind: .blockQuote, firstLine: first, lastLine: last))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var number = Int(cmark_node_get_list_start(node))
            var item = cmark_node_first_child(node)
            while let current = item {
                let itemFirst = Int(cmark_node_get_start_line(current))
                let itemLast = max(itemFirst, Int(cmark_node_get_end_line(current)))
                result.append(Block(kind: .listItem(ordered: ordered, number: number), firstLine: itemFirst, lastLine: itemLast))
                number += 1
                item = cmark_node_next(current)
            }
        default:
            result.append(Block(kind: .other, firstLine: first, lastLine: last))
        }
    }

    /// Renders Markdown to HTML in libcmark's safe mode: raw HTML is omitted and
    /// `javascript:`-style links are dropped.
    public static func html(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { buf -> String in
            guard let base = buf.baseAddress else { return "" }
            let out = base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_markdown_to_html($0, buf.count, CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NOBREAKS)
            }
            guard let out else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
    }
}
