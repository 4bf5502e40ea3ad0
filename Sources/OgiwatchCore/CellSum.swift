import Foundation

/// A sum of table cells as rules write it, `T3.new.total + T3.carry_in.total`; a `*` column
/// stands for any column of its row. Parsed and checked against the templates when the rule
/// set loads.
struct CellSum: Sendable, Equatable {
    struct Term: Sendable, Equatable {
        var table: StatTable
        var row: Row
        /// A column key, or nil for `*`: any column of the row that holds a number.
        var column: String?
    }

    /// A row by key, or every row with a tag (`T3.@withheld.total`).
    enum Row: Sendable, Equatable {
        case key(String)
        case tag(String)
    }

    let terms: [Term]
    /// The expression as written, for messages.
    let text: String

    /// The terms, or the first one that is not `table.row.column`.
    static func parse(_ expression: String) -> Result<CellSum, CellSumError> {
        var terms: [Term] = []
        for text in expression.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let parts = text.split(separator: ".").map(String.init)
            guard parts.count == 3, let table = StatTable(rawValue: parts[0]) else { return .failure(CellSumError(term: text)) }
            let row: Row = parts[1].hasPrefix("@") ? .tag(String(parts[1].dropFirst())) : .key(parts[1])
            terms.append(Term(table: table, row: row, column: parts[2] == "*" ? nil : parts[2]))
        }
        if terms.isEmpty { return .failure(CellSumError(term: expression)) }
        return .success(CellSum(terms: terms, text: expression))
    }
}

struct CellSumError: Error {
    let term: String
}
