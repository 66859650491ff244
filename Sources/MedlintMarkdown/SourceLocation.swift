/// A position in a file as people and tools count it: a 1-based line and a 1-based column in
/// three units. People, SARIF and GitHub see the UTF-16 column; reviewdog wants UTF-8 bytes.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let utf8Column: Int
    public let utf16Column: Int
    public let scalarColumn: Int

    public init(line: Int, utf8Column: Int, utf16Column: Int, scalarColumn: Int) {
        self.line = line
        self.utf8Column = utf8Column
        self.utf16Column = utf16Column
        self.scalarColumn = scalarColumn
    }

    public var description: String { "\(line):\(utf16Column)" }
}
