import OgiwatchCore

/// Rebuilds a table's grid from the words of the lines the finder gave it.
///
/// Rows are the bands between the tops of the row labels: a cell's text starts at the top of
/// its row, so everything from one label's top to the next belongs to the first, however the
/// values inside are offset or wrapped. A table without row labels (table 四) has one row per
/// run of number lines. Within a row, each value column's words are one cell: a number wrapped
/// in a narrow column joins up again, and a column with no words is a real blank.
enum PdfTableBuilder {
    /// A table needs numbers in at least this many positions to be read as one.
    static let minimumNumbers = 2
    /// Tables 二 三 四 have at most 15 value and 3 label columns; far more is not a table to
    /// check but words scattered over a page, and stays text.
    static let maxValueColumns = 64
    static let maxLabelColumns = 16

    static func build(_ lines: [PdfLine]) -> Table? {
        var geometry = PdfTableGeometry(lines: lines)
        guard geometry.columns.values.count <= maxValueColumns, geometry.columns.labelStarts.count <= maxLabelColumns else { return nil }
        var bands = PdfRowBands(geometry)
        if let repeated = PdfRepeatedHeader.lines(in: geometry, bands: bands) {
            geometry = PdfTableGeometry(lines: geometry.lines.filter { !repeated.contains($0.number) })
            bands = PdfRowBands(geometry)
        }
        let numbers = geometry.valueWords.filter { PdfText.isNumber($0.word.text) }.count
        guard numbers >= minimumNumbers, !bands.bands.isEmpty else { return nil }
        let rows = PdfTableRows(geometry: geometry, bands: bands).rows()
        guard let first = rows.first else { return nil }
        return Table(rows: rows, layout: .grid, line: first.line)
    }
}
