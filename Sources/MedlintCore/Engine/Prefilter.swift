import MedlintPatterns

/// Decides cheaply which sentences a pattern can possibly match: every pattern's required
/// literals (see `LiteralExtractor`) go into one `MultiLiteralMatcher`, which reads each segment
/// once. A pattern with no required literal runs everywhere. Rules whose words never occur
/// cost one automaton pass, shared by all rules.
struct Prefilter: Sendable {
    /// Slot of each prefiltered pattern, by `ObjectIdentifier` of the pattern; absent means "always run".
    let slotOf: [ObjectIdentifier: Int]
    private let matcher: MultiLiteralMatcher
    /// For each literal, the slots that require it.
    private let slotsOfLiteral: [[Int]]

    init(patterns: [Pattern]) {
        var slotOf: [ObjectIdentifier: Int] = [:]
        var literalIndex: [String: Int] = [:]
        var literals: [String] = []
        var slotsOfLiteral: [[Int]] = []
        for pattern in patterns {
            let id = ObjectIdentifier(pattern)
            guard slotOf[id] == nil, let required = pattern.requiredLiterals else { continue }
            let slot = slotOf.count
            slotOf[id] = slot
            for literal in required {
                if let index = literalIndex[literal] {
                    slotsOfLiteral[index].append(slot)
                } else {
                    literalIndex[literal] = literals.count
                    literals.append(literal)
                    slotsOfLiteral.append([slot])
                }
            }
        }
        self.slotOf = slotOf
        self.slotsOfLiteral = slotsOfLiteral
        matcher = MultiLiteralMatcher(literals: literals)
    }

    /// Where the literals of each slot occur in one segment, by sentence.
    struct Hits {
        /// (slot, sentence index) pairs, sorted and unique.
        var pairs: [(slot: Int, sentence: Int)]

        func sentences(ofSlot slot: Int) -> [Int] {
            var low = 0
            var high = pairs.count
            while low < high {
                let mid = (low + high) / 2
                if pairs[mid].slot < slot { low = mid + 1 } else { high = mid }
            }
            var result: [Int] = []
            while low < pairs.count, pairs[low].slot == slot {
                result.append(pairs[low].sentence)
                low += 1
            }
            return result
        }
    }

    func hits(in text: [UInt8], sentences: [Range<Int>]) -> Hits {
        var pairs: [(slot: Int, sentence: Int)] = []
        guard !sentences.isEmpty else { return Hits(pairs: []) }
        text.withUnsafeBufferPointer { buffer in
            matcher.forEachMatch(in: buffer) { literal, start in
                // The sentence holding the literal's first byte.
                var low = 0
                var high = sentences.count - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if sentences[mid].lowerBound <= start { low = mid } else { high = mid - 1 }
                }
                guard sentences[low].contains(start) else { return }
                for slot in slotsOfLiteral[literal] { pairs.append((slot, low)) }
            }
        }
        pairs.sort { $0.slot != $1.slot ? $0.slot < $1.slot : $0.sentence < $1.sentence }
        var unique: [(slot: Int, sentence: Int)] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last.map({ $0.slot != pair.slot || $0.sentence != pair.sentence }) ?? true {
            unique.append(pair)
        }
        return Hits(pairs: unique)
    }
}
