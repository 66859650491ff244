import Foundation

/// The few git questions medlint asks, answered by running `git` in the project root:
/// what changed since a revision, what is staged, and the staged content of a file.
public struct GitRepository: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// Lines changed in the working tree since the merge base of `base` and HEAD (renames
    /// followed); untracked files count as wholly changed.
    public func changes(since base: String) throws(ConfigurationError) -> [String: FileChange] {
        let mergeBase = try git(["merge-base", base, "HEAD"], what: "--diff-base \(base)").trimmingCharacters(in: .whitespacesAndNewlines)
        var changes = UnifiedDiffParser.parse(try git(["diff", "--unified=0", "--find-renames", "--no-color", "--no-ext-diff", mergeBase, "--"], what: "git diff"))
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], what: "git ls-files")
        for path in untracked.split(separator: "\0").map(String.init) where changes[path] == nil {
            changes[path] = FileChange(path: path, changedLines: [1...Int.max / 2])
        }
        return changes
    }

    /// Lines changed in the index against HEAD (or against nothing, before the first commit).
    public func stagedChanges() throws(ConfigurationError) -> [String: FileChange] {
        UnifiedDiffParser.parse(try git(["diff", "--cached", "--unified=0", "--find-renames", "--no-color", "--no-ext-diff", "--"], what: "git diff --cached"))
    }

    /// The staged content of `path` (project-relative).
    public func stagedContent(of path: String) throws(ConfigurationError) -> [UInt8] {
        Array(try gitData(["show", ":" + path], what: "git show :\(path)"))
    }

    private func git(_ arguments: [String], what: String) throws(ConfigurationError) -> String {
        String(decoding: try gitData(arguments, what: what), as: UTF8.self)
    }

    private func gitData(_ arguments: [String], what: String) throws(ConfigurationError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "-c", "core.quotepath=off"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ConfigurationError(file: what, message: "cannot run git: \(error.localizedDescription)")
        }
        // Read both pipes fully before waiting, so a large diff cannot block git.
        let errorReader = PipeDrain(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errorReader.finish()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = errorText.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw ConfigurationError(file: what, message: "git failed: \(detail)")
        }
        return data
    }
}

/// Reads a pipe to its end on a background thread.
final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
