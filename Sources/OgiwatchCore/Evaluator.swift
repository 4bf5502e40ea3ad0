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
        var findings: [Finding] = []
        for rule in ruleSet.rules where rule.isEnabled && applies(rule) {
            let severity = rule.severity(forYear: report.year)
            // Two checks of one rule may find the same thing (both of its triggers hold).
            var seen = Set<String>()
            for check in rule.allChecks where check.when.map(holds) ?? true {
                for var hit in hits(check) {
                    if let note = check.note { hit.vars["note"] = Self.render(note, hit.vars) }
                    let message = Self.render(rule.message, hit.vars)
                    let place = [message, hit.location.row ?? "", hit.location.column ?? "", String(hit.location.line ?? 0)]
                    guard seen.insert(place.joined(separator: "\u{0}")).inserted else { continue }
                    findings.append(Finding(rule: rule.id, severity: hit.severity ?? check.severity ?? severity,
                                            message: message, location: hit.location,
                                            expected: hit.expected, actual: hit.actual))
                }
            }
        }
        return findings
    }

    func applies(_ rule: RuleSpec) -> Bool {
        if let templates = rule.templates, !templates.contains(report.template?.id ?? "") { return false }
        return rule.when.map(holds) ?? true
    }

    func holds(_ when: Condition) -> Bool {
        if let from = when.yearFrom, (report.year ?? 0) < from { return false }
        if let until = when.yearUntil, (report.year ?? Int.max) > until { return false }
        if let pattern = when.organMatches, ruleSet.cache.firstMatch(pattern, in: report.organ ?? "") == nil { return false }
        if let pattern = when.organNotMatches, ruleSet.cache.firstMatch(pattern, in: report.organ ?? "") != nil { return false }
        if let pattern = when.textMatches, ruleSet.cache.firstMatch(pattern, in: documentText) == nil { return false }
        if let cells = when.cellPositive, !(evaluate(cells)?.contains { $0 > 0 } ?? false) { return false }
        return true
    }

    func hits(_ check: CheckSpec) -> [Hit] {
        switch check.kind {
        case .sectionsPresent: sectionsPresent()
        case .sectionOrder: sectionOrder()
        case .sectionTitle: sectionTitle()
        case .headingFormat: headingFormat()
        case .extraSection: extraSection()
        case .sectionEmpty: sectionEmpty(check)
        case .metadata: metadata(check)
        case .artifacts: artifacts(check)
        case .text: text(check)
        case .templateDetected: templateDetected()
        case .templateYear: templateYear()
        case .rowsPresent: rowsPresent(check)
        case .labels: labels(check)
        case .tableFound: tableFound(check)
        case .equation: equation(check)
        case .blankCells: blankCells(check)
        case .valueDomain: valueDomain(check)
        case .narrativeNumber: narrativeNumber(check)
        case .enumerationSum: enumerationSum(check)
        case .yearConsistent: yearConsistent().map { [$0] } ?? []
        case .reader: []
        }
    }

    /// Fills `{name}` placeholders; unknown names become empty so a message never shows braces.
    static func render(_ template: String, _ vars: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += vars[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The line of the first paragraph holding `excerpt` (whitespace-free), for findings on
    /// prose found in the joined text.
    func line(of excerpt: String) -> Int? {
        let probe = String(excerpt.prefix(12))
        return compactParagraphs.first { $0.text.includes(probe) }?.line
    }

    static let numerals = ["", "一", "二", "三", "四", "五", "六"]

    static func numeral(_ n: Int) -> String { n < numerals.count ? numerals[n] : String(n) }

    func table(_ name: String?) -> ReportTable? { name.flatMap { report.tables[$0] } }

    /// 二 for T2: the name a clerk uses.
    static func tableNumeral(_ name: String) -> String {
        ["T2": "二", "T3": "三", "T4": "四"][name] ?? name
    }

    static func sectionOf(table name: String) -> String { tableNumeral(name) }
}
