import Foundation
@testable import MedlintCore
import Testing

/// Reports stay in memory under the budget, all move to the temporary file past it, come back
/// in order, and stay in memory when no temporary file can be made.
@Suite("FileReportStore")
struct FileReportStoreTests {
    static func report(_ name: String, findings: Int) -> FileReport {
        var text = ""
        var diagnostics: [Diagnostic] = []
        for index in 0..<findings {
            let line = "Line \(index) of \(name): a miracle.\n"
            let start = text.utf8.count + line.utf8.count - "miracle.\n".utf8.count
            text += line
            diagnostics.append(Diagnostic(ruleID: "miracle-claim", level: index % 2 == 0 ? .error : .note, message: "Miracle \(index).",
                                          range: start..<(start + 7), matchedText: "miracle", sentence: String(line.dropLast()),
                                          suggestion: nil, suppression: index == 2 ? Suppression(justification: "ok") : nil))
        }
        return FileReport(displayPath: name, projectPath: "docs/" + name, bytes: Array(text.utf8), diagnostics: diagnostics)
    }

    static func describe(_ reports: FileReports) -> [String] {
        reports.map { file in "\(file.projectPath) \(file.diagnostics.map(\.message)) \(file.fingerprints)" }
    }

    @Test("under the budget nothing is spilled; past it every report is, and reads back the same, in order")
    func budget() {
        let reports = (0..<5).map { Self.report("\($0).md", findings: 3) }
        let memory = FileReportStore(budget: .unlimited)
        let spilling = FileReportStore(budget: FileReportStore.Budget(findings: 7, bytes: .max))
        // Added out of order, as parallel workers do.
        for index in [3, 0, 4, 1, 2] {
            memory.add(reports[index], order: index)
            spilling.add(reports[index], order: index)
        }
        let kept = memory.finish()
        let spilled = spilling.finish()
        #expect(kept.spilledCount == 0)
        // The third report passes 7 findings: it and the two before move, and the two after follow.
        #expect(spilled.spilledCount == 5)
        #expect(Self.describe(kept) == Self.describe(FileReports(reports)))
        #expect(Self.describe(spilled) == Self.describe(kept))
        #expect(spilled.map(\.displayPath) == ["0.md", "1.md", "2.md", "3.md", "4.md"])
        #expect(spilled.summaries == kept.summaries)
        #expect(spilled.summary(at: 1).count(.error) == 2)
        #expect(spilled.summary(at: 1).unsuppressedCount(.error) == 1)
        #expect(spilled.summary(at: 1).unsuppressedCount == 2)
        #expect(spilled.diagnosticCount == 15)
    }

    @Test("the byte budget alone also starts spilling")
    func byteBudget() {
        let store = FileReportStore(budget: FileReportStore.Budget(findings: .max, bytes: 1))
        store.add(Self.report("a.md", findings: 1))
        store.add(Self.report("b.md", findings: 1))
        #expect(store.finish().spilledCount == 2)
    }

    @Test("without a usable temporary folder, reports stay in memory and the run goes on")
    func noTemporaryFolder() {
        let store = FileReportStore(budget: FileReportStore.Budget(findings: 0, bytes: 0), directory: "/nonexistent-medlint-folder")
        let reports = (0..<3).map { Self.report("\($0).md", findings: 2) }
        for report in reports { store.add(report) }
        let result = store.finish()
        #expect(result.spilledCount == 0)
        #expect(Self.describe(result) == Self.describe(FileReports(reports)))
    }

    @Test("the temporary file is unlinked at once: the folder stays empty")
    func unlinked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = FileReportStore(budget: FileReportStore.Budget(findings: 0, bytes: 0), directory: folder.path)
        store.add(Self.report("a.md", findings: 2))
        let result = store.finish()
        #expect(result.spilledCount == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        #expect(result[0].diagnostics.count == 2)
    }

    @Test("a report set in place of a spilled one is kept in memory, with its own summary")
    func replace() {
        let store = FileReportStore(budget: FileReportStore.Budget(findings: 0, bytes: 0))
        store.add(Self.report("a.md", findings: 2))
        store.add(Self.report("b.md", findings: 2))
        var reports = store.finish()
        #expect(reports.spilledCount == 2)
        reports[1] = Self.report("c.md", findings: 4)
        #expect(reports.spilledCount == 1)
        #expect(reports.map(\.displayPath) == ["a.md", "c.md"])
        #expect(reports.summary(at: 1).diagnosticCount == 4)
        reports.reverse()
        #expect(reports.map(\.displayPath) == ["c.md", "a.md"])
        #expect(reports.summaries.map(\.displayPath) == ["c.md", "a.md"])
    }

    @Test("parallel adds keep every report, in order")
    func parallel() {
        let store = FileReportStore(budget: FileReportStore.Budget(findings: 50, bytes: .max))
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            store.add(Self.report("\(index).md", findings: 1 + index % 3), order: index)
        }
        let result = store.finish()
        #expect(result.map(\.displayPath) == (0..<200).map { "\($0).md" })
        #expect(result.map(\.diagnostics.count) == (0..<200).map { 1 + $0 % 3 })
        #expect(result.spilledCount == 200)
    }

    @Test("the standard budget is 20,000 findings or 16 MB")
    func standardBudget() {
        #expect(FileReportStore.Budget.standard == FileReportStore.Budget(findings: 20_000, bytes: 16 << 20))
    }
}
