/// Writes JSON the same way, byte for byte, on every run and every platform.
///
/// The machine formats (SARIF, JSON, rdjsonl, GitLab) need members in the order their formats
/// document, not alphabetical (`JSONEncoder`'s `.sortedKeys`) or hash order (`JSONSerialization`
/// without it), and Foundation's escaping of `/` and of non-ASCII text differs between Darwin and
/// the Linux corelibs. Golden tests, byte-identical reruns and SARIF deduplication all depend on
/// the output never changing, so reporters build a `Value` tree and write it here.
///
/// Strings: `"` and `\` are escaped; U+0000–U+001F, U+007F–U+009F, U+2028 and U+2029 are written as
/// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX` (lower-case hex), so no raw control character, escape
/// sequence or line break from a scanned file reaches the output; `/` is not escaped and all other
/// text, emoji included, stays UTF-8. Numbers are integers only.
enum JSONWriter {
    /// A JSON value. Objects keep their members in the order given, and a member whose value is
    /// `nil` is left out (write `.null` for an explicit `null`).
    enum Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
        ExpressibleByArrayLiteral
    {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([Value])
        case object([(String, Value?)])

        init(stringLiteral value: String) { self = .string(value) }
        init(integerLiteral value: Int) { self = .int(value) }
        init(booleanLiteral value: Bool) { self = .bool(value) }
        init(arrayLiteral elements: Value...) { self = .array(elements) }

        /// `.string(text)`, or `.null` when `text` is nil.
        static func stringOrNull(_ text: String?) -> Value { text.map(Value.string) ?? .null }
    }

    enum Style {
        /// One line, no spaces: one rdjsonl record.
        case compact
        /// Two-space indentation, `"key": value`, empty containers as `[]` and `{}`.
        case pretty
    }

    /// The JSON text of `value`; `.pretty` output ends with a newline, `.compact` output does not.
    static func write(_ value: Value, style: Style) -> String {
        var out = ""
        append(value, style: style, depth: 0, to: &out)
        if style == .pretty { out.append("\n") }
        return out
    }

    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    // MARK: - Private

    private static func append(_ value: Value, style: Style, depth: Int, to out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .int(let number): out.append(String(number))
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out.append("[]") }
            out.append("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(",") }
                newline(style: style, depth: depth + 1, to: &out)
                append(element, style: style, depth: depth + 1, to: &out)
            }
            newline(style: style, depth: depth, to: &out)
            out.append("]")
        case .object(let members):
            let present = members.compactMap { key, value in value.map { (key, $0) } }
            guard !present.isEmpty else { return out.append("{}") }
            out.append("{")
            for (index, (key, member)) in present.enumerated() {
                if index > 0 { out.append(",") }
                newline(style: style, depth: depth + 1, to: &out)
                appendQuoted(key, to: &out)
                out.append(style == .pretty ? ": " : ":")
                append(member, style: style, depth: depth + 1, to: &out)
            }
            newline(style: style, depth: depth, to: &out)
            out.append("}")
        }
    }

    private static func newline(style: Style, depth: Int, to out: inout String) {
        guard style == .pretty else { return }
        out.append("\n")
        out.append(String(repeating: "  ", count: depth))
    }

    private static func appendQuoted(_ text: String, to out: inout String) {
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
