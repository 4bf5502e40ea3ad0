/// Places data rows on template rows by label and template order, never by counting
/// (README, "How a report is read", Tables): each row's key is searched in its own label first, then in the label
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
            // PDF labels wrap around their numbers and across neighbouring label fragments,
            // so a key can be split between the fragments before a row and its own label.
            let texts = [own, before + own, before, own + after, after]
            guard let row = find(in: texts, from: position, used: used) else {
                outcome.unknown.append(entries[index])
                continue
            }
            used.insert(row)
            if rows[row].standsFor == nil { position = row + 1 }
            let labelMatches = entries[index].isLoose
                ? Self.isSubsequence(labels[row], of: before + own + after)
                : (before + own + after).includes(labels[row])
            outcome.placements.append(Placement(entry: entries[index], rowIndex: row, labelMatches: labelMatches))
        }
        return outcome
    }

    /// Loose (PDF) labels come interleaved with vertical group labels such as 「他处理」, so
    /// there the official label only has to appear in order; a misspelt or shortened label
    /// still fails, because its characters are missing.
    static func isSubsequence(_ label: String, of window: String) -> Bool {
        var it = window.unicodeScalars.makeIterator()
        for scalar in label.unicodeScalars {
            var found = false
            while let next = it.next() {
                if next == scalar {
                    found = true
                    break
                }
            }
            if !found { return false }
        }
        return true
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
