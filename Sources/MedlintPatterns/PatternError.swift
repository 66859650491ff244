/// Why a pattern could not be compiled or matched. Compile errors carry PCRE2's own message and
/// the byte offset in the pattern, so a rule author can see exactly what is wrong.
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern does not compile.
    case compile(pattern: String, message: String, offset: Int)
    /// Matching stopped at PCRE2's match or depth limit: the pattern backtracks catastrophically on this text.
    case limitExceeded(pattern: String, message: String)
    /// Any other matching failure reported by PCRE2.
    case matchFailed(pattern: String, message: String)

    public var description: String {
        switch self {
        case let .compile(pattern, message, offset):
            return "pattern does not compile at offset \(offset): \(message) in '\(pattern)'"
        case let .limitExceeded(pattern, message):
            return "pattern hit the matching limit (\(message)): '\(pattern)'"
        case let .matchFailed(pattern, message):
            return "pattern failed to match (\(message)): '\(pattern)'"
        }
    }
}
