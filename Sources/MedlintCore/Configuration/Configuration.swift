/// The settings of a `.medlint.yml`, after parsing and validation. Precedence when a run is set up:
/// built-in defaults < this file < its `overrides` (the last matching one wins) < command-line flags.
public struct Configuration: Sendable, Equatable {
    /// A rule's configured level, or `off`.
    public enum RuleSetting: String, Sendable, Equatable {
        case off, note, warning, error

        public var severity: Severity? { Severity(rawValue: rawValue) }
    }

    /// Settings that apply to files matching `paths` (globs relative to the configuration's folder).
    public struct Override: Sendable, Equatable {
        public var paths: [String]
        public var rules: [String: RuleSetting]
        public init(paths: [String], rules: [String: RuleSetting]) {
            self.paths = paths
            self.rules = rules
        }
    }

    /// The configuration file, or nil for built-in defaults.
    public var path: String?
    /// The folder globs are relative to (the configuration file's folder, or the project root).
    public var baseDirectory: String
    public var rules: [String: RuleSetting] = [:]
    /// When non-empty, only files matching one of these globs are linted.
    public var include: [String] = []
    public var exclude: [String] = []
    public var frontMatterFields: [String]? = nil
    /// Folders of custom rules, absolute or relative to `baseDirectory`.
    public var ruleDirectories: [String] = []
    /// Extra terms for named lexicons.
    public var lexicons: [String: [String]] = [:]
    /// The organisation's own disclaimer wording, accepted by missing-medical-disclaimer.
    public var disclaimers: [String] = []
    public var failOn: String? = nil
    public var maxFileBytes: Int = 4 * 1024 * 1024
    public var requireSuppressionReason: Bool = true
    public var overrides: [Override] = []
    /// Where each key was set (file:line:col), for `--print-config` and error messages about rule ids.
    public var ruleLocations: [String: String] = [:]
    /// Where each name under `lexicons` was written (file:line:col), so an unknown lexicon name,
    /// found only once the rule pack is loaded, can still be reported at its line and column.
    public var lexiconLocations: [String: String] = [:]

    public init(path: String? = nil, baseDirectory: String) {
        self.path = path
        self.baseDirectory = baseDirectory
    }
}
