import MedlintCore
import MedlintPatterns
import MedlintRulePack
import Testing

/// Matching at the prefilter's leading-literal hits must find exactly what a PCRE2 scan finds.
/// Checked for every pattern of the built-in pack over every rule example (each pattern meets
/// its own rule's claims and every other rule's text) and over look-alike variations of them.
@Suite("Anchored matching agrees with scanning")
struct AnchoredMatchingTests {
    static let texts: [[UInt8]] = {
        var texts: [String] = []
        for rule in BuiltinRulePack.rules {
            for example in rule.examples.flag + rule.examples.pass {
                let plain = example.text.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
                texts.append(plain)
                texts.append(plain.uppercased())
                texts.append(plain.replacingOccurrences(of: " ", with: "  \n "))
                texts.append("x" + plain.replacingOccurrences(of: " ", with: ""))
            }
        }
        return texts.map { Array($0.utf8) }
    }()

    static var leadingPatterns: [Pattern] {
        var patterns: [Pattern] = []
        for rule in BuiltinRulePack.rules {
            switch rule.kind {
            case let .phrase(a, b, c), let .needsCitation(a, b, c): patterns += a + b + c
            case let .requires(a, b, c, _): patterns += a + b + c
            }
        }
        return patterns.filter { $0.leadingLiterals != nil }
    }

    @Test("most of the pack's patterns have leading literals")
    func coverage() {
        #expect(Self.leadingPatterns.count >= 150)
    }

    @Test("every built-in pattern with leading literals, on every example and its variations")
    func agree() throws {
        let scratch = MatchScratch()
        var compared = 0
        for pattern in Self.leadingPatterns {
            let matcher = MultiLiteralMatcher(literals: pattern.leadingLiterals!)
            for text in Self.texts {
                try text.withUnsafeBufferPointer { buffer in
                    var scanned: [Range<Int>] = []
                    try pattern.forEachMatch(in: buffer, range: 0..<buffer.count, scratch: scratch) { scanned.append($0) }
                    var starts: [Int32] = []
                    matcher.forEachMatch(in: buffer) { _, start in starts.append(Int32(start)) }
                    starts = Array(Set(starts)).sorted()
                    var anchored: [Range<Int>] = []
                    try starts.withUnsafeBufferPointer { offsets in
                        try pattern.forEachMatch(in: buffer, range: 0..<buffer.count, startingAt: offsets, scratch: scratch) { anchored.append($0) }
                    }
                    #expect(anchored == scanned, "\(pattern.source) on \(String(decoding: text, as: UTF8.self)) starts \(starts) lits \(pattern.leadingLiterals!)")
                    compared += scanned.count
                }
            }
        }
        #expect(compared > 500)
    }
}
