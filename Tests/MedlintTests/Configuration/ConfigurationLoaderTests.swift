import Foundation
@testable import MedlintCore
import Testing

/// Parses `yaml` as `/project/.medlint.yml`, returning the error text, or nil when it parses.
private func errorText(_ yaml: String) -> String? {
    do {
        _ = try ConfigurationLoader.parse(contents: yaml, path: ".medlint.yml", baseDirectory: "/project")
        return nil
    } catch {
        return error.description
    }
}

private func parse(_ yaml: String) throws -> Configuration {
    try ConfigurationLoader.parse(contents: yaml, path: ".medlint.yml", baseDirectory: "/project")
}

/// A fresh folder under the temporary directory, removed by the caller.
private func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-config-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

@Suite("Configuration: loading")
struct ConfigurationLoaderTests {
    @Test func readsEveryKey() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/my-rules", withIntermediateDirectories: true)
        let yaml = """
        rules:
          painless-claim: off
          guaranteed-results: error
        include: ["content/**", "*.md"]
        exclude: drafts/
        front_matter_fields: [title, teaser]
        rule_dirs: [my-rules]
        lexicons:
          procedures: [CoolTone, signature facial]
          named-sources: Harbour Research Group
        disclaimers:
          - Results vary.
        fail_on: warning
        max_file_bytes: 1_000_000
        require_suppression_reason: false
        overrides:
          - paths: ["landing/**"]
            rules: {painless-claim: error}
        """
        let configuration = try ConfigurationLoader.parse(contents: yaml, path: "x/.medlint.yml", baseDirectory: folder)
        var expected = Configuration(path: "x/.medlint.yml", baseDirectory: folder)
        expected.rules = ["painless-claim": .off, "guaranteed-results": .error]
        expected.include = ["content/**", "*.md"]
        expected.exclude = ["drafts/"]
        expected.frontMatterFields = ["title", "teaser"]
        expected.ruleDirectories = ["my-rules"]
        expected.lexicons = ["procedures": ["CoolTone", "signature facial"], "named-sources": ["Harbour Research Group"]]
        expected.disclaimers = ["Results vary."]
        expected.failOn = "warning"
        expected.maxFileBytes = 1_000_000
        expected.requireSuppressionReason = false
        expected.overrides = [.init(paths: ["landing/**"], rules: ["painless-claim": .error])]
        expected.ruleLocations = ["painless-claim": "x/.medlint.yml:2:3", "guaranteed-results": "x/.medlint.yml:3:3"]
        expected.lexiconLocations = ["procedures": "x/.medlint.yml:9:3", "named-sources": "x/.medlint.yml:10:3"]
        #expect(configuration == expected)
        #expect(configuration.resolvedRuleDirectories == [folder + "/my-rules"])
    }

    @Test func emptyOrCommentOnlyFileGivesDefaults() throws {
        for yaml in ["", "# nothing yet\n", "---\n", "rules:\ninclude:\noverrides:\n"] {
            let configuration = try parse(yaml)
            #expect(configuration == Configuration(path: ".medlint.yml", baseDirectory: "/project"), "\(yaml)")
        }
    }

    @Test func unknownKeyIsAnErrorWithASuggestion() {
        #expect(errorText("rules: {}\nexlude: [a]\n") == ".medlint.yml:2:1: unknown key 'exlude' in the configuration (did you mean 'exclude'?)")
        #expect(errorText("colour: blue\n") == ".medlint.yml:1:1: unknown key 'colour' in the configuration")
    }

    @Test func unknownKeyThrowsConfigurationError() {
        #expect(throws: ConfigurationError(file: ".medlint.yml", line: 1, column: 1,
                                           message: "unknown key 'fail-on' in the configuration (did you mean 'fail_on'?)")) {
            try ConfigurationLoader.parse(contents: "fail-on: error\n", path: ".medlint.yml", baseDirectory: "/project")
        }
    }

    @Test func badRuleLevel() {
        #expect(errorText("rules:\n  painless-claim: critical\n")
            == ".medlint.yml:2:19: the setting for rule 'painless-claim' must be off, note, warning or error, not 'critical'")
        #expect(errorText("rules:\n  painless-claim: eror\n")
            == ".medlint.yml:2:19: the setting for rule 'painless-claim' must be off, note, warning or error, not 'eror' (did you mean 'error'?)")
        #expect(errorText("rules:\n  painless-claim:\n")
            == ".medlint.yml:2:18: the setting for rule 'painless-claim' must be off, note, warning or error, not nothing")
        #expect(errorText("rules:\n  painless-claim: {level: error}\n")
            == ".medlint.yml:2:19: the setting for rule 'painless-claim' must be off, note, warning or error, not a mapping")
        #expect(errorText("rules: [painless-claim]\n") == ".medlint.yml:1:8: rules must be a mapping")
    }

    @Test func yamlSyntaxError() {
        #expect(errorText("rules:\n  a: off\n b: error\n")
            == ".medlint.yml:3:2: invalid YAML: while parsing a block mapping did not find expected key")
        #expect(errorText("include: [a, b\n")
            == ".medlint.yml:2:1: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'")
    }

    @Test func badOverride() {
        #expect(errorText("overrides:\n  - paths: [landing/**]\n    rule: {a: error}\n")
            == ".medlint.yml:3:5: unknown key 'rule' in an override (did you mean 'rules'?)")
        #expect(errorText("overrides:\n  - rules: {a: error}\n")
            == ".medlint.yml:2:5: an override needs paths (a list of globs)")
        #expect(errorText("overrides:\n  - paths: []\n    rules: {a: error}\n")
            == ".medlint.yml:2:5: an override needs paths (a list of globs)")
        #expect(errorText("overrides:\n  - paths: landing/**\n")
            == ".medlint.yml:2:5: an override needs rules (rule ids with off, note, warning or error)")
        #expect(errorText("overrides:\n  - landing/**\n")
            == ".medlint.yml:2:5: each entry of overrides must be a mapping with paths and rules")
        #expect(errorText("overrides:\n  paths: [a]\n")
            == ".medlint.yml:2:3: overrides must be a list of {paths: [...], rules: {...}}")
        #expect(errorText("overrides:\n  - paths: [a]\n    rules: {a: loud}\n")
            == ".medlint.yml:3:16: the setting for rule 'a' must be off, note, warning or error, not 'loud'")
    }

    @Test func badScalarValues() {
        #expect(errorText("fail_on: warnings\n") == ".medlint.yml:1:10: fail_on must be error, warning, note or never, not 'warnings' (did you mean 'warning'?)")
        #expect(errorText("max_file_bytes: 0\n") == ".medlint.yml:1:17: max_file_bytes must be a positive whole number, not 0")
        #expect(errorText("max_file_bytes: -5\n") == ".medlint.yml:1:17: max_file_bytes must be a positive whole number, not -5")
        #expect(errorText("max_file_bytes: 4MB\n") == ".medlint.yml:1:17: max_file_bytes must be a whole number")
        #expect(errorText("require_suppression_reason: maybe\n") == ".medlint.yml:1:29: require_suppression_reason must be true or false")
        #expect(errorText("include: {a: b}\n") == ".medlint.yml:1:10: include must be a list of strings")
        #expect(errorText("exclude: [a, '']\n") == ".medlint.yml:1:14: exclude: an entry must be a non-empty string")
        #expect(errorText("disclaimers: [[a]]\n") == ".medlint.yml:1:15: disclaimers must be a string")
        #expect(errorText("lexicons: [procedures]\n") == ".medlint.yml:1:11: lexicons must be a mapping")
        #expect(errorText("fail_on:\n") == ".medlint.yml:1:9: fail_on must be error, warning, note or never")
        #expect(errorText("rules: {}\nrules: {}\n") == ".medlint.yml:1:1: duplicate key 'rules': each key may appear only once in a mapping")
        #expect(errorText("rules:\n  a: off\n  a: error\n") == ".medlint.yml:2:3: duplicate key 'a': each key may appear only once in a mapping")
        #expect(errorText("- rules\n") == ".medlint.yml:1:1: the configuration must be a mapping of keys such as rules, include and overrides")
    }

    @Test func missingRuleFolder() {
        #expect(errorText("rule_dirs: [nowhere]\n") == ".medlint.yml:1:13: rule_dirs: no folder 'nowhere' (looked for /project/nowhere)")
    }

    @Test func unknownRuleIDsAreReportedAtTheirPosition() throws {
        let configuration = try parse("""
        rules:
          painless-claim: off
        overrides:
          - paths: [a/**]
            rules:
              painless-claim: error
              guaranted-results: error
              zzz-unknown: note
        """)
        let known: Set<String> = ["painless-claim", "guaranteed-results"]
        #expect(throws: ConfigurationError(file: ".medlint.yml", line: 7, column: 7, message: "unknown rule 'guaranted-results' (did you mean 'guaranteed-results'?)")) {
            try configuration.validateRuleIDs(known)
        }
        #expect(throws: Never.self) { try configuration.validateRuleIDs(known.union(["guaranted-results", "zzz-unknown"])) }
        do {
            try configuration.validateRuleIDs(["guaranted-results", "zzz-unknown"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == ".medlint.yml:2:3: unknown rule 'painless-claim'")
        }
    }

    @Test func unknownRuleIDWithoutALocation() {
        var configuration = Configuration(baseDirectory: "/project")
        configuration.rules = ["nope": .off]
        #expect(throws: ConfigurationError(file: ".medlint.yml", message: "unknown rule 'nope'")) {
            try configuration.validateRuleIDs([])
        }
    }

    @Test func unknownLexiconNames() throws {
        let configuration = try parse("lexicons:\n  procedures: [CoolTone]\n  named-source: [NICE]\n")
        #expect(throws: ConfigurationError(file: ".medlint.yml", line: 3, column: 3, message: "unknown lexicon 'named-source' (did you mean 'named-sources'?)")) {
            try configuration.validateLexiconNames(["procedures", "named-sources"])
        }
        #expect(throws: Never.self) { try configuration.validateLexiconNames(["procedures", "named-source"]) }
    }

    @Test func findsTheNearestAncestor() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a/b/c", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/a/.medlint.yml", withIntermediateDirectories: true)  // a folder: skipped
        #expect(ConfigurationLoader.find(startingAt: root + "/a/b/c") == nil)
        try "rules: {}\n".write(toFile: root + "/.medlint.yml", atomically: true, encoding: .utf8)
        #expect(ConfigurationLoader.find(startingAt: root + "/a/b/c") == root + "/.medlint.yml")
        try "rules: {}\n".write(toFile: root + "/a/b/.medlint.yml", atomically: true, encoding: .utf8)
        #expect(ConfigurationLoader.find(startingAt: root + "/a/b/c") == root + "/a/b/.medlint.yml")
        #expect(ConfigurationLoader.find(startingAt: root + "/a/b/c/../..") == root + "/.medlint.yml")
    }

    @Test func loadUsesTheFilesFolderAsBase() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/.medlint.yml"
        try "include: ['*.md']\n".write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader.load(path: path)
        #expect(configuration.path == path)
        #expect(configuration.baseDirectory == root)
        #expect(configuration.include == ["*.md"])
        #expect(configuration.relativePath(of: root + "/blog/a.md") == "blog/a.md")
        #expect(configuration.relativePath(of: "/elsewhere/a.md") == nil)
    }

    @Test func loadReportsMissingAndBrokenFiles() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: ConfigurationError(file: root + "/none.yml", message: "the configuration file does not exist")) {
            try ConfigurationLoader.load(path: root + "/none.yml")
        }
        #expect(throws: ConfigurationError(file: root, message: "is a folder, not a configuration file")) {
            try ConfigurationLoader.load(path: root)
        }
        try "rules:\n  a: sometimes\n".write(toFile: root + "/.medlint.yml", atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError(file: root + "/.medlint.yml", line: 2, column: 6,
                                           message: "the setting for rule 'a' must be off, note, warning or error, not 'sometimes'")) {
            try ConfigurationLoader.load(path: root + "/.medlint.yml")
        }
    }
}
