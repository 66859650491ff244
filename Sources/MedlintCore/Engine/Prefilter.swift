import MedlintPatterns

/// Decides cheaply where each pattern can match, so PCRE2 runs only there. Every pattern's
/// required literals and leading literals (see `LiteralExtractor`) go into one
/// `MultiLiteralMatcher`, which reads each segment once. A pattern whose required literals do
/// not occur cannot match; a pattern with leading literals is tried, anchored, only where one of
/// them occurs; a pattern with neither runs everywhere. Built once per process, shared by workers.
final class Prefilter: Sendable {
    /// Every distinct pattern of the rules, in first-seen order.
    let patterns: [Pattern]
    /// Index in `patterns`, by `ObjectIdentifier` of the pattern.
    let indexOf: [ObjectIdentifier: Int]
    let hasRequired: [Bool]
    let hasLeading: [Bool]
    private let matcher: MultiLiteralMatcher
    /// For each literal, the patterns that require it: `requiredList[requiredStart[l]..<requiredStart[l + 1]]`.
    private let requiredStart: [Int32]
    private let requiredList: [Int32]
    /// For each literal, the patterns it leads, laid out the same way.
    private let leadsStart: [Int32]
    private let leadsList: [Int32]
    /// Patterns with no required literal, as a bit set: they are possible in every segment.
    private let alwaysPossible: [UInt64]

    init(patterns all: [Pattern]) {
        let (patterns, indexOf) = Self.distinct(all)
        var always = [UInt64](repeating: 0, count: (patterns.count + 63) / 64)
        let table: LiteralTable
        var requiredIDs: [[Int32]?] = []
        var leadingIDs: [[Int32]?] = []
        requiredIDs.reserveCapacity(patterns.count)
        leadingIDs.reserveCapacity(patterns.count)
        if let shared = patterns.first?.literalIDs?.table, patterns.allSatisfy({ $0.literalIDs?.table === shared }) {
            // All from one precompiled pack: its literals are already numbered.
            table = shared
            for pattern in patterns {
                requiredIDs.append(pattern.literalIDs!.required)
                leadingIDs.append(pattern.literalIDs!.leading)
            }
        } else {
            // Custom rules beside a pack keep the pack's literal numbers; only their own literals
            // are numbered here, after the pack's (a literal in both is simply found twice).
            let pack = patterns.lazy.compactMap { $0.literalIDs?.table }.first
            let base = Int32(pack?.count ?? 0)
            var literals: [String] = []
            var literalIndex: [String: Int32] = [:]
            func numbers(_ strings: [String]?) -> [Int32]? {
                strings?.map { literal in
                    if let known = literalIndex[literal] { return known }
                    literalIndex[literal] = base + Int32(literals.count)
                    literals.append(literal)
                    return base + Int32(literals.count - 1)
                }
            }
            for pattern in patterns {
                if let ids = pattern.literalIDs, ids.table === pack {
                    requiredIDs.append(ids.required)
                    leadingIDs.append(ids.leading)
                } else {
                    requiredIDs.append(numbers(pattern.requiredLiterals))
                    leadingIDs.append(numbers(pattern.leadingLiterals))
                }
            }
            table = pack.map { LiteralTable(appending: literals, to: $0) } ?? LiteralTable(literals)
        }
        for (number, ids) in requiredIDs.enumerated() where ids == nil { always[number / 64] |= 1 << UInt64(number % 64) }
        self.patterns = patterns
        self.indexOf = indexOf
        hasRequired = requiredIDs.map { $0 != nil }
        hasLeading = leadingIDs.map { $0 != nil }
        (requiredStart, requiredList) = Self.byLiteral(requiredIDs, literalCount: table.count)
        (leadsStart, leadsList) = Self.byLiteral(leadingIDs, literalCount: table.count)
        alwaysPossible = always
        matcher = MatcherCache.shared.matcher(for: table)
    }

    private static func distinct(_ all: [Pattern]) -> ([Pattern], [ObjectIdentifier: Int]) {
        var patterns: [Pattern] = []
        var indexOf: [ObjectIdentifier: Int] = [:]
        for pattern in all where indexOf[ObjectIdentifier(pattern)] == nil {
            indexOf[ObjectIdentifier(pattern)] = patterns.count
            patterns.append(pattern)
        }
        return (patterns, indexOf)
    }

    /// Pattern-to-literals lists turned around into literal-to-patterns lists, flattened
    /// (a counting sort: patterns stay in ascending order within each literal's list). Filled
    /// from the back, so the list ends become the list starts without a second table.
    private static func byLiteral(_ literalsOfPattern: [[Int32]?], literalCount: Int) -> (starts: [Int32], list: [Int32]) {
        var starts = [Int32](repeating: 0, count: literalCount + 1)
        for literals in literalsOfPattern {
            for literal in literals ?? [] { starts[Int(literal) + 1] += 1 }
        }
        for index in 0..<literalCount { starts[index + 1] += starts[index] }
        var list = [Int32](repeating: 0, count: Int(starts[literalCount]))
        starts.withUnsafeMutableBufferPointer { starts in
        list.withUnsafeMutableBufferPointer { list in
            for pattern in literalsOfPattern.indices.reversed() {
                for literal in (literalsOfPattern[pattern] ?? []).reversed() {
                    starts[Int(literal) + 1] -= 1
                    list[Int(starts[Int(literal) + 1])] = Int32(pattern)
                }
            }
        }
        }
        // Each literal's end moved down to its start, one place to the right: shift back.
        for index in 0..<literalCount { starts[index] = starts[index + 1] }
        starts[literalCount] = Int32(list.count)
        return (starts, list)
    }

    /// Where the literals of every pattern occur in one segment's text.
    func scan(_ text: [UInt8]) -> SegmentHits {
        var possible = alwaysPossible
        var starts: [UInt64] = []
        var required: [UInt64] = []
        text.withUnsafeBufferPointer { buffer in
        requiredStart.withUnsafeBufferPointer { requiredStart in
        requiredList.withUnsafeBufferPointer { requiredList in
        leadsStart.withUnsafeBufferPointer { leadsStart in
        leadsList.withUnsafeBufferPointer { leadsList in
            matcher.forEachMatch(in: buffer) { literal, start in
                let offset = UInt64(UInt32(truncatingIfNeeded: start))
                for position in Int(requiredStart[literal])..<Int(requiredStart[literal + 1]) {
                    let pattern = requiredList[position]
                    possible[Int(pattern) / 64] |= 1 << UInt64(pattern % 64)
                    required.append(UInt64(UInt32(pattern)) << 32 | offset)
                }
                for position in Int(leadsStart[literal])..<Int(leadsStart[literal + 1]) {
                    starts.append(UInt64(UInt32(leadsList[position])) << 32 | offset)
                }
            }
        }
        }
        }
        }
        }
        return SegmentHits(possible: possible, starts: PatternOffsets(starts), required: PatternOffsets(required))
    }
}
