import Foundation
import MedlintCore
import MedlintRulePack
import Testing

/// Files are linted in parallel; the result must not depend on the number of workers.
/// (Run under `make sanitize-thread`, this is where ThreadSanitizer sees the workers.)
@Suite("Parallel linting")
struct ParallelCheckTests {
    func report(jobs: Int) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let setup = try RunSetup(builtinRules: RuleDirectoryReader.sources(fromEmbedded: BuiltinRulePack.files),
                                 precompiledRules: BuiltinRulePack.rules, configPath: nil, extraRuleDirectories: [],
                                 currentDirectory: root.path)
        let options = CheckOptions(jobs: jobs, maxFileBytes: 4 << 20, includeSuppressed: false, requireSuppressionReason: true,
                                   frontMatterFields: ["title", "description"])
        let session = CheckSession(setup: setup, options: options, toolVersion: "test", packVersion: "test")
        let result = try session.run(paths: [root.appendingPathComponent("fixtures").path])
        return result.files.flatMap { file in
            zip(file.diagnostics, file.fingerprints).map { "\(file.projectPath) \($0.ruleID) \($0.range) \($1)" }
        }
    }

    @Test("two workers give exactly what one worker gives")
    func deterministic() throws {
        let one = try report(jobs: 1)
        #expect(one.count > 30)
        #expect(try report(jobs: 2) == one)
        #expect(try report(jobs: 8) == one)
    }
}
