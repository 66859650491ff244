/// One `--name` the command line accepts: a flag, or an option that takes a value.
struct OptionSpec: Sendable {
    /// Without the leading dashes.
    let name: String
    /// Shown as `<value>` in help; nil for a flag.
    let valueName: String?
    let help: String
    /// A repeated option keeps every value; otherwise the last one wins.
    let repeatable: Bool

    static func option(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: value ?? name, help: help, repeatable: repeatable)
    }

    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, repeatable: false)
    }

    var isFlag: Bool { valueName == nil }

    /// As help and error messages show it: `--format <format>`.
    var display: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }
}
