import Foundation
import Testing

/// The built binary with `MEDLINT_SPILL_FINDINGS=0` moves every report to its temporary file at
/// once; its output in every format, its stderr and its exit code must be those of a run that
/// keeps everything in memory, also when the temporary folder cannot be written (it then keeps
/// reports in memory), with a baseline, with `--diff-base` and with `--staged`. A custom rule
/// flags the made-up word "zorblax", so the findings do not depend on the built-in pack.
@Suite("Spilling reports to a temporary file, end to end", .serialized)
struct SpillEndToEndTests {
    static let rule = CustomRule.yaml(id: "zorblax-word", level: "error", pattern: "\\bzorblax\\b", message: "'{match}' is a zorblax claim")

    static let posts: [(String, [UInt8])] = [
        ("posts/crlf.md", Array("# Post\r\n\r\nOur clinic opened in 2010.\r\nThe zorblax treatment works.\r\n".utf8)),
        ("posts/lone-cr.md", Array("# Post\rThe zorblax tea is green.\rWe are open on Saturdays.\r".utf8)),
        ("posts/de/über uns.md", Array(("\u{FEFF}# Über uns 💊\n\nUnser zorblax Tee — grün.\n\n"
            + "<!-- medlint-disable-next-line zorblax-word -- reviewed by legal -->\nAnother zorblax here.\n").utf8)),
        ("posts/plain.md", Array("# Plain\n\nNothing to see.\n".utf8)),
    ] + (1...3).map { ("posts/p\($0).md", Array("# Post \($0)\n\nA zorblax on day \($0).\nAnd one more zorblax.\n".utf8)) }

    /// What `medlint check --rule-dir rules --format text --color never posts` printed before
    /// reports could be spilled.
    static let textGolden = """
        posts/crlf.md:4:5: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        4 | The zorblax treatment works.
          |     ^^^^^^^
          = help: Describe the result plainly.

        posts/de/über uns.md:3:7: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        3 | Unser zorblax Tee — grün.
          |       ^^^^^^^
          = help: Describe the result plainly.

        posts/lone-cr.md:2:5: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        2 | The zorblax tea is green.
          |     ^^^^^^^
          = help: Describe the result plainly.

        posts/p1.md:3:3: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        3 | A zorblax on day 1.
          |   ^^^^^^^
          = help: Describe the result plainly.

        posts/p1.md:4:14: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        4 | And one more zorblax.
          |              ^^^^^^^
          = help: Describe the result plainly.

        posts/p2.md:3:3: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        3 | A zorblax on day 2.
          |   ^^^^^^^
          = help: Describe the result plainly.

        posts/p2.md:4:14: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        4 | And one more zorblax.
          |              ^^^^^^^
          = help: Describe the result plainly.

        posts/p3.md:3:3: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        3 | A zorblax on day 3.
          |   ^^^^^^^
          = help: Describe the result plainly.

        posts/p3.md:4:14: error: 'zorblax' is a zorblax claim [zorblax-word]
          |
        4 | And one more zorblax.
          |              ^^^^^^^
          = help: Describe the result plainly.

        9 findings (9 errors) in 6 of 7 files.

        """

    func project() throws -> URL {
        let project = try MedlintBinary.temporaryProject()
        try project.write("rules/zorblax-word.yml", Self.rule)
        for (path, bytes) in Self.posts {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try project.write(path, bytes: bytes)
        }
        return project
    }

    /// The run in memory, then spilled, then spilled with no writable temporary folder: the same
    /// stdout, stderr and exit code each time. Returns the in-memory run.
    @discardableResult
    func sameEverywhere(_ arguments: [String], in project: URL, comment: String) throws -> MedlintBinary.Result {
        let emptyTemporary = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: emptyTemporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: emptyTemporary) }
        let inMemory = try MedlintBinary.run(arguments, in: project, environment: ["MEDLINT_SPILL_FINDINGS": "20000"])
        let spilled = try MedlintBinary.run(arguments, in: project, environment: ["MEDLINT_SPILL_FINDINGS": "0", "TMPDIR": emptyTemporary.path])
        let noTemporary = try MedlintBinary.run(arguments, in: project,
                                                environment: ["MEDLINT_SPILL_FINDINGS": "0", "TMPDIR": "/nonexistent-medlint-tmp"])
        for (name, run) in [("spilled", spilled), ("no temporary folder", noTemporary)] {
            #expect(run.stdout == inMemory.stdout, "\(comment): \(name) stdout differs")
            #expect(run.stderr == inMemory.stderr, "\(comment): \(name) stderr differs")
            #expect(run.status == inMemory.status, "\(comment): \(name) exit code differs")
        }
        // The temporary file was unlinked as soon as it was made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: emptyTemporary.path) == [])
        return inMemory
    }

    @Test("every format, with and without suppressed findings, is the same spilled or not")
    func formats() throws {
        let project = try project()
        let text = try sameEverywhere(["check", "--rule-dir", "rules", "--color", "never", "posts"], in: project, comment: "text")
        #expect(text.stdout == Self.textGolden)
        #expect(text.status == 1)
        for format in ["json", "sarif", "github", "rdjsonl", "gitlab"] {
            for extra in [[], ["--include-suppressed"]] {
                let result = try sameEverywhere(["check", "--rule-dir", "rules", "--format", format, "--fail-on", "warning"] + extra + ["posts"],
                                                in: project, comment: format + " " + extra.joined())
                #expect(result.status == 1)
                #expect(result.stdout.components(separatedBy: "zorblax-word").count > 9, "\(format): \(result.stdout)")
            }
        }
        // Several formats in one run, files included.
        try sameEverywhere(["check", "--rule-dir", "rules", "--format", "text", "--format", "json:out.json", "--format", "sarif:out.sarif",
                            "--fail-on", "never", "posts"], in: project, comment: "several")
        let json = try String(contentsOf: project.appendingPathComponent("out.json"), encoding: .utf8)
        #expect(json.contains("\"findings\": 9,\n    \"errors\": 9,"))
    }

    @Test("baseline, --diff-base and --staged give the same output spilled or not")
    func changesAndBaseline() throws {
        let helper = ChangedLinesAndBaselineTests()
        let project = try project()
        try helper.git(["init", "-q", "-b", "main"], in: project)
        try helper.git(["add", "-A"], in: project)
        try helper.git(["commit", "-q", "-m", "initial"], in: project)
        let write = try MedlintBinary.run(["baseline", "write", "baseline.json", "--rule-dir", "rules", "posts"], in: project,
                                          environment: ["MEDLINT_SPILL_FINDINGS": "0"])
        #expect(write.stdout == "Wrote 9 findings from 7 files to baseline.json.\n")
        try project.write("posts/p2.md", "# Post 2\n\nA zorblax on day 2.\nAnd one more zorblax.\nA new zorblax.\n")
        let baseline = try sameEverywhere(["check", "--rule-dir", "rules", "--color", "never", "--baseline", "baseline.json", "posts"],
                                          in: project, comment: "baseline")
        #expect(baseline.stdout.hasPrefix("posts/p2.md:5:7: error: 'zorblax' is a zorblax claim [zorblax-word]\n"))
        #expect(baseline.stdout.hasSuffix("1 finding (1 error) in 1 of 7 files.\n"))
        try sameEverywhere(["check", "--rule-dir", "rules", "--format", "sarif", "--baseline", "baseline.json", "posts"],
                           in: project, comment: "baseline sarif")

        try helper.git(["checkout", "-q", "-b", "feature"], in: project)
        try helper.git(["commit", "-q", "-am", "new zorblax"], in: project)
        try project.write("posts/p3.md", "# Post 3\n\nA zorblax on day 3.\nStaged zorblax.\n")
        try helper.git(["add", "posts/p3.md"], in: project)
        let diff = try sameEverywhere(["check", "--rule-dir", "rules", "--format", "json", "--diff-base", "main", "posts"],
                                      in: project, comment: "diff-base")
        #expect(diff.stdout.components(separatedBy: "\"ruleId\": \"zorblax-word\"").count - 1 == 2)
        let staged = try sameEverywhere(["check", "--rule-dir", "rules", "--color", "never", "--staged", "posts"], in: project, comment: "staged")
        #expect(staged.stdout.hasPrefix("posts/p3.md:4:8: error: 'zorblax' is a zorblax claim [zorblax-word]\n"))
        #expect(staged.stdout.hasSuffix("1 finding (1 error) in 1 of 1 file.\n"))
    }
}
