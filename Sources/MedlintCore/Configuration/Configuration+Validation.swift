/// Checks of names a configuration refers to but cannot know itself: rule ids and lexicon names
/// only exist once the built-in pack and the `rule_dirs` are loaded. They exist so a misspelt id
/// (`pain-fre: off`) stops the run at its line and column instead of silently switching nothing off.
extension Configuration {
    /// Throws for the first id (in file order) under `rules` or any override's `rules` that is not
    /// in `known`, at the position where it was written, with a "did you mean" hint.
    public func validateRuleIDs(_ known: Set<String>) throws(ConfigurationError) {
        var ids = Set(rules.keys)
        for override in overrides { ids.formUnion(override.rules.keys) }
        try validate(names: ids.subtracting(known), locations: ruleLocations, known: known, kind: "rule")
    }

    /// Throws for the first name under `lexicons` that is not in `known` (the lexicons of the rule
    /// pack and custom rule folders), at its position, with a "did you mean" hint.
    public func validateLexiconNames(_ known: Set<String>) throws(ConfigurationError) {
        try validate(names: Set(lexicons.keys).subtracting(known), locations: lexiconLocations, known: known, kind: "lexicon")
    }

    private func validate(names unknown: Set<String>, locations: [String: String], known: Set<String>, kind: String) throws(ConfigurationError) {
        guard !unknown.isEmpty else { return }
        let positioned = unknown.map { name in (name: name, position: locations[name].flatMap(Self.position(in:))) }
        let first = positioned.min { a, b in
            switch (a.position, b.position) {
            case let (x?, y?): return (x.line, x.column, a.name) < (y.line, y.column, b.name)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.name < b.name
            }
        }!
        let hint = ConfigurationLoader.hint(first.name, known.sorted())
        throw ConfigurationError(
            file: first.position?.file ?? path ?? ConfigurationLoader.fileName,
            line: first.position?.line, column: first.position?.column,
            message: "unknown \(kind) '\(first.name)'\(hint)"
        )
    }

    /// Splits "file:line:col" from the end, so a file name holding ':' survives.
    static func position(in location: String) -> (file: String, line: Int, column: Int)? {
        let parts = location.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
        return (parts.dropLast(2).joined(separator: ":"), line, column)
    }
}
