/// One row of a run-together table: the label text since the previous digits, and the digits
/// of its cells with nothing between them (「行政规范性文件693665」), spaces kept where the
/// text had them (「230 000023」): a space always separates two cells.
struct RunTogetherRow: Equatable {
    var label: String
    /// The digit run, split at its spaces.
    var chunks: [String]

    /// The digits as a message quotes them, long runs cut short.
    var digits: String {
        let all = chunks.joined(separator: " ")
        return all.count > 40 ? String(all.prefix(40)) + "…" : all
    }

    /// Splits a table cell's text into rows. A digit run that ends in `N.` gives `N.` to the
    /// label after it: template item numbers (「2.其他法律…」) follow the previous row's digits.
    static func rows(_ text: String) -> [RunTogetherRow] {
        var rows: [RunTogetherRow] = []
        var label = ""
        var run = ""
        func isValue(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || c == "." || c == "+" || c == "-" }
        func flush() {
            var value = Normalize.trimCell(run)
            run = ""
            guard value.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
                label += value
                return
            }
            var carried = ""
            let scalars = Array(value.unicodeScalars)
            if scalars.count >= 2, scalars[scalars.count - 1] == ".", ("0"..."9").contains(scalars[scalars.count - 2]) {
                carried = String(String.UnicodeScalarView(scalars.suffix(2)))
                value = Normalize.trimCell(String(String.UnicodeScalarView(scalars.dropLast(2))))
            }
            if !value.isEmpty {
                rows.append(RunTogetherRow(label: Normalize.compact(label), chunks: value.split(whereSeparator: { $0 == " " }).map(String.init)))
                label = ""
            }
            label += carried
        }
        for scalar in Normalize.nfkc(text).unicodeScalars {
            let c = Normalize.isPadding(scalar) ? " " : scalar
            if isValue(c) || (c == " " && !run.isEmpty) {
                run.unicodeScalars.append(c)
            } else {
                flush()
                label.unicodeScalars.append(c)
            }
        }
        flush()
        if !Normalize.compact(label).isEmpty { rows.append(RunTogetherRow(label: Normalize.compact(label), chunks: [])) }
        return rows
    }

    /// More ways to split one row than this is no table anyone can read.
    static let maxSplits = 20_000
    /// Partial splits tried before giving up: a long run whose readings all fail late would
    /// otherwise be explored at length.
    static let maxSteps = 300_000
    /// Digits a cell may hold; a run longer than its cells can hold is no row of this table.
    static let maxCellDigits = 15

    /// Every way to read the digits as `count` cells a column of `domains` accepts, each chunk
    /// giving one or more whole cells; nil when there are more than `maxSplits`.
    func splits(into domains: [ColumnSpec.Domain]) -> [[CellValue]]? {
        let length = chunks.reduce(0) { $0 + $1.unicodeScalars.count }
        guard length <= domains.count * Self.maxCellDigits else { return nil }
        var results: [[CellValue]] = []
        var current: [CellValue] = []
        var overflow = false
        var steps = 0
        func walk(_ chunk: Int, _ offset: Int) {
            steps += 1
            if steps > Self.maxSteps { overflow = true }
            guard !overflow else { return }
            let column = current.count
            if chunk == chunks.count {
                if column == domains.count {
                    results.append(current)
                    if results.count > Self.maxSplits { overflow = true }
                }
                return
            }
            let scalars = Array(chunks[chunk].unicodeScalars)
            if offset == scalars.count { return walk(chunk + 1, 0) }
            guard column < domains.count else { return }
            for end in (offset + 1)...min(scalars.count, offset + Self.maxCellDigits) {
                let text = String(String.UnicodeScalarView(scalars[offset..<end]))
                guard Self.isCell(text, domains[column]) else { continue }
                current.append(CellValue(parsing: text))
                walk(chunk, end)
                current.removeLast()
            }
        }
        walk(0, 0)
        return overflow ? nil : results
    }

    /// A cell as a report writes it: no leading zero, a sign only where the column is signed,
    /// a decimal point only in money columns.
    static func isCell(_ text: String, _ domain: ColumnSpec.Domain) -> Bool {
        var body = Substring(text)
        if domain == .signed, let first = body.first, first == "+" || first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              whole.count == 1 || whole.first != "0" else { return false }
        switch parts.count {
        case 1: return true
        case 2: return (domain == .wan || domain == .money) && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        default: return false
        }
    }
}
