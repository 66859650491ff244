import Foundation

/// Writes a whole file atomically: a temporary file in the same folder, then a rename, keeping the
/// original file's permissions. An interrupted run never leaves a half-written report.
public enum AtomicFileWriter {
    public static func write(_ contents: String, to path: String) throws {
        try write(to: path) { emit in
            var contents = contents
            contents.withUTF8 { emit(Array($0)) }
        }
    }

    /// Writes the chunks `produce` emits to a temporary file in the same folder, then renames it
    /// over `path`, keeping the original file's permissions.
    public static func write(to path: String, _ produce: (_ emit: ([UInt8]) -> Void) -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).medlint-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let existing = try? FileManager.default.attributesOfItem(atPath: path)
        guard let handle = fopen(temporary, "wb") else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        var failed = false
        produce { chunk in
            guard !failed, !chunk.isEmpty else { return }
            failed = chunk.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) } != chunk.count
        }
        if fclose(handle) != 0 || failed {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw NSError(domain: "medlint", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: reason])
        }
        if let permissions = existing?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw NSError(domain: "medlint", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }
}
