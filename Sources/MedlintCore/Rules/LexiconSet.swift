/// All lexicons known to a run, and the expansion of `@{name}` references in rule patterns.
public struct LexiconSet: Sendable {
    public private(set) var lexicons: [String: Lexicon] = [:]

    public init(_ lexicons: [Lexicon] = []) {
        for lexicon in lexicons { self.lexicons[lexicon.name] = lexicon }
    }

    /// Adds or replaces a lexicon (a custom lexicon with a built-in name replaces it).
    public mutating func insert(_ lexicon: Lexicon) { lexicons[lexicon.name] = lexicon }

    /// Adds a configuration's extra terms to a lexicon; an unknown name is an error for the caller to report.
    public mutating func extend(_ name: String, with terms: [String]) -> Bool {
        guard lexicons[name] != nil else { return false }
        lexicons[name]!.add(terms: terms)
        return true
    }

    public var names: [String] { lexicons.keys.sorted() }

    public enum ExpansionError: Error, Equatable {
        case unknownLexicon(name: String, offset: Int)
    }

    /// Replaces each `@{name}` with the lexicon's group. Offsets in errors are in the written pattern.
    public func expand(_ pattern: String) throws(ExpansionError) -> String {
        guard pattern.contains("@{") else { return pattern }
        var out = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            if pattern[index] == "@", pattern.index(after: index) < pattern.endIndex, pattern[pattern.index(after: index)] == "{",
               index == pattern.startIndex || pattern[pattern.index(before: index)] != "\\",
               let close = pattern[index...].firstIndex(of: "}") {
                let name = String(pattern[pattern.index(index, offsetBy: 2)..<close])
                guard let lexicon = lexicons[name] else {
                    throw .unknownLexicon(name: name, offset: pattern.utf8.distance(from: pattern.utf8.startIndex, to: index.samePosition(in: pattern.utf8) ?? pattern.utf8.startIndex))
                }
                out += lexicon.regex
                index = pattern.index(after: close)
            } else {
                out.append(pattern[index])
                index = pattern.index(after: index)
            }
        }
        return out
    }
}
