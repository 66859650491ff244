/// Accumulates the text of one segment and its source map while the Markdown tree is walked.
/// Normalises as it goes (curly quotes, NBSP, Unicode hyphens, invisible characters) so that rule
/// patterns can be written once; every normalised character stays mapped to its source bytes.
struct SegmentBuilder {
    var text: [UInt8] = []
    var map = SourceMap()
    var links: [Link] = []
    var footnoteReferences: [FootnoteReference] = []
    /// The end of the source consumed so far; keeps maps monotonic when cmark's positions are off.
    var sourceCursor: Int

    init(sourceStart: Int) { sourceCursor = sourceStart }

    var isBlank: Bool { text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 } }

    /// Appends text copied from the source one to one, normalising special characters.
    mutating func appendSource(_ source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            let byte = source[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = Self.sequenceLength(byte)
            let end = min(index + length, range.upperBound)
            if let replacement = Self.normalisation(source, at: index, end: end) {
                flushIdentity(source, runStart..<index)
                if !replacement.isEmpty {
                    text.append(contentsOf: replacement)
                    map.appendAtomic(length: replacement.count, source: index..<end)
                }
                runStart = end
            }
            index = end
        }
        flushIdentity(source, runStart..<range.upperBound)
        sourceCursor = max(sourceCursor, range.upperBound)
    }

    private mutating func flushIdentity(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        text.append(contentsOf: source[range])
        map.appendIdentity(length: range.count, sourceStart: range.lowerBound)
    }

    /// Appends decoded text that stands for a whole source span (an entity, an escape, a break).
    mutating func appendAtomic(_ bytes: [UInt8], source: Range<Int>) {
        let normalised = Self.normalise(bytes)
        guard !normalised.isEmpty else { return }
        text.append(contentsOf: normalised)
        map.appendAtomic(length: normalised.count, source: source)
        sourceCursor = max(sourceCursor, source.upperBound)
    }

    /// Appends one space standing for a soft break or removed inline content, unless the text
    /// already ends in white space.
    mutating func appendSeparator(_ byte: UInt8 = 0x20, source: Range<Int>) {
        if byte == 0x20, let last = text.last, last == 0x20 || last == 0x0A { return }
        if text.isEmpty && byte == 0x20 { return }
        text.append(byte)
        map.appendAtomic(length: 1, source: source)
        sourceCursor = max(sourceCursor, source.upperBound)
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    /// The normalised form of the character at `index`, or nil to keep it as it is.
    static func normalisation(_ source: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> [UInt8]? {
        let b0 = source[index]
        if b0 == 0xC2, end - index == 2 {
            switch source[index + 1] {
            case 0xA0: return [0x20]  // NBSP
            case 0xAD: return []  // soft hyphen
            default: return nil
            }
        }
        if b0 == 0xE2, end - index == 3, source[index + 1] == 0x80 {
            switch source[index + 2] {
            case 0x90, 0x91: return [0x2D]  // hyphen, non-breaking hyphen
            case 0x98, 0x99, 0x9B, 0xB2: return [0x27]  // ‘ ’ ‛ ′
            case 0x9C, 0x9D, 0x9F, 0xB3: return [0x22]  // “ ” ‟ ″
            case 0x80...0x8A, 0xAF: return [0x20]  // en/em/figure/thin/hair spaces, narrow NBSP
            case 0x8B, 0x8C, 0x8D: return []  // zero-width space and joiners
            default: return nil
            }
        }
        if b0 == 0xEF, end - index == 3, source[index + 1] == 0xBB, source[index + 2] == 0xBF { return [] }  // ZWNBSP
        if b0 == 0xCA, end - index == 2, source[index + 1] == 0xBC { return [0x27] }  // modifier apostrophe
        return nil
    }

    static func normalise(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte < 0x80 {
                    out.append(byte)
                    index += 1
                    continue
                }
                let end = min(index + sequenceLength(byte), buffer.count)
                if let replacement = normalisation(buffer, at: index, end: end) {
                    out.append(contentsOf: replacement)
                } else {
                    out.append(contentsOf: buffer[index..<end])
                }
                index = end
            }
        }
        return out
    }
}
