@testable import MedlintCore
import MedlintMarkdown
import MedlintPatterns
@testable import MedlintRulePack
import Testing

/// The prefilter tables the build embeds must be exactly what a run would build, and a run that
/// reads them must find the same literals at the same places; damaged tables must be refused.
@Suite("Prefilter tables computed at build time")
struct PrefilterTablesTests {
    static let packRules = BuiltinRulePack.rules
    static let patterns = LintPlan.patterns(of: packRules)

    @Test("the embedded tables are byte for byte those a run would build")
    func embeddedTablesMatchABuild() throws {
        let embedded = try #require(PrecompiledPackCodec.decodePrefilterTables(BuiltinRulePack.precompiledPrefilterTables))
        let built = Prefilter(patterns: Self.patterns).serialized()
        #expect(embedded.count == built.count)
        #expect(embedded == built)
    }

    @Test("read tables find every literal where a built prefilter does")
    func readTablesScanLikeBuiltOnes() throws {
        let built = Prefilter(patterns: Self.patterns)
        let read = try #require(Prefilter(serialized: built.serialized(), patterns: Self.patterns))
        #expect(read.patterns.count == built.patterns.count)
        #expect(read.hasRequired == built.hasRequired)
        #expect(read.hasLeading == built.hasLeading)
        var texts: [String] = []
        for rule in Self.packRules {
            texts += rule.examples.flag.map(\.text) + rule.examples.pass.map(\.text)
        }
        texts.append("IT'S   GUARANTEED\tto work,   100%  Pain-Free and FDA approved!")
        var compared = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let (a, b) = (built.scan(bytes), read.scan(bytes))
            #expect(a.possible == b.possible, "\(text)")
            #expect(a.starts.offsets == b.starts.offsets, "\(text)")
            #expect(a.required.offsets == b.required.offsets, "\(text)")
            compared += a.required.offsets.count
        }
        #expect(texts.count > 700)
        #expect(compared > 1000)
    }

    @Test("tables for other patterns, or damaged ones, are refused")
    func mismatchedOrDamagedTablesAreRefused() {
        let small = Prefilter(patterns: Array(Self.patterns.prefix(20))).serialized()
        #expect(Prefilter(serialized: small, patterns: Self.patterns) == nil)
        var bytes = Prefilter(patterns: Self.patterns).serialized()
        #expect(Prefilter(serialized: Array(bytes.dropLast()), patterns: Self.patterns) == nil)
        #expect(Prefilter(serialized: bytes + [0], patterns: Self.patterns) == nil)
        bytes[0] ^= 0xFF
        #expect(Prefilter(serialized: bytes, patterns: Self.patterns) == nil)
        #expect(Prefilter(serialized: [], patterns: Self.patterns) == nil)
    }

    @Test("an automaton state out of range is refused, not trusted")
    func outOfRangeStateIsRefused() throws {
        let matcher = MultiLiteralMatcher(literals: ["pain", "guarantee", "cure"])
        var writer = BinaryWriter()
        matcher.serialized(into: &writer)
        var bytes = writer.bytes
        let read = bytes.withUnsafeBytes { raw -> MultiLiteralMatcher? in
            var reader = BinaryReader(raw)
            return MultiLiteralMatcher(reading: &reader)
        }
        #expect(read != nil)
        // The first table entry follows the version, three counts, the 256 classes and its count.
        let firstEntry = 8 * 4 + 8 + 256 + 8
        bytes[firstEntry] = 0xFF
        bytes[firstEntry + 1] = 0x7F
        let damaged = bytes.withUnsafeBytes { raw -> MultiLiteralMatcher? in
            var reader = BinaryReader(raw)
            return MultiLiteralMatcher(reading: &reader)
        }
        #expect(damaged == nil)
    }

    @Test("base64 decoding", arguments: [
        ("", [UInt8]()), ("Zg==", [0x66]), ("Zm8=", [0x66, 0x6F]), ("Zm9v", [0x66, 0x6F, 0x6F]),
        ("Zm9vYmFy", Array("foobar".utf8)), ("/+8A", [0xFF, 0xEF, 0x00]),
    ] as [(String, [UInt8])])
    func base64(_ text: String, _ expected: [UInt8]) {
        var text = text
        #expect(text.withUTF8 { Base64.decode($0) } == expected)
    }

    @Test("invalid base64 is refused", arguments: ["Zg=", "Zm9v!mFy", "Zm 9", "===="])
    func invalidBase64(_ text: String) {
        var text = text
        #expect(text.withUTF8 { Base64.decode($0) } == nil)
    }
}
