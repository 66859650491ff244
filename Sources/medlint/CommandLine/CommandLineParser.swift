import MedlintCore

/// Reads `medlint`'s command line against the commands' specs: picks the command (`check` when
/// the first word names none), then reads `--name value`, `--name=value`, flags, `--` and
/// positional values in any order, as ArgumentParser did.
struct CommandLineParser {
    /// What the command line asks for.
    enum Request {
        case run(ParsedArguments)
        case help(CommandSpec)
        case version
    }

    let root: CommandSpec
    let defaultCommand: CommandSpec

    func parse(_ words: [String]) throws(CommandLineError) -> Request {
        var remaining = words[...]
        if remaining.first == "help" {
            remaining.removeFirst()
            return .help(Self.command(named: &remaining, from: root))
        }
        var command = Self.command(named: &remaining, from: root)
        if command.path.isEmpty {
            if remaining.first == "--version" { return .version }
            if remaining.contains(where: { $0 == "-h" || $0 == "--help" }) && remaining.allSatisfy({ $0.hasPrefix("-") }) {
                return .help(root)
            }
            command = defaultCommand
        } else if !command.subcommands.isEmpty && command.arguments.isEmpty {
            // A command that only groups others (`baseline`) runs none by itself.
            if remaining.contains(where: { $0 == "-h" || $0 == "--help" }) || remaining.isEmpty { return .help(command) }
            throw CommandLineError(message: "Unknown subcommand '\(remaining.first!)'", command: command)
        }
        return try read(Array(remaining), for: command)
    }

    private func read(_ words: [String], for command: CommandSpec) throws(CommandLineError) -> Request {
        var parsed = ParsedArguments(command: command)
        var positional: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positional.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word == "-h" || word == "--help" { return .help(command) }
            guard word.hasPrefix("--") else {
                throw CommandLineError(message: "Unknown option '\(word)'", command: command)
            }
            let body = word.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            guard let option = command.option(named: name) else {
                let hint = Suggestion.closest(to: name, among: command.options.map(\.name)).map { ". Did you mean '--\($0)'?" } ?? ""
                throw CommandLineError(message: "Unknown option '--\(name)'\(hint)", command: command)
            }
            if option.isFlag {
                if inline != nil {
                    throw CommandLineError(message: "The flag '--\(name)' does not take a value", command: command)
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if index < words.count, !(words[index].hasPrefix("-") && words[index] != "-" && !Self.isNumber(words[index])) {
                value = words[index]
                index += 1
            } else {
                throw CommandLineError(message: "Missing value for '\(option.display)'", command: command)
            }
            if option.repeatable {
                parsed.values[name, default: []].append(value)
            } else {
                parsed.values[name] = [value]
            }
        }
        for argument in command.arguments {
            if argument.repeating {
                parsed.positionals[argument.name] = positional
                positional = []
            } else {
                guard !positional.isEmpty else {
                    throw CommandLineError(message: "Missing expected argument '<\(argument.name)>'", command: command)
                }
                parsed.positionals[argument.name] = [positional.removeFirst()]
            }
        }
        if let extra = positional.first {
            throw CommandLineError(message: "Unexpected argument '\(extra)'", command: command)
        }
        return .run(parsed)
    }

    /// The command the leading words name (`baseline write`), taking those words off.
    private static func command(named words: inout ArraySlice<String>, from root: CommandSpec) -> CommandSpec {
        var command = root
        while let word = words.first, let sub = command.subcommands.first(where: { $0.name == word }) {
            command = sub
            words.removeFirst()
        }
        return command
    }

    /// A negative number is a value, not an option (`--jobs -1` reports the bad number).
    private static func isNumber(_ word: String) -> Bool { Int(word) != nil }
}
