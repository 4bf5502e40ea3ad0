/// Splits a run-together row into its cells only where the table leaves no choice.
///
/// Each digit run is read in every way its columns accept (`RunTogetherRow.splits`). One way
/// is the reading. Several are narrowed by the row's own arithmetic — wherever a column keyed
/// `total` closes a group of columns, it must equal their sum (a table-三 row; the three groups
/// of table 四) — and one survivor is the reading. Anything else is unreadable and says why:
/// a guessed split would only produce arithmetic errors that are not in the report. A row
/// read through its total cannot fail that total, but it still answers for every other check.
enum RunTogetherSplit {
    enum Outcome: Equatable {
        case read([CellValue])
        /// Why not, worded to follow the row's name in a message.
        case unreadable(String)
    }

    static func resolve(_ row: RunTogetherRow, columns: [ColumnSpec]) -> Outcome {
        let domains = columns.map { $0.domain ?? .count }
        guard let splits = row.splits(into: domains) else {
            return .unreadable("的数字「\(row.digits)」连在一起，可能的拆分太多，无法确定各栏数值")
        }
        if splits.count == 1 { return .read(splits[0]) }
        guard !splits.isEmpty else {
            return .unreadable("的数字「\(row.digits)」连在一起，拆不成 \(columns.count) 个数值")
        }
        let groups = totalGroups(columns)
        guard !groups.isEmpty else {
            return .unreadable("的数字「\(row.digits)」连在一起，有 \(splits.count) 种拆分方式，表中没有合计可以确定哪一种")
        }
        let consistent = splits.filter { cells in groups.allSatisfy { holds($0, in: cells) } }
        switch consistent.count {
        case 1: return .read(consistent[0])
        case 0: return .unreadable("的数字「\(row.digits)」连在一起，没有一种拆分能使总计等于各栏之和，无法确定各栏数值")
        default: return .unreadable("的数字「\(row.digits)」连在一起，有 \(consistent.count) 种拆分都符合合计，无法确定各栏数值")
        }
    }

    /// Column ranges each closed by a column keyed `total`.
    static func totalGroups(_ columns: [ColumnSpec]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for (i, column) in columns.enumerated() where column.key == "total" {
            groups.append(start..<(i + 1))
            start = i + 1
        }
        return groups
    }

    private static func holds(_ group: Range<Int>, in cells: [CellValue]) -> Bool {
        let parts = cells[group.dropLast()].compactMap(\.number)
        guard let total = cells[group.last ?? 0].number, parts.count == group.count - 1 else { return false }
        return parts.reduce(0, +) == total
    }
}
