/// The text of one rule or lexicon file, from the built-in pack or from a folder on disk.
public struct RuleSource: Sendable {
    /// The path shown in errors (`rules/painless-claim.yml` or a user's path).
    public let path: String
    public let contents: String
    public let isLexicon: Bool

    public init(path: String, contents: String, isLexicon: Bool) {
        self.path = path
        self.contents = contents
        self.isLexicon = isLexicon
    }

    /// The file name without folders and extension.
    public var baseName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yml", ".yaml"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
