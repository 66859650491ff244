import MedlintCore
import Testing

/// One row of the glob table: does `pattern` match `path`?
struct GlobCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let path: String
    let matches: Bool
    init(_ pattern: String, _ path: String, _ matches: Bool) {
        self.pattern = pattern
        self.path = path
        self.matches = matches
    }
    var testDescription: String { "\(pattern) \(matches ? "matches" : "does not match") \(path)" }
}

let globCases: [GlobCase] = [
    // `**`: any number of folders, including none
    GlobCase("landing/**", "landing/a.md", true),
    GlobCase("landing/**", "landing/x/y.md", true),
    GlobCase("landing/**", "landing", false),
    GlobCase("landing/**", "other/landing/a.md", false),
    GlobCase("landing/**", "landings/a.md", false),
    GlobCase("**/drafts/**", "drafts/a.md", true),
    GlobCase("**/drafts/**", "blog/drafts/a.md", true),
    GlobCase("**/drafts/**", "blog/2024/drafts/x/a.md", true),
    GlobCase("**/drafts/**", "blog/drafts.md", false),
    GlobCase("docs/**/*.md", "docs/a.md", true),
    GlobCase("docs/**/*.md", "docs/x/y/a.md", true),
    GlobCase("docs/**/*.md", "docs/x/y/a.txt", false),
    GlobCase("**", "anything/at/all.md", true),
    GlobCase("a/**/b/**/c.md", "a/b/c.md", true),
    GlobCase("a/**/b/**/c.md", "a/x/b/y/z/c.md", true),
    // `*` stays within one folder
    GlobCase("docs/*.md", "docs/a.md", true),
    GlobCase("docs/*.md", "docs/x/a.md", false),
    GlobCase("docs/*", "docs/a.md", true),
    GlobCase("*/index.md", "blog/index.md", true),
    GlobCase("*/index.md", "blog/x/index.md", false),
    GlobCase("docs/a*b*c.md", "docs/aXXbYYc.md", true),
    GlobCase("docs/a*b*c.md", "docs/aXXcYYb.md", false),
    // a pattern without `/` matches the base name at any depth
    GlobCase("*.draft.md", "a.draft.md", true),
    GlobCase("*.draft.md", "blog/2024/a.draft.md", true),
    GlobCase("*.draft.md", "blog/a.md", false),
    GlobCase("README.md", "docs/README.md", true),
    GlobCase("*.md", "notes.markdown", false),
    // `?`, sets, negated sets, ranges
    GlobCase("page?.md", "page1.md", true),
    GlobCase("page?.md", "page12.md", false),
    GlobCase("page?.md", "x/page/.md", false),
    GlobCase("page[abc].md", "pageb.md", true),
    GlobCase("page[abc].md", "paged.md", false),
    GlobCase("page[!abc].md", "paged.md", true),
    GlobCase("page[!abc].md", "pagea.md", false),
    GlobCase("page[^abc].md", "pagez.md", true),
    GlobCase("v[0-9].md", "v7.md", true),
    GlobCase("v[0-9].md", "vx.md", false),
    GlobCase("[]]x.md", "]x.md", true),
    GlobCase("[unclosed.md", "[unclosed.md", true),
    // `{a,b}` alternatives, which may hold `/` and nest
    GlobCase("*.{md,markdown}", "a.markdown", true),
    GlobCase("*.{md,markdown}", "x/a.md", true),
    GlobCase("*.{md,markdown}", "a.txt", false),
    GlobCase("{landing,promo}/**", "promo/x.md", true),
    GlobCase("{landing,promo}/**", "blog/x.md", false),
    GlobCase("{landing,blog/posts}/*.md", "blog/posts/a.md", true),
    GlobCase("{a,b{c,d}}.md", "bd.md", true),
    GlobCase("{a,b{c,d}}.md", "b.md", false),
    GlobCase("{single}.md", "{single}.md", true),
    // escapes
    GlobCase("\\*.md", "*.md", true),
    GlobCase("\\*.md", "a.md", false),
    // anchoring: a leading `/` or `./`, or any inner `/`
    GlobCase("/README.md", "README.md", true),
    GlobCase("/README.md", "docs/README.md", false),
    GlobCase("./README.md", "README.md", true),
    GlobCase("./README.md", "docs/README.md", false),
    GlobCase("./landing/**", "landing/a.md", true),
    GlobCase("docs/intro.md", "x/docs/intro.md", false),
    // a trailing `/`: a folder and everything below it
    GlobCase("drafts/", "drafts/a.md", true),
    GlobCase("drafts/", "blog/drafts/x/a.md", true),
    GlobCase("drafts/", "drafts", false),
    GlobCase("drafts/", "drafts.md", false),
    GlobCase("blog/old/", "blog/old/a.md", true),
    GlobCase("blog/old/", "x/blog/old/a.md", false),
    // paths are normalised
    GlobCase("docs/*.md", "./docs/a.md", true),
    GlobCase("docs/*.md", "docs//a.md", true),
    GlobCase("*.md", "", false),
    GlobCase("", "a.md", false),
    // case-sensitive
    GlobCase("*.MD", "a.md", false),
]

@Suite("Configuration: globs")
struct ConfigurationGlobTests {
    @Test("glob table", arguments: globCases)
    func glob(_ row: GlobCase) {
        #expect(Glob(row.pattern).matches(row.path) == row.matches)
    }

    @Test func keepsThePatternAsWritten() {
        #expect(Glob("landing/**").pattern == "landing/**")
        #expect(Glob("*.md").description == "*.md")
    }

    @Test func manyDoubleStarsStayFast() {
        let path = Array(repeating: "a", count: 40).joined(separator: "/") + "/b.txt"
        #expect(!Glob("**/a/**/a/**/a/**/a/**/a/**/*.md").matches(path))
    }
}
