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

    public convenience init(literals: [String]) { self.init(table: LiteralTable(literals)) }

    /// Built at start-up for every run (about a millisecond for the built-in pack's 17,000
    /// literals), straight from the table's bytes and without per-literal or per-state allocations.
    public init(table literals: LiteralTable) {
        let count = literals.count
        var literalStarts = [Int32](repeating: 0, count: count + 1)
        var starts = [Bool](repeating: false, count: count)
        var ends = [Bool](repeating: false, count: count)
        let bytes = [UInt8](unsafeUninitializedCapacity: literals.utf8.count) { bytes, written in
            written = 0
            literals.utf8.withUnsafeBufferPointer { raw in
            literals.starts.withUnsafeBufferPointer { rawStarts in
            literalStarts.withUnsafeMutableBufferPointer { literalStarts in
            starts.withUnsafeMutableBufferPointer { starts in
            ends.withUnsafeMutableBufferPointer { ends in
                for index in 0..<count {
                    let first = Int(rawStarts[index])
                    var begin = first
                    var end = Int(rawStarts[index + 1])
                    if begin < end, raw[begin] == 1 {
                        starts[index] = true
                        begin += 1
                    }
                    if begin < end, raw[end - 1] == 1, end - first > 1 {
                        ends[index] = true
                        end -= 1
                    }
                    for offset in begin..<end {
                        bytes[written] = Self.fold(raw[offset])
                        written += 1
                    }
                    literalStarts[index + 1] = Int32(written)
                }
            }
            }
            }
            }
            }
        }
        literalCount = count
        literalBytes = bytes
        literalStart = literalStarts
        needsStartBoundary = starts
        needsEndBoundary = ends
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in bytes where classes[Int(byte)] == 0 && classCount < 256 {
            classes[Int(byte)] = UInt8(truncatingIfNeeded: classCount)
            classCount += 1
        }
        // Upper-case letters share their lower-case class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        classOf = classes
        self.classCount = classCount
        (trieDepth, next, outputStart, outputEnd, outputList) = Self.automaton(
            bytes: bytes, starts: literalStarts, classes: classes, classCount: classCount
        )
    }

    /// The trie of the literals' first `trieDepth` bytes, made a DFA: every missing transition
    /// filled from the failure state's row, breadth first. Each state's output list holds its own
    /// literals followed by its failure state's.
    private static func automaton(bytes: [UInt8], starts: [Int32], classes: [UInt8], classCount width: Int)
        -> (depth: Int, next: [UInt16], outputStart: [Int32], outputEnd: [Int32], outputList: [Int32]) {
        let literalCount = starts.count - 1
        let absent = UInt16.max
        // Literals ending at each state, as linked lists: `ownHead[state]`, then `ownNext[literal]`.
        var ownHead: [Int32] = []
        var ownNext = [Int32](repeating: -1, count: literalCount)
        var stateCount = 0
        var depth = maxTrieDepth
        var table: [UInt16] = []
        // Each state's children, as linked lists: `firstChild[state]`, then `nextSibling[child]`.
        var firstChild: [Int32] = []
        var nextSibling: [Int32] = []
        /// The class of the byte that leads to each state from its parent.
        var edgeClass: [UInt8] = []
        while true {
            // Room for every state the literals could make; only the rows of states actually made
            // are written, so the rest is never touched (page faults are much of a start-up's cost).
            var bound = 1
            for index in 0..<literalCount { bound += min(Int(starts[index + 1] - starts[index]), depth) }
            let capacity = min(bound, Int(absent))
            var overflow = false
            firstChild = [-1]
            nextSibling = [-1]
            edgeClass = [0]
            table = [UInt16](unsafeUninitializedCapacity: capacity * width) { table, initialized in
                ownHead = [Int32](unsafeUninitializedCapacity: capacity) { heads, headCount in
                    table.baseAddress!.initialize(repeating: absent, count: width)
                    heads[0] = -1
                    stateCount = 1
                    bytes.withUnsafeBufferPointer { bytes in
                    classes.withUnsafeBufferPointer { classes in
                    starts.withUnsafeBufferPointer { starts in
                        for index in 0..<literalCount {
                            let begin = Int(starts[index])
                            let length = min(Int(starts[index + 1]) - begin, depth)
                            guard length > 0 else { continue }
                            var state = 0
                            for offset in begin..<(begin + length) {
                                let slot = state &* width &+ Int(classes[Int(bytes[offset])])
                                if table[slot] == absent {
                                    guard stateCount < capacity else {
                                        overflow = true
                                        return
                                    }
                                    (table.baseAddress! + stateCount * width).initialize(repeating: absent, count: width)
                                    heads[stateCount] = -1
                                    firstChild.append(-1)
                                    nextSibling.append(firstChild[state])
                                    firstChild[state] = Int32(stateCount)
                                    edgeClass.append(classes[Int(bytes[offset])])
                                    table[slot] = UInt16(stateCount)
                                    stateCount += 1
                                }
                                state = Int(table[slot])
                            }
                            ownNext[index] = heads[state]
                            heads[state] = Int32(index)
                        }
                    }
                    }
                    }
                    headCount = stateCount
                }
                initialized = stateCount * width
            }
            if !overflow || depth == 1 { break }
            depth -= 1
        }
        var fail = [UInt16](repeating: 0, count: stateCount)
        var queue = [UInt16](repeating: 0, count: stateCount)
        var begins = [Int32](repeating: 0, count: stateCount)
        var endsAt = [Int32](repeating: 0, count: stateCount)
        var list: [Int32] = []
        list.reserveCapacity(literalCount * 2)
        table.withUnsafeMutableBufferPointer { table in
        queue.withUnsafeMutableBufferPointer { queue in
        fail.withUnsafeMutableBufferPointer { fail in
            var tail = 0
            var child = firstChild[0]
            while child >= 0 {
                queue[tail] = UInt16(child)
                tail += 1
                child = nextSibling[Int(child)]
            }
            for symbol in 0..<width where table[symbol] == absent { table[symbol] = 0 }
            var head = 0
            while head < tail {
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
                let row = table.baseAddress! + state &* width
                let failureRow = table.baseAddress! + failure &* width
                var child = firstChild[state]
                while child >= 0 {
                    fail[Int(child)] = failureRow[Int(edgeClass[Int(child)])]
                    queue[tail] = UInt16(child)
                    tail += 1
                    child = nextSibling[Int(child)]
                }
                // Missing transitions are the failure state's, eight at a time.
                var symbol = 0
                while symbol + 8 <= width {
                    let target = UnsafeRawPointer(row + symbol).loadUnaligned(as: SIMD8<UInt16>.self)
                    let fallback = UnsafeRawPointer(failureRow + symbol).loadUnaligned(as: SIMD8<UInt16>.self)
                    let filled = target.replacing(with: fallback, where: target .== SIMD8(repeating: absent))
                    UnsafeMutableRawPointer(row + symbol).storeBytes(of: filled, as: SIMD8<UInt16>.self)
                    symbol += 8
                }
                while symbol < width {
                    if row[symbol] == absent { row[symbol] = failureRow[symbol] }
                    symbol += 1
                }
            }
        }
        }
        }
        return (depth, table, begins, endsAt, list)
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
