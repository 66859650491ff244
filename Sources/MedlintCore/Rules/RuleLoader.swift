import MedlintPatterns
import Yams

/// Reads rule and lexicon files, checks them strictly (unknown keys, missing fields, id and file
/// name, duplicates, patterns that do not compile) and compiles them into `Rule`s.
public struct RuleLoader {
    public struct Output: Sendable {
        public var rules: [Rule]
        public var lexicons: LexiconSet
    }

    static let ruleKeys: Set<String> = [
        "id", "title", "level", "category", "message", "rationale", "references", "suggestion", "kind", "scope",
        "tags", "precision", "supersedes", "examples", "patterns", "exceptions", "requires_context", "citations",
        "when", "when_exceptions", "require", "within",
    ]
    static let requiredKeys = ["id", "title", "level", "category", "message", "rationale", "references", "suggestion", "kind", "examples"]
    static let kindKeys: [String: Set<String>] = [
        "phrase": ["patterns", "exceptions", "requires_context"],
        "needs-citation": ["patterns", "exceptions", "citations"],
        "requires": ["when", "when_exceptions", "require", "within"],
    ]
    static let knownScopes: Set<String> = ["prose", "paragraph", "heading", "table-cell", "alt-text", "html", "front-matter",
                                           "list", "blockquote", "table", "footnote", "link-text"]

    /// The pattern keys whose every match is reported. Of the others the engine asks only whether
    /// they match (exceptions, context, citations, required mentions) or, for `when`, where they
    /// first match.
    static let everyMatchKeys: Set<String> = ["patterns"]

    /// A pattern as the patterns to run for it. A pattern that has no leading literals only
    /// because some of its alternatives have none is run as consecutive runs of its alternatives,
    /// each run with leading literals (tried only where those occur) or without (scanned for).
    /// Whether any run matches, and the first match over the runs (the earlier run on a tie), are
    /// exactly those of the whole pattern; its list of every match is not, hence `splittable`.
    static func parts(_ source: String, splittable: Bool) -> [String] {
        guard splittable, LiteralExtractor.leadingLiterals(of: source) == nil,
              let alternatives = AlternationSplitter.alternatives(of: source) else { return [source] }
        var runs: [(anchored: Bool, alternatives: [String])] = []
        for alternative in alternatives {
            let anchored = LiteralExtractor.leadingLiterals(of: alternative) != nil
            if runs.last?.anchored == anchored {
                runs[runs.count - 1].alternatives.append(alternative)
            } else {
                runs.append((anchored, [alternative]))
            }
        }
        guard runs.contains(where: \.anchored) else { return [source] }
        let parts = runs.map { "(?:" + $0.alternatives.joined(separator: "|") + ")" }
        // A long run can have too many leading strings to track, and then gains nothing.
        guard zip(runs, parts).allSatisfy({ !$0.anchored || LiteralExtractor.leadingLiterals(of: $1) != nil }) else { return [source] }
        return parts
    }

    public init() {}

    /// Loads sources in order; a later rule with the same id as an earlier one from another file
    /// replaces it (custom rules override built-ins); the same id twice in one set is an error.
    public func load(
        builtin: [RuleSource],
        custom: [[RuleSource]] = [],
        lexiconTerms: [String: [String]] = [:],
        lexiconTermsOrigin: String = ".medlint.yml"
    ) throws(ConfigurationError) -> Output {
        var lexicons = LexiconSet()
        // Built-in patterns are tested with the pack, so they compile lazily, on first use (a run
        // pays only for the rules whose words occur); custom ones are compiled now, to report errors.
        for (setIndex, set) in ([builtin] + custom).enumerated() {
            for source in set where source.isLexicon { lexicons.insert(try parseLexicon(source, validate: setIndex > 0)) }
        }
        for (name, terms) in lexiconTerms.sorted(by: { $0.key < $1.key }) where !lexicons.extend(name, with: terms) {
            let hint = Suggestion.closest(to: name, among: lexicons.names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ConfigurationError(file: lexiconTermsOrigin, message: "unknown lexicon '\(name)' under lexicons\(hint)")
        }
        var rules: [Rule] = []
        var indexByID: [String: Int] = [:]
        for (setIndex, set) in ([builtin] + custom).enumerated() {
            var idsInSet: [String: String] = [:]
            for source in set where !source.isLexicon {
                let rule = try parseRule(source, lexicons: lexicons, eager: setIndex > 0)
                if let other = idsInSet[rule.id] {
                    throw ConfigurationError(file: source.path, line: 1, column: 1, message: "duplicate rule id '\(rule.id)' (also in \(other))")
                }
                idsInSet[rule.id] = source.path
                if let existing = indexByID[rule.id] {
                    rules[existing] = rule
                } else {
                    indexByID[rule.id] = rules.count
                    rules.append(rule)
                }
            }
        }
        let allIDs = Set(rules.map(\.id))
        for rule in rules {
            for superseded in rule.supersedes where !allIDs.contains(superseded) {
                throw ConfigurationError(file: rule.descriptor.origin, message: "supersedes names unknown rule '\(superseded)'")
            }
        }
        return Output(rules: rules.sorted { $0.id < $1.id }, lexicons: lexicons)
    }

    func parseLexicon(_ source: RuleSource, validate: Bool = true) throws(ConfigurationError) -> Lexicon {
        let file = try YAMLFile(path: source.path, contents: source.contents)
        let entries = try file.mapping(file.root, allowed: ["name", "description", "terms", "patterns"], what: "lexicon")
        var name = source.baseName
        var description = ""
        var terms: [String] = []
        var patterns: [String] = []
        for entry in entries {
            switch entry.key {
            case "name":
                name = try file.string(entry.value, "name")
                if name != source.baseName {
                    throw file.error(entry.value, "lexicon name '\(name)' differs from the file name '\(source.baseName)'")
                }
            case "description": description = try file.string(entry.value, "description")
            case "terms": terms = try file.strings(entry.value, "terms").map(\.0)
            case "patterns":
                for (pattern, node) in try file.strings(entry.value, "patterns") {
                    guard validate else {
                        patterns.append(pattern)
                        continue
                    }
                    do throws(PatternError) {
                        _ = try Pattern("(?:" + pattern + ")")
                    } catch {
                        throw file.error(node, Self.describe(error))
                    }
                    patterns.append(pattern)
                }
            default: break
            }
        }
        return Lexicon(name: name, description: description, terms: terms, patterns: patterns, origin: source.path)
    }

    static func describe(_ error: PatternError) -> String {
        switch error {
        case let .compile(_, message, offset): return "pattern does not compile: \(message) at offset \(offset)"
        default: return error.description
        }
    }

    func parseRule(_ source: RuleSource, lexicons: LexiconSet, eager: Bool = true) throws(ConfigurationError) -> Rule {
        let file = try YAMLFile(path: source.path, contents: source.contents)
        let entries = try file.mapping(file.root, allowed: Self.ruleKeys, what: "rule")
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for entry in entries {
            values[entry.key] = entry.value
            keyNodes[entry.key] = entry.keyNode
        }
        for key in Self.requiredKeys where values[key] == nil {
            throw ConfigurationError(file: source.path, line: 1, column: 1, message: "missing required key '\(key)'")
        }
        let id = try file.string(values["id"]!, "id")
        guard id == source.baseName else {
            throw file.error(values["id"], "rule id '\(id)' differs from the file name '\(source.baseName)'")
        }
        guard Self.isKebabCase(id) else { throw file.error(values["id"], "rule id '\(id)' must be kebab-case") }
        let levelText = try file.string(values["level"]!, "level")
        guard let level = Severity(rawValue: levelText) else {
            throw file.error(values["level"], "level must be error, warning or note, not '\(levelText)'")
        }
        let kindName = try file.string(values["kind"]!, "kind")
        guard let allowedKindKeys = Self.kindKeys[kindName] else {
            throw file.error(values["kind"], "kind must be phrase, needs-citation or requires, not '\(kindName)'")
        }
        for (kind, keys) in Self.kindKeys where kind != kindName {
            for key in keys.subtracting(allowedKindKeys) where values[key] != nil {
                throw file.error(keyNodes[key], "key '\(key)' does not belong to a rule of kind \(kindName)")
            }
        }
        var references: [RuleReference] = []
        guard case let .sequence(referenceNodes) = values["references"]! else {
            throw file.error(values["references"], "references must be a list of {title, url, section}")
        }
        for node in referenceNodes {
            let fields = try file.mapping(node, allowed: ["title", "url", "section"], what: "reference")
            var title = "", url = "", section = ""
            for field in fields {
                switch field.key {
                case "title": title = try file.string(field.value, "title")
                case "url": url = try file.string(field.value, "url")
                default: section = try file.string(field.value, "section")
                }
            }
            if title.isEmpty { throw file.error(node, "a reference needs a title") }
            references.append(RuleReference(title: title, url: url, section: section))
        }
        if references.isEmpty { throw file.error(values["references"], "a rule needs at least one reference") }

        func compile(_ key: String, required: Bool) throws(ConfigurationError) -> [Pattern] {
            guard let node = values[key] else {
                if required { throw ConfigurationError(file: source.path, line: 1, column: 1, message: "a rule of kind \(kindName) needs '\(key)'") }
                return []
            }
            var patterns: [Pattern] = []
            for (text, patternNode) in try file.strings(node, key) {
                let expanded: String
                do throws(LexiconSet.ExpansionError) {
                    expanded = try lexicons.expand(text)
                } catch {
                    guard case let .unknownLexicon(name, _) = error else { throw file.error(patternNode, "bad lexicon reference") }
                    let hint = Suggestion.closest(to: name, among: lexicons.names).map { " (did you mean '\($0)'?)" } ?? ""
                    throw file.error(patternNode, "unknown lexicon '@{\(name)}'\(hint)")
                }
                let parts = Self.parts(expanded, splittable: !Self.everyMatchKeys.contains(key))
                if !eager {
                    patterns += parts.map { Pattern(lazy: $0) }
                    continue
                }
                do throws(PatternError) {
                    // The whole pattern compiles first, so an error points into what was written.
                    let whole = try Pattern(expanded)
                    patterns += parts == [expanded] ? [whole] : try parts.map { part throws(PatternError) in try Pattern(part) }
                } catch {
                    if case let .compile(_, message, offset) = error, expanded == text {
                        throw file.error(patternNode, "pattern does not compile: \(message) at offset \(offset)")
                    }
                    throw file.error(patternNode, Self.describe(error) + " (after expanding lexicons)")
                }
            }
            if required, patterns.isEmpty { throw file.error(node, "'\(key)' needs at least one pattern") }
            return patterns
        }

        let kind: RuleKind
        switch kindName {
        case "phrase":
            kind = .phrase(patterns: try compile("patterns", required: true), exceptions: try compile("exceptions", required: false),
                           requiresContext: try compile("requires_context", required: false))
        case "needs-citation":
            var citations = try compile("citations", required: false)
            if values["citations"] == nil, lexicons.lexicons["named-sources"] != nil {
                citations = Self.parts(try! lexicons.expand("@{named-sources}"), splittable: true).map { Pattern(lazy: $0) }
            }
            kind = .needsCitation(patterns: try compile("patterns", required: true), exceptions: try compile("exceptions", required: false), citations: citations)
        default:
            var within = RequireRegion.document
            if let node = values["within"] {
                let text = try file.string(node, "within")
                guard let region = RequireRegion(rawValue: text) else { throw file.error(node, "within must be document, section or paragraph") }
                within = region
            }
            kind = .requires(when: try compile("when", required: true), whenExceptions: try compile("when_exceptions", required: false),
                             require: try compile("require", required: true), within: within)
        }

        var scope = Rule.defaultScope
        if let node = values["scope"] {
            scope = []
            for (name, scopeNode) in try file.strings(node, "scope") {
                guard Self.knownScopes.contains(name) else {
                    let hint = Suggestion.closest(to: name, among: Array(Self.knownScopes)).map { " (did you mean '\($0)'?)" } ?? ""
                    throw file.error(scopeNode, "unknown scope '\(name)'\(hint)")
                }
                scope.insert(name)
            }
        }
        let precision = try values["precision"].map { (node: Node) throws(ConfigurationError) -> String in
            let text = try file.string(node, "precision")
            guard ["very-high", "high", "medium", "low"].contains(text) else { throw file.error(node, "precision must be very-high, high, medium or low") }
            return text
        } ?? "high"
        let descriptor = RuleDescriptor(
            id: id, title: try file.string(values["title"]!, "title"), level: level,
            category: try file.string(values["category"]!, "category"), message: try file.string(values["message"]!, "message"),
            rationale: try file.string(values["rationale"]!, "rationale").trimmingWhitespace(), references: references,
            suggestion: Self.unquoted(try file.string(values["suggestion"]!, "suggestion").trimmingWhitespace()),
            tags: try values["tags"].map { (node: Node) throws(ConfigurationError) in try file.strings(node, "tags").map(\.0) } ?? [],
            precision: precision, origin: source.path
        )
        let supersedes = try values["supersedes"].map { (node: Node) throws(ConfigurationError) in try file.strings(node, "supersedes").map(\.0) } ?? []
        return Rule(descriptor: descriptor, kind: kind, scope: scope, supersedes: supersedes, examples: try parseExamples(values["examples"]!, file: file))
    }

    private func parseExamples(_ node: Node, file: YAMLFile) throws(ConfigurationError) -> RuleExamples {
        var flag: [RuleExamples.Example] = []
        var pass: [RuleExamples.Example] = []
        for entry in try file.mapping(node, allowed: ["flag", "pass"], what: "examples") {
            for (text, exampleNode) in try file.strings(entry.value, "examples.\(entry.key)") {
                let example = RuleExamples.Example(text: text, line: exampleNode.mark?.line ?? 0)
                if entry.key == "flag" { flag.append(example) } else { pass.append(example) }
            }
        }
        return RuleExamples(flag: flag, pass: pass)
    }

    /// A suggestion written as a quotation ("…") is shown without the outer quotes.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"", !text.dropFirst().dropLast().contains("\"") else { return text }
        return String(text.dropFirst().dropLast())
    }

    static func isKebabCase(_ id: String) -> Bool {
        !id.isEmpty && id.first != "-" && id.last != "-" && !id.contains("--")
            && id.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
