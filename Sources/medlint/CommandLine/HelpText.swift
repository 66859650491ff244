/// The `--help` page of a command, laid out as ArgumentParser laid it out (OVERVIEW, USAGE,
/// ARGUMENTS, OPTIONS, SUBCOMMANDS), wrapped at 80 columns.
enum HelpText {
    static func render(_ command: CommandSpec, defaultSubcommand: String?) -> String {
        var out = "OVERVIEW: \(command.abstract)\n"
        if !command.discussion.isEmpty { out += "\n" + command.discussion + "\n" }
        out += "\nUSAGE: \(command.usage)\n"
        if !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in command.arguments { out += row("<\(argument.name)>", argument.help) }
        }
        out += "\nOPTIONS:\n"
        for option in command.options {
            out += row(option.display + (option.repeatable ? " ..." : ""), option.help)
        }
        if command.path.isEmpty { out += row("--version", "Show the version.") }
        out += row("-h, --help", "Show help information.")
        if !command.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands {
                out += row(sub.name + (sub.name == defaultSubcommand ? " (default)" : ""), sub.abstract)
            }
            out += "\n  See '\(command.path.isEmpty ? "medlint" : command.fullName) help <subcommand>' for detailed help.\n"
        }
        return out
    }

    /// The three lines after a usage error.
    static func usageReminder(_ command: CommandSpec) -> String {
        "Usage: \(command.usage)\n  See '\(command.fullName) --help' for more information."
    }

    private static let labelWidth = 24

    private static func row(_ label: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: labelWidth + 2)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > 80 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        let head = "  " + label
        var out = head.count <= labelWidth + 1
            ? head + String(repeating: " ", count: labelWidth + 2 - head.count) + lines[0] + "\n"
            : head + "\n" + indent + lines[0] + "\n"
        for rest in lines.dropFirst() { out += indent + rest + "\n" }
        return out
    }
}
