@testable import MedlintCore
import Testing

/// Fingerprints are stored in baselines, so the sentence normalisation behind them must never
/// change: the ASCII fast path has to agree with the Unicode path character for character.
@Suite("Fingerprint sentence normalisation")
struct FingerprintTests {
    @Test("white space runs collapse, case folds, ends are trimmed", arguments: [
        ("  You will FEEL\tno pain.\r\n", "you will feel no pain."),
        ("A\u{0B}B\u{0C}C\rD\nE", "a b c d e"),
        ("keeps\u{1F}unit separators", "keeps\u{1F}unit separators"),
        ("", ""),
        ("   ", ""),
        // Not ASCII: the Unicode path (no-break space is white space; É folds to é).
        ("CAFÉ\u{A0}  Über", "café über"),
    ])
    func normalise(_ sentence: String, _ expected: String) {
        #expect(Fingerprint.normalise(sentence) == expected)
    }

    @Test("a known finding keeps its fingerprint")
    func stableHash() {
        #expect(Fingerprint.hash("painless-claim\u{0}you will feel no pain.\u{0}0") == "e1747bbae6dfdd6f49a9187cdc8aa3eb")
        #expect(Fingerprint.hash("") == "cbf29ce48422232584222325cbf29ce4")
    }

    @Test("the message placeholder is replaced wherever it occurs")
    func placeholder() {
        #expect(LintRun.replacingMatchPlaceholder(in: "\"{match}\" promises {match}.", with: "no pain") == "\"no pain\" promises no pain.")
        #expect(LintRun.replacingMatchPlaceholder(in: "{matc} {match", with: "x") == "{matc} {match")
        #expect(LintRun.replacingMatchPlaceholder(in: "é {match} ü", with: "“ok”") == "é “ok” ü")
    }
}
