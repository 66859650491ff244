import MedlintCore
import Testing

@Suite("Configuration: effective settings")
struct ConfigurationEffectiveSettingsTests {
    static let yaml = """
    rules:
      painless-claim: warning
      guaranteed-results: off
    overrides:
      - paths: ["landing/**"]
        rules:
          painless-claim: error
          guaranteed-results: error
      - paths: ["landing/legacy/**", "*.draft.md"]
        rules:
          painless-claim: note
      - paths: ["blog/"]
        rules:
          urgency-pressure: off
    """

    let configuration: Configuration

    init() throws {
        configuration = try ConfigurationLoader.parse(contents: Self.yaml, path: ".medlint.yml", baseDirectory: "/project")
    }

    @Test func configurationRulesApplyEverywhere() {
        #expect(configuration.settings(forRelativePath: "about.md")
            == EffectiveSettings(ruleLevels: ["painless-claim": .warning, "guaranteed-results": .off]))
    }

    @Test func aMatchingOverrideRaisesLevels() {
        #expect(configuration.settings(forRelativePath: "landing/spring-offer.md")
            == EffectiveSettings(ruleLevels: ["painless-claim": .error, "guaranteed-results": .error], matchedOverrides: [0]))
    }

    @Test func theLastMatchingOverrideWins() {
        let settings = configuration.settings(forRelativePath: "landing/legacy/old.md")
        #expect(settings.ruleLevels == ["painless-claim": .note, "guaranteed-results": .error])
        #expect(settings.matchedOverrides == [0, 1])
        #expect(configuration.settings(forRelativePath: "landing/x.draft.md").ruleLevels["painless-claim"] == .note)
    }

    @Test func overridesOnlyTouchTheirOwnRules() {
        #expect(configuration.settings(forRelativePath: "blog/2024/post.md").ruleLevels
            == ["painless-claim": .warning, "guaranteed-results": .off, "urgency-pressure": .off])
    }

    @Test func severityFallsBackToTheBuiltinLevel() {
        let settings = configuration.settings(forRelativePath: "landing/legacy/old.md")
        #expect(settings.severity(of: "painless-claim", builtin: .error) == .note)
        #expect(settings.severity(of: "fear-appeal", builtin: .warning) == .warning)
        #expect(configuration.settings(forRelativePath: "a.md").severity(of: "guaranteed-results", builtin: .error) == nil)
    }

    @Test func includeEmptyMeansEverything() {
        let configuration = Configuration(baseDirectory: "/project")
        #expect(configuration.isIncluded(relativePath: "a.md"))
        #expect(configuration.isIncluded(relativePath: "deep/down/b.md"))
    }

    @Test func includeAndExclude() throws {
        let configuration = try ConfigurationLoader.parse(contents: """
        include: ["content/**", "/README.md"]
        exclude: ["**/drafts/**", "*.draft.md"]
        """, path: ".medlint.yml", baseDirectory: "/project")
        #expect(configuration.isIncluded(relativePath: "content/a.md"))
        #expect(configuration.isIncluded(relativePath: "README.md"))
        #expect(!configuration.isIncluded(relativePath: "docs/README.md"))
        #expect(!configuration.isIncluded(relativePath: "other/a.md"))
        #expect(!configuration.isIncluded(relativePath: "content/drafts/a.md"))
        #expect(!configuration.isIncluded(relativePath: "content/a.draft.md"))
    }

    @Test func excludeAlone() {
        var configuration = Configuration(baseDirectory: "/project")
        configuration.exclude = ["vendor/"]
        #expect(configuration.isIncluded(relativePath: "a.md"))
        #expect(!configuration.isIncluded(relativePath: "vendor/lib/a.md"))
    }
}
