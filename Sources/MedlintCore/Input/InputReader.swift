#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input file and turns it into UTF-8 bytes a `Document` can be built from, or into a
/// finding that says why it could not be linted. Never throws and never stops the run: a bad
/// file is one finding, and the rest of the run goes on.
public enum InputReader {
    public enum Outcome: Sendable {
        /// Lint these bytes; `problems` holds an encoding finding when bytes had to be replaced.
        case text(bytes: [UInt8], problems: [Diagnostic])
        /// Not linted, for the reason given.
        case skipped(Diagnostic)
    }

    /// The byte that stands in for each invalid UTF-8 byte: one byte for one byte keeps every
    /// offset, line and column after it exact (it is shown as U+FFFD).
    public static let replacementByte: UInt8 = 0x1A

    public static func read(path: String, maxBytes: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .skipped(problem(BuiltinChecks.unreadableFile, openFailure(path: path, errno: errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .skipped(problem(BuiltinChecks.unreadableFile, "The file could not be read: \(systemError()).")) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .skipped(problem(BuiltinChecks.unreadableFile, "The file could not be read: it is a folder.")) }
        let size = Int(info.st_size)
        if size > maxBytes {
            return .skipped(problem(BuiltinChecks.fileTooLarge, "The file is \(size) bytes, over max_file_bytes (\(maxBytes)); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml)."))
        }
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var filled = 0
        while true {
            if filled == bytes.count {
                // All the bytes the size promised are in: look for more (the file grew, or it
                // reports no size, like a pipe) in a small buffer before growing this one.
                var probe = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
                let extra = withUnsafeMutableBytes(of: &probe) { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
                if extra < 0 {
                    if errno == EINTR { continue }
                    return .skipped(problem(BuiltinChecks.unreadableFile, "The file could not be read: \(systemError())."))
                }
                if extra == 0 { break }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(65_536, bytes.count)))
                withUnsafeBytes(of: &probe) { probe in
                    bytes.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: filled).copyMemory(from: probe.baseAddress!, byteCount: extra) }
                }
                filled += extra
                if filled > maxBytes {
                    return .skipped(problem(BuiltinChecks.fileTooLarge, "The file is over max_file_bytes (\(maxBytes)); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml)."))
                }
                continue
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .skipped(problem(BuiltinChecks.unreadableFile, "The file could not be read: \(systemError())."))
            }
            if count == 0 { break }
            filled += count
            if filled > maxBytes {
                return .skipped(problem(BuiltinChecks.fileTooLarge, "The file is over max_file_bytes (\(maxBytes)); it was skipped (raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml)."))
            }
        }
        bytes.removeSubrange(filled...)
        return decode(bytes)
    }

    /// Decodes raw file bytes: UTF-16 with a BOM is transcoded, a NUL in the first 8 KB means binary,
    /// invalid UTF-8 bytes are replaced one for one.
    public static func decode(_ raw: [UInt8]) -> Outcome {
        if raw.count >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
            return .text(bytes: transcodeUTF16(raw, littleEndian: raw[0] == 0xFF), problems: [])
        }
        if raw.prefix(8192).contains(0) {
            return .skipped(problem(BuiltinChecks.binaryFile, BuiltinChecks.binaryFile.message))
        }
        var bytes = raw
        var firstInvalid: Int?
        var replaced = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                if firstInvalid == nil { firstInvalid = index }
                bytes[index] = replacementByte
                replaced += 1
                index += 1
            } else {
                index += length
            }
        }
        guard let first = firstInvalid else { return .text(bytes: bytes, problems: []) }
        let line = lineNumber(of: first, in: bytes)
        let what = replaced == 1 ? "1 invalid byte, on line \(line), was" : "\(replaced) invalid bytes, the first on line \(line), were"
        var diagnostic = problem(BuiltinChecks.invalidEncoding,
                                 "The file is not valid UTF-8: \(what) replaced and the rest of the file was checked.")
        diagnostic.range = first..<(first + 1)
        return .text(bytes: bytes, problems: [diagnostic])
    }

    /// The 1-based line holding byte `offset` (LF, CRLF and a lone CR each end a line).
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
            index += 1
        }
        return line
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    static func transcodeUTF16(_ raw: [UInt8], littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var index = 2
        while index + 1 < raw.count {
            units.append(littleEndian ? UInt16(raw[index]) | UInt16(raw[index + 1]) << 8 : UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
            index += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { out.append($0) }
        return out
    }

    static func problem(_ check: RuleDescriptor, _ message: String) -> Diagnostic {
        Diagnostic(ruleID: check.id, level: check.level, message: message, range: 0..<0, matchedText: "", sentence: "",
                   suggestion: check.suggestion, isDocumentLevel: true)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }

    /// Why `open` failed, in words: a dangling symbolic link names its missing target, and a file
    /// that is gone says it went away after it was listed (files reach here only from discovery,
    /// which saw them).
    static func openFailure(path: String, errno code: Int32) -> String {
        let reason = String(cString: strerror(code))
        guard code == ENOENT else { return "The file could not be opened: \(reason)." }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            let target = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            return "The file could not be opened: it is a symbolic link to '\(target)', which does not exist."
        }
        return "The file could not be opened: \(reason) (it was deleted or moved after medlint listed it)."
    }
}
