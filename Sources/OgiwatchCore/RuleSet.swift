/// The checks in force: templates, sections and rules merged from the shipped `Rules/`
/// files and the local overrides, every rule parsed, checked and compiled once.
public struct RuleSet: Sendable {
    public let sections: [SectionSpec]
    public let templates: [TemplateSpec]
    public let rules: [RuleSpec]
    /// The file each rule was read from, by id: `rules try DIR` tries the rules of a directory.
    let origins: [String: String]
    /// A short hash of the rule files' contents in load order: a changed rule set re-checks
    /// files already seen, the same files read from another directory (a copy, a path with a
    /// trailing slash) do not.
    public let version: String
    /// Built once: reading a report must not re-normalise the templates.
    let builder: ReportBuilder

    /// Loads and checks the rule files. Each rule is reported at its first fault only; a
    /// file that cannot be read at all is its only problem.
    public init(sources: [RuleSource]) throws(RuleSetError) {
        var problems: [RuleProblem] = []
        var files: [(source: RuleSource, file: RuleFile)] = []
        for source in sources {
            do {
                files.append((source, try RuleFile(name: source.name, text: source.text)))
            } catch {
                problems.append(error)
            }
        }
        let sections = files.flatMap(\.file.sections).sorted { $0.number < $1.number }
        let templates = Self.templates(files, problems: &problems)
        if !problems.isEmpty { throw RuleSetError(problems: problems) }
        if sections.isEmpty { problems.append(RuleProblem(file: sources.first?.name ?? "", text: "没有定义任何部分（sections）")) }
        if templates.isEmpty { problems.append(RuleProblem(file: sources.first?.name ?? "", text: "没有定义任何模板（template）")) }
        let patterns = files.reduce(into: [String: String]()) { $0.merge($1.file.patterns) { _, new in new } }
        let context = RuleContext(patterns: patterns, sections: Set(sections.map(\.number)), templates: templates)
        var rules: [RuleSpec] = []
        var origin: [String: String] = [:]
        // An override of a rule that failed to load is no fault of its own.
        var failed = Set<String>()
        for (source, file) in files {
            let parser = RuleParser(file: source.name, context: context)
            for node in file.rules {
                var rule: RuleSpec
                do {
                    rule = try parser.rule(node)
                } catch {
                    problems.append(error)
                    if let id = error.rule { failed.insert(id) }
                    continue
                }
                if let t = file.template, rule.templates == nil { rule.templates = [t.id] }
                if let i = rules.firstIndex(where: { $0.id == rule.id }) {
                    guard source.isLocal else {
                        problems.append(RuleProblem(file: source.name, line: node.mark?.line, rule: rule.id, field: "id",
                                                    text: "规则 \(rule.id) 已在 \(origin[rule.id] ?? "?") 中定义；本地目录中的文件才能替换规则"))
                        continue
                    }
                    rules[i] = rule
                } else {
                    rules.append(rule)
                }
                origin[rule.id] = source.name
            }
        }
        for (source, file) in files {
            for (id, change, node) in file.overrides where !failed.contains(id) {
                guard let i = rules.firstIndex(where: { $0.id == id }) else {
                    problems.append(RuleProblem(file: source.name, line: node.mark?.line, rule: id, field: "overrides",
                                                text: "覆盖了不存在的规则 \(id)（用 `ogiwatch rules list` 查看规则 id）"))
                    continue
                }
                if let s = change.severity { rules[i].severity = s }
                if let e = change.enabled { rules[i].enabled = e }
            }
        }
        if !problems.isEmpty { throw RuleSetError(problems: problems) }
        self.sections = sections
        self.templates = templates
        self.rules = rules
        self.origins = origin
        self.version = Self.hash(sources.map { "\($0.isLocal ? "local" : "shipped") \($0.text.utf8.count):\($0.text)" }.joined())
        self.builder = ReportBuilder(sections: sections, templates: templates)
    }

    /// Each file's template with the shared tables it does not define itself; shared rows
    /// limited to other templates left out.
    private static func templates(_ files: [(source: RuleSource, file: RuleFile)], problems: inout [RuleProblem]) -> [TemplateSpec] {
        let shared = files.reduce(into: [StatTable: TableSpec]()) { $0.merge($1.file.tables) { _, new in new } }
        var templates: [TemplateSpec] = []
        for (source, file) in files {
            guard let draft = file.template else { continue }
            if templates.contains(where: { $0.id == draft.id }) {
                problems.append(RuleProblem(file: source.name, line: draft.node.mark?.line, field: "template", text: "模板 \(draft.id) 重复定义"))
                continue
            }
            var tables: [StatTable: TableSpec] = [:]
            for table in StatTable.allCases {
                guard let spec = draft.tables[table] ?? shared[table] else {
                    problems.append(RuleProblem(file: source.name, line: draft.node.mark?.line, field: "tables",
                                                text: "模板 \(draft.id) 没有表\(table.numeral)（\(table.rawValue)）：在模板的 tables 或公共的 tables 中定义"))
                    continue
                }
                tables[table] = spec.forTemplate(draft.id)
            }
            guard let two = tables[.two], let three = tables[.three], let four = tables[.four] else { continue }
            templates.append(TemplateSpec(id: draft.id, name: draft.name, markers: draft.markers, yearFrom: draft.yearFrom,
                                          yearUntil: draft.yearUntil, tables: .init(T2: two, T3: three, T4: four)))
        }
        return templates
    }

    public func rule(_ id: String) -> RuleSpec? { rules.first { $0.id == id } }

    /// The rules read from the files of one directory, as the loader names them
    /// (`directory/name.yaml`): what `rules try DIR` tries.
    public func rules(definedIn directory: String) -> [RuleSpec] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return rules.filter { origins[$0.id]?.hasPrefix(prefix) ?? false }
    }

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

extension TableSpec {
    /// The table as one template has it: rows limited to other templates left out, and a
    /// row standing in only for rows this template has.
    func forTemplate(_ id: String) -> TableSpec {
        func keep(_ rows: [RowSpec]) -> [RowSpec] {
            let kept = rows.filter { $0.onlyIn?.contains(id) ?? true }
            let keys = Set(kept.map(\.key))
            return kept.map { row in
                var row = row
                row.onlyIn = nil
                let standsFor = row.standsFor?.filter(keys.contains)
                row.standsFor = standsFor?.isEmpty == false ? standsFor : nil
                return row
            }
        }
        var spec = self
        spec.rows = rows.map(keep)
        spec.blocks = blocks?.map { block in
            var block = block
            block.rows = keep(block.rows)
            return block
        }
        return spec
    }
}
