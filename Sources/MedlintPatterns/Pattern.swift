import CPCRE2

/// A regular expression compiled once by PCRE2 (UTF mode, JIT-compiled where the platform allows)
/// and shared read-only by every worker. Matching needs a per-worker `MatchScratch`.
/// A lazy pattern is compiled on first use, so a run pays only for the rules whose words occur.
public final class Pattern: @unchecked Sendable {
    /// The compiled code; pcre2_code is immutable after compilation and safe to share between threads.
    private struct Compiled: @unchecked Sendable {
        let code: OpaquePointer
        let isJITCompiled: Bool
    }

    /// One compiled form of the pattern. It starts interpreted, and gets a JIT-compiled copy once
    /// it has been used `jitThreshold` times: JIT-compiling a 500-phrase lexicon pattern takes
    /// 1-2 ms, more than a one-file run spends matching it, and pays back only on many files.
    private struct Slot: @unchecked Sendable {
        var interpreted: Result<OpaquePointer, PatternError>?
        var jitted: OpaquePointer?
        var uses = 0
        var jitFailed = false

        mutating func resolve(_ source: String, _ options: PatternOptions, anchored: Bool, serialized: (() -> [UInt8]?)?) -> Result<Compiled, PatternError> {
            if let jitted { return .success(Compiled(code: jitted, isJITCompiled: true)) }
            if interpreted == nil { interpreted = Pattern.code(source, options, anchored: anchored, serialized: serialized) }
            switch interpreted! {
            case let .failure(error):
                return .failure(error)
            case let .success(code):
                uses += 1
                if uses >= Pattern.jitThreshold, !jitFailed {
                    if case let .success(copy) = Pattern.code(source, options, anchored: anchored, serialized: serialized),
                       pcre2_jit_compile_8(copy, UInt32(PCRE2_JIT_COMPLETE)) == 0 {
                        jitted = copy
                        return .success(Compiled(code: copy, isJITCompiled: true))
                    }
                    jitFailed = true
                }
                return .success(Compiled(code: code, isJITCompiled: false))
            }
        }

        func free() {
            if case let .success(code) = interpreted { pcre2_code_free_8(code) }
            if let jitted { pcre2_code_free_8(jitted) }
        }
    }

    /// Uses of a compiled form before it is JIT-compiled.
    static let jitThreshold = 200

    private let state: Locked<Slot>
    /// The same pattern compiled with PCRE2_ANCHORED, for matching at known start positions
    /// (PCRE2's JIT ignores PCRE2_ANCHORED given at match time, so it has to be compiled in).
    private let anchoredState: Locked<Slot>
    /// The pattern as written.
    public let source: String
    public let options: PatternOptions
    /// The literals as strings, unless they are given as numbers in `literalIDs`.
    private let givenLiterals: LiteralExtractor.Literals?
    /// The literals as numbers in a pack's `LiteralTable`, for patterns decoded from one (the
    /// strings are then made only when asked for).
    public let literalIDs: LiteralIDs?
    /// Compiled code made at build time, for patterns decoded from a precompiled pack.
    private let precompiled: PrecompiledCode?

    /// What the prefilter needs to know about this pattern (see `LiteralExtractor`).
    public var literals: LiteralExtractor.Literals {
        if let givenLiterals { return givenLiterals }
        let ids = literalIDs!
        return .init(required: ids.required.map(ids.table.strings), leading: ids.leading.map(ids.table.strings))
    }
    /// Strings of which every match contains one (lower-cased ASCII), for the prefilter; nil when none is known.
    public var requiredLiterals: [String]? {
        if let givenLiterals { return givenLiterals.required }
        return literalIDs!.required.map(literalIDs!.table.strings)
    }
    /// Strings of which every match attempt starts with one (see `LiteralExtractor`); nil when none is known.
    public var leadingLiterals: [String]? {
        if let givenLiterals { return givenLiterals.leading }
        return literalIDs!.leading.map(literalIDs!.table.strings)
    }

    /// Compiles now: a pattern that does not compile is an error here.
    public init(_ source: String, options: PatternOptions = .default) throws(PatternError) {
        self.source = source
        self.options = options
        givenLiterals = LiteralExtractor.literals(of: source)
        literalIDs = nil
        precompiled = nil
        let compiled = Self.compile(source, options: options, anchored: false)
        state = Locked(Slot(interpreted: compiled))
        anchoredState = Locked(Slot())
        if case let .failure(error) = compiled { throw error }
    }

    /// Compiles on first use; a compile error then surfaces from matching. The literals may be
    /// given when they were computed ahead of time (the built-in pack does so at build time),
    /// as strings or as numbers in the pack's literal table.
    public init(lazy source: String, options: PatternOptions = .default, literals: LiteralExtractor.Literals? = nil) {
        self.source = source
        self.options = options
        givenLiterals = literals ?? LiteralExtractor.literals(of: source)
        literalIDs = nil
        precompiled = nil
        state = Locked(Slot())
        anchoredState = Locked(Slot())
    }

    public init(lazy source: String, options: PatternOptions = .default, literalIDs: LiteralIDs, precompiled: PrecompiledCode? = nil) {
        self.source = source
        self.options = options
        givenLiterals = nil
        self.literalIDs = literalIDs
        self.precompiled = precompiled
        state = Locked(Slot())
        anchoredState = Locked(Slot())
    }

    private func compiled() throws(PatternError) -> Compiled {
        let result = state.withLock { $0.resolve(source, options, anchored: false, serialized: precompiled?.unanchored) }
        return try result.get()
    }

    private func anchoredCompiled() throws(PatternError) -> Compiled {
        let result = anchoredState.withLock { $0.resolve(source, options, anchored: true, serialized: precompiled?.anchored) }
        return try result.get()
    }

    /// Code for the pattern, not JIT-compiled: decoded from `serialized()` when that gives bytes
    /// PCRE2 accepts, else compiled from the source.
    private static func code(_ source: String, _ options: PatternOptions, anchored: Bool, serialized: (() -> [UInt8]?)?)
        -> Result<OpaquePointer, PatternError> {
        if let decoded = serialized?().flatMap(decode) { return .success(decoded) }
        return compile(source, options: options, anchored: anchored)
    }

    /// Compiles without JIT.
    private static func compile(_ source: String, options: PatternOptions, anchored: Bool) -> Result<OpaquePointer, PatternError> {
        var flags = UInt32(PCRE2_UTF)
        if anchored { flags |= UInt32(PCRE2_ANCHORED) }
        if options.contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
        if options.contains(.unicodeProperties) { flags |= UInt32(PCRE2_UCP) }
        let bytes = Array(source.utf8)
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            return .failure(.compile(pattern: source, message: PCRE2Message.text(for: errorCode), offset: errorOffset))
        }
        return .success(compiled)
    }

    /// Code serialized by PCRE2 (not JIT-compiled), for a build to store; nil if it does not compile.
    public func serializedCode(anchored: Bool) -> [UInt8]? {
        guard case let .success(code) = Self.compile(source, options: options, anchored: anchored) else { return nil }
        defer { pcre2_code_free_8(code) }
        var codes: [OpaquePointer?] = [code]
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        let written = codes.withUnsafeMutableBufferPointer { codes in
            codes.baseAddress!.withMemoryRebound(to: OpaquePointer?.self, capacity: 1) { pointer in
                pcre2_serialize_encode_8(pointer, 1, &bytes, &size, nil)
            }
        }
        guard written == 1, let bytes else { return nil }
        defer { pcre2_serialize_free_8(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// Code that `serializedCode(anchored:)` wrote, or nil if this PCRE2 refuses it.
    private static func decode(_ bytes: [UInt8]) -> OpaquePointer? {
        var code: OpaquePointer?
        let count = bytes.withUnsafeBufferPointer { buffer in
            pcre2_serialize_decode_8(&code, 1, buffer.baseAddress, nil)
        }
        guard count == 1 else { return nil }
        return code
    }

    deinit {
        state.withLock { $0.free() }
        anchoredState.withLock { $0.free() }
    }

    /// One PCRE2 match attempt over `base[..<end]` from `start`: the match, or nil for none.
    @inline(__always)
    private func attempt(_ compiled: Compiled, _ base: UnsafePointer<UInt8>, end: Int, start: Int, scratch: MatchScratch) throws(PatternError) -> Range<Int>? {
        let rc: Int32
        if compiled.isJITCompiled {
            rc = pcre2_jit_match_8(compiled.code, base, end, start, 0, scratch.matchData, scratch.context)
        } else {
            rc = pcre2_match_8(compiled.code, base, end, start, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, scratch.context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw error(for: rc) }
        let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        return ovector[0]..<ovector[1]
    }

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
        let compiled = try compiled()
        let end = min(range.upperBound, subject.count)
        var start = range.lowerBound
        while start <= end, let match = try attempt(compiled, base, end: end, start: start, scratch: scratch) {
            body(match)
            if !match.isEmpty {
                start = match.upperBound
            } else {
                // Empty match: step over one whole UTF-8 character.
                start = match.upperBound + 1
                while start < end, subject[start] & 0xC0 == 0x80 { start += 1 }
            }
        }
    }

    /// Like `forEachMatch(in:range:scratch:_:)`, but tries the pattern only at `starts` (ascending
    /// byte offsets). The result is the same whenever every match attempt that succeeds begins at
    /// one of `starts`, which is what `leadingLiterals` guarantee for the offsets where they occur.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        startingAt starts: UnsafeBufferPointer<Int32>,
        scratch: MatchScratch,
        _ body: (Range<Int>) -> Void
    ) throws(PatternError) {
        guard let base = subject.baseAddress, !starts.isEmpty else { return }
        let compiled = try anchoredCompiled()
        let end = min(range.upperBound, subject.count)
        var next = range.lowerBound
        for start32 in starts {
            let start = Int(start32)
            guard start >= next else { continue }
            guard start < end else { return }
            guard let match = try attempt(compiled, base, end: end, start: start, scratch: scratch) else { continue }
            body(match)
            next = match.isEmpty ? match.upperBound + 1 : match.upperBound
        }
    }

    /// The first match in `subject[range]` that starts at one of `starts`, if any.
    public func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        startingAt starts: UnsafeBufferPointer<Int32>,
        scratch: MatchScratch
    ) throws(PatternError) -> Range<Int>? {
        guard let base = subject.baseAddress, !starts.isEmpty else { return nil }
        let compiled = try anchoredCompiled()
        let end = min(range.upperBound, subject.count)
        for start32 in starts {
            let start = Int(start32)
            guard start >= range.lowerBound else { continue }
            guard start < end else { return nil }
            if let match = try attempt(compiled, base, end: end, start: start, scratch: scratch) { return match }
        }
        return nil
    }

    /// The first match in `subject[range]`, if any.
    public func firstMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        scratch: MatchScratch
    ) throws(PatternError) -> Range<Int>? {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return nil }
        let compiled = try compiled()
        let end = min(range.upperBound, subject.count)
        guard range.lowerBound <= end else { return nil }
        return try attempt(compiled, base, end: end, start: range.lowerBound, scratch: scratch)
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
