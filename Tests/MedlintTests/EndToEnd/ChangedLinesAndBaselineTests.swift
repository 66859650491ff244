import Foundation
import Testing

/// Scripted repositories: `--diff-base` and `--baseline` on posts with one sentence per line and
/// on posts whose paragraphs are one long line each. A custom rule flags "miracle" so the
/// findings do not depend on the built-in pack.
@Suite("Changed-lines mode and baselines", .serialized)
struct ChangedLinesAndBaselineTests {
    static let rule = CustomRule.yaml(id: "miracle-word", level: "error", pattern: "\\bmiracle\\b", message: "'{match}' is a miracle claim")

    static let sentencePerLine = """
        # Post

        Our clinic opened in 2010.
        The miracle treatment works.
        We are open on Saturdays.
        Another miracle happens daily.

        """

    static let longParagraphs = """
        # Post

        Our clinic opened in 2010. The miracle treatment works. We are open on Saturdays.

        Parking is free. Another miracle happens daily. Call us today.

        """

    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "-c", "user.email=t@example.com", "-c", "user.name=Test",
                             "-c", "commit.gpgsign=false"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    func repository(with post: String) throws -> URL {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: project)
        try project.write("rules/miracle-word.yml", Self.rule)
        try project.write("posts/post.md", post)
        try git(["add", "-A"], in: project)
        try git(["commit", "-q", "-m", "initial"], in: project)
        return project
    }

    /// `line:column rule` of each finding in the text output.
    func findings(_ arguments: [String], in project: URL) throws -> [String] {
        let result = try MedlintBinary.run(["check", "--rule-dir", "rules", "--format", "json", "--fail-on", "never"] + arguments, in: project)
        #expect(result.status == 0, "\(result.stderr)")
        guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let list = json["findings"] as? [[String: Any]] else {
            Issue.record("no JSON findings in: \(result.stdout) \(result.stderr)")
            return []
        }
        return list.compactMap { finding -> String? in
            guard let rule = finding["ruleId"] as? String, rule == "miracle-word", let start = finding["start"] as? [String: Any],
                  let line = start["line"] as? Int, let column = start["column"] as? Int else { return nil }
            return "\(finding["path"] as? String ?? "?"):\(line):\(column)"
        }
    }

    @Test("--diff-base reports exactly the findings on changed lines (one sentence per line)")
    func diffBaseSentencePerLine() throws {
        let project = try repository(with: Self.sentencePerLine)
        try git(["checkout", "-q", "-b", "feature"], in: project)
        try project.write("posts/post.md", Self.sentencePerLine.replacingOccurrences(of: "Another miracle happens daily.", with: "Another miracle happens weekly."))
        #expect(try findings(["posts"], in: project) == ["posts/post.md:4:5", "posts/post.md:6:9"])
        #expect(try findings(["--diff-base", "main", "posts"], in: project) == ["posts/post.md:6:9"])
    }

    @Test("--diff-base with no changed Markdown file says so and exits 0, even with findings in unchanged files")
    func diffBaseNothingChanged() throws {
        let project = try repository(with: Self.sentencePerLine)
        try git(["checkout", "-q", "-b", "feature"], in: project)
        try project.write("notes.txt", "A miracle, but not Markdown.\n")
        try git(["add", "notes.txt"], in: project)
        try git(["commit", "-q", "-m", "notes"], in: project)
        let result = try MedlintBinary.run(["check", "--color", "never", "--rule-dir", "rules", "--diff-base", "main", "posts"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No Markdown files changed since main; nothing to check.\n")
        #expect(result.stderr.isEmpty)
        // Without --diff-base the same folder has findings and fails.
        let all = try MedlintBinary.run(["check", "--color", "never", "--rule-dir", "rules", "posts"], in: project)
        #expect(all.status == 1)
    }

    @Test("--diff-base on one-line paragraphs reports findings in the changed paragraph only")
    func diffBaseLongParagraphs() throws {
        let project = try repository(with: Self.longParagraphs)
        try git(["checkout", "-q", "-b", "feature"], in: project)
        try project.write("posts/post.md", Self.longParagraphs.replacingOccurrences(of: "Parking is free.", with: "Parking is cheap."))
        #expect(try findings(["--diff-base", "main", "posts"], in: project) == ["posts/post.md:5:27"])
    }

    @Test("baseline: inserted lines and edited neighbours stay silent, an edited flagged sentence is reported, a rename stays silent",
          arguments: [sentencePerLine, longParagraphs])
    func baseline(post: String) throws {
        let project = try repository(with: post)
        let write = try MedlintBinary.run(["baseline", "write", "medlint-baseline.json", "--rule-dir", "rules", "posts"], in: project)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try findings(["--baseline", "medlint-baseline.json", "posts"], in: project) == [])

        try project.write("posts/post.md", "Intro line one.\n\nIntro line two.\n\n" + post)
        #expect(try findings(["--baseline", "medlint-baseline.json", "posts"], in: project) == [])

        try project.write("posts/post.md", post.replacingOccurrences(of: "We are open on Saturdays.", with: "We are open on Sundays."))
        #expect(try findings(["--baseline", "medlint-baseline.json", "posts"], in: project) == [])

        let edited = post.replacingOccurrences(of: "The miracle treatment works.", with: "The miracle treatment always works.")
        try project.write("posts/post.md", edited)
        let expected = post == Self.sentencePerLine ? ["posts/post.md:4:5"] : ["posts/post.md:3:32"]
        #expect(try findings(["--baseline", "medlint-baseline.json", "posts"], in: project) == expected)

        try project.write("posts/post.md", post)
        try FileManager.default.moveItem(at: project.appendingPathComponent("posts/post.md"), to: project.appendingPathComponent("posts/renamed.md"))
        #expect(try findings(["--baseline", "medlint-baseline.json", "posts"], in: project) == [])
        let text = try MedlintBinary.run(["check", "--rule-dir", "rules", "--baseline", "medlint-baseline.json", "--color", "never", "posts"], in: project)
        #expect(text.stdout.hasSuffix("No findings in 1 file.\n"))
    }
}

@Suite("Staged mode", .serialized)
struct StagedModeTests {
    @Test("--staged lints the staged content and reports only staged lines")
    func staged() throws {
        let helper = ChangedLinesAndBaselineTests()
        let project = try helper.repository(with: ChangedLinesAndBaselineTests.sentencePerLine)
        // Stage a new miracle on line 5, then change the working tree so that only the index has it.
        let staged = ChangedLinesAndBaselineTests.sentencePerLine.replacingOccurrences(of: "We are open on Saturdays.", with: "A miracle on Saturdays.")
        try project.write("posts/post.md", staged)
        try helper.git(["add", "posts/post.md"], in: project)
        try project.write("posts/post.md", ChangedLinesAndBaselineTests.sentencePerLine)
        #expect(try helper.findings(["--staged", "posts/post.md"], in: project) == ["posts/post.md:5:3"])
        #expect(try helper.findings(["posts/post.md"], in: project) == ["posts/post.md:4:5", "posts/post.md:6:9"])
    }

    @Test("--staged with no staged Markdown file says so and exits 0")
    func nothingStaged() throws {
        let helper = ChangedLinesAndBaselineTests()
        let project = try helper.repository(with: ChangedLinesAndBaselineTests.sentencePerLine)
        // An unstaged edit and a staged non-Markdown file: nothing Markdown is staged.
        try project.write("posts/post.md", ChangedLinesAndBaselineTests.sentencePerLine + "One more miracle.\n")
        try project.write("notes.txt", "A miracle.\n")
        try helper.git(["add", "notes.txt"], in: project)
        let result = try MedlintBinary.run(["check", "--color", "never", "--rule-dir", "rules", "--staged", "posts"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No Markdown files are staged; nothing to check.\n")
        #expect(result.stderr.isEmpty)
    }
}
