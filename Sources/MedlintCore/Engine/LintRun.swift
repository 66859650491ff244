import MedlintMarkdown
import MedlintPatterns

/// The work of linting one document. Each segment is read once by the prefilter and split into
/// sentences once, lazily, and only when some rule's pattern can match in it; every rule then
/// runs PCRE2 only at the places the prefilter allows.
struct LintRun {
    let document: Document
    let scratch: MatchScratch
    let plan: LintPlan
    var diagnostics: [Diagnostic] = []
    private var sentenceCache: [[Range<Int>]?]
    private var hitCache: [SegmentHits?]
    private let segmentMasks: [UInt64]

    init(document: Document, scratch: MatchScratch, plan: LintPlan) {
        self.document = document
        self.scratch = scratch
        self.plan = plan
        sentenceCache = Array(repeating: nil, count: document.segments.count)
        hitCache = Array(repeating: nil, count: document.segments.count)
        segmentMasks = document.segments.map(plan.scopes.mask(of:))
    }

    mutating func apply(_ rule: Rule, planned: LintPlan.PlannedRule) {
        do throws(PatternError) {
            switch rule.kind {
            case .phrase:
                try applyPhrase(rule, planned)
            case .needsCitation:
                try applyNeedsCitation(rule, planned)
            case let .requires(_, _, _, within):
                try applyRequires(rule, planned, within: within)
            }
        } catch {
            diagnostics.append(Diagnostic(
                ruleID: BuiltinChecks.ruleError.id, level: BuiltinChecks.ruleError.level,
                message: "rule '\(rule.id)' was skipped for this file: \(Self.reason(error))",
                range: 0..<0, matchedText: "", sentence: "", suggestion: nil, isDocumentLevel: true
            ))
        }
    }

    /// Why a rule was skipped, in one short line: a lexicon pattern can be tens of kilobytes, so
    /// only its start is quoted.
    static func reason(_ error: PatternError) -> String {
        func quoted(_ pattern: String) -> String {
            pattern.count > 60 ? "'" + pattern.prefix(57) + "...'" : "'" + pattern + "'"
        }
        switch error {
        case let .limitExceeded(pattern, message):
            return "a pattern backtracks too much on this text (PCRE2: \(message)): \(quoted(pattern))"
        case let .compile(pattern, message, offset):
            return "a pattern does not compile (PCRE2 at offset \(offset): \(message)): \(quoted(pattern))"
        case let .matchFailed(pattern, message):
            return "a pattern failed to match (PCRE2: \(message)): \(quoted(pattern))"
        }
    }

    // MARK: - Per-segment caches

    mutating func sentences(_ index: Int) -> [Range<Int>] {
        if let cached = sentenceCache[index] { return cached }
        let split = SentenceSplitter.split(document.segments[index].text)
        sentenceCache[index] = split
        return split
    }

    private mutating func hits(_ index: Int) -> SegmentHits {
        if let cached = hitCache[index] { return cached }
        let scanned = plan.prefilter.scan(document.segments[index].text)
        hitCache[index] = scanned
        return scanned
    }

    /// Whether the rule reads segment `index`, and whether only inside link text.
    private func inScope(_ planned: LintPlan.PlannedRule, _ index: Int) -> (Bool, linkTextOnly: Bool) {
        if planned.scopeMask & segmentMasks[index] != 0 { return (true, false) }
        if planned.readsLinkText, !document.segments[index].links.isEmpty { return (true, true) }
        return (false, false)
    }

    private mutating func anyPossible(_ patterns: [Int], segment index: Int) -> Bool {
        let found = hits(index)
        return patterns.contains { found.isPossible($0) }
    }

    // MARK: - Matching through the prefilter

    /// The sentences of segment `index` in which pattern `number` can match, ascending.
    private mutating func candidateSentences(_ number: Int, segment index: Int) -> [Int] {
        let found = hits(index)
        guard found.isPossible(number) else { return [] }
        let all = sentences(index)
        let prefilter = plan.prefilter
        let offsets: PatternOffsets
        if prefilter.hasLeading[number] {
            offsets = found.starts
        } else if prefilter.hasRequired[number] {
            offsets = found.required
        } else {
            return Array(all.indices)
        }
        var result: [Int] = []
        var sentence = 0
        for position in offsets.indices(of: number) {
            let offset = Int(offsets.offsets[position])
            while sentence < all.count, all[sentence].upperBound <= offset { sentence += 1 }
            guard sentence < all.count else { break }
            if all[sentence].contains(offset), result.last != sentence { result.append(sentence) }
        }
        return result
    }

    /// Every match of pattern `number` in `range` of segment `index`, as PCRE2 would find them
    /// scanning the range, but tried only where the prefilter allows.
    private mutating func forEachMatch(_ number: Int, segment index: Int, range: Range<Int>, _ body: (Range<Int>) -> Void) throws(PatternError) {
        let found = hits(index)
        guard found.isPossible(number) else { return }
        let prefilter = plan.prefilter
        let pattern = prefilter.patterns[number]
        let text = document.segments[index].text
        if prefilter.hasRequired[number], found.required.indices(of: number, in: range).isEmpty { return }
        if prefilter.hasLeading[number] {
            let window = found.starts.indices(of: number, in: range)
            guard !window.isEmpty else { return }
            try Self.withBuffers(text, found.starts.offsets, window) { buffer, starts throws(PatternError) in
                try pattern.forEachMatch(in: buffer, range: range, startingAt: starts, scratch: scratch, body)
            }
        } else {
            try Self.withBuffers(text, [], 0..<0) { buffer, _ throws(PatternError) in
                try pattern.forEachMatch(in: buffer, range: range, scratch: scratch, body)
            }
        }
    }

    /// Whether pattern `number` matches anywhere in `range` of segment `index`.
    private mutating func matches(_ number: Int, segment index: Int, range: Range<Int>) throws(PatternError) -> Bool {
        let found = hits(index)
        guard found.isPossible(number) else { return false }
        let prefilter = plan.prefilter
        let pattern = prefilter.patterns[number]
        let text = document.segments[index].text
        if prefilter.hasRequired[number], found.required.indices(of: number, in: range).isEmpty { return false }
        var matched = false
        if prefilter.hasLeading[number] {
            let window = found.starts.indices(of: number, in: range)
            guard !window.isEmpty else { return false }
            try Self.withBuffers(text, found.starts.offsets, window) { buffer, starts throws(PatternError) in
                matched = try pattern.firstMatch(in: buffer, range: range, startingAt: starts, scratch: scratch) != nil
            }
        } else {
            try Self.withBuffers(text, [], 0..<0) { buffer, _ throws(PatternError) in
                matched = try pattern.firstMatch(in: buffer, range: range, scratch: scratch) != nil
            }
        }
        return matched
    }

    private mutating func matchesAny(_ patterns: [Int], segment index: Int, range: Range<Int>) throws(PatternError) -> Bool {
        for number in patterns where try matches(number, segment: index, range: range) { return true }
        return false
    }

    private static func withBuffers(
        _ text: [UInt8], _ offsets: [Int32], _ window: Range<Int>,
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>) throws(PatternError) -> Void
    ) throws(PatternError) {
        let result: Result<Void, PatternError> = text.withUnsafeBufferPointer { buffer in
            offsets.withUnsafeBufferPointer { all in
                do throws(PatternError) {
                    try body(buffer, UnsafeBufferPointer(rebasing: all[window]))
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
        }
        try result.get()
    }

    /// Every match of the primary patterns in the candidate sentences of a segment, by sentence
    /// (ascending), each sentence's matches ascending; a match overlapping an earlier pattern's is dropped.
    private mutating func primaryMatches(_ patterns: [Int], segment index: Int, linkTextOnly: Bool) throws(PatternError) -> [(sentence: Int, matches: [Range<Int>])] {
        let segment = document.segments[index]
        var found: [Int: [Range<Int>]] = [:]
        for number in patterns {
            for sentenceIndex in candidateSentences(number, segment: index) {
                let sentenceRange = sentences(index)[sentenceIndex]
                try forEachMatch(number, segment: index, range: sentenceRange) { match in
                    let range = Self.trimmed(match, in: segment.text)
                    guard !range.isEmpty else { return }
                    if linkTextOnly, !segment.links.contains(where: { $0.textRange.contains(range.lowerBound) }) { return }
                    if !(found[sentenceIndex]?.contains(where: { $0.overlaps(range) }) ?? false) {
                        found[sentenceIndex, default: []].append(range)
                    }
                }
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!.sorted { $0.lowerBound < $1.lowerBound }) }
    }

    private static func trimmed(_ range: Range<Int>, in text: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, SentenceSplitter.isSpace(text[lower]) { lower += 1 }
        while upper > lower, SentenceSplitter.isSpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func diagnostic(_ rule: Rule, segment: Segment, match: Range<Int>, sentence: Range<Int>, documentLevel: Bool = false) -> Diagnostic {
        let matched = String(decoding: segment.text[match], as: UTF8.self)
        var text = rule.descriptor.message
        if text.utf8.contains(UInt8(ascii: "{")) {
            var quoted = matched.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
            if quoted.count > 80 { quoted = String(quoted.prefix(77)) + "..." }
            text = Self.replacingMatchPlaceholder(in: text, with: quoted)
        }
        return Diagnostic(
            ruleID: rule.id, level: rule.descriptor.level, message: text, range: segment.sourceRange(ofText: match),
            matchedText: matched, sentence: Diagnostic.excerpt(of: segment.text, sentence: sentence, around: match),
            suggestion: rule.descriptor.suggestion.isEmpty ? nil : rule.descriptor.suggestion, isDocumentLevel: documentLevel
        )
    }

    /// `template` with every "{match}" replaced (byte by byte: Foundation's replacingOccurrences
    /// cost 2% of a whole run).
    static func replacingMatchPlaceholder(in template: String, with replacement: String) -> String {
        let placeholder = Array("{match}".utf8)
        let bytes = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + replacement.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == placeholder[0], bytes[index...].starts(with: placeholder) {
                out += replacement.utf8
                index += placeholder.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Kinds

    private mutating func applyPhrase(_ rule: Rule, _ planned: LintPlan.PlannedRule) throws(PatternError) {
        for index in document.segments.indices {
            let (included, linkTextOnly) = inScope(planned, index)
            guard included, anyPossible(planned.primary, segment: index) else { continue }
            let found = try primaryMatches(planned.primary, segment: index, linkTextOnly: linkTextOnly)
            guard !found.isEmpty else { continue }
            let segment = document.segments[index]
            let sentenceRanges = sentences(index)
            for (position, matches) in found {
                let sentence = sentenceRanges[position]
                if try matchesAny(planned.exceptions, segment: index, range: sentence) { continue }
                if !planned.secondary.isEmpty, !(try hasContext(planned.secondary, segment: index, sentence: position)) { continue }
                for match in matches {
                    diagnostics.append(diagnostic(rule, segment: segment, match: match, sentence: sentence))
                }
            }
        }
    }

    /// Whether a context pattern occurs in the sentence, the sentence before it (in this segment
    /// or the last sentence of the previous one), or the nearest heading above.
    private mutating func hasContext(_ context: [Int], segment index: Int, sentence position: Int) throws(PatternError) -> Bool {
        let sentenceRanges = sentences(index)
        if try matchesAny(context, segment: index, range: sentenceRanges[position]) { return true }
        if position > 0 {
            if try matchesAny(context, segment: index, range: sentenceRanges[position - 1]) { return true }
        } else {
            var previous = index - 1
            while previous >= 0, sentences(previous).isEmpty { previous -= 1 }
            if previous >= 0, let last = sentences(previous).last,
               try matchesAny(context, segment: previous, range: last) { return true }
        }
        if let heading = document.segments[index].headingIndex {
            if try matchesAny(context, segment: heading, range: 0..<document.segments[heading].text.count) { return true }
        }
        return false
    }

    private mutating func hasCitation(segment index: Int, citations: [Int]) throws(PatternError) -> Bool {
        let segment = document.segments[index]
        for link in segment.links {
            let destination = link.destination.lowercased()
            if destination.hasPrefix("tel:") || destination.hasPrefix("mailto:") || destination.hasPrefix("#") || destination.isEmpty { continue }
            return true
        }
        if segment.footnoteReferences.contains(where: { document.footnoteDefinitions.contains($0.label) }) { return true }
        return try matchesAny(citations, segment: index, range: 0..<segment.text.count)
    }

    private mutating func applyNeedsCitation(_ rule: Rule, _ planned: LintPlan.PlannedRule) throws(PatternError) {
        for index in document.segments.indices {
            guard inScope(planned, index).0, anyPossible(planned.primary, segment: index) else { continue }
            let found = try primaryMatches(planned.primary, segment: index, linkTextOnly: false)
            guard !found.isEmpty else { continue }
            let segment = document.segments[index]
            let sentenceRanges = sentences(index)
            var cited: Bool?
            for (position, matches) in found {
                let sentence = sentenceRanges[position]
                if try matchesAny(planned.exceptions, segment: index, range: sentence) { continue }
                if cited == nil { cited = try hasCitation(segment: index, citations: planned.secondary) }
                if cited == true { break }
                for match in matches {
                    diagnostics.append(diagnostic(rule, segment: segment, match: match, sentence: sentence))
                }
            }
        }
    }

    private func regionKey(_ index: Int, _ within: RequireRegion) -> Int {
        switch within {
        case .document: return 0
        case .paragraph: return index
        case .section:
            let segment = document.segments[index]
            return segment.kind == .heading ? index : (segment.headingIndex ?? -1)
        }
    }

    private mutating func applyRequires(_ rule: Rule, _ planned: LintPlan.PlannedRule, within: RequireRegion) throws(PatternError) {
        var firstMatchInRegion: [Int: (segment: Int, match: Range<Int>, sentence: Range<Int>)] = [:]
        var regionOrder: [Int] = []
        for index in document.segments.indices {
            guard inScope(planned, index).0, anyPossible(planned.primary, segment: index) else { continue }
            let key = regionKey(index, within)
            guard firstMatchInRegion[key] == nil else { continue }
            let segment = document.segments[index]
            // Only the first `when` match of a region matters: try candidate sentences in order and stop there.
            var candidates: [Int] = []
            for number in planned.primary { candidates += candidateSentences(number, segment: index) }
            let sentenceRanges = sentences(index)
            var tried = -1
            sentenceLoop: for position in candidates.sorted() where position != tried {
                tried = position
                let sentence = sentenceRanges[position]
                var first: Range<Int>?
                for number in planned.primary {
                    try forEachMatch(number, segment: index, range: sentence) { match in
                        let range = Self.trimmed(match, in: segment.text)
                        if !range.isEmpty, first.map({ range.lowerBound < $0.lowerBound }) ?? true { first = range }
                    }
                }
                guard let match = first else { continue }
                if try matchesAny(planned.exceptions, segment: index, range: sentence) { continue }
                firstMatchInRegion[key] = (index, match, sentence)
                regionOrder.append(key)
                break sentenceLoop
            }
        }
        guard !regionOrder.isEmpty else { return }
        var satisfied: Set<Int> = []
        for index in document.segments.indices {
            let key = regionKey(index, within)
            guard firstMatchInRegion[key] != nil, !satisfied.contains(key) else { continue }
            if try matchesAny(planned.secondary, segment: index, range: 0..<document.segments[index].text.count) {
                satisfied.insert(key)
            }
        }
        for key in regionOrder where !satisfied.contains(key) {
            let first = firstMatchInRegion[key]!
            diagnostics.append(diagnostic(rule, segment: document.segments[first.segment], match: first.match, sentence: first.sentence, documentLevel: true))
        }
    }
}
