@testable import MedlintCore
import MedlintPatterns
import Testing

/// Splitting an alternation must give back exactly its alternatives, refuse patterns whose parts
/// would mean something else alone, and never change whether a pattern matches.
@Suite("Alternation splitting")
struct AlternationSplitterTests {
    @Test("alternatives at the top level, inside one enclosing group, past classes, escapes and nested groups")
    func splits() {
        #expect(AlternationSplitter.alternatives(of: "a|b") == ["a", "b"])
        #expect(AlternationSplitter.alternatives(of: #"(?:\bone\b|two(?:x|y)|[|(]|\||(?-i:MS)|(?<!a)b)"#)
            == [#"\bone\b"#, "two(?:x|y)", "[|(]", #"\|"#, "(?-i:MS)", "(?<!a)b"])
        #expect(AlternationSplitter.alternatives(of: "(?:(?:a|b))") == ["a", "b"])
        #expect(AlternationSplitter.alternatives(of: "[]|]x|[^]a]|[[:alpha:]|]") == ["[]|]x", "[^]a]", "[[:alpha:]|]"])
    }

    @Test("no split where a part alone would mean something else, or where there is nothing to split")
    func refuses() {
        for pattern in ["(?:a|b)c", "abc", "(?i)a|b", #"(a)|\1"#, #"\Qa|b\E"#, "(*UCP)a|b", "(?(1)a|b)", "(?|a|b)", #"(?<n>a)|\k<n>"#,
                        "(?#x|y)a", "(a|b", "a)|b", "[a|b"] {
            #expect(AlternationSplitter.alternatives(of: pattern) == nil, "\(pattern)")
        }
    }

    @Test("a splittable pattern becomes consecutive runs of alternatives, only when that gives leading literals")
    func parts() {
        let split = RuleLoader.parts(#"(?:\bbest decision\b|\bchanged my life\b|\d+%|\w+ly\s+amazing|\bso happy\b)"#, splittable: true)
        #expect(split == [#"(?:\bbest decision\b|\bchanged my life\b)"#, #"(?:\d+%|\w+ly\s+amazing)"#, #"(?:\bso happy\b)"#])
        #expect(RuleLoader.parts(#"(?:\bbest decision\b|\d+%)"#, splittable: false) == [#"(?:\bbest decision\b|\d+%)"#])
        #expect(RuleLoader.parts(#"(?:\bbest decision\b|\bchanged my life\b)"#, splittable: true) == [#"(?:\bbest decision\b|\bchanged my life\b)"#])
        #expect(RuleLoader.parts(#"(?:\w+ly\s+amazing|\d+%)"#, splittable: true) == [#"(?:\w+ly\s+amazing|\d+%)"#])
    }

    @Test("every built-in lexicon: the parts match where the whole lexicon does, and their first match is its first match")
    func lexiconsAgree() throws {
        let texts = DecodedPack.exampleTexts
        var split = 0
        for name in BuiltinPack.loaded.lexicons.names {
            let source = try BuiltinPack.loaded.lexicons.expand("@{\(name)}")
            let parts = RuleLoader.parts(source, splittable: true)
            guard parts.count > 1 else { continue }
            split += 1
            let whole = try Pattern(source)
            let compiled = try parts.map { try Pattern($0) }
            for text in texts {
                let expected = try whole.matches(in: text).first
                var first: Range<Int>?
                for part in compiled {
                    if let match = try part.matches(in: text).first, first.map({ match.lowerBound < $0.lowerBound }) ?? true { first = match }
                }
                #expect(first == expected, "@{\(name)} on \(text)")
            }
        }
        #expect(split >= 2)
    }
}
