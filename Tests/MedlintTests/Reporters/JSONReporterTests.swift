import Foundation
import MedlintCore
import MedlintReporters
import Testing

@Suite struct JSONReporterTests {
    /// The documented schema, member order included: raw byte offsets, all three column units
    /// (UTF-16 34, bytes 36, scalars 33 after the emoji), the whole-document finding at 0..<0,
    /// and the suppressed finding kept with its reason.
    @Test func smallReportGolden() {
        #expect(JSONReporter.render(ReporterFixtures.smallReport()) == Self.smallReportGolden + "\n")
    }

    @Test func emptyReportGolden() {
        #expect(JSONReporter.render(ReporterFixtures.emptyReport()) == """
            {
              "version": 1,
              "tool": {
                "name": "medlint",
                "version": "0.1.0",
                "rulePackVersion": "2025.11.0"
              },
              "summary": {
                "filesChecked": 2,
                "filesWithFindings": 0,
                "findings": 0,
                "errors": 0,
                "warnings": 0,
                "notes": 0,
                "suppressed": 0,
                "staleBaselineEntries": null
              },
              "findings": []
            }

            """)
    }

    @Test func parsesAsJSONWithTheBaselineCount() throws {
        let output = JSONReporter.render(ReporterFixtures.smallReport(staleBaselineEntries: 3))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect((document["summary"] as? [String: Any])?["staleBaselineEntries"] as? Int == 3)
        #expect((document["findings"] as? [Any])?.count == 4)
    }

    private static let smallReportGolden = #"""
        {
          "version": 1,
          "tool": {
            "name": "medlint",
            "version": "0.1.0",
            "rulePackVersion": "2025.11.0"
          },
          "summary": {
            "filesChecked": 3,
            "filesWithFindings": 2,
            "findings": 4,
            "errors": 1,
            "warnings": 2,
            "notes": 0,
            "suppressed": 1,
            "staleBaselineEntries": null
          },
          "findings": [
            {
              "path": "content/offers/weight-loss.md",
              "projectPath": "content/offers/weight-loss.md",
              "ruleId": "missing-disclaimer",
              "level": "warning",
              "message": "The page makes health claims but has no disclaimer.",
              "matchedText": "",
              "sentence": "",
              "suggestion": null,
              "documentLevel": true,
              "suppressed": false,
              "suppressionReason": null,
              "fingerprint": "c2ba0c358618c743f9509c088c91b11e",
              "start": {
                "offset": 0,
                "line": 1,
                "column": 1,
                "utf8Column": 1,
                "utf16Column": 1,
                "scalarColumn": 1
              },
              "end": {
                "offset": 0,
                "line": 1,
                "column": 1,
                "utf8Column": 1,
                "utf16Column": 1,
                "scalarColumn": 1
              }
            },
            {
              "path": "content/offers/weight-loss.md",
              "projectPath": "content/offers/weight-loss.md",
              "ruleId": "disease-cure-claim",
              "level": "error",
              "message": "Claim that the product cures a disease: \"cures diabetes\".",
              "matchedText": "cures diabetes",
              "sentence": "Clinically proven 💊 supplement: cures diabetes in 7 days!",
              "suggestion": "Describe what the product contains, not a disease it treats.",
              "documentLevel": false,
              "suppressed": false,
              "suppressionReason": null,
              "fingerprint": "00c8ef5ccc55932dd3fcd7b80e3f7175",
              "start": {
                "offset": 60,
                "line": 3,
                "column": 34,
                "utf8Column": 36,
                "utf16Column": 34,
                "scalarColumn": 33
              },
              "end": {
                "offset": 74,
                "line": 3,
                "column": 48,
                "utf8Column": 50,
                "utf16Column": 48,
                "scalarColumn": 47
              }
            },
            {
              "path": "../site/content/Über uns.md",
              "projectPath": "content/Über uns.md",
              "ruleId": "miracle-claim",
              "level": "warning",
              "message": "Miracle claim: \"[miracle cure]\".",
              "matchedText": "[miracle cure]",
              "sentence": "Our [miracle cure] works.",
              "suggestion": null,
              "documentLevel": false,
              "suppressed": false,
              "suppressionReason": null,
              "fingerprint": "2c171240dff50bab7253d6b49e0a9220",
              "start": {
                "offset": 19,
                "line": 3,
                "column": 7,
                "utf8Column": 7,
                "utf16Column": 7,
                "scalarColumn": 7
              },
              "end": {
                "offset": 31,
                "line": 3,
                "column": 19,
                "utf8Column": 19,
                "utf16Column": 19,
                "scalarColumn": 19
              }
            },
            {
              "path": "../site/content/Über uns.md",
              "projectPath": "content/Über uns.md",
              "ruleId": "guaranteed-results",
              "level": "note",
              "message": "Promise of results: \"guaranteed\".",
              "matchedText": "guaranteed",
              "sentence": "Results guaranteed.",
              "suggestion": "Say what most patients can expect.",
              "documentLevel": false,
              "suppressed": true,
              "suppressionReason": "Approved by legal, ticket 12",
              "fingerprint": "282769f2d01e66e64e01ceea0bc59a17",
              "start": {
                "offset": 49,
                "line": 3,
                "column": 37,
                "utf8Column": 37,
                "utf16Column": 37,
                "scalarColumn": 37
              },
              "end": {
                "offset": 59,
                "line": 3,
                "column": 47,
                "utf8Column": 47,
                "utf16Column": 47,
                "scalarColumn": 47
              }
            }
          ]
        }
        """#
}
