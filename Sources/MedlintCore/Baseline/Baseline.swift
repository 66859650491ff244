import Foundation

/// Recorded findings of legacy content, so a team can adopt medlint by blocking only new problems.
/// Entries match by fingerprint (rule, normalised sentence, occurrence index; no line numbers), so
/// edits elsewhere in a file, lines inserted above, and renames keep old findings silent.
public struct Baseline: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var path: String
        public var ruleId: String
        public var fingerprint: String
        /// For people reading the file; not used for matching.
        public var line: Int
        public var message: String
    }

    public var version: Int
    public var entries: [Entry]

    public init(entries: [Entry]) {
        version = 1
        self.entries = entries.sorted { ($0.path, $0.line, $0.ruleId, $0.fingerprint) < ($1.path, $1.line, $1.ruleId, $1.fingerprint) }
    }

    /// A baseline of every unsuppressed finding in a report.
    public init(report: CheckReport) {
        var entries: [Entry] = []
        for file in report.files {
            for (diagnostic, fingerprint) in zip(file.diagnostics, file.fingerprints) where diagnostic.suppression == nil {
                entries.append(Entry(path: file.projectPath, ruleId: diagnostic.ruleID, fingerprint: fingerprint,
                                     line: file.start(of: diagnostic).line, message: diagnostic.message))
            }
        }
        self.init(entries: entries)
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func load(path: String) throws(ConfigurationError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, message: "cannot read the baseline file")
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else { throw ConfigurationError(file: path, message: "unsupported baseline version \(baseline.version)") }
            return baseline
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: path, message: "not a medlint baseline: \(error.localizedDescription)")
        }
    }
}
