/// The stable identity of a finding, shared by SARIF `partialFingerprints["medlint/v1"]` and baselines:
/// a hash of the rule id, the flagged sentence (white space collapsed, case folded) and the
/// occurrence index of that (rule, sentence) pair in the file. No line numbers and no path, so
/// inserting lines above a finding or moving the file keeps it.
public enum Fingerprint {
    public static func compute(_ diagnostics: [Diagnostic]) -> [String] {
        var occurrences: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let sentence = normalise(diagnostic.sentence)
            let key = diagnostic.ruleID + "\u{0}" + sentence
            let index = occurrences[key, default: 0]
            occurrences[key] = index + 1
            return hash(key + "\u{0}" + String(index))
        }
    }

    static func normalise(_ sentence: String) -> String {
        if let ascii = normaliseASCII(sentence) { return ascii }
        var out = ""
        var pendingSpace = false
        for character in sentence.lowercased() {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    /// `normalise` for the common all-ASCII sentence, on bytes (the same result: for ASCII,
    /// `Character.isWhitespace` is exactly tab, line feed, vertical tab, form feed, carriage
    /// return and space, and `lowercased()` maps only A-Z); nil when the sentence is not ASCII.
    private static func normaliseASCII(_ sentence: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(sentence.utf8.count)
        var pendingSpace = false
        for byte in sentence.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Two FNV-1a 64-bit hashes with different offsets, as 32 hex digits.
    static func hash(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3
            b = b ^ (b >> 29)
        }
        return hex(a) + hex(b)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
