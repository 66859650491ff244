/// What changed in one file since a base revision: the lines added or changed (1-based, in the
/// new file), whether its content changed at all, and the path it was renamed from.
public struct FileChange: Sendable, Equatable {
    public var path: String
    public var changedLines: [ClosedRange<Int>]
    /// False for a pure rename (100% similar): moving a file is no change to its content.
    public var contentChanged: Bool
    public var renamedFrom: String?

    public init(path: String, changedLines: [ClosedRange<Int>] = [], contentChanged: Bool = true, renamedFrom: String? = nil) {
        self.path = path
        self.changedLines = changedLines
        self.contentChanged = contentChanged
        self.renamedFrom = renamedFrom
    }

    /// Whether any line from `first` to `last` was added or changed.
    public func touches(_ first: Int, _ last: Int) -> Bool {
        changedLines.contains { $0.lowerBound <= last && first <= $0.upperBound }
    }
}
