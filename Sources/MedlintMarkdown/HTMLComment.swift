/// An HTML comment, kept aside from the prose with its position: suppression directives live in them.
public struct HTMLComment: Equatable, Sendable {
    /// The text between `<!--` and `-->`.
    public let body: String
    /// The whole comment's byte range in the file.
    public let sourceRange: Range<Int>

    public init(body: String, sourceRange: Range<Int>) {
        self.body = body
        self.sourceRange = sourceRange
    }
}
