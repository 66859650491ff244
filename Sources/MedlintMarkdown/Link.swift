/// A link inside a segment: a Markdown link (its text stays in the segment's prose) or a bare URL
/// (removed from the prose). Rules ask for links to decide whether a claim is cited.
public struct Link: Equatable, Sendable {
    public let destination: String
    /// The link text's byte range in the segment's text.
    public let textRange: Range<Int>
    /// The whole link's byte range in the file.
    public let sourceRange: Range<Int>
    public let isBareURL: Bool

    public init(destination: String, textRange: Range<Int>, sourceRange: Range<Int>, isBareURL: Bool) {
        self.destination = destination
        self.textRange = textRange
        self.sourceRange = sourceRange
        self.isBareURL = isBareURL
    }
}
