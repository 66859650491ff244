import Foundation

/// Reads the rule files of a folder given with `--rule-dir` or `rule_dirs`: `*.yml` and `*.yaml`
/// in the folder are rules, those in its `lexicons/` subfolder are lexicons.
public enum RuleDirectoryReader {
    public static func read(_ directory: String) throws(ConfigurationError) -> [RuleSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: directory, message: "rule folder does not exist")
        }
        var sources: [RuleSource] = []
        for (folder, isLexicon) in [(directory, false), (directory + "/lexicons", true)] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let path = folder + "/" + name
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ConfigurationError(file: path, message: "cannot read the rule file")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw ConfigurationError(file: path, message: "the rule file is not valid UTF-8")
                }
                sources.append(RuleSource(path: path, contents: text, isLexicon: isLexicon))
            }
        }
        return sources
    }

    /// Splits embedded pack files into rule and lexicon sources.
    public static func sources(fromEmbedded files: [(path: String, contents: String)]) -> [RuleSource] {
        files.map { RuleSource(path: $0.path, contents: $0.contents, isLexicon: $0.path.split(separator: "/").dropLast().contains("lexicons")) }
    }
}
