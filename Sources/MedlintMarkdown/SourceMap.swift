/// Maps every byte of a segment's text to the bytes of the file it came from, so a match found in
/// the prose a reader sees (markup removed, entities decoded) is reported at its exact place in the file.
/// Text is stored as pieces: an identity piece copies source bytes one to one; an atomic piece is
/// text that stands for a whole source span (an entity, an escape, a normalised character, a line break).
public struct SourceMap: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        public var textStart: Int
        public var textLength: Int
        public var sourceStart: Int
        public var sourceLength: Int
        public var isIdentity: Bool
    }

    public fileprivate(set) var pieces: [Piece] = []
    public fileprivate(set) var textLength = 0

    public init() {}

    /// Appends `length` text bytes copied one to one from `sourceStart`.
    public mutating func appendIdentity(length: Int, sourceStart: Int) {
        guard length > 0 else { return }
        if let last = pieces.last, last.isIdentity,
           last.textStart + last.textLength == textLength,
           last.sourceStart + last.sourceLength == sourceStart {
            pieces[pieces.count - 1].textLength += length
            pieces[pieces.count - 1].sourceLength += length
        } else {
            pieces.append(Piece(textStart: textLength, textLength: length, sourceStart: sourceStart, sourceLength: length, isIdentity: true))
        }
        textLength += length
    }

    /// Appends `length` text bytes that together stand for `source`.
    public mutating func appendAtomic(length: Int, source: Range<Int>) {
        guard length > 0 else { return }
        pieces.append(Piece(textStart: textLength, textLength: length, sourceStart: source.lowerBound, sourceLength: source.count, isIdentity: false))
        textLength += length
    }

    private func pieceIndex(containing textOffset: Int) -> Int {
        var low = 0
        var high = pieces.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if pieces[mid].textStart <= textOffset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The source offset where the text byte at `textOffset` starts.
    public func sourceStart(ofTextOffset textOffset: Int) -> Int {
        guard !pieces.isEmpty else { return 0 }
        if textOffset >= textLength { return sourceEnd(ofTextEnd: textLength) }
        let piece = pieces[pieceIndex(containing: textOffset)]
        return piece.isIdentity ? piece.sourceStart + (textOffset - piece.textStart) : piece.sourceStart
    }

    /// The source offset just after the text byte at `textEnd - 1`.
    public func sourceEnd(ofTextEnd textEnd: Int) -> Int {
        guard !pieces.isEmpty else { return 0 }
        if textEnd <= 0 { return pieces[0].sourceStart }
        let piece = pieces[pieceIndex(containing: min(textEnd, textLength) - 1)]
        if piece.isIdentity { return piece.sourceStart + (min(textEnd, textLength) - piece.textStart) }
        return piece.sourceStart + piece.sourceLength
    }

    /// The source bytes a text range came from. An empty text range maps to an empty source range.
    public func sourceRange(ofText range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let position = sourceStart(ofTextOffset: range.lowerBound)
            return position..<position
        }
        let start = sourceStart(ofTextOffset: range.lowerBound)
        return start..<max(start, sourceEnd(ofTextEnd: range.upperBound))
    }
}

extension SourceMap {
    /// The map without its last text byte (which must be an atomic one-byte piece).
    func droppingLastByte() -> SourceMap {
        var copy = self
        copy.removeLastPiece()
        return copy
    }

    private mutating func removeLastPiece() {
        guard let last = pieces.popLast() else { return }
        textLength -= last.textLength
    }
}
