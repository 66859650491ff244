/// What the summaries, the exit code and the sort of findings need to know about one file's
/// report, kept in memory for every file while the report itself may sit in a temporary file
/// (`FileReportStore`): counting findings or ordering files then reads no report back.
public struct FileReportSummary: Sendable, Equatable {
    public let displayPath: String
    public let projectPath: String
    /// Every diagnostic, suppressed ones included.
    public let diagnosticCount: Int
    /// Diagnostics per level (note, warning, error), suppressed included; then unsuppressed ones
    /// per level. (Six fields, not arrays: one summary per file stays one small value.)
    private let notes, warnings, errors: Int
    private let unsuppressedNotes, unsuppressedWarnings, unsuppressedErrors: Int
    /// Whether the file has a CR not followed by LF (`SourceLines.hasLoneCR`).
    public let hasLoneCR: Bool
    /// Whether a diagnostic is one of `BuiltinChecks.inputProblemIDs` (the CLI also prints those on stderr).
    public let hasInputProblem: Bool

    public init(_ report: FileReport) {
        displayPath = report.displayPath
        projectPath = report.projectPath
        diagnosticCount = report.diagnostics.count
        var all = [0, 0, 0]
        var unsuppressed = [0, 0, 0]
        var inputProblem = false
        for diagnostic in report.diagnostics {
            let slot = Self.slot(diagnostic.level)
            all[slot] += 1
            if diagnostic.suppression == nil { unsuppressed[slot] += 1 }
            if !inputProblem, BuiltinChecks.inputProblemIDs.contains(diagnostic.ruleID) { inputProblem = true }
        }
        (notes, warnings, errors) = (all[0], all[1], all[2])
        (unsuppressedNotes, unsuppressedWarnings, unsuppressedErrors) = (unsuppressed[0], unsuppressed[1], unsuppressed[2])
        hasLoneCR = report.source.hasLoneCR
        hasInputProblem = inputProblem
    }

    /// Diagnostics of `level`, suppressed included.
    public func count(_ level: Severity) -> Int {
        switch level {
        case .note: return notes
        case .warning: return warnings
        case .error: return errors
        }
    }

    /// Unsuppressed diagnostics of `level`.
    public func unsuppressedCount(_ level: Severity) -> Int {
        switch level {
        case .note: return unsuppressedNotes
        case .warning: return unsuppressedWarnings
        case .error: return unsuppressedErrors
        }
    }

    /// Unsuppressed diagnostics of every level.
    public var unsuppressedCount: Int { unsuppressedNotes + unsuppressedWarnings + unsuppressedErrors }

    private static func slot(_ level: Severity) -> Int {
        switch level {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}
