import Foundation
import MedlintCore
@testable import MedlintReporters
import Testing

@Suite struct SARIFReporterTests {
    /// The whole log for the small report: rules with help, a document-level finding on line 1,
    /// the emoji line at UTF-16 3:34–3:48, a percent-encoded non-ASCII path, an escaped `[`/`]`
    /// in a message, a suppressed result, and no absolute path.
    @Test func smallReportGolden() {
        #expect(SARIFReporter.render(ReporterFixtures.smallReport()) == Self.smallReportGolden + "\n")
    }

    @Test func outputDoesNotDependOnTheOrderFilesArriveIn() {
        var report = ReporterFixtures.smallReport()
        let expected = SARIFReporter.render(report)
        report.files.reverse()
        #expect(SARIFReporter.render(report) == expected)
    }

    @Test func emptyReportHasEmptyResultsAndAllRules() {
        let output = SARIFReporter.render(ReporterFixtures.emptyReport())
        #expect(output.contains("\n      \"results\": [],\n"))
        #expect(output.contains("\"columnKind\": \"utf16CodeUnits\""))
        #expect(output.components(separatedBy: "\"shortDescription\"").count - 1 == ReporterFixtures.rules.count)
        #expect(SARIFReporter.truncationWarning(ReporterFixtures.emptyReport()) == nil)
    }

    @Test func lfCRLFAndBOMVariantsGiveTheSameRegion() throws {
        let variants = [
            ReporterFixtures.weightLoss,
            ReporterFixtures.weightLoss.replacingOccurrences(of: "\n", with: "\r\n"),
            "\u{FEFF}" + ReporterFixtures.weightLoss,
        ]
        for text in variants {
            let output = SARIFReporter.render(Self.oneFinding(in: text, phrase: "cures diabetes"))
            #expect(try Self.regions(output) == [[3, 34, 3, 48]])
        }
    }

    @Test func loneCRFilesDeclareTheirNewlineSequences() {
        let output = SARIFReporter.render(Self.oneFinding(in: "Intro\rCures diabetes fast.\r", phrase: "Cures diabetes"))
        #expect(output.contains("\"newlineSequences\": [\n        \"\\r\\n\",\n        \"\\n\",\n        \"\\r\"\n      ],"))
        #expect(!SARIFReporter.render(ReporterFixtures.smallReport()).contains("newlineSequences"))
    }

    @Test func uriReferencesKeepOnlyUnreservedCharactersAndSlashes() {
        #expect(SARIFReporter.uriReference("./a b/Ü:x,y#?%[1]~_-.md") == "a%20b/%C3%9C%3Ax%2Cy%23%3F%25%5B1%5D~_-.md")
        #expect(SARIFReporter.uriReference("content/offers/weight-loss.md") == "content/offers/weight-loss.md")
    }

    @Test func ruleNamesArePascalCase() {
        #expect(SARIFReporter.pascalCase("disease-cure-claim") == "DiseaseCureClaim")
        #expect(SARIFReporter.pascalCase("parse-error-2") == "ParseError2")
    }

    @Test func truncationKeepsHigherLevelsAndSaysWhatWasLeftOut() throws {
        let report = ReporterFixtures.manyFindings([.error: 3, .warning: 3, .note: 3])
        let output = SARIFReporter.render(report, baselineState: nil, resultLimit: 5)
        #expect(try Self.levels(output) == ["error", "error", "error", "warning", "warning"])
        #expect(SARIFReporter.truncationWarning(report, resultLimit: 5) == "the SARIF log holds 5 of 9 findings, the most "
            + "GitHub code scanning accepts in one run; left out: 1 warning, 3 notes (lowest levels first). "
            + "Use --format json or text to see every finding.")
        #expect(SARIFReporter.truncationWarning(report) == nil)
    }

    @Test func resultsAreCappedAtGitHubsLimit() throws {
        let report = ReporterFixtures.manyFindings([.error: 10, .note: SARIFReporter.maxResults])
        let levels = try Self.levels(SARIFReporter.render(report))
        #expect(levels.count == SARIFReporter.maxResults)
        #expect(levels.filter { $0 == "error" }.count == 10)
        #expect(SARIFReporter.truncationWarning(report)?.contains("left out: 10 notes") == true)
    }

    @Test func baselineStateIsWrittenOnlyWhenABaselineWasUsed() throws {
        #expect(!SARIFReporter.render(ReporterFixtures.smallReport()).contains("baselineState"))
        let output = SARIFReporter.render(ReporterFixtures.smallReport(staleBaselineEntries: 2)) { diagnostic in
            diagnostic.ruleID == "miracle-claim" ? "unchanged" : diagnostic.ruleID == "guaranteed-results" ? "not-a-state" : nil
        }
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let states = try #require(run["results"] as? [[String: Any]]).map { $0["baselineState"] as? String }
        #expect(states == ["new", "new", "unchanged", "new"])
        #expect((run["properties"] as? [String: Any])?["staleBaselineEntries"] as? Int == 2)
    }

    @Test func noAbsolutePathsOrDisplayPaths() {
        let output = SARIFReporter.render(ReporterFixtures.smallReport())
        for forbidden in ["file:", "/work/", "/home/", "/Users/", ":\\\\", "../site"] {
            #expect(!output.contains(forbidden), "found \(forbidden)")
        }
        #expect(!output.contains("security"))
    }

    /// `--sarif-category NAME` sets `runs[0].automationDetails.id` to `NAME/` (GitHub reads the id
    /// as `category/run-id`), right after `tool`; without it the log has no `automationDetails`.
    @Test func categorySetsAutomationDetailsID() throws {
        let plain = SARIFReporter.render(ReporterFixtures.smallReport())
        #expect(!plain.contains("automationDetails"))
        let output = SARIFReporter.render(ReporterFixtures.smallReport(), category: "medlint-blog")
        let fragment = """
                      ]
                    }
                  },
                  "automationDetails": {
                    "id": "medlint-blog/"
                  },
                  "originalUriBaseIds": {

            """
        #expect(output.contains(fragment), "\(output)")
        #expect(output.replacingOccurrences(of: "      \"automationDetails\": {\n        \"id\": \"medlint-blog/\"\n      },\n", with: "") == plain,
                "nothing else changes")
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let run = (json?["runs"] as? [[String: Any]])?.first
        #expect((run?["automationDetails"] as? [String: Any])?["id"] as? String == "medlint-blog/")
        // A trailing slash is not doubled; a slash inside the name is kept (GitHub splits at the last one).
        #expect(SARIFReporter.automationID(category: "medlint-blog/") == "medlint-blog/")
        #expect(SARIFReporter.automationID(category: "medlint/docs") == "medlint/docs/")
    }

    /// Every log shape validates against the OASIS SARIF 2.1.0 (errata 01) schema with Draft4Validator.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ReporterFixtures.sharedSchema("sarif-schema-2.1.0.json").path)))
    func validatesAgainstTheSARIFSchema() throws {
        let emptyFile = FileReport(displayPath: "empty.md", projectPath: "empty.md", bytes: [], diagnostics: [
            Diagnostic(ruleID: "missing-disclaimer", level: .warning, message: "No disclaimer.", range: 0..<0, matchedText: "",
                       sentence: "", suggestion: nil, isDocumentLevel: true),
        ])
        let logs = [
            SARIFReporter.render(ReporterFixtures.smallReport()),
            SARIFReporter.render(ReporterFixtures.emptyReport()),
            SARIFReporter.render(ReporterFixtures.smallReport(), category: "medlint-blog"),
            SARIFReporter.render(ReporterFixtures.smallReport(staleBaselineEntries: 0)) { _ in "unchanged" },
            SARIFReporter.render(CheckReport(files: [emptyFile], rules: ReporterFixtures.rules, filesChecked: 1, toolVersion: "dev", packVersion: "")),
            SARIFReporter.render(Self.oneFinding(in: "\u{FEFF}Intro\rCures diabetes.\r\n", phrase: "Cures diabetes")),
            SARIFReporter.render(ReporterFixtures.manyFindings([.error: 3, .warning: 3, .note: 3]), baselineState: nil, resultLimit: 4),
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, log) in logs.enumerated() {
            let url = directory.appendingPathComponent("log\(index).sarif")
            try Data(log.utf8).write(to: url)
            paths.append(url.path)
        }
        let (status, output) = try Self.runValidator(schema: ReporterFixtures.sharedSchema("sarif-schema-2.1.0.json").path, logs: paths)
        #expect(status == 0, "schema validation failed:\n\(output)")
    }

    // MARK: - Helpers

    private static let validatorScript = """
        import json, sys
        from jsonschema import Draft4Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft4Validator.check_schema(schema)
        validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
        errors = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
                errors += 1
                print(path, "/".join(map(str, error.absolute_path)), error.message)
        sys.exit(1 if errors else 0)
        """

    private static func runValidator(schema: String, logs: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", validatorScript, schema] + logs
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func oneFinding(in text: String, phrase: String) -> CheckReport {
        let file = FileReport(displayPath: "a.md", projectPath: "a.md", bytes: Array(text.utf8), diagnostics: [
            Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Cure claim.", range: ReporterFixtures.range(of: phrase, in: text),
                       matchedText: phrase, sentence: phrase, suggestion: nil),
        ])
        return CheckReport(files: [file], rules: ReporterFixtures.rules, filesChecked: 1, toolVersion: "0.1.0", packVersion: "1")
    }

    private static func results(_ output: String) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    /// `[startLine, startColumn, endLine, endColumn]` of each result.
    private static func regions(_ output: String) throws -> [[Int]] {
        try results(output).map { result in
            let locations = result["locations"] as? [[String: Any]]
            let physical = locations?.first?["physicalLocation"] as? [String: Any]
            let region = physical?["region"] as? [String: Any] ?? [:]
            return ["startLine", "startColumn", "endLine", "endColumn"].map { region[$0] as? Int ?? 0 }
        }
    }

    private static func levels(_ output: String) throws -> [String] {
        try results(output).map { $0["level"] as? String ?? "" }
    }

    private static let smallReportGolden = #"""
        {
          "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "medlint",
                  "version": "0.1.0",
                  "semanticVersion": "0.1.0",
                  "informationUri": "https://github.com/medlint/medlint",
                  "rules": [
                    {
                      "id": "disease-cure-claim",
                      "name": "DiseaseCureClaim",
                      "shortDescription": {
                        "text": "Claim that a product cures a disease"
                      },
                      "fullDescription": {
                        "text": "Saying a supplement cures a disease makes it an unapproved drug claim."
                      },
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "help": {
                        "text": "Saying a supplement cures a disease makes it an unapproved drug claim.\n\nReferences:\n- FTC Health Products Compliance Guidance, § 2.1: https://www.ftc.gov/health-guidance\n- 21 U.S.C. 343(r)(6)\n\nSuggested rewrite: Describe what the product contains, not a disease it treats.",
                        "markdown": "Saying a supplement cures a disease makes it an unapproved drug claim.\n\n**References**\n\n- [FTC Health Products Compliance Guidance](https://www.ftc.gov/health-guidance), § 2.1\n- 21 U.S.C. 343(r)(6)\n\n**Suggested rewrite:** Describe what the product contains, not a disease it treats."
                      },
                      "helpUri": "https://www.ftc.gov/health-guidance",
                      "properties": {
                        "tags": [
                          "medical-advertising",
                          "disease-claims",
                          "fda"
                        ],
                        "precision": "high",
                        "problem.severity": "error"
                      }
                    },
                    {
                      "id": "guaranteed-results",
                      "name": "GuaranteedResults",
                      "shortDescription": {
                        "text": "Guaranteed results"
                      },
                      "fullDescription": {
                        "text": "Results vary; a guarantee misleads."
                      },
                      "defaultConfiguration": {
                        "level": "note"
                      },
                      "help": {
                        "text": "Results vary; a guarantee misleads.\n\nReferences:\n- AMA Code of Medical Ethics, Opinion 9.6.1\n\nSuggested rewrite: Say what most patients can expect.",
                        "markdown": "Results vary; a guarantee misleads.\n\n**References**\n\n- AMA Code of Medical Ethics, Opinion 9.6.1\n\n**Suggested rewrite:** Say what most patients can expect."
                      },
                      "properties": {
                        "tags": [
                          "medical-advertising",
                          "unrealistic-expectations"
                        ],
                        "precision": "medium",
                        "problem.severity": "recommendation"
                      }
                    },
                    {
                      "id": "miracle-claim",
                      "name": "MiracleClaim",
                      "shortDescription": {
                        "text": "Miracle claim"
                      },
                      "fullDescription": {
                        "text": "Words like *miracle* promise more than <any> treatment gives."
                      },
                      "defaultConfiguration": {
                        "level": "warning"
                      },
                      "help": {
                        "text": "Words like *miracle* promise more than <any> treatment gives.",
                        "markdown": "Words like \\*miracle\\* promise more than \\<any\\> treatment gives."
                      },
                      "properties": {
                        "tags": [
                          "medical-advertising",
                          "unrealistic-expectations",
                          "superlatives"
                        ],
                        "precision": "high",
                        "problem.severity": "warning"
                      }
                    },
                    {
                      "id": "missing-disclaimer",
                      "name": "MissingDisclaimer",
                      "shortDescription": {
                        "text": "Health claims without a disclaimer"
                      },
                      "fullDescription": {
                        "text": "Readers need to know results vary."
                      },
                      "defaultConfiguration": {
                        "level": "warning"
                      },
                      "help": {
                        "text": "Readers need to know results vary.\n\nSuggested rewrite: Add: \"Individual results vary.\"",
                        "markdown": "Readers need to know results vary.\n\n**Suggested rewrite:** Add: \"Individual results vary.\""
                      },
                      "properties": {
                        "tags": [
                          "medical-advertising",
                          "disclosure"
                        ],
                        "precision": "high",
                        "problem.severity": "warning"
                      }
                    }
                  ]
                }
              },
              "originalUriBaseIds": {
                "%SRCROOT%": {
                  "description": {
                    "text": "The root of the project that was checked."
                  }
                }
              },
              "columnKind": "utf16CodeUnits",
              "results": [
                {
                  "ruleId": "missing-disclaimer",
                  "ruleIndex": 3,
                  "level": "warning",
                  "message": {
                    "text": "The page makes health claims but has no disclaimer."
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "content/offers/weight-loss.md",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "startLine": 1,
                          "startColumn": 1,
                          "endLine": 1,
                          "endColumn": 24,
                          "snippet": {
                            "text": "# Summer wellness offer"
                          }
                        }
                      }
                    }
                  ],
                  "partialFingerprints": {
                    "medlint/v1": "c2ba0c358618c743f9509c088c91b11e"
                  }
                },
                {
                  "ruleId": "disease-cure-claim",
                  "ruleIndex": 0,
                  "level": "error",
                  "message": {
                    "text": "Claim that the product cures a disease: \"cures diabetes\"."
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "content/offers/weight-loss.md",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "startLine": 3,
                          "startColumn": 34,
                          "endLine": 3,
                          "endColumn": 48,
                          "snippet": {
                            "text": "cures diabetes"
                          }
                        }
                      }
                    }
                  ],
                  "partialFingerprints": {
                    "medlint/v1": "00c8ef5ccc55932dd3fcd7b80e3f7175"
                  }
                },
                {
                  "ruleId": "miracle-claim",
                  "ruleIndex": 2,
                  "level": "warning",
                  "message": {
                    "text": "Miracle claim: \"\\[miracle cure\\]\"."
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "content/%C3%9Cber%20uns.md",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "startLine": 3,
                          "startColumn": 7,
                          "endLine": 3,
                          "endColumn": 19,
                          "snippet": {
                            "text": "miracle cure"
                          }
                        }
                      }
                    }
                  ],
                  "partialFingerprints": {
                    "medlint/v1": "2c171240dff50bab7253d6b49e0a9220"
                  }
                },
                {
                  "ruleId": "guaranteed-results",
                  "ruleIndex": 1,
                  "level": "note",
                  "message": {
                    "text": "Promise of results: \"guaranteed\"."
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "content/%C3%9Cber%20uns.md",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "startLine": 3,
                          "startColumn": 37,
                          "endLine": 3,
                          "endColumn": 47,
                          "snippet": {
                            "text": "guaranteed"
                          }
                        }
                      }
                    }
                  ],
                  "partialFingerprints": {
                    "medlint/v1": "282769f2d01e66e64e01ceea0bc59a17"
                  },
                  "suppressions": [
                    {
                      "kind": "inSource",
                      "status": "accepted",
                      "justification": "Approved by legal, ticket 12"
                    }
                  ]
                }
              ],
              "properties": {
                "rulePackVersion": "2025.11.0",
                "filesChecked": 3
              }
            }
          ]
        }
        """#
}
