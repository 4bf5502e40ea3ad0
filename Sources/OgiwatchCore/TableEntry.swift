/// A table row reduced to what the extractors need: the label text and, for data rows, the
/// trailing value cells. Rows without values are label fragments (wrapped labels, vertical
/// group labels, shredded headers) that help place their neighbours.
struct TableEntry {
    var label: String
    var values: [CellValue]?
    /// For loose rows: how many numbers were found when fewer than expected.
    var partialCount: Int?
    var line: Int
    /// From a loose (PDF-like) table, where labels are fragmentary.
    var isLoose = false

    var isData: Bool { values != nil || partialCount != nil }

    /// Reads every row of `tables` expecting `valueCount` values at the end of a data row.
    static func entries(of tables: [Table], valueCount: Int) -> [TableEntry] {
        tables.flatMap { table in
            table.rows.map { row in
                table.layout == .grid ? grid(row, valueCount: valueCount) : loose(row, valueCount: valueCount)
            }
        }
    }

    /// Grid rows keep their blanks: the values are the last `valueCount` cells.
    static func grid(_ row: Row, valueCount: Int) -> TableEntry {
        let cells = row.cells
        let labelText = Normalize.compact(cells.prefix(max(0, cells.count - valueCount))
            .filter { !$0.isMergedContinuation }.map(\.text).joined())
        guard cells.count >= valueCount else {
            return TableEntry(label: Normalize.compact(cells.map(\.text).joined()), values: nil, line: row.line)
        }
        let valueCells = cells.suffix(valueCount)
        let values = valueCells.map { CellValue(parsing: $0.text) }
        let hasNumber = values.contains(where: \.isNumber)
        let hasText = values.contains { if case .text = $0 { return true } else { return false } }
        let merged = valueCells.contains(where: \.isMergedContinuation) && !hasNumber
        if merged || !(hasNumber || (!labelText.isEmpty && !hasText)) {
            return TableEntry(label: Normalize.compact(cells.map(\.text).joined()), values: nil, line: row.line)
        }
        return TableEntry(label: labelText, values: values, line: row.line)
    }

    /// Loose rows: only trailing numbers can be trusted; a row with some but too few numbers
    /// is data that cannot be placed.
    static func loose(_ row: Row, valueCount: Int) -> TableEntry {
        let tokens = row.cells.flatMap { cell in
            cell.text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{00A0}" }).map(String.init)
        }
        var trailing = 0
        for token in tokens.reversed() {
            guard CellValue(parsing: token).isNumber else { break }
            trailing += 1
        }
        if trailing >= valueCount {
            let values = tokens.suffix(valueCount).map { CellValue(parsing: $0) }
            return TableEntry(label: Normalize.compact(tokens.dropLast(valueCount).joined()), values: values, line: row.line, isLoose: true)
        }
        let label = Normalize.compact(tokens.dropLast(trailing).joined())
        return TableEntry(label: label, values: nil, partialCount: trailing > 0 && !label.isEmpty ? trailing : nil,
                          line: row.line, isLoose: true)
    }
}
