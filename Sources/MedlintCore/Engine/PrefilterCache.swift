import Foundation
import MedlintPatterns

/// The built-in pack's `Prefilter`, made once per process on a second core while the command line
/// and the configuration are read: from tables the build computed, or else by building the
/// automaton over the pack's ~17,000 literals (about 5 ms, the largest single cost of a one-file
/// run). Any rule set
/// whose patterns it covers (the pack, the pack minus rules switched off, one rule of it) shares
/// it; other rule sets build their own.
final class PrefilterCache: @unchecked Sendable {
    static let shared = PrefilterCache()

    private let condition = NSCondition()
    private var building = false
    private var prefilter: Prefilter?

    /// Starts building the prefilter for `rules()` on a background thread, unless one is built or
    /// being built. `rules` runs on that thread too (decoding the pack is worth moving as well).
    /// `tables()` may give the prefilter's tables computed ahead of time (`Prefilter.serialized()`);
    /// they are read instead of building the automaton when they match the rules' patterns.
    func prepareInBackground(_ rules: @escaping @Sendable () -> [Rule], tables: @escaping @Sendable () -> [UInt8]? = { nil }) {
        condition.lock()
        defer { condition.unlock() }
        guard !building, prefilter == nil else { return }
        building = true
        // Two threads: one decodes the tables (they need no patterns), one decodes the rule pack
        // (which the main thread is about to need too) and then puts the two together.
        let decodedTables = Handoff<Prefilter.Tables?>()
        Thread.detachNewThread { decodedTables.put(tables().flatMap(Prefilter.Tables.init)) }
        Thread.detachNewThread { [self] in
            let patterns = LintPlan.patterns(of: rules())
            let built = decodedTables.take().flatMap { Prefilter(tables: $0, patterns: patterns) } ?? Prefilter(patterns: patterns)
            condition.lock()
            prefilter = built
            building = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The shared prefilter if it knows every one of `patterns` (waiting for a build under way), else nil.
    func prefilter(covering patterns: [Pattern]) -> Prefilter? {
        condition.lock()
        while building { condition.wait() }
        let shared = prefilter
        condition.unlock()
        guard let shared, patterns.allSatisfy({ shared.indexOf[ObjectIdentifier($0)] != nil }) else { return nil }
        return shared
    }
}

/// One value passed from one thread to another: `take` waits until `put` has run.
private final class Handoff<Value>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func put(_ value: Value) {
        self.value = value
        ready.signal()
    }

    func take() -> Value {
        ready.wait()
        return value!
    }
}
