import MedlintCore

/// Writes findings as GitHub Actions workflow commands (`::error file=…,line=…::message`), which
/// become annotations on the pull request in every repository, including those without code scanning.
///
/// One line per finding: errors first, then warnings, then notices (`note` → `::notice`), each in
/// path/line/column order. `file` is the project path; `col`/`endColumn` (UTF-16, end exclusive)
/// appear only when the finding starts and ends on the same line, as the runner requires.
///
/// The runner turns only 10 commands of each level per step into annotations, so after 10 of a
/// level the rest are not written and one `::notice::` says how many were left out. Those notices
/// count against the notices' own 10, so fewer notes are written when they are needed.
/// Suppressed findings are left out: an annotation cannot show that a finding was suppressed.
///
/// Safety: everything the runner reads from stdout is parsed for commands, and messages quote the
/// scanned Markdown. Values are escaped exactly as `@actions/core` does (`escapeProperty`: `%`, CR,
/// LF, `:`, `,`; `escapeData`: `%`, CR, LF), so no line can be started from file text. Beyond
/// that, the legacy command marker `##[` is broken with a zero-width space (`#\u{200B}#[`, invisible
/// in the annotation, where `%23` would show literally), and other control and bidi characters
/// (ESC, DEL, C1, U+2028, U+202E…) are written as visible `\u{…}` escapes as in the text output.
public enum GitHubReporter {
    /// Annotations GitHub keeps per level in one step.
    public static let annotationsPerLevel = 10
    /// The runner cuts longer messages; medlint cuts them first, on a character boundary.
    static let maxMessageLength = 4096

    /// The workflow commands for `report`, one per line, ending in a newline (empty when there are no findings).
    public static func render(_ report: CheckReport) -> String {
        // One pass in finding order: per level, a count and the first commands that can be shown.
        var counts: [Severity: Int] = [:]
        var firstCommands: [Severity: [String]] = [:]
        ReportedFinding.forEach(in: report) { finding in
            guard !finding.isSuppressed else { return }
            counts[finding.level, default: 0] += 1
            if firstCommands[finding.level, default: []].count < annotationsPerLevel {
                firstCommands[finding.level, default: []].append(command(finding))
            }
        }
        // Overflow notices use up notice slots too, so notes get what errors and warnings leave.
        var noticeSlots = annotationsPerLevel
        var lines: [String] = []
        for level in Severity.allCases.reversed() {
            let ofLevel = firstCommands[level, default: []]
            let count = counts[level, default: 0]
            let slots = level == .note ? noticeSlots : annotationsPerLevel
            guard count > slots else {
                lines += ofLevel
                continue
            }
            let shown = level == .note ? slots - 1 : slots
            lines += ofLevel.prefix(shown)
            lines.append(overflowNotice(hidden: count - shown, level: level))
            noticeSlots -= 1
        }
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: - Internal (tested byte for byte against @actions/core)

    /// `@actions/core` `escapeData`: for the message after `::`.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// `@actions/core` `escapeProperty`: for `name=value` properties.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    /// Text from a scanned file made inert before escaping: `##[` is broken with U+200B, and control
    /// and bidi characters other than CR and LF (which the escaping handles) become visible escapes.
    static func neutralized(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += TerminalText.escaped(String(scalar))
            if scalar == "#", index + 2 < scalars.count, scalars[index + 1] == "#", scalars[index + 2] == "[" {
                out.unicodeScalars.append("\u{200B}")
            }
        }
        return out
    }

    // MARK: - Private

    private static func command(_ finding: ReportedFinding) -> String {
        let start = finding.regionStart
        let end = finding.regionEnd
        var properties = [
            "file=" + escapeProperty(neutralized(finding.file.projectPath)),
            "line=\(start.line)",
            "endLine=\(end.line)",
        ]
        if start.line == end.line {
            properties += ["col=\(start.utf16Column)", "endColumn=\(end.utf16Column)"]
        }
        properties.append("title=" + escapeProperty(neutralized("medlint: " + finding.diagnostic.ruleID)))
        let message = finding.diagnostic.message.isEmpty ? finding.diagnostic.ruleID : finding.diagnostic.message
        return "::\(commandName(finding.level)) " + properties.joined(separator: ",") + "::"
            + escapeData(SARIFReporter.limited(neutralized(message), to: maxMessageLength))
    }

    private static func overflowNotice(hidden: Int, level: Severity) -> String {
        let noun = hidden == 1 ? level.rawValue : level.rawValue + "s"
        return "::notice::medlint: \(hidden) more \(noun) not shown as annotations (GitHub shows \(annotationsPerLevel) "
            + "per level in a step); see the SARIF or text report, or the job summary, for every finding."
    }

    private static func commandName(_ level: Severity) -> String {
        switch level {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out.append("%25")
            case "\r": out.append("%0D")
            case "\n": out.append("%0A")
            case ":" where property: out.append("%3A")
            case "," where property: out.append("%2C")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
