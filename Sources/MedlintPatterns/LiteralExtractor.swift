#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds literal strings that every match of a regular expression must contain, so a rule's
/// pattern runs only on text where one of them occurs. The answer is conservative: nil means
/// "no such set is known" and the pattern always runs. Literals are lower-cased ASCII, for
/// case-insensitive comparison with text folded the same way. A literal may start or end with
/// `LiteralExtractor.boundary` (U+0001): it must then sit at a word boundary there, which makes
/// short words such as "ms" or "ed" selective. White space in a pattern (`\s`, `\s+`, a space)
/// stands for one space: the matcher reads every run of white space in the text as one space.
///
/// It also finds *leading* literals: strings of which every match attempt starts with one. The
/// engine then tries the pattern, anchored, only where one of them occurs, instead of letting
/// PCRE2 try every position of a sentence (a lexicon alternation of 500 phrases is slow to try
/// everywhere and cheap to try at a handful of known starts).
public enum LiteralExtractor {
    /// Marks a word boundary at the start or end of a literal.
    public static let boundary: Character = "\u{1}"

    /// The most exact strings tracked for one piece of a pattern before giving up on exactness.
    static let maxExact = 64
    /// The most leading strings tracked for a pattern (a lexicon alternation has hundreds).
    static let maxPrefix = 8192
    /// Leading strings are cut to this many characters (boundary marks aside): longer ones would
    /// multiply into thousands of near-duplicates and select hardly better.
    static let maxLeadingLength = 6

    /// `string` cut to `maxLeadingLength` characters that are not boundary marks; a trailing mark
    /// survives only if nothing after it was cut.
    static func truncatedLeading(_ string: String) -> String {
        var kept = 0
        var result = ""
        for character in string {
            if character == boundary {
                result.append(character)
                continue
            }
            if kept == maxLeadingLength { return String(result.reversed().drop { $0 == boundary }.reversed()) }
            result.append(character)
            kept += 1
        }
        return result
    }

    /// Whether a leading string has reached `maxLeadingLength`, so extending it changes nothing.
    static func isFullLeading(_ string: String) -> Bool {
        string.reduce(0) { $1 == boundary ? $0 : $0 + 1 } >= maxLeadingLength
    }

    /// What the prefilter needs to know about one pattern.
    public struct Literals: Sendable, Equatable {
        /// Strings of which every match contains one, or nil.
        public var required: [String]?
        /// Strings of which every match attempt starts with one, or nil.
        public var leading: [String]?

        public init(required: [String]?, leading: [String]?) {
            self.required = required
            self.leading = leading
        }
    }

    /// A set of strings of which every match contains at least one, or nil.
    public static func requiredLiterals(of pattern: String) -> [String]? { literals(of: pattern).required }

    /// Strings of which every match attempt starts with one, or nil.
    public static func leadingLiterals(of pattern: String) -> [String]? { literals(of: pattern).leading }

    /// Both analyses in one parse.
    public static func literals(of pattern: String) -> Literals {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let info = parser.parseAlternation(), parser.atEnd else { return Literals(required: nil, leading: nil) }
        return Literals(required: required(info), leading: leading(info))
    }

    private static func required(_ info: Info) -> [String]? {
        guard let bestRequired = info.bestRequired else { return nil }
        // Keep a boundary mark only at the ends of a literal.
        let required = Set(bestRequired.map(normaliseMarks))
        guard !required.isEmpty, !required.contains(where: { $0.allSatisfy { $0 == boundary } }) else { return nil }
        // A member that contains another member adds nothing: finding the shorter one suffices.
        // (Checked for small sets only: it is an optimisation, and quadratic.)
        guard required.count <= 64 else { return required.sorted() }
        let members = required.map { Array($0.utf8) }
        let minimal = zip(required, members).filter { candidate, bytes in
            !members.contains { other in other != bytes && other.count <= bytes.count && bytes.contains(subsequence: other) }
        }.map(\.0)
        return minimal.sorted()
    }

    /// Leading strings shorter than this (boundary marks aside) occur too often to pay: trying a
    /// pattern anchored at every capital letter or digit is slower than letting PCRE2 scan.
    static let minLeadingLength = 3

    /// A leading set is usable only if every member is selective and none starts with white space:
    /// the matcher reports a run of white space at its first byte, where `\s` might start later.
    private static func leading(_ info: Info) -> [String]? {
        guard let prefix = info.prefix, !prefix.isEmpty else { return nil }
        var result: Set<String> = []
        for member in prefix {
            let normalised = normaliseMarks(member)
            let core = normalised.filter { $0 != boundary }
            guard let first = core.first, first != " ", core.count >= minLeadingLength else { return nil }
            result.insert(normalised)
        }
        return result.sorted()
    }

    static func normaliseMarks(_ literal: String) -> String {
        var core = Substring(literal)
        var leading = false
        var trailing = false
        while core.first == boundary { leading = true; core = core.dropFirst() }
        while core.last == boundary { trailing = true; core = core.dropLast() }
        let inner = core.filter { $0 != boundary }
        guard inner.contains(where: { $0 != " " }) else { return String(boundary) }
        return (leading ? String(boundary) : "") + inner + (trailing ? String(boundary) : "")
    }

    /// How selective a literal is, in bits: the sum over its bytes of -log2(how often the byte
    /// occurs in English prose). "?" (rare) beats "do" (two common letters); a word-boundary mark
    /// counts as one bit. Only the ranking matters, so rough frequencies do.
    static func score(_ literal: String) -> Double {
        literal.utf8.reduce(0) { $0 + byteBits[Int($1)] }
    }

    /// -log2 of each byte's approximate frequency in English web prose (letters from the classic
    /// letter table scaled to 80% of bytes, space 16%, then punctuation, digits and the rest).
    private static let byteBits: [Double] = {
        var frequency = [Double](repeating: 0.0002, count: 256)
        let letters: [(Character, Double)] = [
            ("e", 12.7), ("t", 9.1), ("a", 8.2), ("o", 7.5), ("i", 7.0), ("n", 6.7), ("s", 6.3), ("h", 6.1), ("r", 6.0),
            ("d", 4.3), ("l", 4.0), ("c", 2.8), ("u", 2.8), ("m", 2.4), ("w", 2.4), ("f", 2.2), ("g", 2.0), ("y", 2.0),
            ("p", 1.9), ("b", 1.5), ("v", 1.0), ("k", 0.8), ("j", 0.15), ("x", 0.15), ("q", 0.1), ("z", 0.07),
        ]
        for (letter, percent) in letters { frequency[Int(letter.asciiValue!)] = percent / 100 * 0.8 }
        frequency[0x20] = 0.16
        for byte in ".,".utf8 { frequency[Int(byte)] = 0.01 }
        for byte in "'-\"".utf8 { frequency[Int(byte)] = 0.003 }
        for byte in "0123456789".utf8 { frequency[Int(byte)] = 0.002 }
        for byte in "()/:;!?%$&+".utf8 { frequency[Int(byte)] = 0.0008 }
        // A non-ASCII character is about as rare as one punctuation mark: its lead byte carries
        // the information, its continuation bytes next to none.
        for byte in 0xC0...0xFF { frequency[byte] = 0.001 }
        for byte in 0x80...0xBF { frequency[byte] = 0.5 }
        frequency[Int(UInt8(ascii: "\u{01}"))] = 0.5
        return frequency.map { -log2($0) }
    }()

    /// What is known about a piece of a pattern: the exact strings it can match (when few), and a
    /// set of strings one of which every match contains.
    struct Info {
        var exact: Set<String>?
        var required: Set<String>?
        /// Strings of which every match starts with one ("" when it may start with anything); nil if unknown.
        var prefix: Set<String>?

        init(exact: Set<String>?, required: Set<String>?, prefix: Set<String>?? = nil) {
            self.exact = exact
            self.required = required
            self.prefix = prefix ?? exact
        }

        static let unknown = Info(exact: nil, required: nil)
        static let empty = Info(exact: [""], required: nil)

        /// The better of the required set and the exact set, by shortest member.
        var bestRequired: Set<String>? {
            Self.better(required, exact.flatMap { set in set.contains { $0.allSatisfy { $0 == LiteralExtractor.boundary } } ? nil : set })
        }

        static func better(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
            guard let a, !a.isEmpty else { return b }
            guard let b, !b.isEmpty else { return a }
            // A set is as selective as its weakest member, less the bits spent choosing among members.
            let scoreA = (a.lazy.map(LiteralExtractor.score).min() ?? 0) - log2(Double(a.count))
            let scoreB = (b.lazy.map(LiteralExtractor.score).min() ?? 0) - log2(Double(b.count))
            if scoreA != scoreB { return scoreA > scoreB ? a : b }
            return a.count <= b.count ? a : b
        }
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = []
            guard let first = parseConcatenation() else { return nil }
            branches.append(first)
            while current == "|" {
                index += 1
                guard let next = parseConcatenation() else { return nil }
                branches.append(next)
            }
            if branches.count == 1 { return branches[0] }
            var exact: Set<String>? = []
            var required: Set<String>? = []
            var prefix: Set<String>? = []
            for branch in branches {
                if let branchPrefix = branch.prefix, var union = prefix {
                    union.formUnion(branchPrefix.map(LiteralExtractor.truncatedLeading))
                    prefix = union.count <= LiteralExtractor.maxPrefix ? union : nil
                } else {
                    prefix = nil
                }
                if let branchExact = branch.exact, var union = exact {
                    union.formUnion(branchExact)
                    exact = union.count <= LiteralExtractor.maxExact ? union : nil
                } else {
                    exact = nil
                }
                if let branchRequired = branch.bestRequired, var union = required {
                    union.formUnion(branchRequired)
                    required = union
                } else {
                    required = nil
                }
            }
            return Info(exact: exact, required: required, prefix: .some(prefix))
        }

        mutating func parseConcatenation() -> Info? {
            var allExact: Set<String>? = [""]
            var run: Set<String> = [""]
            var best: Set<String>?
            // The leading strings so far, and whether later atoms still extend them.
            var prefix: Set<String>? = [""]
            var prefixOpen = true
            func close(_ strings: Set<String>) {
                if !strings.contains(where: { $0.allSatisfy { $0 == LiteralExtractor.boundary } }) { best = Info.better(best, strings) }
            }
            func product(_ left: Set<String>, _ right: Set<String>) -> Set<String>? {
                guard left.count * right.count <= LiteralExtractor.maxExact else { return nil }
                var result: Set<String> = []
                for a in left { for b in right { result.insert(a + b) } }
                return result
            }
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let parsed = parseAtom() else { return nil }
                let atom = applyQuantifier(to: parsed)
                if prefixOpen, let known = prefix {
                    if let exact = atom.exact, let joined = Self.leadingProduct(known, exact) {
                        prefix = joined
                        if joined.allSatisfy(LiteralExtractor.isFullLeading) { prefixOpen = false }
                    } else {
                        if let atomPrefix = atom.prefix, let joined = Self.leadingProduct(known, atomPrefix) {
                            prefix = joined
                        }
                        prefixOpen = false
                    }
                }
                best = Info.better(best, atom.required)
                if let exact = atom.exact {
                    if let joined = product(run, exact) {
                        run = joined
                    } else {
                        close(run)
                        run = exact
                    }
                    allExact = allExact.flatMap { product($0, exact) }
                } else {
                    close(run)
                    run = [""]
                    allExact = nil
                }
            }
            close(run)
            return Info(exact: allExact, required: best, prefix: .some(prefix))
        }

        /// Every leading string of `left` followed by one of `right`, cut to `maxLeadingLength`.
        static func leadingProduct(_ left: Set<String>, _ right: Set<String>) -> Set<String>? {
            guard left.count * right.count <= LiteralExtractor.maxPrefix else { return nil }
            var result: Set<String> = []
            for a in left {
                if LiteralExtractor.isFullLeading(a) {
                    result.insert(a)
                    continue
                }
                for b in right { result.insert(LiteralExtractor.truncatedLeading(a + b)) }
            }
            return result
        }

        mutating func applyQuantifier(to atom: Info) -> Info {
            guard let scalar = current else { return atom }
            var minimum = 1
            var maximum = 1
            switch scalar {
            case "?": minimum = 0; index += 1
            case "*": minimum = 0; maximum = Int.max; index += 1
            case "+": maximum = Int.max; index += 1
            case "{":
                let start = index
                index += 1
                var digits = ""
                while let c = current, c.properties.numericType != nil || c == "," { digits.unicodeScalars.append(c); index += 1 }
                guard current == "}" else { index = start; return atom }
                index += 1
                let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
                minimum = Int(parts.first ?? "") ?? 0
                maximum = parts.count == 1 ? minimum : (Int(parts[1]) ?? Int.max)
            default:
                return atom
            }
            if current == "?" || current == "+" { index += 1 }  // lazy or possessive
            if minimum == 0 {
                if let exact = atom.exact, maximum == 1 || exact == [" "], exact.count < LiteralExtractor.maxExact {
                    return Info(exact: exact.union([""]), required: nil)
                }
                return Info(exact: nil, required: nil, prefix: .some(atom.prefix.map { $0.union([""]) }))
            }
            if minimum == 1, maximum == 1 { return atom }
            if atom.exact == [" "] { return atom }  // runs of white space read as one space
            return Info(exact: nil, required: atom.bestRequired, prefix: .some(atom.prefix))
        }

        mutating func parseAtom() -> Info? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "(":
                return parseGroup()
            case "[":
                let start = index
                skipClass()
                return smallClass(scalars[start..<max(start, index - 1)])
            case ".":
                return .unknown
            case "^", "$":
                return .empty
            case "\\":
                return parseEscape()
            default:
                return literal(scalar)
            }
        }

        func literal(_ scalar: Unicode.Scalar) -> Info {
            if scalar == " " || scalar == "\t" || scalar == "\n" { return Info(exact: [" "], required: nil) }
            guard scalar.isASCII else {
                // Text is folded for ASCII only, so a non-ASCII letter with case variants cannot be
                // looked for literally; a caseless character (★, ®, é with no upper form in use) can.
                let character = Character(scalar)
                if character.isCased || character.lowercased() != character.uppercased() { return .unknown }
                return Info(exact: [String(scalar)], required: nil)
            }
            let lower = Character(scalar).lowercased()
            return Info(exact: [lower], required: nil)
        }

        mutating func parseEscape() -> Info? {
            guard let scalar = current else { return nil }
            index += 1
            switch scalar {
            case "b":
                return Info(exact: [String(LiteralExtractor.boundary)], required: nil)
            case "B", "A", "z", "Z", "G", "K":
                return .empty
            case "d":
                return Info(exact: Set((0...9).map(String.init)), required: nil)
            case "s", "h":
                return Info(exact: [" "], required: nil)
            case "D", "w", "W", "S", "H", "v", "V", "R", "N", "X", "C":
                return .unknown
            case "p", "P", "x", "o", "g", "k", "c":
                // \p{..}, \x{..}, \o{..}, back references: skip a braced argument.
                if current == "{" {
                    while let c = current, c != "}" { index += 1 }
                    index += 1
                } else if scalar == "x" || scalar == "c" {
                    index += scalar == "x" ? 2 : 1
                } else if scalar == "p" || scalar == "P" {
                    index += 1
                }
                return .unknown
            case "Q":
                var text = ""
                while index < scalars.count {
                    if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "E" { index += 2; break }
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                return text.unicodeScalars.allSatisfy(\.isASCII) ? Info(exact: [text.lowercased()], required: nil) : .unknown
            case "t", "n", "r": return Info(exact: [" "], required: nil)
            default:
                if scalar.properties.numericType != nil { return .unknown }  // back reference
                return literal(scalar)
            }
        }

        /// A class of a few plain ASCII characters (`[- ]`, `[45]`, `[a-c]`) as its exact set.
        func smallClass(_ body: ArraySlice<Unicode.Scalar>) -> Info {
            var members: Set<String> = []
            var items = Array(body)
            if items.first == "^" { return .unknown }
            var index = 0
            while index < items.count {
                let scalar = items[index]
                if scalar == "\\" {
                    guard index + 1 < items.count else { return .unknown }
                    let escaped = items[index + 1]
                    if escaped == "d" {
                        for digit in 0...9 { members.insert(String(digit)) }
                    } else if escaped == "s" || escaped == "t" || escaped == "n" || escaped == "r" {
                        members.insert(" ")
                    } else if escaped.isASCII, !escaped.properties.isAlphabetic {
                        members.insert(String(escaped))
                    } else {
                        return .unknown
                    }
                    index += 2
                } else if index + 2 < items.count, items[index + 1] == "-", scalar.isASCII, items[index + 2].isASCII,
                          scalar.value <= items[index + 2].value, items[index + 2].value - scalar.value < 26 {
                    for value in scalar.value...items[index + 2].value { members.insert(Character(Unicode.Scalar(value)!).lowercased()) }
                    index += 3
                } else {
                    guard scalar.isASCII, scalar != "[" else { return .unknown }
                    members.insert(scalar == "\t" || scalar == "\n" ? " " : Character(scalar).lowercased())
                    index += 1
                }
                if members.count > 26 { return .unknown }
            }
            items.removeAll()
            return members.isEmpty ? .unknown : Info(exact: members, required: nil)
        }

        mutating func skipClass() {
            if current == "^" { index += 1 }
            if current == "]" { index += 1 }
            while let scalar = current, scalar != "]" {
                if scalar == "\\" { index += 1 }
                if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == ":" {
                    while let c = current, !(c == ":" && index + 1 < scalars.count && scalars[index + 1] == "]") { index += 1 }
                    index += 1
                }
                index += 1
            }
            index += 1
        }

        mutating func parseGroup() -> Info? {
            var zeroWidth = false
            var lookahead = false
            if current == "?" {
                index += 1
                guard let kind = current else { return nil }
                switch kind {
                case ":", ">", "|":
                    index += 1
                case "=", "!":
                    lookahead = kind == "="
                    index += 1
                    zeroWidth = true
                case "<":
                    index += 1
                    if current == "=" || current == "!" {
                        index += 1
                        zeroWidth = true
                    } else {
                        while let c = current, c != ">" { index += 1 }  // named group
                        index += 1
                    }
                case "P", "'":
                    while let c = current, c != ">" && c != "'" { index += 1 }
                    index += 1
                case "#":
                    while let c = current, c != ")" { index += 1 }
                    index += 1
                    return .empty
                default:
                    // Inline options: (?i) (?-i) (?i: …)
                    while let c = current, c != ")" && c != ":" { index += 1 }
                    if current == ")" {
                        index += 1
                        return .empty
                    }
                    index += 1
                }
            } else if current == "*" {
                // (*UCP) and other verbs
                while let c = current, c != ")" { index += 1 }
                index += 1
                return .empty
            }
            guard let inner = parseAlternation(), current == ")" else { return nil }
            index += 1
            // A positive lookahead's literals must occur too (after the match, within the subject).
            if lookahead { return Info(exact: [""], required: inner.bestRequired, prefix: [""]) }
            return zeroWidth ? .empty : inner
        }
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
