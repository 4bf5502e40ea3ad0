/// One fault in a rule file, named so its author can go straight to it: the file, the line,
/// the rule and the field.
struct RuleProblem: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    var line: Int?
    /// The rule id, when the fault is inside a rule.
    var rule: String?
    /// The key as written in the file (`scope`, `require_all`, `message`).
    var field: String?
    /// What is wrong and what to write instead.
    var text: String

    init(file: String, line: Int? = nil, rule: String? = nil, field: String? = nil, text: String) {
        self.file = file
        self.line = line
        self.rule = rule
        self.field = field
        self.text = text
    }

    var description: String {
        var place = file
        if let line { place += " 第 \(line) 行" }
        if let rule { place += "，规则 \(rule)" }
        if let field { place += "，字段 \(field)" }
        return place + "：" + text
    }
}

/// Why a rule set cannot be used; every problem names its file, line, rule and field.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    var problems: [RuleProblem]

    public var description: String {
        "无效的规则集：\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
