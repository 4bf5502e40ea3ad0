/// Groups each page's words into visual lines, top to bottom, and drops page numbers.
enum PdfLineBuilder {
    /// A word joins a line when at least this share of the shorter of the two is shared
    /// vertically: table cells whose text sits a little higher or lower than their neighbours
    /// still make one line, two rows do not.
    static let overlapShare = 0.5

    static func lines(of layout: PdfWordLayout) -> [PdfLine] {
        var result: [PdfLine] = []
        for (index, page) in layout.pages.enumerated() {
            for words in withoutPageNumbers(bands(page.words), page: page) {
                result.append(PdfLine(words: words, page: index, number: result.count + 1))
            }
        }
        return result
    }

    /// Words sorted by their vertical middle, cut into bands: a word joins the band whose
    /// first word it overlaps enough. Measuring against the first word, not the band so far,
    /// keeps a staircase of staggered cells from chaining several rows into one line.
    static func bands(_ words: [PdfWord]) -> [[PdfWord]] {
        var result: [[PdfWord]] = []
        var anchor = PdfBox(xMin: 0, yMin: 0, xMax: 0, yMax: 0)
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if !result.isEmpty, word.box.verticalOverlap(anchor) >= overlapShare * min(word.box.height, anchor.height) {
                result[result.count - 1].append(word)
            } else {
                result.append([word])
                anchor = word.box
            }
        }
        return result
    }

    /// Page numbers (`-3-`, `第 3 页`) are furniture: the first or last line of a page, alone.
    /// A bare number counts only when it sits apart from the text, in the top or bottom margin,
    /// so that a table value at the foot of a page is kept.
    static func withoutPageNumbers(_ lines: [[PdfWord]], page: PdfPage) -> [[PdfWord]] {
        var lines = lines
        if let last = lines.last, isPageNumber(last, neighbour: lines.dropLast().last, page: page, atTop: false) {
            lines.removeLast()
        }
        if let first = lines.first, isPageNumber(first, neighbour: lines.dropFirst().first, page: page, atTop: true) {
            lines.removeFirst()
        }
        return lines
    }

    private static func isPageNumber(_ words: [PdfWord], neighbour: [PdfWord]?, page: PdfPage, atTop: Bool) -> Bool {
        let text = PdfText.join(words.sorted { $0.box.xMin < $1.box.xMin })
        guard PdfText.isPageNumber(text), let box = PdfBox.enclosing(words) else { return false }
        let decorated = text.contains { !$0.isASCIIDigitCharacter && $0 != " " }
        if decorated { return true }
        let inMargin = atTop ? box.yMax < page.height * 0.1 : box.yMin > page.height * 0.85
        guard inMargin else { return false }
        guard let neighbour, let other = PdfBox.enclosing(neighbour) else { return true }
        let gap = atTop ? other.yMin - box.yMax : box.yMin - other.yMax
        return gap >= box.height
    }
}
