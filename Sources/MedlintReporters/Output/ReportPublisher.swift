import Foundation
import MedlintCore

/// Renders a report in every requested format and sends each to standard output or its file
/// (written atomically). One run can feed the log, the annotations and code scanning at once.
public struct ReportPublisher {
    public let useColor: Bool
    public let writeStandardOutput: (String) -> Void

    public init(useColor: Bool, writeStandardOutput: @escaping (String) -> Void) {
        self.useColor = useColor
        self.writeStandardOutput = writeStandardOutput
    }

    public func render(_ report: CheckReport, as kind: OutputFormat.Kind, toFile: Bool) -> String {
        switch kind {
        case .text: return TextReporter(useColor: useColor && !toFile).render(report)
        // REPORTERS-PENDING
        default: return TextReporter(useColor: false).render(report)
        }
    }

    /// Publishes every format; returns one message per file that could not be written.
    public func publish(_ report: CheckReport, formats: [OutputFormat]) -> [String] {
        var problems: [String] = []
        for format in formats {
            let output = render(report, as: format.kind, toFile: format.file != nil)
            if let file = format.file {
                do {
                    try AtomicFileWriter.write(output, to: file)
                } catch {
                    problems.append("cannot write \(format.kind.rawValue) output to \(file): \(error.localizedDescription)")
                }
            } else {
                writeStandardOutput(output)
            }
        }
        return problems
    }
}
