import Foundation
/// Makes text taken from a scanned file safe to print: control characters, escape sequences and
/// line breaks are shown as visible escapes, so a file cannot move the cursor, recolour the
/// terminal or start a CI workflow command (`##[` is broken with a zero-width space, as in the
/// GitHub output).
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        let out = escapedControls(text)
        return out.contains("##[") ? out.replacingOccurrences(of: "##[", with: "#\u{200B}#[") : out
    }

    /// A path as the first thing on a line: never starting with `::`.
    public static func escapedPath(_ path: String) -> String {
        let out = escaped(path)
        return out.hasPrefix(":") ? "./" + out : out
    }

    private static func escapedControls(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += " "
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
