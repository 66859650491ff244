import MedlintCore
import Testing

/// A finding stores a bounded excerpt of its sentence, never a whole 3 MB paragraph.
@Suite("Sentence excerpts in findings")
struct SentenceExcerptTests {
    @Test("a sentence that fits is stored whole")
    func short() {
        let text = Array("Intro. Our injections are 100% painless. Outro.".utf8)
        #expect(Diagnostic.excerpt(of: text, sentence: 7..<40, around: 26..<39) == "Our injections are 100% painless.")
    }

    @Test("a long sentence is cut around the match at spaces, with '…' marks, within the limit")
    func long() {
        let words = String(repeating: "word ", count: 200_000)
        let text = Array((words + "painless " + words).utf8)
        let match = 1_000_000..<1_000_008
        let excerpt = Diagnostic.excerpt(of: text, sentence: 0..<text.count, around: match)
        #expect(excerpt.utf8.count <= Diagnostic.sentenceExcerptLimit)
        #expect(excerpt.utf8.count >= 300)
        #expect(excerpt.hasPrefix("…word "))
        #expect(excerpt.hasSuffix(" word…"))
        #expect(excerpt.contains(" painless "))
    }

    @Test("cuts never split a character, and a match at the start keeps the start unmarked")
    func characters() {
        let text = Array(("painless " + String(repeating: "é", count: 1_000)).utf8)
        let excerpt = Diagnostic.excerpt(of: text, sentence: 0..<text.count, around: 0..<8)
        #expect(excerpt.hasPrefix("painless é"))
        #expect(excerpt.hasSuffix("é…"))
        #expect(!excerpt.contains("\u{FFFD}"))
        #expect(excerpt.utf8.count <= Diagnostic.sentenceExcerptLimit)
    }

    @Test("a match longer than the limit keeps its start")
    func longMatch() {
        let text = Array(("a " + String(repeating: "x", count: 5_000)).utf8)
        let excerpt = Diagnostic.excerpt(of: text, sentence: 0..<text.count, around: 2..<5_002)
        #expect(excerpt.hasPrefix("…xxx"))
        #expect(excerpt.hasSuffix("x…"))
        #expect(excerpt.utf8.count <= Diagnostic.sentenceExcerptLimit)
    }
}
