/// A `[^label]` reference in a segment; it cites a source when the document defines the label.
public struct FootnoteReference: Equatable, Sendable {
    public let label: String
    /// Where the reference sits in the segment's text (it adds no text itself).
    public let textOffset: Int
    public let sourceRange: Range<Int>

    public init(label: String, textOffset: Int, sourceRange: Range<Int>) {
        self.label = label
        self.textOffset = textOffset
        self.sourceRange = sourceRange
    }
}
