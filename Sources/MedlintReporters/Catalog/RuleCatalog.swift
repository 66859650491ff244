import MedlintCore

/// What `medlint rules` and `medlint explain` print: the rule list, and one rule in full.
public enum RuleCatalog {
    public static func list(_ rules: [RuleDescriptor]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 10
        let categoryWidth = rules.map(\.category.count).max() ?? 10
        var out = ""
        for rule in rules {
            out += rule.id.padding(idWidth) + "  " + rule.level.rawValue.padding(7) + "  " + rule.category.padding(categoryWidth) + "  " + rule.title + "\n"
        }
        out += "\(rules.count) rules\n"
        return out
    }

    public static func explain(_ rule: Rule) -> String {
        var out = explain(rule.descriptor)
        if !rule.examples.flag.isEmpty {
            out += "\nFlagged, for example:\n"
            for example in rule.examples.flag.prefix(5) { out += "  - " + example.text.replacingNewlines() + "\n" }
        }
        if !rule.examples.pass.isEmpty {
            out += "\nNot flagged, for example:\n"
            for example in rule.examples.pass.prefix(4) { out += "  - " + example.text.replacingNewlines() + "\n" }
        }
        return out
    }

    public static func explain(_ descriptor: RuleDescriptor) -> String {
        var out = "\(descriptor.id) (\(descriptor.level.rawValue), \(descriptor.category))\n\(descriptor.title)\n\n"
        out += "Why it matters:\n  \(descriptor.rationale)\n"
        if !descriptor.references.isEmpty {
            out += "\nReferences:\n"
            for reference in descriptor.references {
                out += "  - \(reference.title)" + (reference.section.isEmpty ? "" : ", \(reference.section)") + (reference.url.isEmpty ? "" : " <\(reference.url)>") + "\n"
            }
        }
        if !descriptor.suggestion.isEmpty { out += "\nInstead, write something like:\n  \(descriptor.suggestion)\n" }
        return out
    }
}

private extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func replacingNewlines() -> String {
        let lines = split(separator: "\n", omittingEmptySubsequences: true)
        return lines.count <= 1 ? self.trimmed : lines.joined(separator: " / ")
    }
    var trimmed: String { String(self.drop(while: { $0 == " " })) }
}
