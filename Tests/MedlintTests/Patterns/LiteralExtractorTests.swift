import MedlintPatterns
import Testing

/// `^` stands for the word-boundary mark in these expectations.
private func marks(_ literals: [String]) -> [String] {
    literals.map { $0.replacingOccurrences(of: "^", with: "\u{1}") }.sorted()
}

@Suite("Required literals of a pattern")
struct LiteralExtractorTests {
    @Test("literals every match must contain", arguments: [
        ("\\bpainless\\b", ["^painless^"]),
        ("\\bpain[- ]?(?:free|less)\\b", ["^pain free^", "^pain less^", "^pain-free^", "^pain-less^", "^painfree^", "^painless^"]),
        ("(?:100\\s*%|completely)\\s+safe", ["100 % safe", "100% safe", "completely safe"]),
        ("\\b(?:guarantee[ds]?|promise)\\b", ["^guarantee^", "^guaranteed^", "^guarantees^", "^promise^"]),
        ("(?-i:FDA)[- ]approved", ["fda approved", "fda-approved"]),
        ("no\\s+side[- ]effects?", ["no side effect", "no side-effect"]),
        ("\\b(?:cure|cures|cured)\\b", ["^cure^", "^cured^", "^cures^"]),
        ("you won'?t feel a thing", ["you won't feel a thing", "you wont feel a thing"]),
        ("\\d+\\s*%", ["%"]),
        ("(?i)\\bminimal(?=\\s)", ["^minimal"]),
        ("a{2,}b", ["b"]),
        ("(?:a|b)c", ["ac", "bc"]),
        ("\\d+ in \\d+", [" in "]),
        ("\\w+ment", ["ment"]),
        ("(?:é|è)tude", ["tude"]),
        ("(?:★{4,}|\\b[45]\\s?stars?)(?=.{0,40}\\bpain\\b)", ["^pain^"]),
    ])
    func required(pattern: String, expected: [String]) {
        #expect(LiteralExtractor.requiredLiterals(of: pattern) == marks(expected))
    }

    @Test("patterns without a required literal give nil", arguments: ["(?:pain)?free|x*", "[^a]+", ".*", "(?:a|\\s)", "\\s+", "\\b"])
    func none(pattern: String) {
        #expect(LiteralExtractor.requiredLiterals(of: pattern) == nil)
    }
}

@Suite("Leading literals of a pattern")
struct LeadingLiteralTests {
    @Test("strings every match attempt starts with, cut to six characters", arguments: [
        ("\\bpainless\\b", ["^painle"]),
        ("\\bpain[- ]?(?:free|less)\\b", ["^pain f", "^pain l", "^pain-f", "^pain-l", "^painfr", "^painle"]),
        ("(?:100\\s*%|completely)\\s+safe", ["100 % ", "100% s", "comple"]),
        ("\\b(?:get|start)\\s+(?:your\\s+)?(?:botox|filler)", ["^get bo", "^get fi", "^get yo", "^start "]),
        ("(?<!\\blive\\s)\\bpain[- ]?free", ["^pain f", "^pain-f", "^painfr"]),
        ("(?:up\\s+to\\s+|over\\s+)?cure", ["cure", "over c", "up to "]),
        ("\\b(?:cure|cures|cured)\\b", ["^cure^", "^cured^", "^cures^"]),
        ("done\\b[^.]{0,30}?\\Kwithout", ["done^"]),
    ])
    func leading(pattern: String, expected: [String]) {
        #expect(LiteralExtractor.leadingLiterals(of: pattern) == marks(expected))
    }

    @Test("no leading set when a match can start anywhere, with white space, or with a short string", arguments: [
        "\\w+ment", "\\s+in", "(?:a|b)c", "\\d+\\s*%", "(?-i:[A-Z])[a-z]+", ".{0,3}pain", "(?:pain)*less", "\\b(?:no|at)\\b", "x|painless",
    ])
    func none(pattern: String) {
        #expect(LiteralExtractor.leadingLiterals(of: pattern) == nil)
    }
}
