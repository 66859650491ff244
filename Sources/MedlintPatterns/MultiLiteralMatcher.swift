/// Finds many literals in one pass over a text (Aho–Corasick, ASCII case-insensitive), so that
/// the engine runs a rule's regular expression only where one of its required literals occurs.
/// Every run of white space in the text is read as one space (literals are written that way).
/// A literal that starts or ends with `LiteralExtractor.boundary` matches only where the
/// neighbouring text byte is not an ASCII word character. Immutable; shared by all workers.
public final class MultiLiteralMatcher: Sendable {
    /// The literals without boundary marks, folded.
    public let literals: [[UInt8]]
    private let needsStartBoundary: [Bool]
    private let needsEndBoundary: [Bool]
    /// Only the first `trieDepth` bytes of a literal go into the automaton; the rest is verified
    /// at each hit, which keeps the table small (and its construction fast) for thousands of literals.
    static let maxTrieDepth = 6
    private let trieDepth: Int
    private let classOf: [UInt8]
    private let classCount: Int
    /// Dense transition table: `next[state * classCount + class]`. 16-bit entries halve the
    /// cache footprint of the per-byte lookup; the trie is made shallower if states would not fit.
    private let next: [UInt16]
    /// Literal indexes that end at each state (including through suffix links), flattened:
    /// state `s` owns `outputList[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputList: [Int32]
    /// All literals' bytes, concatenated: literal `i` is `literalBytes[literalStart[i]..<literalStart[i + 1]]`.
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]

    public init(literals: [String]) {
        var folded: [[UInt8]] = []
        var starts: [Bool] = []
        var ends: [Bool] = []
        for literal in literals {
            var bytes = Array(literal.utf8).map(Self.fold)
            let start = bytes.first == 1
            let end = bytes.count > 1 && bytes.last == 1
            if start { bytes.removeFirst() }
            if end { bytes.removeLast() }
            folded.append(bytes)
            starts.append(start)
            ends.append(end)
        }
        self.literals = folded
        needsStartBoundary = starts
        needsEndBoundary = ends
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for literal in folded {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(truncatingIfNeeded: count)
                count += 1
                if count > 255 { break }
            }
        }
        // Upper-case letters share their lower-case class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        classOf = classes
        classCount = count
        var table: [Int32] = []
        var out: [[Int32]] = []
        var stateCount = 0
        var depth = Self.maxTrieDepth + 1
        repeat {
            depth -= 1
            table = [Int32](repeating: -1, count: count)
            out = [[]]
            stateCount = 1
            for (index, literal) in folded.enumerated() where !literal.isEmpty {
                var state = 0
                for byte in literal.prefix(depth) {
                    let slot = state * count + Int(classes[Int(byte)])
                    if table[slot] < 0 {
                        table[slot] = Int32(stateCount)
                        table.append(contentsOf: [Int32](repeating: -1, count: count))
                        out.append([])
                        stateCount += 1
                    }
                    state = Int(table[slot])
                }
                out[state].append(Int32(index))
            }
        } while stateCount > Int(UInt16.max) && depth > 1
        trieDepth = depth
        // Breadth-first: fill failure transitions so the table becomes a DFA.
        var fail = [Int32](repeating: 0, count: stateCount)
        var queue: [Int] = []
        for symbol in 0..<count {
            let target = table[symbol]
            if target < 0 {
                table[symbol] = 0
            } else {
                fail[Int(target)] = 0
                queue.append(Int(target))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] += out[Int(fail[state])]
            for symbol in 0..<count {
                let slot = state * count + symbol
                let target = table[slot]
                let fallback = table[Int(fail[state]) * count + symbol]
                if target < 0 {
                    table[slot] = fallback
                } else {
                    fail[Int(target)] = fallback
                    queue.append(Int(target))
                }
            }
        }
        next = table.map { UInt16(truncatingIfNeeded: $0) }
        var outputStarts: [Int32] = [0]
        outputStarts.reserveCapacity(out.count + 1)
        var list: [Int32] = []
        for found in out {
            list += found
            outputStarts.append(Int32(list.count))
        }
        outputStart = outputStarts
        outputList = list
        var bytes: [UInt8] = []
        var literalStarts: [Int32] = [0]
        for literal in folded {
            bytes += literal
            literalStarts.append(Int32(bytes.count))
        }
        literalBytes = bytes
        literalStart = literalStarts
    }

    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Checks `literal[from...]` against the text after `index` (folded, white-space runs as one
    /// space); returns the text offset just after the literal, or nil.
    @inline(__always)
    private static func verify(_ literal: UnsafeBufferPointer<UInt8>, from: Int, in text: UnsafeBufferPointer<UInt8>, after index: Int) -> Int? {
        var position = index + 1
        var offset = from
        while offset < literal.count {
            guard position < text.count else { return nil }
            let expected = literal[offset]
            let byte = text[position]
            if expected == 0x20 {
                guard isSpace(byte) else { return nil }
                while position < text.count, isSpace(text[position]) { position += 1 }
                offset += 1
                continue
            }
            guard fold(byte) == expected else { return nil }
            position += 1
            offset += 1
        }
        return position
    }

    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Calls `body(literalIndex, startOffset)` for every occurrence of every literal in `text`,
    /// in order of their end.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        guard !literals.isEmpty else { return }
        var state = 0
        let count = classCount
        let spaceClass = Int(classOf[0x20])
        // Text offsets of the bytes fed to the automaton, to find where a literal started.
        var ring: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        let ringMask = 7
        let trieDepth = trieDepth
        var fed = 0
        var lastWasSpace = false
        next.withUnsafeBufferPointer { table in
        classOf.withUnsafeBufferPointer { classes in
        outputStart.withUnsafeBufferPointer { outputStart in
        outputList.withUnsafeBufferPointer { outputList in
        literalBytes.withUnsafeBufferPointer { literalBytes in
        literalStart.withUnsafeBufferPointer { literalStart in
        needsStartBoundary.withUnsafeBufferPointer { needsStart in
        needsEndBoundary.withUnsafeBufferPointer { needsEnd in
        withUnsafeMutableBytes(of: &ring) { ringBytes in
            let fedOffsets = ringBytes.bindMemory(to: Int.self)
            for index in 0..<text.count {
                let byte = text[index]
                let symbol: Int
                if Self.isSpace(byte) {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                    symbol = spaceClass
                } else {
                    lastWasSpace = false
                    symbol = Int(classes[Int(byte)])
                }
                fedOffsets[fed & ringMask] = index
                fed += 1
                state = Int(table[state &* count &+ symbol])
                let first = Int(outputStart[state])
                let last = Int(outputStart[state + 1])
                guard first < last else { continue }
                for position in first..<last {
                    let literalIndex = Int(outputList[position])
                    let bytes = UnsafeBufferPointer(rebasing: literalBytes[Int(literalStart[literalIndex])..<Int(literalStart[literalIndex + 1])])
                    let prefixLength = min(bytes.count, trieDepth)
                    guard let end = Self.verify(bytes, from: prefixLength, in: text, after: index) else { continue }
                    if needsEnd[literalIndex], end < text.count, Self.isASCIIWordByte(text[end]) { continue }
                    let start = fedOffsets[(fed - prefixLength) & ringMask]
                    if needsStart[literalIndex], start > 0, Self.isASCIIWordByte(text[start - 1]) { continue }
                    body(literalIndex, start)
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }
}
