/// Checks that the report follows its template: detection, year, rows, labels, tables found.
extension Evaluator {
    func templateDetected() -> [Hit] {
        guard report.template == nil else { return [] }
        return [Hit(["title": report.title ?? ""], location: Location())]
    }

    /// Labels of a template other than the one that governs the report's year.
    func templateYear() -> [Hit] {
        guard let year = report.year, report.template != nil else { return [] }
        return ruleSet.templates.compactMap { template in
            guard !template.governs(year: year), let markers = report.templateMarkers[template.id] else { return nil }
            return Hit(["year": String(year), "template": template.name, "markers": markers.joined(separator: "、")],
                       location: Location(section: "二", table: "二"))
        }
    }

    func rowsPresent(_ name: StatTable, _ rows: [String]) -> [Hit] {
        // A table read without rows is reported once, as unreadable.
        guard let table = report.tables[name], !table.rows.isEmpty else { return [] }
        let missing = rows.filter { table.row($0) == nil }
        guard !missing.isEmpty else { return [] }
        let labels = table.spec.allRows.filter { missing.contains($0.key) }.map(\.label)
        let standIns = table.rows.filter { row in row.spec.standsFor?.contains(where: missing.contains) ?? false }
        let found = standIns.isEmpty ? "缺少这些行" : "只有一行「\(standIns.map(\.spec.label).joined())」（2019 年格式）"
        let numeral = name.numeral
        return [Hit(["table": numeral, "missing": labels.joined(separator: "、"), "found": found],
                    location: Location(section: numeral, table: numeral, row: standIns.first?.spec.label, line: standIns.first?.line ?? table.line))]
    }

    func labels(_ tables: [StatTable]) -> [Hit] {
        var hits: [Hit] = []
        for name in tables {
            guard let table = report.tables[name] else { continue }
            let numeral = name.numeral
            for row in table.rows where !row.labelMatches {
                hits.append(Hit(["table": numeral, "row": row.spec.label, "found": row.foundLabel],
                                location: Location(section: numeral, table: numeral, row: row.spec.label, line: row.line)))
            }
            for unknown in table.unknownRows {
                hits.append(Hit(["table": numeral, "row": "（模板中没有此行）", "found": unknown.label],
                                location: Location(section: numeral, table: numeral, row: unknown.label, line: unknown.line)))
            }
        }
        return hits
    }

    func tableFound(_ tables: [StatTable], unparseable: Severity?) -> [Hit] {
        guard report.template != nil else { return [] }
        return tables.compactMap { name in
            let numeral = name.numeral
            guard let table = report.tables[name] else {
                return Hit(["table": numeral, "reason": "未找到该表"], location: Location(section: numeral, table: numeral))
            }
            guard !table.problems.isEmpty else { return nil }
            return Hit(["table": numeral, "reason": table.problems.joined(separator: "；")],
                       location: Location(section: numeral, table: numeral, line: table.line),
                       severity: unparseable)
        }
    }
}
