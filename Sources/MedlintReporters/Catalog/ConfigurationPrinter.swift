import MedlintCore

/// What `medlint check --print-config PATH` shows: the settings that apply to one file after the
/// configuration, its overrides and the defaults are combined.
public enum ConfigurationPrinter {
    public static func render(_ setup: RunSetup, forPath path: String) -> String {
        let configuration = setup.configuration
        let discovery = FileDiscovery(currentDirectory: setup.currentDirectory, projectRoot: setup.projectRoot)
        let projectPath = discovery.projectRelative(path) ?? path
        let relative = CheckSession.rebase(projectPath, from: setup.projectRoot, to: configuration.baseDirectory)
        let settings = configuration.settings(forRelativePath: relative)
        var out = "file: \(path)\n"
        out += "configuration: \(configuration.path ?? "(none: built-in defaults)")\n"
        out += "included: \(configuration.isIncluded(relativePath: relative) ? "yes" : "no (excluded)")\n"
        out += "fail_on: \(configuration.failOn ?? "error")\n"
        out += "max_file_bytes: \(configuration.maxFileBytes)\n"
        out += "require_suppression_reason: \(configuration.requireSuppressionReason)\n"
        out += "front_matter_fields: \((configuration.frontMatterFields ?? ["title", "description", "summary", "excerpt"]).joined(separator: ", "))\n"
        out += "rules:\n"
        for descriptor in (setup.rules.map(\.descriptor) + BuiltinChecks.all).sorted(by: { $0.id < $1.id }) {
            let level = settings.ruleLevels[descriptor.id]?.rawValue ?? descriptor.level.rawValue
            let source = settings.ruleLevels[descriptor.id] == nil ? "default" : "configured"
            out += "  \(descriptor.id): \(level) (\(source))\n"
        }
        return out
    }
}
