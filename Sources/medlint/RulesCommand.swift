import MedlintCore
import MedlintReporters

struct Rules {
    static let spec = CommandSpec(path: ["rules"], abstract: "List every active rule: id, level, category and title.",
                                  options: SetupOptions.options)

    let setup: SetupOptions

    init(_ arguments: ParsedArguments) { setup = SetupOptions(arguments) }

    func run() throws(ExitCode) {
        Diagnostics.printOut(RuleCatalog.list(try setup.load().activeRules))
    }
}

struct Explain {
    static let spec = CommandSpec(
        path: ["explain"], abstract: "Explain a rule: why it matters, the regulation behind it, a compliant rewrite and examples.",
        arguments: [.single("id", help: "A rule id, as shown by `medlint rules`.")], options: SetupOptions.options
    )

    let id: String
    let setup: SetupOptions

    init(_ arguments: ParsedArguments) {
        id = arguments.argument("id")
        setup = SetupOptions(arguments)
    }

    func run() throws(ExitCode) {
        let loaded = try setup.load()
        if let rule = loaded.rules.first(where: { $0.id == id }) {
            Diagnostics.printOut(RuleCatalog.explain(rule))
        } else if let check = BuiltinChecks.all.first(where: { $0.id == id }) {
            Diagnostics.printOut(RuleCatalog.explain(check))
        } else {
            let ids = loaded.rules.map(\.id) + BuiltinChecks.all.map(\.id)
            let hint = Suggestion.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? "; see `medlint rules`"
            Diagnostics.printError("unknown rule '\(id)'\(hint)")
            throw ExitCode(2)
        }
    }
}
