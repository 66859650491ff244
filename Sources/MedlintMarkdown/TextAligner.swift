/// Lines up a literal that cmark-gfm decoded (escapes resolved, entities decoded) with the source
/// bytes it came from, and appends it to a segment so that every byte keeps its source position.
enum TextAligner {
    static func append(
        literal: [UInt8],
        source: UnsafeBufferPointer<UInt8>,
        range: Range<Int>,
        to builder: inout SegmentBuilder
    ) {
        var i = max(range.lowerBound, min(builder.sourceCursor, range.upperBound))
        let limit = max(i, min(range.upperBound, source.count))
        var j = 0
        var runStart = i
        func flush(_ end: Int) {
            if end > runStart { builder.appendSource(source, range: runStart..<end) }
        }
        while j < literal.count {
            guard i < limit else {
                flush(i)
                // The source ran out (cmark's position was wrong): map what is left to where the
                // source stopped, never before what was already mapped.
                let anchor = min(max(i, builder.sourceCursor), source.count)
                builder.appendAtomic(Array(literal[j...]), source: anchor..<min(anchor + 1, source.count))
                return
            }
            let byte = source[i]
            if byte == UInt8(ascii: "&"), let entity = EntityDecoder.decode(source, at: i, limit: limit),
               literal.count - j >= entity.decoded.count,
               literal[j..<(j + entity.decoded.count)].elementsEqual(entity.decoded) {
                flush(i)
                builder.appendAtomic(entity.decoded, source: i..<(i + entity.length))
                i += entity.length
                j += entity.decoded.count
                runStart = i
            } else if byte == UInt8(ascii: "\\"), i + 1 < limit, isASCIIPunctuation(source[i + 1]), literal[j] == source[i + 1] {
                flush(i)
                builder.appendAtomic([literal[j]], source: i..<(i + 2))
                i += 2
                j += 1
                runStart = i
            } else if byte == literal[j] {
                i += 1
                j += 1
            } else {
                // A source byte the literal does not have (trailing space, table-cell padding): skip it.
                flush(i)
                i += 1
                runStart = i
            }
        }
        flush(i)
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }
}
