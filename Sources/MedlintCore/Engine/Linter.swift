import Foundation
import MedlintMarkdown
import MedlintPatterns

/// Runs rules over a document and returns its diagnostics, in a deterministic order.
/// Pure: no printing, no files, no exiting. Matching runs over the segments' UTF-8 bytes.
/// One `Linter` is shared by all workers; each worker passes its own `MatchScratch`.
public struct Linter: Sendable {
    public let rules: [Rule]
    private let supersededBy: [String: [String]]

    public init(rules: [Rule]) {
        self.rules = rules
        var map: [String: [String]] = [:]
        for rule in rules {
            for superseded in rule.supersedes { map[superseded, default: []].append(rule.id) }
        }
        supersededBy = map
    }

    public func lint(_ document: Document, scratch: MatchScratch) -> [Diagnostic] {
        var run = LintRun(document: document, scratch: scratch)
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
    var diagnostics: [Diagnostic] = []
    private var sentenceCache: [[Range<Int>]?]

    init(document: Document, scratch: MatchScratch) {
        self.document = document
        self.scratch = scratch
        sentenceCache = Array(repeating: nil, count: document.segments.count)
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
        var previousSentence: (segment: Int, range: Range<Int>)?
        for index in document.segments.indices {
            let segment = document.segments[index]
            let (included, linkTextOnly) = inScope(rule, segment)
            let sentenceRanges = sentences(index)
            defer { if let last = sentenceRanges.last { previousSentence = (index, last) } }
            guard included else { continue }
            for (position, sentence) in sentenceRanges.enumerated() {
                var found: [Range<Int>] = []
                for pattern in patterns {
                    try forEachMatch(pattern, in: segment, range: sentence) { match in
                        let range = trimmed(match, in: segment.text)
                        guard !range.isEmpty else { return }
                        if linkTextOnly, !segment.links.contains(where: { $0.textRange.contains(range.lowerBound) }) { return }
                        if !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
                    }
                }
                guard !found.isEmpty else { continue }
                if try matchesAny(exceptions, in: segment, range: sentence) { continue }
                if !context.isEmpty {
                    var hasContext = try matchesAny(context, in: segment, range: sentence)
                    if !hasContext {
                        if position > 0 {
                            hasContext = try matchesAny(context, in: segment, range: sentenceRanges[position - 1])
                        } else if let previous = previousSentence {
                            hasContext = try matchesAny(context, in: document.segments[previous.segment], range: previous.range)
                        }
                    }
                    if !hasContext, let heading = segment.headingIndex {
                        let headingSegment = document.segments[heading]
                        hasContext = try matchesAny(context, in: headingSegment, range: 0..<headingSegment.text.count)
                    }
                    if !hasContext { continue }
                }
                for match in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    diagnostics.append(diagnostic(rule, segment: segment, match: match, sentence: sentence))
                }
            }
        }
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
            var cited: Bool?
            for sentence in sentences(index) {
                var found: [Range<Int>] = []
                for pattern in patterns {
                    try forEachMatch(pattern, in: segment, range: sentence) { match in
                        let range = trimmed(match, in: segment.text)
                        if !range.isEmpty, !found.contains(where: { $0.overlaps(range) }) { found.append(range) }
                    }
                }
                guard !found.isEmpty else { continue }
                if try matchesAny(exceptions, in: segment, range: sentence) { continue }
                if cited == nil { cited = try hasCitation(segment, citations: citations) }
                if cited == true { break }
                for match in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
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
            sentenceLoop: for sentence in sentences(index) {
                var first: Range<Int>?
                for pattern in when {
                    try forEachMatch(pattern, in: segment, range: sentence) { match in
                        let range = trimmed(match, in: segment.text)
                        if !range.isEmpty, first == nil || range.lowerBound < first!.lowerBound { first = range }
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
            if try matchesAny(require, in: segment, range: 0..<segment.text.count) { satisfied.insert(key) }
        }
        for key in regionOrder where !satisfied.contains(key) {
            let first = firstMatchInRegion[key]!
            diagnostics.append(diagnostic(rule, segment: document.segments[first.segment], match: first.match, sentence: first.sentence, documentLevel: true))
        }
    }
}
