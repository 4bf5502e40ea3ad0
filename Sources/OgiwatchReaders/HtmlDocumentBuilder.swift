import OgiwatchCore

/// Turns the token stream into blocks without building a tree, so deep nesting and
/// unclosed tags cost nothing: only the open tables are tracked.
struct HtmlDocumentBuilder: Sendable {
    private static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "center", "form", "nav", "main", "caption",
    ]

    private(set) var blocks: [Document.Block] = []
    private var paragraph = ""
    private var line = 0
    /// `<table>` nesting; only depth 1 builds a grid.
    private var tableDepth = 0
    private var grid = HtmlTableGrid()
    private var cell: (text: String, rowspan: Int, colspan: Int)?
    /// Text found inside a table but outside any cell (browsers move it before the table).
    private var strayText: [String] = []

    mutating func text(_ text: String) {
        if tableDepth == 0 {
            paragraph += text
        } else if cell != nil {
            cell?.text += text
        } else if !Self.trimmed(text).isEmpty {
            strayText.append(text)
        }
    }

    mutating func start(_ name: String, attributes: [String: String]) throws(DocumentProblem) {
        switch name {
        case "table":
            if tableDepth == 0 { endParagraph() } else { breakInCell() }
            tableDepth += 1
        case "tr" where tableDepth == 1:
            try endCell()
            line += 1
            grid.startRow(line: line)
        case "td" where tableDepth == 0, "th" where tableDepth == 0, "tr" where tableDepth == 0:
            endParagraph()
        case "td", "th":
            guard tableDepth == 1 else { return appendToCell(" ") }
            try endCell()
            cell = ("", Self.span(attributes["rowspan"]), Self.span(attributes["colspan"]))
        case "br":
            tableDepth == 0 ? endParagraph() : breakInCell()
        case "tr":
            breakInCell()
        default:
            if Self.blockTags.contains(name) { tableDepth == 0 ? endParagraph() : breakInCell() }
        }
    }

    mutating func end(_ name: String) throws(DocumentProblem) {
        switch name {
        case "table" where tableDepth > 0:
            tableDepth -= 1
            if tableDepth == 0 { try endTable() } else { breakInCell() }
        case "td" where tableDepth == 1, "th" where tableDepth == 1, "tr" where tableDepth == 1:
            try endCell()
        default:
            if Self.blockTags.contains(name) { tableDepth == 0 ? endParagraph() : breakInCell() }
        }
    }

    /// Unclosed tables and paragraphs at the end of the page are closed, not lost.
    mutating func finish() throws(DocumentProblem) {
        if tableDepth > 0 {
            tableDepth = 0
            try endTable()
        }
        endParagraph()
    }

    private mutating func endParagraph() {
        let text = Self.collapse(paragraph)
        paragraph = ""
        guard !text.isEmpty else { return }
        line += 1
        blocks.append(.paragraph(Paragraph(text, line: line)))
    }

    private mutating func endCell() throws(DocumentProblem) {
        guard let open = cell else { return }
        cell = nil
        let text = open.text.split(separator: Self.cellBreak, omittingEmptySubsequences: false)
            .map { Self.collapse(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
        if grid.isEmpty { line += 1 }
        try grid.addCell(text, rowspan: open.rowspan, colspan: open.colspan, line: line)
    }

    private mutating func endTable() throws(DocumentProblem) {
        try endCell()
        let stray = strayText
        strayText = []
        for text in stray {
            paragraph = text
            endParagraph()
        }
        if let table = grid.table() {
            blocks.append(.table(table))
        }
        grid = HtmlTableGrid()
    }

    private mutating func appendToCell(_ text: String) {
        cell?.text += text
    }

    private mutating func breakInCell() {
        cell?.text.append(Self.cellBreak)
    }

    /// Marks `<br>` and block ends inside a cell until the cell is finished; source newlines
    /// are only whitespace.
    private static let cellBreak: Character = "\u{2028}"

    private static func span(_ value: String?) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmingSpaces.prefix { $0.isASCII && $0.isNumber }.prefix(7)
        return Int(digits) ?? 1
    }

    /// HTML whitespace collapses to one space; `&nbsp;` and U+3000 padding count as blank
    /// at the ends, so a cell of `&nbsp;` is empty.
    static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = true
                continue
            }
            if pendingSpace, !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return trimmed(String(result))
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}

private extension String {
    var trimmingSpaces: Substring {
        drop { $0 == " " }
    }
}
