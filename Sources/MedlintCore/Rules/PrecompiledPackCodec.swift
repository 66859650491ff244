import Foundation
import MedlintPatterns

/// The text form of the precompiled rule pack that the build plugin writes into the binary: one
/// string of fields separated by U+001F, with counts before lists. A single string literal
/// compiles in moments, where the same data as Swift array literals took minutes to optimise,
/// and it decodes in about a millisecond.
public enum PrecompiledPackCodec {
    static let separator: Character = "\u{1F}"

    public static func encode(_ rules: [PrecompiledRule]) -> String {
        // The literal table first; patterns then give literal numbers.
        var tableIndex: [String: Int] = [:]
        var table: [String] = []
        for rule in rules {
            for group in rule.patternGroups {
                for spec in group {
                    for literal in (spec.literals.required ?? []) + (spec.literals.leading ?? []) where tableIndex[literal] == nil {
                        tableIndex[literal] = table.count
                        table.append(literal)
                    }
                }
            }
        }
        // In the order of their folded bytes without boundary marks, the order in which
        // `MultiLiteralMatcher` lays its trie down, so its sort at start-up finds them sorted.
        func key(_ literal: String) -> [UInt8] { literal.utf8.filter { $0 != 1 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 } }
        table.sort { a, b in
            let (left, right) = (key(a), key(b))
            return left != right ? left.lexicographicallyPrecedes(right) : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        for (index, literal) in table.enumerated() { tableIndex[literal] = index }
        // The literal section's length in bytes lets a reader that already has the table skip it.
        let sectionLength = table.reduce(0) { $0 + $1.utf8.count + 1 }
        var tokens: [String] = [String(table.count), String(sectionLength)] + table
        func list(_ items: [String]) {
            tokens.append(String(items.count))
            tokens += items
        }
        // Then each distinct pattern once (rules share lexicon patterns); rules give pattern numbers.
        var patternIndex: [String: Int] = [:]
        var patternTokens: [String] = []
        for rule in rules {
            for group in rule.patternGroups {
                for spec in group where patternIndex[spec.source] == nil {
                    patternIndex[spec.source] = patternIndex.count
                    patternTokens.append(spec.source)
                    for literals in [spec.literals.required, spec.literals.leading] {
                        if let literals {
                            patternTokens.append(String(literals.count))
                            patternTokens += literals.map { String(tableIndex[$0]!) }
                        } else {
                            patternTokens.append("-")
                        }
                    }
                }
            }
        }
        tokens.append(String(patternIndex.count))
        tokens += patternTokens
        tokens.append(String(rules.count))
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
                for spec in group { tokens.append(String(patternIndex[spec.source]!)) }
            }
            for examples in [rule.flagExamples, rule.passExamples] {
                tokens.append(String(examples.count))
                for example in examples { tokens += [example.0, String(example.1)] }
            }
        }
        return tokens.joined(separator: String(separator))
    }

    /// Decodes what `encode` wrote; nil if the text is malformed (the build wrote it, so never).
    /// `code` may give the patterns' compiled code (`encodeCode`), read when each is first used;
    /// `literals` may give the pack's literal table, already read by `decodeLiteralTable`.
    public static func decode(_ text: String, code: PrecompiledCodeTable? = nil, literals: LiteralTable? = nil) -> [PrecompiledRule]? {
        decodeWithPatterns(text, code: code, literals: literals)?.rules
    }

    /// Only the pack's literal table, the first section: what the prefilter's automaton is built
    /// from, so a second core can start on it while another decodes the rest.
    public static func decodeLiteralTable(_ text: String) -> LiteralTable? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = PackTokenReader(bytes)
            return literalTable(&reader)
        }
    }

    private static func literalTable(_ reader: inout PackTokenReader) -> LiteralTable? {
        guard let count = reader.int(), let length = reader.int() else { return nil }
        let start = reader.position
        guard let (bytes, starts) = reader.tokensJoined(count), reader.position - start == length else { return nil }
        return LiteralTable(utf8: bytes, starts: starts)
    }

    /// The compiled code of every pattern of the pack `encode` wrote (see `PrecompiledCodeTable`).
    public static func encodeCode(pack: String) -> String? {
        decodeWithPatterns(pack, code: nil, literals: nil).map { PrecompiledCodeTable.encode($0.patterns.map { $0.pattern! }) }
    }

    private static func decodeWithPatterns(_ text: String, code: PrecompiledCodeTable?, literals: LiteralTable?)
        -> (rules: [PrecompiledRule], patterns: [PrecompiledRule.PatternSpec])? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = PackTokenReader(bytes)
            return decode(&reader, code: code, literals: literals)
        }
    }

    private static func decode(_ reader: inout PackTokenReader, code: PrecompiledCodeTable?, literals: LiteralTable?)
        -> (rules: [PrecompiledRule], patterns: [PrecompiledRule.PatternSpec])? {
        // The literals stay bytes (see `LiteralTable`): the prefilter is built from them directly.
        let table: LiteralTable
        var skipping = reader
        if let literals, skipping.int() == literals.count, let length = skipping.int(), skipping.skip(length) {
            table = literals
            reader = skipping
        } else {
            guard let decoded = literalTable(&reader) else { return nil }
            table = decoded
        }
        let tableCount = table.count
        guard let patternCount = reader.int() else { return nil }
        var specs: [PrecompiledRule.PatternSpec] = []
        specs.reserveCapacity(patternCount)
        // Code made for another pack is not used.
        let code = code?.count == patternCount ? code : nil
        for index in 0..<patternCount {
            guard let source = reader.string(), let required = reader.optionalNumbers(below: tableCount),
                  let leading = reader.optionalNumbers(below: tableCount) else { return nil }
            let ids = LiteralIDs(table: table, required: required, leading: leading)
            specs.append(.init(decoded: Pattern(lazy: source, literalIDs: ids, precompiled: code?.code(forPattern: index))))
        }
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
                    guard let number = reader.int(), number < specs.count else { return nil }
                    group.append(specs[number])
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
        return reader.atEnd ? (rules, specs) : nil
    }
}
