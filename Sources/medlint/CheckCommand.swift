import Foundation
import MedlintCore
import MedlintReporters
import MedlintRulePack

struct Check {
    static let spec = CommandSpec(
        path: ["check"],
        abstract: "Lint Markdown files and folders (default: the current directory).",
        discussion: """
            Exit codes: 0 no finding at or above the fail level; 1 findings at or above it;
            2 usage error, a path that does not exist, or an invalid configuration or rule file.
            Formats: text (default), json, sarif, github, rdjsonl, gitlab; add :FILE to write a file.
            """,
        arguments: [.list("paths", help: "Files or folders to lint; '-' reads standard input.")],
        options: SetupOptions.options + [
            .option("format", repeatable: true, help: "FORMAT[:FILE], repeatable: text, json, sarif, github, rdjsonl, gitlab."),
            .option("sarif-category", help: "GitHub code scanning category for the SARIF output (sets automationDetails.id to NAME/), so several medlint uploads in one repository do not replace each other."),
            .option("fail-on", help: "Lowest level that fails the run: error, warning, note or never."),
            .option("color", help: "Colour: auto, always or never (NO_COLOR is honoured). (default: auto)"),
            .option("stdin-filename", help: "The path to report for standard input."),
            .option("jobs", help: "Files linted in parallel (default: the number of cores)."),
            .option("max-file-bytes", help: "Skip files larger than this (default 4 MB)."),
            .flag("include-suppressed", help: "Keep suppressed findings in the output, marked as such."),
            .option("diff-base", help: "Report only findings on lines changed since the merge base of REV and HEAD."),
            .flag("staged", help: "Lint the staged content and report only findings on staged lines (for hooks)."),
            .option("baseline", help: "Report only findings absent from this baseline file (see `medlint baseline write`)."),
            .option("print-config", help: "Print the effective settings for this file and exit."),
        ]
    )

    let paths: [String]
    let setup: SetupOptions
    let formats: [String]
    let sarifCategory: String?
    let failOn: String?
    let color: String
    let stdinFilename: String?
    let jobs: Int?
    let maxFileBytes: Int?
    let includeSuppressed: Bool
    let diffBase: String?
    let staged: Bool
    let baseline: String?
    let printConfig: String?

    /// Reads and checks the options; a bad value is a usage error (exit 2).
    init(_ arguments: ParsedArguments) throws(CommandLineError) {
        paths = arguments.arguments("paths")
        setup = SetupOptions(arguments)
        formats = arguments.all("format")
        sarifCategory = arguments.value("sarif-category")
        failOn = arguments.value("fail-on")
        color = arguments.value("color") ?? "auto"
        stdinFilename = arguments.value("stdin-filename")
        jobs = try arguments.integer("jobs")
        maxFileBytes = try arguments.integer("max-file-bytes")
        includeSuppressed = arguments.flag("include-suppressed")
        diffBase = arguments.value("diff-base")
        staged = arguments.flag("staged")
        baseline = arguments.value("baseline")
        printConfig = arguments.value("print-config")
        func invalid(_ message: String) -> CommandLineError { CommandLineError(message: message, command: Self.spec) }
        for format in formats where OutputFormat(argument: format) == nil {
            throw invalid("unknown format '\(format)'; use text, json, sarif, github, rdjsonl or gitlab")
        }
        if let failOn, !["error", "warning", "note", "never"].contains(failOn) {
            throw invalid("--fail-on must be error, warning, note or never")
        }
        if !["auto", "always", "never"].contains(color) { throw invalid("--color must be auto, always or never") }
        if let jobs, jobs < 1 { throw invalid("--jobs must be at least 1") }
        if paths.filter({ $0 == "-" }).count > 1 { throw invalid("'-' (standard input) can be given once") }
        if let sarifCategory, sarifCategory.trimmingCharacters(in: .whitespaces).isEmpty || sarifCategory == "/" {
            throw invalid("--sarif-category needs a name, such as 'medlint-blog'")
        }
        if diffBase != nil && staged { throw invalid("--diff-base and --staged cannot be combined") }
    }

    func run() throws(ExitCode) {
        let loaded = try setup.load()
        let configuration = loaded.configuration
        if let printConfig {
            Diagnostics.printOut(ConfigurationPrinter.render(loaded, forPath: printConfig))
            return
        }
        let failText = failOn ?? configuration.failOn ?? "error"
        let failLevel = Severity(rawValue: failText)
        let options = CheckOptions(
            jobs: jobs,
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
