import OgiwatchCore

/// Joins the lines of running text back into the paragraphs they were typed as, so that
/// sentence rules see whole sentences across line and page breaks.
///
/// A line ends its paragraph when the first word of the next line would have fitted after it
/// (a line is only broken where the next word does not fit; `2021年` and `改，` move down
/// whole); a line starts a new one when it is indented (the first line of a Chinese paragraph), when more space than the
/// usual line spacing sits above it, or when it is a numbered title on its own
/// (`一、总体情况`, `（一）主动公开情况`). The right margin is taken as the mirror of the left
/// one: office documents set both alike.
struct PdfProse {
    let margins: PdfMargins
    /// The usual gap between two lines of one paragraph.
    let lineGap: Double

    /// `lines` are the document's prose lines, from which the usual line spacing is taken.
    init(margins: PdfMargins, lines: [PdfLine]) {
        self.margins = margins
        var gaps: [Double] = []
        for (upper, lower) in zip(lines, lines.dropFirst()) where upper.page == lower.page {
            gaps.append(lower.box.yMin - upper.box.yMax)
        }
        lineGap = PdfTableGeometry.median(gaps) ?? 0
    }

    /// Paragraphs of consecutive prose lines (no table between them).
    func paragraphs(_ lines: [PdfLine]) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [PdfLine] = []
        func flush() {
            guard let first = current.first else { return }
            let text = PdfText.join(current.map(\.spacedText), numbersJoin: false)
            result.append(Paragraph(text, line: first.number))
            current = []
        }
        for line in lines {
            if let previous = current.last, breaks(between: previous, and: line) { flush() }
            current.append(line)
        }
        flush()
        return result
    }

    func breaks(between previous: PdfLine, and line: PdfLine) -> Bool {
        if !previous.reachesMargin(before: line, right: margins.right[previous.page]) || isTitle(line) { return true }
        let left = margins.left[line.page] ?? line.box.xMin
        if line.box.xMin > left + line.em { return true }
        guard previous.page == line.page else { return false }
        return line.box.yMin - previous.box.yMax > lineGap + 0.6 * line.box.height
    }

    /// A numbered line that stops short of the margin: a heading, which Word keeps a
    /// paragraph of its own.
    func isTitle(_ line: PdfLine) -> Bool {
        !line.reachesMargin(before: nil, right: margins.right[line.page]) && SectionHeading.isNumberedTitle(line.spacedText)
    }
}
