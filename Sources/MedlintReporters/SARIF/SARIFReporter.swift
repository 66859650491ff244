import MedlintCore

/// Writes a check report as a SARIF 2.1.0 log that GitHub code scanning accepts, for upload with
/// `github/codeql-action/upload-sarif` and for any other SARIF viewer.
///
/// The log has one run. `tool.driver` lists every active rule with its title, rationale,
/// references, suggested rewrite, tags and precision. Each result has one location: the
/// percent-encoded project path relative to `%SRCROOT%` (no absolute path appears anywhere) and a
/// region in UTF-16 columns, end exclusive (`columnKind: "utf16CodeUnits"`). Results are sorted by
/// path, line, column and rule, carry `partialFingerprints["medlint/v1"]`, and the output is
/// byte-identical from run to run. GitHub rejects runs with more than 25,000 results, so larger
/// reports are cut deterministically, keeping higher levels; `truncationWarning(_:)` says what was left out.
///
/// Left out on purpose: `primaryLocationLineHash` (`upload-sarif` computes it), `security-severity`
/// and a `security` tag (these are compliance findings, not vulnerabilities; GitHub would treat them
/// as security alerts), and `automationDetails` unless a category is given (`--sarif-category`):
/// the upload's `category` input sets it otherwise, and an id in the file takes precedence over it.
public enum SARIFReporter {
    /// The most results GitHub code scanning accepts in one run.
    public static let maxResults = 25_000
    public static let informationURI = "https://github.com/medlint/medlint"
    /// The schema the log declares and is tested against (OASIS SARIF 2.1.0, errata 01).
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key holding medlint's own finding identity.
    public static let fingerprintKey = "medlint/v1"

    /// The SARIF log for `report`, pretty-printed and ending in a newline.
    ///
    /// - Parameters:
    ///   - baselineState: when given, its answer for a diagnostic (`new`, `unchanged`,
    ///     `updated` or `absent`; anything else is ignored) becomes the result's `baselineState`.
    ///     When the report was compared with a baseline (`staleBaselineEntries != nil`), results
    ///     without an answer are `new`: baseline-matched findings were already removed.
    ///   - category: when given, the run's `automationDetails.id` is `automationID(category:)`, so
    ///     GitHub code scanning keeps this upload apart from other medlint uploads in the repository.
    public static func render(_ report: CheckReport, baselineState: ((Diagnostic) -> String?)? = nil, category: String? = nil) -> String {
        render(report, baselineState: baselineState, resultLimit: maxResults, category: category)
    }

    /// `automationDetails.id` for a code scanning category: GitHub reads the id as
    /// `category/run-id`, so the category is followed by a `/` (added when missing) and no run id.
    public static func automationID(category: String) -> String {
        category.hasSuffix("/") ? category : category + "/"
    }

    /// A line for the CLI to print on standard error when `render` leaves findings out, else nil.
    public static func truncationWarning(_ report: CheckReport) -> String? {
        truncationWarning(report, resultLimit: maxResults)
    }

    // MARK: - Internal (tests lower the limit)

    static func render(_ report: CheckReport, baselineState: ((Diagnostic) -> String?)?, resultLimit: Int, category: String? = nil) -> String {
        var out: [UInt8] = []
        write(report, baselineState: baselineState, resultLimit: resultLimit, category: category) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the log `render` returns in chunks of about `chunkSize` bytes, each ending between
    /// two results (so each is valid UTF-8): results are made one at a time while they are
    /// written, never all held at once.
    static func write(_ report: CheckReport, baselineState: ((Diagnostic) -> String?)?, resultLimit: Int = maxResults,
                      category: String? = nil, chunkSize: Int = 1 << 20, to emit: ([UInt8]) -> Void) {
        var rules: [RuleDescriptor] = []
        var ruleIndex: [String: Int] = [:]
        for rule in report.rules where ruleIndex[rule.id] == nil {
            ruleIndex[rule.id] = rules.count
            rules.append(rule)
        }
        let usesBaseline = report.staleBaselineEntries != nil
        let quota = keptPerLevel(report, limit: resultLimit)
        let hasLoneCR = report.files.summaries.contains { $0.diagnosticCount > 0 && $0.hasLoneCR }
        withoutActuallyEscaping(emit) { emit in
            let results = JSONWriter.Elements(produce: { element in
                var taken: [Severity: Int] = [:]
                ReportedFinding.forEach(in: report) { finding in
                    // The first `quota[level]` findings of each level in this order are the ones kept.
                    guard taken[finding.level, default: 0] < quota[finding.level, default: 0] else { return }
                    taken[finding.level, default: 0] += 1
                    var state = baselineState?(finding.diagnostic)
                    if let given = state, !baselineStates.contains(given) { state = nil }
                    if state == nil, usesBaseline { state = "new" }
                    element(result(finding, ruleIndex: ruleIndex[finding.diagnostic.ruleID], baselineState: state))
                }
            }, written: { out in
                if out.count >= chunkSize {
                    emit(out)
                    out.removeAll(keepingCapacity: true)
                }
            })

            let driver: JSONWriter.Value = .object([
                ("name", "medlint"),
                ("version", report.toolVersion.isEmpty ? nil : .string(report.toolVersion)),
                ("semanticVersion", isSemanticVersion(report.toolVersion) ? .string(report.toolVersion) : nil),
                ("informationUri", .string(informationURI)),
                ("rules", .array(rules.map(descriptor))),
            ])
            let run: JSONWriter.Value = .object([
                ("tool", .object([("driver", driver)])),
                ("automationDetails", category.map { .object([("id", .string(automationID(category: $0)))]) }),
                ("originalUriBaseIds", .object([
                    ("%SRCROOT%", .object([("description", .object([("text", "The root of the project that was checked.")]))])),
                ])),
                ("newlineSequences", hasLoneCR ? ["\r\n", "\n", "\r"] : nil),
                ("columnKind", "utf16CodeUnits"),
                ("results", .elements(results)),
                ("properties", .object([
                    ("rulePackVersion", report.packVersion.isEmpty ? nil : .string(report.packVersion)),
                    ("filesChecked", .int(report.filesChecked)),
                    ("staleBaselineEntries", report.staleBaselineEntries.map(JSONWriter.Value.int)),
                ])),
            ])
            let log: JSONWriter.Value = .object([
                ("$schema", .string(schemaURI)),
                ("version", "2.1.0"),
                ("runs", [run]),
            ])
            var out: [UInt8] = []
            out.reserveCapacity(chunkSize + 4096)
            JSONWriter.append(log, style: .pretty, depth: 0, to: &out)
            out.append(0x0A)
            emit(out)
        }
    }

    static func truncationWarning(_ report: CheckReport, resultLimit: Int) -> String? {
        let total = report.files.diagnosticCount
        guard total > resultLimit else { return nil }
        let quota = keptPerLevel(report, limit: resultLimit)
        let parts = Severity.allCases.reversed().compactMap { level -> String? in
            let count = report.count(level) - quota[level, default: 0]
            return count == 0 ? nil : "\(count) \(level.rawValue)\(count == 1 ? "" : "s")"
        }
        return "the SARIF log holds \(resultLimit) of \(total) findings, the most GitHub code scanning "
            + "accepts in one run; left out: \(parts.joined(separator: ", ")) (lowest levels first). "
            + "Use --format json or text to see every finding."
    }

    /// `PascalCase` for a kebab-case rule id: `disease-cure-claim` → `DiseaseCureClaim`.
    static func pascalCase(_ id: String) -> String {
        var out = ""
        var upperNext = true
        for character in id {
            if character.isLetter || character.isNumber {
                out += upperNext ? character.uppercased() : String(character)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return limited(out.isEmpty ? "Rule" : out, to: 255)
    }

    /// `path` as a relative URI reference: every byte except RFC 3986 unreserved characters and `/`
    /// percent-encoded (upper-case hex); a leading `./` is dropped.
    static func uriReference(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var out = ""
        for byte in trimmed.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    // MARK: - Private

    private static let baselineStates: Set<String> = ["new", "unchanged", "updated", "absent"]
    private static let precisions: Set<String> = ["very-high", "high", "medium", "low"]

    /// How many findings of each level fit in `limit` when higher levels go first (suppressed
    /// findings count like the others): the first that many of each level, in the findings'
    /// order, are the results.
    private static func keptPerLevel(_ report: CheckReport, limit: Int) -> [Severity: Int] {
        var left = limit
        var quota: [Severity: Int] = [:]
        for level in Severity.allCases.reversed() {
            let kept = min(report.count(level), max(0, left))
            quota[level] = kept
            left -= kept
        }
        return quota
    }

    private static func descriptor(_ rule: RuleDescriptor) -> JSONWriter.Value {
        let title = rule.title.isEmpty ? rule.id : rule.title
        let rationale = rule.rationale.isEmpty ? title : rule.rationale
        let tags = ruleTags(rule)
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(pascalCase(rule.id))),
            ("shortDescription", .object([("text", .string(limited(title, to: 1024)))])),
            ("fullDescription", .object([("text", .string(limited(rationale, to: 1024)))])),
            ("defaultConfiguration", .object([("level", .string(rule.level.rawValue))])),
            ("help", .object([("text", .string(helpText(rule, rationale: rationale))), ("markdown", .string(helpMarkdown(rule, rationale: rationale)))])),
            ("helpUri", rule.helpURI.map(JSONWriter.Value.string)),
            ("properties", .object([
                ("tags", .array(tags.map(JSONWriter.Value.string))),
                ("precision", precisions.contains(rule.precision) ? .string(rule.precision) : nil),
                ("problem.severity", .string(problemSeverity(rule.level))),
            ])),
        ])
    }

    /// `medical-advertising`, the category, then the rule's own tags: no duplicates, no `security`
    /// (GitHub would file the findings as security alerts), at most 10 (GitHub keeps 10).
    private static func ruleTags(_ rule: RuleDescriptor) -> [String] {
        var tags: [String] = []
        for tag in ["medical-advertising", rule.category] + rule.tags
        where !tag.isEmpty && tag.lowercased() != "security" && !tags.contains(tag) {
            tags.append(tag)
        }
        return Array(tags.prefix(10))
    }

    private static func helpText(_ rule: RuleDescriptor, rationale: String) -> String {
        var parts = [rationale]
        if !rule.references.isEmpty {
            parts.append("References:\n" + rule.references.map { reference in
                var line = "- " + reference.title
                if !reference.section.isEmpty { line += ", " + reference.section }
                if !reference.url.isEmpty { line += ": " + reference.url }
                return line
            }.joined(separator: "\n"))
        }
        if !rule.suggestion.isEmpty { parts.append("Suggested rewrite: " + rule.suggestion) }
        return parts.joined(separator: "\n\n")
    }

    private static func helpMarkdown(_ rule: RuleDescriptor, rationale: String) -> String {
        var parts = [MarkdownText.escaped(rationale)]
        if !rule.references.isEmpty {
            parts.append("**References**")
            parts.append(rule.references.map { reference in
                let title = MarkdownText.inline(reference.title.isEmpty ? reference.url : reference.title)
                var line = reference.url.isEmpty ? "- " + title : "- [\(title)](\(MarkdownText.linkDestination(reference.url)))"
                if !reference.section.isEmpty { line += ", " + MarkdownText.inline(reference.section) }
                return line
            }.joined(separator: "\n"))
        }
        if !rule.suggestion.isEmpty { parts.append("**Suggested rewrite:** " + MarkdownText.escaped(rule.suggestion)) }
        return parts.joined(separator: "\n\n")
    }

    private static func problemSeverity(_ level: Severity) -> String {
        switch level {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "recommendation"
        }
    }

    private static func result(_ finding: ReportedFinding, ruleIndex: Int?, baselineState: String?) -> JSONWriter.Value {
        let diagnostic = finding.diagnostic
        let message = diagnostic.message.isEmpty ? diagnostic.ruleID : diagnostic.message
        let region: JSONWriter.Value = .object([
            ("startLine", .int(finding.regionStart.line)),
            ("startColumn", .int(finding.regionStart.utf16Column)),
            ("endLine", .int(finding.regionEnd.line)),
            ("endColumn", .int(finding.regionEnd.utf16Column)),
            ("snippet", finding.regionText.map { .object([("text", .string($0))]) }),
        ])
        let suppressions: JSONWriter.Value? = diagnostic.suppression.map { suppression in
            [.object([
                ("kind", "inSource"),
                ("status", "accepted"),
                ("justification", suppression.justification.isEmpty ? nil : .string(suppression.justification)),
            ])]
        }
        return .object([
            ("ruleId", .string(diagnostic.ruleID)),
            ("ruleIndex", ruleIndex.map(JSONWriter.Value.int)),
            ("level", .string(diagnostic.level.rawValue)),
            ("message", .object([("text", .string(escapingBrackets(message)))])),
            ("locations", [.object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([
                        ("uri", .string(uriReference(finding.file.projectPath))),
                        ("uriBaseId", "%SRCROOT%"),
                    ])),
                    ("region", region),
                ])),
            ])]),
            ("partialFingerprints", .object([(fingerprintKey, .string(finding.fingerprint))])),
            ("baselineState", baselineState.map(JSONWriter.Value.string)),
            ("suppressions", suppressions),
        ])
    }

    /// SARIF §3.11.6: literal `[` and `]` in a plain-text message are escaped so quoted Markdown
    /// link text cannot read as an embedded link.
    private static func escapingBrackets(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "[" || scalar == "]" { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `text` cut to at most `limit` UTF-16 units (GitHub's unit for its length limits) on a
    /// character boundary, ending in `…` when cut. (The GitHub reporter uses it for messages too.)
    static func limited(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        var length = 0
        for character in text {
            let size = character.utf16.count
            if length + size > limit - 1 { break }
            out.append(character)
            length += size
        }
        return out + "…"
    }

    /// SemVer 2.0.0: `MAJOR.MINOR.PATCH`, optional `-prerelease` and `+build`.
    private static func isSemanticVersion(_ version: String) -> Bool {
        let number = "(?:0|[1-9][0-9]*)"
        let identifier = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
        let pattern = "\(number)\\.\(number)\\.\(number)(?:-\(identifier)(?:\\.\(identifier))*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?"
        guard let regex = try? Regex(pattern) else { return false }
        return version.wholeMatch(of: regex) != nil
    }
}
