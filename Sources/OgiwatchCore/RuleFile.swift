import Yams

/// The contents of one YAML file in `Rules/` or in the local override directory, read but
/// not yet merged. Every key is optional, so a local file can hold just `overrides:`.
struct RuleFile {
    /// A template as its file declares it: tables 三 and 四 may come from `tables:` instead.
    struct TemplateDraft {
        var id: String
        var name: String
        var markers: [String]
        var yearFrom: Int?
        var yearUntil: Int?
        var tables: [StatTable: TableSpec]
        var node: Node
    }

    var template: TemplateDraft?
    /// Tables both templates share, defined once; rows may be limited to some templates.
    var tables: [StatTable: TableSpec] = [:]
    var sections: [SectionSpec] = []
    /// Named regular expressions that checks reference as `$name`.
    var patterns: [String: String] = [:]
    /// Read once the whole rule set's patterns, sections and templates are known.
    var rules: [Node] = []
    /// Severity or on/off changes to rules defined elsewhere, by rule id.
    var overrides: [(id: String, change: RuleOverride, node: Node)] = []

    static let fields = ["template", "tables", "sections", "patterns", "rules", "overrides"]

    init() {}

    /// Reads the file's parts; a rule's own faults are found later, rule by rule.
    init(name: String, text: String) throws(RuleProblem) {
        let place = RulePlace(file: name)
        if let line = YAMLNesting.lineBeyondLimit(in: text) {
            throw RuleProblem(file: name, line: line, text: "YAML 嵌套超过 \(YAMLNesting.limit) 层：规则文件用不到这么深的结构，检查是否有未闭合的括号")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (line, problem) = Self.syntax(error)
            throw RuleProblem(file: name, line: line, text: "YAML 语法错误（检查缩进、引号、括号和冒号）：\(problem)")
        }
        guard let root else {
            throw RuleProblem(file: name, text: "规则文件是空的：写入 template、tables、sections、patterns、rules 或 overrides，或删除这个文件")
        }
        let map = try YAMLMap(root, field: nil, place: place)
        try map.refuseOthers(Set(Self.fields)) { "规则文件中没有 \($0) 这一部分（可用：\(Self.fields.joined(separator: "、"))）" }
        let reader = TemplateReader(place: place)
        if let node = map["template"] { template = try reader.template(node) }
        if let node = map["tables"] { tables = try reader.tables(node, field: "tables") }
        sections = try map.list("sections")?.map { n throws(RuleProblem) in try reader.section(n) } ?? []
        if let node = map["patterns"] {
            let entries = try YAMLMap(node, field: "patterns", place: place)
            for (key, value) in entries.mapping {
                guard let name = key.string, let source = value.scalar?.string else {
                    throw place.problem(value, "patterns", "命名模式应写作 名称: '正则表达式'")
                }
                guard Pattern(source) != nil else { throw place.problem(value, name, "正则表达式无法编译：「\(source)」") }
                patterns[name] = source
            }
        }
        rules = try map.list("rules") ?? []
        if let node = map["overrides"] {
            let entries = try YAMLMap(node, field: "overrides", place: place)
            for (key, value) in entries.mapping {
                let id = key.string ?? "?"
                let change = try YAMLMap(value, field: "overrides", place: RulePlace(file: name, rule: id))
                try change.refuseOthers(["severity", "enabled"]) { "覆盖只能改 severity 或 enabled，没有 \($0)（拼写错误？）" }
                overrides.append((id, RuleOverride(severity: try change.severity("severity"), enabled: try change.bool("enabled")), key))
            }
        }
    }

    /// The line and libyaml's own words for a syntax error, when it gives them.
    static func syntax(_ error: Error) -> (line: Int?, problem: String) {
        guard let error = error as? YamlError else { return (nil, "\(error)") }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (mark.line, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

struct RuleOverride: Sendable, Equatable {
    var severity: Severity?
    var enabled: Bool?
}
