import MedlintCore

/// The job summary for `$GITHUB_STEP_SUMMARY`: annotations stop at 10 per level, so the summary
/// is where a pull request's reviewers see every finding, as one Markdown table.
extension GitHubReporter {
    /// The most a step may write to `$GITHUB_STEP_SUMMARY`: 1 MiB.
    public static let stepSummaryLimit = 1_048_576

    /// GitHub-flavoured Markdown: counts, then a table of every unsuppressed finding (errors first,
    /// then by path, line and column), then the tool and rule pack versions. Always under 1 MiB
    /// of UTF-8: rows that do not fit are left out and counted. Text from the scanned files is
    /// escaped, so it cannot add links, images, HTML or table columns.
    public static func summaryMarkdown(_ report: CheckReport) -> String {
        summaryMarkdown(report, byteLimit: stepSummaryLimit - 1)
    }

    // MARK: - Internal (tests lower the limit)

    static func summaryMarkdown(_ report: CheckReport, byteLimit: Int) -> String {
        // Counts from the summaries; rows from one pass in finding order, kept per level only as
        // far as they can fit (errors first, then warnings, then notes, as the table lists them).
        var counts: [Severity: Int] = [:]
        var all = 0
        var paths = Set<String>()
        for summary in report.files.summaries {
            all += summary.diagnosticCount
            for level in Severity.allCases { counts[level, default: 0] += summary.unsuppressedCount(level) }
            if summary.unsuppressedCount > 0 { paths.insert(summary.projectPath) }
        }
        let findingCount = counts.values.reduce(0, +)
        var out = "### medlint\n\n" + countsLine(counts, total: findingCount, files: paths.count, filesChecked: report.filesChecked) + "\n"
        let suppressed = all - findingCount
        if suppressed > 0 {
            out += "\n" + plural(suppressed, "suppressed finding") + (suppressed == 1 ? " is" : " are") + " not listed.\n"
        }
        if let stale = report.staleBaselineEntries, stale > 0 {
            out += "\n" + plural(stale, "baseline entry", "baseline entries") + (stale == 1 ? " no longer matches" : " no longer match")
                + " any finding.\n"
        }
        var versions = "medlint " + report.toolVersion
        if !report.packVersion.isEmpty { versions += ", rule pack " + report.packVersion }
        let footer = "\n_" + MarkdownText.inline(versions) + "_\n"
        guard findingCount > 0 else { return out + footer }

        var rows: [Severity: [String]] = [:]
        var rowBytes: [Severity: Int] = [:]
        ReportedFinding.forEach(in: report) { finding in
            // Past `byteLimit` bytes of one level's rows, none of its later rows can be listed.
            guard !finding.isSuppressed, rowBytes[finding.level, default: 0] <= byteLimit else { return }
            let row = tableRow(finding)
            rows[finding.level, default: []].append(row)
            rowBytes[finding.level, default: 0] += row.utf8.count
        }
        out += "\n| Level | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
        // Room for the "more findings" line and the footer.
        let reserve = footer.utf8.count + 200
        var size = out.utf8.count
        var listed = 0
        listing: for level in Severity.allCases.reversed() {
            for row in rows[level, default: []] {
                guard size + row.utf8.count + reserve <= byteLimit else { break listing }
                out += row
                size += row.utf8.count
                listed += 1
            }
        }
        if listed < findingCount {
            out += "\n_" + plural(findingCount - listed, "more finding") + " not listed: a step summary is limited to 1 MiB. "
                + "See the SARIF or text report for every finding._\n"
        }
        return out + footer
    }

    // MARK: - Private

    private static func countsLine(_ counts: [Severity: Int], total: Int, files: Int, filesChecked: Int) -> String {
        let checked = plural(filesChecked, "file") + " checked"
        guard total > 0 else { return "No findings; " + checked + "." }
        let levels = Severity.allCases.reversed().compactMap { level -> String? in
            let count = counts[level, default: 0]
            return count == 0 ? nil : plural(count, level.rawValue)
        }
        return "**" + plural(total, "finding") + "** (" + levels.joined(separator: ", ") + ") in "
            + plural(files, "file") + "; " + checked + "."
    }

    private static func tableRow(_ finding: ReportedFinding) -> String {
        let start = finding.regionStart
        let cells = [
            finding.level.rawValue,
            MarkdownText.inline("\(finding.file.projectPath):\(start.line):\(start.utf16Column)"),
            MarkdownText.inline(finding.diagnostic.ruleID),
            MarkdownText.inline(finding.diagnostic.message),
        ]
        return "| " + cells.joined(separator: " | ") + " |\n"
    }

    private static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
    }
}
