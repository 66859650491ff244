import Foundation
import Testing

/// `--sarif-category NAME`: the SARIF run declares its GitHub code scanning category, so two
/// medlint uploads in one repository (say, the blog and the docs) do not replace each other.
@Suite("SARIF category", .serialized)
struct SARIFCategoryTests {
    func automationID(_ sarif: String) throws -> String? {
        let json = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let run = (json?["runs"] as? [[String: Any]])?.first
        return (run?["automationDetails"] as? [String: Any])?["id"] as? String
    }

    @Test("--sarif-category sets runs[0].automationDetails.id to NAME/ in every SARIF output; without it there is none")
    func category() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("post.md", "Our injections are 100% painless.\n")
        let result = try MedlintBinary.run(["check", "--format", "sarif", "--format", "sarif:out.sarif", "--sarif-category", "medlint-blog",
                                            "--fail-on", "never", "post.md"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try automationID(result.stdout) == "medlint-blog/")
        #expect(result.stdout.contains("\"automationDetails\": {\n        \"id\": \"medlint-blog/\"\n      },\n"))
        let written = try String(contentsOf: project.appendingPathComponent("out.sarif"), encoding: .utf8)
        #expect(written == result.stdout)
        try SchemaValidation.expectValidSARIF(result.stdout)

        let plain = try MedlintBinary.run(["check", "--format", "sarif", "--fail-on", "never", "post.md"], in: project)
        #expect(try automationID(plain.stdout) == nil)
        #expect(!plain.stdout.contains("automationDetails"))
    }

    @Test("an empty --sarif-category is a usage error (exit 2)")
    func emptyCategory() throws {
        let project = try MedlintBinary.temporaryProject()
        try project.write("post.md", "Fine.\n")
        let result = try MedlintBinary.run(["check", "--format", "sarif", "--sarif-category", "", "post.md"], in: project)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            medlint: error: --sarif-category needs a name, such as 'medlint-blog'
            Usage: medlint check [<options>] [<paths> ...]
              See 'medlint check --help' for more information.

            """)
    }
}
