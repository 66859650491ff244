@testable import MedlintCore
import MedlintPatterns
import MedlintRulePack

/// The built-in rule pack, loaded once for all tests.
enum BuiltinPack {
    static let sources = RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files)
    static let loaded: RuleLoader.Output = {
        do {
            return try RuleLoader().load(builtin: sources)
        } catch {
            fatalError("the built-in rule pack does not load: \(error)")
        }
    }()
    static var rules: [Rule] { loaded.rules }
    static var ids: [String] { rules.map(\.id) }
    static func rule(_ id: String) -> Rule { rules.first { $0.id == id }! }
}

/// The pack as a run decodes it from the binary (precompiled), with the text of every rule example.
enum DecodedPack {
    static let rules = BuiltinRulePack.rules
    static let patterns = LintPlan.patterns(of: rules)
    /// The pack's literal table, which its patterns' literal numbers refer to.
    static var literalTable: LiteralTable { patterns.compactMap(\.literalIDs).first!.table }
    static let exampleTexts: [String] = rules.flatMap { $0.examples.flag.map(\.text) + $0.examples.pass.map(\.text) }
}
