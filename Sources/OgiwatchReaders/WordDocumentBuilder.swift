import OgiwatchCore

/// Turns WordprocessingML into a `Document` in one pass over `WordXMLScanner`'s events
/// (README, "Formats").
///
/// Every paragraph, in the body or in a table cell, takes the next number, so the number a
/// finding shows is the paragraph a clerk counts to in Word. Merged grid positions become
/// `isMergedContinuation` cells so that columns line up with the template's grid. A numbered
/// paragraph starts with the label Word draws for it (`WordNumbering`).
final class WordDocumentBuilder: WordXMLHandler {
    /// More grid cells than any report needs; beyond this a document is built to exhaust memory.
    static let maxCells = 1_000_000
    /// Word tables have at most 63 columns; larger spans are clamped so one attribute cannot
    /// conjure millions of cells.
    static let maxSpan = 64

    static func build(_ xml: [UInt8], numbering: WordNumbering = WordNumbering()) throws(DocumentProblem) -> Document {
        let builder = WordDocumentBuilder(numbering: numbering)
        try WordXMLScanner.scan(xml, into: builder)
        if let problem = builder.problem { throw problem }
        return Document(blocks: builder.blocks)
    }

    private var blocks: [Document.Block] = []
    private var numbering: WordNumbering

    /// The list a paragraph belongs to, from its own properties; the label is drawn (and
    /// counted) once per paragraph, whether or not the paragraph has text.
    private struct ListItem {
        var numberingID: String?
        var level: Int?
        var style: String?
        var label: String?
        var drawn = false
    }

    private var item = ListItem()
    private var suspendedItems: [ListItem] = []
    private var inNumbering = false

    init(numbering: WordNumbering) {
        self.numbering = numbering
    }
    /// Set when the document is refused; the scanner stops at the next element.
    private(set) var problem: DocumentProblem?
    private var lastLine = 0
    private var cellCount = 0

    /// Depth inside a subtree whose text is not part of the final document (deletions, the
    /// fallback copy of alternate content, old properties of tracked changes).
    private var skipDepth = 0
    private var runDepth = 0
    private var inText = false
    private var paragraphDepth = 0
    private var text = ""
    /// Text of enclosing paragraphs while a text box's own paragraphs are read.
    private var suspendedText: [String] = []

    private var tableDepth = 0
    private var tableLine = 0
    private var rows: [Row] = []
    private var rowLine = 0
    private var cells: [Cell] = []
    private var gridAfter = 0
    private var cellLines: [String] = []
    private var gridSpan = 1
    private var continuesVerticalMerge = false

    /// Text is decoded only where it becomes part of the document.
    var wantsText: Bool { inText && skipDepth == 0 }

    func start(_ tag: WordTag?, value: String?, key: String?) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard let tag else { return }
        switch tag {
        case .paragraph:
            if paragraphDepth > 0 {
                suspendedText.append(text)
                suspendedItems.append(item)
            }
            paragraphDepth += 1
            text = ""
            item = ListItem()
        case .numbering: inNumbering = true
        case .level where inNumbering: item.level = value.flatMap(Int.init)
        case .numberingID where inNumbering: item.numberingID = value
        case .paragraphStyle: item.style = value
        case .run: runDepth += 1
        case .text: inText = runDepth > 0
        case .tab: if runDepth > 0 { text.append(" ") }
        case .lineBreak: if runDepth > 0 { endParagraphPiece() }
        case .skipped: skipDepth = 1
        case .table:
            tableDepth += 1
            if tableDepth == 1 {
                tableLine = lastLine + 1
                rows = []
            }
        case .row where tableDepth == 1:
            rowLine = lastLine + 1
            cells = []
            gridAfter = 0
        case .cell where tableDepth == 1:
            cellLines = []
            gridSpan = 1
            continuesVerticalMerge = false
        case .gridSpan where tableDepth == 1:
            gridSpan = Self.span(value)
        case .verticalMerge where tableDepth == 1:
            continuesVerticalMerge = value != "restart"
        case .gridBefore where tableDepth == 1:
            appendContinuations(Self.span(value))
        case .gridAfter where tableDepth == 1:
            gridAfter = Self.span(value)
        default:
            break
        }
    }

    func end(_ tag: WordTag?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let tag else { return }
        switch tag {
        case .paragraph:
            endParagraphPiece()
            paragraphDepth -= 1
            text = suspendedText.popLast() ?? ""
            item = suspendedItems.popLast() ?? ListItem()
        case .numbering: inNumbering = false
        case .run: runDepth -= 1
        case .text: inText = false
        case .table:
            if tableDepth == 1, !rows.isEmpty {
                blocks.append(.table(Table(rows: rows, layout: .grid, line: tableLine)))
            }
            tableDepth -= 1
        case .row where tableDepth == 1:
            appendContinuations(gridAfter)
            rows.append(Row(cells: cells, line: rowLine))
        case .cell where tableDepth == 1:
            appendCell(continuesVerticalMerge ? Cell("", isMergedContinuation: true) : Cell(cellLines.joined(separator: "\n")))
            appendContinuations(gridSpan - 1)
        default:
            break
        }
    }

    /// Text of the current `w:t`; the scanner calls this only while `wantsText`.
    func characters(_ string: String) {
        text += string
    }

    /// A paragraph ends, or a line break splits it: either way the text so far is one line.
    private func endParagraphPiece() {
        lastLine += 1
        var piece = text
        text = ""
        if !item.drawn {
            item.drawn = true
            if !numbering.isEmpty, let label = numbering.label(numberingID: item.numberingID, level: item.level, style: item.style),
               !piece.allSatisfy(\.isWhitespace) {
                piece = label + piece
            }
        }
        if tableDepth > 0 {
            if !piece.isEmpty { cellLines.append(piece) }
        } else if !piece.allSatisfy(\.isWhitespace) {  // blank lines, NBSP and U+3000 included
            blocks.append(.paragraph(Paragraph(piece, line: lastLine)))
        }
    }

    private func appendCell(_ cell: Cell) {
        cellCount += 1
        guard cellCount <= Self.maxCells else {
            if problem == nil {
                problem = DocumentProblem(.unreadable, "Word 文档的表格单元格超过 \(Self.maxCells) 个：疑似恶意文件，已拒绝")
            }
            return
        }
        cells.append(cell)
    }

    private func appendContinuations(_ count: Int) {
        for _ in 0..<max(count, 0) { appendCell(Cell("", isMergedContinuation: true)) }
    }

    /// A span count from `w:val`, clamped to what a Word table can hold.
    private static func span(_ value: String?) -> Int {
        guard let raw = value, let count = Int(raw) else { return 1 }
        return min(max(count, 0), Self.maxSpan)
    }
}
