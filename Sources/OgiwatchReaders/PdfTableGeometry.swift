/// One table's lines measured once: where its columns are, how big its characters are and how
/// far apart two cells' text sits, with its pages placed one under the other.
struct PdfTableGeometry: Sendable {
    /// A word of the table with the line it came from.
    struct Placed: Sendable, Equatable {
        var word: PdfWord
        var line: Int
    }

    var lines: [PdfLine]
    var metrics: PdfLabelCells.Metrics
    /// Words right of the label area: numbers, value marks, column headers.
    var valueWords: [Placed]

    var columns: PdfColumns { metrics.columns }
    var em: Double { metrics.em }

    init(lines: [PdfLine]) {
        let lines = Self.stacked(lines)
        let em = Self.median(lines.map(\.em)) ?? 10
        let columns = PdfColumns.find(in: lines, em: em)
        self.lines = lines
        self.metrics = PdfLabelCells.Metrics(columns: columns, em: em, cellGap: Self.cellGap(lines, em: em))
        self.valueWords = lines.flatMap { line in
            line.segments.filter { !columns.isLabel($0.box) }.flatMap { $0.words.map { Placed(word: $0, line: line.number) } }
        }
    }

    /// Lines of a later page moved up to follow the previous page's last line at the table's
    /// usual line spacing: a cell broken by the page break reads as one cell again.
    static func stacked(_ lines: [PdfLine]) -> [PdfLine] {
        var gaps: [Double] = []
        for (upper, lower) in zip(lines, lines.dropFirst()) where upper.page == lower.page {
            gaps.append(lower.box.yMin - upper.box.yMax)
        }
        let gap = max(median(gaps) ?? 0, 0)
        var result: [PdfLine] = []
        var shift = 0.0
        for line in lines {
            if let last = result.last, line.page != last.page {
                shift = last.box.yMax + gap - line.box.yMin
            }
            result.append(shift == 0 ? line : line.shifted(by: shift))
        }
        return result
    }

    /// The narrowest gaps between segments of one line are the two paddings of adjacent cells;
    /// the tenth percentile ignores a stray pair set unusually close. A table whose cells are
    /// all far from full shows no padding at all, so the estimate stays within the usual
    /// paddings of office suites, half a character to one and a half.
    static func cellGap(_ lines: [PdfLine], em: Double) -> Double {
        var gaps: [Double] = []
        for line in lines {
            for (left, right) in zip(line.segments, line.segments.dropFirst()) {
                gaps.append(right.box.xMin - left.box.xMax)
            }
        }
        guard !gaps.isEmpty else { return em }
        gaps.sort()
        return min(max(gaps[gaps.count / 10], 0.5 * em), 1.5 * em)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }
}
