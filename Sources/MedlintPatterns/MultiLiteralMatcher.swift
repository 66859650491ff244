/// Finds many literals in one pass over a text (Aho–Corasick, ASCII case-insensitive), so that
/// the engine runs a rule's regular expression only where one of its required literals occurs.
/// Every run of white space in the text is read as one space (literals are written that way).
/// A literal that starts or ends with `LiteralExtractor.boundary` matches only where a word
/// boundary can sit at that end (see `BoundaryCheck`). Immutable; shared by all workers.
///
/// The automaton is a trie of the literals' first `trieDepth` bytes with its states numbered
/// breadth first. Only the shallow states, where a scan spends most of its steps, get a full row
/// of transitions; a deep state keeps its children and falls back along its failure link. That
/// keeps the tables at about a quarter of a full DFA's 1.4 MB for the built-in pack, which is what
/// a one-file run pays to build and what a long run keeps in cache.
public final class MultiLiteralMatcher: Sendable {
    /// How many literals were given.
    public let literalCount: Int
    /// Per literal: its boundary marks and what they ask (see `LiteralShape`).
    private let shapes: [LiteralShape]
    /// Only the first `trieDepth` bytes of a literal go into the automaton; the rest is verified
    /// at each hit, which keeps the trie small for thousands of literals.
    static let maxTrieDepth = 6
    /// States up to this depth get a full row of transitions.
    static let denseDepth = 3
    private let trieDepth: Int
    private let classOf: [UInt8]
    private let classCount: Int
    private let automaton: Automaton
    /// The table's bytes (folded, if the table had upper-case letters) and offsets, shared with
    /// it: literal `i` is `literalBytes[literalStart[i]..<literalStart[i + 1]]`, boundary marks
    /// included, which `shapes[i]` says to skip.
    private let literalBytes: [UInt8]
    private let literalStart: [Int32]

    /// One byte per literal: whether it starts or ends with a boundary mark, what each mark asks of
    /// the text beside it, and whether its last byte (before any mark) is a space.
    struct LiteralShape {
        var bits: UInt8

        init(bytes: UnsafeBufferPointer<UInt8>, begin first: Int, end last: Int) {
            var begin = first
            var end = last
            var bits: UInt8 = 0
            if begin < end, bytes[begin] == 1 {
                bits |= 1
                begin += 1
            }
            if begin < end, bytes[end - 1] == 1, end - first > 1 {
                bits |= 2
                end -= 1
            }
            if begin < end {
                bits |= BoundaryCheck(marked: bits & 1 != 0, edge: bytes[begin]).rawValue << 2
                bits |= BoundaryCheck(marked: bits & 2 != 0, edge: bytes[end - 1]).rawValue << 4
                if bytes[end - 1] == 0x20 { bits |= 1 << 6 }
            }
            self.bits = bits
        }

        /// Offsets of the literal's own bytes in the table, marks left out.
        @inline(__always)
        func bounds(_ start: Int32, _ end: Int32) -> Range<Int> { Int(start) + Int(bits & 1)..<Int(end) - Int((bits >> 1) & 1) }
        var startCheck: BoundaryCheck { BoundaryCheck(rawValue: (bits >> 2) & 3)! }
        var endCheck: BoundaryCheck { BoundaryCheck(rawValue: (bits >> 4) & 3)! }
        var endsInSpace: Bool { bits & (1 << 6) != 0 }
    }

    /// What a boundary mark asks of the text byte beside the literal's edge byte. `\b` between
    /// them means one is a word character and the other is not; a non-ASCII byte may be a word
    /// character under Unicode rules, so beside one the check always passes.
    enum BoundaryCheck: UInt8 {
        case none
        /// The edge is an ASCII word character: the neighbour must not be one.
        case notWord
        /// The edge is ASCII but not a word character (a space, "%"): the neighbour must be one.
        case word

        init(marked: Bool, edge: UInt8) {
            if !marked || edge >= 0x80 {
                self = .none
            } else {
                self = MultiLiteralMatcher.isASCIIWordByte(edge) ? .notWord : .word
            }
        }

        /// `neighbour` is nil where the text ends.
        @inline(__always)
        func passes(_ neighbour: UInt8?) -> Bool {
            switch self {
            case .none: return true
            case .notWord: return neighbour.map { !MultiLiteralMatcher.isASCIIWordByte($0) } ?? true
            case .word: return neighbour.map { $0 >= 0x80 || MultiLiteralMatcher.isASCIIWordByte($0) } ?? false
            }
        }
    }

    /// The trie made a matcher: states breadth first, so a state's children are consecutive
    /// numbers and every state with a full row comes before every state without one.
    struct Automaton {
        /// Full transition rows of the first `denseCount` states: `dense[state * classCount + class]`.
        var dense: [UInt16] = []
        var denseCount = 0
        /// The children of state `s` are the states `childStart[s]..<childStart[s + 1]`.
        var childStart: [UInt16] = []
        /// The class of the byte that leads to each state from its parent.
        var edgeClass: [UInt8] = []
        var fail: [UInt16] = []
        /// Bit set over states: whether any literal ends at the state or along its failure links.
        var hasOutput: [UInt64] = []
        /// Literal indexes that end at each state, including through failure links:
        /// state `s` owns `outputList[outputStart[s]..<outputStart[s + 1]]`.
        var outputStart: [Int32] = []
        var outputList: [Int32] = []
    }

    public convenience init(literals: [String]) { self.init(table: LiteralTable(literals)) }

    /// Built at start-up for every run (for the built-in pack's 17,700 literals, on a second core
    /// while the first reads the configuration), straight from the table's bytes.
    public init(table literals: LiteralTable) {
        let count = literals.count
        // Literals are lower-case already unless a caller wrote them otherwise; only then is a copy folded.
        let bytes = literals.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? literals.utf8.map(Self.fold) : literals.utf8
        let starts = literals.starts
        let shapes = [LiteralShape](unsafeUninitializedCapacity: count) { shapes, initialized in
            bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                for index in 0..<count {
                    shapes[index] = LiteralShape(bytes: bytes, begin: Int(starts[index]), end: Int(starts[index + 1]))
                }
            }
            }
            initialized = count
        }
        literalCount = count
        literalBytes = bytes
        literalStart = starts
        self.shapes = shapes
        // Classes in byte order, so that sorting literals by their classes sorts them by bytes.
        var present = [Bool](repeating: false, count: 256)
        for byte in bytes { present[Int(byte)] = true }
        present[1] = false
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in 0..<256 where present[byte] {
            classes[byte] = UInt8(truncatingIfNeeded: classCount)
            classCount += 1
        }
        // Upper-case letters share their lower-case class.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        classOf = classes
        self.classCount = classCount
        (trieDepth, automaton) = Self.build(bytes: bytes, starts: starts, shapes: shapes, classes: classes, width: classCount)
    }

    /// The trie of the literals' first `depth` bytes, numbered breadth first, with failure links,
    /// full rows for the shallow states and output lists.
    private static func build(bytes: [UInt8], starts: [Int32], shapes: [LiteralShape], classes: [UInt8], width: Int) -> (Int, Automaton) {
        let literalCount = starts.count - 1
        func bounds(_ index: Int) -> Range<Int> { shapes[index].bounds(starts[index], starts[index + 1]) }
        // Each literal's first `maxTrieDepth` classes, most significant byte first, zero-padded
        // (no byte has class 0), with room below for the literal's index: sorted, literals that
        // share a prefix are neighbours, and the trie can be laid down in one pass.
        let packed = literalCount <= 1 << 16
        var keys = [UInt64](repeating: 0, count: literalCount)
        for index in 0..<literalCount {
            let range = bounds(index)
            var key: UInt64 = 0
            for offset in 0..<min(range.count, maxTrieDepth) {
                key |= UInt64(classes[Int(bytes[range.lowerBound + offset])]) << UInt64(56 - 8 * offset)
            }
            keys[index] = packed ? key | UInt64(index) : key
        }
        // The built-in pack writes its literals in this order, so usually nothing moves.
        var order: [Int] = []
        if packed {
            if zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) { keys.sort() }
        } else {
            order = (0..<literalCount).sorted { keys[$0] < keys[$1] }
            keys = order.map { keys[$0] }
        }
        func literal(at position: Int) -> Int { packed ? Int(keys[position] & 0xFFFF) : order[position] }
        func length(_ index: Int, _ depth: Int) -> Int { min(bounds(index).count, depth) }
        func mask(_ depth: Int) -> UInt64 { depth == 0 ? 0 : ~UInt64(0) << UInt64(64 - 8 * depth) }

        /// Walks the literals in trie order: each one's key and path length at `depth`, and how
        /// much of its path the previous literal's path already laid down.
        func forEachPath(depth: Int, _ body: (_ index: Int, _ key: UInt64, _ length: Int, _ shared: Int) -> Void) {
            var previous: UInt64 = 0
            var previousLength = 0
            for position in 0..<literalCount {
                let index = literal(at: position)
                let key = keys[position] & mask(depth)
                let count = length(index, depth)
                guard count > 0 else { continue }
                body(index, key, count, sharedPrefix(key, previous, count, previousLength))
                (previous, previousLength) = (key, count)
            }
        }

        // The deepest trie whose states fit 16-bit numbers.
        var depth = maxTrieDepth
        var states = 1
        while depth > 1 {
            states = 1
            forEachPath(depth: depth) { _, _, count, shared in states += count - shared }
            if states < Int(UInt16.max) { break }
            depth -= 1
        }

        // The trie in depth-first order: each state's parent, depth and class.
        var parent: [Int32] = [0]
        var stateDepth: [UInt8] = [0]
        var stateClass: [UInt8] = [0]
        var ownHead: [Int32] = [-1]
        var ownNext = [Int32](repeating: -1, count: literalCount)
        parent.reserveCapacity(states)
        stateDepth.reserveCapacity(states)
        stateClass.reserveCapacity(states)
        ownHead.reserveCapacity(states)
        var path = [Int32](repeating: 0, count: depth + 1)
        forEachPath(depth: depth) { index, key, count, shared in
            if shared < count {
                for level in (shared + 1)...count {
                    path[level] = Int32(parent.count)
                    parent.append(path[level - 1])
                    stateDepth.append(UInt8(level))
                    stateClass.append(UInt8(truncatingIfNeeded: key >> UInt64(64 - 8 * level)))
                    ownHead.append(-1)
                }
            }
            let state = Int(path[count])
            ownNext[index] = ownHead[state]
            ownHead[state] = Int32(index)
        }

        // Breadth-first numbers: by depth, and in depth-first order within a depth, which keeps
        // each state's children together and in the order of their parents.
        let stateCount = parent.count
        var levelStart = [Int](repeating: 0, count: depth + 2)
        for level in stateDepth { levelStart[Int(level) + 1] += 1 }
        for level in 0...depth { levelStart[level + 1] += levelStart[level] }
        var numberOf = [UInt16](repeating: 0, count: stateCount)
        var fill = levelStart
        for state in 0..<stateCount {
            numberOf[state] = UInt16(fill[Int(stateDepth[state])])
            fill[Int(stateDepth[state])] += 1
        }
        var automaton = Automaton()
        automaton.edgeClass = [UInt8](repeating: 0, count: stateCount)
        var own = [Int32](repeating: -1, count: stateCount)
        var childCount = [UInt16](repeating: 0, count: stateCount)
        for state in 0..<stateCount {
            let number = Int(numberOf[state])
            automaton.edgeClass[number] = stateClass[state]
            own[number] = ownHead[state]
            if state > 0 { childCount[Int(numberOf[Int(parent[state])])] += 1 }
        }
        automaton.childStart = [UInt16](repeating: 0, count: stateCount + 1)
        automaton.childStart[0] = 1
        for state in 0..<stateCount { automaton.childStart[state + 1] = automaton.childStart[state] &+ childCount[state] }
        automaton.denseCount = levelStart[min(denseDepth, depth) + 1]
        automaton.fail = [UInt16](repeating: 0, count: stateCount)
        automaton.dense = [UInt16](repeating: 0, count: automaton.denseCount * width)

        // Failure links and full rows, breadth first: a state's failure state is shallower, so
        // its row (or its children and failure link) is complete before it is needed.
        automaton.dense.withUnsafeMutableBufferPointer { dense in
        automaton.fail.withUnsafeMutableBufferPointer { fail in
        automaton.childStart.withUnsafeBufferPointer { childStart in
        automaton.edgeClass.withUnsafeBufferPointer { edgeClass in
            let denseCount = automaton.denseCount
            for state in 0..<stateCount {
                let children = Int(childStart[state])..<Int(childStart[state + 1])
                if state < denseCount {
                    let row = dense.baseAddress! + state * width
                    if state > 0 { row.update(from: dense.baseAddress! + Int(fail[state]) * width, count: width) }
                    for child in children { row[Int(edgeClass[child])] = UInt16(child) }
                }
                guard state > 0 else { continue }
                for child in children {
                    fail[child] = Self.step(from: fail[state], class: edgeClass[child], width: width, denseCount: denseCount,
                                            dense: UnsafeBufferPointer(dense), childStart: childStart, edgeClass: edgeClass,
                                            fail: UnsafeBufferPointer(fail))
                }
            }
        }
        }
        }
        }

        // Output lists, breadth first: a state's own literals, then its failure state's list.
        automaton.outputStart = [Int32](repeating: 0, count: stateCount + 1)
        automaton.hasOutput = [UInt64](repeating: 0, count: (stateCount + 63) / 64)
        automaton.outputList.reserveCapacity(literalCount * 2)
        for state in 0..<stateCount {
            automaton.outputStart[state] = Int32(automaton.outputList.count)
            var literal = own[state]
            while literal >= 0 {
                automaton.outputList.append(literal)
                literal = ownNext[Int(literal)]
            }
            if state > 0 {
                let failure = Int(automaton.fail[state])
                for position in Int(automaton.outputStart[failure])..<Int(automaton.outputStart[failure + 1]) {
                    automaton.outputList.append(automaton.outputList[position])
                }
            }
            if Int(automaton.outputStart[state]) < automaton.outputList.count {
                automaton.hasOutput[state / 64] |= 1 << UInt64(state % 64)
            }
        }
        automaton.outputStart[stateCount] = Int32(automaton.outputList.count)
        return (depth, automaton)
    }

    /// How many leading classes two keys share, at most the shorter length.
    private static func sharedPrefix(_ a: UInt64, _ b: UInt64, _ aLength: Int, _ bLength: Int) -> Int {
        let limit = min(aLength, bLength)
        let differing = a ^ b
        return differing == 0 ? limit : min(differing.leadingZeroBitCount / 8, limit)
    }

    /// The transition from `state` on `symbol`: a full row's entry, or a child, or else the
    /// failure state's transition.
    @inline(__always)
    private static func step(
        from state: UInt16, class symbol: UInt8, width: Int, denseCount: Int, dense: UnsafeBufferPointer<UInt16>,
        childStart: UnsafeBufferPointer<UInt16>, edgeClass: UnsafeBufferPointer<UInt8>, fail: UnsafeBufferPointer<UInt16>
    ) -> UInt16 {
        var state = Int(state)
        while state >= denseCount {
            var child = Int(childStart[state])
            let end = Int(childStart[state + 1])
            while child < end {
                if edgeClass[child] == symbol { return UInt16(truncatingIfNeeded: child) }
                child += 1
            }
            state = Int(fail[state])
        }
        return dense[state &* width &+ Int(symbol)]
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
        let width = classCount
        let spaceClass = Int(classOf[0x20])
        // Text offsets of the bytes fed to the automaton, to find where a literal started.
        var ring: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        let ringMask = 7
        let trieDepth = trieDepth
        let denseCount = automaton.denseCount
        var fed = 0
        var lastWasSpace = false
        automaton.dense.withUnsafeBufferPointer { dense in
        automaton.childStart.withUnsafeBufferPointer { childStart in
        automaton.edgeClass.withUnsafeBufferPointer { edgeClass in
        automaton.fail.withUnsafeBufferPointer { fail in
        automaton.hasOutput.withUnsafeBufferPointer { hasOutput in
        automaton.outputStart.withUnsafeBufferPointer { outputStart in
        automaton.outputList.withUnsafeBufferPointer { outputList in
        classOf.withUnsafeBufferPointer { classes in
        literalBytes.withUnsafeBufferPointer { literalBytes in
        literalStart.withUnsafeBufferPointer { literalStart in
        shapes.withUnsafeBufferPointer { shapes in
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
                if state < denseCount {
                    state = Int(dense[state &* width &+ symbol])
                } else {
                    state = Int(Self.step(from: UInt16(truncatingIfNeeded: state), class: UInt8(truncatingIfNeeded: symbol), width: width,
                                          denseCount: denseCount, dense: dense, childStart: childStart, edgeClass: edgeClass, fail: fail))
                }
                guard hasOutput[state &>> 6] & (1 &<< UInt64(state & 63)) != 0 else { continue }
                for position in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                    let literalIndex = Int(outputList[position])
                    let shape = shapes[literalIndex]
                    let bytes = UnsafeBufferPointer(rebasing: literalBytes[shape.bounds(literalStart[literalIndex], literalStart[literalIndex + 1])])
                    let prefixLength = min(bytes.count, trieDepth)
                    guard var end = Self.verify(bytes, from: prefixLength, in: text, after: index) else { continue }
                    let endRule = shape.endCheck
                    if endRule != .none {
                        if shape.endsInSpace { while end < text.count, Self.isSpace(text[end]) { end += 1 } }
                        guard endRule.passes(end < text.count ? text[end] : nil) else { continue }
                    }
                    let start = fedOffsets[(fed - prefixLength) & ringMask]
                    guard shape.startCheck.passes(start > 0 ? text[start - 1] : nil) else { continue }
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
    }
}
