/// Finds tables 二 三 四 among a document's tables by what they hold, not by the section
/// they sit in: a missing or misnamed heading does not move a table, and a table split at a
/// page break is two tables that are one.
///
/// A table is first cut where a row opens another template table (text extracted from PDF
/// runs two tables together when the heading between them is missing). Each piece is scored
/// against each template table by how many of its row keys and column labels it contains;
/// the best score of at least two wins. A piece that holds no key but follows one that was
/// placed continues it (a table 四 whose header row and value row were split apart).
struct TableLocator {
    /// Each table → the literal keys that show a table is that one.
    let keys: [(name: StatTable, words: [String])]
    /// Each table → words of its first row.
    let openings: [(name: StatTable, words: [String])]

    init(template: TemplateSpec) {
        func words(_ spec: TableSpec) -> [String] {
            let rowKeys = spec.allRows.flatMap { row in
                row.match.split(separator: "|").map { part in
                    Normalize.compact(part.replacingOccurrences(of: "^", with: "").replacingOccurrences(of: "$", with: "")
                        .replacingOccurrences(of: "\\", with: ""))
                }
            }
            let columns = ((spec.columns ?? []) + (spec.blocks ?? []).flatMap(\.columns)).map { Normalize.compact($0.label) }
            return Array(Set(rowKeys + columns).filter { $0.unicodeScalars.count >= 2 })
        }
        let tables = StatTable.allCases.map { ($0, template.tables[$0]) }
        keys = tables.map { ($0.0, words($0.1)) }
        openings = tables.map { ($0.0, ($0.1.opening ?? []).map(Normalize.compact)) }
    }

    /// The parts of each table, in document order.
    func locate(_ blocks: [Document.Block]) -> [StatTable: [Table]] {
        var parts: [StatTable: [Table]] = [:]
        var previous: StatTable?
        var prose = false
        for block in blocks {
            guard case .table(let whole) = block else {
                prose = true
                continue
            }
            for table in pieces(whole) {
                let text = Normalize.compact(table.rows.flatMap(\.cells).map(\.text).joined())
                let scored = keys.map { key in (key.name, key.words.filter { text.includes($0) }.count) }
                if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 2 {
                    parts[best.0, default: []].append(table)
                    previous = best.0
                } else if let previous, !prose || Self.isNumeric(table) {
                    parts[previous, default: []].append(table)
                }
                prose = false
            }
        }
        return parts
    }

    /// The table cut before each row that opens a template table other than the one the
    /// current piece opened with.
    func pieces(_ table: Table) -> [Table] {
        var pieces: [Table] = []
        var rows: [Row] = []
        var opened: StatTable?
        for row in table.rows {
            let text = Normalize.compact(row.cells.map(\.text).joined())
            let opens = openings.first { $0.words.contains(where: text.includes) }?.name
            if let opens, opens != opened, !rows.isEmpty {
                pieces.append(Table(rows: rows, layout: table.layout, line: rows[0].line))
                rows = []
            }
            if let opens { opened = opens }
            rows.append(row)
        }
        if !rows.isEmpty { pieces.append(Table(rows: rows, layout: table.layout, line: rows[0].line)) }
        return pieces
    }

    /// Every non-blank cell is a number.
    private static func isNumeric(_ table: Table) -> Bool {
        let cells = table.rows.flatMap(\.cells).map { CellValue(parsing: $0.text) }.filter { !$0.isBlank }
        return !cells.isEmpty && cells.allSatisfy(\.isNumber)
    }
}
