import MedlintCore

/// Writes findings as a GitLab Code Quality report (`artifacts: reports: codequality:`), so GitLab
/// shows them in the merge request widget and the pipeline's Code Quality tab.
///
/// A JSON array (no byte order mark, which GitLab's parser rejects) of objects with
/// `description` (`rule-id: message`), `check_name` (the rule id), `fingerprint`, `severity`
/// (error → `major`, warning → `minor`, note → `info`) and `location` (`path`: the project path;
/// `lines.begin`: the first line; GitLab reads lines only). GitLab shows findings with the same
/// fingerprint as one entry, so each finding's fingerprint is the SHA-256 of its medlint
/// fingerprint and project path: unique per finding, and, like the medlint fingerprint, unchanged
/// when lines are inserted above it. Suppressed findings are left out (the format cannot mark them).
public enum GitLabReporter {
    /// The Code Quality report for `report`, pretty-printed and ending in a newline (`[]` without findings).
    public static func render(_ report: CheckReport) -> String {
        var out: [UInt8] = []
        write(report) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the report `render` returns in chunks of about `chunkSize` bytes, each ending
    /// between two entries, one finding at a time.
    public static func write(_ report: CheckReport, chunkSize: Int = 1 << 20, to emit: ([UInt8]) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            let entries = JSONWriter.Elements(produce: { element in
                // The fingerprints given so far, as 32 bytes each rather than 64 hex digits.
                var seen = Set<[UInt8]>()
                ReportedFinding.forEach(in: report) { finding in
                    guard !finding.isSuppressed else { return }
                    let diagnostic = finding.diagnostic
                    let base = finding.fingerprint + "\u{0}" + finding.file.projectPath
                    var digest = sha256(Array(base.utf8))
                    // Cannot happen for distinct findings; kept so the widget can never merge two of them.
                    var attempt = 1
                    while !seen.insert(digest).inserted {
                        digest = sha256(Array((base + "\u{0}\(attempt)").utf8))
                        attempt += 1
                    }
                    element(.object([
                        ("description", .string(diagnostic.ruleID + ": " + diagnostic.message)),
                        ("check_name", .string(diagnostic.ruleID)),
                        ("fingerprint", .string(hex(digest))),
                        ("severity", .string(severity(diagnostic.level))),
                        ("location", .object([
                            ("path", .string(finding.file.projectPath)),
                            ("lines", .object([("begin", .int(finding.regionStart.line))])),
                        ])),
                    ]))
                }
            }, written: { out in
                if out.count >= chunkSize {
                    emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            })
            var out: [UInt8] = []
            JSONWriter.append(.elements(entries), style: .pretty, depth: 0, to: &out)
            out.append(0x0A)
            emit(out)
        }
    }

    // MARK: - Internal (tested against FIPS 180-4 vectors)

    /// The SHA-256 digest of `message` as 64 lower-case hex digits (FIPS 180-4).
    static func sha256Hex(_ message: [UInt8]) -> String { hex(sha256(message)) }

    /// `bytes` as lower-case hex digits.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SHA-256 digest of `message`, 32 bytes (FIPS 180-4).
    static func sha256(_ message: [UInt8]) -> [UInt8] {
        var hash: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var schedule = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for index in 0..<16 {
                let at = chunk + 4 * index
                schedule[index] = UInt32(data[at]) << 24 | UInt32(data[at + 1]) << 16 | UInt32(data[at + 2]) << 8 | UInt32(data[at + 3])
            }
            for index in 16..<64 {
                let s0 = rotr(schedule[index - 15], 7) ^ rotr(schedule[index - 15], 18) ^ (schedule[index - 15] >> 3)
                let s1 = rotr(schedule[index - 2], 17) ^ rotr(schedule[index - 2], 19) ^ (schedule[index - 2] >> 10)
                schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7])
            for index in 0..<64 {
                let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = h &+ sum1 &+ choice &+ roundConstants[index] &+ schedule[index]
                let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ sum0 &+ majority)
            }
            for (index, value) in [a, b, c, d, e, f, g, h].enumerated() { hash[index] &+= value }
        }
        return hash.flatMap { word in [UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF)] }
    }

    // MARK: - Private

    private static func severity(_ level: Severity) -> String {
        switch level {
        case .error: return "major"
        case .warning: return "minor"
        case .note: return "info"
        }
    }

    private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 { value >> count | value << (32 - count) }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
