/// Choices that change how a document is read.
public struct ParseOptions: Sendable, Equatable {
    /// Front-matter keys whose string values are prose (what search results and social cards show).
    public var frontMatterFields: [String]

    public static let defaultFrontMatterFields = ["title", "description", "summary", "excerpt"]

    public init(frontMatterFields: [String] = ParseOptions.defaultFrontMatterFields) {
        self.frontMatterFields = frontMatterFields
    }
}
