/// What medlint needs to know about one cmark-gfm node, copied out of the C tree as Swift values.
struct CmarkNode {
    var type: CmarkNodeType
    /// cmark positions: 1-based lines, 1-based byte columns, end inclusive; 0 when unknown.
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    /// The literal (text, code, HTML, footnote labels), when the node has one.
    var literal: [UInt8]
    /// Link or image destination.
    var url: String
    var headingLevel: Int
    var isOrderedList: Bool
    var isHeaderRow: Bool
}
