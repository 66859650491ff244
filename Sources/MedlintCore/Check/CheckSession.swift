import Foundation
import MedlintPatterns

/// One `medlint check`: find the files, lint them, and gather the report.
public struct CheckSession {
    public let setup: RunSetup
    public let options: CheckOptions
    public let toolVersion: String
    public let packVersion: String

    public init(setup: RunSetup, options: CheckOptions, toolVersion: String, packVersion: String) {
        self.setup = setup
        self.options = options
        self.toolVersion = toolVersion
        self.packVersion = packVersion
    }

    /// Which findings a run reports by what changed.
    public enum ChangeScope: Sendable, Equatable {
        case all
        /// Only findings on lines changed since the merge base of this revision and HEAD.
        case diffBase(String)
        /// Only findings on staged lines, linting the staged content.
        case staged
    }

    /// Lints `paths` (the current directory when empty) and, when given, standard input as `stdinName`.
    public func run(
        paths: [String], stdin: [UInt8]? = nil, stdinName: String = "<stdin>",
        changeScope: ChangeScope = .all, baseline: Baseline? = nil
    ) throws(ConfigurationError) -> CheckReport {
        let configuration = setup.configuration
        let base = configuration.baseDirectory
        let root = setup.projectRoot
        let discovery = FileDiscovery(currentDirectory: setup.currentDirectory, projectRoot: root) { projectPath in
            configuration.isIncluded(relativePath: Self.rebase(projectPath, from: root, to: base))
        }
        var files = paths.isEmpty && stdin == nil ? try discovery.discover(["."]) : try discovery.discover(paths)
        let runner = CheckRunner(rules: setup.rules, configuration: configuration, options: options)
        var stdinInput: (file: InputFile, bytes: [UInt8])?
        if let stdin {
            let projectPath = discovery.projectRelative(stdinName) ?? stdinName
            stdinInput = (InputFile(path: stdinName, displayPath: stdinName, projectPath: projectPath), stdin)
        }
        var reports: FileReports
        switch changeScope {
        case .all:
            reports = runner.run(files, stdin: stdinInput)
        case let .diffBase(revision):
            let changes = try GitRepository(root: root).changes(since: revision)
            files = files.filter { changes[$0.projectPath] != nil }
            let filter = ChangeFilter(changes: changes)
            reports = runner.run(files, stdin: stdinInput, keep: { filter.filter($0) })
        case .staged:
            let repository = GitRepository(root: root)
            let changes = try repository.stagedChanges()
            files = files.filter { changes[$0.projectPath] != nil }
            let filter = ChangeFilter(changes: changes)
            let scratch = MatchScratch()
            let store = FileReportStore(budget: options.spillBudget)
            for file in files {
                let staged = try repository.stagedContent(of: file.projectPath)
                if let report = runner.check(file, bytes: staged, scratch: scratch), let kept = filter.filter(report) {
                    store.add(kept)
                }
            }
            reports = store.finish()
        }
        var stale: Int?
        if let baseline {
            (reports, stale) = BaselineMatcher(baseline: baseline).apply(to: reports, budget: options.spillBudget)
        }
        var report = CheckReport(reports: reports, rules: setup.activeRules, filesChecked: files.count + (stdin == nil ? 0 : 1),
                                 toolVersion: toolVersion, packVersion: packVersion, staleBaselineEntries: stale)
        report.changeScope = changeScope
        return report
    }

    /// A project-relative path made relative to the configuration's folder (they differ when the
    /// configuration lives in a subfolder of the repository).
    public static func rebase(_ projectPath: String, from root: String, to base: String) -> String {
        let resolvedBase = FileDiscovery.realPath(base) ?? base
        guard resolvedBase != root, resolvedBase.hasPrefix(root + "/") else { return projectPath }
        let prefix = String(resolvedBase.dropFirst(root.count + 1)) + "/"
        return projectPath.hasPrefix(prefix) ? String(projectPath.dropFirst(prefix.count)) : "../" + projectPath
    }

    /// 0 when nothing reaches the fail level, 1 when something does (`never` never fails).
    public static func exitCode(_ report: CheckReport, failOn: Severity?) -> Int32 {
        guard let failOn else { return 0 }
        return Severity.allCases.contains { $0 >= failOn && report.unsuppressedCount($0) > 0 } ? 1 : 0
    }
}
