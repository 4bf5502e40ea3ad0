import OgiwatchCore

/// Fills a table's grid band by band: label columns first, value columns after, one `Cell`
/// per grid position as the .docx reader gives them, so a blank cell is a real blank and a
/// merged position is marked as one.
struct PdfTableRows {
    let geometry: PdfTableGeometry
    let bands: PdfRowBands

    private enum Slot: Equatable {
        case blank
        case text(String)
        case merged

        var cell: Cell {
            switch self {
            case .blank: Cell("")
            case .text(let text): Cell(text)
            case .merged: Cell("", isMergedContinuation: true)
            }
        }
    }

    private var labelCount: Int { geometry.columns.labelStarts.count }
    private var valueCount: Int { geometry.columns.values.count }

    func rows() -> [Row] {
        let labels = labelGrid()
        var words = [[PdfTableGeometry.Placed]](repeating: [], count: bands.bands.count)
        for placed in geometry.valueWords {
            if let band = bands.index(of: placed.word.box) { words[band].append(placed) }
        }
        let firstData = bands.firstData ?? bands.bands.count
        var partition: [Int]?
        var rows: [Row] = []
        for (index, band) in bands.bands.enumerated() {
            let line = ([band.label?.lines.first].compactMap { $0 } + words[index].map(\.line)).min() ?? rows.last?.line ?? 1
            if band.isData {
                rows.append(Row(cells: labels[index].map(\.cell) + valueCells(words[index], partition: partition), line: line))
                continue
            }
            let header = PdfHeaderCells(words[index].map(\.word), columns: geometry.columns)
            if index > firstData, header.isHeading {
                partition = header.partition(columns: geometry.columns)
            }
            rows += header.rows(labels: labels[index].map(\.cell), valueCount: valueCount, line: line)
        }
        return rows
    }

    /// Label slots per band: each row label in its column, running right to the values as a
    /// merged span; each group label in the first band it reaches, merged down the bands
    /// beside it until the next label in its column or a row label that spans over it.
    private func labelGrid() -> [[Slot]] {
        var grid = [[Slot]](repeating: [Slot](repeating: .blank, count: labelCount), count: bands.bands.count)
        guard labelCount > 0 else { return grid }
        for (index, band) in bands.bands.enumerated() {
            guard let label = band.label, label.column < labelCount else { continue }
            grid[index][label.column] = .text(label.text)
            for column in (label.column + 1)..<labelCount { grid[index][column] = .merged }
        }
        let starts = bands.labels.groups.compactMap { group in
            group.column < labelCount ? group.pieces.first.flatMap { bands.index(of: $0.box) }.map { (group, $0) } : nil
        }
        let startSet = Set(starts.map { [$0.0.column, $0.1] })
        for (group, first) in starts {
            if case .text(let existing) = grid[first][group.column], bands.bands[first].label?.column == group.column {
                grid[first][group.column] = .text(existing + group.text)
            } else {
                grid[first][group.column] = .text(group.text)
            }
            var band = first + 1
            while band < bands.bands.count, (bands.bands[band].label?.column ?? labelCount) > group.column,
                  !startSet.contains([group.column, band]) {
                grid[band][group.column] = .merged
                band += 1
            }
        }
        return grid
    }

    /// One cell per value column: its words, line by line. With a partition (a block whose
    /// header has fewer cells than the table has columns), each part is one cell at its first
    /// column and merged across the rest.
    private func valueCells(_ words: [PdfTableGeometry.Placed], partition: [Int]?) -> [Cell] {
        let parts = partition ?? Array(0..<valueCount)
        var byPart = [Int: [PdfWord]]()
        for placed in words {
            guard let column = geometry.columns.valueColumn(placed.word.box) else { continue }
            byPart[parts[column], default: []].append(placed.word)
        }
        var cells: [Cell] = []
        for column in 0..<valueCount {
            if column > 0, parts[column] == parts[column - 1] {
                cells.append(Cell("", isMergedContinuation: true))
            } else {
                cells.append(Cell(Self.text(byPart[parts[column], default: []])))
            }
        }
        return cells
    }

    /// Words of one cell in reading order: each visual line joined, the lines joined as a
    /// wrapped cell reads.
    static func text(_ words: [PdfWord]) -> String {
        let lines = PdfLineBuilder.bands(words).map { PdfText.join($0.sorted { $0.box.xMin < $1.box.xMin }) }
        return PdfText.join(lines, numbersJoin: true)
    }
}
