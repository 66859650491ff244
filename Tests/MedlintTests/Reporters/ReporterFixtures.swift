import Foundation
import MedlintCore

/// Check reports built by hand for the reporter tests, so each format's output can be compared
/// byte for byte without running the linter.
enum ReporterFixtures {
    /// `shared/schemas/examples/srcroot/content/offers/weight-loss.md`: 💊 (two UTF-16 units, four
    /// bytes) sits before "cures diabetes", so the finding is at UTF-16 3:34–3:48 and bytes 3:36–3:50.
    static let weightLoss = "# Summer wellness offer\n\nClinically proven 💊 supplement: cures diabetes in 7 days! ✅\n"
    /// A non-ASCII file name with a space (percent-encoded in SARIF).
    static let aboutUs = "# Über uns\n\nOur \\[miracle cure\\] works. Results guaranteed.\n"

    static let rules: [RuleDescriptor] = [
        RuleDescriptor(
            id: "disease-cure-claim", title: "Claim that a product cures a disease", level: .error, category: "disease-claims",
            message: "Claim that the product cures a disease: \"{match}\".",
            rationale: "Saying a supplement cures a disease makes it an unapproved drug claim.",
            references: [
                RuleReference(title: "FTC Health Products Compliance Guidance", url: "https://www.ftc.gov/health-guidance", section: "§ 2.1"),
                RuleReference(title: "21 U.S.C. 343(r)(6)", url: "", section: ""),
            ],
            suggestion: "Describe what the product contains, not a disease it treats.", tags: ["fda"], origin: "rules/disease-cure-claim.yml"
        ),
        RuleDescriptor(
            id: "guaranteed-results", title: "Guaranteed results", level: .note, category: "unrealistic-expectations",
            message: "Promise of results: \"{match}\".", rationale: "Results vary; a guarantee misleads.",
            references: [RuleReference(title: "AMA Code of Medical Ethics", url: "", section: "Opinion 9.6.1")],
            suggestion: "Say what most patients can expect.", precision: "medium", origin: "rules/guaranteed-results.yml"
        ),
        RuleDescriptor(
            id: "miracle-claim", title: "Miracle claim", level: .warning, category: "unrealistic-expectations",
            message: "Miracle claim: \"{match}\".", rationale: "Words like *miracle* promise more than <any> treatment gives.",
            references: [], suggestion: "", tags: ["superlatives", "security"], origin: "rules/miracle-claim.yml"
        ),
        RuleDescriptor(
            id: "missing-disclaimer", title: "Health claims without a disclaimer", level: .warning, category: "disclosure",
            message: "The page makes health claims but has no disclaimer.", rationale: "Readers need to know results vary.",
            references: [], suggestion: "Add: \"Individual results vary.\"", origin: "medlint"
        ),
    ]

    /// Four findings in two files: an error after an emoji, a whole-document warning at `0..<0`,
    /// a warning whose message holds `[` and `]`, and a suppressed note.
    static func smallReport(staleBaselineEntries: Int? = nil) -> CheckReport {
        let weightLossFile = FileReport(
            displayPath: "content/offers/weight-loss.md", projectPath: "content/offers/weight-loss.md", bytes: Array(weightLoss.utf8),
            diagnostics: [
                Diagnostic(
                    ruleID: "disease-cure-claim", level: .error, message: "Claim that the product cures a disease: \"cures diabetes\".",
                    range: range(of: "cures diabetes", in: weightLoss), matchedText: "cures diabetes",
                    sentence: "Clinically proven 💊 supplement: cures diabetes in 7 days!",
                    suggestion: "Describe what the product contains, not a disease it treats."
                ),
                Diagnostic(
                    ruleID: "missing-disclaimer", level: .warning, message: "The page makes health claims but has no disclaimer.",
                    range: 0..<0, matchedText: "", sentence: "", suggestion: nil, isDocumentLevel: true
                ),
            ]
        )
        let aboutUsFile = FileReport(
            displayPath: "../site/content/Über uns.md", projectPath: "content/Über uns.md", bytes: Array(aboutUs.utf8),
            diagnostics: [
                Diagnostic(
                    ruleID: "miracle-claim", level: .warning, message: "Miracle claim: \"[miracle cure]\".",
                    range: range(of: "miracle cure", in: aboutUs), matchedText: "[miracle cure]",
                    sentence: "Our [miracle cure] works.", suggestion: nil
                ),
                Diagnostic(
                    ruleID: "guaranteed-results", level: .note, message: "Promise of results: \"guaranteed\".",
                    range: range(of: "guaranteed", in: aboutUs), matchedText: "guaranteed", sentence: "Results guaranteed.",
                    suggestion: "Say what most patients can expect.", suppression: Suppression(justification: "Approved by legal, ticket 12")
                ),
            ]
        )
        return CheckReport(
            files: [aboutUsFile, weightLossFile], rules: rules, filesChecked: 3, toolVersion: "0.1.0", packVersion: "2025.11.0",
            staleBaselineEntries: staleBaselineEntries
        )
    }

    /// A report with no findings.
    static func emptyReport() -> CheckReport {
        CheckReport(files: [], rules: rules, filesChecked: 2, toolVersion: "0.1.0", packVersion: "2025.11.0")
    }

    /// One file with `count` findings of each level in `levels`, one per line.
    static func manyFindings(_ counts: [Severity: Int], path: String = "content/many.md") -> CheckReport {
        var text = ""
        var diagnostics: [Diagnostic] = []
        for level in [Severity.error, .warning, .note] {
            for index in 0..<counts[level, default: 0] {
                let line = "Line \(level.rawValue) \(index) cures everything.\n"
                let start = text.utf8.count + line.utf8.count - "cures everything.\n".utf8.count
                text += line
                diagnostics.append(Diagnostic(
                    ruleID: level == .error ? "disease-cure-claim" : level == .warning ? "miracle-claim" : "guaranteed-results",
                    level: level, message: "Finding \(index) of level \(level.rawValue).", range: start..<(start + 5),
                    matchedText: "cures", sentence: String(line.dropLast()), suggestion: nil
                ))
            }
        }
        let file = FileReport(displayPath: path, projectPath: path, bytes: Array(text.utf8), diagnostics: diagnostics)
        return CheckReport(files: [file], rules: rules, filesChecked: 1, toolVersion: "0.1.0", packVersion: "2025.11.0")
    }

    /// The byte range of the first `phrase` in `text`.
    static func range(of phrase: String, in text: String) -> Range<Int> {
        let haystack = Array(text.utf8)
        let needle = Array(phrase.utf8)
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        fatalError("\(phrase) is not in the fixture")
    }

    /// `../shared/schemas/<name>` next to the project root, found from this file's path.
    static func sharedSchema(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Reporters
            .deletingLastPathComponent()  // MedlintTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // project root
            .appendingPathComponent("../shared/schemas/\(name)")
            .standardizedFileURL
    }
}
