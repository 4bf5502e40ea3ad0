/// A table row reduced to what the extractors need: the label text and, for data rows, the
/// trailing value cells. Rows without values are label fragments (wrapped labels, vertical
/// group labels, shredded headers) that help place their neighbours.
struct TableEntry {
    var label: String
    var values: [CellValue]?
    /// For loose rows: how many values were found when fewer than expected.
    var partialCount: Int?
    var line: Int
    /// From a loose (PDF-like) table, where labels are fragmentary.
    var isLoose = false
    /// The digits of a run-together row, split once the row is placed (`RunTogetherSplit`).
    var runTogether: RunTogetherRow?

    var isData: Bool { values != nil || partialCount != nil || runTogether != nil }

    /// Reads every row of `tables` (the parts of one table) expecting `valueCount` values at
    /// the end of a data row.
    static func entries(of tables: [Table], valueCount: Int) -> [TableEntry] {
        let stray = strayColumns(tables.filter { $0.layout == .grid })
        return tables.flatMap { table -> [TableEntry] in
            switch table.layout {
            case .grid:
                table.rows.map { grid(Row(cells: Array($0.cells.dropLast(stray)), line: $0.line), valueCount: valueCount) }
            case .loose:
                table.rows.map { loose($0, valueCount: valueCount) }
            case .runTogether:
                table.rows.flatMap(\.cells).flatMap { RunTogetherRow.rows($0.text) }.map { row in
                    TableEntry(label: row.label, values: nil, line: table.line, runTogether: row.chunks.isEmpty ? nil : row)
                }
            }
        }
    }

    /// How many trailing columns hold no text in any row: an empty column right of 总计 that a
    /// hand-edited Word table keeps on every row is not a data column. Rows are aligned on
    /// their last cell, because text exported from Word gives each row only the label cells
    /// it has. The header row names 总计 in the last real column, so a real column is never
    /// taken for a stray one; at most two are dropped.
    static func strayColumns(_ tables: [Table]) -> Int {
        let rows = tables.flatMap(\.rows)
        var stray = 0
        while stray < 2, rows.contains(where: { $0.cells.count > stray }),
              rows.allSatisfy({ row in row.cells.count <= stray || Normalize.trimCell(row.cells[row.cells.count - 1 - stray].text).isEmpty }) {
            stray += 1
        }
        return stray
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
        let merged = valueCells.contains(where: \.isMergedContinuation) && !hasNumber
        let headerText = valueCells.contains { isHeaderText($0.text) }
        if merged || !(hasNumber || (!labelText.isEmpty && !headerText)) {
            return TableEntry(label: Normalize.compact(cells.map(\.text).joined()), values: nil, line: row.line)
        }
        return TableEntry(label: labelText, values: values, line: row.line)
    }

    /// Loose rows (text extracted from PDF) lose their blank cells, so the values are the
    /// trailing tokens that can stand in a value cell; a row with some but too few of them is
    /// data that cannot be placed.
    static func loose(_ row: Row, valueCount: Int) -> TableEntry {
        let tokens = row.cells.flatMap { cell in
            cell.text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{00A0}" }).map(String.init)
        }
        var trailing = 0
        for token in tokens.reversed() {
            guard isValueToken(token) else { break }
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

    /// A number, or a short mark written where a number belongs (`—`, `/`, `无`, `×`, `O`).
    static func isValueToken(_ token: String) -> Bool {
        if CellValue(parsing: token).isNumber { return true }
        let scalars = Normalize.nfkc(token).unicodeScalars
        return scalars.count <= 2 && scalars.allSatisfy { $0 == "无" || !$0.properties.isIdeographic }
            && !scalars.contains { "()（）.、".unicodeScalars.contains($0) }
    }

    /// Words of a header cell (自然人, 总计, 商业企业): two or more ideographs.
    static func isHeaderText(_ text: String) -> Bool {
        Normalize.compact(text).unicodeScalars.filter(\.properties.isIdeographic).count >= 2
    }
}
