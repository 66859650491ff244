import ArgumentParser
import Foundation
import MedlintCore
import MedlintReporters
import MedlintRulePack

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record current findings so that `check --baseline` reports only new ones.",
        subcommands: [Write.self]
    )

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write", abstract: "Write the findings of PATHS (default: the current directory) to FILE.")

        @Argument(help: "The baseline file to write (JSON).")
        var file: String

        @Argument(help: "Files or folders to lint.")
        var paths: [String] = []

        @OptionGroup var setup: SetupOptions

        func run() throws {
            let loaded = try setup.load()
            let configuration = loaded.configuration
            let options = CheckOptions(
                jobs: ProcessInfo.processInfo.activeProcessorCount, maxFileBytes: configuration.maxFileBytes,
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
