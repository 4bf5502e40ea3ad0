import OgiwatchCore
import OgiwatchLedger

/// How often one rule fired in the day, with the title a clerk recognises.
public struct RuleCount: Sendable, Equatable {
    public var rule: String
    /// From the current rule set; nil when the rule has since been removed.
    public var title: String?
    /// The worst severity the rule was reported with (local overrides and by-year severities vary).
    public var severity: Severity
    public var findings: Int
    public var reports: Int

    /// One count per rule over the checked and unreadable versions, worst and widest first.
    static func counts(_ versions: [RecordedVersion], titles: [String: String]) -> [RuleCount] {
        var byRule: [String: RuleCount] = [:]
        for version in versions where version.status != .duplicate {
            var seen: Set<String> = []
            for finding in version.findings {
                var count = byRule[finding.rule]
                    ?? RuleCount(rule: finding.rule, title: titles[finding.rule], severity: finding.severity, findings: 0, reports: 0)
                count.severity = max(count.severity, finding.severity)
                count.findings += 1
                if seen.insert(finding.rule).inserted { count.reports += 1 }
                byRule[finding.rule] = count
            }
        }
        return byRule.values.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.reports != rhs.reports { return lhs.reports > rhs.reports }
            if lhs.findings != rhs.findings { return lhs.findings > rhs.findings }
            return lhs.rule < rhs.rule
        }
    }
}
