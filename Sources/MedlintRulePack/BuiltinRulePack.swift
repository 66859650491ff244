import MedlintCore
import MedlintPatterns

/// The built-in rule pack, compiled into the binary from the YAML files under `rules/`, so a copied
/// `medlint` executable needs no files beside it. The build checks every rule and stores it
/// precompiled (lexicons expanded, prefilter literals computed), so loading it costs almost nothing.
public enum BuiltinRulePack {
    /// Every YAML file of the pack as `(path, contents)`, with paths like `rules/painless-claim.yml`
    /// and `rules/lexicons/procedures.yml`, sorted by path.
    public static var files: [(path: String, contents: String)] { embeddedFiles }

    /// The pack's rules, ready to run (patterns compile on first use).
    public static var rules: [Rule] { decodedRules }

    private static let decodedRules: [Rule] = precompiledRules.map(\.rule)

    static let precompiledRules: [PrecompiledRule] =
        PrecompiledPackCodec.decode(precompiledPack, code: PrecompiledCodeTable(precompiledCode), literals: literalTable) ?? []

    /// The pack's literals, which the prefilter's automaton is built from.
    static let literalTable: LiteralTable? = PrecompiledPackCodec.decodeLiteralTable(precompiledPack)

    /// Starts building the prefilter's automaton over the pack's literals on another core, while
    /// this one reads the arguments and the configuration and decodes the rest of the pack.
    public static func prepareInBackground() {
        Linter.prepareInBackground(literalTable: { literalTable })
    }

    /// A version of the pack that changes whenever any rule file changes (computed at build time).
    public static var version: String { packVersion }
}
