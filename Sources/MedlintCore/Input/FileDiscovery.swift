#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths given on the command line into the Markdown files to lint: folders are
/// walked for `*.md` and `*.markdown` (any case), skipping `.git`, `node_modules`, `.build` and
/// what the configuration excludes; files named directly are subject to the exclusions too (as
/// pre-commit names them); symlinked folders are followed once, so a loop ends. A symbolic link
/// named like Markdown whose target does not exist is listed too: reading it gives an
/// `unreadable-file` finding that names the missing target.
public struct FileDiscovery {
    public let currentDirectory: String
    public let projectRoot: String
    public let isIncluded: @Sendable (_ projectRelativePath: String) -> Bool

    static let skippedFolders: Set<String> = [".git", "node_modules", ".build", ".hg", ".svn"]

    public init(currentDirectory: String, projectRoot: String, isIncluded: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.currentDirectory = currentDirectory
        self.projectRoot = Self.realPath(projectRoot) ?? projectRoot
        self.isIncluded = isIncluded
    }

    /// The nearest ancestor of `directory` holding `.git`, else `directory`.
    public static func projectRoot(from directory: String) -> String {
        var current = realPath(directory) ?? directory
        while true {
            var info = stat()
            if stat(current + "/.git", &info) == 0 { return current }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return realPath(directory) ?? directory }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The files to lint, sorted by project path, or the first path that does not exist.
    public func discover(_ paths: [String]) throws(ConfigurationError) -> [InputFile] {
        var files: [InputFile] = []
        var seen: Set<String> = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw ConfigurationError(file: path, message: "no such file or folder")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var visited: Set<String> = []
                walk(path, visited: &visited, into: &files, seen: &seen)
            } else {
                add(path, into: &files, seen: &seen, named: true)
            }
        }
        return files.sorted { $0.projectPath < $1.projectPath }
    }

    private func walk(_ directory: String, visited: inout Set<String>, into files: inout [InputFile], seen: inout Set<String>) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        let key = "\(info.st_dev):\(info.st_ino)"
        guard visited.insert(key).inserted else { return }  // a symlink loop, or a folder reached twice
        guard let handle = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(handle)
        for name in names.sorted() {
            let child = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else {
                // A dangling symbolic link named like Markdown is listed, so reading it reports the
                // missing target as an `unreadable-file` finding instead of dropping it silently.
                var linkInfo = stat()
                if lstat(child, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK, Self.isMarkdown(name) {
                    add(child, into: &files, seen: &seen, named: false)
                }
                continue
            }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                if Self.skippedFolders.contains(name) || name.hasPrefix(".build") { continue }
                walk(child, visited: &visited, into: &files, seen: &seen)
            } else if (childInfo.st_mode & S_IFMT) == S_IFREG, Self.isMarkdown(name) {
                add(child, into: &files, seen: &seen, named: false)
            }
        }
    }

    static func isMarkdown(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    private func add(_ path: String, into files: inout [InputFile], seen: inout Set<String>, named: Bool) {
        let projectPath = projectRelative(path) ?? danglingLinkProjectPath(path) ?? normalised(path)
        guard isIncluded(projectPath) else { return }
        guard seen.insert(Self.realPath(path) ?? path).inserted else { return }
        files.append(InputFile(path: path, displayPath: displayPath(path), projectPath: projectPath))
    }

    /// A dangling link's path relative to the project root: its folder resolved, its own name kept.
    private func danglingLinkProjectPath(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return projectRelative(".").map { $0.isEmpty ? path : $0 + "/" + path } }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        guard let base = projectRelative(folder) else { return nil }
        let name = String(path[path.index(after: slash)...])
        return base.isEmpty ? name : base + "/" + name
    }

    /// `path` relative to the project root, symlinks resolved; nil when it lies outside.
    public func projectRelative(_ path: String) -> String? {
        guard let resolved = Self.realPath(path) else { return nil }
        if resolved == projectRoot { return "" }
        let prefix = projectRoot == "/" ? "/" : projectRoot + "/"
        guard resolved.hasPrefix(prefix) else { return nil }
        return String(resolved.dropFirst(prefix.count))
    }

    func displayPath(_ path: String) -> String {
        if path.hasPrefix("/") {
            let prefix = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
            if path.hasPrefix(prefix) { return normalised(String(path.dropFirst(prefix.count))) }
            return path
        }
        return normalised(path)
    }

    func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
