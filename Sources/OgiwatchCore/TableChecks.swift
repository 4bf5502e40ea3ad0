import Foundation

/// Arithmetic and cell checks on tables 二 三 四 (domain §4).
extension Evaluator {
    func equation(_ check: CheckSpec) -> [Hit] {
        guard let name = check.table, let table = table(name) else { return [] }
        let op = check.op ?? "="
        var hits: [Hit] = []
        if check.forEach == "column" {
            let columns = (table.spec.columns ?? []).filter { check.columns?.contains($0.key) ?? true }
            for column in columns {
                guard let left = sum(check.left ?? [], in: table, column: column.key),
                      let right = sum(check.right ?? [], in: table, column: column.key),
                      !Self.holds(left.value, op, right.value) else { continue }
                hits.append(equationHit(name, row: left.row, column: column.label, line: left.line, left: left, right: right))
            }
        } else {
            for row in table.rows where check.rows?.contains(row.spec.key) ?? true {
                guard let left = sum(check.left ?? [], in: row), let right = sum(check.right ?? [], in: row),
                      !Self.holds(left.value, op, right.value) else { continue }
                hits.append(equationHit(name, row: row.spec.label, column: left.column, line: row.line, left: left, right: right))
            }
        }
        return hits
    }

    struct Side {
        var value: Decimal
        /// How the side reads: the cell as written for a single cell (「空」 for a blank).
        var display: String
        var row: String?
        var column: String?
        var line: Int?
    }

    /// Σ of rows (keys, `@tag` or numbers) in one column; nil when a named row is missing.
    func sum(_ terms: [String], in table: ReportTable, column: String) -> Side? {
        var cells: [(ReportRow, CellValue)] = []
        var constant: Decimal = 0
        for term in terms {
            if let number = Self.constant(term) {
                constant += number
            } else if term.hasPrefix("@") {
                let tag = String(term.dropFirst())
                cells += table.rows.filter { $0.spec.hasTag(tag) }.compactMap { r in r.value(column).map { (r, $0) } }
            } else {
                guard let row = table.row(term), let value = row.value(column) else { return nil }
                cells.append((row, value))
            }
        }
        return side(cells.map(\.1), constant: constant, row: cells.count == 1 ? cells[0].0.spec.label : nil,
                    column: nil, line: cells.first?.0.line)
    }

    /// Σ of columns (keys or numbers) within one row; nil when a named column is missing.
    func sum(_ terms: [String], in row: ReportRow) -> Side? {
        var values: [CellValue] = []
        var constant: Decimal = 0
        for term in terms {
            if let number = Self.constant(term) {
                constant += number
                continue
            }
            guard let value = row.value(term) else { return nil }
            values.append(value)
        }
        let label = terms.count == 1 ? row.columns.first { $0.key == terms[0] }?.label : nil
        return side(values, constant: constant, row: row.spec.label, column: label, line: row.line)
    }

    /// A number written as an equation term (`right: [0]`), not a cell key.
    static func constant(_ term: String) -> Decimal? {
        guard let first = term.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-") else {
            return nil
        }
        return Decimal(string: term)
    }

    private func side(_ values: [CellValue], constant: Decimal, row: String?, column: String?, line: Int?) -> Side {
        let total = values.reduce(constant) { $0 + $1.arithmeticValue }
        let display = values.count == 1 && constant == 0 ? values[0].display : CellValue.format(total)
        return Side(value: total, display: display, row: row, column: column, line: line)
    }

    static func holds(_ a: Decimal, _ op: String, _ b: Decimal) -> Bool {
        switch op {
        case "<=": a <= b
        case ">=": a >= b
        default: a == b
        }
    }

    private func equationHit(_ table: String, row: String?, column: String?, line: Int?, left: Side, right: Side) -> Hit {
        let numeral = Self.tableNumeral(table)
        return Hit(["table": numeral, "row": row ?? "", "column": column ?? "",
                    "left": left.display, "right": right.display,
                    "left_value": CellValue.format(left.value), "right_value": CellValue.format(right.value)],
                   location: Location(section: numeral, table: numeral, row: row, column: column, line: line),
                   expected: CellValue.format(right.value), actual: left.display)
    }

    func blankCells(_ check: CheckSpec) -> [Hit] {
        guard let name = check.table, let table = table(name), !table.rows.isEmpty else { return [] }
        let numeral = Self.tableNumeral(name)
        let total = table.rows.reduce(0) { $0 + $1.values.count }
        let blanks = table.rows.reduce(0) { $0 + $1.values.filter(\.isBlankOrNA).count }
        if blanks == total {
            return [Hit(["table": numeral, "row": "全表", "columns": "全部", "count": String(blanks)],
                        location: Location(section: numeral, table: numeral, line: table.line),
                        severity: check.wholeTableSeverity)]
        }
        return table.rows.compactMap { row in
            let columns = zip(row.columns, row.values).filter { $0.1.isBlankOrNA }.map(\.0.label)
            guard !columns.isEmpty else { return nil }
            let joined = columns.joined(separator: "、")
            return Hit(["table": numeral, "row": row.spec.label, "columns": joined, "count": String(columns.count)],
                       location: Location(section: numeral, table: numeral, row: row.spec.label, column: joined, line: row.line))
        }
    }

    /// Each cell against its column's domain (domain §3.2); a unit written into a cell is
    /// only worth a note.
    func valueDomain(_ check: CheckSpec) -> [Hit] {
        guard let name = check.table, let table = table(name) else { return [] }
        let numeral = Self.tableNumeral(name)
        var hits: [Hit] = []
        for row in table.rows {
            for (column, value) in zip(row.columns, row.values) {
                let problem: String
                var severity = check.domainSeverity
                if let wrong = Self.domainProblem(value, column.domain ?? .count) {
                    problem = wrong
                } else if case .number(_, let unit?) = value, !(column.domain == .count && unit == "件") {
                    problem = "单元格中写有单位「\(unit)」，单位应写在表头"
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

    static func domainProblem(_ value: CellValue, _ domain: ColumnSpec.Domain) -> String? {
        switch value {
        case .text(let s):
            return "「\(s)」不是数字"
        case .number(let d, let unit):
            let integral = d.exponent >= 0 || d == d.rounded()
            switch domain {
            case .count:
                if d < 0 { return "不应为负数" }
                if !integral { return "应为整数" }
            case .signed:
                if !integral { return "应为整数" }
            case .wan:
                if d < 0 { return "不应为负数" }
                if unit == "元" { return "本栏单位为万元，单元格却写「元」" }
            case .money:
                if d < 0 { return "不应为负数" }
            }
            return nil
        case .blank, .notApplicable:
            return nil
        }
    }
}

extension Decimal {
    func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
