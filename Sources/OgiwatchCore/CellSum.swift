/// A sum of table cells as rules write it, `T3.new.total + T3.carry_in.total`; a `*` column
/// stands for any column of its row. Lint and the evaluator read it the same way.
struct CellSum {
    struct Term {
        var table: String
        var row: String
        var column: String
    }

    let terms: [Term]

    /// The terms, or the first one that is not `table.row.column`.
    static func parse(_ expression: String) -> Result<CellSum, CellSumError> {
        var terms: [Term] = []
        for text in expression.split(separator: "+").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let parts = text.split(separator: ".").map(String.init)
            guard parts.count == 3, RuleValidator.tableNames.contains(parts[0]) else { return .failure(CellSumError(term: text)) }
            terms.append(Term(table: parts[0], row: parts[1], column: parts[2]))
        }
        return .success(CellSum(terms: terms))
    }
}

struct CellSumError: Error {
    let term: String
}
