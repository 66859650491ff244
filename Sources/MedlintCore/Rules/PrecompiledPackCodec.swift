import MedlintPatterns

/// The text form of the precompiled rule pack that the build plugin writes into the binary: one
/// string of fields separated by U+001F, with counts before lists. A single string literal
/// compiles in moments, where the same data as Swift array literals took minutes to optimise,
/// and it decodes in about a millisecond.
public enum PrecompiledPackCodec {
    static let separator: Character = "\u{1F}"

    public static func encode(_ rules: [PrecompiledRule]) -> String {
        var tokens: [String] = [String(rules.count)]
        func list(_ items: [String]) {
            tokens.append(String(items.count))
            tokens += items
        }
        for rule in rules {
            tokens += [rule.id, rule.title, rule.level, rule.category, rule.message, rule.rationale]
            tokens.append(String(rule.references.count))
            for reference in rule.references { list(reference) }
            tokens += [rule.suggestion]
            list(rule.tags)
            tokens += [rule.precision, rule.origin, rule.kind]
            list(rule.scope)
            list(rule.supersedes)
            tokens.append(rule.within)
            tokens.append(String(rule.patternGroups.count))
            for group in rule.patternGroups {
                tokens.append(String(group.count))
                for spec in group {
                    tokens.append(spec.source)
                    for literals in [spec.literals.required, spec.literals.leading] {
                        if let literals { list(literals) } else { tokens.append("-") }
                    }
                }
            }
            for examples in [rule.flagExamples, rule.passExamples] {
                tokens.append(String(examples.count))
                for example in examples { tokens += [example.0, String(example.1)] }
            }
        }
        return tokens.joined(separator: String(separator))
    }

    /// Decodes what `encode` wrote; nil if the text is malformed (the build wrote it, so never).
    public static func decode(_ text: String) -> [PrecompiledRule]? {
        var reader = Reader(tokens: text.utf8.split(separator: 0x1F, omittingEmptySubsequences: false))
        guard let count = reader.int() else { return nil }
        var rules: [PrecompiledRule] = []
        rules.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = reader.string(), let title = reader.string(), let level = reader.string(), let category = reader.string(),
                  let message = reader.string(), let rationale = reader.string(), let referenceCount = reader.int() else { return nil }
            var references: [[String]] = []
            for _ in 0..<referenceCount {
                guard let reference = reader.list() else { return nil }
                references.append(reference)
            }
            guard let suggestion = reader.string(), let tags = reader.list(), let precision = reader.string(), let origin = reader.string(),
                  let kind = reader.string(), let scope = reader.list(), let supersedes = reader.list(), let within = reader.string(),
                  let groupCount = reader.int() else { return nil }
            var groups: [[PrecompiledRule.PatternSpec]] = []
            for _ in 0..<groupCount {
                guard let specCount = reader.int() else { return nil }
                var group: [PrecompiledRule.PatternSpec] = []
                for _ in 0..<specCount {
                    guard let source = reader.string(), let required = reader.optionalList(),
                          let leading = reader.optionalList() else { return nil }
                    group.append(.init(source, .init(required: required, leading: leading)))
                }
                groups.append(group)
            }
            var examples: [[(String, Int)]] = []
            for _ in 0..<2 {
                guard let exampleCount = reader.int() else { return nil }
                var list: [(String, Int)] = []
                for _ in 0..<exampleCount {
                    guard let text = reader.string(), let line = reader.int() else { return nil }
                    list.append((text, line))
                }
                examples.append(list)
            }
            rules.append(PrecompiledRule(
                id: id, title: title, level: level, category: category, message: message, rationale: rationale,
                references: references, suggestion: suggestion, tags: tags, precision: precision, origin: origin,
                kind: kind, scope: scope, supersedes: supersedes, within: within, patternGroups: groups,
                flagExamples: examples[0], passExamples: examples[1]
            ))
        }
        return reader.atEnd ? rules : nil
    }

    private struct Reader {
        let tokens: [Substring.UTF8View]
        var index = 0

        var atEnd: Bool { index == tokens.count }

        /// A list, or "-" for none (nil inside: read; nil outside: malformed).
        mutating func optionalList() -> [String]?? {
            guard index < tokens.count else { return nil }
            if tokens[index].elementsEqual("-".utf8) {
                index += 1
                return .some(nil)
            }
            return list().map { .some($0) }
        }

        mutating func string() -> String? {
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return String(Substring(tokens[index]))
        }

        mutating func int() -> Int? { string().flatMap { Int($0) } }

        mutating func list() -> [String]? {
            guard let count = int(), count >= 0, index + count <= tokens.count else { return nil }
            defer { index += count }
            return tokens[index..<(index + count)].map { String(Substring($0)) }
        }
    }
}
