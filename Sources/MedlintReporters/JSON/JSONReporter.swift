import MedlintCore
import MedlintMarkdown

/// Writes a check report as medlint's own JSON, for scripts and dashboards that want every detail
/// of every finding (including suppressed ones when `--include-suppressed` kept them) in a stable,
/// versioned shape, without SARIF's nesting.
///
/// Schema, version 1. Members appear in this order; every member is always present (`null` where
/// marked); findings are sorted by project path, line, column and rule id. Output is pretty-printed
/// UTF-8 ending in a newline and byte-identical from run to run. A change that removes or renames a
/// member, or changes its meaning, raises `version`; new members may be added within a version.
///
/// ```text
/// {
///   "version": 1,
///   "tool": {
///     "name": "medlint",
///     "version": String,            // the medlint version
///     "rulePackVersion": String     // the built-in rule pack's version
///   },
///   "summary": {
///     "filesChecked": Int,          // files looked at
///     "filesWithFindings": Int,     // files with at least one unsuppressed finding
///     "findings": Int,              // entries in "findings" (suppressed included)
///     "errors": Int,                // unsuppressed findings per level
///     "warnings": Int,
///     "notes": Int,
///     "suppressed": Int,            // findings kept by --include-suppressed
///     "staleBaselineEntries": Int | null   // null when no baseline was used
///   },
///   "findings": [
///     {
///       "path": String,             // as shown to people (relative to the working directory)
///       "projectPath": String,      // relative to the project root, "/"-separated
///       "ruleId": String,
///       "level": "error" | "warning" | "note",
///       "message": String,
///       "matchedText": String,      // the flagged words as the reader sees them
///       "sentence": String,         // the sentence that holds them
///       "suggestion": String | null,
///       "documentLevel": Bool,      // about the whole document (e.g. a missing disclaimer)
///       "suppressed": Bool,
///       "suppressionReason": String | null,  // the reason given in the directive
///       "fingerprint": String,      // SARIF partialFingerprints["medlint/v1"]; stable across line moves
///       "start": Position,
///       "end": Position             // exclusive
///     }
///   ]
/// }
///
/// Position = {
///   "offset": Int,        // byte offset into the file (0-based, a byte order mark included)
///   "line": Int,          // 1-based; LF, CRLF and a lone CR end a line
///   "column": Int,        // 1-based UTF-16 column: the same as utf16Column
///   "utf8Column": Int,    // 1-based, in UTF-8 bytes (a byte order mark not counted)
///   "utf16Column": Int,   // 1-based, in UTF-16 code units (SARIF, GitHub, editors)
///   "scalarColumn": Int   // 1-based, in Unicode scalars (code points)
/// }
/// ```
public enum JSONReporter {
    /// The schema version written in `"version"`.
    public static let schemaVersion = 1

    /// The JSON document for `report`.
    public static func render(_ report: CheckReport) -> String {
        var out: [UInt8] = []
        write(report) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the JSON document for `report` in chunks of about `chunkSize` bytes, each ending
    /// between two findings (so each is valid UTF-8): a million findings never sit in memory as
    /// one string.
    public static func write(_ report: CheckReport, chunkSize: Int = 1 << 20, to emit: ([UInt8]) -> Void) {
        var findings = 0
        var suppressed = 0
        var levels: [Severity: Int] = [:]
        var pathsWithFindings: Set<String> = []
        // From the summaries: counting reads no report back.
        for summary in report.files.summaries {
            findings += summary.diagnosticCount
            suppressed += summary.diagnosticCount - summary.unsuppressedCount
            for level in Severity.allCases { levels[level, default: 0] += summary.unsuppressedCount(level) }
            if summary.unsuppressedCount > 0 { pathsWithFindings.insert(summary.projectPath) }
        }
        let summary: JSONWriter.Value = .object([
            ("filesChecked", .int(report.filesChecked)),
            ("filesWithFindings", .int(pathsWithFindings.count)),
            ("findings", .int(findings)),
            ("errors", .int(levels[.error] ?? 0)),
            ("warnings", .int(levels[.warning] ?? 0)),
            ("notes", .int(levels[.note] ?? 0)),
            ("suppressed", .int(suppressed)),
            ("staleBaselineEntries", report.staleBaselineEntries.map(JSONWriter.Value.int) ?? .null),
        ])
        let tool: JSONWriter.Value = .object([
            ("name", "medlint"),
            ("version", .string(report.toolVersion)),
            ("rulePackVersion", .string(report.packVersion)),
        ])
        // The same bytes as writing the whole tree with `.pretty`, the findings array streamed.
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 4096)
        out.append(contentsOf: "{\n  \"version\": \(schemaVersion),\n  \"tool\": ".utf8)
        JSONWriter.append(tool, style: .pretty, depth: 1, to: &out)
        out.append(contentsOf: ",\n  \"summary\": ".utf8)
        JSONWriter.append(summary, style: .pretty, depth: 1, to: &out)
        out.append(contentsOf: ",\n  \"findings\": ".utf8)
        if findings == 0 {
            out.append(contentsOf: "[]".utf8)
        } else {
            out.append(UInt8(ascii: "["))
            var first = true
            ReportedFinding.forEach(in: report) { reported in
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONWriter.newline(style: .pretty, depth: 2, to: &out)
                JSONWriter.append(finding(reported), style: .pretty, depth: 2, to: &out)
                if out.count >= chunkSize {
                    emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            JSONWriter.newline(style: .pretty, depth: 1, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "\n}\n".utf8)
        emit(out)
    }

    // MARK: - Private

    private static func finding(_ finding: ReportedFinding) -> JSONWriter.Value {
        let diagnostic = finding.diagnostic
        return .object([
            ("path", .string(finding.file.displayPath)),
            ("projectPath", .string(finding.file.projectPath)),
            ("ruleId", .string(diagnostic.ruleID)),
            ("level", .string(diagnostic.level.rawValue)),
            ("message", .string(diagnostic.message)),
            ("matchedText", .string(diagnostic.matchedText)),
            ("sentence", .string(diagnostic.sentence)),
            ("suggestion", .stringOrNull(diagnostic.suggestion)),
            ("documentLevel", .bool(diagnostic.isDocumentLevel)),
            ("suppressed", .bool(diagnostic.suppression != nil)),
            ("suppressionReason", .stringOrNull(diagnostic.suppression?.justification)),
            ("fingerprint", .string(finding.fingerprint)),
            ("start", position(finding.start, offset: diagnostic.range.lowerBound)),
            ("end", position(finding.end, offset: diagnostic.range.upperBound)),
        ])
    }

    private static func position(_ location: SourceLocation, offset: Int) -> JSONWriter.Value {
        .object([
            ("offset", .int(offset)),
            ("line", .int(location.line)),
            ("column", .int(location.utf16Column)),
            ("utf8Column", .int(location.utf8Column)),
            ("utf16Column", .int(location.utf16Column)),
            ("scalarColumn", .int(location.scalarColumn)),
        ])
    }
}
