import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OgiwatchCore

/// Turns WordprocessingML into a `Document` in one SAX pass (domain §2.5).
///
/// Every paragraph, in the body or in a table cell, takes the next number, so the number a
/// finding shows is the paragraph a clerk counts to in Word. Merged grid positions become
/// `isMergedContinuation` cells so that columns line up with the template's grid.
final class WordXMLParser: NSObject, XMLParserDelegate {
    /// More grid cells than any report needs; beyond this a document is built to exhaust memory.
    static let maxCells = 1_000_000
    /// Word tables have at most 63 columns; larger spans are clamped so one attribute cannot
    /// conjure millions of cells.
    static let maxSpan = 64

    static func parse(_ xml: [UInt8]) throws(DocumentProblem) -> Document {
        let parser = XMLParser(data: Data(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = WordXMLParser()
        parser.delegate = builder
        _ = parser.parse()
        if let problem = builder.problem { throw problem }
        return Document(blocks: builder.blocks)
    }

    private var blocks: [Document.Block] = []
    private var problem: DocumentProblem?
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

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        if problem != nil {
            parser.abortParsing()
            return
        }
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard let tag = WordTag(name, namespaceURI) else { return }
        switch tag {
        case .paragraph:
            if paragraphDepth > 0 { suspendedText.append(text) }
            paragraphDepth += 1
            text = ""
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
            gridSpan = span(attributes)
        case .verticalMerge where tableDepth == 1:
            continuesVerticalMerge = value(attributes) != "restart"
        case .gridBefore where tableDepth == 1:
            appendContinuations(span(attributes))
        case .gridAfter where tableDepth == 1:
            gridAfter = span(attributes)
        case .row, .cell, .gridSpan, .verticalMerge, .gridBefore, .gridAfter:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let tag = WordTag(name, namespaceURI) else { return }
        switch tag {
        case .paragraph:
            endParagraphPiece()
            paragraphDepth -= 1
            text = suspendedText.popLast() ?? ""
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

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, skipDepth == 0 { text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard problem == nil else { return }
        let code = (parseError as NSError).code
        problem = DocumentProblem(
            .unreadable, "Word 文档 XML 损坏：word/document.xml 第 \(parser.lineNumber) 行无法解析（XML 错误 \(code)）")
        parser.abortParsing()
    }

    /// A paragraph ends, or a line break splits it: either way the text so far is one line.
    private func endParagraphPiece() {
        lastLine += 1
        let piece = text
        text = ""
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

    private func value(_ attributes: [String: String]) -> String? {
        attributes["w:val"] ?? attributes.first { $0.key == "val" || $0.key.hasSuffix(":val") }?.value
    }

    /// A span count from `w:val`, clamped to what a Word table can hold.
    private func span(_ attributes: [String: String]) -> Int {
        guard let raw = value(attributes), let count = Int(raw) else { return 1 }
        return min(max(count, 0), Self.maxSpan)
    }
}
