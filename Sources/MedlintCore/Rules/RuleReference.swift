/// The regulation or guidance behind a rule, shown by `explain` and in SARIF help.
public struct RuleReference: Sendable, Equatable, Codable {
    public let title: String
    public let url: String
    public let section: String

    public init(title: String, url: String, section: String) {
        self.title = title
        self.url = url
        self.section = section
    }
}
