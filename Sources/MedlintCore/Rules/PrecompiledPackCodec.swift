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
        var tokens: [String] = [String(table.count)] + table
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

    /// The prefilter tables (automaton and literal-to-pattern lists) for the pack that `encode`
    /// wrote as `pack`, as base64. They are built from the decoded pack, so they number patterns
    /// exactly as a run that decodes the same pack does.
    public static func encodePrefilterTables(pack: String) -> String? {
        guard let rules = decode(pack)?.map(\.rule) else { return nil }
        return Data(Prefilter(patterns: LintPlan.patterns(of: rules)).serialized()).base64EncodedString()
    }

    /// The bytes of `encodePrefilterTables`, or nil if the text is not base64 (decoded in one
    /// pass straight from the literal: it is about 2.5 MB and read at every start).
    public static func decodePrefilterTables(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { Base64.decode($0) }
    }

    /// Decodes what `encode` wrote; nil if the text is malformed (the build wrote it, so never).
    public static func decode(_ text: String) -> [PrecompiledRule]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes)
            return decode(&reader)
        }
    }

    private static func decode(_ reader: inout Reader) -> [PrecompiledRule]? {
        guard let tableCount = reader.int() else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(tableCount)
        for _ in 0..<tableCount {
            guard let literal = reader.string() else { return nil }
            strings.append(literal)
        }
        let table = LiteralTable(strings)
        guard let patternCount = reader.int() else { return nil }
        var specs: [PrecompiledRule.PatternSpec] = []
        specs.reserveCapacity(patternCount)
        for _ in 0..<patternCount {
            guard let source = reader.string(), let required = reader.optionalNumbers(below: tableCount),
                  let leading = reader.optionalNumbers(below: tableCount) else { return nil }
            let literals = LiteralExtractor.Literals(
                required: required.map { $0.map { strings[Int($0)] } }, leading: leading.map { $0.map { strings[Int($0)] } }
            )
            let ids = LiteralIDs(table: table, required: required, leading: leading)
            specs.append(.init(source, literals, pattern: Pattern(lazy: source, literals: literals, literalIDs: ids)))
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
        return reader.atEnd ? rules : nil
    }

    /// Reads the tokens in place: one pass finds the separators, and each token becomes a
    /// String straight from the bytes (the pack has some 100,000 tokens; start-up time counts).
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Start offset of each token, plus one past the end of the last.
        let starts: [Int]
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var starts = [0]
            for offset in 0..<bytes.count where bytes[offset] == 0x1F { starts.append(offset + 1) }
            starts.append(bytes.count + 1)
            self.starts = starts
        }

        var tokenCount: Int { starts.count - 1 }
        var atEnd: Bool { index == tokenCount }

        private func token(_ number: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[number]..<(starts[number + 1] - 1)])
        }

        /// A list of numbers below `limit`, or "-" for none (nil inside: read; nil outside: malformed).
        mutating func optionalNumbers(below limit: Int) -> [Int32]?? {
            guard index < tokenCount else { return nil }
            let current = token(index)
            if current.count == 1, current[0] == UInt8(ascii: "-") {
                index += 1
                return .some(nil)
            }
            guard let count = int(), index + count <= tokenCount else { return nil }
            var numbers: [Int32] = []
            numbers.reserveCapacity(count)
            for _ in 0..<count {
                guard let number = int(), number < limit else { return nil }
                numbers.append(Int32(number))
            }
            return .some(numbers)
        }

        mutating func string() -> String? {
            guard index < tokenCount else { return nil }
            defer { index += 1 }
            return String(decoding: token(index), as: UTF8.self)
        }

        mutating func int() -> Int? {
            guard index < tokenCount else { return nil }
            let digits = token(index)
            guard !digits.isEmpty, digits.count < 10 else { return nil }
            var value = 0
            for digit in digits {
                guard digit >= 0x30, digit <= 0x39 else { return nil }
                value = value * 10 + Int(digit - 0x30)
            }
            index += 1
            return value
        }

        mutating func list() -> [String]? {
            guard let count = int(), index + count <= tokenCount else { return nil }
            defer { index += count }
            return (index..<(index + count)).map { String(decoding: token($0), as: UTF8.self) }
        }
    }
}
