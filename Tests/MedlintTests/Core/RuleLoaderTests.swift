@testable import MedlintCore
import Testing

@Suite("Rule files are checked strictly")
struct RuleLoaderTests {
    static let valid = """
        id: sample-rule
        title: Sample
        level: warning
        category: test
        message: "{match} is flagged"
        rationale: Because.
        references:
          - {title: FTC, url: "https://www.ftc.gov", section: "§5"}
        suggestion: Say it differently.
        kind: phrase
        patterns: ['\\bmiracle\\b']
        examples:
          flag: ['A «miracle» cure.']
          pass: ['Nothing here.']

        """

    func load(_ text: String, name: String = "sample-rule") throws(ConfigurationError) -> [Rule] {
        // Loaded as a custom rule, so patterns are compiled (and checked) at once.
        try RuleLoader().load(builtin: [], custom: [[RuleSource(path: "rules/\(name).yml", contents: text, isLexicon: false)]]).rules
    }

    func error(_ text: String, name: String = "sample-rule") -> String {
        do {
            _ = try load(text, name: name)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("a valid rule loads")
    func valid() throws {
        let rules = try load(Self.valid)
        #expect(rules.map(\.id) == ["sample-rule"])
        #expect(rules[0].descriptor.references == [RuleReference(title: "FTC", url: "https://www.ftc.gov", section: "§5")])
    }

    @Test("an unknown key names its line and column and the closest key")
    func unknownKey() {
        #expect(error(Self.valid + "exeptions: ['x']\n") == "rules/sample-rule.yml:15:1: unknown key 'exeptions' in rule (did you mean 'exceptions'?)")
    }

    @Test("a missing field, an id that differs from the file name, and a bad level")
    func fields() {
        #expect(error(Self.valid.replacingOccurrences(of: "suggestion: Say it differently.\n", with: ""))
            == "rules/sample-rule.yml:1:1: missing required key 'suggestion'")
        #expect(error(Self.valid, name: "other-name") == "rules/other-name.yml:1:5: rule id 'sample-rule' differs from the file name 'other-name'")
        #expect(error(Self.valid.replacingOccurrences(of: "level: warning", with: "level: severe"))
            == "rules/sample-rule.yml:3:8: level must be error, warning or note, not 'severe'")
    }

    @Test("a pattern that does not compile gives PCRE2's message and offset")
    func badPattern() {
        #expect(error(Self.valid.replacingOccurrences(of: "['\\bmiracle\\b']", with: "['a(b']"))
            == "rules/sample-rule.yml:11:12: pattern does not compile: missing closing parenthesis at offset 3")
    }

    @Test("an unknown lexicon is named with a hint")
    func unknownLexicon() {
        #expect(error(Self.valid.replacingOccurrences(of: "['\\bmiracle\\b']", with: "['@{procedure}']"))
            == "rules/sample-rule.yml:11:12: unknown lexicon '@{procedure}'")
    }

    @Test("the same id twice in one set is an error; a custom rule with a built-in id replaces it")
    func duplicates() throws {
        let first = RuleSource(path: "rules/sample-rule.yml", contents: Self.valid, isLexicon: false)
        let second = RuleSource(path: "other/sample-rule.yml", contents: Self.valid, isLexicon: false)
        #expect(throws: ConfigurationError.self) { try RuleLoader().load(builtin: [first, second]) }
        let replaced = try RuleLoader().load(builtin: [first], custom: [[second]])
        #expect(replaced.rules.map(\.descriptor.origin) == ["other/sample-rule.yml"])
    }

    @Test("a syntax error in a rule file names its position")
    func yamlSyntax() {
        #expect(error("id: [unclosed\n").hasPrefix("rules/sample-rule.yml:2:1: invalid YAML"))
    }

    @Test("lexicon terms expand with flexible spaces and hyphens")
    func lexiconTerms() {
        #expect(Lexicon.termRegex("facet joint injection") == "\\bfacet\\s+joint\\s+injection\\b")
        #expect(Lexicon.termRegex("pain-free") == "\\bpain[-\\s]?free\\b")
        #expect(Lexicon.termRegex("NAD+") == "\\bNAD\\+")
    }
}
