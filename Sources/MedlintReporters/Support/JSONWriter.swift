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
        /// An array whose elements are made while it is written, so a long array (SARIF results,
        /// GitLab entries) is never held as values: see `Elements`.
        case elements(Elements)

        init(stringLiteral value: String) { self = .string(value) }
        init(integerLiteral value: Int) { self = .int(value) }
        init(booleanLiteral value: Bool) { self = .bool(value) }
        init(arrayLiteral elements: Value...) { self = .array(elements) }

        /// `.string(text)`, or `.null` when `text` is nil.
        static func stringOrNull(_ text: String?) -> Value { text.map(Value.string) ?? .null }
    }

    /// The elements of a streamed array: `produce` calls its argument once per element, in order;
    /// `written`, when given, sees the output after each element, to hand on what is complete
    /// (writing it elsewhere and emptying the buffer) so the output never sits in memory whole.
    struct Elements {
        let produce: (_ element: (Value) -> Void) -> Void
        let written: ((inout [UInt8]) -> Void)?

        init(produce: @escaping (_ element: (Value) -> Void) -> Void, written: ((inout [UInt8]) -> Void)? = nil) {
            self.produce = produce
            self.written = written
        }
    }

    enum Style {
        /// One line, no spaces: one rdjsonl record.
        case compact
        /// Two-space indentation, `"key": value`, empty containers as `[]` and `{}`.
        case pretty
    }

    /// The JSON text of `value`; `.pretty` output ends with a newline, `.compact` output does not.
    static func write(_ value: Value, style: Style) -> String {
        var out: [UInt8] = []
        append(value, style: style, depth: 0, to: &out)
        if style == .pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as it would appear at `depth` inside a pretty or compact document (for
    /// reporters that stream a long array one element at a time).
    static func append(_ value: Value, style: Style, depth: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(style: style, depth: depth + 1, to: &out)
                append(element, style: style, depth: depth + 1, to: &out)
            }
            newline(style: style, depth: depth, to: &out)
            out.append(UInt8(ascii: "]"))
        case .elements(let elements):
            // The same bytes as `.array` of the produced elements.
            var count = 0
            elements.produce { element in
                out.append(UInt8(ascii: count == 0 ? "[" : ","))
                count += 1
                newline(style: style, depth: depth + 1, to: &out)
                append(element, style: style, depth: depth + 1, to: &out)
                elements.written?(&out)
            }
            guard count > 0 else { return out.append(contentsOf: "[]".utf8) }
            newline(style: style, depth: depth, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            var first = true
            for (key, member) in members {
                guard let member else { continue }
                out.append(UInt8(ascii: first ? "{" : ","))
                first = false
                newline(style: style, depth: depth + 1, to: &out)
                appendQuoted(key, to: &out)
                if style == .pretty { out.append(contentsOf: ": ".utf8) } else { out.append(UInt8(ascii: ":")) }
                append(member, style: style, depth: depth + 1, to: &out)
            }
            if first { return out.append(contentsOf: "{}".utf8) }
            newline(style: style, depth: depth, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(style: Style, depth: Int, to out: inout [UInt8]) {
        guard style == .pretty else { return }
        if depth < indentations.count {
            out.append(contentsOf: indentations[depth])
        } else {
            out.append(0x0A)
            for _ in 0..<(2 * depth) { out.append(0x20) }
        }
    }

    /// A line break and the indentation of each depth, copied in one go.
    private static let indentations: [[UInt8]] = (0..<12).map { [0x0A] + [UInt8](repeating: 0x20, count: 2 * $0) }

    // MARK: - Private

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Works on UTF-8 bytes: runs of bytes that need no escape are copied at once.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            func escapeControl(_ value: UInt32) {
                out.append(contentsOf: "\\u".utf8)
                out.append(hexDigits[Int(value >> 12) & 0xF])
                out.append(hexDigits[Int(value >> 8) & 0xF])
                out.append(hexDigits[Int(value >> 4) & 0xF])
                out.append(hexDigits[Int(value) & 0xF])
            }
            while index < count {
                let byte = bytes[index]
                var replacement: String?
                switch byte {
                case 0x22: replacement = "\\\""
                case 0x5C: replacement = "\\\\"
                case 0x0A: replacement = "\\n"
                case 0x0D: replacement = "\\r"
                case 0x09: replacement = "\\t"
                case 0x08: replacement = "\\b"
                case 0x0C: replacement = "\\f"
                case 0x00..<0x20, 0x7F:
                    flush(index)
                    escapeControl(UInt32(byte))
                    index += 1
                    runStart = index
                    continue
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
                    // U+0080–U+009F (C1 controls).
                    flush(index)
                    escapeControl(UInt32(bytes[index + 1]))
                    index += 2
                    runStart = index
                    continue
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028, U+2029.
                    flush(index)
                    escapeControl(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 3
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                flush(index)
                out.append(contentsOf: replacement!.utf8)
                index += 1
                runStart = index
            }
            flush(count)
        }
        out.append(UInt8(ascii: "\""))
    }
}
