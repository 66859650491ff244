import Foundation

/// An anonymous temporary file that holds encoded reports of a large run (`FileReportStore`), so
/// memory does not grow with the number of findings.
///
/// It is created in `TMPDIR` (else `/tmp`) and unlinked at once: nothing is left behind, even
/// when medlint is killed, and no file the user wrote is touched. Reads use `pread`, so any
/// thread may read any record at any time; writes happen under the store's lock.
final class SpillFile: Sendable {
    private let descriptor: Int32

    /// A new empty file, or nil when none can be created (no writable temporary folder).
    init?(directory: String? = nil) {
        var folder = directory ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if folder.isEmpty { folder = "/tmp" }
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        var template = Array((folder + "/medlint-reports-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        // Not inherited by the git processes `--staged` and `--diff-base` start.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at `offset`; false on any error (disk full, I/O error).
    func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            done += written
        }
        return true
    }

    /// The `length` bytes at `offset`, or nil when they cannot be read back.
    func read(at offset: Int, length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }
}
