import Yams

/// What rules are checked against while they are read: the named patterns, the sections
/// and the templates' tables of the whole rule set.
struct RuleContext {
    var patterns: [String: String]
    var sections: Set<Int>
    var templates: [TemplateSpec]

    /// Every template's version of one table.
    func specs(_ table: StatTable) -> [TableSpec] {
        templates.map { $0.tables[table] }
    }
}

/// Reads one rule of a rule file: its fields, its checks, and whether its message asks only
/// for placeholders its checks fill.
struct RuleParser {
    let file: String
    let context: RuleContext

    static let fields = ["id", "severity", "enabled", "title", "explain", "message", "message_id", "templates", "when",
                         "by_year", "check", "checks"]

    func rule(_ node: Node) throws(RuleProblem) -> RuleSpec {
        let id = node.mapping?["id"]?.scalar?.string
        let place = RulePlace(file: file, rule: id)
        let map = try YAMLMap(node, field: "rules", place: place)
        try map.refuseOthers(Set(Self.fields)) { "规则中没有字段 \($0)（拼写错误？可用的字段：\(Self.fields.joined(separator: "、"))）" }
        let ruleID = try map.required("id")
        guard let severity = try map.severity("severity") else { throw place.problem(node, "severity", "缺少 severity（error、warning 或 info）") }
        let message = try map.required("message")
        let messageID = try map.string("message_id")
        if let messageID, messageID.count != 32 || !messageID.allSatisfy(\.isHexDigit) {
            throw place.problem(map["message_id"], "message_id", "message_id 必须是 32 位十六进制数")
        }
        let templates = try map.strings("templates")
        for (i, t) in (templates ?? []).enumerated() where !context.templates.contains(where: { $0.id == t }) {
            let known = context.templates.map(\.id).joined(separator: "、")
            throw place.problem(map["templates"]?.sequence?[i], "templates", "未知模板 \(t)（已定义：\(known)）")
        }
        let parser = CheckParser(place: place, context: context)
        var checkNodes: [Node] = []
        if let single = map["check"] { checkNodes.append(single) }
        checkNodes += try map.list("checks") ?? []
        guard !checkNodes.isEmpty else { throw place.problem(node, "check", "规则没有 check（或 checks）") }
        let checks = try checkNodes.map { n throws(RuleProblem) in try parser.check(n) }
        try placeholders(message, checks: checks, nodes: checkNodes, map: map, place: place)
        return RuleSpec(id: ruleID, severity: severity, enabled: try map.bool("enabled"), title: try map.required("title"),
                        explain: try map.string("explain"), message: message, messageID: messageID, templates: templates,
                        when: try map["when"].map { n throws(RuleProblem) in try parser.condition(n) },
                        byYear: try byYear(map, place), checks: checks)
    }

    /// The message and every note may only name placeholders each check fills: an unknown
    /// one would print as an empty gap.
    private func placeholders(_ message: String, checks: [CheckSpec], nodes: [Node], map: YAMLMap, place: RulePlace) throws(RuleProblem) {
        for (check, node) in zip(checks, nodes) {
            let filled = check.test.placeholders
            let available = filled.union(check.note == nil ? [] : ["note"])
            for name in Placeholder.names(in: message) where !available.contains(name) {
                throw place.problem(map["message"], "message", unknown(name, check, available))
            }
            if let note = check.note {
                for name in Placeholder.names(in: note) where !filled.contains(name) {
                    throw place.problem(node.mapping?["note"], "note", unknown(name, check, filled))
                }
            }
            if Placeholder.names(in: message).contains("missing"), case .text(let text) = check.test,
               let unnamed = text.requireAll?.first(where: { $0.what == nil }) {
                throw place.problem(node.mapping?["require_all"], "require_all",
                                    "消息用 {missing} 列出缺少的内容，但「\(unnamed.pattern.name.map { "$" + $0 } ?? unnamed.pattern.source)」是正则表达式，不能直接给人看；请写成 {what: 说法, pattern: '…'}")
            }
        }
    }

    private func unknown(_ name: String, _ check: CheckSpec, _ available: Set<String>) -> String {
        "占位符 {\(name)} 不是 \(check.kind.rawValue) 检查提供的；可用的占位符：" + available.sorted().map { "{\($0)}" }.joined(separator: "、")
    }

    private func byYear(_ map: YAMLMap, _ place: RulePlace) throws(RuleProblem) -> [YearSeverity]? {
        try map.list("by_year")?.map { node throws(RuleProblem) in
            let entry = try YAMLMap(node, field: "by_year", place: place)
            try entry.refuseOthers(["from", "until", "severity"]) { "by_year 的一项只用 from、until、severity，没有 \($0)" }
            guard let severity = try entry.severity("severity") else { throw place.problem(node, "severity", "by_year 的一项缺少 severity") }
            return YearSeverity(from: try entry.int("from"), until: try entry.int("until"), severity: severity)
        }
    }
}
