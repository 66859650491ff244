import Foundation

/// Everything a run needs before it lints: the configuration (found or given), and the rule pack
/// (built-in, plus custom rule folders, plus configured lexicon terms and disclaimers), validated
/// as a whole. Any problem is a `ConfigurationError`: the run stops before linting anything.
public struct RunSetup: Sendable {
    public let configuration: Configuration
    public let rules: [Rule]
    public let lexicons: LexiconSet
    public let projectRoot: String
    public let currentDirectory: String

    /// - Parameters:
    ///   - builtinRules: the built-in pack's YAML files.
    ///   - precompiledRules: the same pack, checked and precompiled at build time; used unless the
    ///     configuration extends lexicons (which changes the built-in patterns). Asked for only
    ///     once the configuration has been read, so a pack decoding on another thread meanwhile
    ///     is not waited for early.
    public init(
        builtinRules: [RuleSource],
        precompiledRules: @autoclosure () -> [Rule]? = nil,
        configPath: String?,
        extraRuleDirectories: [String],
        currentDirectory: String = FileSystem.currentDirectory()
    ) throws(ConfigurationError) {
        self.currentDirectory = currentDirectory
        let root = FileDiscovery.projectRoot(from: currentDirectory)
        projectRoot = root
        var configuration: Configuration
        if let configPath {
            configuration = try ConfigurationLoader.load(path: configPath)
        } else if let found = ConfigurationLoader.find(startingAt: currentDirectory) {
            // Shown relative to the current directory, as people expect in error messages.
            let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
            configuration = try ConfigurationLoader.load(path: found.hasPrefix(prefix) ? String(found.dropFirst(prefix.count)) : found)
        } else {
            configuration = Configuration(baseDirectory: root)
        }
        var custom: [[RuleSource]] = []
        for directory in configuration.ruleDirectories {
            let path = directory.hasPrefix("/") ? directory : configuration.baseDirectory + "/" + directory
            custom.append(try RuleDirectoryReader.read(path))
        }
        for directory in extraRuleDirectories {
            custom.append(try RuleDirectoryReader.read(directory))
        }
        let lexiconNames = (builtinRules + custom.flatMap { $0 }).filter(\.isLexicon).map(\.baseName)
        try configuration.validateLexiconNames(Set(lexiconNames))
        var terms = configuration.lexicons
        if !configuration.disclaimers.isEmpty {
            terms["disclaimer-language", default: []] += configuration.disclaimers
        }
        let loaded: RuleLoader.Output
        if terms.isEmpty, let precompiledRules = precompiledRules() {
            if custom.isEmpty {
                loaded = RuleLoader.Output(rules: precompiledRules, lexicons: LexiconSet())
            } else {
                // Custom rules may use the built-in lexicons: load those, then the custom rules over the pack.
                let customLoaded = try RuleLoader().load(builtin: builtinRules.filter(\.isLexicon), custom: custom)
                let customIDs = Set(customLoaded.rules.map(\.id))
                let merged = precompiledRules.filter { !customIDs.contains($0.id) } + customLoaded.rules
                loaded = RuleLoader.Output(rules: merged.sorted { $0.id < $1.id }, lexicons: customLoaded.lexicons)
            }
        } else {
            loaded = try RuleLoader().load(builtin: builtinRules, custom: custom, lexiconTerms: terms,
                                           lexiconTermsOrigin: configuration.path ?? ".medlint.yml")
        }
        try configuration.validateRuleIDs(Set(loaded.rules.map(\.id) + BuiltinChecks.all.map(\.id)))
        self.configuration = configuration
        rules = loaded.rules
        lexicons = loaded.lexicons
    }

    /// Descriptors of every active rule and check, with levels from the configuration, sorted by id.
    public var activeRules: [RuleDescriptor] {
        let descriptors = rules.map(\.descriptor) + BuiltinChecks.all
        return descriptors.compactMap { descriptor -> RuleDescriptor? in
            guard let setting = configuration.rules[descriptor.id] else { return descriptor }
            guard let level = setting.severity else {
                return configuration.overrides.contains { $0.rules[descriptor.id].map { $0 != .off } ?? false } ? descriptor : nil
            }
            return RuleDescriptor(id: descriptor.id, title: descriptor.title, level: level, category: descriptor.category,
                                  message: descriptor.message, rationale: descriptor.rationale, references: descriptor.references,
                                  suggestion: descriptor.suggestion, tags: descriptor.tags, precision: descriptor.precision,
                                  origin: descriptor.origin)
        }.sorted { $0.id < $1.id }
    }
}
