import ArgumentParser
import MedlintCore
import MedlintRulePack

/// Options shared by every command that loads the configuration and the rules.
struct SetupOptions: ParsableArguments {
    @Option(name: .long, help: "Use this configuration file instead of the nearest .medlint.yml.")
    var config: String?

    @Option(name: .customLong("rule-dir"), help: "Add the rules in this folder (repeatable); a rule with a built-in id replaces it.")
    var ruleDirectories: [String] = []

    /// Loads configuration and rules, or stops with exit code 2 and one clear line.
    func load() throws -> RunSetup {
        do {
            return try RunSetup(builtinRules: RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files),
                                precompiledRules: BuiltinRulePack.rules, configPath: config, extraRuleDirectories: ruleDirectories)
        } catch {
            Diagnostics.printError(error.description)
            throw ExitCode(2)
        }
    }
}
