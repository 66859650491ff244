import Foundation

/// Writes the CLI's own messages to standard error, one line each.
enum Diagnostics {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("medlint: error: \(message)\n".utf8))
    }

    static func printNote(_ message: String) {
        FileHandle.standardError.write(Data("medlint: \(message)\n".utf8))
    }

    static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
