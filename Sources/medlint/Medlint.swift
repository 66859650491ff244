import Foundation
import MedlintCore
import MedlintRulePack

/// The `medlint` command: reads the command line and hands the work to the core.
@main
enum Medlint {
    static let version = "0.1.0"

    static let root = CommandSpec(
        path: [],
        abstract: "Lint healthcare marketing Markdown for medical-advertising problems.",
        discussion: """
            Exit codes: 0 no finding at or above the fail level; 1 findings at or above it;
            2 usage error, a path that does not exist, or an invalid configuration or rule file.
            """,
        subcommands: [Check.spec, Rules.spec, Explain.spec, TestRules.spec, Inspect.spec, Init.spec, BaselineCommand.spec]
    )

    static func main() {
        // The built-in pack is decoded and its prefilter built on another core while the
        // command line and the configuration are read.
        BuiltinRulePack.prepareInBackground()
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs one command line; the exit status (2 for a command line that cannot run).
    static func run(_ words: [String]) -> Int32 {
        let parser = CommandLineParser(root: root, defaultCommand: Check.spec)
        do {
            switch try parser.parse(words) {
            case .version:
                Diagnostics.printOut("medlint \(version) (rule pack: \(BuiltinRulePack.version))\n")
            case let .help(command):
                Diagnostics.printOut(HelpText.render(command, defaultSubcommand: command.path.isEmpty ? Check.spec.name : nil))
            case let .run(arguments):
                try dispatch(arguments)
            }
            return 0
        } catch let error as CommandLineError {
            Diagnostics.printError(error.message)
            FileHandle.standardError.write(Data((HelpText.usageReminder(error.command) + "\n").utf8))
            return 2
        } catch let code as ExitCode {
            return code.status
        } catch {
            Diagnostics.printError("\(error)")
            return 2
        }
    }

    private static func dispatch(_ arguments: ParsedArguments) throws {
        switch arguments.command.path {
        case Check.spec.path: try Check(arguments).run()
        case Rules.spec.path: try Rules(arguments).run()
        case Explain.spec.path: try Explain(arguments).run()
        case TestRules.spec.path: try TestRules(arguments).run()
        case Inspect.spec.path: try Inspect(arguments).run()
        case Init.spec.path: try Init(arguments).run()
        case BaselineCommand.Write.spec.path: try BaselineCommand.Write(arguments).run()
        default: throw CommandLineError(message: "Unknown command '\(arguments.command.fullName)'", command: root)
        }
    }
}
