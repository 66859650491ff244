/// A Markdown file as medlint sees it: the prose segments a reader sees, in source order, with
/// everything rules need to ask about citations and suppressions, and the line index that turns
/// byte offsets into lines and columns.
public struct Document: Sendable {
    /// The file's bytes (UTF-8).
    public let bytes: [UInt8]
    public let lineIndex: LineIndex
    /// Prose segments sorted by position in the file.
    public let segments: [Segment]
    /// HTML comments, in source order.
    public let comments: [HTMLComment]
    /// Labels of the footnote definitions the document contains.
    public let footnoteDefinitions: Set<String>
    /// The byte range of the front matter block, delimiters included, if the file has one.
    public let frontMatterRange: Range<Int>?
    /// Constructs cmark-gfm would parse in quadratic time, read as plain text instead (byte
    /// offsets into `bytes`); see `PathologicalInputGuard`.
    public let simplifications: [PathologicalInputGuard.Simplification]

    public init(
        bytes: [UInt8], lineIndex: LineIndex, segments: [Segment], comments: [HTMLComment],
        footnoteDefinitions: Set<String>, frontMatterRange: Range<Int>?,
        simplifications: [PathologicalInputGuard.Simplification] = []
    ) {
        self.bytes = bytes
        self.lineIndex = lineIndex
        self.segments = segments
        self.comments = comments
        self.footnoteDefinitions = footnoteDefinitions
        self.frontMatterRange = frontMatterRange
        self.simplifications = simplifications
    }

    /// Parses Markdown bytes (valid UTF-8) into a document.
    public init(parsing bytes: [UInt8], options: ParseOptions = ParseOptions()) {
        self = DocumentParser(bytes: bytes, options: options).parse()
    }

    /// Convenience for tests and tools.
    public init(markdown: String, options: ParseOptions = ParseOptions()) {
        self.init(parsing: Array(markdown.utf8), options: options)
    }
}
