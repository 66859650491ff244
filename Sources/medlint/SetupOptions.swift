import MedlintCore
import MedlintRulePack

/// Options shared by every command that loads the configuration and the rules.
struct SetupOptions {
    static let options: [OptionSpec] = [
        .option("config", help: "Use this configuration file instead of the nearest .medlint.yml."),
        .option("rule-dir", repeatable: true, help: "Add the rules in this folder (repeatable); a rule with a built-in id replaces it."),
    ]

    let config: String?
    let ruleDirectories: [String]

    init(_ arguments: ParsedArguments) {
        config = arguments.value("config")
        ruleDirectories = arguments.all("rule-dir")
    }

    /// Loads configuration and rules, or stops with exit code 2 and one clear line.
    func load() throws(ExitCode) -> RunSetup {
        do {
            return try RunSetup(builtinRules: RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files),
                                precompiledRules: BuiltinRulePack.rules, configPath: config, extraRuleDirectories: ruleDirectories)
        } catch {
            Diagnostics.printError(error.description)
            throw ExitCode(2)
        }
    }
}
