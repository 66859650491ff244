import Foundation

/// Reads `git diff --unified=0 --find-renames` output into the changed lines of each file.
public enum UnifiedDiffParser {
    public static func parse(_ diff: String) -> [String: FileChange] {
        var changes: [String: FileChange] = [:]
        var current: FileChange?
        var similarity100 = false
        func finish() {
            guard var change = current else { return }
            if change.renamedFrom != nil, similarity100, change.changedLines.isEmpty { change.contentChanged = false }
            changes[change.path] = change
            current = nil
        }
        for rawLine in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Substring(rawLine)
            if line.hasPrefix("diff --git ") {
                finish()
                current = FileChange(path: "", contentChanged: true)
                similarity100 = false
                // The b/ path; refined by +++ and rename headers below.
                if let range = line.range(of: " b/", options: .backwards) {
                    current?.path = unquote(String(line[range.upperBound...]))
                }
            } else if line.hasPrefix("rename from ") {
                current?.renamedFrom = unquote(String(line.dropFirst("rename from ".count)))
            } else if line.hasPrefix("rename to ") {
                current?.path = unquote(String(line.dropFirst("rename to ".count)))
            } else if line.hasPrefix("similarity index ") {
                similarity100 = line.hasSuffix(" 100%")
            } else if line.hasPrefix("+++ ") {
                let path = String(line.dropFirst(4))
                if path != "/dev/null" { current?.path = unquote(path.hasPrefix("b/") ? String(path.dropFirst(2)) : path) }
            } else if line.hasPrefix("@@ "), let plus = line.firstIndex(of: "+") {
                let spec = line[line.index(after: plus)...].prefix { $0 != " " }
                let parts = spec.split(separator: ",")
                guard let start = Int(parts[0]) else { continue }
                let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                if count > 0 { current?.changedLines.append(start...(start + count - 1)) }
            }
        }
        finish()
        return changes
    }

    /// Git quotes paths with unusual characters: "a\tb.md" → a<TAB>b.md, octal escapes for bytes.
    static func unquote(_ path: String) -> String {
        guard path.hasPrefix("\""), path.hasSuffix("\""), path.count >= 2 else { return path }
        var bytes: [UInt8] = []
        let inner = Array(path.utf8.dropFirst().dropLast())
        var index = 0
        while index < inner.count {
            if inner[index] == UInt8(ascii: "\\"), index + 1 < inner.count {
                let next = inner[index + 1]
                if next >= UInt8(ascii: "0"), next <= UInt8(ascii: "7"), index + 3 < inner.count {
                    let digits = inner[(index + 1)...(index + 3)].map { Int($0) - 48 }
                    bytes.append(UInt8((digits[0] * 64 + digits[1] * 8 + digits[2]) & 0xFF))
                    index += 4
                    continue
                }
                switch next {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                default: bytes.append(next)
                }
                index += 2
                continue
            }
            bytes.append(inner[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
