/// How a `Pattern` is compiled. UTF is always on; the rest are choices a rule can make.
public struct PatternOptions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Case-insensitive matching.
    public static let caseless = PatternOptions(rawValue: 1 << 0)
    /// Unicode properties for `\b`, `\w`, `\d`, `\s` and POSIX classes, so "é" is a word character.
    /// Slower; a pattern that needs only ASCII word boundaries may opt out.
    public static let unicodeProperties = PatternOptions(rawValue: 1 << 1)

    public static let `default`: PatternOptions = [.caseless, .unicodeProperties]
}
