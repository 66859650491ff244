/// ANSI styling for the text output, or none when colour is off.
struct TextStyle {
    let enabled: Bool

    func apply(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func level(_ text: String, error: Bool, warning: Bool) -> String {
        apply(error ? "1;31" : warning ? "1;33" : "1;36", text)
    }
    func underline(_ text: String, error: Bool, warning: Bool) -> String {
        apply(error ? "31" : warning ? "33" : "36", text)
    }
    func help(_ text: String) -> String { apply("32", text) }
}
