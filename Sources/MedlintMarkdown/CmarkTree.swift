import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cmark-gfm parse of one buffer, with the table, strikethrough and tasklist extensions and
/// footnotes. Owns the C parser and tree and frees them; callers see only Swift values.
/// The autolink extension stays off: it reports wrong positions around the links it makes, so
/// bare URLs are found by `BareURLScanner` instead.
final class CmarkTree {
    enum Event {
        case enter(CmarkNode)
        case exit(CmarkNode)
    }

    private let root: OpaquePointer

    /// cmark-gfm keeps its extension registry in process-wide state: fill it once, before any worker starts.
    static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = Self.registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES)!
        defer { cmark_parser_free(parser) }
        let names: [String] = ["table", "strikethrough", "tasklist"]
        for name in names {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                _ = cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        // cmark-gfm 0.29 adds the extensions' inline characters ('~', '|') to a process-wide table
        // when a parse starts and removes them when it ends, so a parse finishing on one worker
        // made another worker's strikethrough plain text. Parses take turns; linting stays parallel.
        pthread_mutex_lock(Self.parseLock)
        bytes.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
        }
        root = cmark_parser_finish(parser)!
        pthread_mutex_unlock(Self.parseLock)
    }

    /// Never freed: it lives as long as the process.
    private nonisolated(unsafe) static let parseLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    deinit { cmark_node_free(root) }

    /// Visits every node in document order (leaves get only `.enter`).
    func walk(_ visit: (Event) -> Void) {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let info = Self.describe(node)
            if event == CMARK_EVENT_ENTER {
                visit(.enter(info))
            } else if event == CMARK_EVENT_EXIT {
                visit(.exit(info))
            }
        }
    }

    private static func describe(_ node: OpaquePointer) -> CmarkNode {
        let type = nodeType(node)
        var literal: [UInt8] = []
        switch type {
        case .text, .code, .htmlInline, .htmlBlock, .codeBlock, .footnoteReference, .footnoteDefinition:
            if let pointer = cmark_node_get_literal(node) {
                literal = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
            }
        default:
            break
        }
        var url = ""
        if type == .link || type == .image, let pointer = cmark_node_get_url(node) {
            url = String(cString: pointer)
        }
        return CmarkNode(
            type: type,
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node)),
            literal: literal,
            url: url,
            headingLevel: type == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
            isOrderedList: type == .list && cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
            isHeaderRow: type == .tableRow && cmark_gfm_extensions_get_table_row_is_header(node) != 0
        )
    }

    private static func nodeType(_ node: OpaquePointer) -> CmarkNodeType {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            if type == ccmark_node_table() { return .table }
            if type == ccmark_node_table_row() { return .tableRow }
            if type == ccmark_node_table_cell() { return .tableCell }
            if type == ccmark_node_strikethrough() { return .strikethrough }
            return .other
        }
    }
}
