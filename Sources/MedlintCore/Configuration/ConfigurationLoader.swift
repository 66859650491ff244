import Foundation
import Yams

/// Finds and reads `.medlint.yml`. It exists so that a configuration is understood completely or
/// not at all: in a compliance tool a misspelt key or level that is silently ignored means claims
/// go unchecked, so every unknown key, wrong type or bad value is a `ConfigurationError` naming the
/// file, line and column (with a "did you mean" hint where one is close).
///
/// Rule ids and lexicon names are only known once the rule pack is loaded; their positions are
/// kept in `ruleLocations` / `lexiconLocations` and checked by `Configuration.validateRuleIDs(_:)`
/// and `Configuration.validateLexiconNames(_:)`.
public enum ConfigurationLoader {
    public static let fileName = ".medlint.yml"

    /// The top-level keys of `.medlint.yml`.
    public static let keys: Set<String> = [
        "rules", "include", "exclude", "front_matter_fields", "rule_dirs", "lexicons", "disclaimers",
        "fail_on", "max_file_bytes", "require_suppression_reason", "overrides",
    ]
    /// The keys of one entry of `overrides`.
    public static let overrideKeys: Set<String> = ["paths", "rules"]
    /// The values `fail_on` accepts.
    public static let failOnValues = ["error", "warning", "note", "never"]

    /// The `.medlint.yml` in `directory` or its nearest ancestor, or nil when there is none up to
    /// the filesystem root.
    public static func find(startingAt directory: String) -> String? {
        var current = ConfigurationPaths.absolute(directory)
        while true {
            let candidate = ConfigurationPaths.join(current, fileName)
            if case .file = FileSystem.kind(of: candidate) { return candidate }
            let parent = ConfigurationPaths.parent(current)
            if parent == current { return nil }
            current = parent
        }
    }

    /// Reads and validates the configuration file at `path`; globs are relative to its folder.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        switch FileSystem.kind(of: path) {
        case .missing: throw ConfigurationError(file: path, message: "the configuration file does not exist")
        case .directory: throw ConfigurationError(file: path, message: "is a folder, not a configuration file")
        case .file, .other: break
        }
        guard let data = FileSystem.contents(of: path) else {
            throw ConfigurationError(file: path, message: "cannot read the configuration file")
        }
        let contents = String(decoding: data, as: UTF8.self)
        // Decoding replaces invalid bytes, so the text then differs from the file.
        guard contents.utf8.elementsEqual(data) else {
            throw ConfigurationError(file: path, message: "the configuration file is not valid UTF-8")
        }
        return try parse(contents: contents, path: path, baseDirectory: ConfigurationPaths.parent(ConfigurationPaths.absolute(path)))
    }

    /// Parses and validates configuration text. `path` is used in error messages and kept as
    /// `Configuration.path`; `baseDirectory` is the folder globs and `rule_dirs` are relative to.
    /// An empty file (or one holding only comments) gives the built-in defaults.
    public static func parse(contents: String, path: String, baseDirectory: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(path: path, baseDirectory: baseDirectory)
        guard let file = try YAMLFile.parse(path: path, contents: contents) else { return configuration }
        if file.root.null != nil { return configuration }
        guard case .mapping = file.root else {
            throw file.error(file.root, "the configuration must be a mapping of keys such as rules, include and overrides")
        }
        var parser = Parser(file: file)
        for entry in try file.mapping(file.root, allowed: keys, what: "the configuration") {
            let value = entry.value
            switch entry.key {
            case "rules":
                configuration.rules = try parser.ruleSettings(value)
            case "include":
                configuration.include = try parser.globs(value, "include")
            case "exclude":
                configuration.exclude = try parser.globs(value, "exclude")
            case "front_matter_fields":
                if value.null == nil {
                    configuration.frontMatterFields = try parser.nonEmptyStrings(value, "front_matter_fields").map(\.0)
                }
            case "rule_dirs":
                configuration.ruleDirectories = try parser.ruleDirectories(value, baseDirectory: baseDirectory)
            case "lexicons":
                (configuration.lexicons, configuration.lexiconLocations) = try parser.lexicons(value)
            case "disclaimers":
                configuration.disclaimers = try parser.nonEmptyStrings(value, "disclaimers").map(\.0)
            case "fail_on":
                let text = try file.string(value, "fail_on")
                guard failOnValues.contains(text), value.null == nil else {
                    if value.null != nil { throw file.error(value, "fail_on must be error, warning, note or never") }
                    throw file.error(value, "fail_on must be error, warning, note or never, not '\(text)'" + hint(text, failOnValues))
                }
                configuration.failOn = text
            case "max_file_bytes":
                let bytes = try file.int(value, "max_file_bytes")
                guard bytes > 0 else { throw file.error(value, "max_file_bytes must be a positive whole number, not \(bytes)") }
                configuration.maxFileBytes = bytes
            case "require_suppression_reason":
                configuration.requireSuppressionReason = try file.bool(value, "require_suppression_reason")
            case "overrides":
                configuration.overrides = try parser.overrides(value)
            default:
                break
            }
        }
        configuration.ruleLocations = parser.ruleLocations
        return configuration
    }

    static func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The per-file parsing state: where each rule id was first written.
    private struct Parser {
        let file: YAMLFile
        var ruleLocations: [String: String] = [:]

        init(file: YAMLFile) { self.file = file }

        func location(_ node: Node) -> String {
            "\(file.path):\(node.mark?.line ?? 1):\(node.mark?.column ?? 1)"
        }

        mutating func ruleSettings(_ node: Node, what: String = "rules") throws(ConfigurationError) -> [String: Configuration.RuleSetting] {
            if node.null != nil { return [:] }
            var settings: [String: Configuration.RuleSetting] = [:]
            for entry in try file.mapping(node, what: what) {
                guard !entry.key.isEmpty else { throw file.error(entry.keyNode, "\(what): a rule id must not be empty") }
                guard case let .scalar(scalar) = entry.value, entry.value.null == nil,
                      let setting = Configuration.RuleSetting(rawValue: scalar.string) else {
                    let shown = entry.value.null != nil ? "nothing" : (entry.value.scalar.map { "'\($0.string)'" } ?? "a \(Self.kind(of: entry.value))")
                    let allowed = ["off", "note", "warning", "error"]
                    throw file.error(entry.value, "the setting for rule '\(entry.key)' must be off, note, warning or error, not \(shown)"
                                     + (entry.value.scalar.map { ConfigurationLoader.hint($0.string, allowed) } ?? ""))
                }
                settings[entry.key] = setting
                if ruleLocations[entry.key] == nil { ruleLocations[entry.key] = location(entry.keyNode) }
            }
            return settings
        }

        func nonEmptyStrings(_ node: Node, _ what: String) throws(ConfigurationError) -> [(String, Node)] {
            if node.null != nil { return [] }
            if case .mapping = node { throw file.error(node, "\(what) must be a list of strings") }
            let values = try file.strings(node, what)
            for (value, valueNode) in values {
                if case .scalar = valueNode, valueNode.null == nil, !value.allSatisfy(\.isWhitespace) { continue }
                throw file.error(valueNode, "\(what): an entry must be a non-empty string")
            }
            return values
        }

        func globs(_ node: Node, _ what: String) throws(ConfigurationError) -> [String] {
            try nonEmptyStrings(node, what).map(\.0)
        }

        func ruleDirectories(_ node: Node, baseDirectory: String) throws(ConfigurationError) -> [String] {
            var directories: [String] = []
            for (directory, directoryNode) in try nonEmptyStrings(node, "rule_dirs") {
                let resolved = ConfigurationPaths.resolve(directory, against: baseDirectory)
                guard case .directory = FileSystem.kind(of: resolved) else {
                    throw file.error(directoryNode, "rule_dirs: no folder '\(directory)' (looked for \(resolved))")
                }
                directories.append(directory)
            }
            return directories
        }

        func lexicons(_ node: Node) throws(ConfigurationError) -> ([String: [String]], [String: String]) {
            if node.null != nil { return ([:], [:]) }
            var lexicons: [String: [String]] = [:]
            var locations: [String: String] = [:]
            for entry in try file.mapping(node, what: "lexicons") {
                guard !entry.key.isEmpty else { throw file.error(entry.keyNode, "lexicons: a lexicon name must not be empty") }
                lexicons[entry.key] = try nonEmptyStrings(entry.value, "lexicons.\(entry.key)").map(\.0)
                locations[entry.key] = location(entry.keyNode)
            }
            return (lexicons, locations)
        }

        mutating func overrides(_ node: Node) throws(ConfigurationError) -> [Configuration.Override] {
            if node.null != nil { return [] }
            guard case let .sequence(sequence) = node else {
                throw file.error(node, "overrides must be a list of {paths: [...], rules: {...}}")
            }
            var overrides: [Configuration.Override] = []
            for item in sequence {
                guard case .mapping = item else {
                    throw file.error(item, "each entry of overrides must be a mapping with paths and rules")
                }
                var paths: [String]?
                var rules: [String: Configuration.RuleSetting]?
                for entry in try file.mapping(item, allowed: ConfigurationLoader.overrideKeys, what: "an override") {
                    if entry.key == "paths" {
                        paths = try globs(entry.value, "paths")
                    } else {
                        rules = try ruleSettings(entry.value, what: "rules")
                    }
                }
                guard let paths, !paths.isEmpty else { throw file.error(item, "an override needs paths (a list of globs)") }
                guard let rules else { throw file.error(item, "an override needs rules (rule ids with off, note, warning or error)") }
                overrides.append(Configuration.Override(paths: paths, rules: rules))
            }
            return overrides
        }

        static func kind(of node: Node) -> String {
            switch node {
            case .mapping: return "mapping"
            case .sequence: return "list"
            default: return "value"
            }
        }
    }
}

/// Lexical path helpers (no symlink resolution), so the configuration's folder and the files it
/// governs are compared the same way on every platform.
enum ConfigurationPaths {
    /// `path` made absolute against the current directory, with `.`, `..` and repeated `/` removed.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : join(FileSystem.currentDirectory(), path)
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder holding an absolute path ("/" for "/" itself).
    static func parent(_ absolutePath: String) -> String {
        guard let slash = absolutePath.lastIndex(of: "/"), absolutePath != "/" else { return "/" }
        return slash == absolutePath.startIndex ? "/" : String(absolutePath[..<slash])
    }

    /// `path` as is when absolute, otherwise joined to `base`; then made absolute.
    static func resolve(_ path: String, against base: String) -> String {
        absolute(path.hasPrefix("/") ? path : join(base, path))
    }

    /// `path` relative to `base` (`/`-separated), or nil when it is not inside `base`.
    static func relative(_ path: String, to base: String) -> String? {
        let file = absolute(path)
        let folder = absolute(base)
        if folder == "/" { return String(file.dropFirst()) }
        guard file.hasPrefix(folder + "/") else { return nil }
        return String(file.dropFirst(folder.count + 1))
    }
}
