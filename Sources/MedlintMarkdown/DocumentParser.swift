/// Builds a `Document` from Markdown bytes: blanks front matter, parses with cmark-gfm, and walks
/// the tree collecting prose segments with exact source maps.
struct DocumentParser {
    let bytes: [UInt8]
    let options: ParseOptions

    private struct Leaf {
        var builder: SegmentBuilder
        var kind: SegmentKind
        var containers: [Container]
        var headingLevel: Int?
        var blockRange: Range<Int>
    }

    func parse() -> Document {
        let lineIndex = LineIndex(bytes)
        // cmark replaces NUL with U+FFFD; a one-byte stand-in keeps literals aligned with the source.
        var source = bytes
        for index in source.indices where source[index] == 0 { source[index] = 0x1A }
        var segments: [Segment] = []
        var comments: [HTMLComment] = []
        var footnoteDefinitions: Set<String> = []
        var frontMatterRange: Range<Int>?
        var simplifications: [PathologicalInputGuard.Simplification] = []

        source.withUnsafeBufferPointer { buffer in
            var parseBuffer = Array(buffer[lineIndex.bomLength...])
            let fields = Set(options.frontMatterFields.map { $0.lowercased() })
            if let frontMatter = FrontMatterScanner(source: buffer, lineIndex: lineIndex, fields: fields).scan() {
                frontMatterRange = frontMatter.range
                for offset in frontMatter.range where buffer[offset] != 0x0A && buffer[offset] != 0x0D {
                    parseBuffer[offset - lineIndex.bomLength] = 0x20
                }
                for field in frontMatter.fields {
                    let output = ProseFilter.finish(field.builder)
                    segments.append(Segment(
                        kind: .frontMatter, containers: [], headingLevel: nil, frontMatterKey: field.key,
                        text: output.text, sourceMap: output.map, blockRange: field.blockRange,
                        links: output.links, footnoteReferences: output.footnoteReferences
                    ))
                }
            }
            // Same length again: constructs cmark-gfm parses in quadratic time are neutralised.
            let bom = lineIndex.bomLength
            simplifications = PathologicalInputGuard.neutralise(&parseBuffer).map {
                .init(kind: $0.kind, range: ($0.range.lowerBound + bom)..<($0.range.upperBound + bom), places: $0.places, count: $0.count)
            }
            let tree = parseBuffer.withUnsafeBufferPointer { CmarkTree($0) }
            func walk(_ walked: UnsafeBufferPointer<UInt8>) {
                var walker = TreeWalker(source: walked, lineIndex: lineIndex)
                tree.walk { walker.handle($0) }
                segments += walker.segments
                comments = walker.comments
                footnoteDefinitions = walker.footnoteDefinitions
            }
            if simplifications.isEmpty {
                walk(buffer)
            } else {
                // The walker aligns cmark's literals with the bytes cmark was given.
                (Array(buffer[..<bom]) + parseBuffer).withUnsafeBufferPointer(walk)
            }
        }

        segments = segments.enumerated().sorted {
            ($0.element.blockRange.lowerBound, $0.offset) < ($1.element.blockRange.lowerBound, $1.offset)
        }.map(\.element)
        var lastHeading: Int?
        for index in segments.indices {
            segments[index].headingIndex = lastHeading
            if segments[index].kind == .heading { lastHeading = index }
        }
        comments.sort { $0.sourceRange.lowerBound < $1.sourceRange.lowerBound }
        return Document(
            bytes: bytes, lineIndex: lineIndex, segments: segments, comments: comments,
            footnoteDefinitions: footnoteDefinitions, frontMatterRange: frontMatterRange, simplifications: simplifications
        )
    }

    /// The state of one walk over the cmark tree.
    private struct TreeWalker {
        let source: UnsafeBufferPointer<UInt8>
        let lineIndex: LineIndex
        var segments: [Segment] = []
        var comments: [HTMLComment] = []
        var footnoteDefinitions: Set<String> = []
        var containers: [Container] = []
        var leaf: Leaf?
        var images: [Leaf] = []
        var linkStarts: [Int] = []
        var skippedInlineTag: String?
        var inHeaderRow = false

        init(source: UnsafeBufferPointer<UInt8>, lineIndex: LineIndex) {
            self.source = source
            self.lineIndex = lineIndex
        }

        func range(of node: CmarkNode) -> Range<Int>? {
            guard node.startLine > 0, let start = lineIndex.offset(line: node.startLine, byteColumn: max(1, node.startColumn)) else { return nil }
            let end: Int
            if node.endColumn == 0, node.endLine > 1, node.endLine - 1 <= lineIndex.lineCount {
                // cmark ends setext headings at "column 0" of the line after the underline.
                end = lineIndex.contentRange(ofLine: node.endLine - 1).upperBound - 1
            } else if let offset = lineIndex.offset(line: node.endLine, byteColumn: node.endColumn) {
                end = offset
            } else {
                return nil
            }
            let upper = min(end + 1, source.count)
            return upper >= start ? start..<upper : nil
        }

        mutating func handle(_ event: CmarkTree.Event) {
            switch event {
            case let .enter(node): enter(node)
            case let .exit(node): exit(node)
            }
        }

        private mutating func enter(_ node: CmarkNode) {
            switch node.type {
            case .paragraph, .heading, .tableCell:
                let blockRange = range(of: node) ?? (leaf?.builder.sourceCursor ?? 0)..<(leaf?.builder.sourceCursor ?? 0)
                let kind: SegmentKind = node.type == .paragraph ? .paragraph : node.type == .heading ? .heading : .tableCell
                var context = containers
                if node.type == .tableCell, inHeaderRow, case .table = context.last {
                    context[context.count - 1] = .table(headerRow: true)
                }
                leaf = Leaf(builder: SegmentBuilder(sourceStart: blockRange.lowerBound), kind: kind, containers: context,
                            headingLevel: node.type == .heading ? node.headingLevel : nil, blockRange: blockRange)
                skippedInlineTag = nil
            case .blockQuote:
                containers.append(.blockQuote)
            case .list:
                containers.append(.list(ordered: node.isOrderedList))
            case .table:
                containers.append(.table(headerRow: false))
            case .tableRow:
                inHeaderRow = node.isHeaderRow
            case .footnoteDefinition:
                let label = footnoteDefinitionLabel(node)
                footnoteDefinitions.insert(label)
                containers.append(.footnote(label: label))
            case .htmlBlock:
                addHTMLBlock(node)
            case .text:
                guard skippedInlineTag == nil else { return }
                appendText(node)
            case .code:
                let codeRange = range(of: node) ?? cursor..<cursor
                withCurrentBuilder { $0.appendSeparator(source: codeRange) }
            case .softBreak, .lineBreak:
                let breakRange = lineEnd(from: cursor)
                let byte: UInt8 = node.type == .softBreak ? 0x20 : 0x0A
                withCurrentBuilder { $0.appendSeparator(byte, source: breakRange) }
            case .htmlInline:
                addInlineHTML(node)
            case .link:
                linkStarts.append(currentTextCount)
            case .image:
                let imageRange = range(of: node) ?? cursor..<cursor
                images.append(Leaf(builder: SegmentBuilder(sourceStart: imageRange.lowerBound), kind: .altText,
                                   containers: containers, headingLevel: nil, blockRange: imageRange))
            case .footnoteReference:
                let referenceRange = range(of: node) ?? cursor..<cursor
                let label = String(decoding: node.literal, as: UTF8.self)
                let offset = currentTextCount
                withCurrentBuilder {
                    $0.footnoteReferences.append(FootnoteReference(label: label, textOffset: offset, sourceRange: referenceRange))
                    $0.sourceCursor = max($0.sourceCursor, referenceRange.upperBound)
                }
            default:
                break
            }
        }

        private mutating func exit(_ node: CmarkNode) {
            switch node.type {
            case .paragraph, .heading, .tableCell:
                if let finished = leaf { addSegment(finished) }
                leaf = nil
            case .blockQuote, .list, .table, .footnoteDefinition:
                if !containers.isEmpty { containers.removeLast() }
            case .tableRow:
                inHeaderRow = false
            case .link:
                guard let start = linkStarts.popLast() else { return }
                let linkRange = range(of: node) ?? cursor..<cursor
                let end = currentTextCount
                withCurrentBuilder {
                    $0.links.append(Link(destination: node.url, textRange: min(start, end)..<end, sourceRange: linkRange, isBareURL: false))
                    $0.sourceCursor = max($0.sourceCursor, linkRange.upperBound)
                }
            case .image:
                guard let image = images.popLast() else { return }
                addSegment(image)
                withCurrentBuilder { $0.sourceCursor = max($0.sourceCursor, image.blockRange.upperBound) }
            default:
                break
            }
        }

        private var cursor: Int { images.last?.builder.sourceCursor ?? leaf?.builder.sourceCursor ?? 0 }
        private var currentTextCount: Int { images.last?.builder.text.count ?? leaf?.builder.text.count ?? 0 }

        private mutating func withCurrentBuilder(_ body: (inout SegmentBuilder) -> Void) {
            if !images.isEmpty {
                body(&images[images.count - 1].builder)
            } else if leaf != nil {
                body(&leaf!.builder)
            }
        }

        private mutating func appendText(_ node: CmarkNode) {
            let blockEnd = images.last?.blockRange.upperBound ?? leaf?.blockRange.upperBound ?? source.count
            let textRange = range(of: node).flatMap { $0.upperBound <= blockEnd && $0.lowerBound >= cursor ? $0 : nil }
                ?? cursor..<max(cursor, blockEnd)
            let source = self.source
            withCurrentBuilder { TextAligner.append(literal: node.literal, source: source, range: textRange, to: &$0) }
        }

        /// cmark-gfm does not expose a definition's label: read `[^label]:` from the source before its content.
        private func footnoteDefinitionLabel(_ node: CmarkNode) -> String {
            guard node.startLine > 0, node.startLine <= lineIndex.lineCount else { return "" }
            var lineNumber = node.startLine
            var line = lineIndex.contentRange(ofLine: lineNumber)
            while lineNumber > 1, !source[line].contains(UInt8(ascii: "^")) {
                lineNumber -= 1
                line = lineIndex.contentRange(ofLine: lineNumber)
            }
            let end = lineNumber == node.startLine
                ? lineIndex.offset(line: node.startLine, byteColumn: max(1, node.startColumn)) ?? line.upperBound
                : line.upperBound
            var colon = min(end, line.upperBound) - 1
            while colon > line.lowerBound, source[colon] != UInt8(ascii: ":") { colon -= 1 }
            guard colon > line.lowerBound + 2, source[colon - 1] == UInt8(ascii: "]") else { return "" }
            var open = colon - 2
            while open > line.lowerBound, !(source[open] == UInt8(ascii: "^") && source[open - 1] == UInt8(ascii: "[")) { open -= 1 }
            guard open > line.lowerBound else { return "" }
            return String(decoding: source[(open + 1)..<(colon - 1)], as: UTF8.self)
        }

        /// The line ending at or after `offset`, for a soft or hard break.
        private func lineEnd(from offset: Int) -> Range<Int> {
            var index = offset
            while index < source.count, source[index] != 0x0A, source[index] != 0x0D { index += 1 }
            if index < source.count, source[index] == 0x0D, index + 1 < source.count, source[index + 1] == 0x0A {
                return index..<(index + 2)
            }
            return index..<min(index + 1, source.count)
        }

        private mutating func addInlineHTML(_ node: CmarkNode) {
            let htmlRange = range(of: node) ?? cursor..<cursor
            let literal = node.literal
            if literal.starts(with: Array("<!--".utf8)) {
                let bodyEnd = literal.count >= 7 && literal.suffix(3).elementsEqual(Array("-->".utf8)) ? literal.count - 3 : literal.count
                comments.append(HTMLComment(body: String(decoding: literal[4..<max(4, bodyEnd)], as: UTF8.self), sourceRange: htmlRange))
            } else {
                let isClosing = literal.count > 1 && literal[1] == UInt8(ascii: "/")
                let nameBytes = literal.dropFirst(isClosing ? 2 : 1).prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }
                let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
                if let skipped = skippedInlineTag {
                    if isClosing, name == skipped { skippedInlineTag = nil }
                } else if !isClosing, ["script", "style", "code", "pre", "textarea", "svg", "noscript"].contains(name) {
                    skippedInlineTag = name
                } else if name == "br" || name == "p" || name == "div" {
                    withCurrentBuilder { $0.appendSeparator(source: htmlRange) }
                }
            }
            withCurrentBuilder { $0.sourceCursor = max($0.sourceCursor, htmlRange.upperBound) }
        }

        private mutating func addHTMLBlock(_ node: CmarkNode) {
            var node = node
            if node.endLine < node.startLine, node.startLine > 0 {
                // cmark-gfm 0.29 reports 0:0 as the end of some HTML blocks: derive it from the literal.
                let lines = max(1, node.literal.split(separator: 0x0A, omittingEmptySubsequences: false).count - (node.literal.last == 0x0A ? 1 : 0))
                node.endLine = min(lineIndex.lineCount, node.startLine + lines - 1)
                let content = lineIndex.contentRange(ofLine: node.endLine)
                node.endColumn = max(1, content.upperBound - lineIndex.contentStart(ofLine: node.endLine))
            }
            guard let blockRange = range(of: node) else { return }
            // The literal is the block's lines without container prefixes: find each byte in the source.
            let literal = node.literal
            var offsets = [Int](repeating: 0, count: literal.count)
            var sourceIndex = blockRange.lowerBound
            let limit = min(source.count, max(blockRange.upperBound, lineIndex.contentRange(ofLine: node.endLine).upperBound) + 2)
            for (index, byte) in literal.enumerated() {
                var probe = sourceIndex
                while probe < limit, source[probe] != byte { probe += 1 }
                if probe < limit {
                    offsets[index] = probe
                    sourceIndex = probe + 1
                } else {
                    offsets[index] = max(0, sourceIndex - 1)
                }
            }
            let extracted = HTMLTextExtractor(literal: literal, sourceOffsets: offsets, source: source).extract()
            comments += extracted.comments
            for builder in extracted.segments {
                let start = builder.map.pieces.first?.sourceStart ?? blockRange.lowerBound
                let last = builder.map.pieces.last
                let end = last.map { $0.sourceStart + $0.sourceLength } ?? start
                addSegment(Leaf(builder: builder, kind: .html, containers: containers, headingLevel: nil, blockRange: start..<max(start, end)))
            }
        }

        private mutating func addSegment(_ leaf: Leaf) {
            let output = ProseFilter.finish(leaf.builder)
            comments += output.comments
            guard output.text.contains(where: { $0 != 0x20 && $0 != 0x0A }) else { return }
            var text = output.text
            var map = output.map
            // Drop trailing white space left by removed markup, keeping map and text in step.
            while let last = text.last, last == 0x20 || last == 0x0A, map.pieces.last.map({ !$0.isIdentity && $0.textLength == 1 }) == true {
                text.removeLast()
                map = map.droppingLastByte()
            }
            segments.append(Segment(
                kind: leaf.kind, containers: leaf.containers, headingLevel: leaf.headingLevel, frontMatterKey: nil,
                text: text, sourceMap: map, blockRange: leaf.blockRange, links: output.links.map { clamp($0, to: text.count) },
                footnoteReferences: output.footnoteReferences.map {
                    FootnoteReference(label: $0.label, textOffset: min($0.textOffset, text.count), sourceRange: $0.sourceRange)
                }
            ))
        }

        private func clamp(_ link: Link, to count: Int) -> Link {
            let lower = min(link.textRange.lowerBound, count)
            return Link(destination: link.destination, textRange: lower..<max(lower, min(link.textRange.upperBound, count)),
                        sourceRange: link.sourceRange, isBareURL: link.isBareURL)
        }
    }
}
