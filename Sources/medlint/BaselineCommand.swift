import Foundation
import MedlintCore
import MedlintReporters
import MedlintRulePack

enum BaselineCommand {
    static let spec = CommandSpec(
        path: ["baseline"], abstract: "Record current findings so that `check --baseline` reports only new ones.",
        subcommands: [Write.spec]
    )

    struct Write {
        static let spec = CommandSpec(
            path: ["baseline", "write"], abstract: "Write the findings of PATHS (default: the current directory) to FILE.",
            arguments: [.single("file", help: "The baseline file to write (JSON)."), .list("paths", help: "Files or folders to lint.")],
            options: SetupOptions.options
        )

        let file: String
        let paths: [String]
        let setup: SetupOptions

        init(_ arguments: ParsedArguments) {
            file = arguments.argument("file")
            paths = arguments.arguments("paths")
            setup = SetupOptions(arguments)
        }

        func run() throws(ExitCode) {
            let loaded = try setup.load()
            let configuration = loaded.configuration
            let options = CheckOptions(
                jobs: nil, maxFileBytes: configuration.maxFileBytes,
                includeSuppressed: false, requireSuppressionReason: configuration.requireSuppressionReason,
                frontMatterFields: configuration.frontMatterFields ?? ["title", "description", "summary", "excerpt"]
            )
            let session = CheckSession(setup: loaded, options: options, toolVersion: Medlint.version, packVersion: BuiltinRulePack.version)
            let report: CheckReport
            do {
                report = try session.run(paths: paths)
            } catch {
                Diagnostics.printError(error.description)
                throw ExitCode(2)
            }
            let baseline = Baseline(report: report)
            do {
                try AtomicFileWriter.write(baseline.encoded(), to: file)
            } catch {
                Diagnostics.printError("cannot write \(file): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            Diagnostics.printOut("Wrote \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") from \(report.filesChecked) files to \(file).\n")
        }
    }
}
