/// What one command accepts and how its help describes it. medlint parses its own command line
/// from these (`CommandLineParser`) instead of through reflection: ArgumentParser's first parse
/// cost about 3 ms of a 15 ms one-file run, most of it Swift runtime type lookups.
struct CommandSpec: Sendable {
    /// The words after `medlint` that select the command, such as `["baseline", "write"]`.
    let path: [String]
    let abstract: String
    let discussion: String
    let arguments: [ArgumentSpec]
    let options: [OptionSpec]
    let subcommands: [CommandSpec]

    init(path: [String], abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
         options: [OptionSpec] = [], subcommands: [CommandSpec] = []) {
        self.path = path
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }

    var name: String { path.last ?? "medlint" }

    /// `medlint check`, `medlint baseline write`.
    var fullName: String { (["medlint"] + path).joined(separator: " ") }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// `medlint check [<options>] [<paths> ...]`.
    var usage: String {
        var parts = [fullName]
        if !subcommands.isEmpty && arguments.isEmpty { parts.append("<subcommand>") }
        if !options.isEmpty { parts.append("[<options>]") }
        parts += arguments.map(\.display)
        return parts.joined(separator: " ")
    }
}
