import Foundation
import PackagePlugin

/// Compiles the YAML files under `rules/` into the `MedlintRulePack` module, so that a copied
/// `medlint` binary carries the built-in rule pack with no files beside it.
@main
struct RulePackPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appendingPathComponent("rules")
        let inputs = Self.yamlFiles(under: rulesDirectory)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRulePack.swift")
        return [
            .buildCommand(
                displayName: "Embedding rule pack (\(inputs.count) files)",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [rulesDirectory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    static func yamlFiles(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "yml" || url.pathExtension == "yaml" {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
