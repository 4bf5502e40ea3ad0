import Yams

/// Reads the template, shared tables and sections of a rule file, naming the file, field
/// and line of anything misspelt.
struct TemplateReader {
    let place: RulePlace

    static let templateFields = ["id", "name", "markers", "year_from", "year_until", "tables"]
    static let tableFields = ["opening", "columns", "rows", "blocks"]
    static let rowFields = ["key", "label", "group", "match", "tags", "stands_for", "templates"]
    static let columnFields = ["key", "label", "domain"]

    func template(_ node: Node) throws(RuleProblem) -> RuleFile.TemplateDraft {
        let map = try YAMLMap(node, field: "template", place: place)
        try map.refuseOthers(Set(Self.templateFields)) { "template 中没有字段 \($0)（可用：\(Self.templateFields.joined(separator: "、"))）" }
        return RuleFile.TemplateDraft(id: try map.required("id"), name: try map.required("name"), markers: try map.strings("markers") ?? [],
                                      yearFrom: try map.int("year_from"), yearUntil: try map.int("year_until"),
                                      tables: try map["tables"].map { n throws(RuleProblem) in try tables(n, field: "tables") } ?? [:],
                                      node: node)
    }

    func tables(_ node: Node, field: String) throws(RuleProblem) -> [StatTable: TableSpec] {
        let map = try YAMLMap(node, field: field, place: place)
        var tables: [StatTable: TableSpec] = [:]
        for (key, value) in map.mapping {
            let table = try YAMLMap.parse(key.string ?? "?", StatTable.self, node: key, key: field, place: place)
            tables[table] = try self.table(value, field: table.rawValue)
        }
        return tables
    }

    private func table(_ node: Node, field: String) throws(RuleProblem) -> TableSpec {
        let map = try YAMLMap(node, field: field, place: place)
        try map.refuseOthers(Set(Self.tableFields)) { "表中没有字段 \($0)（可用：\(Self.tableFields.joined(separator: "、"))）" }
        let blocks = try map.list("blocks")?.map { n throws(RuleProblem) -> BlockSpec in
            let block = try YAMLMap(n, field: "blocks", place: place)
            try block.refuseOthers(["item", "columns", "rows"]) { "blocks 的一项只用 item、columns、rows，没有 \($0)" }
            return BlockSpec(item: try block.required("item"), columns: try columns(block) ?? [], rows: try rows(block) ?? [])
        }
        return TableSpec(opening: try map.strings("opening"), columns: try columns(map), rows: try rows(map), blocks: blocks)
    }

    private func columns(_ map: YAMLMap) throws(RuleProblem) -> [ColumnSpec]? {
        try map.list("columns")?.map { n throws(RuleProblem) in
            let column = try YAMLMap(n, field: "columns", place: place)
            try column.refuseOthers(Set(Self.columnFields)) { "列中没有字段 \($0)（可用：\(Self.columnFields.joined(separator: "、"))）" }
            return ColumnSpec(key: try column.required("key"), label: try column.required("label"),
                              domain: try column.value("domain", ColumnSpec.Domain.self))
        }
    }

    private func rows(_ map: YAMLMap) throws(RuleProblem) -> [RowSpec]? {
        try map.list("rows")?.map { n throws(RuleProblem) in
            let row = try YAMLMap(n, field: "rows", place: place)
            try row.refuseOthers(Set(Self.rowFields)) { "行中没有字段 \($0)（可用：\(Self.rowFields.joined(separator: "、"))）" }
            return RowSpec(key: try row.required("key"), label: try row.required("label"), group: try row.string("group"),
                           match: try row.required("match"), tags: try row.strings("tags"), standsFor: try row.strings("stands_for"),
                           onlyIn: try row.strings("templates"))
        }
    }

    func section(_ node: Node) throws(RuleProblem) -> SectionSpec {
        let map = try YAMLMap(node, field: "sections", place: place)
        try map.refuseOthers(["number", "title", "accepted"]) { "sections 的一项只用 number、title、accepted，没有 \($0)" }
        guard let number = try map.int("number") else { throw place.problem(node, "number", "缺少 number（部分编号）") }
        return SectionSpec(number: number, title: try map.required("title"), accepted: try map.strings("accepted"))
    }
}
