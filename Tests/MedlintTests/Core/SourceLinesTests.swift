import MedlintCore
import MedlintMarkdown
import Testing

/// The lines a report keeps must answer exactly as the whole file's `LineIndex` would.
@Suite("Kept source lines")
struct SourceLinesTests {
    @Test("positions on kept lines equal LineIndex positions, on long lines too", arguments: [false, true])
    func positions(bom: Bool) {
        var text = bom ? "\u{FEFF}" : ""
        text += "Short first line é\r\n"
        text += String(repeating: "abc é 😀 ", count: 3_000) + "\n"  // a 45 KB line: several checkpoints
        text += "last\rlone CR line\n"
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        let kept = SourceLines(bytes: bytes, index: index, keeping: 1...index.lineCount)
        for offset in stride(from: 0, through: bytes.count, by: 7) {
            #expect(kept.location(of: offset) == index.location(of: offset), "offset \(offset)")
        }
        for line in 1...index.lineCount {
            #expect(kept.contentRange(ofLine: line) == index.contentRange(ofLine: line))
            let range = index.contentRange(ofLine: line)
            #expect(kept.bytes(in: range) == Array(bytes[range]))
        }
        #expect(kept.hasLoneCR)
    }

    @Test("only the asked lines are kept; the start of the next line still has its position")
    func sparse() {
        let bytes = Array("one\ntwo\nthree\n".utf8)
        let index = LineIndex(bytes)
        let kept = SourceLines(bytes: bytes, index: index, keeping: [2])
        #expect(kept.location(of: 5) == SourceLocation(line: 2, utf8Column: 2, utf16Column: 2, scalarColumn: 2))
        #expect(kept.location(of: 8) == SourceLocation(line: 3, utf8Column: 1, utf16Column: 1, scalarColumn: 1))
        #expect(kept.contentRange(ofLine: 2) == 4..<7)
        #expect(kept.contentRange(ofLine: 1) == 0..<0)
        #expect(kept.bytes(in: 0..<14) == Array("two\n".utf8))
        #expect(!kept.hasLoneCR)
    }
}
