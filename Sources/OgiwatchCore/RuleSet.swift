/// The checks in force: templates, sections and rules merged from the shipped `Rules/`
/// files and the local overrides, validated as a whole.
public struct RuleSet: Sendable {
    public let sections: [SectionSpec]
    public let templates: [TemplateSpec]
    public let rules: [RuleSpec]
    /// Named patterns, for `$name` references.
    public let patterns: [String: String]
    /// A short hash of the rule files' contents in load order: a changed rule set re-checks
    /// files already seen, the same files read from another directory (a copy, a path with a
    /// trailing slash) do not.
    public let version: String
    let cache: PatternCache
    /// Built once: reading a report must not re-normalise the templates.
    let builder: ReportBuilder

    public init(sources: [RuleSource]) throws(RuleSetError) {
        var problems: [String] = []
        var sections: [SectionSpec] = []
        var templates: [TemplateSpec] = []
        var patterns: [String: String] = [:]
        var rules: [RuleSpec] = []
        var origin: [String: String] = [:]
        var overrides: [(String, String, RuleOverride)] = []
        for source in sources {
            let file: RuleFile
            do {
                file = try RuleFileDecoder.decode(source.text)
            } catch {
                problems.append("\(source.name)：\(error)")
                continue
            }
            sections += file.sections ?? []
            if let t = file.template {
                if templates.contains(where: { $0.id == t.id }) { problems.append("\(source.name)：模板 \(t.id) 重复定义") }
                templates.append(t)
            }
            patterns.merge(file.patterns ?? [:]) { _, new in new }
            for var rule in file.rules ?? [] {
                if let t = file.template, rule.templates == nil { rule.templates = [t.id] }
                if let i = rules.firstIndex(where: { $0.id == rule.id }) {
                    if source.isLocal {
                        rules[i] = rule
                    } else {
                        problems.append("\(source.name)：规则 \(rule.id) 已在 \(origin[rule.id] ?? "?") 中定义")
                    }
                } else {
                    rules.append(rule)
                }
                origin[rule.id] = source.name
            }
            for (id, change) in file.overrides ?? [:] { overrides.append((source.name, id, change)) }
        }
        // A file that cannot be decoded takes its sections, templates and rules with it;
        // what the merged set then lacks is no fault of its own.
        if !problems.isEmpty { throw RuleSetError(problems: problems) }
        for (name, id, change) in overrides {
            guard let i = rules.firstIndex(where: { $0.id == id }) else {
                problems.append("\(name)：覆盖了不存在的规则 \(id)")
                continue
            }
            if let s = change.severity { rules[i].severity = s }
            if let e = change.enabled { rules[i].enabled = e }
        }
        self.sections = sections.sorted { $0.number < $1.number }
        self.templates = templates
        self.patterns = patterns
        self.rules = rules
        self.version = Self.hash(sources.map { "\($0.isLocal ? "local" : "shipped") \($0.text.utf8.count):\($0.text)" }.joined())
        problems += RuleValidator(sections: self.sections, templates: templates, rules: rules, patterns: patterns).problems()
        if !problems.isEmpty { throw RuleSetError(problems: problems) }
        self.cache = try PatternCache(patterns: Set(rules.flatMap { RuleValidator.regexes(in: $0, patterns: patterns) }))
        self.builder = ReportBuilder(sections: self.sections, templates: templates)
    }

    public func rule(_ id: String) -> RuleSpec? { rules.first { $0.id == id } }

    /// The journal MESSAGE_ID of a rule: fixed in the rule file, or derived from the id so
    /// that it never changes while the id does not.
    public func messageID(forRule id: String) -> String {
        if let fixed = rule(id)?.messageID { return fixed.lowercased() }
        return Self.hash("ogiwatch-rule:" + id) + Self.hash("ogiwatch-rule-2:" + id)
    }

    /// Reads a document as a report and evaluates every rule that applies to it.
    public func evaluate(_ document: Document) -> (Report, [Finding]) {
        let report = builder.build(document)
        return (report, findings(for: report))
    }

    /// Evaluates every rule that applies to a report already built (by this rule set's
    /// `builder`); lets a benchmark time the rules apart from reading.
    public func findings(for report: Report) -> [Finding] {
        Evaluator(ruleSet: self, report: report).findings()
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and platforms.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
