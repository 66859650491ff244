@testable import MedlintCore
import MedlintPatterns
@testable import MedlintRulePack
import Testing

/// The build stores every pack pattern compiled by PCRE2, so a run decodes instead of compiling.
/// Decoded code must match exactly as compiled code does, and anything PCRE2 refuses must fall
/// back to compiling the source.
@Suite("Compiled patterns stored at build time")
struct PrecompiledCodeTests {
    @Test("the embedded table has code for every pattern of the pack, and the anchored form where a pattern has leading literals")
    func tableCoversThePack() throws {
        let table = try #require(PrecompiledCodeTable(BuiltinRulePack.precompiledCode))
        let distinct = Prefilter(patterns: DecodedPack.patterns).patterns
        #expect(table.count == distinct.count)
        for (index, pattern) in distinct.enumerated() {
            let code = try #require(table.code(forPattern: index))
            #expect(code.unanchored() != nil)
            #expect((code.anchored() != nil) == (pattern.literals.leading != nil))
        }
        #expect(table.code(forPattern: distinct.count) == nil)
    }

    @Test("decoded code finds the same matches as freshly compiled code on every rule example")
    func decodedCodeMatchesCompiledCode() throws {
        let texts = DecodedPack.exampleTexts
        let distinct = Prefilter(patterns: DecodedPack.patterns).patterns
        var matched = 0
        for pattern in distinct {
            let compiled = try Pattern(pattern.source, options: pattern.options)
            for text in texts {
                let decoded = try pattern.matches(in: text)
                #expect(decoded == (try compiled.matches(in: text)), "\(pattern.source.prefix(60)) on \(text)")
                matched += decoded.count
            }
        }
        #expect(matched > 2000)
    }

    @Test("code PCRE2 refuses falls back to compiling the source")
    func refusedCodeFallsBack() throws {
        let table = LiteralTable(["pain"])
        let garbage = PrecompiledCode(unanchored: { [UInt8](repeating: 0x5A, count: 128) }, anchored: { [UInt8](repeating: 0, count: 128) })
        let pattern = Pattern(lazy: #"\bpain\b"#, literalIDs: LiteralIDs(table: table, required: [0], leading: [0]), precompiled: garbage)
        #expect(try pattern.matches(in: "no pain, no gain; PAIN") == [3..<7, 18..<22])
        let text = Array("no pain".utf8)
        let first = try text.withUnsafeBufferPointer { buffer in
            try [Int32(3)].withUnsafeBufferPointer { starts in
                try pattern.firstMatch(in: buffer, range: 0..<buffer.count, startingAt: starts, scratch: MatchScratch())
            }
        }
        #expect(first == 3..<7)
    }

    @Test("a damaged or foreign table is refused")
    func damagedTableIsRefused() throws {
        let text = BuiltinRulePack.precompiledCode
        #expect(PrecompiledCodeTable(text) != nil)
        #expect(PrecompiledCodeTable(String(text.dropLast())) == nil)
        #expect(PrecompiledCodeTable(text + "A") == nil)
        #expect(PrecompiledCodeTable("") == nil)
        #expect(PrecompiledCodeTable("1\u{1F}0\u{1F}4\u{1F}2\u{1F}QUJD") == nil)
        let one = try #require(PrecompiledCodeTable("1\u{1F}0\u{1F}4\u{1F}4\u{1F}QUJD"))
        #expect(one.count == 1)
        #expect(one.code(forPattern: 0)?.unanchored() == Array("ABC".utf8))
        #expect(one.code(forPattern: 0)?.anchored() == nil)
        // A pack decoded with a table made for other patterns ignores it.
        let rules = try #require(PrecompiledPackCodec.decode(BuiltinRulePack.precompiledPack, code: one))
        #expect(rules.count == DecodedPack.rules.count)
    }
}
