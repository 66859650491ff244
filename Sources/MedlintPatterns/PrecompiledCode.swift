/// A pattern's compiled code made ahead of time (`Pattern.serializedCode(anchored:)`), so that a
/// run decodes it in microseconds instead of compiling it (a 500-phrase lexicon pattern takes
/// about half a millisecond, and a one-file run compiles some thirty patterns). The bytes are
/// made on demand. PCRE2 refuses code serialized by another version of the library; the pattern
/// is then compiled from its source as usual.
public struct PrecompiledCode: Sendable {
    public let unanchored: @Sendable () -> [UInt8]?
    public let anchored: @Sendable () -> [UInt8]?

    public init(unanchored: @escaping @Sendable () -> [UInt8]?, anchored: @escaping @Sendable () -> [UInt8]?) {
        self.unanchored = unanchored
        self.anchored = anchored
    }
}
