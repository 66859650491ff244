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
        (requiredStart, requiredList) = Self.flattened(requiredBy)
        (leadsStart, leadsList) = Self.flattened(leads)
        alwaysPossible = always
        matcher = MultiLiteralMatcher(literals: literals)
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

    private static func flattened(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var flat: [Int32] = []
        for list in lists {
            flat += list
            starts.append(Int32(flat.count))
        }
        return (starts, flat)
    }

    // MARK: - Built ahead of time

    /// Bumped whenever the layout below changes.
    fileprivate static let formatVersion = 1

    /// The prefilter's tables as bytes. The build stores them for the built-in pack, so a run
    /// reads them instead of building the automaton over the pack's literals (5 ms per run).
    func serialized() -> [UInt8] {
        var writer = BinaryWriter()
        writer.append(Self.formatVersion)
        writer.append(patterns.count)
        writer.append([Self.fingerprint(of: patterns)])
        writer.append(hasRequired.map { $0 ? 1 : 0 as UInt8 })
        writer.append(hasLeading.map { $0 ? 1 : 0 as UInt8 })
        writer.append(requiredStart)
        writer.append(requiredList)
        writer.append(leadsStart)
        writer.append(leadsList)
        writer.append(alwaysPossible)
        matcher.serialized(into: &writer)
        return writer.bytes
    }

    /// The pattern-independent part of `serialized()`, decoded and checked. Decoding it is most of
    /// the cost of reading the tables, and it needs no patterns, so a run does it on its own
    /// thread while the rule pack is decoded on another.
    struct Tables: @unchecked Sendable {
        let patternCount: Int
        let fingerprint: UInt64
        let required: [UInt8]
        let leading: [UInt8]
        let requiredStart: [Int32]
        let requiredList: [Int32]
        let leadsStart: [Int32]
        let leadsList: [Int32]
        let always: [UInt64]
        let matcher: MultiLiteralMatcher

        init?(_ bytes: [UInt8]) {
            let decoded: Tables? = bytes.withUnsafeBytes { raw in
                var reader = BinaryReader(raw)
                guard reader.int() == Prefilter.formatVersion, let patternCount = reader.int(),
                      let fingerprint = reader.array(of: UInt64.self), fingerprint.count == 1,
                      let required = reader.array(of: UInt8.self), let leading = reader.array(of: UInt8.self),
                      let requiredStart = reader.array(of: Int32.self), let requiredList = reader.array(of: Int32.self),
                      let leadsStart = reader.array(of: Int32.self), let leadsList = reader.array(of: Int32.self),
                      let always = reader.array(of: UInt64.self),
                      let matcher = MultiLiteralMatcher(reading: &reader), reader.atEnd,
                      required.count == patternCount, leading.count == patternCount,
                      always.count == (patternCount + 63) / 64,
                      Prefilter.isValid(requiredStart, requiredList, literals: matcher.literalCount, patterns: patternCount),
                      Prefilter.isValid(leadsStart, leadsList, literals: matcher.literalCount, patterns: patternCount)
                else { return nil }
                return Tables(patternCount: patternCount, fingerprint: fingerprint[0], required: required, leading: leading,
                              requiredStart: requiredStart, requiredList: requiredList, leadsStart: leadsStart,
                              leadsList: leadsList, always: always, matcher: matcher)
            }
            guard let decoded else { return nil }
            self = decoded
        }

        private init(patternCount: Int, fingerprint: UInt64, required: [UInt8], leading: [UInt8], requiredStart: [Int32],
                     requiredList: [Int32], leadsStart: [Int32], leadsList: [Int32], always: [UInt64], matcher: MultiLiteralMatcher) {
            self.patternCount = patternCount
            self.fingerprint = fingerprint
            self.required = required
            self.leading = leading
            self.requiredStart = requiredStart
            self.requiredList = requiredList
            self.leadsStart = leadsStart
            self.leadsList = leadsList
            self.always = always
            self.matcher = matcher
        }
    }

    /// Reads `serialized()` for the same patterns in the same order; nil when the bytes were made
    /// for other patterns or are damaged (the caller then builds the prefilter).
    convenience init?(serialized bytes: [UInt8], patterns all: [Pattern]) {
        guard let tables = Tables(bytes) else { return nil }
        self.init(tables: tables, patterns: all)
    }

    /// A prefilter from tables decoded ahead, if they were made for exactly these patterns.
    init?(tables: Tables, patterns all: [Pattern]) {
        let (patterns, indexOf) = Self.distinct(all)
        guard tables.patternCount == patterns.count, tables.fingerprint == Self.fingerprint(of: patterns) else { return nil }
        self.patterns = patterns
        self.indexOf = indexOf
        hasRequired = tables.required.map { $0 != 0 }
        hasLeading = tables.leading.map { $0 != 0 }
        matcher = tables.matcher
        requiredStart = tables.requiredStart
        requiredList = tables.requiredList
        leadsStart = tables.leadsStart
        leadsList = tables.leadsList
        alwaysPossible = tables.always
    }

    fileprivate static func isValid(_ starts: [Int32], _ list: [Int32], literals: Int, patterns: Int) -> Bool {
        starts.count == literals + 1 && starts.first == 0 && Int(starts.last!) == list.count
            && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
            && list.allSatisfy { $0 >= 0 && Int($0) < patterns }
    }

    /// A summary of the patterns' shapes, in order: tables built for other patterns are not used.
    /// (The built-in pack and its tables are generated together into one file, so this guards
    /// against a mix-up, not against a deliberate forgery; and it must cost nothing at start-up.)
    private static func fingerprint(of patterns: [Pattern]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ value: Int) { hash = (hash ^ UInt64(truncatingIfNeeded: value)) &* 0x100_0000_01b3 }
        for pattern in patterns {
            add(pattern.source.utf8.count)
            add(Int(pattern.options.rawValue))
            add(pattern.literalIDs?.required?.count ?? pattern.requiredLiterals?.count ?? -1)
            add(pattern.literalIDs?.leading?.count ?? pattern.leadingLiterals?.count ?? -1)
        }
        return hash
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
