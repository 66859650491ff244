/// One finding: which rule, how serious, what is wrong, and exactly where (byte offsets into the
/// file; the document's `LineIndex` gives lines and columns in any unit a format needs).
public struct Diagnostic: Sendable, Equatable {
    public var ruleID: String
    public var level: Severity
    public var message: String
    /// Byte range in the file.
    public var range: Range<Int>
    /// The flagged words as the reader sees them (markup removed).
    public var matchedText: String
    /// The sentence that holds them (for fingerprints and the text output).
    public var sentence: String
    public var suggestion: String?
    /// Findings about the whole document (missing disclaimer), rather than about the flagged words.
    public var isDocumentLevel: Bool
    /// Set when an in-source directive suppresses the finding: the reason given.
    public var suppression: Suppression?
    /// Set when the run compared against a baseline.
    public var baselineState: BaselineState?

    public init(
        ruleID: String, level: Severity, message: String, range: Range<Int>, matchedText: String, sentence: String,
        suggestion: String?, isDocumentLevel: Bool = false, suppression: Suppression? = nil
    ) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.range = range
        self.matchedText = matchedText
        self.sentence = sentence
        self.suggestion = suggestion
        self.isDocumentLevel = isDocumentLevel
        self.suppression = suppression
    }
}

/// An accepted in-source suppression of a finding, with its reason.
public struct Suppression: Sendable, Equatable {
    public let justification: String
    public init(justification: String) { self.justification = justification }
}

/// Whether a finding was already recorded in the baseline the run compared against.
public enum BaselineState: String, Sendable, Equatable {
    case new
    case unchanged
}
