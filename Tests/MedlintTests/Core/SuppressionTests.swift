import MedlintCore
import MedlintMarkdown
import MedlintPatterns
import Testing

@Suite("Suppression directives")
struct SuppressionTests {
    static let rule: Rule = {
        let yaml = RuleLoaderTests.valid
        return try! RuleLoader().load(builtin: [RuleSource(path: "rules/sample-rule.yml", contents: yaml, isLexicon: false)]).rules[0]
    }()

    func lint(_ markdown: String, requireReason: Bool = true) -> [String] {
        let document = Document(markdown: markdown)
        let diagnostics = Linter(rules: [Self.rule]).lint(document, scratch: MatchScratch())
        let applied = SuppressionApplier(knownRuleIDs: ["sample-rule"], requireReason: requireReason).apply(diagnostics, document: document)
        return applied.map {
            let line = document.lineIndex.location(of: $0.range.lowerBound).line
            return "\(line) \($0.ruleID)" + ($0.suppression.map { " suppressed(\($0.justification))" } ?? "")
        }
    }

    @Test("disable-next-line with a reason suppresses the next line only")
    func nextLine() {
        #expect(lint("<!-- medlint-disable-next-line sample-rule -- reviewed by legal 2026-11-02 -->\nA miracle.\n\nAnother miracle.\n")
            == ["2 sample-rule suppressed(reviewed by legal 2026-11-02)", "4 sample-rule"])
    }

    @Test("disable … enable covers the lines between")
    func block() {
        #expect(lint("<!-- medlint-disable sample-rule -- quoted study -->\n\nA miracle.\n\n<!-- medlint-enable sample-rule -->\n\nA miracle.\n")
            == ["3 sample-rule suppressed(quoted study)", "7 sample-rule"])
    }

    @Test("disable-file covers the file")
    func file() {
        #expect(lint("A miracle.\n\n<!-- medlint-disable-file sample-rule -- legacy page -->\n")
            == ["1 sample-rule suppressed(legacy page)"])
    }

    @Test("a directive without a reason is reported and not applied")
    func withoutReason() {
        #expect(lint("<!-- medlint-disable-next-line sample-rule -->\nA miracle.\n")
            == ["1 suppression-without-reason", "2 sample-rule"])
        #expect(lint("<!-- medlint-disable-next-line sample-rule -->\nA miracle.\n", requireReason: false)
            == ["2 sample-rule suppressed()"])
    }

    @Test("an unknown rule and an unused directive are reported")
    func unknownAndUnused() {
        #expect(lint("<!-- medlint-disable-next-line sampel-rule -- typo -->\nFine.\n") == ["1 unknown-rule-in-suppression"])
        #expect(lint("<!-- medlint-disable-next-line sample-rule -- stale -->\nFine.\n") == ["1 unused-suppression"])
    }
}
