/// The last step of building a segment: removes what is not prose even though cmark-gfm reads it
/// as text (HTML comments that CommonMark 0.29 refuses inline because they contain `--`, such as
/// suppression directives with a reason; template tags `{{ … }}`, `{{< … >}}`, `{% … %}`; bare URLs, which become links) and
/// returns the finished segment text, map, links and footnote references.
struct ProseFilter {
    struct Output {
        var text: [UInt8]
        var map: SourceMap
        var links: [Link]
        var footnoteReferences: [FootnoteReference]
        var comments: [HTMLComment] = []
    }

    private enum Removal {
        case template
        case comment(String)
        case bareURL(String)
    }

    static func finish(_ builder: SegmentBuilder) -> Output {
        let text = builder.text
        var removals: [(Range<Int>, Removal)] = []
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == UInt8(ascii: "<"), index + 3 < count, text[index + 1] == UInt8(ascii: "!"),
               text[index + 2] == UInt8(ascii: "-"), text[index + 3] == UInt8(ascii: "-") {
                let closer = find(Array("-->".utf8), in: text, from: index + 4)
                let end = closer.map { $0 + 3 } ?? count
                let body = String(decoding: text[(index + 4)..<max(index + 4, closer ?? count)], as: UTF8.self)
                removals.append((index..<end, .comment(body)))
                index = end
                continue
            }
            if byte == UInt8(ascii: "{"), index + 1 < count, text[index + 1] == UInt8(ascii: "{") || text[index + 1] == UInt8(ascii: "%") {
                let closer: [UInt8] = text[index + 1] == UInt8(ascii: "{") ? [0x7D, 0x7D] : [0x25, 0x7D]
                if let end = find(closer, in: text, from: index + 2) {
                    var stop = end + 2
                    while stop < count, text[stop] == 0x7D { stop += 1 }
                    removals.append((index..<stop, .template))
                    index = stop
                    continue
                }
            }
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "H") || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W"),
               index == 0 || !isAlphanumeric(text[index - 1]),
               let end = bareURLEnd(text, at: index) {
                removals.append((index..<end, .bareURL(String(decoding: text[index..<end], as: UTF8.self))))
                index = end
                continue
            }
            index += 1
        }
        if removals.isEmpty {
            return Output(text: text, map: builder.map, links: builder.links, footnoteReferences: builder.footnoteReferences)
        }
        // Rebuild text and map without the removed ranges; each removal leaves one space.
        var output = SegmentBuilder(sourceStart: 0)
        var newOffset = [Int](repeating: 0, count: count + 1)
        var bareLinks: [Link] = []
        var comments: [HTMLComment] = []
        var cursor = 0
        func keep(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            for piece in builder.map.pieces {
                let start = max(piece.textStart, range.lowerBound)
                let end = min(piece.textStart + piece.textLength, range.upperBound)
                guard start < end else { continue }
                for offset in start..<end { newOffset[offset] = output.text.count + (offset - start) }
                output.text.append(contentsOf: text[start..<end])
                if piece.isIdentity {
                    output.map.appendIdentity(length: end - start, sourceStart: piece.sourceStart + (start - piece.textStart))
                } else {
                    output.map.appendAtomic(length: end - start, source: piece.sourceStart..<(piece.sourceStart + piece.sourceLength))
                }
            }
        }
        for (range, removal) in removals {
            keep(cursor..<range.lowerBound)
            let source = builder.map.sourceRange(ofText: range)
            let placeholderStart = output.text.count
            for offset in range { newOffset[offset] = placeholderStart }
            output.appendSeparator(source: source)
            switch removal {
            case let .bareURL(url):
                bareLinks.append(Link(destination: url, textRange: placeholderStart..<output.text.count, sourceRange: source, isBareURL: true))
            case let .comment(body):
                comments.append(HTMLComment(body: body, sourceRange: source))
            case .template:
                break
            }
            cursor = range.upperBound
        }
        keep(cursor..<count)
        newOffset[count] = output.text.count
        let links = builder.links.map {
            Link(destination: $0.destination, textRange: newOffset[$0.textRange.lowerBound]..<max(newOffset[$0.textRange.lowerBound], newOffset[$0.textRange.upperBound]),
                 sourceRange: $0.sourceRange, isBareURL: $0.isBareURL)
        } + bareLinks
        let references = builder.footnoteReferences.map {
            FootnoteReference(label: $0.label, textOffset: newOffset[$0.textOffset], sourceRange: $0.sourceRange)
        }
        return Output(text: output.text, map: output.map, links: links.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }, footnoteReferences: references, comments: comments)
    }

    private static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= text.count {
            if text[index] == needle[0], text[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    private static func hasPrefix(_ text: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard index + bytes.count <= text.count else { return false }
        for (offset, byte) in bytes.enumerated() where text[index + offset] | 0x20 != byte { return false }
        return true
    }

    /// The end of a bare URL starting at `index` (GFM's extended autolink rules, simplified):
    /// `http://`, `https://` or `www.`, up to white space or `<`, trailing punctuation trimmed.
    static func bareURLEnd(_ text: [UInt8], at index: Int) -> Int? {
        let prefixLength: Int
        if hasPrefix(text, at: index, "https://") {
            prefixLength = 8
        } else if hasPrefix(text, at: index, "http://") {
            prefixLength = 7
        } else if hasPrefix(text, at: index, "www.") {
            prefixLength = 4
        } else {
            return nil
        }
        var end = index + prefixLength
        while end < text.count, text[end] > 0x20, text[end] != UInt8(ascii: "<"), text[end] != UInt8(ascii: "\"") { end += 1 }
        while end > index + prefixLength {
            let last = text[end - 1]
            if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'")].contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opens = text[index..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closes = text[index..<end].filter { $0 == UInt8(ascii: ")") }.count
                if closes > opens { end -= 1 } else { break }
            } else {
                break
            }
        }
        guard end > index + prefixLength, text[(index + prefixLength)..<end].contains(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        return end
    }
}
