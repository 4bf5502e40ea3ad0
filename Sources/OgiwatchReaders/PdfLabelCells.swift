/// The label cells of a table: label-area text joined across its wrapped lines, each cell
/// marked as the label of its own row or as a group label running down beside several rows
/// (`（三）不予公开`, `三、本年度办理结果`).
struct PdfLabelCells: Sendable {
    struct Cell: Sendable, Equatable {
        var column: Int
        var pieces: [PdfSegment]
        var box: PdfBox
        /// Line numbers of the pieces, top to bottom.
        var lines: [Int]

        var text: String { PdfText.join(pieces.map(\.text), numbersJoin: false) }
    }

    /// The geometry a continuation test needs.
    struct Metrics: Sendable {
        var columns: PdfColumns
        /// A character of the table's text.
        var em: Double
        /// The narrowest gap between two cells' text on one line: twice the cell padding.
        var cellGap: Double
    }

    /// Cells that label their own row, top to bottom.
    var rows: [Cell]
    /// Cells beside several rows.
    var groups: [Cell]

    init(lines: [PdfLine], metrics: Metrics) {
        var open: [Int: Cell] = [:]
        var cells: [Cell] = []
        let pieces = lines.flatMap { line in
            PdfColumns.labelPieces(line, valueLeft: metrics.columns.valueLeft - metrics.columns.tolerance,
                                   knownStarts: metrics.columns.labelStarts, tolerance: metrics.columns.tolerance)
                .map { (piece: $0, line: line.number) }
        }
        for (piece, line) in pieces.sorted(by: { $0.piece.box.yMin < $1.piece.box.yMin }) {
            let column = metrics.columns.labelColumn(piece.box.xMin)
            if var cell = open[column], let last = cell.pieces.last, Self.continues(last, with: piece, metrics: metrics) {
                cell.pieces.append(piece)
                cell.box = cell.box.union(piece.box)
                cell.lines.append(line)
                open[column] = cell
            } else {
                if let cell = open[column] { cells.append(cell) }
                open[column] = Cell(column: column, pieces: [piece], box: piece.box, lines: [line])
            }
        }
        cells += open.values
        cells.sort { ($0.box.yMin, $0.column) < ($1.box.yMin, $1.column) }
        // A cell is a group label when a cell further right sits beside it. Cells are sorted
        // by top, so each pair that shares height is met once, scanning down from the upper one.
        var isGroup = [Bool](repeating: false, count: cells.count)
        for upper in cells.indices {
            var lower = upper + 1
            while lower < cells.count, cells[lower].box.yMin < cells[upper].box.yMax {
                let (a, b) = (cells[upper], cells[lower])
                if a.column != b.column, a.box.verticalOverlap(b.box) > 0.4 * min(a.box.height, b.box.height) {
                    isGroup[a.column < b.column ? upper : lower] = true
                }
                lower += 1
            }
        }
        let rows = cells.indices.filter { !isGroup[$0] }.map { cells[$0] }
        let groups = cells.indices.filter { isGroup[$0] }.map { cells[$0] }
        self.rows = rows
        self.groups = groups
    }

    /// Treats these row labels as group labels after all.
    mutating func demote(_ cells: [Cell]) {
        rows.removeAll { cells.contains($0) }
        groups += cells
    }

    /// Does `next` continue the text of `previous` in the same column? Only when it does not
    /// start a new item (`1.` `（三）`), `previous` filled its column to within a character
    /// (a wrapped line always does) and `next` follows directly below, on a line of its own.
    static func continues(_ previous: PdfSegment, with next: PdfSegment, metrics: Metrics) -> Bool {
        guard !PdfText.startsWithListMarker(next.text), next.box.midY > previous.box.yMax else { return false }
        let gap = next.box.yMin - previous.box.yMax
        guard gap <= 1.5 * metrics.em else { return false }
        let limit = metrics.columns.labelLimit(after: previous.box.xMax) - metrics.cellGap
        return limit - previous.box.xMax < metrics.em + 1
    }
}
