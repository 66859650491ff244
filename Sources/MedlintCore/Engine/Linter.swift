import Foundation
import MedlintMarkdown
import MedlintPatterns

/// Runs rules over a document and returns its diagnostics, in a deterministic order.
/// Pure: no printing, no files, no exiting. Matching runs over the segments' UTF-8 bytes.
/// One `Linter` is shared by all workers; each worker passes its own `MatchScratch`.
public struct Linter: Sendable {
    public let rules: [Rule]
    private let supersededBy: [String: [String]]
    private let prefilter: Prefilter

    public init(rules: [Rule]) {
        self.rules = rules
        var patterns: [Pattern] = []
        for rule in rules {
            switch rule.kind {
            case let .phrase(primary, _, _): patterns += primary
            case let .needsCitation(primary, _, _): patterns += primary
            case let .requires(when, _, require, _): patterns += when + require
            }
        }
        prefilter = Prefilter(patterns: patterns)
        var map: [String: [String]] = [:]
        for rule in rules {
            for superseded in rule.supersedes { map[superseded, default: []].append(rule.id) }
        }
        supersededBy = map
    }

    public func lint(_ document: Document, scratch: MatchScratch) -> [Diagnostic] {
        var run = LintRun(document: document, scratch: scratch, prefilter: prefilter)
        for rule in rules {
            run.apply(rule)
        }
        var diagnostics = run.diagnostics
        if !supersededBy.isEmpty {
            diagnostics = diagnostics.filter { diagnostic in
                guard let winners = supersededBy[diagnostic.ruleID] else { return true }
                return !diagnostics.contains { other in
                    winners.contains(other.ruleID) && other.range.overlaps(diagnostic.range)
                }
            }
        }
        return diagnostics.sorted(by: Self.order)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
        return a.ruleID < b.ruleID
    }
}

/// The work of linting one document: sentence splits are computed once per segment and shared by all rules.
struct LintRun {
    let document: Document
    let scratch: MatchScratch
    let prefilter: Prefilter
    var diagnostics: [Diagnostic] = []
    private var sentenceCache: [[Range<Int>]?]
    private var hitCache: [Prefilter.Hits?]

    init(document: Document, scratch: MatchScratch, prefilter: Prefilter) {
        self.document = document
        self.scratch = scratch
        self.prefilter = prefilter
        sentenceCache = Array(repeating: nil, count: document.segments.count)
        hitCache = Array(repeating: nil, count: document.segments.count)
    }

    /// The sentences of segment `index` in which `pattern` can match, by the prefilter.
    mutating func candidateSentences(_ pattern: Pattern, segment index: Int) -> [Int] {
        let all = sentences(index)
        guard let slot = prefilter.slotOf[ObjectIdentifier(pattern)] else { return Array(all.indices) }
        if hitCache[index] == nil { hitCache[index] = prefilter.hits(in: document.segments[index].text, sentences: all) }
        return hitCache[index]!.sentences(ofSlot: slot)
    }

    /// Every match of `patterns` in the candidate sentences of a segment, grouped by sentence index.
    mutating func matchesBySentence(_ patterns: [Pattern], segment index: Int, linkTextOnly: Bool = false) throws(PatternError) -> [Int: [Range<Int>]] {
        let segment = document.segments[index]
        let sentenceRanges = sentences(index)
        var found: [Int: [Range<Int>]] = [:]
        for pattern in patterns {
            for sentenceIndex in candidateSentences(pattern, segment: index) {
                try forEachMatch(pattern, in: segment, range: sentenceRanges[sentenceIndex]) { match in
                    let range = trimmed(match, in: segment.text)
                    guard !range.isEmpty else { return }
                    if linkTextOnly, !segment.links.contains(where: { $0.textRange.contains(range.lowerBound) }) { return }
                    if !(found[sentenceIndex]?.contains(where: { $0.overlaps(range) }) ?? false) {
                        found[sentenceIndex, default: []].append(range)
                    }
                }
            }
        }
        return found
    }

    mutating func sentences(_ index: Int) -> [Range<Int>] {
        if let cached = sentenceCache[index] { return cached }
        let split = SentenceSplitter.split(document.segments[index].text)
        sentenceCache[index] = split
        return split
    }

    mutating func apply(_ rule: Rule) {
        do throws(PatternError) {
            switch rule.kind {
            case let .phrase(patterns, exceptions, context):
                try applyPhrase(rule, patterns: patterns, exceptions: exceptions, context: context)
            case let .needsCitation(patterns, exceptions, citations):
                try applyNeedsCitation(rule, patterns: patterns, exceptions: exceptions, citations: citations)
            case let .requires(when, whenExceptions, require, within):
                try applyRequires(rule, when: when, whenExceptions: whenExceptions, require: require, within: within)
            }
        } catch {
            diagnostics.append(Diagnostic(
                ruleID: BuiltinChecks.ruleError.id, level: BuiltinChecks.ruleError.level,
                message: "rule '\(rule.id)' was skipped for this file: \(error)",
                range: 0..<0, matchedText: "", sentence: "", suggestion: nil, isDocumentLevel: true
            ))
        }
    }

    // MARK: - Matching helpers

    private func inScope(_ rule: Rule, _ segment: Segment) -> (Bool, linkTextOnly: Bool) {
        if !rule.scope.isDisjoint(with: segment.scopeNames) { return (true, false) }
        if rule.scope.contains("link-text"), !segment.links.isEmpty { return (true, true) }
        return (false, false)
    }

    private func forEachMatch(_ pattern: Pattern, in segment: Segment, range: Range<Int>, _ body: (Range<Int>) -> Void) throws(PatternError) {
        let result: Result<Void, PatternError> = segment.text.withUnsafeBufferPointer { buffer in
            do throws(PatternError) {
                try pattern.forEachMatch(in: buffer, range: range, scratch: scratch, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private func matchesAny(_ patterns: [Pattern], in segment: Segment, range: Range<Int>) throws(PatternError) -> Bool {
        for pattern in patterns {
            var found = false
            let result: Result<Void, PatternError> = segment.text.withUnsafeBufferPointer { buffer in
                do throws(PatternError) {
                    found = try pattern.firstMatch(in: buffer, range: range, scratch: scratch) != nil
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            try result.get()
            if found { return true }
        }
        return false
    }

    private func trimmed(_ range: Range<Int>, in text: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, SentenceSplitter.isSpace(text[lower]) { lower += 1 }
        while upper > lower, SentenceSplitter.isSpace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func diagnostic(_ rule: Rule, segment: Segment, match: Range<Int>, sentence: Range<Int>, documentLevel: Bool = false, message: String? = nil) -> Diagnostic {
        let matched = String(decoding: segment.text[match], as: UTF8.self)
        var text = message ?? rule.descriptor.message
        if text.contains("{match}") {
            var quoted = matched.split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
            if quoted.count > 80 { quoted = String(quoted.prefix(77)) + "..." }
            text = text.replacingOccurrences(of: "{match}", with: quoted)
        }
        return Diagnostic(
            ruleID: rule.id, level: rule.descriptor.level, message: text, range: segment.sourceRange(ofText: match),
            matchedText: matched, sentence: String(decoding: segment.text[sentence], as: UTF8.self),
            suggestion: rule.descriptor.suggestion.isEmpty ? nil : rule.descriptor.suggestion, isDocumentLevel: documentLevel
        )
    }

    // MARK: - Kinds

    private mutating func applyPhrase(_ rule: Rule, patterns: [Pattern], exceptions: [Pattern], context: [Pattern]) throws(PatternError) {
        for index in document.segments.indices {
            let segment = document.segments[index]
            let (included, linkTextOnly) = inScope(rule, segment)
            guard included else { continue }
            let found = try matchesBySentence(patterns, segment: index, linkTextOnly: linkTextOnly)
            guard !found.isEmpty else { continue }
            let sentenceRanges = sentences(index)
            for position in found.keys.sorted() {
                let sentence = sentenceRanges[position]
                if try matchesAny(exceptions, in: segment, range: sentence) { continue }
                if !context.isEmpty, !(try hasContext(context, segment: index, sentence: position)) { continue }
                for match in found[position]!.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    diagnostics.append(diagnostic(rule, segment: segment, match: match, sentence: sentence))
                }
            }
        }
    }

    /// Whether a context pattern occurs in the sentence, the sentence before it (in this segment
    /// or the last sentence of the previous one), or the nearest heading above.
    private mutating func hasContext(_ context: [Pattern], segment index: Int, sentence position: Int) throws(PatternError) -> Bool {
        let segment = document.segments[index]
        let sentenceRanges = sentences(index)
        if try matchesAny(context, in: segment, range: sentenceRanges[position]) { return true }
        if position > 0 {
            if try matchesAny(context, in: segment, range: sentenceRanges[position - 1]) { return true }
        } else {
            var previous = index - 1
            while previous >= 0, sentences(previous).isEmpty { previous -= 1 }
            if previous >= 0, let last = sentences(previous).last,
               try matchesAny(context, in: document.segments[previous], range: last) { return true }
        }
        if let heading = segment.headingIndex {
            let headingSegment = document.segments[heading]
            if try matchesAny(context, in: headingSegment, range: 0..<headingSegment.text.count) { return true }
        }
        return false
    }

    private func hasCitation(_ segment: Segment, citations: [Pattern]) throws(PatternError) -> Bool {
        for link in segment.links {
            let destination = link.destination.lowercased()
            if destination.hasPrefix("tel:") || destination.hasPrefix("mailto:") || destination.hasPrefix("#") || destination.isEmpty { continue }
            return true
        }
        if segment.footnoteReferences.contains(where: { document.footnoteDefinitions.contains($0.label) }) { return true }
        return try matchesAny(citations, in: segment, range: 0..<segment.text.count)
    }

    private mutating func applyNeedsCitation(_ rule: Rule, patterns: [Pattern], exceptions: [Pattern], citations: [Pattern]) throws(PatternError) {
        for index in document.segments.indices {
            let segment = document.segments[index]
            guard inScope(rule, segment).0 else { continue }
            let found = try matchesBySentence(patterns, segment: index)
            guard !found.isEmpty else { continue }
            let sentenceRanges = sentences(index)
            var cited: Bool?
            for position in found.keys.sorted() {
                let sentence = sentenceRanges[position]
                if try matchesAny(exceptions, in: segment, range: sentence) { continue }
                if cited == nil { cited = try hasCitation(segment, citations: citations) }
                if cited == true { break }
                for match in found[position]!.sorted(by: { $0.lowerBound < $1.lowerBound }) {
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

    private mutating func applyRequires(_ rule: Rule, when: [Pattern], whenExceptions: [Pattern], require: [Pattern], within: RequireRegion) throws(PatternError) {
        var firstMatchInRegion: [Int: (segment: Int, match: Range<Int>, sentence: Range<Int>)] = [:]
        var regionOrder: [Int] = []
        for index in document.segments.indices {
            let segment = document.segments[index]
            guard inScope(rule, segment).0 else { continue }
            let key = regionKey(index, within)
            guard firstMatchInRegion[key] == nil else { continue }
            // Only the first `when` match of a region matters: try candidate sentences in order and stop there.
            let sentenceRanges = sentences(index)
            var candidates = Set<Int>()
            for pattern in when { candidates.formUnion(candidateSentences(pattern, segment: index)) }
            sentenceLoop: for position in candidates.sorted() {
                let sentence = sentenceRanges[position]
                var first: Range<Int>?
                for pattern in when {
                    try forEachMatch(pattern, in: segment, range: sentence) { match in
                        let range = trimmed(match, in: segment.text)
                        if !range.isEmpty, first.map({ range.lowerBound < $0.lowerBound }) ?? true { first = range }
                    }
                }
                guard let match = first else { continue }
                if try matchesAny(whenExceptions, in: segment, range: sentence) { continue }
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
            let segment = document.segments[index]
            for pattern in require where !candidateSentences(pattern, segment: index).isEmpty {
                if try matchesAny([pattern], in: segment, range: 0..<segment.text.count) {
                    satisfied.insert(key)
                    break
                }
            }
        }
        for key in regionOrder where !satisfied.contains(key) {
            let first = firstMatchInRegion[key]!
            diagnostics.append(diagnostic(rule, segment: document.segments[first.segment], match: first.match, sentence: first.sentence, documentLevel: true))
        }
    }
}
