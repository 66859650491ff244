import MedlintPatterns

/// How a rule matches, with its patterns compiled.
public enum RuleKind: Sendable {
    /// Claim words within a sentence.
    case phrase(patterns: [Pattern], exceptions: [Pattern], requiresContext: [Pattern])
    /// A claim sentence that needs a citation in its paragraph.
    case needsCitation(patterns: [Pattern], exceptions: [Pattern], citations: [Pattern])
    /// Something a document must contain when it contains something else.
    case requires(when: [Pattern], whenExceptions: [Pattern], require: [Pattern], within: RequireRegion)

    public var name: String {
        switch self {
        case .phrase: return "phrase"
        case .needsCitation: return "needs-citation"
        case .requires: return "requires"
        }
    }
}

/// Where a `requires` rule looks for what it requires, around each match of `when`.
public enum RequireRegion: String, Sendable, CaseIterable {
    case document
    case section
    case paragraph
}
