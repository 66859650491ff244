import MedlintCore
@testable import MedlintReporters
import Testing

@Suite struct GitLabReporterTests {
    /// A JSON array: `rule-id: message`, the rule id as check name, SHA-256 fingerprints,
    /// error → major and warning → minor, the first line; the suppressed note left out.
    @Test func smallReportGolden() {
        #expect(GitLabReporter.render(ReporterFixtures.smallReport()) == Self.smallReportGolden + "\n")
        #expect(GitLabReporter.render(ReporterFixtures.emptyReport()) == "[]\n")
    }

    @Test func sha256MatchesFIPSVectors() {
        #expect(GitLabReporter.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(GitLabReporter.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(GitLabReporter.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Padding edges: 55, 56 and 64 bytes.
        #expect(GitLabReporter.sha256Hex(Array(repeating: UInt8(ascii: "x"), count: 55)) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072")
        #expect(GitLabReporter.sha256Hex(Array(repeating: UInt8(ascii: "x"), count: 56)) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e")
        #expect(GitLabReporter.sha256Hex(Array(repeating: UInt8(ascii: "x"), count: 64)) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c")
    }

    /// Same text in two files, and the same sentence twice in one file: four distinct fingerprints.
    /// Inserting lines above a finding keeps its fingerprint.
    @Test func fingerprintsAreUniquePerFindingAndSurviveLineMoves() throws {
        func file(_ path: String, _ text: String) -> FileReport {
            let first = ReporterFixtures.range(of: "cures diabetes", in: text)
            let second = (first.lowerBound + 29)..<(first.upperBound + 29)
            return FileReport(displayPath: path, projectPath: path, bytes: Array(text.utf8), diagnostics: [first, second].map { range in
                Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Cure claim.", range: range, matchedText: "cures diabetes",
                           sentence: "It cures diabetes.", suggestion: nil)
            })
        }
        let text = "It cures diabetes. Truly.\n\n\n\nIt cures diabetes.\n"
        #expect(Array(text.utf8)[32..<46].elementsEqual("cures diabetes".utf8))
        let report = CheckReport(files: [file("a.md", text), file("b.md", text)], rules: [], filesChecked: 2, toolVersion: "0.1.0", packVersion: "")
        let fingerprints = Self.fingerprints(GitLabReporter.render(report))
        #expect(fingerprints.count == 4)
        #expect(Set(fingerprints).count == 4)

        let moved = CheckReport(files: [file("a.md", "# New heading\n\n" + text)], rules: [], filesChecked: 1, toolVersion: "0.1.0", packVersion: "")
        #expect(Self.fingerprints(GitLabReporter.render(moved)) == Array(fingerprints.prefix(2)))
    }

    private static func fingerprints(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\"fingerprint\": \"") else { return nil }
            return String(trimmed.dropFirst(16).dropLast(2))
        }
    }

    private static let smallReportGolden = #"""
        [
          {
            "description": "missing-disclaimer: The page makes health claims but has no disclaimer.",
            "check_name": "missing-disclaimer",
            "fingerprint": "b7e1b38943fc9d11b461d9afdc25b8ce66d27bc2fb3d3e99402cd5bb3857197f",
            "severity": "minor",
            "location": {
              "path": "content/offers/weight-loss.md",
              "lines": {
                "begin": 1
              }
            }
          },
          {
            "description": "disease-cure-claim: Claim that the product cures a disease: \"cures diabetes\".",
            "check_name": "disease-cure-claim",
            "fingerprint": "ad8a993518dda39ec46fc91036406630403c42f10e4775bb86831749d5887337",
            "severity": "major",
            "location": {
              "path": "content/offers/weight-loss.md",
              "lines": {
                "begin": 3
              }
            }
          },
          {
            "description": "miracle-claim: Miracle claim: \"[miracle cure]\".",
            "check_name": "miracle-claim",
            "fingerprint": "1b4887b826c395f47f5b5ed5b90d83306d3278d661a0f0a1e1bcfeb81e7dc60e",
            "severity": "minor",
            "location": {
              "path": "content/Über uns.md",
              "lines": {
                "begin": 3
              }
            }
          }
        ]
        """#
}
