/// The cmark-gfm node types medlint distinguishes, as a Swift enum.
enum CmarkNodeType: Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case footnoteDefinition, text, softBreak, lineBreak, code, htmlInline, emphasis, strong
    case link, image, footnoteReference, table, tableRow, tableCell, strikethrough, other
}
