import Foundation
@testable import MedlintCore
@testable import MedlintReporters
import MedlintRulePack
import Testing

/// A report whose files were spilled to the temporary file (`FileReportStore`) must give every
/// format byte for byte what the same report gives in memory.
@Suite("Spilled reports")
struct SpilledReportOutputTests {
    static let crlf = "# Clinic\r\n\r\nOur miracle cure works.\r\nCall now.\r\n"
    static let loneCR = "# Spa\rThe miracle cure is here.\rResults guaranteed.\r"
    static let unicode = "\u{FEFF}# Über uns 💊\n\nUnsere miracle cure wirkt — 100 % garantiert.\n"

    static func range(of phrase: String, in text: String) -> Range<Int> { ReporterFixtures.range(of: phrase, in: text) }

    /// Four files: CRLF, lone CR, a BOM with non-ASCII text and emoji, and one read twice (the
    /// same project path in two reports, as `-` with `--stdin-filename` can give), with
    /// suppressed, document-level and baseline-marked findings.
    static func report() -> CheckReport {
        func cure(_ text: String, level: Severity = .error) -> Diagnostic {
            Diagnostic(ruleID: "disease-cure-claim", level: level, message: "Claim that the product cures a disease: \"miracle cure\".",
                       range: range(of: "miracle cure", in: text), matchedText: "miracle cure", sentence: "Our miracle cure works.",
                       suggestion: "Describe what the product contains, not a disease it treats.")
        }
        var suppressed = Diagnostic(ruleID: "guaranteed-results", level: .note, message: "Promise of results: \"guaranteed\".",
                                    range: range(of: "guaranteed", in: loneCR), matchedText: "guaranteed", sentence: "Results guaranteed.",
                                    suggestion: "Say what most patients can expect.", suppression: Suppression(justification: "Legal, ticket 9"))
        suppressed.baselineState = .new
        let files = [
            FileReport(displayPath: "spa/lone-cr.md", projectPath: "spa/lone-cr.md", bytes: Array(loneCR.utf8),
                       diagnostics: [cure(loneCR, level: .warning), suppressed]),
            FileReport(displayPath: "clinic/crlf.md", projectPath: "clinic/crlf.md", bytes: Array(crlf.utf8), diagnostics: [
                cure(crlf),
                Diagnostic(ruleID: "missing-disclaimer", level: .warning, message: "The page makes health claims but has no disclaimer.",
                           range: 0..<0, matchedText: "", sentence: "", suggestion: nil, isDocumentLevel: true),
            ]),
            FileReport(displayPath: "../de/Über uns.md", projectPath: "de/Über uns.md", bytes: Array(unicode.utf8), diagnostics: [
                cure(unicode),
                Diagnostic(ruleID: "guaranteed-results", level: .note, message: "Promise of results: \"garantiert\".",
                           range: range(of: "garantiert", in: unicode), matchedText: "garantiert",
                           sentence: "Unsere miracle cure wirkt — 100 % garantiert.", suggestion: nil),
            ]),
            FileReport(displayPath: "clinic/crlf.md", projectPath: "clinic/crlf.md", bytes: Array(crlf.utf8), diagnostics: [cure(crlf)]),
        ]
        return CheckReport(files: files, rules: ReporterFixtures.rules, filesChecked: 5, toolVersion: "0.1.0", packVersion: "2025.11.0",
                           staleBaselineEntries: 1)
    }

    /// `report` with every file moved to the temporary file.
    static func spilled(_ report: CheckReport) -> CheckReport {
        let store = FileReportStore(budget: FileReportStore.Budget(findings: 0, bytes: 0))
        for file in report.files { store.add(file) }
        var copy = report
        copy.files = store.finish()
        return copy
    }

    /// Every format's output, as `medlint check` writes it (through `ReportPublisher`), and as each reporter renders it.
    static func outputs(_ report: CheckReport) -> [String: String] {
        var outputs: [String: String] = [:]
        for kind in OutputFormat.Kind.allCases {
            var published = ""
            let publisher = ReportPublisher(useColor: true, sarifCategory: "blog") { published += $0 }
            _ = publisher.publish(report, formats: [OutputFormat(kind: kind, file: nil)])
            outputs[kind.rawValue] = published
            outputs[kind.rawValue + " rendered"] = publisher.render(report, as: kind, toFile: true)
        }
        outputs["step summary"] = GitHubReporter.summaryMarkdown(report)
        outputs["small step summary"] = GitHubReporter.summaryMarkdown(report, byteLimit: 700)
        outputs["sarif limited"] = SARIFReporter.render(report, baselineState: nil, resultLimit: 3)
        outputs["sarif warning"] = SARIFReporter.truncationWarning(report, resultLimit: 3)
        outputs["exit code"] = "\(CheckSession.exitCode(report, failOn: .error)) \(CheckSession.exitCode(report, failOn: .note))"
        outputs["baseline"] = Baseline(report: report).encoded()
        return outputs
    }

    @Test("every format, spilled and in memory, byte for byte")
    func sameOutput() throws {
        let report = Self.report()
        let spilled = Self.spilled(report)
        #expect(spilled.files.spilledCount == 4)
        let expected = Self.outputs(report)
        let actual = Self.outputs(spilled)
        #expect(expected.count == 18)
        for (name, output) in expected {
            #expect(actual[name] == output, "\(name) differs")
        }
        #expect(expected["text rendered"] == Self.textGolden)
        #expect(expected["text"]?.contains("\u{1B}[1;31merror:\u{1B}[0m") == true)
        #expect(expected["sarif warning"] == "the SARIF log holds 3 of 7 findings, the most GitHub code scanning accepts in one run; "
            + "left out: 2 warnings, 2 notes (lowest levels first). Use --format json or text to see every finding.")
        #expect(expected["exit code"] == "1 1")
        let sarif = try #require(expected["sarif"])
        #expect(sarif.contains("\"newlineSequences\": ["))
        #expect(sarif.contains("\"uri\": \"de/%C3%9Cber%20uns.md\""))
    }

    @Test("chunked writes give the same bytes as whole renders, spilled or not")
    func chunks() {
        for report in [Self.report(), Self.spilled(Self.report())] {
            var json: [UInt8] = []
            var chunks = 0
            JSONReporter.write(report, chunkSize: 1) { json += $0; chunks += 1 }
            #expect(String(decoding: json, as: UTF8.self) == JSONReporter.render(Self.report()))
            #expect(chunks == 8)
            var sarif: [UInt8] = []
            SARIFReporter.write(report, baselineState: nil, chunkSize: 1) { sarif += $0 }
            #expect(String(decoding: sarif, as: UTF8.self) == SARIFReporter.render(Self.report()))
            var text: [UInt8] = []
            TextReporter(useColor: false).write(report, chunkSize: 1) { text += $0 }
            #expect(String(decoding: text, as: UTF8.self) == Self.textGolden)
            var gitlab: [UInt8] = []
            GitLabReporter.write(report, chunkSize: 1) { gitlab += $0 }
            #expect(String(decoding: gitlab, as: UTF8.self) == GitLabReporter.render(Self.report()))
            var rdjsonl: [UInt8] = []
            RDJSONLReporter.write(report, chunkSize: 1) { rdjsonl += $0 }
            #expect(String(decoding: rdjsonl, as: UTF8.self) == RDJSONLReporter.render(Self.report()))
        }
    }

    @Test("baseline matching on spilled reports gives what it gives in memory")
    func baseline() {
        let report = Self.report()
        var recorded = Baseline(report: report)
        recorded.entries.removeFirst()
        let matcher = BaselineMatcher(baseline: recorded)
        let (inMemory, staleInMemory) = matcher.apply(to: Array(report.files))
        let (spilled, stale) = matcher.apply(to: Self.spilled(report).files, budget: FileReportStore.Budget(findings: 0, bytes: 0))
        #expect(spilled.spilledCount == spilled.count)
        #expect(stale == staleInMemory)
        let describe = { (files: [FileReport]) in files.map { "\($0.projectPath) \($0.diagnostics) \($0.fingerprints)" } }
        #expect(describe(Array(spilled)) == describe(inMemory))
        #expect(inMemory.flatMap(\.diagnostics).count == 2)
    }

    @Test("linting the fixtures with every report spilled gives the same output in every format")
    func fixtures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let setup = try RunSetup(builtinRules: RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files),
                                 precompiledRules: BuiltinRulePack.rules, configPath: nil, extraRuleDirectories: [],
                                 currentDirectory: root.path)
        func run(_ budget: FileReportStore.Budget) throws -> CheckReport {
            let options = CheckOptions(jobs: 2, maxFileBytes: 4 << 20, includeSuppressed: true, requireSuppressionReason: true,
                                       frontMatterFields: ["title", "description"], spillBudget: budget)
            let session = CheckSession(setup: setup, options: options, toolVersion: "test", packVersion: "test")
            return try session.run(paths: [root.appendingPathComponent("fixtures").path])
        }
        let inMemory = try run(.unlimited)
        let spilled = try run(FileReportStore.Budget(findings: 0, bytes: 0))
        #expect(inMemory.files.spilledCount == 0)
        #expect(spilled.files.count > 5)
        #expect(spilled.files.spilledCount == spilled.files.count)
        let expected = Self.outputs(inMemory)
        let actual = Self.outputs(spilled)
        for (name, output) in expected {
            #expect(actual[name] == output, "\(name) differs")
        }
    }

    static let textGolden = """
        ../de/Über uns.md:3:8: error: Claim that the product cures a disease: "miracle cure". [disease-cure-claim]
          |
        3 | Unsere miracle cure wirkt — 100 % garantiert.
          |        ^^^^^^^^^^^^
          = help: Describe what the product contains, not a disease it treats.

        ../de/Über uns.md:3:35: note: Promise of results: "garantiert". [guaranteed-results]
          |
        3 | Unsere miracle cure wirkt — 100 % garantiert.
          |                                   ^^^^^^^^^^

        clinic/crlf.md:3:5: error: Claim that the product cures a disease: "miracle cure". [disease-cure-claim]
          |
        3 | Our miracle cure works.
          |     ^^^^^^^^^^^^
          = help: Describe what the product contains, not a disease it treats.

        clinic/crlf.md:1:1: warning: The page makes health claims but has no disclaimer. [missing-disclaimer]
          |
        1 | # Clinic

        clinic/crlf.md:3:5: error: Claim that the product cures a disease: "miracle cure". [disease-cure-claim]
          |
        3 | Our miracle cure works.
          |     ^^^^^^^^^^^^
          = help: Describe what the product contains, not a disease it treats.

        spa/lone-cr.md:2:5: warning: Claim that the product cures a disease: "miracle cure". [disease-cure-claim]
          |
        2 | The miracle cure is here.
          |     ^^^^^^^^^^^^
          = help: Describe what the product contains, not a disease it treats.

        spa/lone-cr.md:3:9: note: Promise of results: "guaranteed". [guaranteed-results] (suppressed: Legal, ticket 9)
          |
        3 | Results guaranteed.
          |         ^^^^^^^^^^
          = help: Say what most patients can expect.

        7 findings (3 errors, 2 warnings, 2 notes) in 4 of 5 files. 1 baseline entry no longer occurs.

        """
}
