import Yams

/// Reads one check of a rule into its typed form, refusing what its kind does not use and
/// compiling its patterns and sums. The first fault is thrown: what follows it would only
/// be noise caused by it.
struct CheckParser {
    let place: RulePlace
    let context: RuleContext

    func check(_ node: Node) throws(RuleProblem) -> CheckSpec {
        let map = try YAMLMap(node, field: "check", place: place)
        guard map["kind"] != nil else {
            throw place.problem(node, "kind", "检查缺少 kind；可用的 kind：\(CheckKind.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        guard let kind = try map.value("kind", CheckKind.self) else { throw place.problem(node, "kind", "缺少 kind") }
        let allowed = CheckKind.commonFields + kind.fields
        try map.refuseOthers(Set(allowed)) { name in
            let list = "\(kind.rawValue) 检查可用的字段：\(allowed.joined(separator: "、"))"
            return CheckKind.allFields.contains(name) ? "\(kind.rawValue) 检查不使用 \(name)；\(list)" : "未知字段 \(name)（拼写错误？）；\(list)"
        }
        return CheckSpec(test: try test(kind, map), severity: try map.severity("severity"),
                         when: try map["when"].map { n throws(RuleProblem) in try condition(n) },
                         note: try map.string("note"), line: node.mark?.line)
    }

    private func test(_ kind: CheckKind, _ map: YAMLMap) throws(RuleProblem) -> CheckTest {
        switch kind {
        case .sectionsPresent: return .sectionsPresent
        case .sectionOrder: return .sectionOrder
        case .sectionTitle: return .sectionTitle
        case .headingFormat: return .headingFormat
        case .extraSection: return .extraSection
        case .templateDetected: return .templateDetected
        case .templateYear: return .templateYear
        case .yearConsistent: return .yearConsistent
        case .reader: return .reader
        case .sectionEmpty:
            let sections = try need(map, "sections", try ints(map, "sections"))
            for (i, number) in sections.enumerated() { try section(number, map["sections"]?.sequence?[i], "sections") }
            return .sectionEmpty(sections: sections, minChars: try map.int("min_chars") ?? 1)
        case .text:
            return .text(try text(map))
        case .artifacts:
            return .artifacts(forbidAny: try need(map, "forbid_any", try patterns(map, "forbid_any")))
        case .metadata:
            let names = try need(map, "require", try map.strings("require"))
            return .metadata(require: try names.enumerated().map { i, name throws(RuleProblem) in
                try YAMLMap.parse(name, MetadataField.self, node: map["require"]?.sequence?[i], key: "require", place: place)
            })
        case .rowsPresent:
            let table = try need(map, "table", try map.value("table", StatTable.self))
            let rows = try need(map, "rows", try map.strings("rows"))
            try keys(rows, of: table, axis: .row, map: map, field: "rows")
            return .rowsPresent(table: table, rows: rows)
        case .labels:
            return .labels(tables: try tables(map))
        case .tableFound:
            return .tableFound(tables: try tables(map), unparseable: try map.severity("unparseable_severity"))
        case .equation:
            return .equation(try equation(map))
        case .blankCells:
            return .blankCells(table: try need(map, "table", try map.value("table", StatTable.self)),
                               wholeTable: try map.severity("whole_table_severity"))
        case .valueDomain:
            return .valueDomain(table: try need(map, "table", try map.value("table", StatTable.self)),
                                outOfDomain: try map.severity("domain_severity"))
        case .enumerationSum:
            return .enumerationSum(EnumerationSumCheck(units: try need(map, "units", try map.strings("units")),
                                                       approximateBefore: try map.strings("approximate_before") ?? []))
        case .narrativeNumber:
            let scope = try textScope(map)
            let items = try need(map, "claims", try map.list("claims"))
            return .narrativeNumber(scope: scope, claims: try items.map { item throws(RuleProblem) in try claim(item) })
        }
    }

    /// A required list: absent or empty is refused.
    private func need<T>(_ map: YAMLMap, _ key: String, _ value: [T]?) throws(RuleProblem) -> [T] {
        guard let value, !value.isEmpty else { throw place.problem(map[key] ?? map.node, key, "\(kindName(map)) 检查需要 \(key)（不能为空）") }
        return value
    }

    private func need<T>(_ map: YAMLMap, _ key: String, _ value: T?) throws(RuleProblem) -> T {
        guard let value else { throw place.problem(map.node, key, "\(kindName(map)) 检查需要 \(key)") }
        return value
    }

    private func kindName(_ map: YAMLMap) -> String { (try? map.string("kind")).flatMap { $0 } ?? "" }

    private func ints(_ map: YAMLMap, _ key: String) throws(RuleProblem) -> [Int]? {
        try map.strings(key)?.enumerated().map { i, text throws(RuleProblem) in
            guard let value = Int(text) else { throw place.problem(map[key]?.sequence?[i], key, "应为整数，实际为「\(text)」") }
            return value
        }
    }

    private func section(_ number: Int, _ node: Node?, _ key: String) throws(RuleProblem) {
        guard context.sections.contains(number) else {
            let known = context.sections.sorted().map(String.init).joined(separator: "、")
            throw place.problem(node, key, "没有第 \(number) 部分（已定义的部分：\(known)）")
        }
    }

    private func tables(_ map: YAMLMap) throws(RuleProblem) -> [StatTable] {
        let names = try need(map, "tables", try map.strings("tables"))
        return try names.enumerated().map { i, name throws(RuleProblem) in
            try YAMLMap.parse(name, StatTable.self, node: map["tables"]?.sequence?[i], key: "tables", place: place)
        }
    }

    /// `scope`, with `section` for `scope: section` only.
    func textScope(_ map: YAMLMap) throws(RuleProblem) -> TextScope {
        let scope = try need(map, "scope", try map.value("scope", Scope.self))
        let number = try map.int("section")
        switch scope {
        case .section:
            guard let number else { throw place.problem(map["scope"], "section", "scope: section 需要 section（部分编号，如 6）") }
            try section(number, map["section"], "section")
            return .section(number)
        case .title, .document:
            if number != nil { throw place.problem(map["section"], "section", "只有 scope: section 才用 section") }
            return scope == .title ? .title : .document
        }
    }

    private func text(_ map: YAMLMap) throws(RuleProblem) -> TextCheck {
        let scope = try textScope(map)
        let ifMissing = try map.value("if_missing", IfMissing.self)
        if ifMissing != nil, scope.section == nil {
            throw place.problem(map["if_missing"], "if_missing", "只有 scope: section 才用 if_missing")
        }
        let check = TextCheck(scope: scope, ignore: try map.strings("ignore")?.map(Normalize.compact) ?? [],
                              requireAny: try patterns(map, "require_any"), requireAll: try requirements(map),
                              forbidAny: try patterns(map, "forbid_any"), unlessAny: try patterns(map, "unless_any"),
                              ifMissing: ifMissing ?? .skip)
        guard check.requireAny != nil || check.requireAll != nil || check.forbidAny != nil else {
            throw place.problem(map.node, "require_any", "text 检查需要 require_any、require_all 或 forbid_any 之一")
        }
        return check
    }

    private func patterns(_ map: YAMLMap, _ key: String) throws(RuleProblem) -> [Pattern]? {
        guard let items = try map.list(key) else { return nil }
        if items.isEmpty { throw place.problem(map[key], key, "\(key) 不能为空列表") }
        return try items.map { item throws(RuleProblem) in try pattern(item, key) }
    }

    /// A regular expression or `$name` of one in `patterns:`, compiled.
    func pattern(_ node: Node, _ key: String) throws(RuleProblem) -> Pattern {
        guard let text = node.scalar?.string else { throw place.problem(node, key, "应为正则表达式文字，实际为\(YAMLMap.shape(of: node))") }
        var source = text
        var name: String?
        if text.hasPrefix("$") {
            name = String(text.dropFirst())
            guard let named = context.patterns[name ?? ""] else {
                let known = context.patterns.keys.sorted().map { "$" + $0 }.joined(separator: "、")
                throw place.problem(node, key, "未定义的命名模式 \(text)（patterns: 中定义的有：\(known.isEmpty ? "无" : known)）")
            }
            source = named
        }
        guard let compiled = Pattern(source, name: name) else {
            throw place.problem(node, key, "正则表达式无法编译：「\(source)」（检查括号是否成对、转义是否正确）")
        }
        return compiled
    }

    /// `require_all` items: plain words (`考核`, `问题|不足`), a pattern, or
    /// `{what: 改进措施, pattern: …}` so that `{missing}` names it in words.
    private func requirements(_ map: YAMLMap) throws(RuleProblem) -> [Requirement]? {
        guard let items = try map.list("require_all") else { return nil }
        if items.isEmpty { throw place.problem(map["require_all"], "require_all", "require_all 不能为空列表") }
        return try items.map { item throws(RuleProblem) in
            if item.mapping != nil {
                let entry = try YAMLMap(item, field: "require_all", place: place)
                try entry.refuseOthers(["what", "pattern"]) { "require_all 的一项只用 what 和 pattern，没有 \($0)" }
                guard let patternNode = entry["pattern"] else { throw place.problem(item, "pattern", "require_all 的一项缺少 pattern") }
                return Requirement(pattern: try pattern(patternNode, "pattern"), what: try entry.required("what"))
            }
            let compiled = try pattern(item, "require_all")
            let plain = compiled.name == nil && !compiled.source.contains { "\\^$.*+?()[]{}".contains($0) }
            return Requirement(pattern: compiled, what: plain ? compiled.source.replacingOccurrences(of: "|", with: "或") : nil)
        }
    }

    private func equation(_ map: YAMLMap) throws(RuleProblem) -> EquationCheck {
        let table = try need(map, "table", try map.value("table", StatTable.self))
        let axis = try need(map, "for_each", try map.value("for_each", Axis.self))
        let (onlyKey, otherKey) = axis == .row ? ("rows", "columns") : ("columns", "rows")
        if map[otherKey] != nil {
            throw place.problem(map[otherKey], otherKey, "for_each: \(axis.rawValue) 时用 \(onlyKey) 选择要核算的\(axis == .row ? "行" : "列")，不用 \(otherKey)")
        }
        let only = try map.strings(onlyKey)
        if let only { try keys(only, of: table, axis: axis, map: map, field: onlyKey) }
        let left = try need(map, "left", try map.strings("left"))
        let right = try need(map, "right", try map.strings("right"))
        // Terms name cells of the other dimension: columns of a row, rows of a column.
        let termAxis: Axis = axis == .row ? .column : .row
        try keys(left.filter { EquationCheck.Term($0).isCell }, of: table, axis: termAxis, map: map, field: "left")
        try keys(right.filter { EquationCheck.Term($0).isCell }, of: table, axis: termAxis, map: map, field: "right")
        return EquationCheck(table: table, axis: axis, only: only, left: left.map(EquationCheck.Term.init),
                             right: right.map(EquationCheck.Term.init), op: try map.value("op", EquationOp.self) ?? .equal)
    }

    /// Every key (or `@tag`) names a row or column some template's table has.
    private func keys(_ keys: [String], of table: StatTable, axis: Axis, map: YAMLMap, field: String) throws(RuleProblem) {
        let specs = context.specs(table)
        for (i, key) in keys.enumerated() {
            let node = map[field]?.sequence?[i]
            if key.hasPrefix("@") {
                let tag = String(key.dropFirst())
                guard axis == .row, specs.contains(where: { $0.allRows.contains { $0.hasTag(tag) } }) else {
                    throw place.problem(node, field, "表\(table.numeral)中没有带标签 \(tag) 的行（标签 @… 只能指行）")
                }
            } else if axis == .row, !specs.contains(where: { $0.allRows.contains { $0.key == key } }) {
                throw place.problem(node, field, "表\(table.numeral)（\(table.rawValue)）中没有行 \(key)")
            } else if axis == .column, !specs.contains(where: { $0.allColumnKeys.contains(key) }) {
                throw place.problem(node, field, "表\(table.numeral)（\(table.rawValue)）中没有列 \(key)")
            }
        }
    }

    private func claim(_ node: Node) throws(RuleProblem) -> Claim {
        let map = try YAMLMap(node, field: "claims", place: place)
        try map.refuseOthers(["what", "pattern", "compare"]) { "claims 的一项只用 what、pattern、compare，没有 \($0)" }
        guard let patternNode = map["pattern"] else { throw place.problem(node, "pattern", "claims 的一项缺少 pattern") }
        let compare = try need(map, "compare", try map.strings("compare"))
        return Claim(what: try map.required("what"), pattern: try pattern(patternNode, "pattern"),
                     compare: try compare.enumerated().map { i, text throws(RuleProblem) in
                         try cellSum(text, map["compare"]?.sequence?[i], "compare")
                     })
    }

    /// A sum such as `T3.new.total + T3.carry_in.total`: every term names a table, a row (or
    /// `@tag`) some template has, and a column of it (or `*`).
    func cellSum(_ text: String, _ node: Node?, _ key: String) throws(RuleProblem) -> CellSum {
        switch CellSum.parse(text) {
        case .failure(let error):
            throw place.problem(node, key, "单元格表达式「\(error.term)」应写作 表.行.列（如 T3.new.total，行可写 @标签，列可写 *）")
        case .success(let sum):
            for term in sum.terms {
                let specs = context.specs(term.table)
                switch term.row {
                case .tag(let tag):
                    if !specs.contains(where: { $0.allRows.contains { $0.hasTag(tag) } }) {
                        throw place.problem(node, key, "表\(term.table.numeral)中没有带标签 \(tag) 的行")
                    }
                    if term.column == nil { throw place.problem(node, key, "@\(tag) 须指明列，不能与 * 合用") }
                case .key(let row):
                    if !specs.contains(where: { $0.allRows.contains { $0.key == row } }) {
                        throw place.problem(node, key, "表\(term.table.numeral)（\(term.table.rawValue)）中没有行 \(row)")
                    }
                }
                if let column = term.column, !specs.contains(where: { $0.allColumnKeys.contains(column) }) {
                    throw place.problem(node, key, "表\(term.table.numeral)（\(term.table.rawValue)）中没有列 \(column)")
                }
            }
            return sum
        }
    }

    func condition(_ node: Node) throws(RuleProblem) -> Condition {
        let map = try YAMLMap(node, field: "when", place: place)
        try map.refuseOthers(Set(Condition.fields)) { "when 中没有条件 \($0)（可用：\(Condition.fields.joined(separator: "、"))）" }
        func regex(_ key: String) throws(RuleProblem) -> Pattern? {
            try map[key].map { n throws(RuleProblem) in try pattern(n, key) }
        }
        return Condition(yearFrom: try map.int("year_from"), yearUntil: try map.int("year_until"),
                         organMatches: try regex("organ_matches"), organNotMatches: try regex("organ_not_matches"),
                         textMatches: try regex("text_matches"),
                         cellPositive: try map.string("cell_positive").map { t throws(RuleProblem) in
                             try cellSum(t, map["cell_positive"], "cell_positive")
                         })
    }
}

extension EquationCheck.Term {
    var isCell: Bool {
        if case .constant = self { return false }
        return true
    }
}
