/// The rule settings that apply to one file once the configuration's `rules` and every matching
/// `overrides` entry are combined. It exists so the linter and `--print-config` agree on one answer
/// to "what applies to this file?"; command-line flags, which rank above it, are applied by the caller.
public struct EffectiveSettings: Sendable, Equatable {
    /// Levels set by the configuration for this file, by rule id. Rules not listed keep their
    /// built-in level.
    public var ruleLevels: [String: Configuration.RuleSetting]
    /// Indices into `Configuration.overrides` of the entries that matched the file, in order.
    public var matchedOverrides: [Int]

    public init(ruleLevels: [String: Configuration.RuleSetting] = [:], matchedOverrides: [Int] = []) {
        self.ruleLevels = ruleLevels
        self.matchedOverrides = matchedOverrides
    }

    /// The level rule `ruleID` runs at for this file given its built-in level, or nil when it is off.
    public func severity(of ruleID: String, builtin: Severity) -> Severity? {
        guard let setting = ruleLevels[ruleID] else { return builtin }
        return setting.severity
    }
}

extension Configuration {
    /// The configuration's `rules`, then each override whose `paths` match, in order (the last
    /// matching override wins). `path` is relative to `baseDirectory`, `/`-separated.
    public func settings(forRelativePath path: String) -> EffectiveSettings {
        var settings = EffectiveSettings(ruleLevels: rules)
        for (index, override) in overrides.enumerated() where override.paths.contains(where: { Glob($0).matches(path) }) {
            settings.ruleLevels.merge(override.rules) { _, new in new }
            settings.matchedOverrides.append(index)
        }
        return settings
    }

    /// Whether a file is linted: with `include` empty every file is, otherwise only files matching
    /// one of its globs; a match in `exclude` always wins. `relativePath` is relative to
    /// `baseDirectory`, `/`-separated.
    public func isIncluded(relativePath: String) -> Bool {
        if exclude.contains(where: { Glob($0).matches(relativePath) }) { return false }
        return include.isEmpty || include.contains(where: { Glob($0).matches(relativePath) })
    }

    /// `path` (absolute, or relative to the current directory) relative to `baseDirectory` and
    /// `/`-separated, ready for `settings(forRelativePath:)` and `isIncluded(relativePath:)`; nil
    /// when the file is not inside `baseDirectory`.
    public func relativePath(of path: String) -> String? {
        ConfigurationPaths.relative(path, to: baseDirectory)
    }

    /// `ruleDirectories` as absolute paths (relative entries are resolved against `baseDirectory`).
    public var resolvedRuleDirectories: [String] {
        ruleDirectories.map { ConfigurationPaths.resolve($0, against: baseDirectory) }
    }
}
