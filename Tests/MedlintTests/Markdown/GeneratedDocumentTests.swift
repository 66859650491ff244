import Foundation
import MedlintMarkdown
import Testing

/// A small deterministic random generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Source maps of generated documents")
struct GeneratedDocumentTests {
    static let inline = [
        "plain words", "**bold text**", "_emphasis_", "~~struck~~", "`code span`", "[link text](https://x.org/a)",
        "![alt words](i.png)", "&amp;", "&nbsp;", "&mdash;", "\\*", "é", "😀", "痛み", "“quoted”", "pain‑free",
        "<span>tag</span>", "<!-- note -- x -->", "{{ var }}", "https://example.com/a.", "[^1]", "a\u{00A0}b", "x  \n", "\n",
    ]
    static let blocks = [
        "", "# ", "## ", "> ", "- ", "1. ", "> - ", "| a | ", "    ", "```\ncode\n```\n", "<div>\n", "[^1]: ", "Setext\n---\n",
    ]

    static func document(seed: UInt64) -> String {
        var generator = SeededGenerator(state: seed)
        var out = Bool.random(using: &generator) ? "---\ntitle: \"Gen \(seed) & more\"\n---\n" : ""
        if Bool.random(using: &generator) { out = "\u{FEFF}" + out }
        let newline = ["\n", "\r\n", "\r"].randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            var block = blocks.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                block += inline.randomElement(using: &generator)! + " "
            }
            if block.hasPrefix("| a | ") { block += "|\n|---|---|\n| c | d |" }
            out += block.replacingOccurrences(of: "\n", with: newline) + newline + newline
        }
        return out
    }

    @Test("Every mapped byte lies in the file, maps are monotonic, and identity pieces spell the text", arguments: 0..<300)
    func invariants(seed: Int) {
        let markdown = Self.document(seed: UInt64(seed))
        let document = Document(markdown: markdown)
        let bytes = document.bytes
        for segment in document.segments {
            var previousEnd = 0
            var previousStart = -1
            for piece in segment.sourceMap.pieces {
                #expect(piece.sourceStart >= 0 && piece.sourceStart + piece.sourceLength <= bytes.count, "seed \(seed)")
                #expect(piece.sourceStart >= previousStart, "seed \(seed): map goes backwards in \(segment.string)")
                previousStart = piece.sourceStart
                if piece.isIdentity {
                    let text = segment.text[piece.textStart..<(piece.textStart + piece.textLength)]
                    let source = bytes[piece.sourceStart..<(piece.sourceStart + piece.sourceLength)]
                    #expect(text.elementsEqual(source), "seed \(seed): identity piece does not spell the text")
                }
                previousEnd = max(previousEnd, piece.sourceStart + piece.sourceLength)
            }
            #expect(segment.sourceMap.textLength == segment.text.count, "seed \(seed)")
            for link in segment.links {
                #expect(link.textRange.upperBound <= segment.text.count, "seed \(seed)")
            }
        }
    }
}
