import MedlintCore
import MedlintPatterns
import MedlintRulePack
import Testing

/// The literal matcher must report exactly the (literal, start) pairs that a direct search finds,
/// whatever the shape of its automaton: shared and unshared prefixes, literals longer than the
/// automaton's depth, ASCII case, white-space runs and word-boundary marks.
@Suite("Multi-literal matcher agrees with a direct search")
struct MultiLiteralMatcherTests {
    /// A literal as the matcher reads it: folded bytes, boundary marks taken off.
    struct Literal {
        let bytes: [UInt8]
        let startBoundary: Bool
        let endBoundary: Bool

        init(_ string: String) {
            var bytes = Array(string.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
            startBoundary = bytes.first == 1
            if startBoundary { bytes.removeFirst() }
            endBoundary = bytes.count > 0 && bytes.last == 1 && string.utf8.count > 1
            if endBoundary { bytes.removeLast() }
            self.bytes = bytes
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Whether a word boundary (`\\b`) can sit between a literal's edge byte and the text byte
    /// beside it (nil: the text ends there). A non-ASCII byte may be part of a word under Unicode
    /// rules, so it never rules a boundary out.
    static func isBoundary(_ outside: UInt8?, _ edge: UInt8) -> Bool {
        if edge >= 0x80 || (outside ?? 0) >= 0x80 { return true }
        return outside.map(isWord) ?? false != isWord(edge)
    }

    /// Whether `literal` occurs at `start` of `text`: a space in the literal stands for a whole
    /// run of white space, which it must begin; letters compare ASCII case-insensitively.
    static func occurs(_ literal: Literal, in text: [UInt8], at start: Int) -> Bool {
        guard !literal.bytes.isEmpty else { return false }
        if isSpace(text[start]), start > 0, isSpace(text[start - 1]) { return false }
        var position = start
        for expected in literal.bytes {
            guard position < text.count else { return false }
            if expected == 0x20 {
                guard isSpace(text[position]) else { return false }
                while position < text.count, isSpace(text[position]) { position += 1 }
            } else {
                let byte = text[position]
                guard (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) == expected else { return false }
                position += 1
            }
        }
        if literal.startBoundary, !isBoundary(start > 0 ? text[start - 1] : nil, literal.bytes.first!) { return false }
        if literal.endBoundary, !isBoundary(position < text.count ? text[position] : nil, literal.bytes.last!) { return false }
        return true
    }

    struct Hit: Hashable, Comparable {
        let literal: Int
        let start: Int
        static func < (a: Hit, b: Hit) -> Bool { (a.start, a.literal) < (b.start, b.literal) }
    }

    static func expected(_ literals: [Literal], _ text: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        for (index, literal) in literals.enumerated() {
            for start in text.indices where occurs(literal, in: text, at: start) { hits.append(Hit(literal: index, start: start)) }
        }
        return hits.sorted()
    }

    static func found(_ matcher: MultiLiteralMatcher, _ text: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        text.withUnsafeBufferPointer { buffer in
            matcher.forEachMatch(in: buffer) { literal, start in hits.append(Hit(literal: literal, start: start)) }
        }
        return hits.sorted()
    }

    @Test("random literal sets on random texts, 300 cases")
    func random() {
        var random = SeededGenerator(state: 20_261_125)
        func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        let literalAlphabet: [String] = ["a", "b", "c", "e", " ", "-", "1", "é"]
        let textAlphabet: [String] = ["a", "b", "c", "e", "A", "B", " ", "  ", "\n", "\t ", "-", "1", "é", "x", "_"]
        var compared = 0
        for _ in 0..<300 {
            var strings: [String] = []
            for _ in 0..<(1 + below(40)) {
                var body = ""
                for _ in 0..<(1 + below(10)) { body += literalAlphabet[below(literalAlphabet.count)] }
                body = String(body.replacingOccurrences(of: "  ", with: " "))
                let startMark = below(4) == 0
                let endMark = below(4) == 0
                strings.append((startMark ? "\u{1}" : "") + body + (endMark ? "\u{1}" : ""))
            }
            // Shared prefixes deeper than the automaton, and exact duplicates.
            if let first = strings.first {
                strings.append(first + "bbbbbbb")
                strings.append(first)
            }
            let literals = strings.map(Literal.init)
            let matcher = MultiLiteralMatcher(literals: strings)
            for _ in 0..<4 {
                var text = ""
                for _ in 0..<below(120) { text += textAlphabet[below(textAlphabet.count)] }
                let bytes = Array(text.utf8)
                let want = Self.expected(literals, bytes)
                #expect(Self.found(matcher, bytes) == want, "literals \(strings.map(\.debugDescription)) text \(text.debugDescription)")
                compared += want.count
            }
        }
        #expect(compared > 5_000)
    }

    @Test("the built-in pack's literals on every rule example")
    func pack() {
        let table = DecodedPack.literalTable
        let strings = (0..<table.count).map(table.string(at:))
        let literals = strings.map(Literal.init)
        let matcher = MultiLiteralMatcher(table: table)
        var byFirstByte: [UInt8: [Int]] = [:]
        for (index, literal) in literals.enumerated() {
            guard let first = literal.bytes.first else { continue }
            byFirstByte[first, default: []].append(index)
        }
        var compared = 0
        for rule in BuiltinRulePack.rules {
            for example in rule.examples.flag + rule.examples.pass {
                let text = Array(example.text.replacingOccurrences(of: " ", with: " \n ").utf8)
                var want: [Hit] = []
                for start in text.indices {
                    let first = text[start] >= 0x41 && text[start] <= 0x5A ? text[start] + 32 : (Self.isSpace(text[start]) ? 0x20 : text[start])
                    for index in byFirstByte[first] ?? [] where Self.occurs(literals[index], in: text, at: start) {
                        want.append(Hit(literal: index, start: start))
                    }
                }
                want.sort()
                let got = Self.found(matcher, text)
                let missing = Set(want).subtracting(got).sorted().map { "\(strings[$0.literal].debugDescription)@\($0.start)" }
                let extra = Set(got).subtracting(want).sorted().map { "\(strings[$0.literal].debugDescription)@\($0.start)" }
                #expect(got == want, "\(example.text): missing \(missing.prefix(5)), extra \(extra.prefix(5))")
                compared += want.count
            }
        }
        #expect(compared > 10_000)
    }
}
