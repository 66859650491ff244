import Foundation
import Testing

/// Every fixture's findings, recorded exactly: text output and, for the pain-clinic post, SARIF.
/// Run with MEDLINT_UPDATE_GOLDEN=1 to rewrite the files under fixtures/expected/ after an
/// intended change, and review the diff.
@Suite("Fixture golden files", .serialized)
struct FixtureGoldenTests {
    static let fixtures: [String] = {
        let root = MedlintBinary.projectRoot.appendingPathComponent("fixtures")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md"), !path.hasPrefix("expected/"), path != "README.md" { paths.append(path) }
        }
        return paths.sorted()
    }()

    static var updating: Bool { ProcessInfo.processInfo.environment["MEDLINT_UPDATE_GOLDEN"] == "1" }

    func compare(_ actual: String, golden name: String) throws {
        let url = MedlintBinary.projectRoot.appendingPathComponent("fixtures/expected/" + name)
        if Self.updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(actual == expected, "golden mismatch for \(name); rerun with MEDLINT_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test("text output of each fixture", arguments: fixtures)
    func text(fixture: String) throws {
        let result = try MedlintBinary.run(["check", "fixtures/" + fixture, "--color", "never", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try compare(result.stdout, golden: fixture.replacingOccurrences(of: ".md", with: ".txt"))
    }

    @Test("the pain-clinic post gives exactly its five planted findings; its compliant twin gives none")
    func painClinicAcceptance() throws {
        let result = try MedlintBinary.run(["check", "fixtures/pain-clinic", "--format", "json", "--fail-on", "never"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]] ?? []
        let summary = findings.map { finding -> String in
            let start = finding["start"] as? [String: Any] ?? [:]
            let end = finding["end"] as? [String: Any] ?? [:]
            return "\(finding["path"] as? String ?? ""):\(start["line"] ?? 0):\(start["column"] ?? 0)-\(end["line"] ?? 0):\(end["column"] ?? 0) \(finding["ruleId"] as? String ?? "")"
        }
        #expect(summary == [
            "fixtures/pain-clinic/facet-joint-injections.md:2:9-2:31 missing-medical-disclaimer",
            "fixtures/pain-clinic/facet-joint-injections.md:2:9-2:31 risk-omission",
            "fixtures/pain-clinic/facet-joint-injections.md:16:1-16:14 unsourced-statistic",
            "fixtures/pain-clinic/facet-joint-injections.md:48:114-48:144 drug-risk-elimination-claim",
            "fixtures/pain-clinic/facet-joint-injections.md:60:231-60:250 painless-claim",
        ])
    }

    @Test("SARIF for the pain-clinic post is byte-identical across runs, valid, and matches its golden file")
    func sarif() throws {
        let first = try MedlintBinary.run(["check", "fixtures/pain-clinic/facet-joint-injections.md", "--format", "sarif", "--fail-on", "never"])
        let second = try MedlintBinary.run(["check", "fixtures/pain-clinic/facet-joint-injections.md", "--format", "sarif", "--fail-on", "never"])
        #expect(first.stdout == second.stdout)
        try compare(first.stdout, golden: "pain-clinic/facet-joint-injections.sarif")
        try SchemaValidation.expectValidSARIF(first.stdout)
    }

    @Test("every machine format of the pain-clinic post matches its golden file",
          arguments: [("json", "json"), ("github", "github.txt"), ("rdjsonl", "rdjsonl"), ("gitlab", "gitlab.json")])
    func machineFormats(format: String, suffix: String) throws {
        let result = try MedlintBinary.run(["check", "fixtures/pain-clinic/facet-joint-injections.md", "--format", format, "--fail-on", "never"])
        #expect(result.status == 0)
        try compare(result.stdout, golden: "pain-clinic/facet-joint-injections." + suffix)
    }

    @Test("a run with no findings gives a valid SARIF log with results: []")
    func emptySARIF() throws {
        let result = try MedlintBinary.run(["check", "fixtures/pain-clinic/facet-joint-injections-compliant.md", "--format", "sarif"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"results\": []") || result.stdout.contains("\"results\":[]"))
        try SchemaValidation.expectValidSARIF(result.stdout)
    }
}
