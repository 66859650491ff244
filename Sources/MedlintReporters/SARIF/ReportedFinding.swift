import MedlintCore
import MedlintMarkdown

/// One diagnostic together with its file, fingerprint and positions, listed in the one order
/// every machine format uses.
///
/// SARIF, GitHub annotations, rdjsonl, GitLab and JSON all need the same three things: findings in
/// a deterministic order (project path, line, column, rule), lines and columns from byte offsets,
/// and a region that editors and review tools can highlight. Computing them once here keeps the
/// formats from disagreeing about where a finding is. (Shared by every reporter; it lives in the
/// SARIF folder only because that is the folder helper files may be added to.)
struct ReportedFinding {
    let file: FileReport
    let diagnostic: Diagnostic
    /// `partialFingerprints["medlint/v1"]`: stable across line moves and renames.
    let fingerprint: String
    /// Where the diagnostic's byte range starts and ends (end exclusive).
    let start: SourceLocation
    let end: SourceLocation
    /// The bytes the annotation-style formats (SARIF, GitHub, rdjsonl) mark: the diagnostic's range,
    /// or, for an empty range such as a whole-document finding at `0..<0`, the rest of that line, so
    /// the region is empty only when the line is. It never covers a byte order mark.
    let regionBytes: Range<Int>
    let regionStart: SourceLocation
    let regionEnd: SourceLocation
    /// Position in the report, the last tie-breaker of the sort.
    private let ordinal: Int

    var level: Severity { diagnostic.level }
    var isSuppressed: Bool { diagnostic.suppression != nil }

    /// The file's text under `regionBytes`, or nil when the region is empty.
    var regionText: String? {
        let bytes = file.bytes
        let lower = min(regionBytes.lowerBound, bytes.count)
        let upper = min(regionBytes.upperBound, bytes.count)
        guard lower < upper else { return nil }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Every finding in `report`, sorted by project path (byte order), start line, start column,
    /// rule id, end line, end column and message.
    static func all(in report: CheckReport) -> [ReportedFinding] {
        var findings: [ReportedFinding] = []
        for file in report.files {
            let fingerprints = file.fingerprints.count == file.diagnostics.count
                ? file.fingerprints : Fingerprint.compute(file.diagnostics)
            for (index, diagnostic) in file.diagnostics.enumerated() {
                findings.append(
                    ReportedFinding(file: file, diagnostic: diagnostic, fingerprint: fingerprints[index], ordinal: findings.count)
                )
            }
        }
        return findings.sorted(by: precedes)
    }

    /// `findings` with errors first, then warnings, then notes, each level keeping the order given.
    static func byLevel(_ findings: [ReportedFinding]) -> [ReportedFinding] {
        Severity.allCases.reversed().flatMap { level in findings.filter { $0.level == level } }
    }

    // MARK: - Private

    private init(file: FileReport, diagnostic: Diagnostic, fingerprint: String, ordinal: Int) {
        self.file = file
        self.diagnostic = diagnostic
        self.fingerprint = fingerprint
        self.ordinal = ordinal
        let index = file.lineIndex
        start = index.location(of: diagnostic.range.lowerBound)
        end = index.location(of: diagnostic.range.upperBound)
        var region = diagnostic.range.clamped(to: 0..<file.bytes.count)
        if start.line == 1 { region = max(region.lowerBound, index.bomLength)..<max(region.upperBound, index.bomLength) }
        if region.isEmpty {
            let lineEnd = index.contentRange(ofLine: start.line).upperBound
            if lineEnd > region.lowerBound { region = region.lowerBound..<lineEnd }
        }
        regionBytes = region
        regionStart = index.location(of: region.lowerBound)
        regionEnd = index.location(of: region.upperBound)
    }

    private static func precedes(_ a: ReportedFinding, _ b: ReportedFinding) -> Bool {
        let pathA = a.file.projectPath, pathB = b.file.projectPath
        if !pathA.utf8.elementsEqual(pathB.utf8) { return pathA.utf8.lexicographicallyPrecedes(pathB.utf8) }
        if a.start.line != b.start.line { return a.start.line < b.start.line }
        if a.start.utf16Column != b.start.utf16Column { return a.start.utf16Column < b.start.utf16Column }
        let ruleA = a.diagnostic.ruleID.utf8, ruleB = b.diagnostic.ruleID.utf8
        if !ruleA.elementsEqual(ruleB) { return ruleA.lexicographicallyPrecedes(ruleB) }
        if a.end.line != b.end.line { return a.end.line < b.end.line }
        if a.end.utf16Column != b.end.utf16Column { return a.end.utf16Column < b.end.utf16Column }
        let messageA = a.diagnostic.message.utf8, messageB = b.diagnostic.message.utf8
        if !messageA.elementsEqual(messageB) { return messageA.lexicographicallyPrecedes(messageB) }
        return a.ordinal < b.ordinal
    }
}
