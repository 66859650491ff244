/// Reads the prose out of raw HTML (an HTML block, whose text marketing pages often hold):
/// text between tags is prose; tags, attributes, `<script>`, `<style>`, `<pre>` and `<code>`
/// content are not; comments are kept aside. Block-level tags split the text into segments.
struct HTMLTextExtractor {
    let literal: [UInt8]
    /// The source offset of every literal byte.
    let sourceOffsets: [Int]
    let source: UnsafeBufferPointer<UInt8>

    private static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "caption", "button", "label", "option", "select",
    ]
    private static let skippedContentTags: Set<String> = ["script", "style", "pre", "code", "textarea", "template", "svg", "noscript"]

    func extract() -> (segments: [SegmentBuilder], comments: [HTMLComment]) {
        var segments: [SegmentBuilder] = []
        var comments: [HTMLComment] = []
        var current = SegmentBuilder(sourceStart: sourceOffsets.first ?? 0)
        var skipUntil: String?
        var index = 0
        var textStart = 0
        let count = literal.count

        func flushText(_ end: Int) {
            guard skipUntil == nil else { return }
            appendText(textStart..<end, to: &current)
        }
        func closeSegment() {
            if !current.isBlank { segments.append(current) }
            current = SegmentBuilder(sourceStart: current.sourceCursor)
        }

        while index < count {
            guard literal[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if startsWith("<!--", at: index) {
                flushText(index)
                let end = find("-->", from: index + 4).map { $0 + 3 } ?? count
                let bodyEnd = max(index + 4, end - 3)
                comments.append(HTMLComment(
                    body: String(decoding: literal[(index + 4)..<min(bodyEnd, count)], as: UTF8.self),
                    sourceRange: sourceOffsets[index]..<(sourceOffsets[end - 1] + 1)
                ))
                index = end
                textStart = index
                continue
            }
            guard let (name, isClosing, end) = tag(at: index) else {
                index += 1
                continue
            }
            flushText(index)
            if let skipped = skipUntil {
                if isClosing, name == skipped { skipUntil = nil }
            } else if !isClosing, Self.skippedContentTags.contains(name) {
                closeSegment()
                skipUntil = name
            } else if Self.blockTags.contains(name) {
                closeSegment()
            }
            index = end
            textStart = index
        }
        flushText(count)
        closeSegment()
        return (segments, comments)
    }

    private func startsWith(_ text: String, at index: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard index + bytes.count <= literal.count else { return false }
        return literal[index..<(index + bytes.count)].elementsEqual(bytes)
    }

    private func find(_ text: String, from start: Int) -> Int? {
        let bytes = Array(text.utf8)
        var index = start
        while index + bytes.count <= literal.count {
            if literal[index..<(index + bytes.count)].elementsEqual(bytes) { return index }
            index += 1
        }
        return nil
    }

    /// A tag starting at `index`: its lower-cased name, whether it closes, and the index after `>`.
    private func tag(at index: Int) -> (String, Bool, Int)? {
        var cursor = index + 1
        var isClosing = false
        if cursor < literal.count, literal[cursor] == UInt8(ascii: "/") {
            isClosing = true
            cursor += 1
        }
        let nameStart = cursor
        while cursor < literal.count, isNameByte(literal[cursor]) { cursor += 1 }
        guard cursor > nameStart, let first = literal.dropFirst(nameStart).first, isLetter(first) else {
            if cursor < literal.count, literal[index + 1] == UInt8(ascii: "!") || literal[index + 1] == UInt8(ascii: "?") {
                var end = index + 1
                while end < literal.count, literal[end] != UInt8(ascii: ">") { end += 1 }
                return ("!", false, min(end + 1, literal.count))
            }
            return nil
        }
        let name = String(decoding: literal[nameStart..<cursor], as: UTF8.self).lowercased()
        var quote: UInt8?
        while cursor < literal.count {
            let byte = literal[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (name, isClosing, cursor + 1)
            }
            cursor += 1
        }
        return (name, isClosing, literal.count)
    }

    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2D }

    /// Appends literal text: entities decoded, white-space runs with a line break as one space,
    /// identity runs split wherever the literal skips source bytes (container prefixes).
    private func appendText(_ range: Range<Int>, to builder: inout SegmentBuilder) {
        var index = range.lowerBound
        var runStart = index
        func flush(_ end: Int) {
            var start = runStart
            while start < end {
                var stop = start + 1
                while stop < end, sourceOffsets[stop] == sourceOffsets[stop - 1] + 1 { stop += 1 }
                builder.appendSource(source, range: sourceOffsets[start]..<(sourceOffsets[stop - 1] + 1))
                start = stop
            }
        }
        while index < range.upperBound {
            let byte = literal[index]
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || (byte == 0x20 && index + 1 < range.upperBound && literal[index + 1] == 0x0A) {
                flush(index)
                var end = index
                while end < range.upperBound, [0x20, 0x09, 0x0A, 0x0D].contains(literal[end]) { end += 1 }
                builder.appendSeparator(source: sourceOffsets[index]..<(sourceOffsets[end - 1] + 1))
                index = end
                runStart = index
                continue
            }
            if byte == UInt8(ascii: "&") {
                let decoded: (decoded: [UInt8], length: Int)? = literal.withUnsafeBufferPointer {
                    EntityDecoder.decode($0, at: index, limit: range.upperBound)
                }
                if let decoded {
                    flush(index)
                    builder.appendAtomic(decoded.decoded, source: sourceOffsets[index]..<(sourceOffsets[index + decoded.length - 1] + 1))
                    index += decoded.length
                    runStart = index
                    continue
                }
            }
            index += 1
        }
        flush(range.upperBound)
    }
}
