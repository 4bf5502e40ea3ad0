/// Finds a table's header printed again inside it: Word and LibreOffice repeat header rows at
/// the top of each page, and a table split in two may carry its own copy. The copy is not
/// data and must not be read into the row above it.
enum PdfRepeatedHeader {
    /// A copy must hold at least this share of the header's words.
    static let minimumShare = 0.5

    /// Numbers of the lines below the first data row that only repeat header words (same text,
    /// same place), when together they repeat enough of the header; nil when there is none.
    static func lines(in geometry: PdfTableGeometry, bands: PdfRowBands) -> Set<Int>? {
        guard let first = bands.firstData, first > 0 else { return nil }
        let dataTop = bands.bands[first].top
        let header = geometry.lines.filter { $0.box.midY < dataTop }.flatMap(\.words)
        guard header.count >= 2 else { return nil }
        let places = Dictionary(grouping: header, by: \.text).mapValues { $0.map(\.box.xMin) }
        var repeated = Set<Int>()
        var matched = 0
        for line in geometry.lines where line.box.midY >= dataTop {
            guard !line.segments.contains(where: { PdfText.isNumber($0.text) }) else { continue }
            let copies = line.words.allSatisfy { word in
                places[word.text, default: []].contains { abs($0 - word.box.xMin) <= geometry.em }
            }
            if copies {
                repeated.insert(line.number)
                matched += line.words.count
            }
        }
        return Double(matched) >= minimumShare * Double(header.count) ? repeated : nil
    }
}
