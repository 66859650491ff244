import Foundation
import MedlintMarkdown
import MedlintPatterns

/// Lints a set of files in parallel with bounded memory and returns one `CheckReport`:
/// read → decode → parse → lint → per-file rule settings → suppressions. A file's problems become
/// findings; nothing here prints or exits.
public struct CheckRunner: Sendable {
    public let linter: Linter
    public let configuration: Configuration
    public let options: CheckOptions
    private let knownRuleIDs: Set<String>

    public init(rules: [Rule], configuration: Configuration, options: CheckOptions) {
        // A rule switched off everywhere is not run at all; one switched off only by some settings is
        // run and its findings dropped per file.
        let offEverywhere = Set(configuration.rules.filter { $0.value == .off }.map(\.key))
            .subtracting(configuration.overrides.flatMap { $0.rules.filter { $0.value != .off }.map(\.key) })
        linter = Linter(rules: rules.filter { !offEverywhere.contains($0.id) })
        self.configuration = configuration
        self.options = options
        knownRuleIDs = Set(rules.map(\.id) + BuiltinChecks.all.map(\.id))
    }

    /// One file's findings, already filtered by the file's rule settings and suppressions.
    public func check(_ file: InputFile, bytes providedBytes: [UInt8]? = nil, scratch: MatchScratch) -> FileReport? {
        let outcome = providedBytes.map { InputReader.decode($0) } ?? InputReader.read(path: file.path, maxBytes: options.maxFileBytes)
        var diagnostics: [Diagnostic]
        var bytes: [UInt8] = []
        var lineIndex: LineIndex?
        switch outcome {
        case let .skipped(problem):
            diagnostics = [problem]
        case let .text(decoded, problems):
            bytes = decoded
            let document = Document(parsing: decoded, options: ParseOptions(frontMatterFields: options.frontMatterFields))
            lineIndex = document.lineIndex
            diagnostics = problems + BuiltinChecks.simplificationNotes(document) + linter.lint(document, scratch: scratch)
            diagnostics = applySettings(diagnostics, path: file.projectPath)
            diagnostics = SuppressionApplier(knownRuleIDs: knownRuleIDs, requireReason: options.requireSuppressionReason)
                .apply(diagnostics, document: document)
            diagnostics = applySettings(diagnostics, path: file.projectPath)
        }
        if !options.includeSuppressed { diagnostics.removeAll { $0.suppression != nil } }
        guard !diagnostics.isEmpty else { return nil }
        return FileReport(displayPath: file.displayPath, projectPath: file.projectPath, bytes: bytes, lineIndex: lineIndex, diagnostics: diagnostics)
    }

    private func applySettings(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
        let settings = configuration.settings(forRelativePath: path)
        guard !settings.ruleLevels.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard let setting = settings.ruleLevels[diagnostic.ruleID] else { return diagnostic }
            guard let level = setting.severity else { return nil }
            var changed = diagnostic
            changed.level = level
            return changed
        }
    }

    /// Lints every file, `jobs` at a time; results come back in the order of `files`, standard
    /// input last. `keep` may drop or trim each report before it is stored; large results go to a
    /// temporary file as `options.spillBudget` says (`FileReportStore`).
    public func run(_ files: [InputFile], stdin: (file: InputFile, bytes: [UInt8])? = nil,
                    keep: (@Sendable (FileReport) -> FileReport?)? = nil) -> FileReports {
        let store = FileReportStore(budget: options.spillBudget)
        let next = ManagedCounter()
        let workers = files.count < 2 ? 1 : max(1, min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scratch = MatchScratch()
            while true {
                let index = next.increment()
                guard index < files.count else { break }
                guard var report = check(files[index], scratch: scratch) else { continue }
                if let keep {
                    guard let kept = keep(report) else { continue }
                    report = kept
                }
                store.add(report, order: index)
            }
        }
        if let stdin, let report = check(stdin.file, bytes: stdin.bytes, scratch: MatchScratch()) {
            if let kept = keep == nil ? report : keep?(report) { store.add(kept, order: files.count) }
        }
        return store.finish()
    }
}

/// A thread-safe counter handing out file indexes to workers.
final class ManagedCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
