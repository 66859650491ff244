import Foundation
import MedlintPatterns

/// The built-in pack's literal automaton (`MultiLiteralMatcher` over its ~17,700 literals), built
/// once per process on a second core while the command line and the configuration are read and
/// the rest of the pack is decoded on the first: it is the largest fixed cost of a one-file run.
/// Every prefilter over the pack's literal table shares it, whatever subset of rules runs.
final class MatcherCache: @unchecked Sendable {
    static let shared = MatcherCache()

    private let condition = NSCondition()
    /// The table to build for, while no thread has started on it.
    private var pending: (@Sendable () -> LiteralTable?)?
    private var building = false
    private var built: (table: LiteralTable, matcher: MultiLiteralMatcher)?

    /// Starts building the matcher for `table()` on a background thread, unless it was started.
    func prepareInBackground(_ table: @escaping @Sendable () -> LiteralTable?) {
        condition.lock()
        defer { condition.unlock() }
        guard pending == nil, !building, built == nil else { return }
        pending = table
        Thread.detachNewThread { [self] in buildIfPending(for: nil) }
    }

    /// Builds the pending matcher on this thread if no thread has started it. With `wanted`, only
    /// when the pending table is that table; a run that wants another one cancels it.
    private func buildIfPending(for wanted: LiteralTable?) {
        condition.lock()
        guard let table = pending else {
            condition.unlock()
            return
        }
        pending = nil
        building = true
        condition.unlock()
        var result: (LiteralTable, MultiLiteralMatcher)?
        if let table = table(), wanted == nil || wanted === table {
            result = (table, MultiLiteralMatcher(table: table))
        }
        condition.lock()
        built = result
        building = false
        condition.broadcast()
        condition.unlock()
    }

    /// The matcher for `table`: the shared one when it was prepared for this very table (waiting
    /// for a build under way, or building it here if no thread has started), else a new one.
    func matcher(for table: LiteralTable) -> MultiLiteralMatcher {
        buildIfPending(for: table)
        condition.lock()
        while building { condition.wait() }
        let shared = built
        condition.unlock()
        if let shared, shared.table === table { return shared.matcher }
        return MultiLiteralMatcher(table: table)
    }
}
