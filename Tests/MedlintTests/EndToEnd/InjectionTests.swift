import Foundation
import Testing

/// Text from a scanned file must never steer a terminal or a CI log.
@Suite("Output cannot be steered by file content", .serialized)
struct InjectionTests {
    static let hostile = """
        # ::add-mask::secret guaranteed results

        Our injections are 100% painless ::set-output name=x::y and ##[warning]forged %0A::error::forged \r::error::cr \u{1B}[31mred\u{1B}[0m.
        ::warning file=x::line-start forged, completely risk-free.

        """

    @Test("github and text output: only medlint's own lines start with ::, no ##[, no raw ESC or CR", arguments: ["github", "text"])
    func noInjection(format: String) throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("a,b:c.md", Self.hostile)
        let result = try MedlintBinary.run(["check", "--format", format, "--color", "always", "--fail-on", "never", "a,b:c.md"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout.contains("painless"), "the finding must be reported: \(result.stdout)")
        #expect(!result.stdout.contains("##["))
        #expect(!result.stdout.contains("\r"))
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("::") {
                #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice"), "forged command line: \(line)")
            }
            // ESC only as medlint's own colour codes (text format with --color always).
            let withoutColours = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(!withoutColours.contains("\u{1B}"), "raw ESC in: \(line)")
        }
        #expect(!result.stdout.contains("\u{1B}[31mred"))
    }
}
