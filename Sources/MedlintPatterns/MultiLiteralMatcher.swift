/// Finds many literals in one pass over a text (Aho–Corasick, ASCII case-insensitive), so that
/// the engine runs a rule's regular expression only where one of its required literals occurs.
/// Every run of white space in the text is read as one space (literals are written that way).
/// A literal that starts or ends with `LiteralExtractor.boundary` matches only where the
/// neighbouring text byte is not an ASCII word character. Immutable; shared by all workers.
public final class MultiLiteralMatcher: Sendable {
    /// How many literals were given.
    public let literalCount: Int
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
    /// state `s` owns `outputList[outputStart[s]..<outputEnd[s]]`.
    private let outputStart: [Int32]
    private let outputEnd: [Int32]
    private let outputList: [Int32]
    /// All literals' bytes without boundary marks, folded and concatenated: literal `i` is
    /// `literalBytes[literalStart[i]..<literalStart[i + 1]]`.
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]

    /// Built at start-up for every run, so it avoids per-literal and per-state allocations.
    public init(literals: [String]) {
        var bytes: [UInt8] = []
        var literalStarts: [Int32] = [0]
        var starts: [Bool] = []
        var ends: [Bool] = []
        literalStarts.reserveCapacity(literals.count + 1)
        starts.reserveCapacity(literals.count)
        ends.reserveCapacity(literals.count)
        for literal in literals {
            var utf8 = Substring(literal).utf8
            let start = utf8.first == 1
            if start { utf8 = utf8.dropFirst() }
            let end = !utf8.isEmpty && utf8.last == 1 && literal.utf8.count > 1
            if end { utf8 = utf8.dropLast() }
            for byte in utf8 { bytes.append(Self.fold(byte)) }
            literalStarts.append(Int32(bytes.count))
            starts.append(start)
            ends.append(end)
        }
        literalCount = literals.count
        literalBytes = bytes
        literalStart = literalStarts
        needsStartBoundary = starts
        needsEndBoundary = ends
        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for byte in bytes where classes[Int(byte)] == 0 && count < 256 {
            classes[Int(byte)] = UInt8(truncatingIfNeeded: count)
            count += 1
        }
        // Upper-case letters share their lower-case class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        classOf = classes
        classCount = count
        // Transitions, with `absent` for "none yet" until the breadth-first pass fills them in.
        let absent = UInt16.max
        var table: [UInt16] = []
        // Literals ending at each state, as linked lists: `ownHead[state]`, then `ownNext[literal]`.
        var ownHead: [Int32] = []
        var ownNext = [Int32](repeating: -1, count: literals.count)
        var stateCount = 0
        var depth = Self.maxTrieDepth + 1
        repeat {
            depth -= 1
            table = [UInt16](repeating: absent, count: count)
            table.reserveCapacity(count * 16_384)
            ownHead = [-1]
            stateCount = 1
            for index in 0..<literals.count where stateCount < Int(absent) {
                let begin = Int(literalStarts[index])
                let length = min(Int(literalStarts[index + 1]) - begin, depth)
                guard length > 0 else { continue }
                var state = 0
                for offset in begin..<(begin + length) {
                    let slot = state * count + Int(classes[Int(bytes[offset])])
                    if table[slot] == absent {
                        table[slot] = UInt16(stateCount)
                        table.append(contentsOf: repeatElement(absent, count: count))
                        ownHead.append(-1)
                        stateCount += 1
                    }
                    state = Int(table[slot])
                }
                ownNext[index] = ownHead[state]
                ownHead[state] = Int32(index)
            }
        } while stateCount >= Int(absent) && depth > 1
        trieDepth = depth
        // Breadth-first: fill failure transitions so the table becomes a DFA, and give each state
        // its own literals followed by those of its failure state (already done: it is shallower).
        var fail = [UInt16](repeating: 0, count: stateCount)
        var queue: [UInt16] = []
        queue.reserveCapacity(stateCount)
        var begins = [Int32](repeating: 0, count: stateCount)
        var endsAt = [Int32](repeating: 0, count: stateCount)
        var list: [Int32] = []
        for symbol in 0..<count {
            if table[symbol] == absent {
                table[symbol] = 0
            } else {
                queue.append(table[symbol])
            }
        }
        table.withUnsafeMutableBufferPointer { table in
            var head = 0
            while head < queue.count {
                let state = Int(queue[head])
                head += 1
                let failure = Int(fail[state])
                begins[state] = Int32(list.count)
                var own = ownHead[state]
                while own >= 0 {
                    list.append(own)
                    own = ownNext[Int(own)]
                }
                if begins[failure] < endsAt[failure] {
                    for position in Int(begins[failure])..<Int(endsAt[failure]) { list.append(list[position]) }
                }
                endsAt[state] = Int32(list.count)
                let row = state * count
                let failureRow = failure * count
                for symbol in 0..<count {
                    let target = table[row + symbol]
                    let fallback = table[failureRow + symbol]
                    if target == absent {
                        table[row + symbol] = fallback
                    } else {
                        fail[Int(target)] = fallback
                        queue.append(target)
                    }
                }
            }
        }
        next = table
        outputStart = begins
        outputEnd = endsAt
        outputList = list
    }

    /// Bumped whenever the tables or their meaning change, so stale serialized tables are rejected.
    static let formatVersion = 1

    /// The automaton as bytes, so that a build can compute it ahead of time; `init?(reading:)`
    /// reads it back.
    public func serialized(into writer: inout BinaryWriter) {
        writer.append(Self.formatVersion)
        writer.append(literalCount)
        writer.append(trieDepth)
        writer.append(classCount)
        writer.append(classOf)
        writer.append(next)
        writer.append(outputStart)
        writer.append(outputEnd)
        writer.append(outputList)
        writer.append(literalBytes)
        writer.append(literalStart)
        writer.append(needsStartBoundary.map { $0 ? 1 : 0 as UInt8 })
        writer.append(needsEndBoundary.map { $0 ? 1 : 0 as UInt8 })
    }

    /// Reads what `serialized(into:)` wrote; nil unless every table is consistent (every state,
    /// literal and offset in range), because the matcher reads the tables without bounds checks.
    public init?(reading reader: inout BinaryReader) {
        guard reader.int() == Self.formatVersion, let literalCount = reader.int(), let trieDepth = reader.int(),
              let classCount = reader.int(), let classOf = reader.array(of: UInt8.self), let next = reader.array(of: UInt16.self),
              let outputStart = reader.array(of: Int32.self), let outputEnd = reader.array(of: Int32.self),
              let outputList = reader.array(of: Int32.self), let literalBytes = reader.array(of: UInt8.self),
              let literalStart = reader.array(of: Int32.self), let starts = reader.array(of: UInt8.self),
              let ends = reader.array(of: UInt8.self) else { return nil }
        let states = outputStart.count
        guard classOf.count == 256, classCount > 0, classCount <= 256, classOf.allSatisfy({ Int($0) < classCount }),
              trieDepth >= 1, trieDepth <= Self.maxTrieDepth, states > 0, states <= Int(UInt16.max),
              next.count == states * classCount, Int(Self.largest(next)) < states,
              outputEnd.count == states,
              zip(outputStart, outputEnd).allSatisfy({ $0 >= 0 && $0 <= $1 && Int($1) <= outputList.count }),
              outputList.allSatisfy({ $0 >= 0 && Int($0) < literalCount }),
              literalStart.count == literalCount + 1, literalStart.first == 0, Int(literalStart.last!) == literalBytes.count,
              zip(literalStart, literalStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              starts.count == literalCount, ends.count == literalCount else { return nil }
        self.literalCount = literalCount
        self.trieDepth = trieDepth
        self.classCount = classCount
        self.classOf = classOf
        self.next = next
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.outputList = outputList
        self.literalBytes = literalBytes
        self.literalStart = literalStart
        needsStartBoundary = starts.map { $0 != 0 }
        needsEndBoundary = ends.map { $0 != 0 }
    }

    /// The largest entry (a loop the compiler vectorises: the table has some 700,000).
    private static func largest(_ values: [UInt16]) -> UInt16 {
        values.withUnsafeBufferPointer { buffer in
            var largest: UInt16 = 0
            for value in buffer { largest = max(largest, value) }
            return largest
        }
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
        // The automaton read one byte of a white-space run; the rest of the run belongs to it too.
        if offset > 0, offset < literal.count, literal[offset - 1] == 0x20 {
            while position < text.count, isSpace(text[position]) { position += 1 }
        }
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
        guard literalCount > 0 else { return }
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
        outputEnd.withUnsafeBufferPointer { outputEnd in
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
                let last = Int(outputEnd[state])
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
}
