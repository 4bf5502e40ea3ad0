/// Places data rows on template rows by label and template order, never by counting
/// (domain §1.5, §2.3): each row's key is searched in its own label first, then in the label
/// fragments just before it, then just after it, and only template rows at or after the
/// last placed one are candidates.
struct RowMatcher {
    let rows: [RowSpec]
    private let keys: [KeyMatcher]
    private let labels: [String]

    init(rows: [RowSpec]) {
        self.rows = rows
        self.keys = rows.map { KeyMatcher($0.match) }
        self.labels = rows.map { Normalize.compact($0.label) }
    }

    struct Placement {
        var entry: TableEntry
        var rowIndex: Int
        var labelMatches: Bool
    }

    struct Outcome {
        var placements: [Placement]
        var unknown: [TableEntry]
    }

    func place(_ entries: [TableEntry]) -> Outcome {
        var outcome = Outcome(placements: [], unknown: [])
        let dataIndices = entries.indices.filter { entries[$0].isData }
        var position = 0
        var used = Set<Int>()
        for (n, index) in dataIndices.enumerated() {
            let previous = n > 0 ? dataIndices[n - 1] + 1 : entries.startIndex
            let next = n + 1 < dataIndices.count ? dataIndices[n + 1] : entries.endIndex
            let own = entries[index].label
            let before = entries[previous..<index].map(\.label).joined()
            let after = entries[(index + 1)..<next].map(\.label).joined()
            guard let row = find(in: [own, before, after], from: position, used: used) else {
                outcome.unknown.append(entries[index])
                continue
            }
            used.insert(row)
            if rows[row].standsFor == nil { position = row + 1 }
            let window = before + own + after
            outcome.placements.append(Placement(entry: entries[index], rowIndex: row,
                                                labelMatches: window.includes(labels[row])))
        }
        return outcome
    }

    /// The first template row at or after `position` whose key is in the first text that
    /// holds any key; rows that stand in for older template rows only as a last resort.
    private func find(in texts: [String], from position: Int, used: Set<Int>) -> Int? {
        for standIn in [false, true] {
            for text in texts where !text.isEmpty {
                for row in position..<rows.count where !used.contains(row) && (rows[row].standsFor != nil) == standIn {
                    if matches(row, text) { return row }
                }
            }
        }
        return nil
    }

    func matches(_ row: Int, _ text: String) -> Bool {
        keys[row].matches(text)
    }
}
