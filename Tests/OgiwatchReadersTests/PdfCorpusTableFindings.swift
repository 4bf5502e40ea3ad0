import Foundation
import OgiwatchCore

/// What the tables of a read PDF say, in the evaluation corpus's vocabulary (shared
/// `eval/RULES.md`): blank and non-numeric cells of tables 二 三 四 and the failing sums of
/// tables 三 and 四, each check skipped when a cell it needs is not a number. It judges the
/// reader's grids on their own, without the rule engine: a table read right gives exactly the
/// corpus's expected table findings.
struct PdfCorpusTableFindings {
    struct Finding: Hashable, Comparable, CustomStringConvertible {
        var rule: String
        var table: String
        var row: String?
        var column: String?

        static func < (a: Finding, b: Finding) -> Bool { a.description < b.description }
        var description: String { "\(rule) \(table) \(row ?? "-") \(column ?? "-")" }
    }

    static let rules: Set<String> = ["blank_cell", "non_numeric_cell", "t3_row_total", "t3_item_sum", "t3_balance", "t4_total"]

    var findings: [Finding] = []
    /// Why a table could not be checked (a row not found, no value row…).
    var problems: [String] = []
    /// Value cells read, per table.
    var cells: [String: Int] = [:]

    private static let threeRows: [(String, String)] = [
        ("1", "本年新收"), ("2", "上年结转"), ("3.1", "予以公开"), ("3.2", "部分公开"), ("3.3.1", "国家秘密"),
        ("3.3.2", "禁止公开|其他法律|行政止公开"), ("3.3.3", "三安全"), ("3.3.4", "第三方"), ("3.3.5", "内部事务"),
        ("3.3.6", "过程性"), ("3.3.7", "执法案卷"), ("3.3.8", "查询事项"), ("3.4.1", "不掌握"), ("3.4.2", "另行制作"),
        ("3.4.3", "补正后"), ("3.5.1", "信访"), ("3.5.2", "重复申请"), ("3.5.3", "出版物"), ("3.5.4", "大量反复"),
        ("3.5.5", "确认或重新|重新出具"), ("3.6.1", "逾期不补正"), ("3.6.2", "收费通知"), ("3.6.3", "3[.、]?其他$"),
        ("3.7", "总计"), ("4", "结转下年度"),
    ]
    private static let threeColumns = ["natural", "commercial", "research", "public_welfare", "legal_service", "other_org", "total"]
    private static let fourGroups = ["review", "suit_direct", "suit_after_review"]
    private static let fourColumns = ["upheld", "corrected", "other", "pending", "total"]
    private static let twoRows2021: [(String, String, [String])] = [
        ("rules", "规章", ["issued", "repealed", "in_force"]), ("normative", "规范性文件", ["issued", "repealed", "in_force"]),
        ("license", "行政许可", ["decisions"]), ("penalty", "行政处罚", ["decisions"]), ("enforcement", "行政强制", ["decisions"]),
        ("fees", "行政事业性收费", ["amount"]),
    ]
    private static let twoRows2020: [(String, String, [String])] = [
        ("rules", "规章", ["new_made", "new_published", "total_published"]),
        ("normative", "规范性文件", ["new_made", "new_published", "total_published"]),
        ("license", "行政许可", ["prev_year", "delta", "decisions"]), ("other_mgmt", "其他对外管理服务事项", ["prev_year", "delta", "decisions"]),
        ("penalty", "行政处罚", ["prev_year", "delta", "decisions"]), ("enforcement", "行政强制", ["prev_year", "delta", "decisions"]),
        ("fees", "行政事业性收费", ["prev_year", "delta"]), ("procurement", "政府集中采购", ["count", "amount"]),
    ]

    init(_ document: Document, template: String) {
        let tables = document.tables
        tableThree(tables.filter { Self.text($0).contains("本年新收") }, template: template)
        tableFour(tables.filter { Self.text($0).contains("复议后起诉") || Self.text($0).contains("未经复议") })
        tableTwo(tables.filter { Self.text($0).contains("第二十条") }, template: template)
    }

    static func text(_ table: Table) -> String {
        compact(table.rows.flatMap(\.cells).map(\.text).joined())
    }

    /// NFKC, all white space removed (RULES §4).
    static func compact(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    private static func integer(_ text: String) -> Int? {
        let value = compact(text)
        return value.allSatisfy(\.isDigitASCII) ? Int(value) : nil
    }

    private mutating func classify(_ text: String, table: String, row: String, column: String, numeric: (String) -> Bool) {
        cells[table, default: 0] += 1
        if Self.compact(text).isEmpty {
            findings.append(Finding(rule: "blank_cell", table: table, row: row, column: column))
        } else if !numeric(Self.compact(text)) {
            findings.append(Finding(rule: "non_numeric_cell", table: table, row: row, column: column))
        }
    }

    private mutating func tableThree(_ tables: [Table], template: String) {
        let rows = template == "2021" ? Self.threeRows : Self.threeRows.prefix(20) + [("3.6", "其他处理")] + Self.threeRows.suffix(2)
        var values: [String: [String]] = [:]
        var next = 0
        for row in tables.flatMap(\.rows) where row.cells.count >= 7 {
            let cells = row.cells.suffix(7).map(\.text)
            let label = Self.compact(row.cells.dropLast(7).filter { !$0.isMergedContinuation }.map(\.text).joined())
            guard cells.contains(where: { Self.integer($0) != nil }) || cells.allSatisfy({ Self.compact($0).isEmpty }) && !label.isEmpty,
                  let found = rows[next...].firstIndex(where: { label.range(of: $0.1, options: .regularExpression) != nil }) else { continue }
            values[rows[found].0] = cells
            next = found + 1
        }
        if !tables.isEmpty, values.count < rows.count { problems.append("table 三 rows not found: \(rows.map(\.0).filter { values[$0] == nil })") }
        for (row, cells) in values {
            for (column, text) in zip(Self.threeColumns, cells) {
                classify(text, table: "3", row: row, column: column) { $0.allSatisfy(\.isDigitASCII) }
            }
        }
        let number = { (row: String, column: Int) in values[row].flatMap { Self.integer($0[column]) } }
        for row in values.keys {
            let numbers = (0..<7).compactMap { number(row, $0) }
            if numbers.count == 7, numbers.prefix(6).reduce(0, +) != numbers[6] {
                findings.append(Finding(rule: "t3_row_total", table: "3", row: row, column: "total"))
            }
        }
        let leaves = rows.map(\.0).filter { $0.hasPrefix("3.") && $0 != "3.7" }
        for (index, column) in Self.threeColumns.enumerated() {
            let parts = leaves.compactMap { number($0, index) }
            if parts.count == leaves.count, let total = number("3.7", index), parts.reduce(0, +) != total {
                findings.append(Finding(rule: "t3_item_sum", table: "3", row: "3.7", column: column))
            }
            if let new = number("1", index), let carried = number("2", index), let total = number("3.7", index),
               let out = number("4", index), new + carried != total + out {
                findings.append(Finding(rule: "t3_balance", table: "3", row: nil, column: column))
            }
        }
    }

    private mutating func tableFour(_ tables: [Table]) {
        guard !tables.isEmpty else { return }
        guard let row = tables.flatMap(\.rows).first(where: { row in
            row.cells.count >= 15 && row.cells.suffix(15).contains { Self.integer($0.text) != nil }
        }) else {
            problems.append("table 四 has no value row")
            return
        }
        let cells = Array(row.cells.suffix(15))
        for (group, name) in Self.fourGroups.enumerated() {
            let part = cells[(group * 5)..<(group * 5 + 5)]
            for (column, cell) in zip(Self.fourColumns, part) {
                if cell.isMergedContinuation { problems.append("table 四 value merged") }
                classify(cell.text, table: "4", row: name, column: column) { $0.allSatisfy(\.isDigitASCII) }
            }
            let numbers = part.compactMap { Self.integer($0.text) }
            if numbers.count == 5, numbers.prefix(4).reduce(0, +) != numbers[4] {
                findings.append(Finding(rule: "t4_total", table: "4", row: name, column: "total"))
            }
        }
    }

    private mutating func tableTwo(_ tables: [Table], template: String) {
        guard !tables.isEmpty else { return }
        let rows = template == "2021" ? Self.twoRows2021 : Self.twoRows2020
        var seen = Set<String>()
        for row in tables.flatMap(\.rows) {
            let cells = row.cells.filter { !$0.isMergedContinuation }.map(\.text)
            guard let at = cells.firstIndex(where: { !Self.compact($0).isEmpty }) else { continue }
            let label = Self.compact(cells[at])
            guard let (key, _, columns) = rows.first(where: { !seen.contains($0.0) && (label == $0.1 || ($0.1 == "规范性文件" && label.hasSuffix($0.1))) }) else { continue }
            seen.insert(key)
            let values = Array(cells.dropFirst(at + 1).prefix(columns.count)) + Array(repeating: "", count: max(0, columns.count - (cells.count - at - 1)))
            for (column, text) in zip(columns, values) {
                let money = key == "procurement" && column == "amount"
                classify(text, table: "2", row: key, column: column) { value in
                    let body = money ? String(String(value.trimmingSuffix("万元")).trimmingSuffix("元")) : value
                    return body.range(of: #"^[+-]?\d+(\.\d+)?$"#, options: .regularExpression) != nil
                }
            }
        }
        if seen.count < rows.count { problems.append("table 二 rows not found: \(rows.map(\.0).filter { !seen.contains($0) })") }
    }
}

private extension Character {
    var isDigitASCII: Bool { isASCII && isNumber }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}
