/// One file to lint, with its path in the three forms medlint needs.
public struct InputFile: Sendable, Equatable {
    /// The path to open.
    public let path: String
    /// Relative to the current directory where possible, for people.
    public let displayPath: String
    /// Relative to the project root, `/`-separated, symlinks resolved, for CI formats.
    public let projectPath: String

    public init(path: String, displayPath: String, projectPath: String) {
        self.path = path
        self.displayPath = displayPath
        self.projectPath = projectPath
    }
}
