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
    struct Line: Sendable {
        let number: Int
        /// Offset of the line's first byte (before the BOM on line 1).
        let start: Int
        /// Offset from which columns count (after the BOM on line 1).
        let first: Int
        /// The line's bytes, line ending included.
        let bytes: [UInt8]
        /// UTF-16 units and scalars before `first + k * checkpointStride`, for long lines, so a column
        /// is found by reading at most one stride (a 3 MB line with thousands of findings stays linear).
        let checkpoints: [(utf16: Int, scalars: Int)]
        var end: Int { start + bytes.count }

        init(number: Int, start: Int, first: Int, bytes: [UInt8]) {
            self.number = number
            self.start = start
            self.first = first
            self.bytes = bytes
            var checkpoints: [(utf16: Int, scalars: Int)] = [(0, 0)]
            if bytes.count > SourceLines.checkpointStride {
                var utf16 = 0
                var scalars = 0
                for index in (first - start)..<bytes.count {
                    if (index - (first - start)) % SourceLines.checkpointStride == 0, index > first - start { checkpoints.append((utf16, scalars)) }
                    SourceLines.count(bytes[index], utf16: &utf16, scalars: &scalars)
                }
            }
            self.checkpoints = checkpoints
        }

        /// A line with checkpoints already computed (read back by `FileReportCodec`).
        init(number: Int, start: Int, first: Int, bytes: [UInt8], checkpoints: [(utf16: Int, scalars: Int)]) {
            self.number = number
            self.start = start
            self.first = first
            self.bytes = bytes
            self.checkpoints = checkpoints
        }
    }

    static let checkpointStride = 4096

    @inline(__always)
    static func count(_ byte: UInt8, utf16: inout Int, scalars: inout Int) {
        if byte & 0xC0 != 0x80 {
            scalars += 1
            utf16 += byte >= 0xF0 ? 2 : 1
        }
    }
    /// Ascending by number.
    let lines: [Line]

    /// Kept lines as they were (read back by `FileReportCodec`).
    init(byteCount: Int, bomLength: Int, hasLoneCR: Bool, lines: [Line]) {
        self.byteCount = byteCount
        self.bomLength = bomLength
        self.hasLoneCR = hasLoneCR
        self.lines = lines
    }

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
            let first = number == 1 ? min(start + index.bomLength, end) : start
            return Line(number: number, start: start, first: first, bytes: Array(bytes[start..<end]))
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
        let first = min(line.first, clamped)
        let target = min(clamped, line.end)
        let checkpoint = min(line.checkpoints.count - 1, max(0, target - first) / Self.checkpointStride)
        var utf16 = line.checkpoints[checkpoint].utf16
        var scalars = line.checkpoints[checkpoint].scalars
        for index in (first + checkpoint * Self.checkpointStride)..<max(first + checkpoint * Self.checkpointStride, target) {
            Self.count(line.bytes[index - line.start], utf16: &utf16, scalars: &scalars)
        }
        return SourceLocation(line: line.number, utf8Column: clamped - first + 1, utf16Column: utf16 + 1, scalarColumn: scalars + 1)
    }

    /// The byte range of a kept `line` without its line ending (empty if the line was not kept).
    public func contentRange(ofLine number: Int) -> Range<Int> {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].number < number { low = mid + 1 } else { high = mid }
        }
        guard low < lines.count, lines[low].number == number else { return 0..<0 }
        let line = lines[low]
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
