/// The horizontal bands a table's rows occupy.
///
/// With row labels, a row runs from its label's top to the next row label's top: every cell
/// of a row starts at the row's top, and whatever a cell wraps or offsets lies below it, above
/// the next row. The first band reaches up to the table's top, so headers above the first row
/// label belong to it. Without row labels, each run of lines carrying values is one row, the
/// lines above the first of them one header row.
struct PdfRowBands: Sendable {
    struct Band: Sendable {
        /// Words whose middle is at or below this belong to the band (until the next band).
        var top: Double
        /// The band's own row label, nil for a header band or a table without labels.
        var label: PdfLabelCells.Cell?
        var isData = false
    }

    var bands: [Band]
    var labels: PdfLabelCells

    /// The first band that carries a value; bands before it are the header.
    var firstData: Int? { bands.firstIndex(where: \.isData) }

    init(_ geometry: PdfTableGeometry) {
        var labels = PdfLabelCells(lines: geometry.lines, metrics: geometry.metrics)
        bands = Self.bands(labels, geometry)
        self.labels = labels
        let stray = strayGroupLabels(geometry)
        if !stray.isEmpty {
            labels.demote(stray)
            bands = Self.bands(labels, geometry)
            self.labels = labels
        }
    }

    private static func bands(_ labels: PdfLabelCells, _ geometry: PdfTableGeometry) -> [Band] {
        let slack = geometry.em * 0.3
        var bands: [Band]
        if labels.rows.isEmpty {
            bands = valueRuns(geometry).map { Band(top: $0 - slack, label: nil) }
        } else {
            bands = labels.rows.map { Band(top: $0.box.yMin - slack, label: $0) }
            // Header text above the first row label (a table-三 caption cell left empty) is a
            // band of its own, so that the first row keeps only its own words.
            if let first = bands.first, geometry.lines.contains(where: { $0.box.midY < first.top }) {
                bands.insert(Band(top: -.infinity, label: nil), at: 0)
            }
        }
        if !bands.isEmpty { bands[0].top = -.infinity }
        let result = PdfRowBands(bands: bands, labels: labels)
        for word in geometry.valueWords where isValue(word.word.text) {
            if let index = result.index(of: word.word.box) { bands[index].isData = true }
        }
        return bands
    }

    private init(bands: [Band], labels: PdfLabelCells) {
        self.bands = bands
        self.labels = labels
    }

    /// Row labels that hold nothing but themselves between rows with values, in a column that
    /// has labels further right: a group label set between two of its rows (centred in a
    /// vertical merge, `（三）不予公开` beside `4.` and `5.`) that overlaps neither enough.
    private func strayGroupLabels(_ geometry: PdfTableGeometry) -> [PdfLabelCells.Cell] {
        guard let first = firstData, let last = bands.lastIndex(where: \.isData) else { return [] }
        let leaf = bands.compactMap { $0.isData ? $0.label?.column : nil }.max() ?? 0
        var occupied = Set<Int>()
        for word in geometry.valueWords {
            if let index = index(of: word.word.box) { occupied.insert(index) }
        }
        return bands.indices.filter { index in
            index > first && index < last && !occupied.contains(index) && (bands[index].label?.column ?? leaf) < leaf
        }.compactMap { bands[$0].label }
    }

    /// The band holding a box's vertical middle.
    func index(of box: PdfBox) -> Int? {
        var low = 0
        var high = bands.count
        while low < high {
            let middle = (low + high) / 2
            if bands[middle].top <= box.midY { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    /// Tops of the rows of a table without labels: a line with values starts a new row unless
    /// it only fills columns the row has left empty (values offset within one row) or
    /// continues a number that filled its column's width (wrapped). Text before the first
    /// values is a header band on top.
    static func valueRuns(_ geometry: PdfTableGeometry) -> [Double] {
        var tops: [Double] = []
        var filled: [Int: PdfBox] = [:]
        var sawText = false
        for line in geometry.lines {
            let values = line.segments.filter { !geometry.columns.isLabel($0.box) && isValue($0.text) }
            guard !values.isEmpty else {
                if tops.isEmpty { sawText = true }
                continue
            }
            let placed = values.compactMap { value in geometry.columns.valueColumn(value.box).map { ($0, value.box) } }
            let startsRow = tops.isEmpty || placed.contains { column, _ in
                guard let above = filled[column] else { return false }
                let width = geometry.columns.values[column]
                return above.width < width.upperBound - width.lowerBound - geometry.em / 3
            }
            if startsRow {
                tops.append(line.box.yMin)
                filled = [:]
            }
            for (column, box) in placed { filled[column] = box }
        }
        if sawText, let first = geometry.lines.first { tops.insert(first.box.yMin, at: 0) }
        return tops
    }

    static func isValue(_ text: String) -> Bool {
        PdfText.isNumber(text) || PdfText.isValueMark(text)
    }
}
