/// Turns byte offsets into lines and columns. Built once per file; the core keeps byte offsets
/// and asks this index only when a format needs a line and column.
/// LF, CRLF and a lone CR each end a line; a tab counts as one column; a leading UTF-8 BOM is not counted.
public struct LineIndex: Sendable {
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding `offset` (an offset equal to the file size is on the last line).
    public func lineNumber0(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The byte offset of the first byte of `line` (1-based), after the BOM on line 1.
    public func contentStart(ofLine line: Int) -> Int {
        let start = lineStarts[line - 1]
        return line == 1 ? start + bomLength : start
    }

    /// The byte range of `line` (1-based) without its line ending.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        let start = contentStart(ofLine: line)
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The line and columns of the byte at `offset` (or of the position just after the file's last byte).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line0 = lineNumber0(of: clamped)
        let start = line0 == 0 ? min(bomLength, clamped) : lineStarts[line0]
        var utf16 = 0
        var scalars = 0
        var index = start
        while index < clamped {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                utf16 += byte >= 0xF0 ? 2 : 1
            }
            index += 1
        }
        return SourceLocation(line: line0 + 1, utf8Column: clamped - start + 1, utf16Column: utf16 + 1, scalarColumn: scalars + 1)
    }

    /// The byte offset of a cmark-style position: 1-based line and 1-based byte column (BOM excluded).
    public func offset(line: Int, byteColumn: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return nil }
        let offset = contentStart(ofLine: line) + byteColumn - 1
        return offset <= bytes.count ? offset : nil
    }
}
