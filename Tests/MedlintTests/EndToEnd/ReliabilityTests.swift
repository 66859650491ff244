import Foundation
import MedlintCore
import MedlintRulePack
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The rest of the bad-input matrix (issue 7): unreadable, vanished and dangling files, a 50 MB
/// file, one million findings, and the inputs cmark-gfm 0.29 parses in quadratic time. Each runs
/// the real binary (the vanished file also runs the core, where the timing is deterministic).
@Suite("Reliability: bad input never stops the run", .serialized)
struct ReliabilityTests {
    static let painless = "Promises a procedure without pain (\"100% painless\"); pain varies from person to person and most procedures cause at least some discomfort. [painless-claim]"
    static let claim = "Our injections are 100% painless.\n"

    func run(_ arguments: [String], in project: URL, launcher: [String] = []) throws -> MedlintBinary.Result {
        try MedlintBinary.run(["check", "--color", "never"] + arguments, in: project, launcher: launcher)
    }

    /// A project whose configuration turns off the page-level rules the claim also triggers
    /// (disclaimer, risks), so each test can list every finding exactly.
    func quietProject() throws -> URL {
        let project = try MedlintBinary.temporaryProject()
        try project.write(".medlint.yml", "rules:\n  missing-medical-disclaimer: off\n  risk-omission: off\n")
        return project
    }

    /// The first line of every finding in text output (`path:line:col: level: message [rule]`).
    func headlines(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"^[^ |=].*:\d+:\d+: (error|warning|note): "#, options: .regularExpression) != nil
        }
    }

    // MARK: - Files that cannot be read

    @Test("an unreadable file is an unreadable-file error naming the cause; the other files are linted")
    func unreadableFile() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("posts/good.md", Self.claim)
        try project.write("posts/secret.md", Self.claim)
        for folder in ["", ".git", "posts"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.appendingPathComponent(folder).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: project.appendingPathComponent("posts/good.md").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: project.appendingPathComponent("posts/secret.md").path)
        // Root reads a mode-000 file anyway: run medlint as `nobody`, which cannot.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let result = try run(["--fail-on", "error", "posts"], in: project, launcher: launcher)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr == "medlint: posts/secret.md: The file could not be opened: Permission denied. [unreadable-file]\n")
        let lines = headlines(result.stdout)
        #expect(lines.filter { $0.hasPrefix("posts/secret.md") } == [
            "posts/secret.md:1:1: error: The file could not be opened: Permission denied. [unreadable-file]",
        ])
        #expect(lines.contains("posts/good.md:1:20: error: " + Self.painless), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("in 2 of 2 files.\n"), "\(result.stdout.suffix(200))")
    }

    @Test("a file deleted between discovery and reading is an unreadable-file error; the other files are linted")
    func deletedAfterDiscovery() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("a.md", Self.claim)
        try project.write("b.md", "Fine.\n")
        let setup = try RunSetup(builtinRules: RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files),
                                 precompiledRules: BuiltinRulePack.rules, configPath: nil, extraRuleDirectories: [],
                                 currentDirectory: project.path)
        let discovery = FileDiscovery(currentDirectory: project.path, projectRoot: setup.projectRoot)
        let files = try discovery.discover([project.path])
        #expect(files.map(\.projectPath) == ["a.md", "b.md"])
        try FileManager.default.removeItem(at: project.appendingPathComponent("b.md"))

        let options = CheckOptions(jobs: 2, maxFileBytes: 4 << 20, includeSuppressed: false, requireSuppressionReason: true,
                                   frontMatterFields: [])
        let reports = CheckRunner(rules: setup.rules, configuration: setup.configuration, options: options).run(files)
        #expect(reports.map(\.projectPath) == ["a.md", "b.md"])
        let vanished = try #require(reports.last)
        #expect(vanished.displayPath == "b.md")
        #expect(vanished.diagnostics.map(\.ruleID) == ["unreadable-file"])
        #expect(vanished.diagnostics.first?.level == .error)
        #expect(vanished.diagnostics.first?.message
            == "The file could not be opened: No such file or directory (it was deleted or moved after medlint listed it).")
        #expect(reports.first?.diagnostics.contains { $0.ruleID == "painless-claim" && $0.range == 19..<32 } == true)
    }

    @Test("a dangling symbolic link is an unreadable-file error naming its missing target; the other files are linted")
    func danglingSymlink() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("posts/good.md", Self.claim)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("posts/a.md").path, withDestinationPath: "missing.md")
        let result = try run(["--format", "text", "--format", "json:out.json", "."], in: project)
        #expect(result.status == 1)
        let message = "The file could not be opened: it is a symbolic link to 'missing.md', which does not exist."
        #expect(result.stderr == "medlint: posts/a.md: \(message) [unreadable-file]\n")
        let lines = headlines(result.stdout)
        #expect(lines.filter { $0.hasPrefix("posts/a.md") } == ["posts/a.md:1:1: error: \(message) [unreadable-file]"])
        #expect(lines.contains("posts/good.md:1:20: error: " + Self.painless))
        #expect(result.stdout.hasSuffix("in 2 of 2 files.\n"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("out.json"))) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        let link = findings.first { $0["path"] as? String == "posts/a.md" }
        #expect(link?["projectPath"] as? String == "posts/a.md")
        #expect(link?["ruleId"] as? String == "unreadable-file")
        #expect(link?["message"] as? String == message)
    }

    // MARK: - Size

    @Test("a 50 MB file is file-too-large by default and linted with the cap raised")
    func fiftyMegabytes() throws {
        let project = try quietProject()
        // Mostly a fenced code block (cheap to parse), then a paragraph with a claim.
        let codeLine = "let dose = computeDose(weight: patientWeight, factor: 0.25) // step\n"  // 68 bytes
        let codeLines = 50 * 1024 * 1024 / codeLine.utf8.count
        var text = "# Export\n\n```swift\n"
        text.reserveCapacity(52 * 1024 * 1024)
        for _ in 0..<codeLines { text += codeLine }
        text += "```\n\nAfter the export: " + Self.claim
        try project.write("big.md", text)
        let size = text.utf8.count
        #expect(size > 50 * 1024 * 1024)
        let claimLine = 3 + codeLines + 3

        let skipped = try run(["big.md"], in: project)
        #expect(skipped.status == 0)
        let note = "The file is \(size) bytes, over max_file_bytes (4194304); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml). [file-too-large]"
        #expect(headlines(skipped.stdout) == ["big.md:1:1: note: \(note)"])
        #expect(skipped.stderr == "medlint: big.md: \(note)\n")

        let started = Date()
        let raised = try run(["--max-file-bytes", "60000000", "big.md"], in: project)
        #expect(Date().timeIntervalSince(started) < 120, "no hang")
        #expect(raised.status == 1, "\(raised.stderr)")
        #expect(raised.stderr.isEmpty)
        #expect(headlines(raised.stdout) == ["big.md:\(claimLine):38: error: " + Self.painless])
    }

    // MARK: - Output volume

    @Test("one million findings: the JSON output is valid and complete, and peak memory stays under 1 GB")
    func oneMillionFindings() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("rules/zq-word.yml", CustomRule.yaml(id: "zq-word", level: "note", pattern: #"\bZq\b"#))
        // Two files of 500,000 findings each: 100 one-word sentences per paragraph.
        let paragraph = String(repeating: "Zq. ", count: 100).dropLast() + "\n\n"
        let body = String(repeating: String(paragraph), count: 5_000)
        try project.write("one.md", body)
        try project.write("two.md", body)
        let out = project.appendingPathComponent("findings.json")
        // GNU time prints the child's peak resident set size (KB) as the last line of stderr.
        let result = try MedlintBinary.run(
            ["check", "--rule-dir", "rules", "--fail-on", "never", "--format", "json:\(out.path)", "one.md", "two.md"],
            in: project, launcher: ["/usr/bin/time", "-f", "%M"])
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        let peakKilobytes = Int(result.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? .max
        if !MedlintBinary.isSanitized { #expect(peakKilobytes < 1_000_000, "peak RSS \(peakKilobytes) KB") }
        // Valid JSON, decoded whole (only the members checked here are kept).
        struct Position: Decodable { let line: Int; let column: Int }
        struct Finding: Decodable { let path: String; let ruleId: String; let start: Position }
        struct Summary: Decodable { let findings: Int; let notes: Int }
        struct Output: Decodable { let summary: Summary; let findings: [Finding] }
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: out, options: .mappedIfSafe))
        #expect(output.findings.count == 1_000_000)
        #expect(output.summary.findings == 1_000_000)
        #expect(output.summary.notes == 1_000_000)
        #expect(output.findings.allSatisfy { $0.ruleId == "zq-word" })
        #expect(output.findings.filter { $0.path == "one.md" }.count == 500_000)
        let last = try #require(output.findings.last)
        #expect(last.path == "two.md")
        #expect(last.start.line == 9_999)
        #expect(last.start.column == 397)
    }

    @Test("a 3 MB single-line paragraph with 6,000 findings: exact count and columns, bounded sentence excerpts, peak memory under 500 MB")
    func longLineManyFindings() throws {
        // Columns on long lines are found from checkpoints (SourceLines) and the text snippet reads
        // a window of the line, so the cost stays linear in findings and line length.
        let project = try quietProject()
        let chunk = "visits are 100% painless " + String(repeating: "and the team waits ", count: 25)  // 500 bytes
        #expect(chunk.utf8.count == 500)
        let count = 6_000
        let text = String(String(repeating: chunk, count: count).dropLast()) + "\n"
        #expect(text.utf8.count == 3_000_000)
        try project.write("long.md", text)
        let out = project.appendingPathComponent("findings.json")
        let started = Date()
        let result = try MedlintBinary.run(
            ["check", "--fail-on", "never", "--format", "json:\(out.path)", "long.md"],
            in: project, launcher: ["/usr/bin/time", "-f", "%M"])
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 120, "took \(seconds) s")
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stdout.isEmpty)
        let stderrLines = result.stderr.split(separator: "\n")
        #expect(stderrLines.count == 1, "only GNU time's line: \(result.stderr.suffix(500))")
        let peakKilobytes = Int(stderrLines.last.map(String.init) ?? "") ?? .max
        if !MedlintBinary.isSanitized { #expect(peakKilobytes < 500_000, "peak RSS \(peakKilobytes) KB") }

        struct Position: Decodable { let line: Int; let column: Int }
        struct Finding: Decodable { let ruleId: String; let matchedText: String; let sentence: String; let start: Position; let end: Position }
        struct Summary: Decodable { let findings: Int; let errors: Int }
        struct Output: Decodable { let summary: Summary; let findings: [Finding] }
        let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: out))
        #expect(output.summary.findings == count)
        #expect(output.summary.errors == count)
        #expect(output.findings.count == count)
        let ellipsis = "\u{2026}"
        var wrong: [String] = []
        for (index, finding) in output.findings.enumerated() {
            let column = index * 500 + 12
            if finding.ruleId != "painless-claim" || finding.matchedText != "100% painless"
                || finding.start.line != 1 || finding.start.column != column
                || finding.end.line != 1 || finding.end.column != column + 13 {
                wrong.append("#\(index): \(finding.ruleId) \(finding.start.line):\(finding.start.column)-\(finding.end.line):\(finding.end.column) '\(finding.matchedText)'")
            }
            // At most `sentenceExcerptLimit` (400) bytes, the "…" marks included, holding the match;
            // the paragraph is one sentence, so every excerpt but the ends is cut on both sides.
            let sentence = finding.sentence
            if sentence.utf8.count > 400 || !sentence.contains("100% painless")
                || (index > 0 && !sentence.hasPrefix(ellipsis)) || (index < count - 1 && !sentence.hasSuffix(ellipsis)) {
                wrong.append("#\(index): sentence of \(sentence.utf8.count) bytes: \(sentence.prefix(80))…")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong findings, the first: \(wrong.prefix(5))")
    }

    // MARK: - Inputs cmark-gfm 0.29 parses in quadratic time

    /// Each is read as plain text with one note, and a claim after it is still found exactly.
    /// (Sized for the debug binary; `PathologicalInputGuard` documents the 4 MB figures.)
    static let quadratic: [(name: String, markdown: String, note: String)] = [
        ("wide-table", String(repeating: "|x", count: 2_000) + "|\n" + String(repeating: "|-", count: 2_000) + "|\n"
            + String(repeating: "a\n", count: 2_000),
         "A table (lines 1-2002, 4004000 cells) was read as plain text, because cmark-gfm would take too long to parse it; links and emphasis there may be read as plain text."),
        ("long-row", "a|b\n-|-\n" + String(repeating: "|", count: 40_000) + "\n",
         "A table (lines 1-3, 6 cells) was read as plain text, because cmark-gfm would take too long to parse it; links and emphasis there may be read as plain text."),
        ("images", String(repeating: "![[]()", count: 25_000) + "\n",
         "A paragraph with 25000 image openers '![' (line 1) had them read as plain text, because cmark-gfm would take too long to parse them; links and emphasis there may be read as plain text."),
        ("processing-instructions", "a" + String(repeating: "<?", count: 50_000) + "\n",
         "A paragraph with 50000 unclosed '<?', '<!' or '<![CDATA[' (line 1) had them read as plain text, because cmark-gfm would take too long to parse them; links and emphasis there may be read as plain text."),
        ("declarations", String(repeating: "a <!X\n", count: 25_000),
         "A paragraph with 25000 unclosed '<?', '<!' or '<![CDATA[' (lines 1-25000) had them read as plain text, because cmark-gfm would take too long to parse them; links and emphasis there may be read as plain text."),
    ]

    @Test("inputs cmark-gfm parses in quadratic time are read as plain text with a note; a claim after them is found", arguments: 0..<5)
    func quadraticInputs(_ index: Int) throws {
        let input = Self.quadratic[index]
        let project = try quietProject()
        let markdown = input.markdown + "\n" + Self.claim
        try project.write("\(input.name).md", markdown)
        let claimLine = markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let started = Date()
        let result = try run(["\(input.name).md"], in: project)
        #expect(Date().timeIntervalSince(started) < 60, "no hang")
        #expect(result.status == 1)
        #expect(result.stderr == "medlint: \(input.name).md: \(input.note) [markdown-simplified]\n")
        #expect(headlines(result.stdout) == [
            "\(input.name).md:1:1: note: \(input.note) [markdown-simplified]",
            "\(input.name).md:\(claimLine):20: error: " + Self.painless,
        ])
    }

    @Test("an ordinary table, '<!--' comments and a few images are left alone")
    func ordinaryMarkdownIsNotSimplified() throws {
        let project = try quietProject()
        let table = "| Treatment | Visits |\n|---|---:|\n" + String(repeating: "| Injection | 3 |\n", count: 500)
        let markdown = table + "\n![a](b.png) ![c](d.png) <!-- note --> <?php ?>\n\n" + Self.claim
        try project.write("post.md", markdown)
        let result = try run(["post.md"], in: project)
        #expect(result.stderr.isEmpty)
        #expect(headlines(result.stdout) == ["post.md:506:20: error: " + Self.painless])
    }
}
