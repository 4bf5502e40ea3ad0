/// Text whose body sits on one line — a web page's text copied out, or what a crawler kept —
/// runs headings, prose and tables together:
/// 「…工作落到实处。二、主动公开政府信息情况第二十条第（一）项…规章000…」.
/// This cuts such a paragraph into what it would have been: a heading where a marker with the
/// section's own ordinal is followed by an accepted title, and a table where a table opens and
/// its labels follow. The heading is cut out after a sentence or a table's last digits, but
/// not where list punctuation stands before its marker or after its title, as in an
/// introduction that enumerates the parts. A table is kept as one run-together cell for the extractor.
struct FlattenedText {
    /// Accepted titles with their section number, in the folded form used for search.
    private let titles: [(number: Int, title: [Unicode.Scalar])]
    /// Opening words of each template table, and the labels that must follow them.
    private let tables: [(openings: [[Unicode.Scalar]], labels: [[Unicode.Scalar]])]

    /// Labels of a table that must follow its opening words before a run is taken for it.
    static let minLabels = 3
    /// How far after the opening words those labels are looked for.
    static let labelWindow = 300
    static let listPunctuation = Set("、，,；;。".unicodeScalars)
    /// More headings in one line than any report has; a line with more is left as it is.
    static let maxCuts = 64
    static let clausePunctuation = Set("，,；;。".unicodeScalars)

    init(sections: [SectionSpec], templates: [TemplateSpec]) {
        titles = sections.flatMap { spec in spec.comparableTitles.map { (spec.number, Array($0.unicodeScalars)) } }
        tables = templates.flatMap { t in [t.tables.T2, t.tables.T3, t.tables.T4] }.map { spec in
            let labels = (spec.allRows.map(\.label) + ((spec.columns ?? []) + (spec.blocks ?? []).flatMap(\.columns)).map(\.label))
                .map { Array(Normalize.nfkcCompact($0).unicodeScalars) }.filter { $0.count >= 3 }
            return ((spec.opening ?? []).map { Array(Normalize.nfkcCompact($0).unicodeScalars) }, labels)
        }
    }

    func expand(_ blocks: [Document.Block]) -> [Document.Block] {
        blocks.flatMap { block -> [Document.Block] in
            guard case .paragraph(let p) = block, p.text.unicodeScalars.count > HeadingLine.maxLength else { return [block] }
            return cutHeadings(p).flatMap { piece -> [Document.Block] in
                piece.isHeading ? [.paragraph(piece.paragraph)] : cutTable(piece.paragraph)
            }
        }
    }

    /// The paragraph's scalars folded for search (NFKC of full-width forms), without
    /// whitespace, each with its offset in the original.
    private static func folded(_ text: String) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        for (offset, scalar) in text.unicodeScalars.enumerated() where !Normalize.isPadding(scalar) {
            let folded = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
            scalars.append(folded)
            offsets.append(offset)
        }
        return (scalars, offsets)
    }

    private struct Piece {
        var paragraph: Paragraph
        var isHeading: Bool
    }

    private func cutHeadings(_ p: Paragraph) -> [Piece] {
        let (s, offsets) = Self.folded(p.text)
        var cuts: [(start: Int, end: Int)] = []
        for (number, title) in titles where cuts.count <= Self.maxCuts {
            var i = 0
            while cuts.count <= Self.maxCuts, let found = Self.find(title, in: s, from: i) {
                i = found + 1
                let end = found + title.count
                guard end == s.count || !Self.listPunctuation.contains(s[end]),
                      let start = Self.markerStart(before: found, in: s, ordinal: number),
                      start == 0 || !Self.listPunctuation.contains(s[start - 1]) || s[start - 1] == "。",
                      !cuts.contains(where: { $0.start < end && start < $0.end }) else { continue }
                cuts.append((start, end))
            }
        }
        guard !cuts.isEmpty, cuts.count <= Self.maxCuts else { return [Piece(paragraph: p, isHeading: false)] }
        let scalars = Array(p.text.unicodeScalars)
        func text(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }
        var pieces: [Piece] = []
        var position = 0
        for cut in cuts.sorted(by: { $0.start < $1.start }) {
            let start = offsets[cut.start]
            let end = cut.end < offsets.count ? offsets[cut.end] : scalars.count
            let before = text(position, start)
            if !Normalize.trimCell(before).isEmpty { pieces.append(Piece(paragraph: Paragraph(before, line: p.line), isHeading: false)) }
            pieces.append(Piece(paragraph: Paragraph(Normalize.trimCell(text(start, end)), line: p.line), isHeading: true))
            position = end
        }
        let rest = text(position, scalars.count)
        if !Normalize.trimCell(rest).isEmpty { pieces.append(Piece(paragraph: Paragraph(rest, line: p.line), isHeading: false)) }
        return pieces
    }

    /// Where `一、`, `1、` or `(一)` with this ordinal starts, right before `index`.
    private static func markerStart(before index: Int, in s: [Unicode.Scalar], ordinal: Int) -> Int? {
        let numeral = Array(ChineseNumeral.string(ordinal).unicodeScalars)
        let arabic = Array(String(ordinal).unicodeScalars)
        let forms: [(form: [Unicode.Scalar], continues: (Unicode.Scalar) -> Bool)] = [
            (numeral + ["、"], isChineseNumeral), (arabic + ["、"], isDigit), (["("] + numeral + [")"], { _ in false }),
        ]
        for (form, continues) in forms {
            let start = index - form.count
            guard start >= 0, s[start..<index].elementsEqual(form) else { continue }
            // 「十一、」 is not 「一、」, nor 「11、」 「1、」; a digit before 「三、」 is a table's last value.
            if start > 0, continues(s[start - 1]) { continue }
            return start
        }
        return nil
    }

    private static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool { ChineseNumeral.isNumeral(c) }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// A table run inside the paragraph becomes a table of one run-together cell; the prose
    /// before it stays a paragraph, and so does what follows the first full stop after it.
    private func cutTable(_ p: Paragraph) -> [Document.Block] {
        let (s, offsets) = Self.folded(p.text)
        let scalars = Array(p.text.unicodeScalars)
        func text(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }
        var blocks: [Document.Block] = []
        var position = 0  // in `s`
        var written = 0  // in `scalars`
        for found in tableStarts(in: s) where found >= position {
            // A caption that opens before the opening words (「（本列数据的勾稽关系为…」) goes with the table.
            let lead = s[position..<found]
            let start = lead.contains("。") || lead.count > 30 ? offsets[found] : written
            let stopIndex = s[found...].firstIndex(of: "。")
            let stop = stopIndex.map { offsets[$0] } ?? scalars.count
            if !Normalize.trimCell(text(written, start)).isEmpty { blocks.append(.paragraph(Paragraph(text(written, start), line: p.line))) }
            blocks.append(.table(Table(rows: [Row([text(start, stop)], line: p.line)], layout: .runTogether, line: p.line)))
            written = min(stop + 1, scalars.count)
            guard let stopIndex else { break }
            position = stopIndex + 1
        }
        if blocks.isEmpty { return [.paragraph(p)] }
        if !Normalize.trimCell(text(written, scalars.count)).isEmpty {
            blocks.append(.paragraph(Paragraph(text(written, scalars.count), line: p.line)))
        }
        return blocks
    }

    /// Every place a table opens, in order: opening words followed by enough of the table's
    /// labels before any clause punctuation, and digits somewhere after. Found in one pass per
    /// opening word, so a line of many tables costs what its length costs.
    private func tableStarts(in s: [Unicode.Scalar]) -> [Int] {
        guard let lastDigit = s.lastIndex(where: { ("0"..."9").contains($0) }) else { return [] }
        var starts = Set<Int>()
        for table in tables {
            for opening in table.openings {
                var from = 0
                while let start = Self.find(opening, in: s, from: from), start < lastDigit {
                    from = start + 1
                    // Prose names labels too (「行政诉讼46件，其中结果维持25件…」), but between
                    // them it has clause punctuation; a run-together table has none.
                    let end = min(s.count, start + Self.labelWindow)
                    let window = Array(s[start..<(s[start..<end].firstIndex(where: Self.clausePunctuation.contains) ?? end)])
                    if table.labels.filter({ Self.find($0, in: window, from: 0) != nil }).count >= Self.minLabels { starts.insert(start) }
                }
            }
        }
        return starts.sorted()
    }

    static func find(_ needle: [Unicode.Scalar], in s: [Unicode.Scalar], from start: Int) -> Int? {
        guard let first = needle.first, start <= s.count - needle.count else { return nil }
        var i = start
        while i <= s.count - needle.count {
            if s[i] == first, s[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
