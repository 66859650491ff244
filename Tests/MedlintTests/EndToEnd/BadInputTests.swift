import Foundation
import Testing

/// The bad-input matrix: each input problem is a finding (or a clear exit 2), and the rest of the run goes on.
@Suite("Bad input never stops the run", .serialized)
struct BadInputTests {
    func run(_ arguments: [String], in project: URL) throws -> MedlintBinary.Result {
        try MedlintBinary.run(["check", "--color", "never"] + arguments, in: project)
    }

    /// The first line of every finding in text output (`path:line:col: level: message [rule]`).
    func headlines(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"^[^ |=].*:\d+:\d+: (error|warning|note): "#, options: .regularExpression) != nil
        }
    }

    /// The last line of text output: the summary.
    func summary(_ stdout: String) -> String {
        stdout.split(separator: "\n").last.map(String.init) ?? ""
    }

    static func painless(_ phrase: String) -> String {
        "Promises a procedure without pain (\"\(phrase)\"); pain varies from person to person and most procedures cause at least some discomfort. [painless-claim]"
    }
    static let disclaimer = "This page discusses \"injections\" but has no statement that it is general information, not medical advice, and that readers should talk to their own provider. [missing-medical-disclaimer]"
    static let risks = "This page promotes \"injections\" but says nothing about risks, side effects or who should not have it; add a short risks section or link to one. [risk-omission]"

    /// The three findings of "Our injections are 100% painless." at column 1 of `line` in `path`
    /// (`offset`: the bytes before the sentence on that line).
    static func claimFindings(_ path: String, line: Int, offset: Int = 0) -> [String] {
        ["\(path):\(line):\(offset + 5): note: \(disclaimer)",
         "\(path):\(line):\(offset + 5): warning: \(risks)",
         "\(path):\(line):\(offset + 20): error: " + painless("100% painless")]
    }

    @Test("a folder with no Markdown exits 0 and says so")
    func noMarkdown() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("notes.txt", "painless")
        let result = try run([], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No Markdown files found.\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("an empty file and front matter that never closes are linted without error")
    func emptyAndUnclosedFrontMatter() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("empty.md", "")
        try project.write("open.md", "---\ntitle: Painless injections\n\nOur injections are 100% painless.\n")
        let result = try run(["empty.md", "open.md"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        // Front matter that never closes is not front matter: `---` is a thematic break and the
        // title line is an ordinary paragraph, so it is linted as prose.
        #expect(headlines(result.stdout) == [
            "open.md:2:8: error: " + Self.painless("Painless"),
            "open.md:2:17: note: " + Self.disclaimer,
            "open.md:2:17: warning: " + Self.risks,
            "open.md:4:20: error: " + Self.painless("100% painless"),
        ], "\(result.stdout)")
        #expect(summary(result.stdout) == "4 findings (2 errors, 1 warning, 1 note) in 1 of 2 files.")
    }

    @Test("binary and invalid UTF-8 files are findings in every format; other files are still linted")
    func binaryAndInvalid() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try project.write("latin1.md", bytes: Array("Caf".utf8) + [0xE9] + Array(" visits are completely painless.\n".utf8))
        try project.write("good.md", "Our injections are 100% painless.\n")
        let binary = "The file looks binary (it holds a NUL byte in its first 8 KB) and was skipped. [binary-file]"
        let invalid = "The file is not valid UTF-8: 1 invalid byte, on line 1, was replaced and the rest of the file was checked. [invalid-encoding]"
        let result = try run(["--fail-on", "never", "."], in: project)
        #expect(result.status == 0)
        #expect(result.stderr == "medlint: image.md: \(binary)\nmedlint: latin1.md: \(invalid)\n")
        #expect(headlines(result.stdout) == Self.claimFindings("good.md", line: 1) + [
            "image.md:1:1: note: \(binary)",
            "latin1.md:1:4: warning: \(invalid)",
            "latin1.md:1:17: error: " + Self.painless("completely painless"),  // the rest of the file is still linted
        ], "\(result.stdout)")
        #expect(summary(result.stdout) == "6 findings (2 errors, 2 warnings, 2 notes) in 3 of 3 files.")

        let sarif = try MedlintBinary.run(["check", "--format", "sarif", "--fail-on", "never", "."], in: project)
        #expect(sarif.status == 0)
        try SchemaValidation.expectValidSARIF(sarif.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let results = ((json?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let summaries = results.map { result -> String in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let region = location?["region"] as? [String: Any]
            return "\(uri):\(region?["startLine"] as? Int ?? 0):\(region?["startColumn"] as? Int ?? 0) \(result["level"] as? String ?? "?") \(result["ruleId"] as? String ?? "?")"
        }
        #expect(summaries == [
            "good.md:1:5 note missing-medical-disclaimer",
            "good.md:1:5 warning risk-omission",
            "good.md:1:20 error painless-claim",
            "image.md:1:1 note binary-file",
            "latin1.md:1:4 warning invalid-encoding",
            "latin1.md:1:17 error painless-claim",
        ])
    }

    @Test("UTF-16 with a BOM is decoded and linted")
    func utf16() throws {
        let project = try MedlintBinary.temporaryProject()
        let text = "Our injections are 100% painless.\n"
        try project.write("utf16.md", bytes: [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let result = try run(["--fail-on", "never", "utf16.md"], in: project)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(headlines(result.stdout) == Self.claimFindings("utf16.md", line: 1), "\(result.stdout)")
        #expect(summary(result.stdout) == "3 findings (1 error, 1 warning, 1 note) in 1 of 1 file.")
    }

    @Test("a symlink loop is not followed")
    func symlinkLoop() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("posts/a.md", "Fine.\n")
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("posts/loop").path, withDestinationPath: "..")
        let result = try run(["."], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in 1 file.\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("a file over max_file_bytes is skipped with a note; raising the cap lints it")
    func tooLarge() throws {
        let project = try MedlintBinary.temporaryProject()
        let text = String(repeating: "Plain words here. ", count: 2000) + "\nOur injections are 100% painless.\n"
        try project.write("big.md", text)
        #expect(text.utf8.count == 36_035)
        let note = "The file is 36035 bytes, over max_file_bytes (1000); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml). [file-too-large]"
        let small = try run(["--max-file-bytes", "1000", "big.md"], in: project)
        #expect(small.status == 0, "a note does not fail the run")
        #expect(small.stderr == "medlint: big.md: \(note)\n")
        #expect(headlines(small.stdout) == ["big.md:1:1: note: \(note)"])
        #expect(small.stdout.contains("\n  = help: Raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml, or exclude the file.\n"))
        #expect(summary(small.stdout) == "1 finding (1 note) in 1 of 1 file.")

        let raised = try run(["--max-file-bytes", "40000", "big.md"], in: project)
        #expect(raised.status == 1)
        #expect(raised.stderr.isEmpty)
        #expect(headlines(raised.stdout) == Self.claimFindings("big.md", line: 2), "\(raised.stdout)")
        #expect(summary(raised.stdout) == "3 findings (1 error, 1 warning, 1 note) in 1 of 1 file.")
    }

    @Test("a catastrophic custom pattern trips PCRE2's match limit: one rule-error, no hang, the run goes on")
    func catastrophicPattern() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("rules/slow-rule.yml", CustomRule.yaml(id: "slow-rule", pattern: "(a+)+$"))
        try project.write("a.md", String(repeating: "a", count: 50_000) + "!\n\nOur injections are 100% painless.\n")
        let started = Date()
        let result = try run(["--rule-dir", "rules", "--fail-on", "never", "a.md"], in: project)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 0)
        let ruleError = "rule 'slow-rule' was skipped for this file: a pattern backtracks too much on this text (PCRE2: match limit exceeded): '(a+)+$' [rule-error]"
        #expect(result.stderr == "medlint: a.md: \(ruleError)\n")
        #expect(headlines(result.stdout) == ["a.md:1:1: warning: \(ruleError)"] + Self.claimFindings("a.md", line: 3),
                "\(result.stdout.prefix(2000))")
        #expect(summary(result.stdout) == "4 findings (1 error, 2 warnings, 1 note) in 1 of 1 file.")
    }

    @Test("deeply nested block quotes and a 3 MB single line do not crash")
    func pathologicalStructure() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("nested.md", String(repeating: ">", count: 100_000) + " Our injections are painless.\n")
        try project.write("long.md", String(repeating: "word ", count: 600_000) + "\n")
        let result = try run(["--fail-on", "never", "nested.md", "long.md"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        // The claim after 100,000 '>' is found at its exact column.
        #expect(headlines(result.stdout) == [
            "nested.md:1:100006: note: " + Self.disclaimer,
            "nested.md:1:100006: warning: " + Self.risks,
            "nested.md:1:100021: error: " + Self.painless("painless"),
        ])
        #expect(summary(result.stdout) == "3 findings (1 error, 1 warning, 1 note) in 1 of 2 files.")
    }
}
