/// What a growing table has shown of its columns so far, and whether a further line fits them.
///
/// Before the first line with values everything fits (headers take any shape). After it, a
/// line fits unless it puts two segments into one value column or numbers where this table
/// has its labels: the next table's header (`然 商 科 社 法 其 计` under table 二's three
/// columns) or its values (table 四's fifteen numbers under table 三's labels) do one or the
/// other. Text lines in between wait for such a line to decide (`PdfTableFinder`).
struct PdfTableFit: Sendable {
    /// Header words up to this many characters wide stand over one column (`自`, `结果`).
    static let narrowHeader = 3.5

    private(set) var hasData = false
    private var values: [ClosedRange<Double>] = []
    /// Narrow header words seen before the first values, as candidate value columns.
    private var headerColumns: [ClosedRange<Double>] = []
    private let tolerance: Double

    init(_ first: PdfLine) {
        tolerance = first.em / 2
        add(first)
    }

    private var valueLeft: Double { values.first?.lowerBound ?? .infinity }

    /// A number anywhere, or a value mark (`—` `/`) in the value area: the line holds values.
    func carriesValues(_ line: PdfLine) -> Bool {
        PdfTableFinder.isDataLine(line) || line.segments.contains { segment in
            PdfText.isValueMark(segment.text) && segment.box.xMin >= valueLeft - tolerance
        }
    }

    mutating func add(_ line: PdfLine) {
        guard PdfTableFinder.isDataLine(line) else {
            // Before the values, narrow header words (`自/然/人`) mark columns too.
            if !hasData {
                for word in line.words where !PdfText.isNumber(word.text) && word.box.width <= Self.narrowHeader * 2 * tolerance {
                    headerColumns.append(word.box.xMin...word.box.xMax)
                }
            }
            return
        }
        if !hasData {
            let numberLeft = line.segments.filter { PdfText.isNumber($0.text) }.map(\.box.xMin).min() ?? .infinity
            let labelRight = line.segments.filter { $0.box.xMax < numberLeft - tolerance && !PdfText.isValueMark($0.text) }
                .map(\.box.xMax).max() ?? -.infinity
            for column in headerColumns where column.lowerBound > labelRight { insert(column) }
        }
        hasData = true
        for segment in line.segments where PdfText.isNumber(segment.text) {
            insert(segment.box.xMin...segment.box.xMax)
        }
    }

    /// Segments left of the values that do not stand over a value column.
    private func labelSegments(_ line: PdfLine) -> [PdfSegment] {
        line.segments.filter { segment in
            segment.box.xMin < valueLeft - tolerance && !values.contains { $0.overlaps(segment.box.xMin...segment.box.xMax) }
        }
    }

    func accepts(_ line: PdfLine) -> Bool {
        guard hasData else { return true }
        let labels = labelSegments(line)
        var taken = Set<Int>()
        for segment in line.segments where !labels.contains(segment) {
            guard taken.insert(valueBand(segment.box.midX)).inserted else { return false }
        }
        return !labels.contains { PdfText.isNumber($0.text) }
    }

    private func valueBand(_ x: Double) -> Int {
        var index = 0
        while index + 1 < values.count, x >= (values[index].upperBound + values[index + 1].lowerBound) / 2 { index += 1 }
        return index
    }

    /// Adds an extent to the value columns, merging the columns it overlaps or touches.
    private mutating func insert(_ range: ClosedRange<Double>) {
        var merged = range
        values.removeAll { existing in
            guard existing.lowerBound <= merged.upperBound + 1, merged.lowerBound <= existing.upperBound + 1 else { return false }
            merged = min(existing.lowerBound, merged.lowerBound)...max(existing.upperBound, merged.upperBound)
            return true
        }
        values.append(merged)
        values.sort { $0.lowerBound < $1.lowerBound }
    }
}
