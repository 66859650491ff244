/// Reads what `BinaryWriter` wrote. Every read checks the bounds and returns nil past the end,
/// so damaged data makes the caller fall back to building its tables, never crash. Arrays are
/// copied out whole (the automaton's table is over a megabyte and is read at every start).
public struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var atEnd: Bool { offset == bytes.count }

    public mutating func int() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
        guard value <= UInt64(Int32.max) else { return nil }
        return Int(value)
    }

    public mutating func array(of _: UInt8.Type) -> [UInt8]? { copyArray(UInt8.self) }
    public mutating func array(of _: UInt16.Type) -> [UInt16]? { copyArray(UInt16.self) }
    public mutating func array(of _: Int32.Type) -> [Int32]? { copyArray(Int32.self) }
    public mutating func array(of _: UInt64.Type) -> [UInt64]? { copyArray(UInt64.self) }

    private mutating func copyArray<Element: FixedWidthInteger>(_: Element.Type) -> [Element]? {
        guard let count = int() else { return nil }
        let size = count * MemoryLayout<Element>.size
        guard offset + size <= bytes.count else { return nil }
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])
        offset += size
        var result = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
        #if _endian(big)
        result = result.map { Element(littleEndian: $0) }
        #endif
        return result
    }
}
