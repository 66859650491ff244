/// Splits a segment's text into sentences, so that a rule's words must occur in one sentence.
/// Understands abbreviations (Dr., e.g., i.e., U.S., vs., St., No.), initials, decimals and
/// ellipses; a hard line break also ends a sentence.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "eg", "ie", "u.s", "u.k", "u.s.a",
        "approx", "appt", "apt", "inc", "ltd", "co", "corp", "jr", "sr", "dept", "fig", "figs", "a.m", "p.m", "min", "mins",
        "hr", "hrs", "lb", "lbs", "oz", "mg", "ml", "cc", "vol", "ave", "blvd", "rd", "ste", "mt", "ft", "sq", "est", "ph.d",
        "m.d", "d.o", "d.d.s", "d.m.d", "d.c", "r.n", "n.p", "p.a", "b.s", "m.s", "ca", "cf", "al", "op", "vs", "viz", "wk",
        "mo", "yr", "yrs", "tel", "ext", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Byte ranges of the sentences in `text`, trimmed of surrounding white space, in order.
    public static func split(_ text: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = text.count
        func add(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, isSpace(text[lower]) { lower += 1 }
            while upper > lower, isSpace(text[upper - 1]) { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
        }
        while index < count {
            let byte = text[index]
            if byte == 0x0A {
                add(index)
                start = index + 1
                index += 1
                continue
            }
            guard isTerminator(byte) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, isTerminator(text[end]) { end += 1 }
            while end < count, isCloser(text[end]) { end += 1 }
            guard end == count || isSpace(text[end]) else {
                index = end
                continue
            }
            if byte == UInt8(ascii: "."), end - index == 1 || text[index..<end].allSatisfy({ $0 == UInt8(ascii: ".") || isCloser($0) }), isAbbreviation(text, periodAt: index) {
                index = end
                continue
            }
            if byte == UInt8(ascii: "."), startsLowercase(text, after: end), text[index..<end].filter({ $0 == UInt8(ascii: ".") }).count >= 3 {
                // An ellipsis inside a sentence ("and… then"): not a boundary.
                index = end
                continue
            }
            add(end)
            start = end
            index = end
        }
        add(count)
        return sentences
    }

    private static func isTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private static func isCloser(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "*")
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    private static func startsLowercase(_ text: [UInt8], after index: Int) -> Bool {
        var cursor = index
        while cursor < text.count, isSpace(text[cursor]) { cursor += 1 }
        return cursor < text.count && text[cursor] >= UInt8(ascii: "a") && text[cursor] <= UInt8(ascii: "z")
    }

    /// Whether the word ending at the period at `periodAt` is an abbreviation or an initial.
    private static func isAbbreviation(_ text: [UInt8], periodAt index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, !isSpace(text[wordStart - 1]), text[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        let word = text[wordStart..<index].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard !word.isEmpty else { return false }
        if word.count == 1, let letter = word.first, letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") {
            // A single capital letter: an initial ("J. Smith"), unless the sentence is one word.
            return text[wordStart] >= 0x41 && text[wordStart] <= 0x5A
        }
        return abbreviations.contains(String(decoding: word, as: UTF8.self))
    }
}
