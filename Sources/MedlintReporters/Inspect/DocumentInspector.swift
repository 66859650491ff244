import MedlintMarkdown

/// Renders what rules see in a document: each segment with its kind, containers, range and text.
/// It is how rule authors find out why a pattern does or does not match.
public enum DocumentInspector {
    public static func render(_ document: Document, path: String) -> String {
        var out = "\(path): \(document.segments.count) segments\n"
        for segment in document.segments {
            let range = segment.sourceRange(ofText: 0..<segment.text.count)
            let start = document.lineIndex.location(of: range.lowerBound)
            let end = document.lineIndex.location(of: range.upperBound)
            var kind = segment.kind.rawValue
            if let level = segment.headingLevel { kind += " h\(level)" }
            if let key = segment.frontMatterKey { kind += " \(key)" }
            let containers = segment.containers.map(\.scopeName)
            if !containers.isEmpty { kind += " in " + containers.joined(separator: ">") }
            out += "\(start.line):\(start.utf16Column)-\(end.line):\(end.utf16Column) \(kind): \(TerminalText.escaped(segment.string))\n"
            for link in segment.links {
                let text = String(decoding: segment.text[link.textRange], as: UTF8.self)
                out += "    \(link.isBareURL ? "url" : "link") \(TerminalText.escaped(link.destination))" + (link.isBareURL ? "\n" : " text \"\(TerminalText.escaped(text))\"\n")
            }
            for reference in segment.footnoteReferences {
                out += "    footnote [^\(TerminalText.escaped(reference.label))]\(document.footnoteDefinitions.contains(reference.label) ? "" : " (undefined)")\n"
            }
        }
        for comment in document.comments {
            let start = document.lineIndex.location(of: comment.sourceRange.lowerBound)
            out += "\(start.line):\(start.utf16Column) comment: \(TerminalText.escaped(comment.body))\n"
        }
        return out
    }
}
