import MedlintMarkdown

/// Finds `phrase` in the prose of a parsed document and reports where it sits in the source,
/// as (line, UTF-16 column) pairs with an exclusive end, the way people and SARIF see it.
struct FoundPhrase: Equatable, CustomStringConvertible {
    let startLine: Int
    let startColumn: Int
    let endLine: Int
    let endColumn: Int
    let kind: SegmentKind

    var description: String { "\(startLine):\(startColumn)-\(endLine):\(endColumn) \(kind.rawValue)" }
}

func locate(_ phrase: String, in markdown: String) -> FoundPhrase? {
    locate(phrase, in: Document(markdown: markdown))
}

func locate(_ phrase: String, in document: Document) -> FoundPhrase? {
    let needle = Array(phrase.utf8)
    for segment in document.segments {
        let text = segment.text
        guard text.count >= needle.count else { continue }
        for start in 0...(text.count - needle.count) where text[start..<(start + needle.count)].elementsEqual(needle) {
            let range = segment.sourceRange(ofText: start..<(start + needle.count))
            let from = document.lineIndex.location(of: range.lowerBound)
            let to = document.lineIndex.location(of: range.upperBound)
            return FoundPhrase(startLine: from.line, startColumn: from.utf16Column, endLine: to.line, endColumn: to.utf16Column, kind: segment.kind)
        }
    }
    return nil
}

func allProse(_ markdown: String) -> String {
    Document(markdown: markdown).segments.map(\.string).joined(separator: "\n")
}
