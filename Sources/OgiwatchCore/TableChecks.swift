import Foundation

/// Arithmetic and cell checks on tables 二 三 四 (README, "Rules").
extension Evaluator {
    func equation(_ check: EquationCheck) -> [Hit] {
        guard let table = report.tables[check.table] else { return [] }
        var hits: [Hit] = []
        switch check.axis {
        case .column:
            let columns = (table.spec.columns ?? []).filter { check.only?.contains($0.key) ?? true }
            for column in columns {
                guard let left = sum(check.left, in: table, column: column.key),
                      let right = sum(check.right, in: table, column: column.key),
                      !check.op.holds(left.value, right.value) else { continue }
                hits.append(equationHit(check.table, row: left.row, column: column.label, line: left.line, left: left, right: right))
            }
        case .row:
            for row in table.rows where check.only?.contains(row.spec.key) ?? true {
                guard let left = sum(check.left, in: row), let right = sum(check.right, in: row),
                      !check.op.holds(left.value, right.value) else { continue }
                hits.append(equationHit(check.table, row: row.spec.label, column: left.column, line: row.line, left: left, right: right))
            }
        }
        return hits
    }

    struct Side {
        var value: Decimal
        /// The cell as written, for a side of one cell; else the sum is shown.
        var display: String?
        var row: String?
        var column: String?
        var line: Int?
        /// Each cell of the side with its label, 「本年新制作数量 3、对外公开总数量 5」: a sum of
        /// cells that are not meant to be added is shown by its parts.
        var cells: String
    }

    /// Σ of rows (keys, `@tag` or numbers) in one column; nil when a named row is missing or
    /// a cell it needs is not a number (the cell rules report that cell).
    func sum(_ terms: [EquationCheck.Term], in table: ReportTable, column: String) -> Side? {
        var cells: [(ReportRow, Decimal)] = []
        var constant: Decimal = 0
        for term in terms {
            switch term {
            case .constant(let number):
                constant += number
            case .tag(let tag):
                guard table.hasEveryRow(tagged: tag) else { return nil }
                for row in table.rows where row.spec.hasTag(tag) && row.value(column) != nil {
                    guard let value = row.operand(column) else { return nil }
                    cells.append((row, value))
                }
            case .key(let key):
                guard let row = table.row(key), let value = row.operand(column) else { return nil }
                cells.append((row, value))
            }
        }
        let single = cells.count == 1 && constant == 0 ? cells[0] : nil
        let parts = cells.map { "\($0.0.spec.label) \($0.0.value(column)?.display ?? CellValue.format($0.1))" }
        return Side(value: cells.reduce(constant) { $0 + $1.1 }, display: single.flatMap { $0.0.value(column)?.display },
                    row: single?.0.spec.label, column: nil, line: cells.first?.0.line, cells: parts.joined(separator: "、"))
    }

    /// Σ of columns (keys or numbers) within one row; nil when a named column is missing or
    /// holds no usable number.
    func sum(_ terms: [EquationCheck.Term], in row: ReportRow) -> Side? {
        var total: Decimal = 0
        var parts: [String] = []
        for term in terms {
            switch term {
            case .constant(let number):
                total += number
            case .key(let key), .tag(let key):
                // Load refuses a tag among a row's columns.
                guard let value = row.operand(key) else { return nil }
                total += value
                let label = row.columns.first { $0.key == key }?.label ?? key
                parts.append("\(label) \(row.value(key)?.display ?? CellValue.format(value))")
            }
        }
        let single: String? = if terms.count == 1, case .key(let key) = terms[0] { key } else { nil }
        let column = single.flatMap { key in row.columns.first { $0.key == key } }
        return Side(value: total, display: column.flatMap { row.value($0.key)?.display }, row: row.spec.label,
                    column: column?.label, line: row.line, cells: parts.joined(separator: "、"))
    }

    private func equationHit(_ table: StatTable, row: String?, column: String?, line: Int?, left: Side, right: Side) -> Hit {
        let numeral = table.numeral
        return Hit(["table": numeral, "row": row ?? "", "column": column ?? "",
                    "left": left.display ?? CellValue.format(left.value), "right": right.display ?? CellValue.format(right.value),
                    "left_value": CellValue.format(left.value), "right_value": CellValue.format(right.value),
                    "left_cells": left.cells],
                   location: Location(section: numeral, table: numeral, row: row, column: column, line: line),
                   expected: CellValue.format(right.value), actual: left.display ?? CellValue.format(left.value))
    }

    func blankCells(_ name: StatTable, wholeTable: Severity?) -> [Hit] {
        guard let table = report.tables[name], !table.rows.isEmpty else { return [] }
        let numeral = name.numeral
        let total = table.rows.reduce(0) { $0 + $1.values.count }
        let blanks = table.rows.reduce(0) { $0 + $1.values.filter(\.isBlank).count }
        if blanks == total {
            return [Hit(["table": numeral, "row": "全表", "columns": "全部", "count": String(blanks)],
                        location: Location(section: numeral, table: numeral, line: table.line),
                        severity: wholeTable)]
        }
        return table.rows.compactMap { row in
            let columns = zip(row.columns, row.values).filter { $0.1.isBlank }.map(\.0.label)
            guard !columns.isEmpty else { return nil }
            let joined = columns.joined(separator: "、")
            return Hit(["table": numeral, "row": row.spec.label, "columns": joined, "count": String(columns.count)],
                       location: Location(section: numeral, table: numeral, row: row.spec.label, column: joined, line: row.line))
        }
    }

    /// Each cell against its column's domain; a unit written into a money cell is only
    /// worth a note.
    func valueDomain(_ name: StatTable, outOfDomain: Severity?) -> [Hit] {
        guard let table = report.tables[name] else { return [] }
        let numeral = name.numeral
        var hits: [Hit] = []
        for row in table.rows {
            for (column, value) in zip(row.columns, row.values) {
                let domain = column.domain ?? .count
                let problem: String
                var severity = outOfDomain
                if let wrong = domain.problem(with: value) {
                    problem = wrong
                } else if let note = domain.note(on: value) {
                    problem = note
                    severity = .info
                } else {
                    continue  // the common case: nothing to say, nothing to format
                }
                let location = Location(section: numeral, table: numeral, row: row.spec.label, column: column.label, line: row.line)
                let vars = ["table": numeral, "row": row.spec.label, "column": column.label, "value": value.display,
                            "problem": problem]
                hits.append(Hit(vars, location: location, actual: value.display, severity: severity))
            }
        }
        return hits
    }
}

extension ReportTable {
    /// Every template row with the tag is read, or stood in for by an older template's row
    /// (2019's single （六）其他处理 for 2021's three): a sum over a tag with a row missing or
    /// unreadable would report the gap as an arithmetic error.
    func hasEveryRow(tagged tag: String) -> Bool {
        let present = Set(rows.map(\.spec.key))
        let replaced = Set(rows.compactMap(\.spec.standsFor).joined())
        return spec.allRows.filter { $0.hasTag(tag) }.allSatisfy { row in
            present.contains(row.key) || replaced.contains(row.key) || row.standsFor != nil
        }
    }
}
