import OgiwatchCore

/// Turns text laid out in columns of spaces — what `pdftotext -layout` and similar tools make
/// of a PDF, saved as `.txt` — into paragraphs and loose tables. Columns are runs of two or
/// more spaces; a row's values are its trailing numbers.
///
/// Only the *shape* of the text is decided here: which lines form a table and how a line
/// splits into cells. Label fragments (wrapped labels, vertical group labels such as `本`,
/// `年`) stay in the table as text-only rows in their original order, because only the rule
/// engine knows the template well enough to put them back on the right value row.
enum LayoutText {
    /// A line that is neither a row nor short joins a table only when a row is this close
    /// (counting such long lines), so a wrapped label such as
    /// `（二）部分公开（区分处理的，只计这一情` stays with its numbers but prose does not.
    static let longFragmentReach = 2
    /// Lines shaped as table rows that make a text a layout text rather than prose.
    static let minimumRows = 5

    /// True when the text holds tables laid out in spaces: several lines that end in two or
    /// more numbers after a wide gap.
    static func isLayout(_ lines: [Substring]) -> Bool {
        var rows = 0
        for line in lines where line.utf8.contains(UInt8(ascii: " ")) {
            if LayoutLine(line, number: 0).kind == .row { rows += 1 }
            if rows >= minimumRows { return true }
        }
        return false
    }

    static func parse(_ text: String) -> Document {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            LayoutLine($0.element, number: $0.offset + 1)
        }
        let membership = tableMembership(lines)
        var blocks: [Document.Block] = []
        var rows: [LayoutLine] = []

        func endTable() {
            defer { rows = [] }
            guard let first = rows.first else { return }
            let hasNumber = rows.contains { $0.cells.contains(where: LayoutLine.isNumber) }
            if rows.count == 1, !hasNumber {
                blocks.append(.paragraph(Paragraph(first.text, line: first.number)))
                return
            }
            let tableRows = rows.map { Row($0.cells, line: $0.number) }
            blocks.append(.table(Table(rows: tableRows, layout: .loose, line: first.number)))
        }

        for (index, line) in lines.enumerated() where line.kind != .blank {
            if membership[index] {
                rows.append(line)
            } else {
                endTable()
                blocks.append(.paragraph(Paragraph(line.text, line: line.number)))
            }
        }
        endTable()
        return Document(blocks: blocks)
    }

    /// Rows are in a table; a fragment joins when it reaches a row through other fragments
    /// (in either direction) without passing prose, a heading or too many long lines.
    static func tableMembership(_ lines: [LayoutLine]) -> [Bool] {
        let visible = lines.indices.filter { lines[$0].kind != .blank }
        let ahead = longLinesToRow(visible.map { lines[$0] })
        let behind = Array(longLinesToRow(visible.reversed().map { lines[$0] }).reversed())
        var member = Array(repeating: false, count: lines.count)
        for (position, index) in visible.enumerated() {
            member[index] = min(ahead[position], behind[position]) <= longFragmentReach
        }
        return member
    }

    /// For each line, how many long fragments lie between it (inclusive) and the next row,
    /// walking forward; `Int.max` when prose, a heading or the end comes first. One pass from
    /// the end keeps this linear however many fragments a hostile file holds.
    private static func longLinesToRow(_ lines: [LayoutLine]) -> [Int] {
        var result = Array(repeating: Int.max, count: lines.count)
        var next = Int.max
        for position in lines.indices.reversed() {
            let line = lines[position]
            switch line.kind {
            case .row:
                next = 0
            case .fragment:
                next = next == Int.max ? Int.max : next + (line.isShort ? 0 : 1)
            case .blank, .heading, .prose:
                next = Int.max
            }
            result[position] = next
        }
        return result
    }
}
