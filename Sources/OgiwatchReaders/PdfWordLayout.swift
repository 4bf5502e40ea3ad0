/// Every word of a PDF with its box, as `pdftotext -bbox-layout` reports it: the raw material
/// from which the PDF reader rebuilds paragraphs and table grids by geometry.
///
/// Coordinates are PDF points with the origin at the top left of each page, y growing down.
struct PdfWordLayout: Sendable, Equatable {
    var pages: [PdfPage]
}

struct PdfPage: Sendable, Equatable {
    var width: Double
    var height: Double
    /// In the converter's order; the reader sorts them by position itself.
    var words: [PdfWord]
}

struct PdfWord: Sendable, Equatable {
    var text: String
    var box: PdfBox
}

struct PdfBox: Sendable, Equatable {
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double

    var width: Double { xMax - xMin }
    var height: Double { yMax - yMin }
    var midX: Double { (xMin + xMax) / 2 }
    var midY: Double { (yMin + yMax) / 2 }

    /// The smallest box holding every word, nil for none.
    static func enclosing(_ words: some Collection<PdfWord>) -> PdfBox? {
        guard let first = words.first?.box else { return nil }
        return words.dropFirst().reduce(first) { $0.union($1.box) }
    }

    /// The smallest box holding both.
    func union(_ other: PdfBox) -> PdfBox {
        PdfBox(xMin: min(xMin, other.xMin), yMin: min(yMin, other.yMin),
               xMax: max(xMax, other.xMax), yMax: max(yMax, other.yMax))
    }

    /// The same box moved down by `dy` (to place a continued page under the previous one).
    func shifted(by dy: Double) -> PdfBox {
        PdfBox(xMin: xMin, yMin: yMin + dy, xMax: xMax, yMax: yMax + dy)
    }

    /// How much the two boxes share vertically (negative: the gap between them).
    func verticalOverlap(_ other: PdfBox) -> Double {
        min(yMax, other.yMax) - max(yMin, other.yMin)
    }
}
