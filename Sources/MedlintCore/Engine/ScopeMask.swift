import MedlintMarkdown

/// Rule scopes and segment scope names as bits, so "does this rule read this segment" is one AND
/// instead of a set intersection per rule and segment.
struct ScopeMask: Sendable {
    private let bitOf: [String: UInt64]

    /// Assigns a bit to every scope name the rules use. `RuleLoader` admits a dozen names, far
    /// below the 64 bits available.
    init(rules: [Rule]) {
        var bits: [String: UInt64] = [:]
        for name in rules.flatMap({ $0.scope.sorted() }) where bits[name] == nil {
            bits[name] = 1 << UInt64(min(bits.count, 63))
        }
        bitOf = bits
    }

    func mask(of rule: Rule) -> UInt64 {
        rule.scope.reduce(0) { $0 | (bitOf[$1] ?? 0) }
    }

    func mask(of segment: Segment) -> UInt64 {
        var mask = bitOf[segment.kind.rawValue] ?? 0
        if segment.kind == .paragraph { mask |= bitOf["prose"] ?? 0 }
        for container in segment.containers { mask |= bitOf[container.scopeName] ?? 0 }
        return mask
    }
}
