import Foundation
import Testing

/// medlint reads its own command line (`CommandLineParser`): the forms people type must work,
/// and every mistake must be one clear line, the command's usage, and exit code 2.
@Suite("medlint's command line")
struct CommandLineTests {
    static let checkUsage = "Usage: medlint check [<options>] [<paths> ...]\n  See 'medlint check --help' for more information.\n"

    @Test("mistakes give one line naming the problem, the usage, and exit code 2", arguments: [
        (["check", "--fromat", "json"], "medlint: error: Unknown option '--fromat'. Did you mean '--format'?\n" + checkUsage),
        (["check", "--no-such-flag"], "medlint: error: Unknown option '--no-such-flag'\n" + checkUsage),
        (["check", "-x"], "medlint: error: Unknown option '-x'\n" + checkUsage),
        (["check", "--format"], "medlint: error: Missing value for '--format <format>'\n" + checkUsage),
        (["check", "--jobs", "two"], "medlint: error: The value 'two' is invalid for '--jobs <jobs>'\n" + checkUsage),
        (["check", "--jobs", "-1"], "medlint: error: --jobs must be at least 1\n" + checkUsage),
        (["check", "--staged=yes"], "medlint: error: The flag '--staged' does not take a value\n" + checkUsage),
        (["explain"], "medlint: error: Missing expected argument '<id>'\nUsage: medlint explain [<options>] <id>\n  See 'medlint explain --help' for more information.\n"),
        (["inspect", "a.md", "b.md"], "medlint: error: Unexpected argument 'b.md'\nUsage: medlint inspect <file>\n  See 'medlint inspect --help' for more information.\n"),
        (["baseline", "rewrite"], "medlint: error: Unknown subcommand 'rewrite'\nUsage: medlint baseline <subcommand>\n  See 'medlint baseline --help' for more information.\n"),
    ])
    func mistakes(arguments: [String], stderr: String) throws {
        let result = try MedlintBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == stderr)
    }

    @Test("--version names the tool and the rule pack")
    func version() throws {
        let result = try MedlintBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("medlint 0.1.0 (rule pack: 44 rules, "), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(")\n"))
    }

    @Test("help lists every option and subcommand; 'help check' and 'check --help' agree")
    func help() throws {
        let root = try MedlintBinary.run(["--help"])
        #expect(root.status == 0)
        for name in ["check (default)", "rules", "explain", "test-rules", "inspect", "init", "baseline"] {
            #expect(root.stdout.contains("\n  \(name) "), "\(name)")
        }
        let check = try MedlintBinary.run(["check", "--help"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("\nUSAGE: medlint check [<options>] [<paths> ...]\n"))
        for option in ["--config <config>", "--rule-dir <rule-dir> ...", "--format <format> ...", "--sarif-category <sarif-category>",
                       "--fail-on <fail-on>", "--color <color>", "--stdin-filename <stdin-filename>", "--jobs <jobs>",
                       "--max-file-bytes <max-file-bytes>", "--include-suppressed", "--diff-base <diff-base>", "--staged",
                       "--baseline <baseline>", "--print-config <print-config>", "-h, --help"] {
            #expect(check.stdout.contains("\n  \(option)"), "\(option)")
        }
        #expect(try MedlintBinary.run(["help", "check"]).stdout == check.stdout)
        #expect(try MedlintBinary.run(["check", "-h"]).stdout == check.stdout)
        #expect(try MedlintBinary.run(["baseline", "write", "--help"]).stdout.contains("USAGE: medlint baseline write [<options>] <file> [<paths> ...]"))
    }

    @Test("check is the default command; --name=value, repeated options, '--' and options after paths all work")
    func forms() throws {
        let project = try MedlintBinary.temporaryProject()
        let post = "We offer pain-free injections.\n"
        try post.write(to: project.appendingPathComponent("post.md"), atomically: true, encoding: .utf8)
        try post.write(to: project.appendingPathComponent("--odd.md"), atomically: true, encoding: .utf8)
        let reference = try MedlintBinary.run(["check", "--format", "json", "--fail-on", "never", "post.md"], in: project)
        #expect(reference.status == 0)
        #expect(reference.stdout.contains("painless-claim"))
        #expect(try MedlintBinary.run(["--format=json", "--fail-on=never", "post.md"], in: project).stdout == reference.stdout)
        #expect(try MedlintBinary.run(["check", "post.md", "--fail-on", "never", "--format", "json"], in: project).stdout == reference.stdout)
        let twice = try MedlintBinary.run(["check", "--format", "json", "--format", "text", "--fail-on", "never", "post.md"], in: project)
        #expect(twice.stdout.hasPrefix(reference.stdout))
        #expect(twice.stdout.count > reference.stdout.count)
        let dashed = try MedlintBinary.run(["check", "--format", "json", "--fail-on", "never", "--", "--odd.md"], in: project)
        #expect(dashed.status == 0)
        #expect(dashed.stdout == reference.stdout.replacingOccurrences(of: "post.md", with: "--odd.md"))
    }
}
