/// A compact binary form of one `FileReport`, so a large run can keep finished reports in a
/// temporary file (`FileReportStore`) instead of in memory, and read each back exactly as it was.
///
/// Layout (integers are LEB128 varints, signed ones zigzag-encoded; a string is its UTF-8 byte
/// count then its bytes):
///
/// ```text
/// tag 0x4D (1 byte)
/// displayPath, projectPath
/// source: byteCount, bomLength, hasLoneCR (1 byte), line count, then per kept line:
///         number, start, first - start, byte count, bytes, checkpoint count, (utf16, scalars)...
/// diagnostics: count, then per diagnostic:
///         ruleID, level (1 byte), message, range lower bound, range count, matchedText, sentence,
///         flags (1 byte: 1 suggestion, 2 document-level, 4 suppressed, 8 baseline new,
///         16 baseline unchanged), [suggestion], [justification]
/// fingerprints: count, strings
/// ```
///
/// The form is private to one run (never stored across versions), so it has no version number;
/// the tag only catches reading from a wrong offset.
enum FileReportCodec {
    struct DecodingError: Error, Equatable {
        let offset: Int
    }

    static let tag: UInt8 = 0x4D

    static func encode(_ report: FileReport) -> [UInt8] {
        var writer = Writer()
        writer.out.reserveCapacity(estimatedSize(of: report))
        writer.byte(tag)
        writer.string(report.displayPath)
        writer.string(report.projectPath)
        let source = report.source
        writer.signed(source.byteCount)
        writer.signed(source.bomLength)
        writer.byte(source.hasLoneCR ? 1 : 0)
        writer.unsigned(source.lines.count)
        for line in source.lines {
            writer.signed(line.number)
            writer.signed(line.start)
            writer.signed(line.first - line.start)
            writer.unsigned(line.bytes.count)
            writer.out.append(contentsOf: line.bytes)
            writer.unsigned(line.checkpoints.count)
            for checkpoint in line.checkpoints {
                writer.signed(checkpoint.utf16)
                writer.signed(checkpoint.scalars)
            }
        }
        writer.unsigned(report.diagnostics.count)
        for diagnostic in report.diagnostics {
            writer.string(diagnostic.ruleID)
            writer.byte(levelCode(diagnostic.level))
            writer.string(diagnostic.message)
            writer.signed(diagnostic.range.lowerBound)
            writer.signed(diagnostic.range.count)
            writer.string(diagnostic.matchedText)
            writer.string(diagnostic.sentence)
            var flags: UInt8 = 0
            if diagnostic.suggestion != nil { flags |= 1 }
            if diagnostic.isDocumentLevel { flags |= 2 }
            if diagnostic.suppression != nil { flags |= 4 }
            switch diagnostic.baselineState {
            case .new: flags |= 8
            case .unchanged: flags |= 16
            case nil: break
            }
            writer.byte(flags)
            if let suggestion = diagnostic.suggestion { writer.string(suggestion) }
            if let suppression = diagnostic.suppression { writer.string(suppression.justification) }
        }
        writer.unsigned(report.fingerprints.count)
        for fingerprint in report.fingerprints { writer.string(fingerprint) }
        return writer.out
    }

    static func decode(_ bytes: [UInt8]) throws(DecodingError) -> FileReport {
        var reader = Reader(bytes: bytes)
        guard try reader.byte() == tag else { throw DecodingError(offset: 0) }
        let displayPath = try reader.string()
        let projectPath = try reader.string()
        let byteCount = try reader.signed()
        let bomLength = try reader.signed()
        let hasLoneCR = try reader.byte() != 0
        let lineCount = try reader.count()
        var lines: [SourceLines.Line] = []
        lines.reserveCapacity(lineCount)
        for _ in 0..<lineCount {
            let number = try reader.signed()
            let start = try reader.signed()
            let first = start + (try reader.signed())
            let lineBytes = try reader.bytes(try reader.count())
            let checkpointCount = try reader.count()
            var checkpoints: [(utf16: Int, scalars: Int)] = []
            checkpoints.reserveCapacity(checkpointCount)
            for _ in 0..<checkpointCount {
                let utf16 = try reader.signed()
                checkpoints.append((utf16, try reader.signed()))
            }
            // `SourceLines.location(of:)` reads the first checkpoint unconditionally.
            guard !checkpoints.isEmpty else { throw DecodingError(offset: reader.offset) }
            lines.append(SourceLines.Line(number: number, start: start, first: first, bytes: lineBytes, checkpoints: checkpoints))
        }
        let diagnosticCount = try reader.count()
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(diagnosticCount)
        for _ in 0..<diagnosticCount {
            let ruleID = try reader.string()
            let levelOffset = reader.offset
            guard let level = level(try reader.byte()) else { throw DecodingError(offset: levelOffset) }
            let message = try reader.string()
            let lower = try reader.signed()
            let length = try reader.signed()
            guard length >= 0, !lower.addingReportingOverflow(length).overflow else { throw DecodingError(offset: reader.offset) }
            let matchedText = try reader.string()
            let sentence = try reader.string()
            let flagsOffset = reader.offset
            let flags = try reader.byte()
            guard flags & 0xE0 == 0, flags & 24 != 24 else { throw DecodingError(offset: flagsOffset) }
            let suggestion = flags & 1 != 0 ? try reader.string() : nil
            let suppression = flags & 4 != 0 ? Suppression(justification: try reader.string()) : nil
            var diagnostic = Diagnostic(ruleID: ruleID, level: level, message: message, range: lower..<(lower + length),
                                        matchedText: matchedText, sentence: sentence, suggestion: suggestion,
                                        isDocumentLevel: flags & 2 != 0, suppression: suppression)
            diagnostic.baselineState = flags & 8 != 0 ? .new : flags & 16 != 0 ? .unchanged : nil
            diagnostics.append(diagnostic)
        }
        let fingerprintCount = try reader.count()
        var fingerprints: [String] = []
        fingerprints.reserveCapacity(fingerprintCount)
        for _ in 0..<fingerprintCount { fingerprints.append(try reader.string()) }
        guard reader.offset == bytes.count else { throw DecodingError(offset: reader.offset) }
        return FileReport(displayPath: displayPath, projectPath: projectPath,
                          source: SourceLines(byteCount: byteCount, bomLength: bomLength, hasLoneCR: hasLoneCR, lines: lines),
                          diagnostics: diagnostics, fingerprints: fingerprints)
    }

    /// About how many bytes `report` takes in memory (and, a little less, encoded): what
    /// `FileReportStore` counts against its budget.
    static func estimatedSize(of report: FileReport) -> Int {
        var size = 64 + report.displayPath.utf8.count + report.projectPath.utf8.count
        for line in report.source.lines { size += 48 + line.bytes.count + 16 * line.checkpoints.count }
        for diagnostic in report.diagnostics {
            size += 160 + diagnostic.ruleID.utf8.count + diagnostic.message.utf8.count + diagnostic.matchedText.utf8.count
                + diagnostic.sentence.utf8.count + (diagnostic.suggestion?.utf8.count ?? 0)
                + (diagnostic.suppression?.justification.utf8.count ?? 0)
        }
        for fingerprint in report.fingerprints { size += 16 + fingerprint.utf8.count }
        return size
    }

    // MARK: - Private

    private static func levelCode(_ level: Severity) -> UInt8 {
        switch level {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    private static func level(_ code: UInt8) -> Severity? {
        switch code {
        case 0: return .note
        case 1: return .warning
        case 2: return .error
        default: return nil
        }
    }

    private struct Writer {
        var out: [UInt8] = []

        mutating func byte(_ value: UInt8) { out.append(value) }

        mutating func unsigned(_ value: Int) { unsigned64(UInt64(value)) }

        mutating func signed(_ value: Int) {
            let zigzag = UInt64(bitPattern: Int64(value) << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
            unsigned64(zigzag)
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                unsigned(bytes.count)
                out.append(contentsOf: bytes)
            }
        }

        private mutating func unsigned64(_ value: UInt64) {
            var rest = value
            while rest >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            out.append(UInt8(rest))
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(DecodingError) -> UInt8 {
            guard offset < bytes.count else { throw DecodingError(offset: offset) }
            defer { offset += 1 }
            return bytes[offset]
        }

        /// A count or length: not negative, and no larger than what is left to read.
        mutating func count() throws(DecodingError) -> Int {
            let start = offset
            let value = try unsigned64()
            guard value <= UInt64(bytes.count - offset) else { throw DecodingError(offset: start) }
            return Int(value)
        }

        mutating func signed() throws(DecodingError) -> Int {
            let zigzag = try unsigned64()
            return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
        }

        mutating func bytes(_ count: Int) throws(DecodingError) -> [UInt8] {
            guard count <= bytes.count - offset else { throw DecodingError(offset: offset) }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func string() throws(DecodingError) -> String {
            let length = try count()
            defer { offset += length }
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
            }
        }

        private mutating func unsigned64() throws(DecodingError) -> UInt64 {
            let start = offset
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64, shift < 63 || next <= 1 else { throw DecodingError(offset: start) }
                value |= UInt64(next & 0x7F) << shift
                if next & 0x80 == 0 { return value }
                shift += 7
            }
        }
    }
}
