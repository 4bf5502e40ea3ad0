/// Reads tables 二 三 四 of a report against a template.
struct TableExtractor {
    let template: TemplateSpec
    let matchers: TemplateMatchers

    func extract(_ blocks: [Document.Block]) -> [String: ReportTable] {
        var result: [String: ReportTable] = [:]
        let parts = TableLocator(template: template).locate(blocks)
        if let t2 = parts["T2"] { result["T2"] = tableTwo(t2) }
        if let t3 = parts["T3"] { result["T3"] = gridTable(template.tables.T3, t3) }
        if let t4 = parts["T4"] { result["T4"] = tableFour(template.tables.T4, t4) }
        return result
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
