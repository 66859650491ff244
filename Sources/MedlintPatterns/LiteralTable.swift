/// Numbered literals, stored as their UTF-8 back to back (boundary marks included). Patterns
/// decoded from a precompiled pack refer to their literals by number, and the prefilter's
/// automaton is built straight from these bytes, so a run that uses the pack makes no String
/// for any of its ~17,000 literals unless something asks for one.
public final class LiteralTable: Sendable {
    /// Literal `i` is `utf8[Int(starts[i])..<Int(starts[i + 1])]`.
    public let utf8: [UInt8]
    public let starts: [Int32]

    public var count: Int { starts.count - 1 }

    public init(_ strings: [String]) {
        (utf8, starts) = Self.appending(strings, utf8: [], starts: [0])
    }

    /// nil unless `starts` begins at 0, never decreases and ends at `utf8.count` (the matcher
    /// reads the bytes without bounds checks).
    public init?(utf8: [UInt8], starts: [Int32]) {
        guard starts.first == 0, Int(starts.last ?? -1) == utf8.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.utf8 = utf8
        self.starts = starts
    }

    /// `table`'s literals, then `strings`, numbered on from `table.count`.
    public init(appending strings: [String], to table: LiteralTable) {
        (utf8, starts) = Self.appending(strings, utf8: table.utf8, starts: table.starts)
    }

    private static func appending(_ strings: [String], utf8: [UInt8], starts: [Int32]) -> ([UInt8], [Int32]) {
        var utf8 = utf8
        var starts = starts
        starts.reserveCapacity(starts.count + strings.count)
        for string in strings {
            utf8 += string.utf8
            starts.append(Int32(utf8.count))
        }
        return (utf8, starts)
    }

    public func string(at index: Int) -> String {
        String(decoding: utf8[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
    }

    public func strings(_ indexes: [Int32]) -> [String] { indexes.map { string(at: Int($0)) } }
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
