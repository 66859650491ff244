/// Standard base64 (RFC 4648, with padding) decoding into bytes, for the compiled patterns the
/// build embeds: Foundation's decoder plus the copy out of `Data` cost twice as much.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        return table
    }()

    /// The decoded bytes, or nil for a length that is not a multiple of 4 or a byte outside the alphabet.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        var padding = 0
        if text.count >= 4 {
            if text[text.count - 1] == UInt8(ascii: "=") { padding += 1 }
            if text[text.count - 2] == UInt8(ascii: "=") { padding += 1 }
        }
        let count = text.count / 4 * 3 - padding
        var valid = true
        let bytes = values.withUnsafeBufferPointer { values in
            [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                initialized = 0
                guard count > 0 else { return }
                var bad: UInt8 = 0
                var written = 0
                var index = 0
                // Every group but the last gives three bytes.
                while index + 4 < text.count {
                    let a = values[Int(text[index])], b = values[Int(text[index + 1])]
                    let c = values[Int(text[index + 2])], d = values[Int(text[index + 3])]
                    bad |= a | b | c | d
                    let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    out[written] = UInt8(truncatingIfNeeded: group >> 16)
                    out[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                    out[written + 2] = UInt8(truncatingIfNeeded: group)
                    written += 3
                    index += 4
                }
                let a = values[Int(text[index])], b = values[Int(text[index + 1])]
                let c = padding >= 2 ? 0 : values[Int(text[index + 2])]
                let d = padding >= 1 ? 0 : values[Int(text[index + 3])]
                bad |= a | b | c | d
                let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                for shift in stride(from: 16, through: 0, by: -8) where written < count {
                    out[written] = UInt8(truncatingIfNeeded: group >> UInt32(shift))
                    written += 1
                }
                // Out-of-alphabet bytes map to 0xFF; the plain integers written are discarded then.
                valid = bad & 0xC0 == 0
                initialized = valid ? count : 0
            }
        }
        return valid ? bytes : nil
    }
}
