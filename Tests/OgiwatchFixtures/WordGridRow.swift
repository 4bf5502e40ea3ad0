import OgiwatchCore

/// One table row as `w:tc` elements: the `DocxWriter` merge convention applied to grid cells.
struct WordGridRow: Sendable {
    enum VerticalMerge: Sendable { case none, restart, continuation }

    struct WordCell: Sendable {
        var text: String
        var column: Int
        var span = 1
        var verticalMerge = VerticalMerge.none
    }

    var cells: [WordCell] = []

    init(cells gridCells: [Cell]) {
        for (column, cell) in gridCells.enumerated() {
            if !cell.isMergedContinuation {
                cells.append(WordCell(text: cell.text, column: column))
            } else if let last = cells.indices.last, cells[last].verticalMerge != .continuation {
                cells[last].span += 1
            } else {
                cells.append(WordCell(text: "", column: column, verticalMerge: .continuation))
            }
        }
    }

    /// Marks the cell above each vertical continuation as the start of its merge.
    static func markingRestarts(_ rows: [WordGridRow]) -> [WordGridRow] {
        var rows = rows
        for index in rows.indices.dropFirst() {
            for cell in rows[index].cells where cell.verticalMerge == .continuation {
                let above = rows[index - 1].cells.firstIndex {
                    $0.column <= cell.column && cell.column < $0.column + $0.span
                }
                if let above, rows[index - 1].cells[above].verticalMerge == .none {
                    rows[index - 1].cells[above].verticalMerge = .restart
                }
            }
        }
        return rows
    }
}
