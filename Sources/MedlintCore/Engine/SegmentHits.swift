/// What the prefilter found in one segment: which patterns can match at all, where the leading
/// literals of each pattern occur, and where its required literals occur. A class, because the
/// hot loop hands it around for every rule and a struct of five arrays costs five retains a copy.
final class SegmentHits {
    /// Bit set over pattern indexes.
    let possible: [UInt64]
    /// Offsets where a leading literal of the pattern starts.
    let starts: PatternOffsets
    /// Offsets where a required literal of the pattern starts.
    let required: PatternOffsets

    init(possible: [UInt64], starts: PatternOffsets, required: PatternOffsets) {
        self.possible = possible
        self.starts = starts
        self.required = required
    }

    func isPossible(_ pattern: Int) -> Bool { possible[pattern / 64] & (1 << UInt64(pattern % 64)) != 0 }
}

/// (pattern, byte offset) pairs, sorted and unique, with lookups by pattern and offset range.
struct PatternOffsets {
    /// `pattern << 32 | offset`, ascending.
    private let keys: [UInt64]
    /// The offsets of `keys`, in the same order.
    let offsets: [Int32]

    init(_ unsorted: [UInt64]) {
        var sorted = unsorted
        sorted.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for key in sorted where unique.last != key { unique.append(key) }
        keys = unique
        offsets = unique.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
    }

    /// Indexes into `offsets` of the pattern's offsets within `range`.
    func indices(of pattern: Int, in range: Range<Int>) -> Range<Int> {
        let base = UInt64(UInt32(pattern)) << 32
        let lower = lowerBound(base | UInt64(max(0, range.lowerBound)))
        let upper = lowerBound(base | UInt64(max(range.lowerBound, range.upperBound)))
        return lower..<upper
    }

    /// Indexes into `offsets` of all the pattern's offsets.
    func indices(of pattern: Int) -> Range<Int> {
        let base = UInt64(UInt32(pattern)) << 32
        return lowerBound(base)..<lowerBound(base + (1 << 32))
    }

    private func lowerBound(_ key: UInt64) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
