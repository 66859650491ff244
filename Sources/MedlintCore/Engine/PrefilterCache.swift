import Foundation
import MedlintPatterns

/// The built-in pack's `Prefilter`, made once per process on a second core while the command line
/// and the configuration are read: decoding the pack and building the automaton over its ~17,000
/// literals are the largest fixed costs of a one-file run. Any rule set whose patterns it covers
/// (the pack, the pack minus rules switched off, one rule of it) shares it; other rule sets
/// build their own.
final class PrefilterCache: @unchecked Sendable {
    static let shared = PrefilterCache()

    private let condition = NSCondition()
    /// The build not yet started by any thread.
    private var pending: (@Sendable () -> Prefilter)?
    private var building = false
    private var prefilter: Prefilter?

    /// Starts building the prefilter for `rules()` on a background thread, unless one is built or
    /// being built. `rules` runs on that thread too (decoding the pack is worth moving as well).
    /// If the thread has not started by the time the prefilter is needed (a busy or slow-to-wake
    /// core), the thread that needs it builds it instead of waiting.
    func prepareInBackground(_ rules: @escaping @Sendable () -> [Rule]) {
        condition.lock()
        defer { condition.unlock() }
        guard pending == nil, !building, prefilter == nil else { return }
        pending = {
            Prefilter(patterns: LintPlan.patterns(of: rules()))
        }
        Thread.detachNewThread { [self] in buildIfPending() }
    }

    /// Runs the pending build on this thread, if no thread has started it.
    private func buildIfPending() {
        condition.lock()
        guard let build = pending else {
            condition.unlock()
            return
        }
        pending = nil
        building = true
        condition.unlock()
        let built = build()
        condition.lock()
        prefilter = built
        building = false
        condition.broadcast()
        condition.unlock()
    }

    /// The shared prefilter if it knows every one of `patterns` (waiting for a build under way), else nil.
    func prefilter(covering patterns: [Pattern]) -> Prefilter? {
        buildIfPending()
        condition.lock()
        while building { condition.wait() }
        let shared = prefilter
        condition.unlock()
        guard let shared, patterns.allSatisfy({ shared.indexOf[ObjectIdentifier($0)] != nil }) else { return nil }
        return shared
    }
}
