import MedlintMarkdown

/// The findings for one input file, with what reporters need to show them: the lines the findings
/// touch (for lines, columns in every unit, and the source lines in the text output) and the
/// path as people and as tools want it. The file's other bytes are not kept.
public struct FileReport: Sendable {
    /// The path as shown to people: relative to the current directory where possible.
    public let displayPath: String
    /// The path relative to the project root, `/`-separated, symlinks resolved (SARIF, GitHub, rdjsonl, GitLab).
    public let projectPath: String
    public let source: SourceLines
    public var diagnostics: [Diagnostic]
    /// Fingerprints, one per diagnostic, in the same order.
    public var fingerprints: [String]

    /// - Parameter lineIndex: the index of `bytes` when the caller already has it (a parsed
    ///   `Document` does), so it is not built twice.
    public init(displayPath: String, projectPath: String, bytes: [UInt8], lineIndex: LineIndex? = nil, diagnostics: [Diagnostic]) {
        self.displayPath = displayPath
        self.projectPath = projectPath
        let index = lineIndex ?? LineIndex(bytes)
        var kept: Set<Int> = []
        for diagnostic in diagnostics {
            let first = index.lineNumber0(of: diagnostic.range.lowerBound) + 1
            let last = index.lineNumber0(of: max(diagnostic.range.lowerBound, diagnostic.range.upperBound)) + 1
            for line in first...last { kept.insert(line) }
        }
        source = SourceLines(bytes: bytes, index: index, keeping: kept)
        self.diagnostics = diagnostics
        fingerprints = Fingerprint.compute(diagnostics)
    }

    /// A report as it was (read back by `FileReportCodec`).
    init(displayPath: String, projectPath: String, source: SourceLines, diagnostics: [Diagnostic], fingerprints: [String]) {
        self.displayPath = displayPath
        self.projectPath = projectPath
        self.source = source
        self.diagnostics = diagnostics
        self.fingerprints = fingerprints
    }

    public func start(of diagnostic: Diagnostic) -> SourceLocation { source.location(of: diagnostic.range.lowerBound) }
    public func end(of diagnostic: Diagnostic) -> SourceLocation { source.location(of: diagnostic.range.upperBound) }
}
