import Foundation
import Testing

/// The bad-input matrix: each input problem is a finding (or a clear exit 2), and the rest of the run goes on.
@Suite("Bad input never stops the run", .serialized)
struct BadInputTests {
    func run(_ arguments: [String], in project: URL) throws -> MedlintBinary.Result {
        try MedlintBinary.run(["check", "--color", "never"] + arguments, in: project)
    }

    @Test("a folder with no Markdown exits 0 and says so")
    func noMarkdown() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("notes.txt", "painless")
        let result = try run([], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No Markdown files found.\n")
    }

    @Test("an empty file and front matter that never closes are linted without error")
    func emptyAndUnclosedFrontMatter() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("empty.md", "")
        try project.write("open.md", "---\ntitle: Painless injections\n\nOur injections are 100% painless.\n")
        let result = try run(["empty.md", "open.md"], in: project)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("open.md:4:"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("in 1 of 2 files.\n"))
    }

    @Test("binary and invalid UTF-8 files are findings in every format; other files are still linted")
    func binaryAndInvalid() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try project.write("latin1.md", bytes: Array("Caf".utf8) + [0xE9] + Array(" visits are completely painless.\n".utf8))
        try project.write("good.md", "Our injections are 100% painless.\n")
        let result = try run(["--fail-on", "never", "."], in: project)
        #expect(result.status == 0)
        #expect(result.stderr.contains("image.md: The file looks binary"))
        #expect(result.stderr.contains("latin1.md: The file is not valid UTF-8: 1 invalid byte, the first at byte 3"))
        #expect(result.stdout.contains("image.md:1:1: note: The file looks binary (it holds a NUL byte in its first 8 KB) and was skipped. [binary-file]"))
        #expect(result.stdout.contains("latin1.md:1:4: warning: The file is not valid UTF-8"))
        #expect(result.stdout.contains("latin1.md:1:"), "the rest of the file is still linted")
        #expect(result.stdout.contains("good.md:1:"))
        let sarif = try MedlintBinary.run(["check", "--format", "sarif", "--fail-on", "never", "."], in: project)
        #expect(sarif.stdout.contains("\"ruleId\": \"binary-file\"") || sarif.stdout.contains("\"ruleId\":\"binary-file\""))
        try SchemaValidation.expectValidSARIF(sarif.stdout)
    }

    @Test("UTF-16 with a BOM is decoded and linted")
    func utf16() throws {
        let project = try MedlintBinary.temporaryProject()
        let text = "Our injections are 100% painless.\n"
        try project.write("utf16.md", bytes: [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let result = try run(["--fail-on", "never", "utf16.md"], in: project)
        #expect(result.stdout.contains("utf16.md:1:"), "\(result.stdout)")
    }

    @Test("a symlink loop is not followed")
    func symlinkLoop() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("posts/a.md", "Fine.\n")
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("posts/loop").path, withDestinationPath: "..")
        let result = try run(["."], in: project)
        #expect(result.status == 0)
        #expect(result.stdout == "No findings in 1 file.\n")
    }

    @Test("a file over max_file_bytes is skipped with a note; raising the cap lints it")
    func tooLarge() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("big.md", String(repeating: "Plain words here. ", count: 2000) + "\nOur injections are 100% painless.\n")
        let small = try run(["--max-file-bytes", "1000", "--fail-on", "never", "big.md"], in: project)
        #expect(small.stdout.contains("[file-too-large]"))
        let raised = try run(["--fail-on", "never", "big.md"], in: project)
        #expect(raised.stdout.contains("[painless-claim]") || raised.stdout.contains("[safety-absolute]"), "\(raised.stdout)")
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
        #expect(result.stdout.contains("[rule-error]"), "\(result.stdout.prefix(2000))")
        #expect(result.stderr.contains("rule 'slow-rule' was skipped for this file"))
        #expect(result.stdout.contains("[painless-claim]") || result.stdout.contains("[safety-absolute]"))
    }

    @Test("deeply nested block quotes and a 3 MB single line do not crash")
    func pathologicalStructure() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("nested.md", String(repeating: ">", count: 100_000) + " Our injections are painless.\n")
        try project.write("long.md", String(repeating: "word ", count: 600_000) + "\n")
        let result = try run(["--fail-on", "never", "nested.md", "long.md"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("files.\n") || result.stdout.hasSuffix("file.\n"))
    }
}
