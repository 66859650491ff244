import MedlintCore
import Testing

@Suite("Sentence splitting")
struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test("splits on terminal punctuation followed by space")
    func basic() {
        #expect(sentences("First one. Second one! Third? Fourth") == ["First one.", "Second one!", "Third?", "Fourth"])
    }

    @Test("keeps abbreviations, initials and decimals inside a sentence")
    func abbreviations() {
        #expect(sentences("Dr. Lee and St. Mary's No. 1 clinic treat e.g. knees, i.e. joints. Next.")
            == ["Dr. Lee and St. Mary's No. 1 clinic treat e.g. knees, i.e. joints.", "Next."])
        #expect(sentences("In the U.S. about 2.5 million vs. 3 million. J. Smith agrees.")
            == ["In the U.S. about 2.5 million vs. 3 million.", "J. Smith agrees."])
    }

    @Test("closing quotes and brackets stay with their sentence; a hard break ends one")
    func closers() {
        #expect(sentences("He said \"it works.\" Then left.") == ["He said \"it works.\"", "Then left."])
        #expect(sentences("Call us\n555-0100") == ["Call us", "555-0100"])
        #expect(sentences("Wait... then go.") == ["Wait... then go."])
    }
}
