@testable import MedlintCore
import MedlintMarkdown
import MedlintPatterns
@testable import MedlintRulePack
import Testing

/// The built-in pack's patterns carry their literals as numbers in the pack's literal table, and
/// the prefilter is built straight from the table's bytes. It must find exactly what a prefilter
/// built from the same literals as strings finds (the path custom rules take).
@Suite("Prefilter built from the pack's literal table")
struct PackPrefilterTests {
    /// A prefilter over the same distinct patterns, in the same order, with their literals given as strings.
    static func asStrings(_ prefilter: Prefilter) -> Prefilter {
        Prefilter(patterns: prefilter.patterns.map { Pattern(lazy: $0.source, options: $0.options, literals: $0.literals) })
    }

    /// Checks that two prefilters over the same patterns find the same things in every text;
    /// returns how many required-literal places they compared.
    static func compare(_ a: Prefilter, _ b: Prefilter, on texts: [String]) -> Int {
        #expect(a.hasRequired == b.hasRequired)
        #expect(a.hasLeading == b.hasLeading)
        var compared = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let (x, y) = (a.scan(bytes), b.scan(bytes))
            #expect(x.possible == y.possible, "\(text)")
            #expect(x.starts.offsets == y.starts.offsets, "\(text)")
            #expect(x.required.offsets == y.required.offsets, "\(text)")
            compared += x.required.offsets.count
        }
        return compared
    }

    @Test("the literal-table prefilter and the string prefilter find the same literals at the same places")
    func tableAndStringPrefiltersAgree() {
        let fromTable = Prefilter(patterns: DecodedPack.patterns)
        #expect(fromTable.patterns.count == 611)
        let texts = DecodedPack.exampleTexts + ["IT'S   GUARANTEED\tto work,   100%  Pain-Free and FDA approved!"]
        #expect(texts.count > 700)
        #expect(Self.compare(fromTable, Self.asStrings(fromTable), on: texts) > 1000)
    }

    @Test("custom patterns beside the pack's keep the pack's literal numbers and find the same places as strings")
    func mixedPrefilterAgrees() {
        let custom = [#"\bpain[- ]free\b"#, #"\bzorbulent\s+cure\b"#, #"\b100\s*%\s+guaranteed\b"#].map { Pattern(lazy: $0) }
        let mixed = Prefilter(patterns: DecodedPack.patterns + custom)
        #expect(mixed.patterns.count == 614)
        let texts = DecodedPack.exampleTexts + ["A zorbulent   cure, 100% GUARANTEED and pain-free."]
        #expect(Self.compare(mixed, Self.asStrings(mixed), on: texts) > 1000)
        let last = Array("A zorbulent   cure".utf8)
        #expect(mixed.scan(last).isPossible(mixed.indexOf[ObjectIdentifier(custom[1])]!))
    }

    @Test("a pattern's literals read from the table are the strings the build extracted")
    func literalsFromTableMatchExtraction() {
        for pattern in DecodedPack.patterns.prefix(60) {
            #expect(pattern.literalIDs != nil)
            #expect(pattern.literals == LiteralExtractor.literals(of: pattern.source), "\(pattern.source.prefix(60))")
        }
    }

    @Test("a literal table with inconsistent offsets is refused")
    func inconsistentTableIsRefused() {
        let bytes = Array("painfree".utf8)
        #expect(LiteralTable(utf8: bytes, starts: [0, 4, 8]) != nil)
        #expect(LiteralTable(utf8: bytes, starts: [0, 4, 9]) == nil)
        #expect(LiteralTable(utf8: bytes, starts: [1, 4, 8]) == nil)
        #expect(LiteralTable(utf8: bytes, starts: [0, 5, 4, 8]) == nil)
        #expect(LiteralTable(utf8: bytes, starts: []) == nil)
        let table = LiteralTable(["pain", "\u{1}ms\u{1}", "cure"])
        #expect(table.count == 3)
        #expect(table.string(at: 1) == "\u{1}ms\u{1}")
        #expect(table.strings([2, 0]) == ["cure", "pain"])
    }

    @Test("the literal table read on its own is the one the pack decoder reads, and the decoder uses it when given")
    func literalTableOnItsOwn() throws {
        let alone = try #require(PrecompiledPackCodec.decodeLiteralTable(BuiltinRulePack.precompiledPack))
        let rules = try #require(PrecompiledPackCodec.decode(BuiltinRulePack.precompiledPack))
        let decodedTables = rules.flatMap(\.patternGroups).flatMap { $0 }.compactMap { $0.pattern?.literalIDs?.table }
        let decodedTable = try #require(decodedTables.first)
        #expect(alone.count == 17_724)
        #expect(alone.utf8 == decodedTable.utf8)
        #expect(alone.starts == decodedTable.starts)
        let reusing = try #require(PrecompiledPackCodec.decode(BuiltinRulePack.precompiledPack, literals: alone))
        let tables = reusing.flatMap(\.patternGroups).flatMap { $0 }.compactMap { $0.pattern?.literalIDs?.table }
        #expect(!tables.isEmpty)
        #expect(tables.allSatisfy { $0 === alone })
        // A table that is not the pack's is not used.
        let other = LiteralTable(["pain"])
        let fallback = try #require(PrecompiledPackCodec.decode(BuiltinRulePack.precompiledPack, literals: other))
        #expect(fallback.flatMap(\.patternGroups).flatMap { $0 }.compactMap { $0.pattern?.literalIDs?.table }.allSatisfy { $0 !== other })
    }

    @Test("the matcher prepared for a table is shared by every prefilter over it; another table gets its own")
    func matcherIsSharedForItsTable() {
        let cache = MatcherCache()
        let table = LiteralTable(["pain", "cure"])
        cache.prepareInBackground { table }
        let first = cache.matcher(for: table)
        #expect(cache.matcher(for: table) === first)
        #expect(cache.matcher(for: LiteralTable(["pain", "cure"])) !== first)
    }
}
