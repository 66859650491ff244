import MedlintCore
import Testing

@Suite("Configuration: starter file")
struct StarterConfigurationTests {
    @Test func parsesToTheDefaults() throws {
        let configuration = try ConfigurationLoader.parse(contents: StarterConfiguration.contents, path: ".medlint.yml", baseDirectory: "/project")
        var expected = Configuration(path: ".medlint.yml", baseDirectory: "/project")
        expected.frontMatterFields = ["title", "description", "summary", "excerpt"]
        #expect(configuration == expected)
    }

    @Test func namesEveryKey() {
        for key in ConfigurationLoader.keys {
            #expect(StarterConfiguration.contents.contains("\n\(key):") || StarterConfiguration.contents.contains("\n# \(key):"), "\(key)")
        }
        #expect(StarterConfiguration.contents.contains("landing/**"))
    }

    /// Every example becomes live by removing its `#`, and the result is still valid.
    @Test func examplesParseWhenUncommented() throws {
        let uncommented = StarterConfiguration.contents.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let hash = line.firstIndex(of: "#") else { return String(line) }
            let indent = line[..<hash]
            let rest = line[line.index(after: hash)...].dropFirst()  // "# " → ""
            // Explanations are left alone: examples are indented, or are `key: value` lines.
            // rule_dirs must name a folder that exists, so its example stays commented.
            guard indent.allSatisfy({ $0 == " " }), !indent.isEmpty || rest.hasPrefix("fail_on:"), !rest.contains("medlint-rules") else {
                return String(line)
            }
            return String(indent + rest)
        }.joined(separator: "\n")
        let configuration = try ConfigurationLoader.parse(contents: uncommented, path: ".medlint.yml", baseDirectory: "/project")
        #expect(configuration.failOn == "error")
        #expect(configuration.rules == ["fear-appeal": .error, "urgency-pressure": .off])
        #expect(configuration.overrides.count == 2)
        #expect(configuration.overrides.first?.paths == ["landing/**"])
        #expect(configuration.lexicons["procedures"] == ["CoolTone", "signature facial"])
        #expect(configuration.disclaimers.count == 1)
        #expect(configuration.include == ["content/**", "*.md"])
        #expect(configuration.exclude == ["node_modules/", "**/drafts/**", "*.draft.md"])
    }
}
