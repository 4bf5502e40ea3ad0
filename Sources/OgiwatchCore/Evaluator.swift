/// Runs every applicable rule of a rule set against one report.
struct Evaluator {
    let ruleSet: RuleSet
    let report: Report
    /// Whitespace-free normalised prose: the whole document and each section body.
    let documentText: String
    let sectionText: [Int: String]
    /// Each paragraph's whitespace-free text and the number of the section whose body holds
    /// it, computed once: several checks scan them.
    let compactParagraphs: [(line: Int, text: String, section: Int?)]

    init(ruleSet: RuleSet, report: Report) {
        self.ruleSet = ruleSet
        self.report = report
        let compact = report.paragraphs.enumerated().map { i, p in
            let index = i < report.bodyOf.count ? report.bodyOf[i] : nil
            return (line: p.line, text: Normalize.compact(p.text), section: index.map { report.sections[$0].number })
        }
        self.compactParagraphs = compact
        self.documentText = compact.map(\.text).joined()
        // The first section of each number speaks for it.
        var first: [Int: Int] = [:]
        for (i, section) in report.sections.enumerated() where first[section.number] == nil { first[section.number] = i }
        var texts: [Int: String] = [:]
        for number in first.keys { texts[number] = "" }
        for (i, p) in compact.enumerated() {
            guard i < report.bodyOf.count, let index = report.bodyOf[i], let number = p.section, first[number] == index else { continue }
            texts[number, default: ""] += p.text
        }
        self.sectionText = texts
    }

    func findings() -> [Finding] {
        ruleSet.rules.filter { $0.isEnabled && applies($0) }.flatMap(findings)
    }

    /// The findings of one rule, applicable or not (`rules try` asks for one).
    func findings(_ rule: RuleSpec) -> [Finding] {
        var findings: [Finding] = []
        let severity = rule.severity(forYear: report.year)
        // Two checks of one rule may find the same thing (both of its triggers hold).
        var seen = Set<String>()
        for check in rule.checks where check.when.map(holds) ?? true {
            for var hit in hits(check.test) {
                if let note = check.note { hit.vars["note"] = Placeholder.render(note, hit.vars) }
                let message = Placeholder.render(rule.message, hit.vars)
                let place = [message, hit.location.row ?? "", hit.location.column ?? "", String(hit.location.line ?? 0)]
                guard seen.insert(place.joined(separator: "\u{0}")).inserted else { continue }
                findings.append(Finding(rule: rule.id, severity: hit.severity ?? check.severity ?? severity,
                                        message: message, location: hit.location,
                                        expected: hit.expected, actual: hit.actual))
            }
        }
        return findings
    }

    func applies(_ rule: RuleSpec) -> Bool {
        if let templates = rule.templates, !templates.contains(report.template?.id ?? "") { return false }
        return rule.when.map(holds) ?? true
    }

    func holds(_ when: Condition) -> Bool { failedCondition(when) == nil }

    /// The first part of a condition that does not hold, in words (`rules try` shows it);
    /// nil when all hold.
    func failedCondition(_ when: Condition) -> String? {
        if let from = when.yearFrom, (report.year ?? 0) < from { return "year_from: \(from)，报告年度为 \(report.year.map(String.init) ?? "未知")" }
        if let until = when.yearUntil, (report.year ?? Int.max) > until { return "year_until: \(until)，报告年度为 \(report.year.map(String.init) ?? "未知")" }
        if let p = when.organMatches, p.firstMatch(in: report.organ ?? "") == nil { return "机关名称「\(report.organ ?? "")」不匹配 organ_matches" }
        if let p = when.organNotMatches, p.firstMatch(in: report.organ ?? "") != nil { return "机关名称「\(report.organ ?? "")」匹配 organ_not_matches" }
        if let p = when.textMatches, p.firstMatch(in: documentText) == nil { return "正文中没有 text_matches「\(p.source)」" }
        if let cells = when.cellPositive, !(evaluate(cells)?.contains { $0 > 0 } ?? false) {
            return "cell_positive「\(cells.text)」不大于 0 或无法读取"
        }
        return nil
    }

    func hits(_ test: CheckTest) -> [Hit] {
        switch test {
        case .sectionsPresent: sectionsPresent()
        case .sectionOrder: sectionOrder()
        case .sectionTitle: sectionTitle()
        case .headingFormat: headingFormat()
        case .extraSection: extraSection()
        case .sectionEmpty(let sections, let minChars): sectionEmpty(sections, minChars: minChars)
        case .metadata(let require): metadata(require)
        case .artifacts(let forbidAny): artifacts(forbidAny)
        case .text(let check): text(check)
        case .templateDetected: templateDetected()
        case .templateYear: templateYear()
        case .rowsPresent(let table, let rows): rowsPresent(table, rows)
        case .labels(let tables): labels(tables)
        case .tableFound(let tables, let unparseable): tableFound(tables, unparseable: unparseable)
        case .equation(let check): equation(check)
        case .blankCells(let table, let wholeTable): blankCells(table, wholeTable: wholeTable)
        case .valueDomain(let table, let outOfDomain): valueDomain(table, outOfDomain: outOfDomain)
        case .narrativeNumber(let scope, let claims): narrativeNumber(scope, claims)
        case .enumerationSum(let check): enumerationSum(check)
        case .yearConsistent: yearConsistent().map { [$0] } ?? []
        case .reader: []
        }
    }

    /// The line of the first paragraph holding `excerpt` (whitespace-free), for findings on
    /// prose found in the joined text.
    func line(of excerpt: String) -> Int? {
        let probe = String(excerpt.prefix(12))
        return compactParagraphs.first { $0.text.includes(probe) }?.line
    }
}
