import MedlintMarkdown

/// The lines of a file that its findings touch, kept after the file's bytes are released, with
/// what reporters need from them: line and column of an offset, a line's content, the text of a
/// range. A run over thousands of files then holds a few lines per file, not every file.
public struct SourceLines: Sendable {
    /// The size of the whole file.
    public let byteCount: Int
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int
    /// Whether the file has a CR not followed by LF (SARIF then states its line-ending convention).
    public let hasLoneCR: Bool
    private struct Line: Sendable {
        let number: Int
        /// Offset of the line's first byte (before the BOM on line 1).
        let start: Int
        /// The line's bytes, line ending included.
        let bytes: [UInt8]
        var end: Int { start + bytes.count }
    }
    /// Ascending by number.
    private let lines: [Line]

    /// Keeps `wanted` lines (1-based) of a file.
    public init(bytes: [UInt8], index: LineIndex, keeping wanted: some Sequence<Int>) {
        byteCount = bytes.count
        bomLength = index.bomLength
        var loneCR = false
        for (offset, byte) in bytes.enumerated() where byte == 0x0D {
            if offset + 1 == bytes.count || bytes[offset + 1] != 0x0A {
                loneCR = true
                break
            }
        }
        hasLoneCR = loneCR
        lines = Set(wanted).filter { $0 >= 1 && $0 <= index.lineCount }.sorted().map { number in
            let start = index.lineStarts[number - 1]
            let end = number < index.lineCount ? index.lineStarts[number] : bytes.count
            return Line(number: number, start: start, bytes: Array(bytes[start..<end]))
        }
    }

    /// The kept line holding `offset`, by its start.
    private func line(holding offset: Int) -> Line? {
        var low = 0
        var high = lines.count - 1
        var found: Line?
        while low <= high {
            let mid = (low + high) / 2
            if lines[mid].start <= offset {
                found = lines[mid]
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }

    /// The line and columns of `offset`, which must lie on a kept line (or just after one).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, byteCount))
        guard let line = line(holding: clamped) else { return SourceLocation(line: 1, utf8Column: 1, utf16Column: 1, scalarColumn: 1) }
        if clamped == line.end, clamped < byteCount || line.bytes.last == 0x0A || line.bytes.last == 0x0D {
            // The first byte of the next line, which was not kept: nothing on it was asked for but its start.
            return SourceLocation(line: line.number + 1, utf8Column: 1, utf16Column: 1, scalarColumn: 1)
        }
        let first = line.number == 1 ? min(bomLength, clamped) : line.start
        var utf16 = 0
        var scalars = 0
        for index in first..<max(first, min(clamped, line.end)) {
            let byte = line.bytes[index - line.start]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                utf16 += byte >= 0xF0 ? 2 : 1
            }
        }
        return SourceLocation(line: line.number, utf8Column: clamped - first + 1, utf16Column: utf16 + 1, scalarColumn: scalars + 1)
    }

    /// The byte range of a kept `line` without its line ending (empty if the line was not kept).
    public func contentRange(ofLine number: Int) -> Range<Int> {
        guard let line = lines.first(where: { $0.number == number }) else { return 0..<0 }
        let start = number == 1 ? line.start + bomLength : line.start
        var end = line.end
        while end > start, line.bytes[end - 1 - line.start] == 0x0A || line.bytes[end - 1 - line.start] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The bytes of `range`, which must lie on kept lines; bytes of lines not kept are left out.
    public func bytes(in range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        for line in lines where line.end > range.lowerBound && line.start < range.upperBound {
            let lower = max(range.lowerBound, line.start) - line.start
            let upper = min(range.upperBound, line.end) - line.start
            result += line.bytes[lower..<upper]
        }
        return result
    }
}
