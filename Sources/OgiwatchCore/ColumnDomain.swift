import Foundation

/// What a column accepts (`ColumnSpec.Domain`), decided in one place for the value rules and
/// for arithmetic: a cell the value rule reports never enters a sum, so one defect gives one
/// finding.
extension ColumnSpec.Domain {
    /// Why the cell cannot stand in this column; nil for a blank (the blank rules report it)
    /// and for an acceptable number.
    func problem(with value: CellValue) -> String? {
        guard case .number(let d, let unit) = value else {
            return value.isBlank ? nil : "不是数字"
        }
        let integral = d.exponent >= 0 || d == d.rounded()
        switch self {
        case .count:
            if let unit { return "数字后写了单位「\(unit)」，本栏只填数字" }
            if d < 0 { return "不应为负数" }
            if !integral { return "应为整数" }
        case .signed:
            if let unit { return "数字后写了单位「\(unit)」，本栏只填数字" }
            if !integral { return "应为整数" }
        case .wan:
            if d < 0 { return "不应为负数" }
            if unit == "元" { return "本栏单位为万元，单元格却写「元」" }
            if let unit, unit != "万元" { return "数字后写了单位「\(unit)」，本栏为金额" }
        case .money:
            if d < 0 { return "不应为负数" }
            if let unit, unit != "万元", unit != "元" { return "数字后写了单位「\(unit)」，本栏为金额" }
        }
        return nil
    }

    /// A money unit written into a cell whose header already states it: worth a note only.
    func note(on value: CellValue) -> String? {
        guard problem(with: value) == nil, case .number(_, let unit?) = value else { return nil }
        return "单元格中写有单位「\(unit)」，单位应写在表头"
    }

    /// The cell's number when it may be used in a sum.
    func operand(_ value: CellValue) -> Decimal? {
        problem(with: value) == nil ? value.number : nil
    }
}

extension ReportRow {
    /// The number in a column when it may be summed; nil for a blank, a non-number, a
    /// number the column does not accept, or a column the row lacks.
    func operand(_ columnKey: String) -> Decimal? {
        guard let i = columns.firstIndex(where: { $0.key == columnKey }), i < values.count else { return nil }
        return (columns[i].domain ?? .count).operand(values[i])
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
