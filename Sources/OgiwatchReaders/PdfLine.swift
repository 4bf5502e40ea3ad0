/// One visual line of a page: the words that share a baseline band, left to right.
///
/// Words are the reader's atoms: poppler splits a word wherever it sees a gap, so one word
/// never straddles two table cells. Segments group the words a reader would read as one
/// phrase (no gap wider than most of a character), which is what tells a table row
/// (`行政规范性文件    8    26    66`) from prose.
struct PdfLine: Sendable, Equatable {
    var words: [PdfWord]
    var box: PdfBox
    /// 0-based page index.
    var page: Int
    /// 1-based position among the document's kept lines, the `line` a finding shows.
    var number: Int
    /// The size of one CJK character on this line, in points.
    var em: Double
    var segments: [PdfSegment]

    init(words: [PdfWord], page: Int, number: Int) {
        self.words = words.sorted { $0.box.xMin < $1.box.xMin }
        self.box = PdfBox.enclosing(words) ?? PdfBox(xMin: 0, yMin: 0, xMax: 0, yMax: 0)
        self.page = page
        self.number = number
        self.em = Self.em(of: self.words, height: box.height)
        self.segments = PdfSegment.split(self.words, gap: PdfSegment.gapFactor * em)
    }

    /// The same line moved down by `dy`, so that a table continued on the next page reads on
    /// directly under its part on this page.
    func shifted(by dy: Double) -> PdfLine {
        var line = self
        line.words = words.map { PdfWord(text: $0.text, box: $0.box.shifted(by: dy)) }
        line.box = box.shifted(by: dy)
        line.segments = segments.map { segment in
            PdfSegment(words: segment.words.map { PdfWord(text: $0.text, box: $0.box.shifted(by: dy)) }, box: segment.box.shifted(by: dy))
        }
        return line
    }

    /// The words joined as a reader would write them (see `PdfText.join`).
    var text: String { PdfText.join(words) }

    /// The segments joined with one space: a line of text set with a tab or a wide gap
    /// (`一、    总体情况`) keeps a word break there.
    var spacedText: String { segments.map(\.text).joined(separator: " ") }

    /// Does this line run to the right margin, so that its paragraph goes on? It does when
    /// the start of `next` that could not be broken (an ASCII run such as `2021`, or a
    /// character with the closing punctuation that may not begin a line, `改，`) would not
    /// have fitted after it. Without a next line, a single character is the measure.
    func reachesMargin(before next: PdfLine?, right: Double?) -> Bool {
        guard let right else { return true }
        let chunk = next.map { PdfText.leadingChunkWidth($0.text) } ?? 1
        return box.xMax + chunk * (next?.em ?? em) >= right - em
    }

    /// A gap of at least this many ems separates table cells; words in running text and the
    /// characters of justified or letter-spaced lines sit closer.
    var isGridded: Bool { segments.count >= 2 }

    /// Median width of a character: CJK characters count one, ASCII half. Falls back to
    /// three quarters of the line height, which is what a CJK glyph's box usually is.
    static func em(of words: [PdfWord], height: Double) -> Double {
        var sizes: [Double] = []
        for word in words {
            var units = 0.0
            for scalar in word.text.unicodeScalars { units += scalar.isASCII ? 0.5 : 1 }
            if units >= 1 { sizes.append(word.box.width / units) }
        }
        guard !sizes.isEmpty else { return max(height * 0.75, 1) }
        sizes.sort()
        return max(sizes[sizes.count / 2], 1)
    }
}

/// Words of one line that belong together: no gap of `PdfSegment.gapFactor` ems between them.
struct PdfSegment: Sendable, Equatable {
    var words: [PdfWord]
    var box: PdfBox

    static let gapFactor = 0.8

    var text: String { PdfText.join(words) }

    static func split(_ words: [PdfWord], gap: Double) -> [PdfSegment] {
        var result: [PdfSegment] = []
        for word in words {
            if let last = result.last, word.box.xMin - last.box.xMax < gap {
                result[result.count - 1].words.append(word)
                result[result.count - 1].box = last.box.union(word.box)
            } else {
                result.append(PdfSegment(words: [word], box: word.box))
            }
        }
        return result
    }
}
