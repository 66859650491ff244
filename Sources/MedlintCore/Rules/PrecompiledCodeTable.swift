import Foundation
import MedlintPatterns

/// The compiled code of a precompiled pack's patterns, which the build writes beside the pack:
/// a header of offsets, then each pattern's PCRE2-serialized code (unanchored, then anchored) in
/// base64. Start-up reads only the header; a pattern's code is decoded when the pattern is first
/// used, and compiling from the source remains the fallback (`PrecompiledCode`).
public final class PrecompiledCodeTable: Sendable {
    private let text: String
    /// Where the base64 begins in `text.utf8`.
    private let base: Int
    /// Pattern `i`'s unanchored code is base64 `[offsets[2i], offsets[2i+1])`, its anchored code
    /// `[offsets[2i+1], offsets[2i+2])`, relative to `base`; an empty range means none.
    private let offsets: [Int]

    /// The table for `patterns` in pack order: every pattern's unanchored code, and the anchored
    /// code of those tried at their leading literals.
    public static func encode(_ patterns: [Pattern]) -> String {
        var blobs: [String] = []
        for pattern in patterns {
            blobs.append(pattern.serializedCode(anchored: false).map { Data($0).base64EncodedString() } ?? "")
            let anchored = pattern.literals.leading == nil ? nil : pattern.serializedCode(anchored: true)
            blobs.append(anchored.map { Data($0).base64EncodedString() } ?? "")
        }
        var header = [String(patterns.count), "0"]
        var offset = 0
        for blob in blobs {
            offset += blob.utf8.count
            header.append(String(offset))
        }
        return header.joined(separator: "\u{1F}") + "\u{1F}" + blobs.joined()
    }

    /// nil unless `text` is a whole table as `encode` writes it.
    public init?(_ text: String) {
        var parsed: (Int, [Int])?
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var reader = PackTokenReader(bytes)
            guard let count = reader.int(), count <= bytes.count else { return }
            var offsets: [Int] = []
            offsets.reserveCapacity(2 * count + 1)
            for _ in 0...(2 * count) {
                guard let offset = reader.int(), offset >= (offsets.last ?? 0) else { return }
                offsets.append(offset)
            }
            guard offsets.first == 0, reader.position + offsets.last! == bytes.count else { return }
            parsed = (reader.position, offsets)
        }
        guard let (base, offsets) = parsed else { return nil }
        self.text = text
        self.base = base
        self.offsets = offsets
    }

    public var count: Int { offsets.count / 2 }

    /// Pattern `index`'s code, or nil when the table holds none for it.
    public func code(forPattern index: Int) -> PrecompiledCode? {
        guard index < count else { return nil }
        return PrecompiledCode(unanchored: { self.bytes(2 * index) }, anchored: { self.bytes(2 * index + 1) })
    }

    private func bytes(_ slot: Int) -> [UInt8]? {
        let range = (base + offsets[slot])..<(base + offsets[slot + 1])
        guard !range.isEmpty else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { Base64.decode(UnsafeBufferPointer(rebasing: $0[range])) } ?? nil
    }
}
