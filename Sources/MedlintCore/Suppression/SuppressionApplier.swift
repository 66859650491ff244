import MedlintMarkdown

/// Applies in-source suppression directives to a file's diagnostics, and reports directives that
/// lack a reason, name an unknown rule, or suppress nothing: an audit trail, not a blind spot.
public struct SuppressionApplier {
    public let knownRuleIDs: Set<String>
    public let requireReason: Bool

    public init(knownRuleIDs: Set<String>, requireReason: Bool) {
        self.knownRuleIDs = knownRuleIDs
        self.requireReason = requireReason
    }

    private struct Scope {
        let directive: SuppressionDirective
        /// Lines (1-based, inclusive) the directive covers.
        let lines: ClosedRange<Int>
        var used = false
    }

    /// Marks suppressed diagnostics (setting `suppression`) and appends directive findings.
    public func apply(_ diagnostics: [Diagnostic], document: Document) -> [Diagnostic] {
        let directives = document.comments.compactMap { SuppressionDirective.parse($0.body, range: $0.sourceRange) }
        guard !directives.isEmpty else { return diagnostics }
        let lineIndex = document.lineIndex
        let lastLine = lineIndex.lineCount
        var scopes: [Scope] = []
        var findings: [Diagnostic] = []
        var openBlocks: [(directive: SuppressionDirective, startLine: Int)] = []

        for directive in directives {
            let startLine = lineIndex.location(of: directive.range.lowerBound).line
            let endLine = lineIndex.location(of: max(directive.range.lowerBound, directive.range.upperBound - 1)).line
            for id in directive.ruleIDs where !knownRuleIDs.contains(id) {
                let hint = Suggestion.closest(to: id, among: Array(knownRuleIDs)).map { " (did you mean '\($0)'?)" } ?? ""
                findings.append(finding(BuiltinChecks.unknownRuleInSuppression, "Suppression names unknown rule '\(id)'\(hint).", directive))
            }
            let hasReason = directive.reason != nil
            if directive.kind != .enable, !hasReason, requireReason {
                findings.append(finding(BuiltinChecks.suppressionWithoutReason,
                                        "This suppression gives no reason after '--', so it is not applied.", directive))
                continue
            }
            switch directive.kind {
            case .disableNextLine:
                let next = min(endLine + 1, lastLine)
                scopes.append(Scope(directive: directive, lines: next...next))
            case .disableLine:
                scopes.append(Scope(directive: directive, lines: startLine...endLine))
            case .disableFile:
                scopes.append(Scope(directive: directive, lines: 1...max(1, lastLine)))
            case .disable:
                openBlocks.append((directive, endLine))
            case .enable:
                var remaining: [(directive: SuppressionDirective, startLine: Int)] = []
                for block in openBlocks {
                    let closes = directive.ruleIDs.isEmpty || block.directive.ruleIDs.isEmpty
                        || !Set(block.directive.ruleIDs).isDisjoint(with: directive.ruleIDs)
                    if closes {
                        scopes.append(Scope(directive: block.directive, lines: block.startLine...max(block.startLine, startLine)))
                    } else {
                        remaining.append(block)
                    }
                }
                openBlocks = remaining
            }
        }
        for block in openBlocks {
            scopes.append(Scope(directive: block.directive, lines: block.startLine...max(block.startLine, lastLine)))
        }

        var result = diagnostics
        for index in result.indices {
            let diagnostic = result[index]
            guard !BuiltinChecks.all.contains(where: { $0.id == diagnostic.ruleID }) || diagnostic.ruleID == BuiltinChecks.ruleError.id else { continue }
            let line = lineIndex.location(of: diagnostic.range.lowerBound).line
            for scopeIndex in scopes.indices {
                let scope = scopes[scopeIndex]
                let ruleMatches = scope.directive.ruleIDs.isEmpty || scope.directive.ruleIDs.contains(diagnostic.ruleID)
                let lineMatches = scope.directive.kind == .disableFile || scope.lines.contains(line)
                if ruleMatches, lineMatches {
                    result[index].suppression = Suppression(justification: scope.directive.reason ?? "")
                    scopes[scopeIndex].used = true
                    break
                }
            }
        }
        for scope in scopes where !scope.used {
            let known = scope.directive.ruleIDs.filter { knownRuleIDs.contains($0) }
            if !scope.directive.ruleIDs.isEmpty && known.isEmpty { continue }  // already reported as unknown
            findings.append(finding(BuiltinChecks.unusedSuppression, "This suppression does not suppress any finding; remove it.", scope.directive))
        }
        return (result + findings).sorted(by: Linter.order)
    }

    private func finding(_ check: RuleDescriptor, _ message: String, _ directive: SuppressionDirective) -> Diagnostic {
        Diagnostic(ruleID: check.id, level: check.level, message: message, range: directive.range, matchedText: "",
                   sentence: "", suggestion: check.suggestion, isDocumentLevel: false)
    }
}
