/// What kind of leaf block a segment of prose came from.
public enum SegmentKind: String, Sendable, CaseIterable, Codable {
    case paragraph
    case heading
    case tableCell = "table-cell"
    case altText = "alt-text"
    case html
    case frontMatter = "front-matter"
}
