import Foundation

/// Reads the text the build writes for the pack (`PrecompiledPackCodec`) and for its compiled code
/// (`PrecompiledCodeTable`): tokens separated by U+001F, read in place (the pack has some 44,000,
/// and start-up time counts).
struct PackTokenReader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next token starts; `bytes.count + 1` once the last one has been read.
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position > bytes.count }

    /// The next token, without moving past it.
    private func peek() -> UnsafeBufferPointer<UInt8>? {
        guard position <= bytes.count, let base = bytes.baseAddress else { return nil }
        let remaining = bytes.count - position
        let end = memchr(base + position, 0x1F, remaining).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
        return UnsafeBufferPointer(rebasing: bytes[position..<end])
    }

    /// Moves past `length` bytes that end a token; false if they do not.
    mutating func skip(_ length: Int) -> Bool {
        let end = position + length
        guard length > 0, end <= bytes.count, bytes[end - 1] == 0x1F else { return false }
        position = end
        return true
    }

    mutating func token() -> UnsafeBufferPointer<UInt8>? {
        guard let token = peek() else { return nil }
        position += token.count + 1
        return token
    }

    /// A list of numbers below `limit`, or "-" for none (nil inside: read; nil outside: malformed).
    mutating func optionalNumbers(below limit: Int) -> [Int32]?? {
        guard let current = peek() else { return nil }
        if current.count == 1, current[0] == UInt8(ascii: "-") {
            position += 2
            return .some(nil)
        }
        guard let count = int(), count <= bytes.count else { return nil }
        var numbers: [Int32] = []
        numbers.reserveCapacity(count)
        for _ in 0..<count {
            guard let number = int(), number < limit else { return nil }
            numbers.append(Int32(number))
        }
        return .some(numbers)
    }

    mutating func string() -> String? {
        token().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A token of 1 to 9 decimal digits (read in place: the pack has some 25,000 of them).
    mutating func int() -> Int? {
        var value = 0
        var offset = position
        while offset < bytes.count, bytes[offset] != 0x1F {
            let digit = bytes[offset]
            guard digit >= 0x30, digit <= 0x39, offset - position < 9 else { return nil }
            value = value * 10 + Int(digit - 0x30)
            offset += 1
        }
        guard offset > position, offset <= bytes.count else { return nil }
        position = offset + 1
        return value
    }

    /// The next `count` tokens back to back, with the offset where each starts (and one past
    /// the end), in one pass: the literal table's 17,000 tokens.
    mutating func tokensJoined(_ count: Int) -> (bytes: [UInt8], starts: [Int32])? {
        guard count <= bytes.count else { return nil }
        var starts = [Int32](repeating: 0, count: count + 1)
        var complete = true
        let start = position
        let joined = [UInt8](unsafeUninitializedCapacity: bytes.count - min(start, bytes.count)) { out, written in
            written = 0
            var offset = start
            for index in 0..<count {
                guard offset <= bytes.count else {
                    complete = false
                    return
                }
                while offset < bytes.count, bytes[offset] != 0x1F {
                    out[written] = bytes[offset]
                    written += 1
                    offset += 1
                }
                starts[index + 1] = Int32(written)
                offset += 1
            }
            position = offset
        }
        return complete ? (joined, starts) : nil
    }

    mutating func list() -> [String]? {
        guard let count = int(), count <= bytes.count else { return nil }
        var items: [String] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = string() else { return nil }
            items.append(item)
        }
        return items
    }
}
