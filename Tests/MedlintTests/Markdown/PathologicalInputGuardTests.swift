import MedlintMarkdown
import Testing

/// The guard in front of cmark-gfm: same length, only the constructs over budget, nothing else.
@Suite("Pathological input guard")
struct PathologicalInputGuardTests {
    func guarded(_ markdown: String) -> (text: String, simplifications: [PathologicalInputGuard.Simplification]) {
        var bytes = Array(markdown.utf8)
        let simplifications = PathologicalInputGuard.neutralise(&bytes)
        #expect(bytes.count == markdown.utf8.count, "same length, so every offset maps 1:1")
        return (String(decoding: bytes, as: UTF8.self), simplifications)
    }

    @Test("ordinary Markdown, tables included, is left exactly as it is")
    func ordinary() {
        let markdown = "# Title\n\n| a | b |\n|:--|--:|\n" + String(repeating: "| x | y |\n", count: 1_000)
            + "\n![alt](a.png) [link](b) <!-- medlint-disable-next-line x -- why --> <?php ?> <!DOCTYPE html>\n"
        let result = guarded(markdown)
        #expect(result.text == markdown)
        #expect(result.simplifications.isEmpty)
    }

    @Test("a table over budget is read as a paragraph: only its delimiter row is blanked")
    func wideTable() {
        let header = String(repeating: "|x", count: 2_000) + "|\n"
        let delimiter = String(repeating: "|-", count: 2_000) + "|\n"
        let markdown = "Intro.\n\n> " + header + "> " + delimiter + String(repeating: "> a\n", count: 2_000) + "\nAfter.\n"
        let result = guarded(markdown)
        let blanked = "> " + String(repeating: " ", count: delimiter.utf8.count - 1) + "\n"
        #expect(result.text == "Intro.\n\n> " + header + blanked + String(repeating: "> a\n", count: 2_000) + "\nAfter.\n")
        let start = "Intro.\n\n".utf8.count
        #expect(result.simplifications == [PathologicalInputGuard.Simplification(
            kind: .table, range: start..<(markdown.utf8.count - "\n\nAfter.\n".utf8.count), places: 1, count: 2_000 * 2_002)])
    }

    @Test("thousands of '![' in one paragraph lose their '!'; other paragraphs keep theirs")
    func imageOpeners() {
        let markdown = "![a](b.png)\n\n" + String(repeating: "![[]()", count: 20_000) + "\n"
        let result = guarded(markdown)
        #expect(result.text == "![a](b.png)\n\n" + String(repeating: " [[]()", count: 20_000) + "\n")
        #expect(result.simplifications.map(\.kind) == [.imageOpeners])
        #expect(result.simplifications.first?.count == 20_000)
        #expect(result.simplifications.first?.range == 13..<(13 + 120_000))
    }

    @Test("unclosed '<?', '<!X' and '<![CDATA[' lose their '<'; '<!--' comments are never touched")
    func declarations() {
        let markdown = String(repeating: "a <? <!X <![CDATA[ <!-- c -->\n", count: 10_000)
        let result = guarded(markdown)
        #expect(result.text == String(repeating: "a  ?  !X  ![CDATA[ <!-- c -->\n", count: 10_000))
        #expect(result.simplifications.map(\.kind) == [.htmlDeclarations])
        #expect(result.simplifications.first?.count == 30_000)
    }

    @Test("fenced code is not inline-parsed, so what it holds costs nothing")
    func fencedCode() {
        let markdown = "```\n" + String(repeating: "<?php echo ![[]() ?>\n", count: 30_000) + "```\n"
        #expect(guarded(markdown).text == markdown)
    }

    @Test("the Document reports the simplification at file offsets, after a byte order mark")
    func documentOffsets() {
        let markdown = String(repeating: "![[]()", count: 20_000) + "\n\nOur injections are painless.\n"
        let document = Document(parsing: [0xEF, 0xBB, 0xBF] + Array(markdown.utf8))
        #expect(document.simplifications.first?.range.lowerBound == 3)
        let last = document.segments.last
        #expect(last.map { String(decoding: $0.text, as: UTF8.self) } == "Our injections are painless.")
        #expect(last?.sourceRange(ofText: 0..<3) == (3 + 120_002)..<(3 + 120_005))
    }
}
