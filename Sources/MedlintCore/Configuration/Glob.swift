/// A path pattern from `.medlint.yml` (`include`, `exclude`, `overrides[].paths`), matched against
/// `/`-separated paths relative to the configuration's folder.
///
/// It exists because the rules people already know are `.gitignore`'s, and Foundation's matching
/// (`fnmatch`) differs between platforms and knows neither `**` nor `{a,b}`. Supported:
/// - `*` any run of characters within one path segment, `?` one character,
///   `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) one character from / not from a set, `\x` a literal `x`;
/// - `**` as a whole segment: any number of folders, including none (`landing/**`, `**/drafts/**`);
///   a trailing `/**` matches everything below the folder, but not the folder itself;
/// - `{a,b}` alternatives, which may contain `/` and nest;
/// - a pattern without `/` matches a base name at any depth (`*.draft.md`);
/// - a leading `/` or `./` anchors a pattern to the base folder (`/README.md`);
/// - a trailing `/` matches a folder and everything below it (`drafts/` is `**/drafts/**`).
///
/// Matching is case-sensitive. A malformed `[` or `{` is taken literally, so every pattern is valid.
public struct Glob: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    /// One compiled segment list per brace alternative.
    private let alternatives: [[Segment]]

    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = Self.expandBraces(Array(pattern)).compactMap(Self.compile)
    }

    public var description: String { pattern }

    /// Whether `relativePath` (`/`-separated, relative to the base folder; `./` and empty segments
    /// are ignored) matches the pattern.
    public func matches(_ relativePath: String) -> Bool {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map { Array($0) }
        guard !segments.isEmpty else { return false }
        return alternatives.contains { Self.match($0, segments) }
    }

    // MARK: - Compiled form

    private enum Token: Sendable, Hashable {
        case literal(Character)
        case any
        case star
        case set(negated: Bool, items: [SetItem])

        func matches(_ character: Character) -> Bool {
            switch self {
            case let .literal(literal): return literal == character
            case .any: return true
            case .star: return false
            case let .set(negated, items): return items.contains { $0.contains(character) } != negated
            }
        }
    }

    private enum SetItem: Sendable, Hashable {
        case single(Character)
        case range(Character, Character)

        func contains(_ character: Character) -> Bool {
            switch self {
            case let .single(single): return single == character
            case let .range(low, high): return low <= character && character <= high
            }
        }
    }

    private enum Segment: Sendable, Hashable {
        /// `**`: any number of whole segments.
        case anyDepth
        case pattern([Token])
    }

    // MARK: - Compiling

    /// Turns one brace-free alternative into segments, applying the anchoring rules; nil for an empty pattern.
    private static func compile(_ alternative: String) -> [Segment]? {
        var text = Substring(alternative)
        var anchored = false
        while text.hasPrefix("./") {
            text = text.dropFirst(2)
            anchored = true
        }
        if text.hasPrefix("/") {
            anchored = true
            while text.hasPrefix("/") { text = text.dropFirst() }
        }
        var folder = false
        while text.hasSuffix("/") {
            folder = true
            text = text.dropLast()
        }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
        if parts.isEmpty {
            // "/", "./": the base folder itself, so everything below it; "" matches nothing.
            return anchored || folder ? [.anyDepth] : nil
        }
        if !anchored && parts.count == 1 { parts.insert("**", at: 0) }
        if folder { parts.append("**") }
        var segments: [Segment] = []
        for part in parts {
            let segment: Segment = part == "**" ? .anyDepth : .pattern(tokens(Array(part)))
            if segment == .anyDepth, segments.last == .anyDepth { continue }
            segments.append(segment)
        }
        return segments
    }

    private static func tokens(_ characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count:
                tokens.append(.literal(characters[index + 1]))
                index += 2
            case "*":
                if tokens.last != .star { tokens.append(.star) }
                index += 1
            case "?":
                tokens.append(.any)
                index += 1
            case "[":
                if let (token, next) = characterSet(characters, from: index) {
                    tokens.append(token)
                    index = next
                } else {
                    tokens.append(.literal("["))
                    index += 1
                }
            default:
                tokens.append(.literal(character))
                index += 1
            }
        }
        return tokens
    }

    /// Parses `[...]` starting at `start`; nil when it is not closed.
    private static func characterSet(_ characters: [Character], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var items: [SetItem] = []
        var first = true
        while index < characters.count {
            var character = characters[index]
            if character == "]" && !first { return (.set(negated: negated, items: items), index + 1) }
            first = false
            if character == "\\", index + 1 < characters.count {
                index += 1
                character = characters[index]
            }
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                var high = characters[index + 2]
                var next = index + 3
                if high == "\\", next < characters.count {
                    high = characters[next]
                    next += 1
                }
                items.append(.range(character, high))
                index = next
            } else {
                items.append(.single(character))
                index += 1
            }
        }
        return nil
    }

    /// Expands `{a,b}` groups (nested, several per pattern) into plain alternatives. A `{` without
    /// a matching `}` or without a top-level comma stays literal.
    static func expandBraces(_ characters: [Character]) -> [String] {
        var index = 0
        while index < characters.count {
            switch characters[index] {
            case "\\":
                index += 2
            case "[":
                index = (characterSet(characters, from: index)?.1 ?? index + 1)
            case "{":
                if let (close, commas) = braceGroup(characters, from: index), !commas.isEmpty {
                    let prefix = characters[..<index]
                    let suffix = characters[(close + 1)...]
                    let bounds = [index] + commas + [close]
                    var results: [String] = []
                    for (low, high) in zip(bounds, bounds.dropFirst()) {
                        results += expandBraces(Array(prefix) + characters[(low + 1)..<high] + suffix)
                    }
                    return results
                }
                index += 1
            default:
                index += 1
            }
        }
        return [String(characters)]
    }

    /// The index of the `}` closing the `{` at `start`, and the indices of its top-level commas.
    private static func braceGroup(_ characters: [Character], from start: Int) -> (Int, [Int])? {
        var depth = 0
        var commas: [Int] = []
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "\\":
                index += 2
                continue
            case "[":
                if let next = characterSet(characters, from: index)?.1 {
                    index = next
                    continue
                }
            case "{":
                depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return (index, commas) }
            case "," where depth == 1:
                commas.append(index)
            default:
                break
            }
            index += 1
        }
        return nil
    }

    // MARK: - Matching

    private static func match(_ pattern: [Segment], _ path: [[Character]]) -> Bool {
        // failed[p * (path.count + 1) + s]: pattern[p...] is known not to match path[s...].
        var failed = [Bool](repeating: false, count: (pattern.count + 1) * (path.count + 1))

        func matchFrom(_ p: Int, _ s: Int) -> Bool {
            if p == pattern.count { return s == path.count }
            let key = p * (path.count + 1) + s
            if failed[key] { return false }
            let result: Bool
            switch pattern[p] {
            case .anyDepth:
                if p == pattern.count - 1 {
                    result = s < path.count  // a trailing `**` needs something below the folder
                } else {
                    result = (s...path.count).contains { matchFrom(p + 1, $0) }
                }
            case let .pattern(tokens):
                result = s < path.count && matchSegment(tokens, path[s]) && matchFrom(p + 1, s + 1)
            }
            if !result { failed[key] = true }
            return result
        }

        return matchFrom(0, 0)
    }

    private static func matchSegment(_ tokens: [Token], _ text: [Character]) -> Bool {
        var t = 0
        var i = 0
        var starToken = -1
        var starText = 0
        while i < text.count {
            if t < tokens.count, tokens[t] == .star {
                starToken = t
                starText = i
                t += 1
            } else if t < tokens.count, tokens[t].matches(text[i]) {
                t += 1
                i += 1
            } else if starToken >= 0 {
                t = starToken + 1
                starText += 1
                i = starText
            } else {
                return false
            }
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }
}
