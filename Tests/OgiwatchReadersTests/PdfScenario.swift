import OgiwatchCore
import OgiwatchFixtures
@testable import OgiwatchReaders

/// Pages written word by word with the metrics of `PdfBuilder.words` (CJK one em wide, ASCII
/// half an em, boxes from `y` to `y + size`): the same pages become a word layout for the
/// pure geometry tests or a PDF that the real `pdftotext` reads back.
enum PdfScenario {
    typealias Word = PdfBuilder.Word

    static func layout(_ pages: [[Word]]) -> PdfWordLayout {
        PdfWordLayout(pages: pages.map { words in
            PdfPage(width: 612, height: 792, words: words.map { word in
                let ems = word.text.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 0.5 : 1) }
                return PdfWord(text: word.text, box: PdfBox(xMin: word.x, yMin: word.y, xMax: word.x + ems * word.size, yMax: word.y + word.size))
            })
        })
    }

    static func document(_ pages: [[Word]]) -> Document {
        PdfDocumentBuilder.build(layout(pages))
    }

    /// Running text set as a word processor does: lines of at most `width` ems from x = 90,
    /// the first indented two characters, 14.7 points apart from `y`.
    static func paragraph(_ text: String, y: Double, width: Double = 39) -> [Word] {
        var words: [Word] = []
        var line = ""
        var used = 2.0
        var top = y
        for character in text {
            let size = character.isASCII ? 0.5 : 1
            if used + size > width {
                words.append(Word(line, x: words.isEmpty ? 112 : 90, y: top))
                line = ""
                used = 0
                top += 14.7
            }
            line.append(character)
            used += size
        }
        if !line.isEmpty { words.append(Word(line, x: words.isEmpty ? 112 : 90, y: top)) }
        return words
    }

    /// One table row: text at each x on the line at `y`.
    static func row(_ y: Double, _ cells: [(Double, String)]) -> [Word] {
        cells.map { Word($0.1, x: $0.0, y: y) }
    }

    /// Rows of a table as the grid reads them: merged positions as `·`.
    static func grid(_ table: Table) -> [[String]] {
        table.rows.map { $0.cells.map { $0.isMergedContinuation ? "·" : $0.text } }
    }
}
