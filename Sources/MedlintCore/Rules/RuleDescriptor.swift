/// Everything people and reports need to know about a rule, apart from how it matches:
/// what `rules`, `explain`, SARIF `tool.driver.rules` and the text output show.
public struct RuleDescriptor: Sendable, Equatable {
    public let id: String
    public let title: String
    public let level: Severity
    public let category: String
    public let message: String
    public let rationale: String
    public let references: [RuleReference]
    public let suggestion: String
    public let tags: [String]
    public let precision: String
    /// Where the rule came from: `rules/painless-claim.yml`, a custom rule file, or `medlint` for the tool's own checks.
    public let origin: String

    public init(
        id: String, title: String, level: Severity, category: String, message: String, rationale: String,
        references: [RuleReference], suggestion: String, tags: [String] = [], precision: String = "high", origin: String
    ) {
        self.id = id
        self.title = title
        self.level = level
        self.category = category
        self.message = message
        self.rationale = rationale
        self.references = references
        self.suggestion = suggestion
        self.tags = tags
        self.precision = precision
        self.origin = origin
    }

    /// The help page address for a rule: its first reference's URL, if any.
    public var helpURI: String? { references.first(where: { !$0.url.isEmpty })?.url }
}
