/// Finds a leading YAML (`---`) or TOML (`+++`) front-matter block, which cmark-gfm would read as a
/// thematic break and a heading, and turns the string values of chosen keys into prose segments.
struct FrontMatterScanner {
    struct Result {
        /// The block, delimiters included.
        var range: Range<Int>
        var fields: [(key: String, builder: SegmentBuilder, blockRange: Range<Int>)]
    }

    let source: UnsafeBufferPointer<UInt8>
    let lineIndex: LineIndex
    let fields: Set<String>

    func scan() -> Result? {
        guard lineIndex.lineCount >= 2 else { return nil }
        let first = lineIndex.contentRange(ofLine: 1)
        let opening = trimmedTrailing(first)
        let delimiter: [UInt8]
        if bytes(opening) == Array("---".utf8) {
            delimiter = Array("---".utf8)
        } else if bytes(opening) == Array("+++".utf8) {
            delimiter = Array("+++".utf8)
        } else {
            return nil
        }
        let isTOML = delimiter[0] == UInt8(ascii: "+")
        var closingLine: Int?
        for line in 2...lineIndex.lineCount {
            let content = bytes(trimmedTrailing(lineIndex.contentRange(ofLine: line)))
            if content == delimiter || (!isTOML && content == Array("...".utf8)) {
                closingLine = line
                break
            }
        }
        guard let closingLine else { return nil }
        let end = lineIndex.contentRange(ofLine: closingLine).upperBound
        var result = Result(range: lineIndex.contentStart(ofLine: 1)..<end, fields: [])
        var line = 2
        while line < closingLine {
            let range = lineIndex.contentRange(ofLine: line)
            line += 1
            guard let (key, valueStart) = keyAndValue(in: range, isTOML: isTOML), fields.contains(key.lowercased()) else { continue }
            var builder = SegmentBuilder(sourceStart: valueStart)
            let valueRange = valueStart..<range.upperBound
            let first = valueStart < range.upperBound ? source[valueStart] : 0
            if first == UInt8(ascii: "\"") {
                appendDoubleQuoted(valueRange, to: &builder)
            } else if first == UInt8(ascii: "'") {
                appendSingleQuoted(valueRange, to: &builder)
            } else if !isTOML, first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
                let folded = first == UInt8(ascii: ">")
                while line < closingLine {
                    let next = lineIndex.contentRange(ofLine: line)
                    let indent = indentation(next)
                    if indent == 0, !next.isEmpty, next.lowerBound + indent < next.upperBound { break }
                    let text = (next.lowerBound + indent)..<next.upperBound
                    if !text.isEmpty {
                        if !builder.text.isEmpty { builder.appendSeparator(folded ? 0x20 : 0x0A, source: (next.lowerBound - 1)..<next.lowerBound) }
                        builder.appendSource(source, range: text)
                    }
                    line += 1
                }
            } else {
                builder.appendSource(source, range: plainValue(valueRange))
                while !isTOML, line < closingLine {
                    let next = lineIndex.contentRange(ofLine: line)
                    let indent = indentation(next)
                    guard indent > 0, next.lowerBound + indent < next.upperBound else { break }
                    builder.appendSeparator(source: (next.lowerBound - 1)..<next.lowerBound)
                    builder.appendSource(source, range: plainValue((next.lowerBound + indent)..<next.upperBound))
                    line += 1
                }
            }
            if !builder.isBlank {
                result.fields.append((key: key, builder: builder, blockRange: range.lowerBound..<builder.sourceCursor))
            }
        }
        return result
    }

    private func bytes(_ range: Range<Int>) -> [UInt8] { Array(source[range]) }

    private func trimmedTrailing(_ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound, source[end - 1] == 0x20 || source[end - 1] == 0x09 { end -= 1 }
        return range.lowerBound..<end
    }

    private func indentation(_ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, source[index] == 0x20 || source[index] == 0x09 { index += 1 }
        return index - range.lowerBound
    }

    /// `key: value` (YAML) or `key = value` (TOML) at the start of a line.
    private func keyAndValue(in range: Range<Int>, isTOML: Bool) -> (String, Int)? {
        var index = range.lowerBound
        while index < range.upperBound, isKeyByte(source[index]) { index += 1 }
        guard index > range.lowerBound else { return nil }
        let key = String(decoding: source[range.lowerBound..<index], as: UTF8.self)
        while index < range.upperBound, source[index] == 0x20 { index += 1 }
        guard index < range.upperBound, source[index] == (isTOML ? UInt8(ascii: "=") : UInt8(ascii: ":")) else { return nil }
        index += 1
        while index < range.upperBound, source[index] == 0x20 || source[index] == 0x09 { index += 1 }
        return (key, index)
    }

    private func isKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2D
    }

    /// A plain scalar without a trailing ` # comment`.
    private func plainValue(_ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        var index = range.lowerBound
        while index < range.upperBound {
            if source[index] == UInt8(ascii: "#"), index > range.lowerBound, source[index - 1] == 0x20 || source[index - 1] == 0x09 {
                end = index
                break
            }
            index += 1
        }
        return trimmedTrailing(range.lowerBound..<end)
    }

    private func appendDoubleQuoted(_ range: Range<Int>, to builder: inout SegmentBuilder) {
        var index = range.lowerBound + 1
        var runStart = index
        while index < range.upperBound {
            let byte = source[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound {
                if index > runStart { builder.appendSource(source, range: runStart..<index) }
                let escaped = source[index + 1]
                let decoded: [UInt8]
                switch escaped {
                case UInt8(ascii: "n"): decoded = [0x0A]
                case UInt8(ascii: "t"): decoded = [0x20]
                default: decoded = [escaped]
                }
                builder.appendAtomic(decoded, source: index..<(index + 2))
                index += 2
                runStart = index
                continue
            }
            index += 1
        }
        if index > runStart { builder.appendSource(source, range: runStart..<index) }
    }

    private func appendSingleQuoted(_ range: Range<Int>, to builder: inout SegmentBuilder) {
        var index = range.lowerBound + 1
        var runStart = index
        while index < range.upperBound {
            if source[index] == UInt8(ascii: "'") {
                if index + 1 < range.upperBound, source[index + 1] == UInt8(ascii: "'") {
                    if index > runStart { builder.appendSource(source, range: runStart..<index) }
                    builder.appendAtomic([UInt8(ascii: "'")], source: index..<(index + 2))
                    index += 2
                    runStart = index
                    continue
                }
                break
            }
            index += 1
        }
        if index > runStart { builder.appendSource(source, range: runStart..<index) }
    }
}
