import Foundation
import MedlintCore
import MedlintMarkdown
import MedlintPatterns
import MedlintReporters

/// Markdown → Document → positions → Linter → every reporter, checking the invariants that every
/// diagnostic, SARIF region and annotation depends on. Any violation is a crash libFuzzer keeps.
enum FuzzTarget {
    static let rules: [Rule] = {
        let directory = ProcessInfo.processInfo.environment["MEDLINT_RULES"] ?? "rules"
        do {
            return try RuleLoader().load(builtin: [], custom: [try RuleDirectoryReader.read(directory)]).rules
        } catch {
            fatalError("cannot load rules from \(directory): \(error)")
        }
    }()
    static let linter = Linter(rules: rules)
    nonisolated(unsafe) static let scratch = MatchScratch()

    static func run(_ input: [UInt8]) {
        guard case let .text(bytes, problems) = InputReader.decode(input) else { return }
        let document = Document(parsing: bytes)
        for segment in document.segments {
            var previous = -1
            for piece in segment.sourceMap.pieces {
                precondition(piece.sourceStart >= 0 && piece.sourceStart + piece.sourceLength <= bytes.count, "piece outside the file")
                precondition(piece.sourceStart >= previous, "map goes backwards")
                previous = piece.sourceStart
                if piece.isIdentity {
                    precondition(segment.text[piece.textStart..<(piece.textStart + piece.textLength)]
                        .elementsEqual(bytes[piece.sourceStart..<(piece.sourceStart + piece.sourceLength)]), "identity piece differs")
                }
            }
        }
        let diagnostics = problems + linter.lint(document, scratch: scratch)
        for diagnostic in diagnostics {
            precondition(diagnostic.range.lowerBound <= diagnostic.range.upperBound && diagnostic.range.upperBound <= bytes.count, "range outside the file")
        }
        let file = FileReport(displayPath: "fuzz.md", projectPath: "fuzz.md", bytes: bytes, diagnostics: diagnostics)
        // The lines a report keeps must give the same positions as the whole file's index.
        for diagnostic in diagnostics {
            precondition(file.start(of: diagnostic) == document.lineIndex.location(of: diagnostic.range.lowerBound), "kept lines: start differs")
            precondition(file.end(of: diagnostic) == document.lineIndex.location(of: diagnostic.range.upperBound), "kept lines: end differs")
        }
        let report = CheckReport(files: diagnostics.isEmpty ? [] : [file], rules: rules.map(\.descriptor) + BuiltinChecks.all,
                                 filesChecked: 1, toolVersion: "fuzz", packVersion: "fuzz")
        let sarif = SARIFReporter.render(report)
        precondition((try? JSONSerialization.jsonObject(with: Data(sarif.utf8))) != nil, "SARIF is not valid JSON")
        for line in GitHubReporter.render(report).split(separator: "\n", omittingEmptySubsequences: false) {
            precondition(!line.contains("\r") && !line.contains("##["), "GitHub line not single or has ##[")
            if line.hasPrefix("::") { precondition(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice"), "forged command") }
        }
        _ = TextReporter(useColor: false).render(report)
        _ = JSONReporter.render(report)
        _ = RDJSONLReporter.render(report)
        _ = GitLabReporter.render(report)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver.
@_cdecl("MedlintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
