/// The prose of one leaf block as a reader sees it (inline markup removed, entities decoded, a soft
/// break as one space, a hard break as a newline) together with the map back to the file.
/// Rules match against `text`; `sourceMap` turns every match into exact file offsets.
public struct Segment: Sendable {
    public let kind: SegmentKind
    /// The blocks around this one, outermost first.
    public let containers: [Container]
    /// 1–6 for headings, else nil.
    public let headingLevel: Int?
    /// For front-matter segments, the key whose value this is.
    public let frontMatterKey: String?
    /// UTF-8 text, normalised: curly quotes as ' and ", NBSP as space, Unicode hyphens as '-'.
    public let text: [UInt8]
    public let sourceMap: SourceMap
    /// The byte range of the whole block in the file.
    public let blockRange: Range<Int>
    public let links: [Link]
    public let footnoteReferences: [FootnoteReference]
    /// Index in `Document.segments` of the nearest heading above this segment, if any.
    public internal(set) var headingIndex: Int?

    public init(
        kind: SegmentKind, containers: [Container], headingLevel: Int?, frontMatterKey: String?,
        text: [UInt8], sourceMap: SourceMap, blockRange: Range<Int>, links: [Link],
        footnoteReferences: [FootnoteReference], headingIndex: Int? = nil
    ) {
        self.kind = kind
        self.containers = containers
        self.headingLevel = headingLevel
        self.frontMatterKey = frontMatterKey
        self.text = text
        self.sourceMap = sourceMap
        self.blockRange = blockRange
        self.links = links
        self.footnoteReferences = footnoteReferences
        self.headingIndex = headingIndex
    }

    public var string: String { String(decoding: text, as: UTF8.self) }

    /// The scope names this segment answers to: its kind, `prose` for any paragraph, and its containers.
    public var scopeNames: Set<String> {
        var names: Set<String> = [kind.rawValue]
        if kind == .paragraph { names.insert("prose") }
        for container in containers { names.insert(container.scopeName) }
        return names
    }

    /// The file byte range of a range of `text`.
    public func sourceRange(ofText range: Range<Int>) -> Range<Int> { sourceMap.sourceRange(ofText: range) }
}
