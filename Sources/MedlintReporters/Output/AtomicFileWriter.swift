import Foundation

/// Writes a whole file atomically: a temporary file in the same folder, then a rename, keeping the
/// original file's permissions. An interrupted run never leaves a half-written report.
public enum AtomicFileWriter {
    public static func write(_ contents: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).medlint-\(ProcessInfo.processInfo.processIdentifier).tmp"
        let existing = try? FileManager.default.attributesOfItem(atPath: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(contents.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
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
