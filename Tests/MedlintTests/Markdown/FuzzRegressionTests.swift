import Foundation
import MedlintCore
import MedlintMarkdown
import Testing

/// Every input the fuzzer once broke (Fuzz/regressions/) keeps the source-map invariants.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0 != "README.md" }.sorted()

    @Test("source maps stay inside the file, monotonic, and spell the text", arguments: inputs)
    func invariants(name: String) throws {
        let input = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        guard case let .text(bytes, _) = InputReader.decode(input) else { return }
        let document = Document(parsing: bytes)
        for segment in document.segments {
            var previous = -1
            for piece in segment.sourceMap.pieces {
                #expect(piece.sourceStart >= 0 && piece.sourceStart + piece.sourceLength <= bytes.count)
                #expect(piece.sourceStart >= previous, "map goes backwards at \(piece)")
                previous = piece.sourceStart
                if piece.isIdentity {
                    #expect(segment.text[piece.textStart..<(piece.textStart + piece.textLength)]
                        .elementsEqual(bytes[piece.sourceStart..<(piece.sourceStart + piece.sourceLength)]))
                }
            }
        }
    }
}
