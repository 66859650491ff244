import MedlintPatterns

/// The rules turned into what the hot loop needs: pattern indexes into one shared `Prefilter`
/// and scope bit masks. Built once per process.
struct LintPlan: Sendable {
    /// One rule's patterns as indexes into `prefilter.patterns`.
    struct PlannedRule: Sendable {
        /// phrase/needs-citation: the claim patterns; requires: `when`.
        let primary: [Int]
        /// Exceptions (or `when_exceptions`).
        let exceptions: [Int]
        /// requires_context, citations or `require`.
        let secondary: [Int]
        let scopeMask: UInt64
        let readsLinkText: Bool
    }

    let prefilter: Prefilter
    let scopes: ScopeMask
    let rules: [PlannedRule]

    init(rules: [Rule]) {
        let all = Self.patterns(of: rules)
        let prefilter = Prefilter(patterns: all)
        let scopes = ScopeMask(rules: rules)
        func indexes(_ patterns: [Pattern]) -> [Int] { patterns.map { prefilter.indexOf[ObjectIdentifier($0)]! } }
        self.rules = rules.map { rule in
            let groups: ([Pattern], [Pattern], [Pattern])
            switch rule.kind {
            case let .phrase(primary, exceptions, context): groups = (primary, exceptions, context)
            case let .needsCitation(primary, exceptions, citations): groups = (primary, exceptions, citations)
            case let .requires(when, exceptions, require, _): groups = (when, exceptions, require)
            }
            return PlannedRule(
                primary: indexes(groups.0), exceptions: indexes(groups.1), secondary: indexes(groups.2),
                scopeMask: scopes.mask(of: rule), readsLinkText: rule.scope.contains("link-text")
            )
        }
        self.prefilter = prefilter
        self.scopes = scopes
    }

    /// Every pattern of `rules`, rule by rule, in the order the prefilter numbers them.
    static func patterns(of rules: [Rule]) -> [Pattern] {
        var all: [Pattern] = []
        for rule in rules {
            switch rule.kind {
            case let .phrase(primary, exceptions, context): all += primary + exceptions + context
            case let .needsCitation(primary, exceptions, citations): all += primary + exceptions + citations
            case let .requires(when, exceptions, require, _): all += when + exceptions + require
            }
        }
        return all
    }
}
