/// A compiled rule: its descriptor, how it matches, which segments it reads, and its examples.
public struct Rule: Sendable {
    public var descriptor: RuleDescriptor
    public let kind: RuleKind
    /// Scope names (segment kinds and containers) the rule reads.
    public let scope: Set<String>
    public let supersedes: [String]
    public let examples: RuleExamples

    public init(descriptor: RuleDescriptor, kind: RuleKind, scope: Set<String>, supersedes: [String], examples: RuleExamples) {
        self.descriptor = descriptor
        self.kind = kind
        self.scope = scope
        self.supersedes = supersedes
        self.examples = examples
    }

    public var id: String { descriptor.id }

    public static let defaultScope: Set<String> = ["prose", "heading", "table-cell", "html", "front-matter"]
}
