import MedlintMarkdown
import MedlintPatterns

/// Runs rules over a document and returns its diagnostics, in a deterministic order.
/// Pure: no printing, no files, no exiting. Matching runs over the segments' UTF-8 bytes.
/// One `Linter` is shared by all workers; each worker passes its own `MatchScratch`.
public struct Linter: Sendable {
    public let rules: [Rule]
    private let supersededBy: [String: [String]]
    private let plan: LintPlan

    public init(rules: [Rule]) {
        self.rules = rules
        plan = LintPlan(rules: rules)
        var map: [String: [String]] = [:]
        for rule in rules {
            for superseded in rule.supersedes { map[superseded, default: []].append(rule.id) }
        }
        supersededBy = map
    }

    /// Starts building, on another core, the literal automaton for the patterns numbered in
    /// `literalTable()`, so that it is ready when the first `Linter` over them is made. For the
    /// command line, which calls it first thing with the built-in pack's table.
    public static func prepareInBackground(literalTable: @escaping @Sendable () -> LiteralTable?) {
        MatcherCache.shared.prepareInBackground(literalTable)
    }

    public func lint(_ document: Document, scratch: MatchScratch) -> [Diagnostic] {
        var run = LintRun(document: document, scratch: scratch, plan: plan)
        for index in rules.indices {
            run.apply(rules[index], planned: plan.rules[index])
        }
        var diagnostics = run.diagnostics
        if !supersededBy.isEmpty {
            diagnostics = diagnostics.filter { diagnostic in
                guard let winners = supersededBy[diagnostic.ruleID] else { return true }
                return !diagnostics.contains { other in
                    winners.contains(other.ruleID) && other.range.overlaps(diagnostic.range)
                }
            }
        }
        return diagnostics.sorted(by: Self.order)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
        return a.ruleID < b.ruleID
    }
}
