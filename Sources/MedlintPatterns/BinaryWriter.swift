/// Appends integers and arrays as little-endian bytes: the format of the prefilter tables that
/// the build computes ahead of time (`MultiLiteralMatcher.serialized()`), read by `BinaryReader`.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func append(_ value: Int) {
        var little = UInt64(truncatingIfNeeded: value).littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }

    public mutating func append<Element: FixedWidthInteger>(_ values: [Element]) {
        append(values.count)
        for value in values {
            var little = value.littleEndian
            withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
        }
    }
}
