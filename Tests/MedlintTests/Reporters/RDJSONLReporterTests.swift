import MedlintCore
import MedlintReporters
import Testing

@Suite struct RDJSONLReporterTests {
    /// One compact object per line; UTF-8 byte columns (3:36–3:50 after the 4-byte emoji), upper-case
    /// severities, the rule's help page as `code.url` when it has one; the suppressed note left out.
    @Test func smallReportGolden() {
        #expect(RDJSONLReporter.render(ReporterFixtures.smallReport()) == Self.smallReportGolden + "\n")
        #expect(RDJSONLReporter.render(ReporterFixtures.emptyReport()) == "")
    }

    @Test func controlCharactersCannotBreakALine() {
        let text = "It cures\u{2028}diabetes\u{1B}.\n"
        let file = FileReport(displayPath: "a.md", projectPath: "a\rb.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "r", level: .note, message: "Quote:\n\"cures\u{2028}diabetes\u{1B}\"", range: 3..<8, matchedText: "cures",
                       sentence: "It cures.", suggestion: nil),
        ])
        let output = RDJSONLReporter.render(CheckReport(files: [file], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: ""))
        #expect(output == #"{"message":"Quote:\n\"cures\u2028diabetes\u001b\"","location":{"path":"a\rb.md","range":{"start":{"line":1,"column":4},"end":{"line":1,"column":9}}},"severity":"INFO","source":{"name":"medlint","url":"https://github.com/medlint/medlint"},"code":{"value":"r"}}"# + "\n")
    }

    private static let smallReportGolden = #"""
        {"message":"The page makes health claims but has no disclaimer.","location":{"path":"content/offers/weight-loss.md","range":{"start":{"line":1,"column":1},"end":{"line":1,"column":24}}},"severity":"WARNING","source":{"name":"medlint","url":"https://github.com/medlint/medlint"},"code":{"value":"missing-disclaimer"}}
        {"message":"Claim that the product cures a disease: \"cures diabetes\".","location":{"path":"content/offers/weight-loss.md","range":{"start":{"line":3,"column":36},"end":{"line":3,"column":50}}},"severity":"ERROR","source":{"name":"medlint","url":"https://github.com/medlint/medlint"},"code":{"value":"disease-cure-claim","url":"https://www.ftc.gov/health-guidance"}}
        {"message":"Miracle claim: \"[miracle cure]\".","location":{"path":"content/Über uns.md","range":{"start":{"line":3,"column":7},"end":{"line":3,"column":19}}},"severity":"WARNING","source":{"name":"medlint","url":"https://github.com/medlint/medlint"},"code":{"value":"miracle-claim"}}
        """#
}
