import MedlintCore
import MedlintRulePack

struct TestRules {
    static let spec = CommandSpec(
        path: ["test-rules"],
        abstract: "Run the examples of the built-in rules, or of the rules in the given folders.",
        discussion: "Exit codes: 0 all examples pass; 1 an example fails; 2 a rule file is invalid.",
        arguments: [.list("directories", help: "Folders of rules to test (default: the built-in pack).")]
    )

    let directories: [String]

    init(_ arguments: ParsedArguments) { directories = arguments.arguments("directories") }

    func run() throws(ExitCode) {
        let builtin = RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files)
        let rules: [Rule]
        do {
            if directories.isEmpty {
                rules = try RuleLoader().load(builtin: builtin).rules
            } else {
                // Custom rules may use the built-in lexicons; only their own rules are tested.
                var custom: [[RuleSource]] = []
                for directory in directories { custom.append(try RuleDirectoryReader.read(directory)) }
                let ids = Set(custom.flatMap { $0.filter { !$0.isLexicon }.map(\.baseName) })
                rules = try RuleLoader().load(builtin: builtin.filter(\.isLexicon), custom: custom).rules.filter { ids.contains($0.id) }
            }
        } catch {
            Diagnostics.printError(error.description)
            throw ExitCode(2)
        }
        let summary = ExampleRunner().run(rules)
        for failure in summary.failures { Diagnostics.printOut(failure.description + "\n") }
        let ruleWord = rules.count == 1 ? "rule" : "rules"
        Diagnostics.printOut("\(summary.examples - summary.failures.count) passed, \(summary.failures.count) failed (\(summary.examples) examples in \(rules.count) \(ruleWord))\n")
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}
