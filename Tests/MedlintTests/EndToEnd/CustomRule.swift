/// A minimal custom phrase rule file for end-to-end tests (line 10 holds the pattern).
enum CustomRule {
    static func yaml(id: String, level: String = "warning", pattern: String, message: String = "flagged") -> String {
        """
        id: \(id)
        title: Test rule
        level: \(level)
        category: test
        message: "\(message)"
        rationale: Test rule.
        references: [{title: Test, url: "https://example.com", section: ""}]
        suggestion: Describe the result plainly.
        kind: phrase
        patterns: ['\(pattern)']
        examples: {flag: ['A «x».'], pass: ['Plain.']}

        """
    }
}
