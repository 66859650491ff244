/// One positional argument a command takes: a single required value, or any number of them.
struct ArgumentSpec: Sendable {
    let name: String
    let help: String
    /// Takes every remaining positional value (zero or more).
    let repeating: Bool

    static func single(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, repeating: false)
    }

    static func list(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, help: help, repeating: true)
    }

    /// As usage lines show it: `<file>` or `[<paths> ...]`.
    var display: String { repeating ? "[<\(name)> ...]" : "<\(name)>" }
}
