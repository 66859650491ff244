/// A block that holds a segment: rules can be scoped to text inside lists, quotes, tables or footnotes.
public enum Container: Equatable, Hashable, Sendable {
    case list(ordered: Bool)
    case blockQuote
    case table(headerRow: Bool)
    case footnote(label: String)

    /// The scope name rules use for this container.
    public var scopeName: String {
        switch self {
        case .list: return "list"
        case .blockQuote: return "blockquote"
        case .table: return "table"
        case .footnote: return "footnote"
        }
    }
}
