import Foundation
import MedlintCore
@testable import MedlintReporters
import Testing

@Suite struct GitHubReporterTests {
    /// Errors first, then warnings; UTF-16 columns; the `:` in the title escaped; the suppressed
    /// note left out.
    @Test func smallReportGolden() {
        #expect(GitHubReporter.render(ReporterFixtures.smallReport()) == """
            ::error file=content/offers/weight-loss.md,line=3,endLine=3,col=34,endColumn=48,title=medlint%3A disease-cure-claim::Claim that the product cures a disease: "cures diabetes".
            ::warning file=content/offers/weight-loss.md,line=1,endLine=1,col=1,endColumn=24,title=medlint%3A missing-disclaimer::The page makes health claims but has no disclaimer.
            ::warning file=content/Über uns.md,line=3,endLine=3,col=7,endColumn=19,title=medlint%3A miracle-claim::Miracle claim: "[miracle cure]".

            """)
        #expect(GitHubReporter.render(ReporterFixtures.emptyReport()) == "")
    }

    /// The worked example of `@actions/core`'s `escapeProperty` / `escapeData` (sarif-ci.md §3.2).
    @Test func escapingMatchesActionsCore() {
        #expect(GitHubReporter.escapeProperty("MAD001: Disease-cure claim, high") == "MAD001%3A Disease-cure claim%2C high")
        #expect(GitHubReporter.escapeData("Claim \"cures diabetes\" (100% guaranteed)\n::add-mask::x")
            == "Claim \"cures diabetes\" (100%25 guaranteed)%0A::add-mask::x")
        #expect(GitHubReporter.escapeProperty("%0A\r\n:,") == "%250A%0D%0A%3A%2C")
        #expect(GitHubReporter.escapeData("%3A:,\r") == "%253A:,%0D")
    }

    /// What the runner decodes is what medlint meant, for strings full of escape look-alikes.
    @Test func escapingRoundTripsThroughTheRunnersUnescaping() {
        let alphabet: [String] = ["%", "\r", "\n", ":", ",", "0", "2", "5", "A", "C", "D", "a", "é", "💊", " ", "="]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(Runner.unescapeProperty(GitHubReporter.escapeProperty(text)) == text)
            #expect(Runner.unescapeData(GitHubReporter.escapeData(text)) == text)
        }
    }

    /// Scanned text full of workflow-command tricks stays inside one annotation's data.
    @Test func injectedCommandsStayInert() throws {
        let injection = "::set-output name=x::y ##[warning]forged %0A::error::forged\r\n   ::add-mask::the\rX\u{1B}[31mred ###[x] \u{202E}evil"
        let text = "Start.\n" + injection + " cures diabetes.\n"
        let path = "docs/a,b:c.md"
        let file = FileReport(displayPath: path, projectPath: path, bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Claim: \"" + injection + "\".",
                       range: ReporterFixtures.range(of: "cures diabetes", in: text), matchedText: injection, sentence: injection, suggestion: nil),
        ])
        let report = CheckReport(files: [file], rules: ReporterFixtures.rules, filesChecked: 1, toolVersion: "0.1.0", packVersion: "1")
        let output = GitHubReporter.render(report)

        #expect(output == "::error file=docs/a%2Cb%3Ac.md,line=4,endLine=4,col=24,endColumn=38,title=medlint%3A disease-cure-claim::"
            + "Claim: \"::set-output name=x::y #\u{200B}#[warning]forged %250A::error::forged%0D%0A   ::add-mask::the%0DX\\u{1b}[31mred "
            + "##\u{200B}#[x] \\u{202e}evil\".\n")
        #expect(!output.contains("\r"))
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("##["))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1)

        let command = try #require(Runner.parse(String(lines[0])))
        #expect(command.name == "error")
        #expect(command.properties["file"] == path)
        #expect(command.properties["title"] == "medlint: disease-cure-claim")
        #expect(command.properties["line"] == "4")
        #expect(command.data.hasPrefix("Claim: \"::set-output name=x::y #\u{200B}#[warning]forged %0A::error::forged\r\n"))
    }

    @Test func capsEachLevelAtTenAndSaysHowManyMore() {
        let output = GitHubReporter.render(ReporterFixtures.manyFindings([.error: 25]))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error file=content/many.md,") })
        #expect(lines[10] == "::notice::medlint: 15 more errors not shown as annotations (GitHub shows 10 per level in a step); "
            + "see the SARIF or text report, or the job summary, for every finding.")
    }

    /// Overflow notices count against the 10 notices GitHub keeps, so notes make room for them.
    @Test func overflowNoticesLeaveRoomWithinTheNoticeLimit() {
        let output = GitHubReporter.render(ReporterFixtures.manyFindings([.error: 12, .warning: 12, .note: 10]))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 7)
        #expect(lines.filter { $0.hasPrefix("::notice::") } == [
            "::notice::medlint: 2 more errors not shown as annotations (GitHub shows 10 per level in a step); see the SARIF or text report, or the job summary, for every finding.",
            "::notice::medlint: 2 more warnings not shown as annotations (GitHub shows 10 per level in a step); see the SARIF or text report, or the job summary, for every finding.",
            "::notice::medlint: 3 more notes not shown as annotations (GitHub shows 10 per level in a step); see the SARIF or text report, or the job summary, for every finding.",
        ])
        #expect(lines.firstIndex { $0.hasPrefix("::warning") }! > lines.lastIndex { $0.hasPrefix("::error") }!)

        let exact = GitHubReporter.render(ReporterFixtures.manyFindings([.note: 10]))
        #expect(exact.split(separator: "\n").count == 10)
        #expect(!exact.contains("::notice::"))
    }

    @Test func multiLineFindingsHaveNoColumns() {
        let text = "It cures\ndiabetes.\n"
        let file = FileReport(displayPath: "a.md", projectPath: "a.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Cure claim.", range: 3..<17, matchedText: "cures diabetes",
                       sentence: "It cures diabetes.", suggestion: nil),
        ])
        let report = CheckReport(files: [file], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: "1")
        #expect(GitHubReporter.render(report) == "::error file=a.md,line=1,endLine=2,title=medlint%3A disease-cure-claim::Cure claim.\n")
    }

    @Test func longMessagesAreCutBelowTheRunnersLimit() {
        let text = "cures\n"
        let file = FileReport(displayPath: "a.md", projectPath: "a.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "r", level: .note, message: String(repeating: "💊", count: 3000), range: 0..<5, matchedText: "cures",
                       sentence: "cures", suggestion: nil),
        ])
        let report = CheckReport(files: [file], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: "1")
        let data = String(GitHubReporter.render(report).dropLast()).components(separatedBy: "::").last ?? ""
        #expect(data.utf16.count <= 4096)
        #expect(data.hasSuffix("💊…"))
    }

    @Test func stepSummaryGolden() {
        #expect(GitHubReporter.summaryMarkdown(ReporterFixtures.smallReport(staleBaselineEntries: 1)) == """
            ### medlint

            **3 findings** (1 error, 2 warnings) in 2 files; 3 files checked.

            1 suppressed finding is not listed.

            1 baseline entry no longer matches any finding.

            | Level | Location | Rule | Message |
            | --- | --- | --- | --- |
            | error | content/offers/weight-loss.md:3:34 | disease-cure-claim | Claim that the product cures a disease: "cures diabetes". |
            | warning | content/offers/weight-loss.md:1:1 | missing-disclaimer | The page makes health claims but has no disclaimer. |
            | warning | content/Über uns.md:3:7 | miracle-claim | Miracle claim: "\\[miracle cure\\]". |

            _medlint 0.1.0, rule pack 2025.11.0_

            """)
        #expect(GitHubReporter.summaryMarkdown(ReporterFixtures.emptyReport()) == """
            ### medlint

            No findings; 2 files checked.

            _medlint 0.1.0, rule pack 2025.11.0_

            """)
    }

    @Test func stepSummaryEscapesFileTextInCells() {
        let text = "x\n"
        let file = FileReport(displayPath: "a|b.md", projectPath: "a|b.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "r", level: .warning, message: "Quote: | <img src=x> [l](u)\n## h", range: 0..<1, matchedText: "x",
                       sentence: "x", suggestion: nil),
        ])
        let summary = GitHubReporter.summaryMarkdown(CheckReport(files: [file], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: ""))
        #expect(summary.contains("| warning | a\\|b.md:1:1 | r | Quote: \\| \\<img src=x\\> \\[l\\](u) \\#\\# h |\n"))
    }

    @Test func stepSummaryStaysUnderItsLimit() {
        let report = ReporterFixtures.manyFindings([.error: 200, .note: 100])
        let summary = GitHubReporter.summaryMarkdown(report, byteLimit: 5_000)
        #expect(summary.utf8.count <= 5_000)
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| error |") || $0.hasPrefix("| note |") }
        #expect(summary.contains("_\(300 - rows.count) more findings not listed: a step summary is limited to 1 MiB. "))
        #expect(summary.hasSuffix("_medlint 0.1.0, rule pack 2025.11.0_\n"))

        let big = GitHubReporter.summaryMarkdown(ReporterFixtures.manyFindings([.error: 12_000]))
        #expect(big.utf8.count < GitHubReporter.stepSummaryLimit)
        #expect(big.contains(" more findings not listed"))
    }
}

/// The parts of the Actions runner that read workflow commands (actions/runner
/// `ActionCommand.TryParseV2` and its unescaping, `%25` decoded last), re-implemented to check
/// what the runner would see.
private enum Runner {
    struct Command {
        let name: String
        let properties: [String: String]
        let data: String
    }

    static func parse(_ line: String) -> Command? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("::") else { return nil }
        let rest = trimmed.dropFirst(2)
        guard let end = rest.range(of: "::") else { return nil }
        let info = rest[..<end.lowerBound]
        let data = String(rest[end.upperBound...])
        let name = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        var properties: [String: String] = [:]
        if let space = info.firstIndex(of: " ") {
            for pair in info[info.index(after: space)...].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { properties[String(parts[0])] = unescapeProperty(String(parts[1])) }
            }
        }
        return Command(name: name, properties: properties, data: unescapeData(data))
    }

    static func unescapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }

    static func unescapeProperty(_ text: String) -> String {
        text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }
}
