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
        let lower = min(regionBytes.lowerBound, file.source.byteCount)
        let upper = min(regionBytes.upperBound, file.source.byteCount)
        guard lower < upper else { return nil }
        return String(decoding: file.source.bytes(in: lower..<upper), as: UTF8.self)
    }

    /// Every finding in `report`, sorted by project path (byte order), start line, start column,
    /// rule id, end line, end column, message and position in the report.
    static func all(in report: CheckReport) -> [ReportedFinding] {
        var findings: [ReportedFinding] = []
        forEach(in: report) { findings.append($0) }
        return findings
    }

    /// Calls `body` with every finding in `report`, in the order of `all(in:)`, building one
    /// finding at a time: a million findings are sorted as small keys, never held twice.
    static func forEach(in report: CheckReport, _ body: (ReportedFinding) -> Void) {
        let files = report.files
        // Paths and counts come from the summaries: a spilled report is read back once, below.
        let summaries = files.summaries
        var firstOrdinal: [Int] = []
        var total = 0
        for summary in summaries {
            firstOrdinal.append(total)
            total += summary.diagnosticCount
        }
        let fileOrder = summaries.indices.sorted { a, b in
            let pathA = summaries[a].projectPath.utf8, pathB = summaries[b].projectPath.utf8
            if !pathA.elementsEqual(pathB) { return pathA.lexicographicallyPrecedes(pathB) }
            return a < b
        }
        struct Key {
            /// Index into the group's files.
            let file: Int
            let index: Int
            let start: SourceLocation, end: SourceLocation
            let ordinal: Int
            var startLine: Int { start.line }
            var startColumn: Int { start.utf16Column }
            var endLine: Int { end.line }
            var endColumn: Int { end.utf16Column }
        }
        var groupStart = 0
        while groupStart < fileOrder.count {
            // Files with the same project path are ordered together, as one list.
            var groupEnd = groupStart + 1
            while groupEnd < fileOrder.count, summaries[fileOrder[groupEnd]].projectPath.utf8.elementsEqual(summaries[fileOrder[groupStart]].projectPath.utf8) {
                groupEnd += 1
            }
            let group = fileOrder[groupStart..<groupEnd].map { files[$0] }
            var keys: [Key] = []
            for (local, fileIndex) in fileOrder[groupStart..<groupEnd].enumerated() {
                let file = group[local]
                for (index, diagnostic) in file.diagnostics.enumerated() {
                    let start = file.start(of: diagnostic)
                    let end = file.end(of: diagnostic)
                    keys.append(Key(file: local, index: index, start: start, end: end, ordinal: firstOrdinal[fileIndex] + index))
                }
            }
            keys.sort { a, b in
                if a.startLine != b.startLine { return a.startLine < b.startLine }
                if a.startColumn != b.startColumn { return a.startColumn < b.startColumn }
                let diagnosticA = group[a.file].diagnostics[a.index], diagnosticB = group[b.file].diagnostics[b.index]
                let ruleA = diagnosticA.ruleID.utf8, ruleB = diagnosticB.ruleID.utf8
                if !ruleA.elementsEqual(ruleB) { return ruleA.lexicographicallyPrecedes(ruleB) }
                if a.endLine != b.endLine { return a.endLine < b.endLine }
                if a.endColumn != b.endColumn { return a.endColumn < b.endColumn }
                let messageA = diagnosticA.message.utf8, messageB = diagnosticB.message.utf8
                if !messageA.elementsEqual(messageB) { return messageA.lexicographicallyPrecedes(messageB) }
                return a.ordinal < b.ordinal
            }
            let fingerprints = group.map { file in
                file.fingerprints.count == file.diagnostics.count ? file.fingerprints : Fingerprint.compute(file.diagnostics)
            }
            for key in keys {
                let file = group[key.file]
                body(ReportedFinding(file: file, diagnostic: file.diagnostics[key.index], fingerprint: fingerprints[key.file][key.index],
                                     ordinal: key.ordinal, start: key.start, end: key.end))
            }
            groupStart = groupEnd
        }
    }

    /// `findings` with errors first, then warnings, then notes, each level keeping the order given.
    static func byLevel(_ findings: [ReportedFinding]) -> [ReportedFinding] {
        Severity.allCases.reversed().flatMap { level in findings.filter { $0.level == level } }
    }

    // MARK: - Private

    private init(file: FileReport, diagnostic: Diagnostic, fingerprint: String, ordinal: Int, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.diagnostic = diagnostic
        self.fingerprint = fingerprint
        self.ordinal = ordinal
        let index = file.source
        self.start = start
        self.end = end
        var region = diagnostic.range.clamped(to: 0..<file.source.byteCount)
        if start.line == 1 { region = max(region.lowerBound, index.bomLength)..<max(region.upperBound, index.bomLength) }
        if region.isEmpty {
            let lineEnd = index.contentRange(ofLine: start.line).upperBound
            if lineEnd > region.lowerBound { region = region.lowerBound..<lineEnd }
        }
        regionBytes = region
        regionStart = region.lowerBound == diagnostic.range.lowerBound ? start : index.location(of: region.lowerBound)
        regionEnd = region.upperBound == diagnostic.range.upperBound ? end : index.location(of: region.upperBound)
    }
}
