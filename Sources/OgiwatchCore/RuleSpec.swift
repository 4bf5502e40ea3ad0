/// A rule as written in `Rules/*.yaml`, parsed and checked: an id, a severity, a message,
/// and one or more checks built from the primitives the evaluator knows.
public struct RuleSpec: Sendable {
    public var id: String
    public var severity: Severity
    var enabled: Bool?
    /// A short name for `rules list`.
    public var title: String
    /// What the rule checks and why, for `rules explain` and the journal catalog.
    public var explain: String?
    /// The finding text, with `{placeholders}` filled by the check.
    public var message: String
    /// Fixed journal MESSAGE_ID (32 hex digits); derived from the id when absent.
    var messageID: String?
    /// Templates the rule applies to; nil means all. Rules in a template's file get it implicitly.
    public var templates: [String]?
    var when: Condition?
    /// Severity by report year, first match wins.
    var byYear: [YearSeverity]?
    var checks: [CheckSpec]

    public var isEnabled: Bool { enabled ?? true }

    /// The severities by report year and the conditions of `when`, as `rules explain` words
    /// them, so the command needs none of the rule's parts.
    public var yearSeverityWording: [String] { (byYear ?? []).map(\.wording) }
    public var conditionWording: String? { when?.wording }

    /// The severity for a report of `year`.
    func severity(forYear year: Int?) -> Severity {
        guard let year, let byYear else { return severity }
        return byYear.first(where: { $0.contains(year) })?.severity ?? severity
    }
}

struct YearSeverity: Sendable, Equatable {
    var from: Int?
    var until: Int?
    var severity: Severity

    fileprivate func contains(_ year: Int) -> Bool {
        (from.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true)
    }

    var wording: String {
        "报告年度 \(from.map(String.init) ?? "…")–\(until.map(String.init) ?? "…")：\(severity.rawValue)"
    }
}

/// One check of a rule: what it tests plus the settings every kind shares.
struct CheckSpec: Sendable {
    var test: CheckTest
    /// Overrides the rule's severity for hits of this check.
    var severity: Severity?
    /// Narrows one check of a rule (a plausibility test only some organs can fail).
    var when: Condition?
    /// Fills the message's `{note}`, so a rule with several checks says which one fired;
    /// may itself hold the check's placeholders.
    var note: String?
    /// Where the check starts in its file, for `rules try`.
    var line: Int?

    var kind: CheckKind { test.kind }
}
