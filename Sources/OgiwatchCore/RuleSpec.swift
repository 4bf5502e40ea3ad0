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
    public var when: Condition?
    /// Severity by report year, first match wins.
    public var byYear: [YearSeverity]?
    var checks: [CheckSpec]

    public var isEnabled: Bool { enabled ?? true }

    /// The severity for a report of `year`.
    func severity(forYear year: Int?) -> Severity {
        guard let year, let byYear else { return severity }
        return byYear.first(where: { $0.contains(year) })?.severity ?? severity
    }
}

public struct YearSeverity: Sendable, Equatable {
    public var from: Int?
    public var until: Int?
    public var severity: Severity

    func contains(_ year: Int) -> Bool {
        (from.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true)
    }
}

/// When a rule or one of its checks applies. What does not apply is silent, never a pass
/// or a failure. All the conditions given must hold.
public struct Condition: Sendable, Equatable {
    public var yearFrom: Int?
    public var yearUntil: Int?
    /// On the organ name (e.g. only 各级人民政府).
    public var organMatches: Pattern?
    public var organNotMatches: Pattern?
    /// Over the whitespace-free prose (tables excluded): a check that only makes sense when
    /// the report talks about something (收费通知).
    public var textMatches: Pattern?
    /// A sum of cells such as `T3.unpaid_fee.total` that must be above zero.
    public var cellPositive: CellSum?

    static let fields = ["year_from", "year_until", "organ_matches", "organ_not_matches", "text_matches", "cell_positive"]
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
