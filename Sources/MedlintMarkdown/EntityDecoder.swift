/// Decodes one HTML character reference (`&amp;`, `&#169;`, `&#x2014;`) at a position in a byte buffer.
/// cmark-gfm decodes entities in Markdown text; we need the same for raw HTML blocks and to align
/// cmark's decoded literals with the source.
enum EntityDecoder {
    /// The decoded UTF-8 bytes and the number of source bytes the reference spans, or nil when
    /// `bytes[index...]` does not start a reference this decoder knows.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (decoded: [UInt8], length: Int)? {
        guard index < limit, bytes[index] == UInt8(ascii: "&") else { return nil }
        let maxEnd = min(limit, index + 40)
        var semicolon = index + 1
        while semicolon < maxEnd, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < maxEnd, semicolon > index + 1 else { return nil }
        let name = Array(bytes[(index + 1)..<semicolon])
        let length = semicolon - index + 1
        if name[0] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var digits = name.dropFirst()
            var radix: UInt32 = 10
            if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8 else { return nil }
            for digit in digits {
                guard let d = hexValue(digit), d < radix else { return nil }
                value = value &* radix &+ d
            }
            let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? Unicode.Scalar(0xFFFD)!
            return (Array(String(Character(scalar)).utf8), length)
        }
        guard let text = named[String(decoding: name, as: UTF8.self)] else { return nil }
        return (Array(text.utf8), length)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The named references that occur in web copy. cmark knows all of HTML5's; an unknown one in
    /// Markdown text still aligns (the aligner skips it), and in raw HTML it stays as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}", "plusmn": "\u{00B1}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "middot": "\u{00B7}", "bull": "\u{2022}",
        "para": "\u{00B6}", "sect": "\u{00A7}", "cent": "\u{00A2}", "pound": "\u{00A3}",
        "euro": "\u{20AC}", "yen": "\u{00A5}", "frac12": "\u{00BD}", "frac14": "\u{00BC}",
        "frac34": "\u{00BE}", "sup2": "\u{00B2}", "sup3": "\u{00B3}", "micro": "\u{00B5}",
        "shy": "\u{00AD}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "hyphen": "\u{2010}", "dash": "\u{2010}",
        "prime": "\u{2032}", "Prime": "\u{2033}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "uarr": "\u{2191}", "darr": "\u{2193}", "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}",
        "asymp": "\u{2248}", "infin": "\u{221E}", "check": "\u{2713}", "star": "\u{2606}",
        "iexcl": "\u{00A1}", "iquest": "\u{00BF}", "aacute": "\u{00E1}", "Aacute": "\u{00C1}",
        "eacute": "\u{00E9}", "Eacute": "\u{00C9}", "iacute": "\u{00ED}", "Iacute": "\u{00CD}",
        "oacute": "\u{00F3}", "Oacute": "\u{00D3}", "uacute": "\u{00FA}", "Uacute": "\u{00DA}",
        "ntilde": "\u{00F1}", "Ntilde": "\u{00D1}", "uuml": "\u{00FC}", "Uuml": "\u{00DC}",
        "ouml": "\u{00F6}", "Ouml": "\u{00D6}", "auml": "\u{00E4}", "Auml": "\u{00C4}",
        "euml": "\u{00EB}", "iuml": "\u{00EF}", "ccedil": "\u{00E7}", "Ccedil": "\u{00C7}",
        "agrave": "\u{00E0}", "egrave": "\u{00E8}", "ograve": "\u{00F2}", "acirc": "\u{00E2}",
        "ecirc": "\u{00EA}", "ocirc": "\u{00F4}", "szlig": "\u{00DF}", "aring": "\u{00E5}",
        "oslash": "\u{00F8}", "aelig": "\u{00E6}",
    ]
}
