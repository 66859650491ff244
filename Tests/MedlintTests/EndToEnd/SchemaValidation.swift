import Foundation
import Testing

/// Validates SARIF against the official 2.1.0 schema in ../shared (python3 jsonschema, Draft 4)
/// whenever ../shared exists; without it (on GitHub) the check is skipped.
enum SchemaValidation {
    static let schema = MedlintBinary.sharedDirectory.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    static func expectValidSARIF(_ text: String) throws {
        guard FileManager.default.fileExists(atPath: schema.path) else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-\(UUID().uuidString).sarif")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for e in errors[:5]: print(e.message[:300])
            sys.exit(1 if errors else 0)
            """, schema.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SARIF fails the schema: \(String(decoding: data, as: UTF8.self))")
    }
}
