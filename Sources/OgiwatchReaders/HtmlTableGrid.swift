import OgiwatchCore

/// Places HTML table cells on a grid, expanding `rowspan` and `colspan` (README, "Formats").
///
/// The origin of a merged cell keeps the text; every other position it covers becomes an
/// empty cell marked `isMergedContinuation`, so the rules can tell a merge from a blank the
/// author left. Spans are clamped, and a rowspan past the last row is cut there (as browsers
/// do), so absurd values cannot inflate the grid.
struct HtmlTableGrid: Sendable {
    static let maxColspan = 100
    static let maxRowspan = 1000
    /// Far above any report table (table 四 has 15 columns), far below a memory problem.
    static let maxCells = 200_000

    private var rows: [[Cell?]] = []
    private var rowLines: [Int] = []
    /// Positions of the rows not yet started that earlier rowspans already cover.
    private var pending: [Int: Set<Int>] = [:]
    private var cellCount = 0

    var isEmpty: Bool { rows.isEmpty }
    /// Grid columns of the widest row.
    var width: Int { rows.map(\.count).max() ?? 0 }

    mutating func startRow(line: Int) {
        rows.append([])
        rowLines.append(line)
        for column in pending.removeValue(forKey: rows.count - 1) ?? [] {
            place(Cell("", isMergedContinuation: true), at: column)
        }
    }

    mutating func addCell(_ text: String, rowspan: Int, colspan: Int, line: Int) throws(DocumentProblem) {
        if rows.isEmpty { startRow(line: line) }
        let row = rows.count - 1
        let columns = min(max(colspan, 1), Self.maxColspan)
        let down = min(max(rowspan, 1), Self.maxRowspan)
        var column = 0
        while column < rows[row].count, rows[row][column] != nil { column += 1 }
        cellCount += columns * down
        guard cellCount <= Self.maxCells else {
            throw DocumentProblem(.unreadable, "HTML 表格超过 \(Self.maxCells) 个单元格，年度报告不会这么大，已拒绝读取")
        }
        for offset in 0..<columns {
            place(offset == 0 ? Cell(text) : Cell("", isMergedContinuation: true), at: column + offset)
            for below in 1..<down {
                pending[row + below, default: []].insert(column + offset)
            }
        }
    }

    /// The finished table: holes and short rows are filled with blank cells, so every row
    /// has the table's width and a value keeps its column.
    func table() -> Table? {
        guard let first = rowLines.first else { return nil }
        let width = rows.map(\.count).max() ?? 0
        let finished = zip(rows, rowLines).map { cells, line in
            Row(cells: (0..<width).map { $0 < cells.count ? cells[$0] ?? Cell("") : Cell("") }, line: line)
        }
        return Table(rows: finished, layout: .grid, line: first)
    }

    private mutating func place(_ cell: Cell, at column: Int) {
        let row = rows.count - 1
        if rows[row].count <= column {
            rows[row].append(contentsOf: Array(repeating: nil, count: column + 1 - rows[row].count))
        }
        rows[row][column] = cell
    }
}
