import Foundation
@testable import MedlintCore
import MedlintMarkdown
import Testing

/// A report read back from the spill file must be the report that was written: every field of
/// every diagnostic, the fingerprints, and the kept lines with what reporters compute from them.
@Suite("FileReportCodec")
struct FileReportCodecTests {
    /// A BOM, CRLF and lone-CR line endings, non-ASCII text and a 9,000-byte line (three column
    /// checkpoints), with a suppressed finding, a document-level one and baseline states.
    static func sampleReport() -> FileReport {
        let long = String(repeating: "é", count: 4_000) + " miracle cure " + String(repeating: "x", count: 1_000)
        let text = "\u{FEFF}# Über uns 💊\r\nThe miracle cure works.\rLone CR line.\r\n" + long + "\nLast line"
        let bytes = Array(text.utf8)
        func range(of phrase: String, after start: Int = 0) -> Range<Int> {
            let needle = Array(phrase.utf8)
            for index in start...(bytes.count - needle.count) where bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            fatalError("\(phrase) not found")
        }
        var suppressed = Diagnostic(ruleID: "miracle-claim", level: .note, message: "Lone \"CR\".", range: range(of: "Lone CR"),
                                    matchedText: "Lone CR", sentence: "Lone CR line.", suggestion: "",
                                    suppression: Suppression(justification: "Reviewed — ticket 7"))
        suppressed.baselineState = .unchanged
        var newFinding = Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Cure: \"miracle cure\".",
                                    range: range(of: "miracle cure", after: 4_000), matchedText: "miracle cure",
                                    sentence: "…miracle cure…", suggestion: "Say what it does.\nPlainly.")
        newFinding.baselineState = .new
        let diagnostics = [
            Diagnostic(ruleID: "missing-disclaimer", level: .warning, message: "No disclaimer.", range: 0..<0, matchedText: "",
                       sentence: "", suggestion: nil, isDocumentLevel: true),
            Diagnostic(ruleID: "disease-cure-claim", level: .error, message: "Cure: \"miracle cure\".", range: range(of: "miracle cure"),
                       matchedText: "miracle cure", sentence: "The miracle cure works.", suggestion: "Describe it."),
            suppressed,
            newFinding,
            // Across a line break (CRLF), so two lines are kept for it.
            Diagnostic(ruleID: "miracle-claim", level: .warning, message: "Spans lines.", range: range(of: "💊\r\nThe"),
                       matchedText: "💊 The", sentence: "Über uns 💊 The", suggestion: nil),
        ]
        return FileReport(displayPath: "../site/Über uns.md", projectPath: "content/Über uns.md", bytes: bytes, diagnostics: diagnostics)
    }

    /// Everything a reporter can read from a report, as text.
    static func observable(_ report: FileReport) -> [String] {
        var out = [report.displayPath, report.projectPath, "\(report.source.byteCount) \(report.source.bomLength) \(report.source.hasLoneCR)"]
        out += report.fingerprints
        for diagnostic in report.diagnostics {
            let start = report.start(of: diagnostic), end = report.end(of: diagnostic)
            for location in [start, end] {
                out.append("\(location.line):\(location.utf8Column):\(location.utf16Column):\(location.scalarColumn)")
            }
            out.append("\(diagnostic)")
            out.append(String(decoding: report.source.bytes(in: diagnostic.range), as: UTF8.self))
        }
        for line in 1...6 {
            let content = report.source.contentRange(ofLine: line)
            out.append("\(line): \(content) \(String(decoding: report.source.bytes(in: content), as: UTF8.self))")
        }
        return out
    }

    @Test("a report survives encoding: fields, fingerprints, kept lines, locations and checkpoints")
    func roundTrip() throws {
        let report = Self.sampleReport()
        let encoded = FileReportCodec.encode(report)
        let decoded = try FileReportCodec.decode(encoded)
        #expect(decoded.diagnostics == report.diagnostics)
        #expect(decoded.fingerprints == report.fingerprints)
        #expect(Self.observable(decoded) == Self.observable(report))
        #expect(decoded.source.lines.map(\.number) == [1, 2, 3, 4])
        #expect(decoded.source.lines.map(\.checkpoints.count) == [1, 1, 1, 3])
        #expect(decoded.source.lines.map { $0.checkpoints.map { [$0.utf16, $0.scalars] } }
            == report.source.lines.map { $0.checkpoints.map { [$0.utf16, $0.scalars] } })
        #expect(decoded.source.lines.map(\.bytes) == report.source.lines.map(\.bytes))
        #expect(decoded.source.lines.map(\.first) == [3, 21, 45, 60])
        // Column 4003 of the long line, in every unit: found through the checkpoints.
        let location = decoded.start(of: decoded.diagnostics[3])
        #expect(location == SourceLocation(line: 4, utf8Column: 8_002, utf16Column: 4_002, scalarColumn: 4_002))
        #expect(FileReportCodec.encode(decoded) == encoded)
        #expect(FileReportSummary(decoded) == FileReportSummary(report))
    }

    @Test("the encoding of a small report, byte for byte")
    func exactBytes() throws {
        var diagnostic = Diagnostic(ruleID: "r", level: .warning, message: "m", range: 2..<5, matchedText: "é",
                                    sentence: "s", suggestion: nil, suppression: Suppression(justification: "j"))
        diagnostic.baselineState = .new
        let report = FileReport(displayPath: "a", projectPath: "b", bytes: Array("x\nabcdé\n".utf8), diagnostics: [diagnostic])
        let encoded = FileReportCodec.encode(report)
        let fingerprint = Array(report.fingerprints[0].utf8)
        let expected: [UInt8] = [0x4D, 1, 0x61, 1, 0x62]  // tag, "a", "b"
            + [18, 0, 0]  // byteCount 9 (zigzag 18), no BOM, no lone CR
            + [1, 4, 4, 0, 7] + Array("abcdé\n".utf8) + [1, 0, 0]  // line 2 at offset 2, 7 bytes, checkpoint (0, 0)
            + [1, 1, 0x72, 1, 1, 0x6D, 4, 6, 2, 0xC3, 0xA9, 1, 0x73]  // rule "r", warning, "m", range 2 + 3, "é", "s"
            + [4 | 8, 1, 0x6A]  // suppressed, baseline new; justification "j"
            + [1, 32] + fingerprint
        #expect(encoded == expected)
        #expect(try FileReportCodec.decode(encoded).diagnostics == [diagnostic])
    }

    @Test("damaged bytes are an error, not a crash or a wrong report")
    func damaged() throws {
        let encoded = FileReportCodec.encode(Self.sampleReport())
        for length in [0, 1, 5, encoded.count / 2, encoded.count - 1] {
            #expect(throws: FileReportCodec.DecodingError.self) { try FileReportCodec.decode(Array(encoded.prefix(length))) }
        }
        #expect(throws: FileReportCodec.DecodingError(offset: 0)) { try FileReportCodec.decode([0x4E] + encoded.dropFirst()) }
        #expect(throws: FileReportCodec.DecodingError(offset: encoded.count)) { try FileReportCodec.decode(encoded + [0]) }
        // A length far past the end.
        #expect(throws: FileReportCodec.DecodingError(offset: 1)) { try FileReportCodec.decode([0x4D, 0xFF, 0xFF, 0xFF, 0x7F]) }
    }
}
