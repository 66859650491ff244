/// A named word list shared by rules (procedures, drugs, risk language, named sources…), so that a
/// practice extends one list from its configuration instead of copying rules.
public struct Lexicon: Sendable, Equatable {
    public let name: String
    public let description: String
    /// Plain words and phrases.
    public private(set) var terms: [String]
    /// Regex fragments for forms terms cannot express.
    public let patterns: [String]
    public let origin: String

    public init(name: String, description: String, terms: [String], patterns: [String], origin: String) {
        self.name = name
        self.description = description
        self.terms = terms
        self.patterns = patterns
        self.origin = origin
    }

    public mutating func add(terms extra: [String]) { terms += extra }

    /// The lexicon as one non-capturing PCRE2 group.
    public var regex: String {
        let alternatives = terms.sorted { $0.count > $1.count }.map(Self.termRegex) + patterns
        if alternatives.isEmpty { return "(?!)" }
        return "(?:" + alternatives.joined(separator: "|") + ")"
    }

    /// A plain term as a regex: metacharacters escaped, spaces match any white space, a hyphen
    /// matches a hyphen, a space or nothing, and word boundaries where the term has word characters.
    static func termRegex(_ term: String) -> String {
        var out = ""
        for character in term.trimmingWhitespace() {
            switch character {
            case " ": out += "\\s+"
            case "-": out += "[-\\s]?"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "#":
                out += "\\" + String(character)
            case "'": out += "'"
            default: out.append(character)
            }
        }
        let first = term.trimmingWhitespace().first
        let last = term.trimmingWhitespace().last
        let startBoundary = first.map { $0.isLetter || $0.isNumber || $0 == "_" } == true ? "\\b" : ""
        let endBoundary = last.map { $0.isLetter || $0.isNumber || $0 == "_" } == true ? "\\b" : ""
        return startBoundary + out + endBoundary
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
