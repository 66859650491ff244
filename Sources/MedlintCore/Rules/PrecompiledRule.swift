import MedlintPatterns

/// A rule already checked, with lexicons expanded and prefilter literals computed, as the build
/// plugin writes it into the binary: loading the built-in pack then parses no YAML and runs no
/// pattern analysis, so a one-file run starts in milliseconds.
public struct PrecompiledRule: Sendable {
    public struct PatternSpec: Sendable {
        public let source: String
        private let givenLiterals: LiteralExtractor.Literals?
        /// The pattern, when decoded from a pack: one object for every rule that uses the same
        /// source, so it is compiled once.
        public let pattern: Pattern?
        public var literals: LiteralExtractor.Literals { givenLiterals ?? pattern!.literals }

        public init(_ source: String, _ literals: LiteralExtractor.Literals) {
            self.source = source
            givenLiterals = literals
            pattern = nil
        }

        /// A pattern decoded from a pack (its literals are made from it when asked for).
        public init(decoded pattern: Pattern) {
            source = pattern.source
            givenLiterals = nil
            self.pattern = pattern
        }
    }

    public let id: String, title: String, level: String, category: String, message: String, rationale: String
    public let references: [[String]]
    public let suggestion: String, tags: [String], precision: String, origin: String
    public let kind: String, scope: [String], supersedes: [String], within: String
    /// phrase: patterns, exceptions, requires_context; needs-citation: patterns, exceptions, citations;
    /// requires: when, when_exceptions, require.
    public let patternGroups: [[PatternSpec]]
    public let flagExamples: [(String, Int)]
    public let passExamples: [(String, Int)]

    public init(
        id: String, title: String, level: String, category: String, message: String, rationale: String,
        references: [[String]], suggestion: String, tags: [String], precision: String, origin: String,
        kind: String, scope: [String], supersedes: [String], within: String, patternGroups: [[PatternSpec]],
        flagExamples: [(String, Int)], passExamples: [(String, Int)]
    ) {
        self.id = id
        self.title = title
        self.level = level
        self.category = category
        self.message = message
        self.rationale = rationale
        self.references = references
        self.suggestion = suggestion
        self.tags = tags
        self.precision = precision
        self.origin = origin
        self.kind = kind
        self.scope = scope
        self.supersedes = supersedes
        self.within = within
        self.patternGroups = patternGroups
        self.flagExamples = flagExamples
        self.passExamples = passExamples
    }

    /// The precompiled form of a loaded rule.
    public init(_ rule: Rule) {
        let descriptor = rule.descriptor
        func specs(_ patterns: [Pattern]) -> [PatternSpec] { patterns.map { PatternSpec($0.source, .init(required: $0.requiredLiterals, leading: $0.leadingLiterals)) } }
        var within = ""
        let groups: [[PatternSpec]]
        switch rule.kind {
        case let .phrase(patterns, exceptions, context): groups = [specs(patterns), specs(exceptions), specs(context)]
        case let .needsCitation(patterns, exceptions, citations): groups = [specs(patterns), specs(exceptions), specs(citations)]
        case let .requires(when, whenExceptions, require, region):
            groups = [specs(when), specs(whenExceptions), specs(require)]
            within = region.rawValue
        }
        self.init(
            id: descriptor.id, title: descriptor.title, level: descriptor.level.rawValue, category: descriptor.category,
            message: descriptor.message, rationale: descriptor.rationale,
            references: descriptor.references.map { [$0.title, $0.url, $0.section] }, suggestion: descriptor.suggestion,
            tags: descriptor.tags, precision: descriptor.precision, origin: descriptor.origin, kind: rule.kind.name,
            scope: rule.scope.sorted(), supersedes: rule.supersedes, within: within, patternGroups: groups,
            flagExamples: rule.examples.flag.map { ($0.text, $0.line) }, passExamples: rule.examples.pass.map { ($0.text, $0.line) }
        )
    }

    /// The rule, with patterns that compile on first use.
    public var rule: Rule {
        func patterns(_ index: Int) -> [Pattern] {
            patternGroups[index].map { $0.pattern ?? Pattern(lazy: $0.source, literals: $0.literals) }
        }
        let ruleKind: RuleKind
        switch kind {
        case "phrase": ruleKind = .phrase(patterns: patterns(0), exceptions: patterns(1), requiresContext: patterns(2))
        case "needs-citation": ruleKind = .needsCitation(patterns: patterns(0), exceptions: patterns(1), citations: patterns(2))
        default: ruleKind = .requires(when: patterns(0), whenExceptions: patterns(1), require: patterns(2), within: RequireRegion(rawValue: within) ?? .document)
        }
        let descriptor = RuleDescriptor(
            id: id, title: title, level: Severity(rawValue: level) ?? .warning, category: category, message: message,
            rationale: rationale, references: references.map { RuleReference(title: $0[0], url: $0[1], section: $0[2]) },
            suggestion: suggestion, tags: tags, precision: precision, origin: origin
        )
        return Rule(
            descriptor: descriptor, kind: ruleKind, scope: Set(scope), supersedes: supersedes,
            examples: RuleExamples(flag: flagExamples.map { .init(text: $0.0, line: $0.1) }, pass: passExamples.map { .init(text: $0.0, line: $0.1) })
        )
    }
}
