/// Removes the findings a baseline already records. An entry matches a finding with the same path
/// and fingerprint, else (a renamed or moved file) the same fingerprint elsewhere; each entry
/// silences at most one finding. Entries left over no longer occur.
///
/// Reports are read one at a time (a large run's reports may be in a temporary file, see
/// `FileReportStore`): matching keeps one flag per finding, not the findings.
public struct BaselineMatcher {
    public let baseline: Baseline

    public init(baseline: Baseline) { self.baseline = baseline }

    public func apply(to files: [FileReport]) -> (files: [FileReport], staleEntries: Int) {
        let (kept, stale) = apply(to: FileReports(files), budget: .unlimited)
        return (Array(kept), stale)
    }

    /// The reports without their baseline-matched findings (the others marked `new`), stored as
    /// `budget` says, and the number of entries that matched nothing.
    public func apply(to files: FileReports, budget: FileReportStore.Budget) -> (files: FileReports, staleEntries: Int) {
        var unused = Array(repeating: true, count: baseline.entries.count)
        var byPathAndFingerprint: [String: [Int]] = [:]
        var byFingerprint: [String: [Int]] = [:]
        for (index, entry) in baseline.entries.enumerated() {
            byPathAndFingerprint[entry.path + "\u{0}" + entry.fingerprint, default: []].append(index)
            byFingerprint[entry.fingerprint, default: []].append(index)
        }
        func take(_ candidates: [Int]?) -> Bool {
            guard let index = candidates?.first(where: { unused[$0] }) else { return false }
            unused[index] = false
            return true
        }
        var matched = files.indices.map { Array(repeating: false, count: files.summary(at: $0).diagnosticCount) }
        for fileIndex in files.indices {
            let file = files[fileIndex]
            for (index, fingerprint) in file.fingerprints.enumerated() where file.diagnostics[index].suppression == nil {
                matched[fileIndex][index] = take(byPathAndFingerprint[file.projectPath + "\u{0}" + fingerprint])
            }
        }
        for fileIndex in files.indices {
            let file = files[fileIndex]
            for (index, fingerprint) in file.fingerprints.enumerated() where !matched[fileIndex][index] && file.diagnostics[index].suppression == nil {
                matched[fileIndex][index] = take(byFingerprint[fingerprint])
            }
        }
        let store = FileReportStore(budget: budget)
        for fileIndex in files.indices {
            let file = files[fileIndex]
            var kept = file
            kept.diagnostics = []
            kept.fingerprints = []
            for index in file.diagnostics.indices where !matched[fileIndex][index] {
                var diagnostic = file.diagnostics[index]
                diagnostic.baselineState = .new
                kept.diagnostics.append(diagnostic)
                kept.fingerprints.append(file.fingerprints[index])
            }
            if !kept.diagnostics.isEmpty { store.add(kept) }
        }
        return (store.finish(), unused.filter { $0 }.count)
    }
}
