/// What a `check` run was asked to do, after the configuration and the flags are combined.
public struct CheckOptions: Sendable {
    public var jobs: Int
    public var maxFileBytes: Int
    public var includeSuppressed: Bool
    public var requireSuppressionReason: Bool
    public var frontMatterFields: [String]
    /// When finished reports move from memory to a temporary file (`FileReportStore`).
    public var spillBudget: FileReportStore.Budget

    public init(jobs: Int, maxFileBytes: Int, includeSuppressed: Bool, requireSuppressionReason: Bool, frontMatterFields: [String],
                spillBudget: FileReportStore.Budget = .fromEnvironment) {
        self.spillBudget = spillBudget
        self.jobs = jobs
        self.maxFileBytes = maxFileBytes
        self.includeSuppressed = includeSuppressed
        self.requireSuppressionReason = requireSuppressionReason
        self.frontMatterFields = frontMatterFields
    }
}
