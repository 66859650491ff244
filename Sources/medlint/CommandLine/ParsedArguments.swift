/// What `CommandLineParser` read for one command: option values by name, flags, and
/// positional values by argument name.
struct ParsedArguments: Sendable {
    let command: CommandSpec
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String: [String]] = [:]

    /// The last value given for an option, or nil.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of a single positional argument (required, so the parser has checked it).
    func argument(_ name: String) -> String { positionals[name]?.first ?? "" }

    /// Every value of a repeating positional argument.
    func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

    /// An option's value as a whole number, or nil when it was not given.
    func integer(_ name: String) throws(CommandLineError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else {
            let display = command.option(named: name)?.display ?? "--\(name)"
            throw CommandLineError(message: "The value '\(text)' is invalid for '\(display)'", command: command)
        }
        return number
    }
}
