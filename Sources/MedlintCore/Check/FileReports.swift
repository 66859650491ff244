/// The reports of a run, in order, as a collection: each is in memory or, in a large run, in the
/// run's temporary file (`FileReportStore`), read back and decoded whenever it is accessed.
///
/// Reading an element costs a decode, so code that visits a report more than once keeps the
/// element it got. Counts, paths and flags are in `summaries`, which are always in memory: sorting
/// files by path, counting findings or computing the exit code reads no report back.
public struct FileReports: RandomAccessCollection, MutableCollection, Sendable {
    enum Storage: Sendable {
        case memory(FileReport)
        /// Offset and length of the encoded report in `spill`.
        case spilled(offset: Int, length: Int)
    }

    struct Slot: Sendable {
        var summary: FileReportSummary
        var storage: Storage
    }

    private var slots: [Slot]
    private let spill: SpillFile?

    /// Reports held in memory, as before large runs spilled to disk (tests build reports this way).
    public init(_ reports: [FileReport] = []) {
        slots = reports.map { Slot(summary: FileReportSummary($0), storage: .memory($0)) }
        spill = nil
    }

    init(slots: [Slot], spill: SpillFile?) {
        self.slots = slots
        self.spill = spill
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    /// The report at `index`, decoded from the temporary file when it was spilled. Setting an
    /// element keeps the new report in memory.
    public subscript(index: Int) -> FileReport {
        get {
            switch slots[index].storage {
            case let .memory(report):
                return report
            case let .spilled(offset, length):
                guard let bytes = spill?.read(at: offset, length: length) else {
                    fatalError("medlint: cannot read back report \(index) from its temporary file")
                }
                do {
                    return try FileReportCodec.decode(bytes)
                } catch {
                    fatalError("medlint: report \(index) in the temporary file is damaged (at byte \(error.offset))")
                }
            }
        }
        set {
            slots[index] = Slot(summary: FileReportSummary(newValue), storage: .memory(newValue))
        }
    }

    /// What is known about the report at `index` without reading it back.
    public func summary(at index: Int) -> FileReportSummary { slots[index].summary }

    /// Every report's summary, in order.
    public var summaries: [FileReportSummary] { slots.map(\.summary) }

    /// How many reports are in the temporary file rather than in memory (for tests).
    public var spilledCount: Int {
        slots.reduce(0) { count, slot in
            if case .spilled = slot.storage { return count + 1 }
            return count
        }
    }

    /// Diagnostics in every report, suppressed included.
    public var diagnosticCount: Int { slots.reduce(0) { $0 + $1.summary.diagnosticCount } }
}
