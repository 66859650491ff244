import CPCRE2

/// A regular expression compiled once by PCRE2 (UTF mode, JIT-compiled where the platform allows)
/// and shared read-only by every worker. Matching needs a per-worker `MatchScratch`.
public final class Pattern: @unchecked Sendable {
    // pcre2_code is immutable after compilation and documented as safe to share between threads.
    let code: OpaquePointer
    let isJITCompiled: Bool
    /// The pattern as written.
    public let source: String
    public let options: PatternOptions

    public init(_ source: String, options: PatternOptions = .default) throws(PatternError) {
        self.source = source
        self.options = options
        var flags = UInt32(PCRE2_UTF)
        if options.contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
        if options.contains(.unicodeProperties) { flags |= UInt32(PCRE2_UCP) }
        let bytes = Array(source.utf8)
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw .compile(pattern: source, message: PCRE2Message.text(for: errorCode), offset: errorOffset)
        }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// Calls `body` with every non-overlapping match in `subject[range]`, as byte ranges of `subject`.
    /// Text before `range.lowerBound` is visible to lookbehinds; nothing after `range.upperBound` is.
    /// `subject` must be valid UTF-8 (checked once per file by the caller, not per match).
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        scratch: MatchScratch,
        _ body: (Range<Int>) -> Void
    ) throws(PatternError) {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return }
        let end = min(range.upperBound, subject.count)
        var start = range.lowerBound
        while start <= end {
            let rc: Int32
            if isJITCompiled {
                rc = pcre2_jit_match_8(code, base, end, start, 0, scratch.matchData, scratch.context)
            } else {
                rc = pcre2_match_8(code, base, end, start, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
            }
            if rc == PCRE2_ERROR_NOMATCH { return }
            if rc < 0 { throw error(for: rc) }
            let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
            let matchStart = ovector[0]
            let matchEnd = ovector[1]
            body(matchStart..<matchEnd)
            if matchEnd > matchStart {
                start = matchEnd
            } else {
                // Empty match: step over one whole UTF-8 character.
                start = matchEnd + 1
                while start < end, subject[start] & 0xC0 == 0x80 { start += 1 }
            }
        }
    }

    /// The first match in `subject[range]`, if any.
    public func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        scratch: MatchScratch
    ) throws(PatternError) -> Range<Int>? {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return nil }
        let end = min(range.upperBound, subject.count)
        guard range.lowerBound <= end else { return nil }
        let rc: Int32
        if isJITCompiled {
            rc = pcre2_jit_match_8(code, base, end, range.lowerBound, 0, scratch.matchData, scratch.context)
        } else {
            rc = pcre2_match_8(code, base, end, range.lowerBound, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw error(for: rc) }
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        return ovector[0]..<ovector[1]
    }

    /// Convenience for tests and tools: every match in a Swift string, as byte ranges of its UTF-8.
    public func matches(in text: String, scratch: MatchScratch = MatchScratch()) throws(PatternError) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var found: [Range<Int>] = []
        let result: Result<Void, PatternError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(PatternError) {
                try forEachMatch(in: buffer, range: 0..<buffer.count, scratch: scratch) { found.append($0) }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return found
    }

    private func error(for rc: Int32) -> PatternError {
        let message = PCRE2Message.text(for: rc)
        switch rc {
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
            return .limitExceeded(pattern: source, message: message)
        default:
            return .matchFailed(pattern: source, message: message)
        }
    }
}
