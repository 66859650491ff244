import MedlintMarkdown
import Testing

@Suite("Positions of prose found through the Markdown model")
struct DocumentPositionTests {
    @Test("The acceptance sentence: a phrase across bold maps to its exact source start and end")
    func acceptanceSentence() {
        let markdown = "The procedure takes about 30 minutes, and you should **not** feel any pain.\n"
        #expect(locate("you should not feel any pain", in: markdown)
            == FoundPhrase(startLine: 1, startColumn: 43, endLine: 1, endColumn: 75, kind: .paragraph))
    }

    @Test("Across emphasis, underscore emphasis and strikethrough")
    func acrossInlineMarkup() {
        #expect(locate("is very safe", in: "It is _very_ safe.\n")?.description == "1:4-1:18 paragraph")
        #expect(locate("not old news", in: "This is ~~not~~ old news.\n")?.description == "1:11-1:25 paragraph")
        #expect(locate("completely painless", in: "A *completely* __painless__ visit.\n")?.description == "1:4-1:26 paragraph")
    }

    @Test("Across a soft line break the range spans two lines")
    func acrossSoftBreak() {
        let markdown = "You should not feel\nany pain at all.\n"
        #expect(locate("feel any pain", in: markdown)?.description == "1:16-2:9 paragraph")
    }

    @Test("In link text, table cell, list item and a list nested in a block quote")
    func inContainers() {
        #expect(locate("pain-free", in: "See our [pain-free injections](/x).\n")?.description == "1:10-1:19 paragraph")
        #expect(locate("guaranteed", in: "| A | B |\n|---|---|\n| x | guaranteed results |\n")?.description == "3:7-3:17 table-cell")
        #expect(locate("risk-free", in: "- item one\n- a risk-free option\n")?.description == "2:5-2:14 paragraph")
        #expect(locate("no side effects", in: "> Intro\n>\n> 1. first\n>    - has no side effects\n")?.description == "4:12-4:27 paragraph")
    }

    @Test("In ATX and setext headings")
    func inHeadings() {
        #expect(locate("Painless", in: "## Painless *injections* ##\n")?.description == "1:4-1:12 heading")
        #expect(locate("Guaranteed results", in: "Intro.\n\nGuaranteed results\n==================\n")?.description == "3:1-3:19 heading")
    }

    @Test("Inside a div HTML block, but not from its tags")
    func inHTMLBlock() {
        let markdown = "<div class=\"promo painless\">\n  <p>We <b>guarantee</b> results!</p>\n</div>\n"
        #expect(locate("We guarantee results", in: markdown)?.description == "2:6-2:33 html")
        #expect(!allProse(markdown).contains("promo"))
        #expect(!allProse(markdown).contains("painless"))
    }

    @Test("With &nbsp; and &amp; entities and a backslash escape")
    func entitiesAndEscapes() {
        #expect(locate("100% safe", in: "It is 100%&nbsp;safe.\n")?.description == "1:7-1:21 paragraph")
        #expect(locate("safe & fast", in: "Safe, safe &amp; fast.\n")?.description == "1:7-1:22 paragraph")
        #expect(locate("*guaranteed*", in: "Results are \\*guaranteed\\* here.\n")?.description == "1:13-1:27 paragraph")
    }

    @Test("After é, an emoji and CJK on the same line, columns count UTF-16 units")
    func afterNonASCII() {
        #expect(locate("painless", in: "Café 😀 痛み painless.\n")?.description == "1:12-1:20 paragraph")
    }

    @Test("In CRLF and BOM files")
    func crlfAndBOM() {
        #expect(locate("risk-free", in: "First line.\r\nIt is risk-free.\r\n")?.description == "2:7-2:16 paragraph")
        #expect(locate("risk-free", in: "\u{FEFF}It is risk-free.\n")?.description == "1:7-1:16 paragraph")
        #expect(locate("risk-free", in: "One\r\rTwo is risk-free.\r")?.description == "3:8-3:17 paragraph")
    }

    @Test("In a front-matter title, a footnote definition, and next to a bare URL")
    func frontMatterFootnoteBareURL() {
        let frontMatter = "---\ntitle: \"Painless facet injections\"\nlayout: post\n---\n# Heading\n\nBody text.\n"
        #expect(locate("Painless facet", in: frontMatter)?.description == "2:9-2:23 front-matter")
        #expect(Document(markdown: frontMatter).segments.first { $0.kind == .heading }?.string == "Heading")
        let footnote = "Claim.[^1]\n\n[^1]: Source says it is pain-free.\n"
        #expect(locate("pain-free", in: footnote)?.description == "3:25-3:34 paragraph")
        let bare = "Visit https://example.com/painless now for pain-free care.\n"
        #expect(locate("pain-free", in: bare)?.description == "1:44-1:53 paragraph")
        #expect(!allProse(bare).contains("example.com"))
        #expect(Document(markdown: bare).segments[0].links.map(\.destination) == ["https://example.com/painless"])
    }

    @Test("Nothing from code, HTML tags and comments, templates, link or image URLs")
    func notProse() {
        let markdown = """
            Intro paragraph.

            ```
            fenced painless
            ```

                indented painless

            Inline `code painless` here and <span class="painless">tag</span> <!-- comment painless -->.

            {{< shortcode painless >}} and {% tag painless %} and {{ page.painless }}.

            [link](https://example.com/painless) ![image](painless.png)

            """
        let prose = allProse(markdown)
        #expect(!prose.contains("painless"), "prose was: \(prose)")
        #expect(prose.contains("Intro paragraph."))
        #expect(Document(markdown: markdown).comments.map(\.body) == [" comment painless "])
    }

    @Test("Segments know their kind, containers and heading")
    func kindsAndContainers() {
        let document = Document(markdown: "# Title\n\n> - quoted item\n\n| H |\n|---|\n| c |\n\n![alt text](a.png)\n")
        let summary = document.segments.map { "\($0.kind.rawValue):\($0.containers.map(\.scopeName).joined(separator: ">")):\($0.headingIndex.map(String.init) ?? "-")" }
        #expect(summary == ["heading::-", "paragraph:blockquote>list:0", "table-cell:table:0", "table-cell:table:0", "alt-text::0"])
    }
}
