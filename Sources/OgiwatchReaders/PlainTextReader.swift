import OgiwatchCore

/// Reads `.txt` reports in the shapes other tools make of them: text exported from Word (one
/// table cell per line, each starting with a tab), text extracted from PDF with one table row
/// per line (cells separated by tabs, or laid out in columns of spaces), and a web page's text
/// with its body on one line (cut apart by the report builder).
public enum PlainTextReader {
    public static func read(bytes: [UInt8]) throws(DocumentProblem) -> Document {
        let text = try TextDecoding.decode(bytes)
        return parse(text)
    }

    /// Split decoded text into paragraphs and tables.
    public static func parse(_ text: String) -> Document {
        let lines = splitLines(text)
        var artifacts: [Artifact] = []
        let cleaned = lines.enumerated().map { index, line in
            stripArtifacts(line, line: index + 1, into: &artifacts)
        }
        if cleaned.filter(isPipeRow).count >= minimumPipeRows { return Document(blocks: pipeTableBlocks(cleaned), artifacts: artifacts) }
        if looksTabSeparated(cleaned) { return Document(blocks: tabRowBlocks(cleaned), artifacts: artifacts) }
        if !cleaned.contains(where: { $0.utf8.first == tab }), LayoutText.isLayout(cleaned) {
            return Document(blocks: LayoutText.parse(cleaned.joined(separator: "\n")).blocks, artifacts: artifacts)
        }
        return Document(blocks: cellPerLineBlocks(cleaned), artifacts: artifacts)
    }

    /// LF, CRLF and lone CR line ends, split on the UTF-8 bytes: walking `Character`s would
    /// cost more than the rest of reading the file.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(Substring(utf8[start..<index]))
            index = utf8.index(after: index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
    }

    /// Word's `[bookmark: _GoBack]` markers are glued to paragraphs; remove and remember them.
    static func stripArtifacts(_ line: Substring, line number: Int, into artifacts: inout [Artifact]) -> Substring {
        guard line.utf8.contains(UInt8(ascii: "[")), line.contains("[bookmark:") else { return line }
        var result = ""
        var rest = line[...]
        while let start = rest.range(of: "[bookmark:") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "]") else {
                rest = rest[start.lowerBound...]
                break
            }
            artifacts.append(Artifact(text: String(rest[start.lowerBound...end]), line: number))
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return Substring(result)
    }

    /// PDF exports put a whole row on one line; Word exports put each cell on its own line
    /// behind a single leading tab.
    static func looksTabSeparated(_ lines: [Substring]) -> Bool {
        var cellLines = 0
        var rowLines = 0
        for line in lines {
            let bytes = line.utf8
            guard let firstTab = bytes.firstIndex(of: tab) else { continue }
            if firstTab == bytes.startIndex, !bytes.dropFirst().contains(tab) {
                cellLines += 1
            } else {
                rowLines += 1
            }
        }
        return rowLines > cellLines
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy(Normalize.isPadding)
    }

    /// Lines are examined as UTF-8: a tab is one byte, and `Character` iteration would cost
    /// more than the rest of reading the file.
    static let tab = UInt8(ascii: "\t")

    /// Cell per line: a blank line ends a row; a tab-less line right after a cell continues
    /// it (`\t商业` + `企业`); a tab-less line after a blank line ends the table, and so do
    /// two blank lines in a row (Word's export puts them after every table, so two tables with
    /// nothing between them stay two).
    static func cellPerLineBlocks(_ lines: [Substring]) -> [Document.Block] {
        var blocks: [Document.Block] = []
        var rows: [Row] = []
        var cells: [Cell] = []
        var rowLine = 0
        var tableLine = 0
        var previousWasCell = false
        var blankRun = 0

        func endRow() {
            if !cells.isEmpty { rows.append(Row(cells: cells, line: rowLine)) }
            cells = []
        }
        func endTable() {
            endRow()
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows, layout: .grid, line: tableLine))) }
            rows = []
        }

        for (index, line) in lines.enumerated() {
            let number = index + 1
            let blank = line.utf8.first != tab && isBlank(line)
            blankRun = blank ? blankRun + 1 : 0
            if line.utf8.first == tab {
                if rows.isEmpty, cells.isEmpty { tableLine = number }
                if cells.isEmpty { rowLine = number }
                cells.append(Cell(String(line.dropFirst())))
                previousWasCell = true
            } else if blank {
                if blankRun >= 2 { endTable() } else { endRow() }
                previousWasCell = false
            } else if previousWasCell, !cells.isEmpty {
                cells[cells.count - 1].text += String(line)
            } else {
                endTable()
                blocks.append(.paragraph(Paragraph(String(line), line: number)))
                previousWasCell = false
            }
        }
        endTable()
        return blocks
    }

    /// One row per line, cells split on tabs. Page breaks put blank lines inside tables, so
    /// a blank line does not end one; nor does a row label wrapped onto a line of its own
    /// (「正、行政机关不再处理其政府信息公开申请」), which has no tab but is followed by the
    /// next row. A heading, a sentence or a long line ends the table.
    static func tabRowBlocks(_ lines: [Substring]) -> [Document.Block] {
        var blocks: [Document.Block] = []
        var rows: [Row] = []
        var tableLine = 0

        func endTable() {
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows, layout: .loose, line: tableLine))) }
            rows = []
        }

        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.utf8.contains(tab) {
                if rows.isEmpty { tableLine = number }
                let cells = line.utf8.split(separator: tab, omittingEmptySubsequences: false).map { Cell(String(Substring($0))) }
                rows.append(Row(cells: cells, line: number))
            } else if isBlank(line) || isPageNumber(line) {
                continue
            } else if !rows.isEmpty, isWrappedLabel(line),
                      lines[(index + 1)...].first(where: { !isBlank($0) && !isPageNumber($0) })?.utf8.contains(tab) == true {
                rows.append(Row([String(line)], line: number))
            } else {
                endTable()
                blocks.append(.paragraph(Paragraph(String(line), line: number)))
            }
        }
        endTable()
        return blocks
    }

    /// Rows in Markdown's pipe syntax that make a text a Markdown text.
    static let minimumPipeRows = 3

    /// `| 本年新收 | 3 | 0 |`: a row of a Markdown table.
    static func isPipeRow(_ line: Substring) -> Bool {
        let text = Normalize.trimCell(String(line))
        return text.hasPrefix("|") && text.hasSuffix("|") && text.filter { $0 == "|" }.count >= 3
    }

    /// Markdown text: consecutive pipe rows are a grid table (a cell between two pipes keeps its
    /// place, so a blank is a blank); the `|---|` line under a header is dropped; every other
    /// non-blank line is a paragraph.
    static func pipeTableBlocks(_ lines: [Substring]) -> [Document.Block] {
        var blocks: [Document.Block] = []
        var rows: [Row] = []
        func endTable() {
            if let first = rows.first { blocks.append(.table(Table(rows: rows, layout: .grid, line: first.line))) }
            rows = []
        }
        for (index, line) in lines.enumerated() {
            guard isPipeRow(line) else {
                endTable()
                if !isBlank(line) { blocks.append(.paragraph(Paragraph(String(line), line: index + 1))) }
                continue
            }
            let cells = Normalize.trimCell(String(line)).split(separator: "|", omittingEmptySubsequences: false)
                .dropFirst().dropLast().map { Normalize.trimCell(String($0)) }
            if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == ":" } }) { continue }
            rows.append(Row(cells, line: index + 1))
        }
        endTable()
        return blocks
    }

    /// `-3-`, `- 12 -`: a page number a PDF extraction leaves between rows and sentences.
    static func isPageNumber(_ line: Substring) -> Bool {
        let text = Normalize.nfkcCompact(String(line)).unicodeScalars
        let dashes = "-—–".unicodeScalars
        guard let first = text.first, let last = text.last, dashes.contains(first), dashes.contains(last) else { return false }
        let digits = text.dropFirst().dropLast()
        return (1...3).contains(digits.count) && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Short, not a sentence, and not numbered the way headings and row labels start.
    static func isWrappedLabel(_ line: Substring) -> Bool {
        let text = Normalize.trimCell(String(line))
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              text.unicodeScalars.count <= 40, !"。：:；;".unicodeScalars.contains(last) else { return false }
        return !"（(0123456789０１２３４５６７８９".unicodeScalars.contains(first) && !ChineseNumeral.isNumeral(first)
    }
}
