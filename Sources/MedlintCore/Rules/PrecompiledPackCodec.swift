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
            var reader = Reader(bytes)
            return literalTable(&reader)
        }
    }

    private static func literalTable(_ reader: inout Reader) -> LiteralTable? {
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
            var reader = Reader(bytes)
            return decode(&reader, code: code, literals: literals)
        }
    }

    private static func decode(_ reader: inout Reader, code: PrecompiledCodeTable?, literals: LiteralTable?)
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

    /// Reads the tokens in place, each becoming a String straight from the bytes (the pack has
    /// some 44,000 tokens, and start-up time counts).
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where the next token starts; `bytes.count + 1` once the last one has been read.
        var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { position > bytes.count }

        /// The next token, without moving past it.
        private func peek() -> UnsafeBufferPointer<UInt8>? {
            guard position <= bytes.count, let base = bytes.baseAddress else { return nil }
            let remaining = bytes.count - position
            let end = memchr(base + position, 0x1F, remaining).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            return UnsafeBufferPointer(rebasing: bytes[position..<end])
        }

        /// Moves past `length` bytes that end a token; false if they do not.
        mutating func skip(_ length: Int) -> Bool {
            let end = position + length
            guard length > 0, end <= bytes.count, bytes[end - 1] == 0x1F else { return false }
            position = end
            return true
        }

        mutating func token() -> UnsafeBufferPointer<UInt8>? {
            guard let token = peek() else { return nil }
            position += token.count + 1
            return token
        }

        /// A list of numbers below `limit`, or "-" for none (nil inside: read; nil outside: malformed).
        mutating func optionalNumbers(below limit: Int) -> [Int32]?? {
            guard let current = peek() else { return nil }
            if current.count == 1, current[0] == UInt8(ascii: "-") {
                position += 2
                return .some(nil)
            }
            guard let count = int(), count <= bytes.count else { return nil }
            var numbers: [Int32] = []
            numbers.reserveCapacity(count)
            for _ in 0..<count {
                guard let number = int(), number < limit else { return nil }
                numbers.append(Int32(number))
            }
            return .some(numbers)
        }

        mutating func string() -> String? {
            token().map { String(decoding: $0, as: UTF8.self) }
        }

        /// A token of 1 to 9 decimal digits (read in place: the pack has some 25,000 of them).
        mutating func int() -> Int? {
            var value = 0
            var offset = position
            while offset < bytes.count, bytes[offset] != 0x1F {
                let digit = bytes[offset]
                guard digit >= 0x30, digit <= 0x39, offset - position < 9 else { return nil }
                value = value * 10 + Int(digit - 0x30)
                offset += 1
            }
            guard offset > position, offset <= bytes.count else { return nil }
            position = offset + 1
            return value
        }

        /// The next `count` tokens back to back, with the offset where each starts (and one past
        /// the end), in one pass: the literal table's 17,000 tokens.
        mutating func tokensJoined(_ count: Int) -> (bytes: [UInt8], starts: [Int32])? {
            guard count <= bytes.count else { return nil }
            var starts = [Int32](repeating: 0, count: count + 1)
            var complete = true
            let start = position
            let joined = [UInt8](unsafeUninitializedCapacity: bytes.count - min(start, bytes.count)) { out, written in
                written = 0
                var offset = start
                for index in 0..<count {
                    guard offset <= bytes.count else {
                        complete = false
                        return
                    }
                    while offset < bytes.count, bytes[offset] != 0x1F {
                        out[written] = bytes[offset]
                        written += 1
                        offset += 1
                    }
                    starts[index + 1] = Int32(written)
                    offset += 1
                }
                position = offset
            }
            return complete ? (joined, starts) : nil
        }

        mutating func list() -> [String]? {
            guard let count = int(), count <= bytes.count else { return nil }
            var items: [String] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = string() else { return nil }
                items.append(item)
            }
            return items
        }
    }
}
