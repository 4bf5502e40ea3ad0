import OgiwatchCore

/// Turns the token stream into blocks without building a tree, so deep nesting and
/// unclosed tags cost little: only the open tables are tracked.
///
/// A table is read two ways at once, because its purpose shows only at its end: as a grid of
/// cells (a report table) and as the paragraphs and tables its cells hold (a page layout:
/// older CMS pages wrap the whole article, headings and report tables included, in one
/// `<table border="0">`). A table that holds another table, or has a single column, is a
/// layout and gives its content; every other table gives its grid.
///
/// The site around the article — navigation, header, footer, sidebars (`nav`, `header`,
/// `footer`, `aside`, or an element whose class or id says so) — is left out, so that a
/// breadcrumb never becomes the report's title or organ and a footer never joins section 六.
/// The article's own title (`<h1>` or an element classed as a title) becomes the document's
/// stated title; `<title>` without the site's name stands in when the text has no title.
struct HtmlDocumentBuilder: Sendable {
    private static let chromeTags: Set<String> = ["nav", "header", "footer", "aside"]
    /// Words of a class or id that mark site chrome.
    private static let chromeWords: Set<String> = [
        "nav", "navbar", "menu", "header", "footer", "breadcrumb", "crumb", "crumbs", "sidebar", "side", "aside", "copyright",
        "share", "toolbar",
    ]
    private static let voidTags: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    private static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "center", "form", "nav", "main", "caption",
    ]
    /// Deeper table nesting is no layout anyone draws; further `<table>` tags only break lines.
    static let maxTableDepth = 32

    private(set) var blocks: [Document.Block] = []
    /// Leave site chrome out; off for the second reading of a page whose chrome never closed.
    let skipsChrome: Bool
    /// An element being left out, and how deep its tag nests in itself.
    private var chrome: (tag: String, depth: Int)?
    /// True when left-out chrome was still open at the end of the page: it may have held the
    /// article, and the page is read again without leaving anything out.
    private(set) var chromeNeverClosed = false
    private var pageTitleText: String?
    private var inPageTitle = false
    private var articleTitle: (tag: String, depth: Int, text: String)?
    private var foundArticleTitle: String?
    private var paragraph = ""
    private var line = 0
    private var frames: [Frame] = []
    /// `<table>` tags past `maxTableDepth` still open.
    private var excessTables = 0

    /// One open table.
    private struct Frame: Sendable {
        var grid = HtmlTableGrid()
        var cell: (text: String, rowspan: Int, colspan: Int)?
        /// Text inside the table but outside any cell (browsers move it before the table).
        var strayText: [String] = []
        /// The table read as a layout.
        var content: [Document.Block] = []
        var contentParagraph = ""
        var holdsTable = false
    }

    init(skipsChrome: Bool = true) {
        self.skipsChrome = skipsChrome
    }

    /// The article's title (`<h1>` or an element classed as a title) when it names a report.
    var statedTitle: String? {
        foundArticleTitle.map(Self.collapse).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `<title>` without the site's name after `_`, `|` or ` - `.
    var pageTitle: String? {
        guard let page = pageTitleText.map(Self.collapse), !page.isEmpty else { return nil }
        for separator in ["_", "|", " - ", "－", "—"] {
            if let r = page.range(of: separator) { return Self.trimmed(String(page[..<r.lowerBound])) }
        }
        return page
    }

    mutating func text(_ text: String) {
        guard chrome == nil else { return }
        if inPageTitle {
            pageTitleText = (pageTitleText ?? "") + text
            return
        }
        if articleTitle != nil { articleTitle?.text += text }
        guard !frames.isEmpty else {
            paragraph += text
            return
        }
        if frames[frames.count - 1].cell != nil {
            frames[frames.count - 1].cell?.text += text
            frames[frames.count - 1].contentParagraph += text
        } else if !Self.trimmed(text).isEmpty {
            frames[frames.count - 1].strayText.append(text)
        }
    }

    mutating func start(_ name: String, attributes: [String: String]) throws(DocumentProblem) {
        if let open = chrome {
            if name == open.tag, !Self.voidTags.contains(name) { chrome?.depth += 1 }
            return
        }
        if name == "title" {
            inPageTitle = pageTitleText == nil
            return
        } else if skipsChrome, !Self.voidTags.contains(name), Self.isChrome(name, attributes) {
            chrome = (name, 1)
            return
        }
        if let open = articleTitle, name == open.tag {
            articleTitle?.depth += 1
        } else if articleTitle == nil, foundArticleTitle == nil, !Self.voidTags.contains(name), Self.isTitle(name, attributes) {
            articleTitle = (name, 1, "")
        }
        switch name {
        case "table" where frames.count < Self.maxTableDepth:
            if frames.isEmpty {
                endParagraph()
            } else {
                breakInCell()
                frames[frames.count - 1].holdsTable = true
            }
            frames.append(Frame())
        case "tr" where !frames.isEmpty:
            try endCell()
            line += 1
            frames[frames.count - 1].grid.startRow(line: line)
        case "td" where !frames.isEmpty, "th" where !frames.isEmpty:
            try endCell()
            frames[frames.count - 1].cell = ("", Self.span(attributes["rowspan"]), Self.span(attributes["colspan"]))
        case "td", "th", "tr":
            endParagraph()
        case "table":
            excessTables += 1
            breakInCell()
        case "br":
            breakInCell()
        default:
            if Self.blockTags.contains(name) { breakInCell() }
        }
    }

    mutating func end(_ name: String) throws(DocumentProblem) {
        if let open = chrome {
            if name == open.tag {
                chrome?.depth -= 1
                if open.depth <= 1 { chrome = nil }
            }
            return
        }
        if name == "title" {
            inPageTitle = false
            return
        }
        if let open = articleTitle, name == open.tag {
            articleTitle?.depth -= 1
            if open.depth <= 1 {
                let text = Self.collapse(open.text)
                if text.contains("报告") { foundArticleTitle = text }
                articleTitle = nil
            }
        }
        switch name {
        case "table" where excessTables > 0:
            excessTables -= 1
            breakInCell()
        case "table" where !frames.isEmpty:
            try endTable()
        case "td" where !frames.isEmpty, "th" where !frames.isEmpty, "tr" where !frames.isEmpty:
            try endCell()
        default:
            if Self.blockTags.contains(name) { breakInCell() }
        }
    }

    /// Unclosed tables and paragraphs at the end of the page are closed, not lost. Blocks are
    /// numbered afresh in reading order: while a table was open, both of its readings took
    /// numbers, and only one of them is kept.
    mutating func finish() throws(DocumentProblem) {
        chromeNeverClosed = chrome != nil
        while !frames.isEmpty { try endTable() }
        endParagraph()
        var next = 0
        func number() -> Int {
            next += 1
            return next
        }
        blocks = blocks.map { block in
            switch block {
            case .paragraph(var p):
                p.line = number()
                return .paragraph(p)
            case .table(var t):
                t.rows = t.rows.map { Row(cells: $0.cells, line: number()) }
                t.line = t.rows.first?.line ?? next
                return .table(t)
            }
        }
    }

    /// Outside tables a paragraph ends; inside a cell the grid cell gets a line break and
    /// the layout reading a paragraph end.
    private mutating func breakInCell() {
        guard !frames.isEmpty else { return endParagraph() }
        frames[frames.count - 1].cell?.text.append(Self.cellBreak)
        endContentParagraph()
    }

    private mutating func endParagraph() {
        let text = Self.collapse(paragraph)
        paragraph = ""
        guard !text.isEmpty else { return }
        line += 1
        blocks.append(.paragraph(Paragraph(text, line: line)))
    }

    private mutating func endContentParagraph() {
        let text = Self.collapse(frames[frames.count - 1].contentParagraph)
        frames[frames.count - 1].contentParagraph = ""
        guard !text.isEmpty else { return }
        line += 1
        frames[frames.count - 1].content.append(.paragraph(Paragraph(text, line: line)))
    }

    private mutating func endCell() throws(DocumentProblem) {
        endContentParagraph()
        guard let open = frames[frames.count - 1].cell else { return }
        frames[frames.count - 1].cell = nil
        let text = open.text.split(separator: Self.cellBreak, omittingEmptySubsequences: false)
            .map { Self.collapse(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
        if frames[frames.count - 1].grid.isEmpty { line += 1 }
        try frames[frames.count - 1].grid.addCell(text, rowspan: open.rowspan, colspan: open.colspan, line: line)
    }

    private mutating func endTable() throws(DocumentProblem) {
        try endCell()
        let frame = frames.removeLast()
        var output = frame.strayText.compactMap { text -> Document.Block? in
            let collapsed = Self.collapse(text)
            guard !collapsed.isEmpty else { return nil }
            line += 1
            return .paragraph(Paragraph(collapsed, line: line))
        }
        if frame.holdsTable || frame.grid.width <= 1 {
            output += frame.content
        } else if let table = frame.grid.table() {
            output.append(.table(table))
        }
        if frames.isEmpty {
            blocks += output
        } else {
            frames[frames.count - 1].content += output
        }
    }

    private static func isChrome(_ name: String, _ attributes: [String: String]) -> Bool {
        chromeTags.contains(name) || words(attributes).contains(where: chromeWords.contains)
    }

    /// `<h1>`, or an element classed as a title (`article_title`); only one that names a
    /// report is taken (checked when it ends).
    private static func isTitle(_ name: String, _ attributes: [String: String]) -> Bool {
        name == "h1" || words(attributes).contains("title")
    }

    /// The words of an element's class and id: `header_link_01 menu-hd` → header, link, 01,
    /// menu, hd.
    private static func words(_ attributes: [String: String]) -> [String] {
        [attributes["class"], attributes["id"]].compactMap { $0 }.flatMap { value in
            value.lowercased().split { !$0.isLetter && !$0.isNumber || !$0.isASCII }.map(String.init)
        }
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
