/// Keeps only the findings a change is responsible for: those whose lines touch an added or
/// changed line, plus the document-level findings of files whose content changed.
public struct ChangeFilter: Sendable {
    public let changes: [String: FileChange]

    public init(changes: [String: FileChange]) { self.changes = changes }

    public func filter(_ report: FileReport) -> FileReport? {
        guard let change = changes[report.projectPath] else { return nil }
        var kept = report
        var diagnostics: [Diagnostic] = []
        var fingerprints: [String] = []
        for (diagnostic, fingerprint) in zip(report.diagnostics, report.fingerprints) {
            let keep: Bool
            if diagnostic.isDocumentLevel {
                keep = change.contentChanged
            } else {
                let first = report.start(of: diagnostic).line
                let last = max(first, report.source.location(of: max(diagnostic.range.lowerBound, diagnostic.range.upperBound - 1)).line)
                keep = change.touches(first, last)
            }
            if keep {
                diagnostics.append(diagnostic)
                fingerprints.append(fingerprint)
            }
        }
        guard !diagnostics.isEmpty else { return nil }
        kept.diagnostics = diagnostics
        kept.fingerprints = fingerprints
        return kept
    }
}
