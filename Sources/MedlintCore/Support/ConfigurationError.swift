/// A broken configuration, rule file, lexicon or flag. It stops the run with exit 2 and one clear
/// line naming the file, line and column, so nothing is ever linted with a half-understood setup.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { _ = line; location += ":\(column)" }
        return "\(location): \(message)"
    }
}
