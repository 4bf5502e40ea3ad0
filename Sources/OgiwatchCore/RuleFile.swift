/// The contents of one YAML file in `Rules/` or in the local override directory. Every key
/// is optional, so a local file can hold just `overrides:`.
struct RuleFile: Codable {
    var template: TemplateSpec?
    var sections: [SectionSpec]?
    /// Named regular expressions that checks reference as `$name`.
    var patterns: [String: String]?
    var rules: [RuleSpec]?
    /// Severity or on/off changes to rules defined elsewhere, by rule id.
    var overrides: [String: RuleOverride]?
}

public struct RuleOverride: Sendable, Codable, Equatable {
    public var severity: Severity?
    public var enabled: Bool?
}

/// One rule file's text and where it came from.
public struct RuleSource: Sendable {
    public var name: String
    public var text: String
    /// Local files may replace shipped rules with the same id; shipped files may not clash.
    public var isLocal: Bool

    public init(name: String, text: String, isLocal: Bool = false) {
        self.name = name
        self.text = text
        self.isLocal = isLocal
    }
}

/// Why a rule set cannot be used; every problem names its file and rule.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public var description: String {
        "无效的规则集：\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
