import Foundation
import Testing

@Suite("medlint check: exit codes and one-line errors", .serialized)
struct ExitCodeTests {
    @Test("a clean file exits 0; a file with an error-level finding exits 1; --fail-on never exits 0")
    func failLevels() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("clean.md", "# Hello\n\nWe look forward to seeing you.\n")
        try project.write("bad.md", "# Offer\n\nOur stem cell therapy is 100% safe.\n")
        #expect(try MedlintBinary.run(["check", "clean.md"], in: project).status == 0)
        let bad = try MedlintBinary.run(["check", "bad.md", "--color", "never"], in: project)
        #expect(bad.status == 1, "\(bad.stdout)\(bad.stderr)")
        #expect(try MedlintBinary.run(["check", "bad.md", "--fail-on", "never"], in: project).status == 0)
    }

    @Test("a path that does not exist exits 2 with one line naming it")
    func missingPath() throws {
        let project = try MedlintBinary.temporaryProject()
        let result = try MedlintBinary.run(["check", "nope.md"], in: project)
        #expect(result.status == 2)
        #expect(result.stderr == "medlint: error: nope.md: no such file or folder\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("a broken configuration exits 2 with file, line and column, and lints nothing")
    func brokenConfiguration() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write(".medlint.yml", "rules:\n  painless-claim: eror\n")
        try project.write("a.md", "Painless injections.\n")
        let result = try MedlintBinary.run(["check", "a.md"], in: project)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("medlint: error: "))
        #expect(result.stderr.contains(".medlint.yml:2:19: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("a YAML syntax error in the configuration exits 2 with its position")
    func yamlSyntaxError() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write(".medlint.yml", "rules:\n  painless-claim: [error\n")
        let result = try MedlintBinary.run(["check"], in: project)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".medlint.yml:3:1: invalid YAML"), "\(result.stderr)")
    }

    @Test("an unknown rule id in the configuration exits 2 with a hint")
    func unknownRuleID() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write(".medlint.yml", "rules:\n  painles-claim: off\n")
        let result = try MedlintBinary.run(["check"], in: project)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".medlint.yml:2:3: "), "\(result.stderr)")
        #expect(result.stderr.contains("painless-claim"))
    }

    @Test("a bad flag exits 2")
    func badFlag() throws {
        let result = try MedlintBinary.run(["check", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("medlint: error: unknown format 'xml'; use text, json, sarif, github, rdjsonl or gitlab\nUsage: medlint check"),
                "\(result.stderr)")
        #expect(try MedlintBinary.run(["check", "--no-such-flag"]).status == 2)
    }

    @Test("a broken custom rule exits 2 naming the file, line, column and PCRE2's message")
    func brokenRule() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("custom/bad-pattern.yml", CustomRule.yaml(id: "bad-pattern", pattern: "(unclosed"))
        let result = try MedlintBinary.run(["check", "--rule-dir", "custom", "."], in: project)
        #expect(result.status == 2)
        #expect(result.stderr == "medlint: error: custom/bad-pattern.yml:10:12: pattern does not compile: missing closing parenthesis at offset 9\n")
    }

    @Test("explain names the closest id for a typo and exits 2; rules lists the pack")
    func explainAndRules() throws {
        let typo = try MedlintBinary.run(["explain", "painles-claim"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "medlint: error: unknown rule 'painles-claim'; did you mean 'painless-claim'?\n")
        let rules = try MedlintBinary.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("painless-claim"))
    }

    @Test("--version names the rule pack")
    func version() throws {
        let result = try MedlintBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("medlint 0.1.0 (rule pack: "))
    }
}
