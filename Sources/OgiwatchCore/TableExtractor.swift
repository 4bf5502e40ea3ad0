/// Reads tables 二 三 四 of a report against a template.
struct TableExtractor {
    let template: TemplateSpec
    let matchers: TemplateMatchers

    func extract(_ blocks: [Document.Block]) -> [StatTable: ReportTable] {
        var result: [StatTable: ReportTable] = [:]
        let parts = TableLocator(template: template).locate(blocks)
        if let t2 = parts[.two] { result[.two] = tableTwo(t2) }
        if let t3 = parts[.three] { result[.three] = gridTable(template.tables.T3, t3) }
        if let t4 = parts[.four] { result[.four] = tableFour(template.tables.T4, t4) }
        let prose = Normalize.compact(blocks.compactMap { if case .paragraph(let p) = $0 { p.text } else { nil } }.joined())
        for (name, words) in TableLocator(template: template).keys where result[name] == nil {
            guard words.filter(prose.includes).count >= Self.labelsInProse else { continue }
            result[name] = ReportTable(spec: template.tables[name], problems: ["表中的文字没有按行排列（例如按列提取的 PDF 文字，标签和数值各占一行），各栏数值无法对应到行，未能读取"])
        }
        return result
    }

    /// A table's labels standing in the prose in this number show the table is there, but not
    /// as rows.
    static let labelsInProse = 5

    /// Table 三: rows found by label, 7 values each.
    func gridTable(_ spec: TableSpec, _ tables: [Table]) -> ReportTable {
        let rows = spec.rows ?? []
        let columns = spec.columns ?? []
        let entries = TableEntry.entries(of: tables, valueCount: columns.count)
        let outcome = matchers.tableThree.place(entries)
        var table = ReportTable(spec: spec, line: tables.first?.line)
        var unreadable = Set<String>()
        for placement in outcome.placements {
            let entry = placement.entry
            let row = rows[placement.rowIndex]
            var values = entry.values ?? Array(repeating: .blank, count: columns.count)
            if let digits = entry.runTogether {
                switch RunTogetherSplit.resolve(digits, columns: columns) {
                case .read(let read): values = read
                case .unreadable(let reason):
                    table.problems.append("「\(row.label)」行\(reason)")
                    unreadable.insert(row.key)
                    continue
                }
            }
            if let partial = entry.partialCount {
                table.problems.append("「\(rows[placement.rowIndex].label)」行只识别出 \(partial) 个数值（应为 \(columns.count) 个），空白单元格无法定位（第\(entry.line)行）")
            }
            table.rows.append(ReportRow(spec: row, columns: columns, values: values,
                                        foundLabel: entry.label, labelMatches: placement.labelMatches, line: entry.line))
        }
        table.unknownRows = outcome.unknown.filter { $0.values != nil }.map { UnknownRow(label: $0.label, line: $0.line) }
        let found = Set(table.rows.map(\.spec.key)).union(unreadable)
        let replaced = Set(table.rows.compactMap(\.spec.standsFor).joined())
        for row in rows where row.standsFor == nil && !found.contains(row.key) && !replaced.contains(row.key) {
            table.problems.append("未找到「\(row.label)」行")
        }
        return table
    }

    /// Table 四: one line of 15 values, located by content because its header is often
    /// shredded (README, "How a report is read"); the values fill the group rows in order.
    func tableFour(_ spec: TableSpec, _ tables: [Table]) -> ReportTable {
        let rows = spec.rows ?? []
        let columns = spec.columns ?? []
        let count = rows.count * columns.count
        var table = ReportTable(spec: spec, line: tables.first?.line)
        let entries = TableEntry.entries(of: tables, valueCount: count)
        guard let entry = entries.first(where: { $0.values != nil || $0.runTogether != nil }) else {
            table.problems.append("未找到含 \(count) 个数值的数据行")
            return table
        }
        var values = entry.values ?? []
        if let digits = entry.runTogether {
            switch RunTogetherSplit.resolve(digits, columns: Array(repeating: columns, count: rows.count).flatMap { $0 }) {
            case .read(let read): values = read
            case .unreadable(let reason):
                table.problems.append("数据行\(reason)")
                return table
            }
        }
        for (i, row) in rows.enumerated() {
            let slice = Array(values[(i * columns.count)..<((i + 1) * columns.count)])
            table.rows.append(ReportRow(spec: row, columns: columns, values: slice, foundLabel: "", labelMatches: true, line: entry.line))
        }
        return table
    }

    /// Table 二: blocks opened by a 第二十条第（X）项 caption, rows by label.
    func tableTwo(_ tables: [Table]) -> ReportTable {
        let spec = template.tables.T2
        let blocks = spec.blocks ?? []
        var table = ReportTable(spec: spec, line: tables.first?.line)
        let matchers = self.matchers.tableTwoBlocks
        var block: Int?
        var unreadable = Set<String>()
        for line in Self.lines(tables) {
            if let item = Self.captionItem(line.label) {
                block = blocks.firstIndex { $0.item == item }
                if line.digits == nil { continue }
            }
            if line.label.hasPrefix("信息内容") && line.digits == nil || line.label.isEmpty { continue }
            let candidates = block.map { [$0] } ?? Array(blocks.indices)
            guard let (owner, rowSpec) = Self.match(line.label, in: candidates, blocks: blocks, matchers: matchers) else {
                if line.values.contains(where: \.isNumber) || line.digits != nil {
                    table.unknownRows.append(UnknownRow(label: line.label, line: line.line))
                }
                continue
            }
            guard table.row(rowSpec.key) == nil else { continue }
            var values = Array(line.values.prefix(owner.columns.count))
            let official = Normalize.compact(rowSpec.label)
            var labelMatches = line.label == official
            if let digits = line.digits {
                labelMatches = line.label.hasSuffix(official)
                switch RunTogetherSplit.resolve(digits, columns: owner.columns) {
                case .read(let read): values = read
                case .unreadable(let reason):
                    table.problems.append("「\(rowSpec.label)」行\(reason)")
                    unreadable.insert(rowSpec.key)
                    continue
                }
            } else if line.isLoose, values.count < owner.columns.count {
                table.problems.append("「\(rowSpec.label)」行只识别出 \(values.count) 个数值（应为 \(owner.columns.count) 个）（第\(line.line)行）")
            }
            values += Array(repeating: .blank, count: max(0, owner.columns.count - values.count))
            table.rows.append(ReportRow(spec: rowSpec, columns: owner.columns, values: values, foundLabel: line.label,
                                        labelMatches: labelMatches, line: line.line))
        }
        let found = Set(table.rows.map(\.spec.key)).union(unreadable)
        for row in spec.allRows where !found.contains(row.key) {
            table.problems.append("未找到「\(row.label)」行")
        }
        return table
    }

    /// A row of table 二 as its layout gives it: the label, and the cells after it or the
    /// digits they run together in.
    struct TableTwoLine {
        var label: String
        var values: [CellValue]
        var digits: RunTogetherRow?
        var isLoose: Bool
        var line: Int
    }

    static func lines(_ tables: [Table]) -> [TableTwoLine] {
        tables.flatMap { raw -> [TableTwoLine] in
            if raw.layout == .runTogether {
                return raw.rows.flatMap(\.cells).flatMap { RunTogetherRow.rows($0.text) }.map { row in
                    TableTwoLine(label: row.label, values: [], digits: row.chunks.isEmpty ? nil : row, isLoose: false, line: raw.line)
                }
            }
            return raw.rows.compactMap { row in
                let cells = raw.layout == .grid ? row.cells.filter { !$0.isMergedContinuation } : Self.tokens(row)
                guard let labelIndex = cells.firstIndex(where: { !Normalize.trimCell($0.text).isEmpty }) else { return nil }
                let text = Normalize.compact(cells.map(\.text).joined())
                let label = captionItem(text) != nil || text.hasPrefix("信息内容") ? text : Normalize.compact(cells[labelIndex].text)
                return TableTwoLine(label: label, values: cells[(labelIndex + 1)...].map { CellValue(parsing: $0.text) }, digits: nil,
                                    isLoose: raw.layout == .loose, line: row.line)
            }
        }
    }

    /// Loose rows carry several values per cell; split them on whitespace.
    static func tokens(_ row: Row) -> [Cell] {
        row.cells.flatMap { cell in
            cell.text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" }).map { Cell(String($0)) }
        }
    }

    /// `一` for 第二十条第(一)项.
    static func captionItem(_ text: String) -> String? {
        guard let r = text.range(of: "第二十条第(") else { return nil }
        let rest = text[r.upperBound...]
        guard let close = rest.firstIndex(of: ")"), rest[..<close].count == 1 else { return nil }
        return String(rest[..<close])
    }

    static func match(_ label: String, in candidates: [Int], blocks: [BlockSpec], matchers: [RowMatcher]) -> (BlockSpec, RowSpec)? {
        for b in candidates {
            if let i = blocks[b].rows.indices.first(where: { matchers[b].matches($0, label) }) { return (blocks[b], blocks[b].rows[i]) }
        }
        return nil
    }
}
