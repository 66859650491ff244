import Dispatch
import MedlintMarkdown
import Testing

/// cmark-gfm keeps the extensions' special characters in process-wide state; parses on several
/// workers at once must each still see strikethrough (they once lost it intermittently).
@Suite("Parsing on many threads at once")
struct ConcurrentParseTests {
    @Test("every concurrent parse reads strikethrough text without its tildes")
    func strikethroughSurvivesConcurrentParses() {
        let source = Array("This is ~~not~~ old news.\n".utf8)
        let runs = 2_000
        let texts = UnsafeMutableBufferPointer<String>.allocate(capacity: runs)
        texts.initialize(repeating: "")
        defer { texts.deallocate() }
        nonisolated(unsafe) let slots = texts
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let document = Document(parsing: source)
            slots[run] = document.segments.map { String(decoding: $0.text, as: UTF8.self) }.joined(separator: "|")
        }
        let wrong = texts.filter { $0 != "This is not old news." }
        #expect(wrong.isEmpty, "\(wrong.count) of \(runs) parses differ, e.g. \(wrong.first ?? "")")
    }
}
