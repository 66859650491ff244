import Foundation
import MedlintCore

/// Renders a report in every requested format and sends each to standard output or its file
/// (written atomically). One run can feed the log, the annotations and code scanning at once.
public struct ReportPublisher {
    public let useColor: Bool
    public let writeStandardOutput: (String) -> Void
    /// The GitHub code scanning category the SARIF output declares (`--sarif-category`), or nil.
    public let sarifCategory: String?

    public init(useColor: Bool, sarifCategory: String? = nil, writeStandardOutput: @escaping (String) -> Void) {
        self.useColor = useColor
        self.sarifCategory = sarifCategory
        self.writeStandardOutput = writeStandardOutput
    }

    public func render(_ report: CheckReport, as kind: OutputFormat.Kind, toFile: Bool) -> String {
        switch kind {
        case .text: return TextReporter(useColor: useColor && !toFile).render(report)
        case .json: return JSONReporter.render(report)
        case .sarif: return SARIFReporter.render(report, baselineState: { $0.baselineState?.rawValue }, category: sarifCategory)
        case .github: return GitHubReporter.render(report)
        case .rdjsonl: return RDJSONLReporter.render(report)
        case .gitlab: return GitLabReporter.render(report)
        }
    }

    /// Publishes every format; returns one message per file that could not be written, and
    /// warnings to show on stderr. With the `github` format and `stepSummaryPath` (the
    /// `GITHUB_STEP_SUMMARY` file), a Markdown summary is appended to that file.
    public func publish(_ report: CheckReport, formats: [OutputFormat], stepSummaryPath: String? = nil) -> (problems: [String], warnings: [String]) {
        var problems: [String] = []
        var warnings: [String] = []
        if formats.contains(where: { $0.kind == .sarif }), let warning = SARIFReporter.truncationWarning(report) {
            warnings.append(warning)
        }
        if let stepSummaryPath, !stepSummaryPath.isEmpty, formats.contains(where: { $0.kind == .github }) {
            if let handle = FileHandle(forWritingAtPath: stepSummaryPath) {
                handle.seekToEndOfFile()
                handle.write(Data(GitHubReporter.summaryMarkdown(report).utf8))
                handle.closeFile()
            } else {
                warnings.append("cannot append to GITHUB_STEP_SUMMARY (\(stepSummaryPath))")
            }
        }
        for format in formats {
            // Chunk by chunk, so a report with a million findings is never one string in memory.
            let produce: (_ emit: ([UInt8]) -> Void) -> Void = { emit in
                switch format.kind {
                case .json: JSONReporter.write(report, to: emit)
                case .sarif: SARIFReporter.write(report, baselineState: { $0.baselineState?.rawValue }, category: sarifCategory, to: emit)
                case .text: TextReporter(useColor: useColor && format.file == nil).write(report, to: emit)
                case .rdjsonl: RDJSONLReporter.write(report, to: emit)
                case .gitlab: GitLabReporter.write(report, to: emit)
                case .github:
                    var output = render(report, as: format.kind, toFile: format.file != nil)
                    output.withUTF8 { emit(Array($0)) }
                }
            }
            if let file = format.file {
                do {
                    try AtomicFileWriter.write(to: file, produce)
                } catch {
                    problems.append("cannot write \(format.kind.rawValue) output to \(file): \(error.localizedDescription)")
                }
            } else {
                produce { writeStandardOutput(String(decoding: $0, as: UTF8.self)) }
            }
        }
        return (problems, warnings)
    }
}
