/// What a `check` run was asked to do, after the configuration and the flags are combined.
public struct CheckOptions: Sendable {
    /// Files linted at once; nil for one per core, asked of the system only when there is more
    /// than one file (reading the container's CPU quota costs a one-file run about 0.3 ms).
    public var jobs: Int?
    public var maxFileBytes: Int
    public var includeSuppressed: Bool
    public var requireSuppressionReason: Bool
    public var frontMatterFields: [String]
    /// When finished reports move from memory to a temporary file (`FileReportStore`).
    public var spillBudget: FileReportStore.Budget

    public init(jobs: Int?, maxFileBytes: Int, includeSuppressed: Bool, requireSuppressionReason: Bool, frontMatterFields: [String],
                spillBudget: FileReportStore.Budget = .fromEnvironment) {
        self.spillBudget = spillBudget
        self.jobs = jobs
        self.maxFileBytes = maxFileBytes
        self.includeSuppressed = includeSuppressed
        self.requireSuppressionReason = requireSuppressionReason
        self.frontMatterFields = frontMatterFields
    }
}
