/// The result of one `check` run: every file's findings plus the rules that were active, which
/// SARIF lists in `tool.driver.rules` and the summary line counts.
public struct CheckReport: Sendable {
    /// Files with findings or problems, in the order they were given (reporters sort them). In a
    /// large run most are in a temporary file and each access decodes one: see `FileReports`.
    public var files: FileReports
    /// Active rules (content rules then the tool's own checks), sorted by id.
    public var rules: [RuleDescriptor]
    /// How many files were looked at.
    public var filesChecked: Int
    public var toolVersion: String
    public var packVersion: String
    /// Baseline entries that no longer match any finding (nil when no baseline was used).
    public var staleBaselineEntries: Int?
    /// Which files were looked at: all, or only those changed since a revision or staged (the
    /// summary then says that nothing changed rather than that nothing was found).
    public var changeScope: CheckSession.ChangeScope = .all

    public init(files: [FileReport], rules: [RuleDescriptor], filesChecked: Int, toolVersion: String, packVersion: String, staleBaselineEntries: Int? = nil) {
        self.init(reports: FileReports(files), rules: rules, filesChecked: filesChecked, toolVersion: toolVersion,
                  packVersion: packVersion, staleBaselineEntries: staleBaselineEntries)
    }

    public init(reports: FileReports, rules: [RuleDescriptor], filesChecked: Int, toolVersion: String, packVersion: String, staleBaselineEntries: Int? = nil) {
        files = reports
        self.rules = rules
        self.filesChecked = filesChecked
        self.toolVersion = toolVersion
        self.packVersion = packVersion
        self.staleBaselineEntries = staleBaselineEntries
    }

    /// Every diagnostic of every file (reads every report back: counts are cheaper with `count(_:)`).
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// Diagnostics of `level`, suppressed included.
    public func count(_ level: Severity) -> Int { files.summaries.reduce(0) { $0 + $1.count(level) } }

    /// Unsuppressed diagnostics of `level`.
    public func unsuppressedCount(_ level: Severity) -> Int { files.summaries.reduce(0) { $0 + $1.unsuppressedCount(level) } }
}
