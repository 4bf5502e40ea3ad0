/// Finds which runs of lines are tables.
///
/// A table starts at a line with cells (two segments or more) and grows line by line, across
/// page breaks, while each line fits it (`PdfTableFit`): no section heading, no sentence, no
/// line of running text. Lines without values wait until a line with values confirms them; at
/// the end only those that continue a label above stay, the rest (a renamed heading, the next
/// table's header) go back to the text or start the next table. Short caption lines just above
/// the table (`第二十条第（一）项`) join it.
struct PdfTableFinder {
    /// At most this many caption lines above a table's first cell line are taken into it.
    static let maxCaptionLines = 6
    /// At most this many lines after a table's last values are kept as wrapped labels.
    static let maxTrailingLines = 8
    /// A report table has some hundred lines; a longer run is cut here, so that a hostile
    /// file cannot make one table of a whole document.
    static let maxTableLines = 2_000

    let lines: [PdfLine]
    let margins: PdfMargins

    /// Index ranges of the tables among `lines`, in order.
    func tables() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard Self.startsTable(lines[index]) else {
                index += 1
                continue
            }
            let end = grow(from: index)
            // A run without values from here has none from any later start either.
            guard lines[index..<end].contains(where: Self.isDataLine), end - index >= 2 else {
                index = max(end, index + 1)
                continue
            }
            result.append(captionStart(before: index, notBefore: result.last?.upperBound ?? 0)..<end)
            index = end
        }
        return result
    }

    /// A line with cells that is neither running text nor a numbered title set with a tab
    /// (`2、    主动发布信息情况`, a renamed section heading right above its table).
    static func startsTable(_ line: PdfLine) -> Bool {
        line.isGridded && !isText(line) && (isDataLine(line) || !SectionHeading.isNumberedTitle(line.spacedText))
    }

    /// A heading or running text: never part of a table.
    static func isText(_ line: PdfLine) -> Bool {
        SectionHeading.matches(line.text) || line.segments.contains { PdfText.isSentence($0.text) && $0.text.count > 8 }
    }

    static func isDataLine(_ line: PdfLine) -> Bool {
        line.segments.contains { PdfText.isNumber($0.text) }
    }

    /// The end (exclusive) of the table that starts at `start`.
    func grow(from start: Int) -> Int {
        var fit = PdfTableFit(lines[start])
        var end = start + 1
        var pending: [Int] = []
        var index = start + 1
        while index < lines.count, index - start < Self.maxTableLines {
            let line = lines[index]
            guard !Self.isText(line), !isWideText(line), fit.accepts(line) else { break }
            fit.add(line)
            if !fit.hasData || fit.carriesValues(line) {
                end = index + 1
                pending = []
            } else {
                pending.append(index)
            }
            index += 1
        }
        // Lines after the last values stay only while they continue a label of the table.
        var table = Array(lines[start..<end])
        for index in pending.prefix(Self.maxTrailingLines) {
            guard Self.continuesLabel(lines[index], table: table) else { break }
            table.append(lines[index])
            end = index + 1
        }
        return end
    }

    /// A line of running text: one segment of some length over most of the text column.
    func isWideText(_ line: PdfLine) -> Bool {
        guard line.segments.count == 1, line.text.count >= 20, let width = margins.width(of: line.page) else { return false }
        return line.box.width >= 0.75 * width
    }

    /// Every label piece of `line` continues a label cell of an earlier line in its column.
    static func continuesLabel(_ line: PdfLine, table: [PdfLine]) -> Bool {
        let geometry = PdfTableGeometry(lines: table + [line])
        guard line.segments.allSatisfy({ geometry.columns.isLabel($0.box) }) else { return false }
        let labels = PdfLabelCells(lines: geometry.lines, metrics: geometry.metrics)
        return (labels.rows + labels.groups).allSatisfy { cell in
            cell.lines.last != line.number || cell.lines.contains { $0 != line.number }
        }
    }

    /// Where the table's caption lines start: short lines directly above it that are neither
    /// headings nor sentences nor running text.
    func captionStart(before start: Int, notBefore floor: Int) -> Int {
        var first = start
        while first > floor, start - first < Self.maxCaptionLines {
            let line = lines[first - 1]
            let next = lines[first]
            guard line.page == next.page, next.box.yMin - line.box.yMax <= 3 * line.box.height, !Self.isText(line),
                  !SectionHeading.isNumberedTitle(line.text), !isWideText(line),
                  !line.segments.contains(where: { PdfText.isSentence($0.text) }) else { break }
            first -= 1
        }
        return first
    }
}
