import ArgumentParser
import Foundation
import MedlintCore
import MedlintReporters
import MedlintRulePack

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint Markdown files and folders (default: the current directory).",
        discussion: """
            Exit codes: 0 no finding at or above the fail level; 1 findings at or above it;
            2 usage error, a path that does not exist, or an invalid configuration or rule file.
            Formats: text (default), json, sarif, github, rdjsonl, gitlab; add :FILE to write a file.
            """
    )

    @Argument(help: "Files or folders to lint; '-' reads standard input.")
    var paths: [String] = []

    @OptionGroup var setup: SetupOptions

    @Option(name: .customLong("format"), help: "FORMAT[:FILE], repeatable: text, json, sarif, github, rdjsonl, gitlab.")
    var formats: [String] = []

    @Option(name: .customLong("sarif-category"),
            help: "GitHub code scanning category for the SARIF output (sets automationDetails.id to NAME/), so several medlint uploads in one repository do not replace each other.")
    var sarifCategory: String?

    @Option(name: .customLong("fail-on"), help: "Lowest level that fails the run: error, warning, note or never.")
    var failOn: String?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured).")
    var color: String = "auto"

    @Option(name: .customLong("stdin-filename"), help: "The path to report for standard input.")
    var stdinFilename: String?

    @Option(help: "Files linted in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("max-file-bytes"), help: "Skip files larger than this (default 4 MB).")
    var maxFileBytes: Int?

    @Flag(name: .customLong("include-suppressed"), help: "Keep suppressed findings in the output, marked as such.")
    var includeSuppressed = false

    @Option(name: .customLong("diff-base"), help: "Report only findings on lines changed since the merge base of REV and HEAD.")
    var diffBase: String?

    @Flag(help: "Lint the staged content and report only findings on staged lines (for hooks).")
    var staged = false

    @Option(help: "Report only findings absent from this baseline file (see `medlint baseline write`).")
    var baseline: String?

    @Option(name: .customLong("print-config"), help: "Print the effective settings for this file and exit.")
    var printConfig: String?

    func validate() throws {
        for format in formats where OutputFormat(argument: format) == nil {
            throw ValidationError("unknown format '\(format)'; use text, json, sarif, github, rdjsonl or gitlab")
        }
        if let failOn, !["error", "warning", "note", "never"].contains(failOn) {
            throw ValidationError("--fail-on must be error, warning, note or never")
        }
        if !["auto", "always", "never"].contains(color) { throw ValidationError("--color must be auto, always or never") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("'-' (standard input) can be given once") }
        if let sarifCategory, sarifCategory.trimmingCharacters(in: .whitespaces).isEmpty || sarifCategory == "/" {
            throw ValidationError("--sarif-category needs a name, such as 'medlint-blog'")
        }
        if diffBase != nil && staged { throw ValidationError("--diff-base and --staged cannot be combined") }
    }

    func run() throws {
        let loaded = try setup.load()
        let configuration = loaded.configuration
        if let printConfig {
            Diagnostics.printOut(ConfigurationPrinter.render(loaded, forPath: printConfig))
            return
        }
        let failText = failOn ?? configuration.failOn ?? "error"
        let failLevel = Severity(rawValue: failText)
        let options = CheckOptions(
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            maxFileBytes: maxFileBytes ?? configuration.maxFileBytes,
            includeSuppressed: includeSuppressed,
            requireSuppressionReason: configuration.requireSuppressionReason,
            frontMatterFields: configuration.frontMatterFields ?? ["title", "description", "summary", "excerpt"]
        )
        let session = CheckSession(setup: loaded, options: options, toolVersion: Medlint.version, packVersion: BuiltinRulePack.version)
        var stdinBytes: [UInt8]?
        if paths.contains("-") {
            stdinBytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        let report: CheckReport
        do {
            let scope: CheckSession.ChangeScope = staged ? .staged : diffBase.map { .diffBase($0) } ?? .all
            let recorded = try baseline.map { path throws(ConfigurationError) in try Baseline.load(path: path) }
            report = try session.run(paths: paths.filter { $0 != "-" }, stdin: stdinBytes, stdinName: stdinFilename ?? "<stdin>",
                                     changeScope: scope, baseline: recorded)
        } catch {
            Diagnostics.printError(error.description)
            throw ExitCode(2)
        }
        // Only reports with an input problem are read back (a large run's reports are on disk).
        for index in report.files.indices where report.files.summary(at: index).hasInputProblem {
            let file = report.files[index]
            for diagnostic in file.diagnostics where BuiltinChecks.inputProblemIDs.contains(diagnostic.ruleID) {
                Diagnostics.printNote("\(file.displayPath): \(diagnostic.message) [\(diagnostic.ruleID)]")
            }
        }
        let useColor: Bool
        switch color {
        case "always": useColor = true
        case "never": useColor = false
        default: useColor = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true
        }
        let requested = formats.compactMap(OutputFormat.init(argument:))
        let publisher = ReportPublisher(useColor: useColor, sarifCategory: sarifCategory) { Diagnostics.printOut($0) }
        let published = publisher.publish(report, formats: requested.isEmpty ? [OutputFormat(kind: .text, file: nil)] : requested,
                                          stepSummaryPath: ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"])
        for warning in published.warnings { Diagnostics.printNote(warning) }
        for problem in published.problems {
            Diagnostics.printError(problem)
            throw ExitCode(2)
        }
        let code = CheckSession.exitCode(report, failOn: failLevel)
        if code != 0 { throw ExitCode(code) }
    }
}
