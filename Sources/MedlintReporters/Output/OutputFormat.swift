/// An output format and where it goes, as written on the command line: `FORMAT` or `FORMAT:FILE`.
public struct OutputFormat: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case text, json, sarif, github, rdjsonl, gitlab
    }

    public let kind: Kind
    /// nil means standard output.
    public let file: String?

    public init(kind: Kind, file: String?) {
        self.kind = kind
        self.file = file
    }

    /// Parses `FORMAT[:FILE]`; nil for an unknown format.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let kind = Kind(rawValue: String(parts[0]).lowercased()) else { return nil }
        self.kind = kind
        file = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
    }
}
