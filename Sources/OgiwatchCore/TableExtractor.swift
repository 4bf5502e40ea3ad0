/// Reads tables 二 三 四 of a report against a template.
struct TableExtractor {
    let template: TemplateSpec
    let matchers: TemplateMatchers

    func extract(sections: [ReportSection], allTables: [Table]) -> [String: ReportTable] {
        var result: [String: ReportTable] = [:]
        let t2 = tables(in: sections, number: 2, all: allTables, containing: ["第二十条", "信息内容"])
        let t3 = tables(in: sections, number: 3, all: allTables, containing: ["本年新收", "本年度办理结果"])
        let t4 = tables(in: sections, number: 4, all: allTables, containing: ["复议后起诉", "未经复议"])
        if !t2.isEmpty { result["T2"] = tableTwo(t2) }
        if !t3.isEmpty { result["T3"] = gridTable(template.tables.T3, t3) }
        if !t4.isEmpty { result["T4"] = tableFour(template.tables.T4, t4) }
        return result
    }

    /// The tables inside section `number`, or else any table holding one of the words.
    private func tables(in sections: [ReportSection], number: Int, all: [Table], containing words: [String]) -> [Table] {
        let inSection = sections.filter { $0.number == number }.flatMap(\.tables)
        if !inSection.isEmpty { return inSection }
        return all.filter { table in
            let text = Normalize.compact(table.rows.prefix(12).flatMap(\.cells).map(\.text).joined())
            return words.contains(where: text.contains)
        }
    }

    /// Table 三: rows found by label, 7 values each.
    func gridTable(_ spec: TableSpec, _ tables: [Table]) -> ReportTable {
        let rows = spec.rows ?? []
        let columns = spec.columns ?? []
        let entries = TableEntry.entries(of: tables, valueCount: columns.count)
        let outcome = matchers.tableThree.place(entries)
        var table = ReportTable(spec: spec, line: tables.first?.line)
        for placement in outcome.placements {
            let entry = placement.entry
            let values = entry.values ?? Array(repeating: .blank, count: columns.count)
            if let partial = entry.partialCount {
                table.problems.append("「\(rows[placement.rowIndex].label)」行只识别出 \(partial) 个数值（应为 \(columns.count) 个），空白单元格无法定位（第\(entry.line)行）")
            }
            table.rows.append(ReportRow(spec: rows[placement.rowIndex], columns: columns, values: values,
                                        foundLabel: entry.label, labelMatches: placement.labelMatches, line: entry.line))
        }
        table.unknownRows = outcome.unknown.filter { $0.values != nil }.map { UnknownRow(label: $0.label, line: $0.line) }
        let found = Set(table.rows.map(\.spec.key))
        let replaced = Set(table.rows.compactMap(\.spec.standsFor).joined())
        for row in rows where row.standsFor == nil && !found.contains(row.key) && !replaced.contains(row.key) {
            table.problems.append("未找到「\(row.label)」行")
        }
        return table
    }

    /// Table 四: one line of 15 values, located by content because its header is often
    /// shredded (domain §1.6); the values fill the group rows in order.
    func tableFour(_ spec: TableSpec, _ tables: [Table]) -> ReportTable {
        let rows = spec.rows ?? []
        let columns = spec.columns ?? []
        let count = rows.count * columns.count
        var table = ReportTable(spec: spec, line: tables.first?.line)
        let entries = TableEntry.entries(of: tables, valueCount: count)
        guard let entry = entries.first(where: { $0.values != nil }), let values = entry.values else {
            table.problems.append("未找到含 \(count) 个数值的数据行")
            return table
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
        for raw in tables {
            for row in raw.rows {
                let cells = raw.layout == .grid ? row.cells.filter { !$0.isMergedContinuation } : Self.tokens(row)
                let text = Normalize.compact(cells.map(\.text).joined())
                if let item = Self.captionItem(text) {
                    block = blocks.firstIndex { $0.item == item }
                    continue
                }
                if text.hasPrefix("信息内容") || text.isEmpty { continue }
                guard let labelIndex = cells.firstIndex(where: { !Normalize.trimCell($0.text).isEmpty }) else { continue }
                let label = Normalize.compact(cells[labelIndex].text)
                let candidates = block.map { [$0] } ?? Array(blocks.indices)
                guard let (owner, rowSpec) = Self.match(label, in: candidates, blocks: blocks, matchers: matchers) else {
                    let values = cells[(labelIndex + 1)...].map { CellValue(parsing: $0.text) }
                    if values.contains(where: \.isNumber) { table.unknownRows.append(UnknownRow(label: label, line: row.line)) }
                    continue
                }
                guard table.row(rowSpec.key) == nil else { continue }
                var values = cells[(labelIndex + 1)...].prefix(owner.columns.count).map { CellValue(parsing: $0.text) }
                if raw.layout == .loose, values.count < owner.columns.count {
                    table.problems.append("「\(rowSpec.label)」行只识别出 \(values.count) 个数值（应为 \(owner.columns.count) 个）（第\(row.line)行）")
                }
                values += Array(repeating: .blank, count: max(0, owner.columns.count - values.count))
                table.rows.append(ReportRow(spec: rowSpec, columns: owner.columns, values: values, foundLabel: label,
                                            labelMatches: label == Normalize.compact(rowSpec.label), line: row.line))
            }
        }
        let found = Set(table.rows.map(\.spec.key))
        for row in spec.allRows where !found.contains(row.key) {
            table.problems.append("未找到「\(row.label)」行")
        }
        return table
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
