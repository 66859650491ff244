/// A rule's own test cases: documents it must flag (with the expected spans marked « ») and
/// documents it must leave alone. `medlint test-rules` and the test suite run them.
public struct RuleExamples: Sendable, Equatable {
    public struct Example: Sendable, Equatable {
        public let text: String
        /// The 1-based line of the example in the rule file, for failure reports.
        public let line: Int
    }

    public let flag: [Example]
    public let pass: [Example]
}
