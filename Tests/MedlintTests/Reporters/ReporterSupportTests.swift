import MedlintCore
@testable import MedlintReporters
import Testing

/// The pieces every reporter shares: the deterministic JSON writer, Markdown escaping and the
/// order findings are listed in.
@Suite struct ReporterSupportTests {
    @Test func jsonWriterKeepsMemberOrderAndLeavesOutNilMembers() {
        let value: JSONWriter.Value = .object([
            ("z", 1), ("a", nil), ("m", .null), ("list", [true, false, "x"]), ("empty", []), ("none", .object([])),
        ])
        #expect(JSONWriter.write(value, style: .compact) == #"{"z":1,"m":null,"list":[true,false,"x"],"empty":[],"none":{}}"#)
        #expect(JSONWriter.write(value, style: .pretty) == """
            {
              "z": 1,
              "m": null,
              "list": [
                true,
                false,
                "x"
              ],
              "empty": [],
              "none": {}
            }

            """)
    }

    @Test func jsonWriterEscapesControlsButKeepsSlashesAndUTF8() {
        let text = "a/b \"q\" \\ é 💊 \u{0}\u{1B}[31m\u{7F}\u{85}\u{2028}\u{2029}\n\r\t\u{8}\u{C}"
        #expect(JSONWriter.quoted(text) == #""a/b \"q\" \\ é 💊 \u0000\u001b[31m\u007f\u0085\u2028\u2029\n\r\t\b\f""#)
    }

    @Test func jsonWriterIsByteIdenticalFromRunToRun() {
        let report = ReporterFixtures.smallReport()
        #expect(JSONReporter.render(report) == JSONReporter.render(report))
        #expect(SARIFReporter.render(report) == SARIFReporter.render(report))
    }

    @Test func markdownEscapingDisarmsLinksHTMLAndTableCells() {
        #expect(MarkdownText.inline("a | <img src=x> [l](u) *b* `c`\nd\u{1B}") == #"a \| \<img src=x\> \[l\](u) \*b\* \`c\` d\\u{1b}"#)
        #expect(MarkdownText.escaped("line one\nline #2") == "line one\nline \\#2")
        #expect(MarkdownText.linkDestination("https://x.example/a b(c)") == "https://x.example/a%20b%28c%29")
    }

    @Test func findingsAreOrderedByPathBytesLineColumnAndRule() {
        let order = ReportedFinding.all(in: ReporterFixtures.smallReport()).map { "\($0.file.projectPath):\($0.start):\($0.diagnostic.ruleID)" }
        #expect(order == [
            "content/offers/weight-loss.md:1:1:missing-disclaimer",
            "content/offers/weight-loss.md:3:34:disease-cure-claim",
            "content/Über uns.md:3:7:miracle-claim",
            "content/Über uns.md:3:37:guaranteed-results",
        ])
    }

    @Test func emptyRangeRegionCoversTheRestOfTheLineButNotTheBOM() throws {
        let text = "\u{FEFF}# Title\nBody\n"
        let file = FileReport(displayPath: "a.md", projectPath: "a.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "missing-disclaimer", level: .warning, message: "m", range: 0..<0, matchedText: "", sentence: "",
                       suggestion: nil, isDocumentLevel: true),
        ])
        let report = CheckReport(files: [file], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: "")
        let finding = try #require(ReportedFinding.all(in: report).first)
        #expect(finding.regionBytes == 3..<10)
        #expect(finding.regionText == "# Title")
        #expect("\(finding.regionStart)-\(finding.regionEnd)" == "1:1-1:8")
    }
}
