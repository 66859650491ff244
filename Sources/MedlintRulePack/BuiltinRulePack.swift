import MedlintCore

/// The built-in rule pack, compiled into the binary from the YAML files under `rules/`, so a copied
/// `medlint` executable needs no files beside it. The build checks every rule and stores it
/// precompiled (lexicons expanded, prefilter literals computed), so loading it costs almost nothing.
public enum BuiltinRulePack {
    /// Every YAML file of the pack as `(path, contents)`, with paths like `rules/painless-claim.yml`
    /// and `rules/lexicons/procedures.yml`, sorted by path.
    public static var files: [(path: String, contents: String)] { embeddedFiles }

    /// The pack's rules, ready to run (patterns compile on first use).
    public static var rules: [Rule] { precompiledRules.map(\.rule) }

    static let precompiledRules: [PrecompiledRule] = PrecompiledPackCodec.decode(precompiledPack) ?? []

    /// A version of the pack that changes whenever any rule file changes.
    public static var version: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in embeddedFiles {
            for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in file.contents.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let digits = String(hash, radix: 16)
        return "\(precompiledRules.count) rules, " + String(repeating: "0", count: max(0, 8 - digits.count)) + digits.prefix(8)
    }
}
