import MedlintMarkdown
import MedlintPatterns

/// Runs every rule's own examples: each `flag` example must give exactly its «marked» spans for
/// that rule, each `pass` example nothing. Behind `medlint test-rules` and the test suite.
public struct ExampleRunner {
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public let ruleID: String
        public let file: String
        public let line: Int
        public let problem: String

        public var description: String { "\(file):\(line): \(ruleID): \(problem)" }
    }

    public struct Summary: Sendable {
        public var examples = 0
        public var failures: [Failure] = []
    }

    public init() {}

    /// Splits an example into its Markdown and the expected byte ranges of its «marks».
    public static func parseMarks(_ example: String) -> (markdown: String, spans: [Range<Int>]) {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        var open: Int?
        var scalars = Array(example.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "«" || scalars[index + 1] == "»" {
                bytes.append(contentsOf: Array(String(scalars[index + 1]).utf8))
                index += 2
                continue
            }
            if scalar == "«" {
                open = bytes.count
            } else if scalar == "»", let start = open {
                spans.append(start..<bytes.count)
                open = nil
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
            index += 1
        }
        scalars.removeAll()
        return (String(decoding: bytes, as: UTF8.self), spans)
    }

    public func run(_ rules: [Rule]) -> Summary {
        var summary = Summary()
        let scratch = MatchScratch()
        for rule in rules {
            let linter = Linter(rules: [rule])
            let file = rule.descriptor.origin
            if rule.examples.flag.isEmpty {
                summary.failures.append(Failure(ruleID: rule.id, file: file, line: 1, problem: "has no flag examples"))
            }
            for example in rule.examples.flag {
                summary.examples += 1
                let (markdown, expected) = Self.parseMarks(example.text)
                let document = Document(markdown: markdown)
                let found = linter.lint(document, scratch: scratch).filter { $0.ruleID == rule.id }.map(\.range)
                if expected.isEmpty {
                    summary.failures.append(Failure(ruleID: rule.id, file: file, line: example.line, problem: "flag example has no «marked» span"))
                } else if found != expected {
                    summary.failures.append(Failure(
                        ruleID: rule.id, file: file, line: example.line,
                        problem: "flag example: expected \(describe(expected, markdown)) but found \(describe(found, markdown))"
                    ))
                }
            }
            for example in rule.examples.pass {
                summary.examples += 1
                let document = Document(markdown: example.text)
                let found = linter.lint(document, scratch: scratch).filter { $0.ruleID == rule.id }.map(\.range)
                if !found.isEmpty {
                    summary.failures.append(Failure(ruleID: rule.id, file: file, line: example.line,
                                                    problem: "pass example was flagged at \(describe(found, example.text))"))
                }
            }
        }
        return summary
    }

    private func describe(_ spans: [Range<Int>], _ markdown: String) -> String {
        if spans.isEmpty { return "nothing" }
        let bytes = Array(markdown.utf8)
        return spans.map { span in
            "«" + String(decoding: bytes[max(0, span.lowerBound)..<min(bytes.count, span.upperBound)], as: UTF8.self) + "»"
        }.joined(separator: ", ")
    }
}
