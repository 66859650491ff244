import MedlintCore

/// Writes findings as reviewdog Diagnostic Format lines (`reviewdog -f=rdjsonl`), so reviewdog can
/// post them as pull-request review comments on GitHub, GitLab, Bitbucket or Gerrit, filtered to
/// the changed lines.
///
/// One compact JSON object per line, per `proto/rdf/reviewdog.proto` `Diagnostic`: `message`,
/// `location.path` (the project path), `location.range.start`/`end` with 1-based lines and 1-based
/// **UTF-8 byte** columns, end exclusive (reviewdog's unit; its SARIF reader ignores `columnKind`,
/// which is why this format exists), `severity` `ERROR`/`WARNING`/`INFO`, `source` and `code`
/// (rule id and help page). No `suggestions`: a suggested rewrite is advice, not an exact edit.
/// Suppressed findings are left out (rdjson cannot mark them, and reviewdog would post them).
public enum RDJSONLReporter {
    /// The lines for `report`, each ending in a newline; empty when there are no findings.
    public static func render(_ report: CheckReport) -> String {
        var out: [UInt8] = []
        write(report) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the lines `render` returns in chunks of about `chunkSize` bytes, each ending
    /// between two lines, one finding at a time.
    public static func write(_ report: CheckReport, chunkSize: Int = 1 << 20, to emit: ([UInt8]) -> Void) {
        let helpURIs = Dictionary(report.rules.map { ($0.id, $0.helpURI) }, uniquingKeysWith: { first, _ in first })
        var out: [UInt8] = []
        ReportedFinding.forEach(in: report) { finding in
            guard !finding.isSuppressed else { return }
            let diagnostic = finding.diagnostic
            let line: JSONWriter.Value = .object([
                ("message", .string(diagnostic.message)),
                ("location", .object([
                    ("path", .string(finding.file.projectPath)),
                    ("range", .object([
                        ("start", .object([("line", .int(finding.regionStart.line)), ("column", .int(finding.regionStart.utf8Column))])),
                        ("end", .object([("line", .int(finding.regionEnd.line)), ("column", .int(finding.regionEnd.utf8Column))])),
                    ])),
                ])),
                ("severity", .string(severity(diagnostic.level))),
                ("source", .object([("name", "medlint"), ("url", .string(SARIFReporter.informationURI))])),
                ("code", .object([
                    ("value", .string(diagnostic.ruleID)),
                    ("url", (helpURIs[diagnostic.ruleID] ?? nil).map(JSONWriter.Value.string)),
                ])),
            ])
            JSONWriter.append(line, style: .compact, depth: 0, to: &out)
            out.append(0x0A)
            if out.count >= chunkSize {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { emit(out) }
    }

    // MARK: - Private

    private static func severity(_ level: Severity) -> String {
        switch level {
        case .error: return "ERROR"
        case .warning: return "WARNING"
        case .note: return "INFO"
        }
    }
}
