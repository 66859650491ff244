import MedlintMarkdown

/// The tool's own checks: problems with an input file or a rule, and with suppression directives.
/// They are findings like any other, so every output format carries them and `--fail-on` decides.
public enum BuiltinChecks {
    private static func check(_ id: String, _ level: Severity, _ title: String, _ message: String, _ rationale: String, _ suggestion: String) -> RuleDescriptor {
        RuleDescriptor(
            id: id, title: title, level: level, category: "medlint", message: message, rationale: rationale,
            references: [RuleReference(title: "medlint documentation", url: "", section: id)], suggestion: suggestion,
            tags: ["medlint"], precision: "very-high", origin: "medlint"
        )
    }

    public static let unreadableFile = check("unreadable-file", .error, "File could not be read",
        "The file could not be read.", "medlint could not open or read this file, so nothing in it was checked.",
        "Check the file's permissions and that it still exists.")
    public static let binaryFile = check("binary-file", .note, "Binary file skipped",
        "The file looks binary (it holds a NUL byte in its first 8 KB) and was skipped.",
        "A Markdown file should be text; a binary file named .md is usually a mistake.", "Rename or remove the file, or exclude it in .medlint.yml.")
    public static let invalidEncoding = check("invalid-encoding", .warning, "File is not valid UTF-8",
        "The file is not valid UTF-8; invalid bytes were replaced and the rest was checked.",
        "Invalid bytes show up as garbage on the web page and can hide words from medlint.", "Save the file as UTF-8.")
    public static let fileTooLarge = check("file-too-large", .note, "File too large, skipped",
        "The file is larger than max_file_bytes and was skipped.",
        "Very large files are usually generated or exported data, not pages people write.", "Raise the limit with --max-file-bytes or max_file_bytes in .medlint.yml, or exclude the file.")
    public static let ruleError = check("rule-error", .warning, "A rule failed on this file",
        "A rule could not finish on this file.",
        "A pattern hit PCRE2's matching limit (it backtracks too much on this text), so the rule was skipped for this file; the rest of the run went on.",
        "Simplify the rule's pattern: avoid nested repetition such as (a+)+ and use bounded gaps.")
    public static let markdownSimplified = check("markdown-simplified", .note, "Markdown read as plain text",
        "Part of the file was read as plain text, because cmark-gfm would take too long to parse it.",
        "cmark-gfm 0.29 parses some constructs in quadratic time or memory (huge tables, thousands of '![' or '<?' in one paragraph); medlint reads them as plain text so the run finishes, and the words there are still checked. Links, images, emphasis and table cells in that part may be read as plain text.",
        "Split the table or paragraph, or exclude the file if it is generated.")
    public static let suppressionWithoutReason = check("suppression-without-reason", .note, "Suppression without a reason",
        "This medlint suppression gives no reason.",
        "A suppression is an audit trail: a reviewer needs to know who accepted the wording and why.",
        "Add a reason after '--', e.g. <!-- medlint-disable-next-line painless-claim -- reviewed by legal 2026-11-02 -->.")
    public static let unknownRuleInSuppression = check("unknown-rule-in-suppression", .note, "Suppression names an unknown rule",
        "This medlint suppression names a rule that does not exist.",
        "A misspelt rule id suppresses nothing, so the finding it was meant for still shows (or a later one is hidden by mistake).",
        "Use an id from `medlint rules`.")
    public static let unusedSuppression = check("unused-suppression", .note, "Suppression suppresses nothing",
        "This medlint suppression does not suppress any finding.",
        "Stale suppressions hide future problems and confuse reviewers.", "Remove the directive.")

    public static let all: [RuleDescriptor] = [
        unreadableFile, binaryFile, invalidEncoding, fileTooLarge, ruleError, markdownSimplified,
        suppressionWithoutReason, unknownRuleInSuppression, unusedSuppression,
    ]
}

extension BuiltinChecks {
    /// Checks about an input file rather than its content; each also prints one line on stderr.
    public static let inputProblemIDs: Set<String> = [unreadableFile.id, binaryFile.id, invalidEncoding.id, fileTooLarge.id, ruleError.id, markdownSimplified.id]
}

extension BuiltinChecks {
    /// One `markdown-simplified` note per kind of construct the parser read as plain text.
    public static func simplificationNotes(_ document: Document) -> [Diagnostic] {
        document.simplifications.map { simplification in
            let first = document.lineIndex.location(of: simplification.range.lowerBound).line
            let last = document.lineIndex.location(of: max(simplification.range.lowerBound, simplification.range.upperBound - 1)).line
            let lines = first == last ? "line \(first)" : "lines \(first)-\(last)"
            let many = simplification.places > 1
            let what: String
            switch simplification.kind {
            case .table:
                what = many ? "\(simplification.places) tables (\(lines), \(simplification.count) cells) were"
                            : "A table (\(lines), \(simplification.count) cells) was"
            case .imageOpeners:
                what = (many ? "\(simplification.places) paragraphs" : "A paragraph")
                    + " with \(simplification.count) image openers '![' (\(lines)) had them"
            case .htmlDeclarations:
                what = (many ? "\(simplification.places) paragraphs" : "A paragraph")
                    + " with \(simplification.count) unclosed '<?', '<!' or '<![CDATA[' (\(lines)) had them"
            }
            let message = what + " read as plain text, because cmark-gfm would take too long to parse "
                + (simplification.kind == .table ? (many ? "them" : "it") : "them")
                + "; links and emphasis there may be read as plain text."
            let start = simplification.range.lowerBound
            return Diagnostic(ruleID: markdownSimplified.id, level: markdownSimplified.level, message: message,
                              range: start..<start, matchedText: "", sentence: "", suggestion: markdownSimplified.suggestion)
        }
    }
}
