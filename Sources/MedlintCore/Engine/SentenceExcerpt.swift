extension Diagnostic {
    /// The most bytes a finding's `sentence` holds, "…" marks included.
    public static let sentenceExcerptLimit = 400

    /// The sentence text a finding stores: the whole sentence when it fits in `limit` bytes, else a
    /// window of it around `match`, cut at character boundaries (at a space when one is near), with
    /// "…" where text was cut. A 3 MB one-line paragraph with thousands of findings then stores a few
    /// hundred bytes per finding instead of the whole paragraph each time, and fingerprints (which
    /// hash the sentence) stay cheap.
    ///
    /// - Parameters:
    ///   - text: the segment's text (UTF-8).
    ///   - sentence: the sentence's byte range in `text`.
    ///   - match: the flagged bytes, inside `sentence`.
    public static func excerpt(of text: [UInt8], sentence: Range<Int>, around match: Range<Int>, limit: Int = sentenceExcerptLimit) -> String {
        let sentence = sentence.clamped(to: 0..<text.count)
        if sentence.count <= limit { return String(decoding: text[sentence], as: UTF8.self) }
        let ellipsis = "\u{2026}"
        let room = max(1, limit - 2 * ellipsis.utf8.count)
        let match = match.clamped(to: sentence)
        var lower: Int
        var upper: Int
        if match.count >= room {
            lower = match.lowerBound
            upper = lower + room
        } else {
            let before = (room - match.count) / 2
            lower = max(sentence.lowerBound, match.lowerBound - before)
            upper = min(sentence.upperBound, lower + room)
            lower = max(sentence.lowerBound, upper - room)
        }
        // Never cut inside a character.
        func isContinuation(_ index: Int) -> Bool { index < text.count && text[index] & 0xC0 == 0x80 }
        while lower < upper, isContinuation(lower) { lower += 1 }
        while upper > lower, upper < sentence.upperBound, isContinuation(upper) { upper -= 1 }
        // Prefer cutting at a space when one lies within a few bytes and keeps the match whole.
        let reach = 24
        if lower > sentence.lowerBound {
            let bound = min(match.lowerBound, lower + reach, upper)
            if let space = text[lower..<bound].firstIndex(where: { $0 == 0x20 }) { lower = space + 1 }
        }
        if upper < sentence.upperBound {
            let bound = max(match.upperBound, upper - reach, lower)
            if bound < upper, let space = text[bound..<upper].lastIndex(where: { $0 == 0x20 }) { upper = space }
        }
        var result = lower > sentence.lowerBound ? ellipsis : ""
        result += String(decoding: text[lower..<upper], as: UTF8.self)
        if upper < sentence.upperBound { result += ellipsis }
        return result
    }
}
