import OgiwatchCore

/// The value-area text of a band without numbers: a header, a caption or a block header of
/// table 二. Words over one column stack into that column's cell (`自/然/人`); a word over
/// several columns (`申请人情况`, `行政复议`) is a spanning cell on a row of its own above
/// them, as the header rows of the Word table were.
struct PdfHeaderCells {
    struct Spanning {
        var text: String
        var columns: ClosedRange<Int>
        var box: PdfBox
    }

    /// Per value column, the words standing over it alone, joined top to bottom.
    var stacks: [Int: String]
    var stackBoxes: [Int: PdfBox]
    /// Spanning words, top to bottom.
    var spanning: [Spanning]

    init(_ words: [PdfWord], columns: PdfColumns) {
        var single: [Int: [PdfWord]] = [:]
        var spanning: [Spanning] = []
        for word in words.sorted(by: { $0.box.yMin < $1.box.yMin }) where !columns.values.isEmpty {
            let covered = Self.columns(of: word.box, in: columns)
            if covered.count > 1 {
                spanning.append(Spanning(text: word.text, columns: covered, box: word.box))
            } else {
                single[covered.lowerBound, default: []].append(word)
            }
        }
        stacks = single.mapValues(PdfTableRows.text)
        stackBoxes = single.compactMapValues { PdfBox.enclosing($0) }
        self.spanning = spanning
    }

    /// The value columns a header word stands over: those whose values it overlaps, or the
    /// one whose band holds its middle. A left-aligned header may reach past the middle of
    /// the gap to the next column without spanning it; it spans only when it reaches over
    /// the next column's values.
    static func columns(of box: PdfBox, in columns: PdfColumns) -> ClosedRange<Int> {
        let over = columns.values.indices.filter { columns.values[$0].overlaps(box.xMin...box.xMax) }
        if let first = over.first, let last = over.last, last > first { return first...last }
        let column = columns.valueColumn(box) ?? 0
        return column...column
    }

    /// A block header inside the table (`信息内容 | 本年处理决定数量`): words, not value marks.
    var isHeading: Bool {
        (Array(stacks.values) + spanning.map(\.text)).contains { text in
            text.filter { !$0.isWhitespace }.count >= 3 && !PdfText.isNumber(text) && !PdfText.isValueMark(text)
        }
    }

    /// How a block with this header groups the value columns: column → part. A header with
    /// fewer cells than columns (`本年处理决定数量` over three) spans; nil when each column
    /// has its own header.
    func partition(columns: PdfColumns) -> [Int]? {
        let stacked = Set(stacks.keys)
        var centres = stackBoxes.map(\.value.midX)
        centres += spanning.filter { span in !span.columns.contains(where: stacked.contains) }.map(\.box.midX)
        centres.sort()
        guard !centres.isEmpty, centres.count < columns.values.count else { return nil }
        return columns.values.map { range in
            let middle = (range.lowerBound + range.upperBound) / 2
            return centres.indices.min { abs(centres[$0] - middle) < abs(centres[$1] - middle) } ?? 0
        }
    }

    /// The band as grid rows: one row per level of spanning words, then the stacks; the label
    /// cells on the first row, merged down the rest where they hold text.
    func rows(labels: [Cell], valueCount: Int, line: Int) -> [Row] {
        var levels: [[Spanning]] = []
        for span in spanning {
            if let level = levels.firstIndex(where: { row in !row.contains { $0.columns.overlaps(span.columns) } }) {
                levels[level].append(span)
            } else {
                levels.append([span])
            }
        }
        var valueRows: [[Cell]] = levels.map { level in
            var cells = [Cell](repeating: Cell(""), count: valueCount)
            for span in level {
                cells[span.columns.lowerBound] = Cell(span.text)
                for column in span.columns.dropFirst() { cells[column] = Cell("", isMergedContinuation: true) }
            }
            return cells
        }
        if !stacks.isEmpty || valueRows.isEmpty {
            valueRows.append((0..<valueCount).map { Cell(stacks[$0] ?? "") })
        }
        let below = labels.map { $0.text.isEmpty && !$0.isMergedContinuation ? Cell("") : Cell("", isMergedContinuation: true) }
        return valueRows.enumerated().map { index, cells in
            Row(cells: (index == 0 ? labels : below) + cells, line: line)
        }
    }
}
