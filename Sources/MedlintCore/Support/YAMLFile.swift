import Yams

/// A parsed YAML file with typed, position-aware access: every wrong key or value becomes a
/// `ConfigurationError` that names the file, line and column.
struct YAMLFile {
    let path: String
    let root: Node

    init(path: String, contents: String) throws(ConfigurationError) {
        guard let file = try Self.parse(path: path, contents: contents) else {
            throw ConfigurationError(file: path, line: 1, column: 1, message: "the file is empty")
        }
        self = file
    }

    private init(path: String, root: Node) {
        self.path = path
        self.root = root
    }

    /// The file, or nil when it holds no document (empty, or only comments).
    static func parse(path: String, contents: String) throws(ConfigurationError) -> YAMLFile? {
        do {
            // Plain nodes are all medlint reads: Yams' default constructor (a table of value
            // converters) and its encoding lookup in the environment cost more than the parse.
            let parser = try Parser(yaml: contents, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            return try parser.singleRoot().map { YAMLFile(path: path, root: $0) }
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Yams describes this one on several lines without a position; say it in one.
            let names = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw ConfigurationError(file: path, line: context.mark.line, column: context.mark.column,
                                     message: "duplicate key \(names): each key may appear only once in a mapping")
        } catch let error as YamlError {
            throw Self.describe(error, path: path)
        } catch {
            throw ConfigurationError(file: path, message: "invalid YAML: \(error)")
        }
    }

    private static func describe(_ error: YamlError, path: String) -> ConfigurationError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigurationError(file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)")
        case let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigurationError(file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)")
        default:
            return ConfigurationError(file: path, message: "invalid YAML: \(error)")
        }
    }

    func error(_ node: Node?, _ message: String) -> ConfigurationError {
        ConfigurationError(file: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// The entries of a mapping, checking every key against `allowed`.
    func mapping(_ node: Node, allowed: Set<String>? = nil, what: String) throws(ConfigurationError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case let .mapping(mapping) = node else { throw error(node, "\(what) must be a mapping") }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, "\(what): keys must be strings") }
            if let allowed, !allowed.contains(key) {
                let hint = Suggestion.closest(to: key, among: Array(allowed)).map { " (did you mean '\($0)'?)" } ?? ""
                throw error(keyNode, "unknown key '\(key)' in \(what)\(hint)")
            }
            if !seen.insert(key).inserted { throw error(keyNode, "duplicate key '\(key)' in \(what)") }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    func string(_ node: Node, _ what: String) throws(ConfigurationError) -> String {
        guard case let .scalar(scalar) = node else { throw error(node, "\(what) must be a string") }
        return scalar.string
    }

    func strings(_ node: Node, _ what: String) throws(ConfigurationError) -> [(String, Node)] {
        if case .scalar = node { return [(try string(node, what), node)] }
        guard case let .sequence(sequence) = node else { throw error(node, "\(what) must be a list of strings") }
        var values: [(String, Node)] = []
        for item in sequence { values.append((try string(item, what), item)) }
        return values
    }

    func int(_ node: Node, _ what: String) throws(ConfigurationError) -> Int {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string.replacingUnderscores()) else {
            throw error(node, "\(what) must be a whole number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws(ConfigurationError) -> Bool {
        guard case let .scalar(scalar) = node else { throw error(node, "\(what) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(what) must be true or false")
        }
    }
}

private extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
