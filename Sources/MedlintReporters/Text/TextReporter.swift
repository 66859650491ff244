import MedlintCore
import MedlintMarkdown

/// The default output, for people at a terminal: each finding as `path:line:col: level: message [rule-id]`,
/// the source line in a numbered gutter with the flagged words underlined, the suggested rewrite,
/// and a summary line. Text from the scanned file is escaped, so it cannot steer the terminal or a CI log.
public struct TextReporter {
    public var useColor: Bool
    /// Lines longer than this are cropped around the finding.
    public var maxLineWidth = 110

    public init(useColor: Bool) { self.useColor = useColor }

    public func render(_ report: CheckReport) -> String {
        var out: [UInt8] = []
        write(report) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the text `render` returns in chunks of about `chunkSize` bytes, each ending between
    /// two findings: a run with a million findings is never one string in memory.
    public func write(_ report: CheckReport, chunkSize: Int = 1 << 20, to emit: ([UInt8]) -> Void) {
        let style = TextStyle(enabled: useColor)
        var out = ""
        // Sorted by the summaries' paths (the same order as sorting the reports), each report read once.
        let summaries = report.files.summaries
        for index in summaries.indices.sorted(by: { summaries[$0].displayPath < summaries[$1].displayPath }) {
            let file = report.files[index]
            for diagnostic in file.diagnostics {
                out += render(diagnostic, in: file, style: style)
                if out.utf8.count >= chunkSize {
                    emit(Array(out.utf8))
                    out = ""
                }
            }
        }
        out += summary(report, style: style) + "\n"
        emit(Array(out.utf8))
    }

    func render(_ diagnostic: Diagnostic, in file: FileReport, style: TextStyle) -> String {
        let start = file.start(of: diagnostic)
        let end = file.end(of: diagnostic)
        let isError = diagnostic.level == .error
        let isWarning = diagnostic.level == .warning
        var out = style.bold(TerminalText.escapedPath(file.displayPath) + ":\(start.line):\(start.utf16Column):") + " "
        out += style.level(diagnostic.level.rawValue + ":", error: isError, warning: isWarning) + " "
        out += style.bold(TerminalText.escaped(diagnostic.message)) + " " + style.dim("[\(diagnostic.ruleID)]")
        if let suppression = diagnostic.suppression {
            out += " " + style.dim("(suppressed: \(TerminalText.escaped(suppression.justification)))")
        }
        out += "\n"
        if file.source.byteCount > 0, diagnostic.range.upperBound <= file.source.byteCount {
            out += snippet(diagnostic, start: start, end: end, file: file, style: style, error: isError, warning: isWarning)
        }
        if let suggestion = diagnostic.suggestion, !suggestion.isEmpty {
            let gutter = String(repeating: " ", count: String(end.line).count)
            let lines = suggestion.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }
            out += gutter + " " + style.help("= help:") + " " + lines.joined(separator: "\n" + gutter + "         ") + "\n"
        }
        return out + "\n"
    }

    /// Bytes read on each side of a mark in a long line.
    static let snippetWindow = 2048

    private func snippet(_ diagnostic: Diagnostic, start: SourceLocation, end: SourceLocation, file: FileReport,
                         style: TextStyle, error: Bool, warning: Bool) -> String {
        let lastLine = max(start.line, end.utf16Column == 1 && end.line > start.line ? end.line - 1 : end.line)
        let shownLines = Array(start.line...min(lastLine, start.line + 3))
        let width = String(shownLines.last ?? start.line).count
        let blank = String(repeating: " ", count: width) + " " + style.dim("|")
        var out = blank + "\n"
        for line in shownLines {
            let range = file.source.contentRange(ofLine: line)
            var markStart = line == start.line ? diagnostic.range.lowerBound - range.lowerBound : 0
            var markEnd = line == end.line ? max(markStart, diagnostic.range.upperBound - range.lowerBound) : range.count
            // Only the part of a long line that can be shown is read (the crop keeps 40 columns
            // before the mark and a screen after it), so a 3 MB line with many findings stays linear.
            var window = range
            if range.count > 2 * Self.snippetWindow {
                let lower = range.lowerBound + max(0, markStart - Self.snippetWindow)
                let upper = min(range.upperBound, range.lowerBound + markEnd + Self.snippetWindow)
                window = lower..<max(lower, upper)
            }
            var bytes = file.source.bytes(in: window)
            var dropped = 0
            while dropped < bytes.count, bytes[dropped] & 0xC0 == 0x80 { dropped += 1 }
            if window.upperBound < range.upperBound {
                // Cut before a character the window ends inside.
                var cut = bytes.count
                while cut > dropped, bytes[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
                if cut > dropped, bytes[cut - 1] >= 0xC0 { cut -= 1 }
                bytes.removeLast(bytes.count - cut)
            }
            let shift = window.lowerBound - range.lowerBound + dropped
            markStart -= shift
            markEnd -= shift
            let text = String(decoding: bytes[dropped...], as: UTF8.self)
            let (shown, underline) = cropped(text, markStart: markStart, markEnd: markEnd)
            let number = String(line)
            out += String(repeating: " ", count: width - number.count) + style.dim(number + " |") + " " + shown + "\n"
            if underline.contains("^") {
                out += blank + " " + style.underline(underline, error: error, warning: warning) + "\n"
            }
        }
        if lastLine > start.line + 3 {
            out += blank + " " + style.dim("... (continues to line \(lastLine))") + "\n"
        }
        return out
    }

    /// The line as shown (escaped, cropped around the mark when long) and its underline.
    func cropped(_ line: String, markStart: Int, markEnd: Int) -> (String, String) {
        var cells: [(text: String, width: Int, marked: Bool)] = []
        var offset = 0
        for scalar in line.unicodeScalars {
            let length = String(scalar).utf8.count
            let marked = offset >= markStart && offset < markEnd
            let shown: String
            if scalar.value == 0x1A {
                shown = "\u{FFFD}"
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                shown = scalar.value == 0x09 ? " " : TerminalText.escaped(String(scalar))
            } else {
                shown = String(scalar)
            }
            let width = scalar.value == 0x1A || scalar.value == 0x09 ? 1 : (shown.count > 1 ? shown.count : DisplayWidth.of(scalar))
            cells.append((shown, width, marked))
            offset += length
        }
        let totalWidth = cells.reduce(0) { $0 + $1.width }
        var first = 0
        var last = cells.count
        var prefix = ""
        var suffix = ""
        if totalWidth > maxLineWidth, let markedFirst = cells.firstIndex(where: { $0.marked }) {
            let markedLast = cells.lastIndex(where: { $0.marked }) ?? markedFirst
            first = max(0, markedFirst - 40)
            last = min(cells.count, max(markedLast + 1, first + maxLineWidth - 2) + 0)
            last = min(cells.count, max(last, markedLast + 30))
            if first > 0 { prefix = "…" }
            if last < cells.count { suffix = "…" }
        }
        var shown = prefix
        var underline = String(repeating: " ", count: prefix.isEmpty ? 0 : 1)
        for cell in cells[first..<last] {
            shown += cell.text == "[" && shown.hasSuffix("##") ? "\u{200B}[" : cell.text
            underline += String(repeating: cell.marked ? "^" : " ", count: cell.width)
        }
        shown += suffix
        while underline.hasSuffix(" ") { underline.removeLast() }
        if !cells.isEmpty, markStart >= offset, markEnd == markStart {
            underline = String(repeating: " ", count: cells[first..<last].reduce(0) { $0 + $1.width } + (prefix.isEmpty ? 0 : 1)) + "^"
        }
        return (shown, underline)
    }

    /// The summary when no file was linted: none found, none changed since the revision, or none staged.
    static func nothingChecked(_ scope: CheckSession.ChangeScope) -> String {
        switch scope {
        case .all: return "No Markdown files found."
        case let .diffBase(revision): return "No Markdown files changed since \(TerminalText.escaped(revision)); nothing to check."
        case .staged: return "No Markdown files are staged; nothing to check."
        }
    }

    func summary(_ report: CheckReport, style: TextStyle) -> String {
        let summaries = report.files.summaries
        let total = summaries.reduce(0) { $0 + $1.diagnosticCount }
        let filesWithFindings = summaries.filter { $0.diagnosticCount > 0 }.count
        let fileWord = report.filesChecked == 1 ? "file" : "files"
        if report.filesChecked == 0 { return Self.nothingChecked(report.changeScope) }
        var parts: [String] = []
        for (level, word) in [(Severity.error, "error"), (.warning, "warning"), (.note, "note")] {
            let count = report.count(level)
            if count > 0 { parts.append("\(count) \(word)\(count == 1 ? "" : "s")") }
        }
        var text: String
        if total == 0 {
            text = "No findings in \(report.filesChecked) \(fileWord)."
        } else {
            text = "\(total) finding\(total == 1 ? "" : "s") (\(parts.joined(separator: ", "))) in \(filesWithFindings) of \(report.filesChecked) \(fileWord)."
        }
        if let stale = report.staleBaselineEntries, stale > 0 {
            text += " \(stale) baseline entr\(stale == 1 ? "y no longer occurs" : "ies no longer occur")."
        }
        return style.bold(text)
    }
}
