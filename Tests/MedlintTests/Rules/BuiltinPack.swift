import MedlintCore
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
