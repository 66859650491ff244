import Foundation

/// Runs the real built `medlint` binary, as users and CI do.
enum MedlintBinary {
    /// Set by `make sanitize-address` / `sanitize-thread`: sanitizers multiply memory use, so
    /// peak-RSS bounds are not checked there (everything else is).
    static var isSanitized: Bool { ProcessInfo.processInfo.environment["MEDLINT_SANITIZED"] != nil }

    static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `MEDLINT_BINARY` when set, else the `medlint` in the build folder the test runner itself was
    /// built in (so `--scratch-path` builds test their own binary), else `.build/debug/medlint`.
    static let path: String = {
        if let given = ProcessInfo.processInfo.environment["MEDLINT_BINARY"], !given.isEmpty { return given }
        // The test runner (`medlintPackageTests.xctest`) lives in the build folder beside `medlint`.
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
        if let runner, runner.contains(".xctest") {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
            let candidate = folder.appendingPathComponent("medlint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return projectRoot.appendingPathComponent(".build/debug/medlint").path
    }()
    static let sharedDirectory = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// - Parameter launcher: a command that runs medlint, such as `setpriv` with its options
    ///   (medlint's path and `arguments` follow it).
    static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil, environment: [String: String] = [:],
                    launcher: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? path)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [path] + arguments
        process.currentDirectoryURL = directory ?? projectRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, not pipes, so a large output can never block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-run-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: scratch.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path + ".err", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path + ".in", contents: stdin ?? Data())
        defer {
            for suffix in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: scratch.path + suffix) }
        }
        process.standardOutput = FileHandle(forWritingAtPath: scratch.path + ".out")
        process.standardError = FileHandle(forWritingAtPath: scratch.path + ".err")
        process.standardInput = FileHandle(forReadingAtPath: scratch.path + ".in")
        try process.run()
        process.waitUntilExit()
        let outData = FileManager.default.contents(atPath: scratch.path + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch.path + ".err") ?? Data()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }

    /// A fresh temporary folder (with a `.git` folder, so it is its own project root).
    static func temporaryProject() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medlint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return url
    }
}

extension URL {
    func write(_ name: String, _ text: String) throws {
        let url = appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: appendingPathComponent(name))
    }
}
