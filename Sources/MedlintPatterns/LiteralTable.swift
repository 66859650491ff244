/// The literals of a whole precompiled rule pack, numbered once. Patterns decoded from the pack
/// refer to their literals by number, so building the prefilter at start-up hashes no strings.
public final class LiteralTable: Sendable {
    public let strings: [String]

    public init(_ strings: [String]) { self.strings = strings }
}

/// A pattern's required and leading literals as numbers in a `LiteralTable`.
public struct LiteralIDs: Sendable {
    public let table: LiteralTable
    public let required: [Int32]?
    public let leading: [Int32]?

    public init(table: LiteralTable, required: [Int32]?, leading: [Int32]?) {
        self.table = table
        self.required = required
        self.leading = leading
    }
}
