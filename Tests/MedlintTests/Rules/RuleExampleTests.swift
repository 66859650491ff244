import Foundation
import MedlintCore
import MedlintMarkdown
import MedlintPatterns
import Testing

@Suite("Every built-in rule's examples")
struct RuleExampleTests {
    @Test("flag examples give exactly their marked spans; pass examples give nothing", arguments: BuiltinPack.ids)
    func examples(id: String) {
        let summary = ExampleRunner().run([BuiltinPack.rule(id)])
        #expect(summary.failures.isEmpty, "\(summary.failures.map(\.description).joined(separator: "\n"))")
        #expect(summary.examples >= 8, "\(id) needs at least 5 flag and 3 pass examples")
    }

    @Test("each rule has at least 5 flag and 3 pass examples and a real reference", arguments: BuiltinPack.ids)
    func exampleCounts(id: String) {
        let rule = BuiltinPack.rule(id)
        #expect(rule.examples.flag.count >= 5)
        #expect(rule.examples.pass.count >= 3)
        #expect(rule.descriptor.references.contains { $0.url.hasPrefix("https://") })
        #expect(!rule.descriptor.suggestion.isEmpty && !rule.descriptor.rationale.isEmpty)
    }

    /// Flag examples wrapped in code or an HTML comment must give nothing.
    @Test("wrapped in a fenced block, inline code or an HTML comment, flag examples give nothing", arguments: BuiltinPack.ids)
    func wrappedExamplesAreSilent(id: String) {
        let rule = BuiltinPack.rule(id)
        let linter = Linter(rules: [rule])
        let scratch = MatchScratch()
        for example in rule.examples.flag {
            let (markdown, _) = ExampleRunner.parseMarks(example.text)
            let singleLine = markdown.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "`", with: "'")
            let wrappings = [
                "```\n" + markdown + "\n```\n",
                "Text `" + singleLine + "` here.\n",
                "<!--\n" + markdown.replacingOccurrences(of: "-->", with: "") + "\n-->\n",
            ]
            for wrapped in wrappings {
                let found = linter.lint(Document(markdown: wrapped), scratch: scratch).filter { $0.ruleID == id }
                #expect(found.isEmpty, "\(rule.descriptor.origin):\(example.line): flagged inside \(wrapped.prefix(12))…")
            }
        }
    }

    /// With an emoji or an accented word in front, columns shift by exactly the prefix's UTF-16 length.
    @Test("a prefix with an emoji or accented word shifts the columns exactly", arguments: BuiltinPack.ids)
    func prefixShiftsColumns(id: String) {
        let rule = BuiltinPack.rule(id)
        let linter = Linter(rules: [rule])
        let scratch = MatchScratch()
        for example in rule.examples.flag {
            let (markdown, spans) = ExampleRunner.parseMarks(example.text)
            guard !markdown.hasPrefix("---"), !markdown.hasPrefix("#"), !markdown.hasPrefix(">"), !markdown.hasPrefix("-"),
                  !markdown.hasPrefix("|"), !markdown.hasPrefix("<"), !markdown.hasPrefix("!"), !markdown.hasPrefix("["),
                  let first = markdown.first, !first.isNumber, !markdown.hasPrefix(" "), let span = spans.first else { continue }
            for prefix in ["😀 Café — ", "Señora Núñez: "] {
                let shifted = Document(markdown: prefix + markdown)
                let found = linter.lint(shifted, scratch: scratch).filter { $0.ruleID == id }
                let original = Document(markdown: markdown)
                let before = original.lineIndex.location(of: span.lowerBound)
                guard before.line == 1 else { continue }
                let expectedColumn = before.utf16Column + prefix.utf16.count
                let columns = found.map { shifted.lineIndex.location(of: $0.range.lowerBound) }.filter { $0.line == 1 }.map(\.utf16Column)
                #expect(columns.contains(expectedColumn),
                        "\(rule.descriptor.origin):\(example.line) with prefix '\(prefix)': expected column \(expectedColumn), found \(columns)")
            }
        }
    }
}
