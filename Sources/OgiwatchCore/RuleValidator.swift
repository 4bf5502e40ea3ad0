/// Finds mistakes in a merged rule set before it is used: a check that lacks what its kind
/// needs, a table, row or column that no template has, a pattern name that is not defined.
struct RuleValidator {
    let sections: [SectionSpec]
    let templates: [TemplateSpec]
    let rules: [RuleSpec]
    let patterns: [String: String]

    static let tableNames = ["T2", "T3", "T4"]

    func problems() -> [String] {
        var problems: [String] = []
        if sections.isEmpty { problems.append("没有定义任何部分（sections）") }
        if templates.isEmpty { problems.append("没有定义任何模板（template）") }
        for rule in rules {
            let say = { (text: String) in problems.append("规则 \(rule.id)：\(text)") }
            if rule.allChecks.isEmpty { say("没有 check") }
            if let id = rule.messageID, id.count != 32 || !id.allSatisfy(\.isHexDigit) { say("message_id 必须是 32 位十六进制数") }
            for t in rule.templates ?? [] where !templates.contains(where: { $0.id == t }) { say("未知模板 \(t)") }
            for check in rule.allChecks { validate(check, say: say) }
            for name in Self.patternNames(in: rule) where patterns[name] == nil { say("未定义的命名模式 $\(name)") }
        }
        return problems
    }

    private func validate(_ check: CheckSpec, say: (String) -> Void) {
        let kind = check.kind.rawValue
        func need(_ present: Bool, _ field: String) { if !present { say("\(kind) 需要 \(field)") } }
        for table in (check.tables ?? []) + [check.table].compactMap({ $0 }) where !Self.tableNames.contains(table) {
            say("未知表格 \(table)（应为 T2、T3 或 T4）")
        }
        switch check.kind {
        case .equation:
            need(check.table != nil, "table")
            need(check.forEach == "row" || check.forEach == "column", "for_each: row 或 column")
            need(!(check.left ?? []).isEmpty, "left")
            need(!(check.right ?? []).isEmpty, "right")
            if let op = check.op, !["=", "<=", ">="].contains(op) { say("op 只能是 =、<= 或 >=") }
            if let table = check.table, let forEach = check.forEach { validateKeys(check, table: table, forEach: forEach, say: say) }
        case .blankCells, .valueDomain:
            need(check.table != nil, "table")
        case .rowsPresent:
            need(check.table != nil, "table")
            need(!(check.rows ?? []).isEmpty, "rows")
        case .labels, .tableFound:
            need(!(check.tables ?? []).isEmpty, "tables")
        case .text:
            need(check.scope != nil, "scope")
            need(check.requireAny != nil || check.requireAll != nil || check.forbidAny != nil, "require_any、require_all 或 forbid_any")
            if check.scope == "section" { need(check.section != nil, "section") }
        case .sectionEmpty:
            need(!(check.sections ?? []).isEmpty, "sections")
        case .metadata:
            need(!(check.require ?? []).isEmpty, "require")
        case .narrativeNumber:
            need(!(check.claims ?? []).isEmpty, "claims")
        case .enumerationSum:
            need(!(check.units ?? []).isEmpty, "units")
        case .sectionsPresent, .sectionOrder, .sectionTitle, .headingFormat, .extraSection, .artifacts, .templateDetected, .templateYear,
             .yearConsistent, .reader:
            break
        }
        for expression in (check.claims ?? []).flatMap(\.compare) + [check.when?.cellPositive].compactMap({ $0 }) {
            validateCells(expression, say: say)
        }
    }

    /// Every key an equation names must exist in at least one template's table.
    private func validateKeys(_ check: CheckSpec, table: String, forEach: String, say: (String) -> Void) {
        let specs = specs(table)
        let rowKeys = Set(specs.flatMap(\.allRows).map(\.key))
        let rowTags = Set(specs.flatMap(\.allRows).flatMap { $0.tags ?? [] })
        let columnKeys = Set(specs.flatMap(\.allColumnKeys))
        let (termKeys, termTags) = forEach == "column" ? (rowKeys, rowTags) : (columnKeys, Set<String>())
        let (iterKeys, _) = forEach == "column" ? (columnKeys, 0) : (rowKeys, 0)
        for term in (check.left ?? []) + (check.right ?? []) where Evaluator.constant(term) == nil {
            if term.hasPrefix("@") {
                if !termTags.contains(String(term.dropFirst())) { say("未知标签 \(term)") }
            } else if !termKeys.contains(term) {
                say("表 \(table) 中没有 \(term)")
            }
        }
        for key in (forEach == "column" ? check.columns : check.rows) ?? [] where !iterKeys.contains(key) {
            say("表 \(table) 中没有 \(key)")
        }
    }

    /// A sum such as `T3.new.total + T3.carry_in.total`: every term names a table, a row
    /// some template has, and a column of it (or `*`).
    private func validateCells(_ expression: String, say: (String) -> Void) {
        switch CellSum.parse(expression) {
        case .failure(let error):
            say("单元格表达式「\(error.term)」应写作 表.行.列（如 T3.new.total）")
        case .success(let sum):
            for term in sum.terms {
                let specs = specs(term.table)
                if !specs.flatMap(\.allRows).contains(where: { $0.key == term.row }) { say("表 \(term.table) 中没有行 \(term.row)") }
                if term.column != "*", !specs.flatMap(\.allColumnKeys).contains(term.column) {
                    say("表 \(term.table) 中没有列 \(term.column)")
                }
            }
        }
    }

    /// Every template's version of one table.
    private func specs(_ table: String) -> [TableSpec] {
        templates.compactMap { $0.tables.named(table) }
    }

    static func patternNames(in rule: RuleSpec) -> [String] {
        rule.allChecks.flatMap(textPatterns).filter { $0.hasPrefix("$") }.map { String($0.dropFirst()) }
    }

    /// All regular expressions a rule uses, named patterns resolved.
    static func regexes(in rule: RuleSpec, patterns: [String: String]) -> [String] {
        rule.allChecks.flatMap { check -> [String] in
            let text: [String] = textPatterns(check).map { resolve($0, patterns) }
            let claims: [String] = (check.claims ?? []).map(\.pattern)
            return text + claims
        } + (rule.when?.patterns ?? []) + rule.allChecks.flatMap { $0.when?.patterns ?? [] }
    }

    static func textPatterns(_ check: CheckSpec) -> [String] {
        var all: [String] = check.requireAny ?? []
        all += check.requireAll ?? []
        all += check.forbidAny ?? []
        all += check.unlessAny ?? []
        return all
    }

    static func resolve(_ pattern: String, _ patterns: [String: String]) -> String {
        pattern.hasPrefix("$") ? patterns[String(pattern.dropFirst())] ?? pattern : pattern
    }
}
