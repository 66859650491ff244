/// Makes text safe to place inside GitHub-flavoured Markdown that medlint writes (SARIF
/// `help.markdown`, the GitHub step summary).
///
/// Rule text comes from rule files and finding text from the scanned documents; neither may turn
/// into links, images, HTML, table columns or math when GitHub renders the Markdown. Every ASCII
/// punctuation character that can start such syntax is backslash-escaped, which CommonMark renders
/// as the character itself. (A helper shared by the SARIF and GitHub reporters.)
enum MarkdownText {
    /// `text` with Markdown syntax escaped; line breaks are kept (for paragraphs).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if specials.contains(scalar) { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `text` on one line (for a table cell): line breaks become spaces, other control and bidi
    /// characters become visible escapes, then Markdown syntax is escaped.
    static func inline(_ text: String) -> String {
        var flat = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" { flat.append(" ") } else { flat.unicodeScalars.append(scalar) }
        }
        return escaped(TerminalText.escaped(flat))
    }

    /// `url` as a Markdown link destination: characters that would end or break `(…)` are percent-encoded.
    static func linkDestination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out.append("%20")
            case "(": out.append("%28")
            case ")": out.append("%29")
            case "<": out.append("%3C")
            case ">": out.append("%3E")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Private

    private static let specials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "$"]
}
