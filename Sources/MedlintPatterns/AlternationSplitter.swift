/// Splits a pattern that is one alternation (`A|B|C`, or `(?:A|B|C)` as lexicons are written) into
/// its alternatives. A pattern asked only *whether* it matches may then be run as two patterns:
/// the alternatives with leading literals, which the engine tries only where those literals occur,
/// and the few without, which PCRE2 scans for. A 300-phrase testimonial lexicon with one
/// star-rating fragment otherwise has no leading literals at all and runs at every position.
public enum AlternationSplitter {
    /// The top-level alternatives, or nil when the pattern is not an alternation or when splitting
    /// could change what a part means: an option setting such as `(?i)` that reaches later
    /// alternatives, back-references or recursion (group numbers change), `\Q…\E`, or verbs.
    public static func alternatives(of pattern: String) -> [String]? {
        var scalars = Array(pattern.unicodeScalars)
        while let inner = enclosedGroup(scalars) { scalars = inner }
        var parts: [[Unicode.Scalar]] = [[]]
        var depth = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else { return nil }
                let next = scalars[index + 1]
                if "QEgkR".unicodeScalars.contains(next) || ("1"..."9").contains(next) { return nil }
                parts[parts.count - 1] += scalars[index...(index + 1)]
                index += 2
                continue
            case "[":
                guard let end = classEnd(scalars, from: index) else { return nil }
                parts[parts.count - 1] += scalars[index...end]
                index = end + 1
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "*" { return nil }
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    if isOptionSetting(scalars, from: index) { return nil }
                    let kind = index + 2 < scalars.count ? scalars[index + 2] : "?"
                    if "|PR&#0123456789+-(".unicodeScalars.contains(kind), !isOptionGroup(scalars, from: index) { return nil }
                }
                depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return nil }
            case "|" where depth == 0:
                parts.append([])
                index += 1
                continue
            default:
                break
            }
            parts[parts.count - 1].append(scalar)
            index += 1
        }
        guard depth == 0, parts.count > 1 else { return nil }
        return parts.map { part in
            var text = ""
            text.unicodeScalars.append(contentsOf: part)
            return text
        }
    }

    /// The inside of `(?:…)` when that group spans the whole pattern.
    private static func enclosedGroup(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard scalars.count >= 4, scalars[0] == "(", scalars[1] == "?", scalars[2] == ":", scalars.last == ")" else { return nil }
        var depth = 0
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
                continue
            case "[":
                guard let end = classEnd(scalars, from: index) else { return nil }
                index = end + 1
                continue
            case "(":
                depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index == scalars.count - 1 ? Array(scalars[3..<index]) : nil }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// The index of the `]` that closes the class opened at `start` (a `]` first in the class is
    /// a literal, as are escaped ones; `[:alpha:]` inside is skipped whole).
    private static func classEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index += 2
                continue
            case "[" where index + 1 < scalars.count && scalars[index + 1] == ":":
                var close = index + 2
                while close + 1 < scalars.count, !(scalars[close] == ":" && scalars[close + 1] == "]") { close += 1 }
                guard close + 1 < scalars.count else { return nil }
                index = close + 2
                continue
            case "]":
                return index
            default:
                index += 1
            }
        }
        return nil
    }

    /// `(?i)`, `(?-x)`, `(?^)`: options that hold until the end of the enclosing group.
    private static func isOptionSetting(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start + 2
        while index < scalars.count, isOptionLetter(scalars[index]) { index += 1 }
        return index > start + 2 && index < scalars.count && scalars[index] == ")"
    }

    /// `(?i:…)`, `(?-i:…)`: options scoped to their own group, harmless to split around.
    private static func isOptionGroup(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start + 2
        while index < scalars.count, isOptionLetter(scalars[index]) { index += 1 }
        return index > start + 2 && index < scalars.count && scalars[index] == ":"
    }

    private static func isOptionLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "-" || scalar == "^"
    }
}
