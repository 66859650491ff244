/// Keeps cmark-gfm 0.29.0.gfm.6 (Debian 12's) from spending minutes on inputs it parses in
/// quadratic time or memory: before the bytes reach cmark, it finds those constructs and
/// neutralises them in place, byte for byte, so the copy cmark parses has the same length and
/// every offset still maps 1:1 to the file (the same trick as the NUL → 0x1A stand-in). The
/// parts it touched are returned, so the run can say what was read as plain text.
///
/// Measured with the release binary (2-core AMD EPYC VM, before this guard; a cmark-only C
/// harness gives nearly the same parse times):
///
/// | input | size | parse | medlint, whole run |
/// |---|---:|---:|---:|
/// | `\|x` × 4,166 header, delimiter row, 4,166 rows `a` (17 M padded cells) | 25 KB | 16.8 s | 21.3 s, 4.1 GB |
/// | the same with 2,083 columns and rows | 12.5 KB | 1.7 s | 3.6 s, 1.1 GB |
/// | 100-column header, 40,000 one-cell rows (4 M padded cells) | 80 KB | 4.6 s | 11.2 s, 1.0 GB |
/// | a 2-column table with one row of 50,000 `\|` | 50 KB | 14.7 s | |
/// | 50,000 `\|` then a `\|-\|` delimiter row | 50 KB | 11.6 s | |
/// | `![[]()` × 25,000 | 150 KB | 2.6 s | 2.7 s |
/// | `a` + `<?` × 50,000 | 100 KB | 2.4 s | 2.8 s |
/// | `a <!X` per line × 25,000 (one paragraph) | 150 KB | 1.8 s | |
/// | `a` + `<![CDATA[` × 25,000 | 225 KB | 2.2 s | |
///
/// All grow with the square of the size (tables: columns × rows), so below the 4 MB cap they
/// would run for hours or exhaust memory. Every other construct tried (the cmark and cmark-gfm
/// pathological tests: nested emphasis, unmatched `*`/`_`, `[`/`]` runs, `[ (](`, nested block
/// quotes and lists, backticks, unclosed links, `<!--`, reference definitions, footnotes, `~`)
/// parses 4 MB in at most 2.3 s. Each construct gets an estimated cost in nanoseconds; a file
/// may spend `budget` in all, and a construct over `singleLimit` is always neutralised:
///
/// - a table costs 20 µs per cell, header and delimiter rows included, padded to the delimiter
///   row's column count (cmark-gfm makes a node for every padded cell, and medlint a segment),
///   plus 6 ns per (cells in a row)², since each row is split in quadratic time. It is read as
///   a paragraph by blanking its delimiter row;
/// - `![` image openers cost 4 ns per (openers × `]` in the paragraph): every link closed after
///   an unclosed `![` walks back over all of them. Each `!` of `![` becomes a space;
/// - unclosed `<?`, `<!X` (a declaration) and `<![CDATA[` cost 0.7 ns per (their number ×
///   paragraph length): each is scanned to the end of the paragraph. Each `<` becomes a space
///   (`<!--` comments are never touched: suppression directives live there).
///
/// After the guard, every input under 4 MB tried parses in under 3 s.
public enum PathologicalInputGuard {
    /// What the guard changed, in offsets of the bytes it was given.
    public struct Simplification: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case table
            case imageOpeners
            case htmlDeclarations
        }

        public let kind: Kind
        /// From the first simplified construct of this kind (a table's header row, or a paragraph)
        /// to the end of the last one.
        public let range: Range<Int>
        /// How many tables or paragraphs were simplified.
        public let places: Int
        /// Table cells (padded to the column count), or the `![` / `<?`-like openers neutralised.
        public let count: Int

        public init(kind: Kind, range: Range<Int>, places: Int, count: Int) {
            self.kind = kind
            self.range = range
            self.places = places
            self.count = count
        }
    }

    /// Estimated nanoseconds of parsing a file may spend on the constructs above.
    public static let budget = 2_500_000_000
    /// A single construct estimated above this is neutralised even within the budget.
    public static let singleLimit = 1_500_000_000

    /// Neutralises the constructs over budget in `bytes`; the count of bytes never changes.
    public static func neutralise(_ bytes: inout [UInt8]) -> [Simplification] {
        guard mayNeedWork(bytes) else { return [] }
        var scanner = Scanner(bytes: bytes)
        scanner.scan()
        for offset in scanner.replacements { bytes[offset] = 0x20 }
        return scanner.simplifications
    }

    /// A cheap first look: no `|`, `![`, `<?` or `<!` at all means nothing to do.
    static func mayNeedWork(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var previous: UInt8 = 0
            for byte in buffer {
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "-") && previous == 0x0A { return true }
                if previous == UInt8(ascii: "<"), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") { return true }
                if previous == UInt8(ascii: "!"), byte == UInt8(ascii: "[") { return true }
                previous = byte
            }
            return false
        }
    }

    private struct Line {
        /// Content, without the line ending.
        var range: Range<Int>
        /// Where the content starts after spaces, tabs and `>` markers.
        var textStart: Int
        var isBlank: Bool { textStart == range.upperBound }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var lines: [Line] = []
        var spent = 0
        var replacements: [Int] = []
        var simplifications: [Simplification] = []
        var tables = (places: 0, count: 0, range: Range<Int>?.none)
        var images = (places: 0, count: 0, range: Range<Int>?.none)
        var declarations = (places: 0, count: 0, range: Range<Int>?.none)

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func scan() {
            splitLines()
            var index = 0
            var fence: (byte: UInt8, length: Int)?
            var blockStart: Int?
            while index < lines.count {
                let line = lines[index]
                if let open = fence {
                    if closesFence(line, open) { fence = nil }
                    index += 1
                    continue
                }
                if let opened = opensFence(line) {
                    if let start = blockStart { inline(lines: start..<index) }
                    blockStart = nil
                    fence = opened
                    index += 1
                    continue
                }
                if line.isBlank {
                    if let start = blockStart { inline(lines: start..<index) }
                    blockStart = nil
                    index += 1
                    continue
                }
                if blockStart != nil, index > 0, let columns = delimiterColumns(line) {
                    index = table(header: index - 1, delimiter: index, columns: columns)
                    continue
                }
                if blockStart == nil { blockStart = index }
                index += 1
            }
            if let start = blockStart { inline(lines: start..<lines.count) }
            finish()
        }

        /// Lines end at LF, CR or CRLF, as in cmark.
        private mutating func splitLines() {
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                var index = 0
                let count = buffer.count
                func add(_ end: Int) {
                    var text = start
                    while text < end, buffer[text] == 0x20 || buffer[text] == 0x09 || buffer[text] == UInt8(ascii: ">") { text += 1 }
                    lines.append(Line(range: start..<end, textStart: text))
                }
                while index < count {
                    let byte = buffer[index]
                    if byte == 0x0A || byte == 0x0D {
                        add(index)
                        index += byte == 0x0D && index + 1 < count && buffer[index + 1] == 0x0A ? 2 : 1
                        start = index
                    } else {
                        index += 1
                    }
                }
                if start < count { add(count) }
            }
        }

        private func opensFence(_ line: Line) -> (byte: UInt8, length: Int)? {
            let text = line.textStart
            guard text < line.range.upperBound else { return nil }
            let byte = bytes[text]
            guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
            var end = text
            while end < line.range.upperBound, bytes[end] == byte { end += 1 }
            guard end - text >= 3 else { return nil }
            if byte == UInt8(ascii: "`"), bytes[end..<line.range.upperBound].contains(UInt8(ascii: "`")) { return nil }
            return (byte, end - text)
        }

        private func closesFence(_ line: Line, _ fence: (byte: UInt8, length: Int)) -> Bool {
            var end = line.textStart
            while end < line.range.upperBound, bytes[end] == fence.byte { end += 1 }
            guard end - line.textStart >= fence.length else { return false }
            return bytes[end..<line.range.upperBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }

        /// The column count of a GFM table delimiter row (`| :-- | --: |`), or nil.
        private func delimiterColumns(_ line: Line) -> Int? {
            var columns = 0
            var index = line.textStart
            let end = line.range.upperBound
            var sawDash = false
            var cellOpen = false
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "|"):
                    if cellOpen {
                        guard sawDash else { return nil }
                        columns += 1
                    }
                    cellOpen = false
                    sawDash = false
                case UInt8(ascii: "-"):
                    sawDash = true
                    cellOpen = true
                case UInt8(ascii: ":"):
                    cellOpen = true
                case 0x20, 0x09, 0x0B, 0x0C:
                    break
                default:
                    return nil
                }
                index += 1
            }
            if cellOpen {
                guard sawDash else { return nil }
                columns += 1
            }
            return columns > 0 ? columns : nil
        }

        private func cells(_ line: Line) -> Int {
            var pipes = 0
            bytes.withUnsafeBufferPointer { buffer in
                for index in line.range where buffer[index] == UInt8(ascii: "|") { pipes += 1 }
            }
            return pipes + 1
        }

        /// Costs the table whose delimiter row is line `delimiter`; returns the line after it.
        private mutating func table(header: Int, delimiter: Int, columns: Int) -> Int {
            let headerCells = cells(lines[header])
            let delimiterCells = cells(lines[delimiter])
            var cost = 6 * (headerCells * headerCells + delimiterCells * delimiterCells)
            var next = delimiter + 1
            var rows = 0
            while next < lines.count, !lines[next].isBlank, opensFence(lines[next]) == nil {
                let rowCells = cells(lines[next])
                cost = cost.addingReportingOverflow(6 * rowCells * rowCells).partialValue
                rows += 1
                next += 1
            }
            // cmark-gfm makes the table only when the header row has the delimiter row's column count;
            // a pipe at either end of the header is not a cell.
            let paddedCells = columns.multipliedReportingOverflow(by: rows + 2).partialValue
            cost = cost.addingReportingOverflow(20_000.multipliedReportingOverflow(by: paddedCells).partialValue).partialValue
            if !keep(cost) {
                let line = lines[delimiter]
                replacements += line.textStart..<line.range.upperBound
                let range = lines[header].range.lowerBound..<lines[next - 1].range.upperBound
                tables = (tables.places + 1, tables.count + paddedCells, tables.range.map { $0.lowerBound..<range.upperBound } ?? range)
            }
            return next
        }

        /// Costs the inline content of a run of non-blank lines.
        private mutating func inline(lines block: Range<Int>) {
            let range = lines[block.lowerBound].range.lowerBound..<lines[block.upperBound - 1].range.upperBound
            var imageOpeners: [Int] = []
            var closers = 0
            var declarationOpeners: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in
                var index = range.lowerBound
                let end = range.upperBound
                while index < end {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: "]") {
                        closers += 1
                    } else if byte == UInt8(ascii: "!"), index + 1 < end, buffer[index + 1] == UInt8(ascii: "[") {
                        imageOpeners.append(index)
                    } else if byte == UInt8(ascii: "<"), index + 1 < end {
                        let next = buffer[index + 1]
                        if next == UInt8(ascii: "?") {
                            declarationOpeners.append(index)
                        } else if next == UInt8(ascii: "!"), index + 2 < end {
                            let third = buffer[index + 2] | 0x20
                            if (third >= UInt8(ascii: "a") && third <= UInt8(ascii: "z")) || buffer[index + 2] == UInt8(ascii: "[") {
                                declarationOpeners.append(index)
                            }
                        }
                    }
                    index += 1
                }
            }
            if !imageOpeners.isEmpty, !keep(4 * imageOpeners.count * closers) {
                for offset in imageOpeners { replacements.append(offset) }
                images = (images.places + 1, images.count + imageOpeners.count, images.range.map { $0.lowerBound..<range.upperBound } ?? range)
            }
            if !declarationOpeners.isEmpty, !keep(declarationOpeners.count * range.count * 7 / 10) {
                replacements += declarationOpeners
                declarations = (declarations.places + 1, declarations.count + declarationOpeners.count,
                                declarations.range.map { $0.lowerBound..<range.upperBound } ?? range)
            }
        }

        /// Whether a construct of this estimated cost may stay as it is; if so, it is spent.
        private mutating func keep(_ cost: Int) -> Bool {
            guard cost <= PathologicalInputGuard.singleLimit, spent + cost <= PathologicalInputGuard.budget else { return false }
            spent += cost
            return true
        }

        private mutating func finish() {
            for (kind, found) in [(Simplification.Kind.table, tables), (.imageOpeners, images), (.htmlDeclarations, declarations)] {
                if let range = found.range { simplifications.append(Simplification(kind: kind, range: range, places: found.places, count: found.count)) }
            }
            simplifications.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
    }
}
