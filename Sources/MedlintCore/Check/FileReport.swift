import MedlintMarkdown

/// The findings for one input file, with what reporters need to show them: the file's bytes and
/// line index (for lines, columns in every unit, and the source line in the text output) and its
/// path as people and as tools want it.
public struct FileReport: Sendable {
    /// The path as shown to people: relative to the current directory where possible.
    public let displayPath: String
    /// The path relative to the project root, `/`-separated, symlinks resolved (SARIF, GitHub, rdjsonl, GitLab).
    public let projectPath: String
    public let bytes: [UInt8]
    public let lineIndex: LineIndex
    public var diagnostics: [Diagnostic]
    /// Fingerprints, one per diagnostic, in the same order.
    public var fingerprints: [String]

    public init(displayPath: String, projectPath: String, bytes: [UInt8], diagnostics: [Diagnostic]) {
        self.displayPath = displayPath
        self.projectPath = projectPath
        self.bytes = bytes
        lineIndex = LineIndex(bytes)
        self.diagnostics = diagnostics
        fingerprints = Fingerprint.compute(diagnostics)
    }

    public func start(of diagnostic: Diagnostic) -> SourceLocation { lineIndex.location(of: diagnostic.range.lowerBound) }
    public func end(of diagnostic: Diagnostic) -> SourceLocation { lineIndex.location(of: diagnostic.range.upperBound) }
}
