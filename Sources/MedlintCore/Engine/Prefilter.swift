import MedlintPatterns

/// Decides cheaply where each pattern can match, so PCRE2 runs only there. Every pattern's
/// required literals and leading literals (see `LiteralExtractor`) go into one
/// `MultiLiteralMatcher`, which reads each segment once. A pattern whose required literals do
/// not occur cannot match; a pattern with leading literals is tried, anchored, only where one of
/// them occurs; a pattern with neither runs everywhere. Built once per process, shared by workers.
struct Prefilter: Sendable {
    /// Every distinct pattern of the rules, in first-seen order.
    let patterns: [Pattern]
    /// Index in `patterns`, by `ObjectIdentifier` of the pattern.
    let indexOf: [ObjectIdentifier: Int]
    let hasRequired: [Bool]
    let hasLeading: [Bool]
    private let matcher: MultiLiteralMatcher
    /// For each literal, the patterns that require it.
    private let requiredBy: [[Int32]]
    /// For each literal, the patterns it leads.
    private let leads: [[Int32]]
    /// Patterns with no required literal, as a bit set: they are possible in every segment.
    private let alwaysPossible: [UInt64]

    init(patterns all: [Pattern]) {
        var patterns: [Pattern] = []
        var indexOf: [ObjectIdentifier: Int] = [:]
        for pattern in all where indexOf[ObjectIdentifier(pattern)] == nil {
            indexOf[ObjectIdentifier(pattern)] = patterns.count
            patterns.append(pattern)
        }
        var literals: [String] = []
        var requiredBy: [[Int32]] = []
        var leads: [[Int32]] = []
        var always = [UInt64](repeating: 0, count: (patterns.count + 63) / 64)
        if let table = patterns.first?.literalIDs?.table, patterns.allSatisfy({ $0.literalIDs?.table === table }) {
            // All from one precompiled pack: its literals are already numbered.
            literals = table.strings
            requiredBy = Array(repeating: [], count: literals.count)
            leads = Array(repeating: [], count: literals.count)
            for (number, pattern) in patterns.enumerated() {
                let ids = pattern.literalIDs!
                if let required = ids.required {
                    for literal in required { requiredBy[Int(literal)].append(Int32(number)) }
                } else {
                    always[number / 64] |= 1 << UInt64(number % 64)
                }
                for literal in ids.leading ?? [] { leads[Int(literal)].append(Int32(number)) }
            }
        } else {
            var literalIndex: [String: Int] = [:]
            func index(of literal: String) -> Int {
                if let known = literalIndex[literal] { return known }
                literalIndex[literal] = literals.count
                literals.append(literal)
                requiredBy.append([])
                leads.append([])
                return literals.count - 1
            }
            for (number, pattern) in patterns.enumerated() {
                if let required = pattern.requiredLiterals {
                    for literal in required { requiredBy[index(of: literal)].append(Int32(number)) }
                } else {
                    always[number / 64] |= 1 << UInt64(number % 64)
                }
                for literal in pattern.leadingLiterals ?? [] { leads[index(of: literal)].append(Int32(number)) }
            }
        }
        self.patterns = patterns
        self.indexOf = indexOf
        hasRequired = patterns.map { $0.requiredLiterals != nil }
        hasLeading = patterns.map { $0.leadingLiterals != nil }
        self.requiredBy = requiredBy
        self.leads = leads
        alwaysPossible = always
        matcher = MultiLiteralMatcher(literals: literals)
    }

    /// Where the literals of every pattern occur in one segment's text.
    func scan(_ text: [UInt8]) -> SegmentHits {
        var possible = alwaysPossible
        var starts: [UInt64] = []
        var required: [UInt64] = []
        text.withUnsafeBufferPointer { buffer in
            matcher.forEachMatch(in: buffer) { literal, start in
                let offset = UInt64(UInt32(truncatingIfNeeded: start))
                for pattern in requiredBy[literal] {
                    possible[Int(pattern) / 64] |= 1 << UInt64(pattern % 64)
                    required.append(UInt64(UInt32(pattern)) << 32 | offset)
                }
                for pattern in leads[literal] { starts.append(UInt64(UInt32(pattern)) << 32 | offset) }
            }
        }
        return SegmentHits(possible: possible, starts: PatternOffsets(starts), required: PatternOffsets(required))
    }
}
