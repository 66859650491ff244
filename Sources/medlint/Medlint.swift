import ArgumentParser
import MedlintCore
import MedlintRulePack

/// The `medlint` command: parses arguments and hands the work to the core.
@main
struct Medlint: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "medlint",
        abstract: "Lint healthcare marketing Markdown for medical-advertising problems.",
        discussion: """
            Exit codes: 0 no finding at or above the fail level; 1 findings at or above it;
            2 usage error, a path that does not exist, or an invalid configuration or rule file.
            """,
        version: "medlint \(version) (rule pack: \(BuiltinRulePack.version))",
        subcommands: [Check.self, Rules.self, Explain.self, TestRules.self, Inspect.self, Init.self, BaselineCommand.self],
        defaultSubcommand: Check.self
    )

    /// Runs the command, mapping usage errors to exit code 2 (ArgumentParser's default is 64).
    static func mainWithExitCodes() {
        // The built-in pack's prefilter is built on another core while the arguments and the
        // configuration are read.
        BuiltinRulePack.prepareInBackground()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            // ArgumentParser starts its message with "Error: "; Diagnostics.printError already says "error:".
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            if code == .validationFailure {
                Diagnostics.printError(message.isEmpty ? "invalid arguments" : message)
                Self.exit(withError: ExitCode(2))
            }
            if !message.isEmpty { Diagnostics.printError(message) }
            Self.exit(withError: ExitCode(2))
        }
    }

    static func main() { mainWithExitCodes() }
}
