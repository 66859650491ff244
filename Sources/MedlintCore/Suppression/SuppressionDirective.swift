import Foundation

/// One `<!-- medlint-… -->` comment: what it suppresses, where, and why.
public struct SuppressionDirective: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case disableNextLine = "medlint-disable-next-line"
        case disableLine = "medlint-disable-line"
        case disable = "medlint-disable"
        case enable = "medlint-enable"
        case disableFile = "medlint-disable-file"
    }

    public let kind: Kind
    /// Rule ids; empty means every rule.
    public let ruleIDs: [String]
    /// The text after `--`, trimmed; nil when none was given.
    public let reason: String?
    /// The comment's byte range in the file.
    public let range: Range<Int>

    /// Parses a comment body such as ` medlint-disable-next-line painless-claim -- reviewed by legal `.
    public static func parse(_ body: String, range: Range<Int>) -> SuppressionDirective? {
        let trimmed = body.trimmingWhitespace()
        guard trimmed.hasPrefix("medlint-") else { return nil }
        var head = trimmed
        var reason: String?
        if let separator = trimmed.range(of: " --") ?? (trimmed.hasSuffix("--") ? trimmed.range(of: "--", options: .backwards) : nil) {
            head = String(trimmed[..<separator.lowerBound])
            let rest = String(trimmed[separator.upperBound...]).trimmingWhitespace()
            reason = rest.isEmpty ? nil : rest
        }
        let words = head.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard let first = words.first, let kind = Kind(rawValue: first) else { return nil }
        return SuppressionDirective(kind: kind, ruleIDs: Array(words.dropFirst()), reason: reason, range: range)
    }
}
