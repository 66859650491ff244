import ArgumentParser
import MedlintCore
import MedlintReporters

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every active rule: id, level, category and title.")

    @OptionGroup var setup: SetupOptions

    func run() throws {
        Diagnostics.printOut(RuleCatalog.list(try setup.load().activeRules))
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: why it matters, the regulation behind it, a compliant rewrite and examples.")

    @Argument(help: "A rule id, as shown by `medlint rules`.")
    var id: String

    @OptionGroup var setup: SetupOptions

    func run() throws {
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
