import OgiwatchCore

/// Turns a PDF's word boxes into the `Document` the other readers build: paragraphs of
/// running text and tables as grids.
enum PdfDocumentBuilder {
    static func build(_ layout: PdfWordLayout) -> Document {
        let lines = PdfLineBuilder.lines(of: layout)
        let margins = PdfMargins(lines: lines, pageWidths: layout.pages.map(\.width))
        var tables: [(range: Range<Int>, table: Table)] = []
        for range in PdfTableFinder(lines: lines, margins: margins).tables() {
            if let table = PdfTableBuilder.build(Array(lines[range])) { tables.append((range, table)) }
        }
        var proseRuns: [ArraySlice<PdfLine>] = []
        var cursor = 0
        for (range, _) in tables {
            proseRuns.append(lines[cursor..<range.lowerBound])
            cursor = range.upperBound
        }
        proseRuns.append(lines[cursor...])
        let prose = PdfProse(margins: margins, lines: proseRuns.flatMap { $0 })
        var blocks: [Document.Block] = []
        for (index, run) in proseRuns.enumerated() {
            blocks += prose.paragraphs(Array(run)).map { .paragraph($0) }
            if index < tables.count { blocks.append(.table(tables[index].table)) }
        }
        return Document(blocks: blocks)
    }
}
