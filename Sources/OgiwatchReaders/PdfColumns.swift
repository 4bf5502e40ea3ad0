/// Where a table's columns are, found from the words alone (a PDF keeps no cell borders).
///
/// Value columns come from the numbers and the header words above them (`自/然/人`,
/// `结/果/维/持`): all the text of one column overlaps, whatever the alignment of each cell,
/// and two columns are kept apart by the cell padding. Label columns come from the left edges
/// where label text starts in several rows (`三、` `（一）` `1.` of table 三). Everything
/// left of the value area is label area.
struct PdfColumns: Sendable, Equatable {
    /// Value columns, left to right: the x-range their text covers.
    var values: [ClosedRange<Double>]
    /// Left edges of the label columns, left to right.
    var labelStarts: [Double]
    /// Half a character: how far a left edge may stray and still start the same column.
    var tolerance: Double
    /// Where the value area begins; infinity when the table holds no numbers.
    var valueLeft: Double

    /// More column candidates than any table has; beyond this, words that start yet another
    /// are left out, which keeps a hostile page of scattered numbers linear.
    static let maxGroups = 128

    /// Is this box (a segment or a word) in the label area?
    func isLabel(_ box: PdfBox) -> Bool { box.xMin < valueLeft - tolerance }

    /// The value column a box belongs to: the one whose band, cut halfway between two
    /// columns, holds the box's middle.
    func valueColumn(_ box: PdfBox) -> Int? {
        guard !values.isEmpty else { return nil }
        var index = 0
        while index + 1 < values.count, box.midX >= (values[index].upperBound + values[index + 1].lowerBound) / 2 {
            index += 1
        }
        return index
    }

    /// The label column a left edge starts: the last start at or before it.
    func labelColumn(_ xMin: Double) -> Int {
        labelStarts.lastIndex { $0 <= xMin + tolerance } ?? 0
    }

    /// Where the label column holding `xMax` ends: the next column's start or the value area.
    func labelLimit(after xMax: Double) -> Double {
        labelStarts.first { $0 > xMax } ?? valueLeft
    }

    /// Columns from lines of one table. `em` is the table's character size.
    static func find(in lines: [PdfLine], em: Double) -> PdfColumns {
        let tolerance = em / 2
        let firstData = lines.firstIndex(where: PdfTableFinder.isDataLine) ?? lines.count
        let numbers = lines.flatMap { $0.segments.filter { PdfText.isNumber($0.text) } }
        let numberLeft = numbers.map(\.box.xMin).min() ?? .infinity
        // The right edge of the row labels: header text left of it is label text.
        let labelRight = lines[firstData...].flatMap(\.segments)
            .filter { $0.box.xMax < numberLeft - tolerance && !PdfText.isNumber($0.text) && !PdfText.isValueMark($0.text) }
            .map(\.box.xMax).max() ?? -.infinity
        // Numbers and header segments carry their line: two columns share lines, the cells of
        // one column do not.
        let items = lines.indices.flatMap { index in
            lines[index].segments.filter { segment in
                PdfText.isNumber(segment.text) || (index < firstData && segment.box.xMin > labelRight)
            }.map { (range: $0.box.xMin...$0.box.xMax, line: index) }
        }
        let values = merged(items)
        // A column header set at the cell's left may start before the numbers, which sit
        // further in; it counts when it shares its line with a label, as `本年制发件数` does
        // beside `信息内容` (a caption alone on its line may stand anywhere).
        var valueLeft = values.first?.lowerBound ?? .infinity
        if let first = values.first {
            for line in lines where !PdfTableFinder.isDataLine(line) {
                for segment in line.segments.dropFirst() where segment.box.xMin < valueLeft
                    && segment.box.xMax > first.lowerBound && segment.box.xMin > labelRight {
                    valueLeft = segment.box.xMin
                }
            }
        }
        var starts: [Double] = []
        for line in lines {
            for piece in labelPieces(line, valueLeft: valueLeft - tolerance, knownStarts: []) {
                starts.append(piece.box.xMin)
            }
        }
        return PdfColumns(values: values, labelStarts: clusterStarts(starts, tolerance: tolerance),
                          tolerance: tolerance, valueLeft: valueLeft)
    }

    /// Extents unioned where they overlap or touch, narrowest first, unless that would join
    /// groups that share a line: those are two columns, and what touches both (a header over
    /// several columns, `申请人情况`, or a value in a spanning cell, `121.8057万元`) stays
    /// out. A header over two groups that never share a line makes them one column whose cells
    /// are aligned differently. A header over no numbers is a column left blank in every row
    /// (table 四 has a single row).
    static func merged(_ items: [(range: ClosedRange<Double>, line: Int)]) -> [ClosedRange<Double>] {
        var groups: [(range: ClosedRange<Double>, lines: Set<Int>)] = []
        for item in items.sorted(by: { $0.range.upperBound - $0.range.lowerBound < $1.range.upperBound - $1.range.lowerBound }) {
            let hits = groups.indices.filter { index in
                groups[index].range.lowerBound <= item.range.upperBound + 1 && item.range.lowerBound <= groups[index].range.upperBound + 1
            }
            guard !hits.isEmpty || groups.count < maxGroups else { continue }
            let apart = hits.allSatisfy { first in hits.allSatisfy { $0 == first || groups[$0].lines.isDisjoint(with: groups[first].lines) } }
            guard apart else { continue }
            var range = item.range
            var lines: Set<Int> = [item.line]
            for index in hits {
                range = min(range.lowerBound, groups[index].range.lowerBound)...max(range.upperBound, groups[index].range.upperBound)
                lines.formUnion(groups[index].lines)
            }
            groups = groups.indices.filter { !hits.contains($0) }.map { groups[$0] } + [(range, lines)]
        }
        return groups.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Left edges that recur (two or more within `tolerance`) start a column; the leftmost
    /// edge always does. A one-off edge is a centred or wrapped line inside a column.
    static func clusterStarts(_ edges: [Double], tolerance: Double) -> [Double] {
        let sorted = edges.sorted()
        var clusters: [(first: Double, count: Int)] = []
        for edge in sorted {
            if let last = clusters.last, edge - last.first <= tolerance {
                clusters[clusters.count - 1].count += 1
            } else {
                clusters.append((edge, 1))
            }
        }
        return clusters.enumerated().filter { $0.offset == 0 || $0.element.count >= 2 }.map(\.element.first)
    }

    /// The label-area segments of a line cut into pieces: a piece also ends where the next
    /// word starts a known column (`理` and `（三）不予公开` sit closer than a character).
    static func labelPieces(_ line: PdfLine, valueLeft: Double, knownStarts: [Double], tolerance: Double = 0) -> [PdfSegment] {
        var pieces: [PdfSegment] = []
        for segment in line.segments where segment.box.xMin < valueLeft {
            for (index, word) in segment.words.enumerated() {
                let startsColumn = knownStarts.contains { abs($0 - word.box.xMin) <= tolerance }
                if index > 0, !startsColumn, let last = pieces.last {
                    pieces[pieces.count - 1] = PdfSegment(words: last.words + [word], box: last.box.union(word.box))
                } else {
                    pieces.append(PdfSegment(words: [word], box: word.box))
                }
            }
        }
        return pieces
    }
}
