import CPCRE2

/// The mutable state one worker needs to run patterns: PCRE2 match data, a match context with
/// limits, and a JIT stack. Created once per worker and reused for every match, so the hot loop
/// allocates nothing. Never share one between threads.
public final class MatchScratch {
    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?

    /// The match limit bounds backtracking, so a catastrophic pattern fails fast instead of hanging.
    public static let defaultMatchLimit: UInt32 = 2_000_000
    public static let defaultDepthLimit: UInt32 = 10_000

    public init(matchLimit: UInt32 = MatchScratch.defaultMatchLimit, depthLimit: UInt32 = MatchScratch.defaultDepthLimit) {
        matchData = pcre2_match_data_create_8(32, nil)!
        context = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        pcre2_set_heap_limit_8(context, 64 * 1024)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
