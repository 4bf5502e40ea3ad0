/// A rule as written in `Rules/*.yaml`: an id, a severity, a message, and one or more checks
/// built from the primitives the evaluator knows.
public struct RuleSpec: Sendable, Codable, Equatable {
    public var id: String
    public var severity: Severity
    public var enabled: Bool?
    /// A short name for `rules list`.
    public var title: String
    /// What the rule checks and why, for `rules explain` and the journal catalog.
    public var explain: String?
    /// The finding text, with `{placeholders}` filled by the check.
    public var message: String
    /// Fixed journal MESSAGE_ID (32 hex digits); derived from the id when absent.
    public var messageID: String?
    /// Templates the rule applies to; nil means all. Rules in a template's file get it implicitly.
    public var templates: [String]?
    public var when: Condition?
    /// Severity by report year, first match wins.
    public var byYear: [YearSeverity]?
    public var check: CheckSpec?
    public var checks: [CheckSpec]?

    enum CodingKeys: String, CodingKey {
        case id, severity, enabled, title, explain, message, templates, when, check, checks
        case messageID = "message_id"
        case byYear = "by_year"
    }

    public var allChecks: [CheckSpec] { (check.map { [$0] } ?? []) + (checks ?? []) }
    public var isEnabled: Bool { enabled ?? true }

    /// The severity for a report of `year`.
    public func severity(forYear year: Int?) -> Severity {
        guard let year, let byYear else { return severity }
        return byYear.first(where: { $0.contains(year) })?.severity ?? severity
    }
}

public struct YearSeverity: Sendable, Codable, Equatable {
    public var from: Int?
    public var until: Int?
    public var severity: Severity

    public func contains(_ year: Int) -> Bool {
        (from.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true)
    }
}

/// When a rule or one of its checks applies. What does not apply is silent, never a pass
/// or a failure. All the conditions given must hold.
public struct Condition: Sendable, Codable, Equatable {
    public var yearFrom: Int?
    public var yearUntil: Int?
    /// Regular expressions on the organ name (e.g. only 各级人民政府).
    public var organMatches: String?
    public var organNotMatches: String?
    /// A regular expression over the whitespace-free prose (tables excluded): a check that
    /// only makes sense when the report talks about something (收费通知).
    public var textMatches: String?
    /// A sum of cells such as `T3.r6_2.total` that must be above zero.
    public var cellPositive: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case yearFrom = "year_from"
        case yearUntil = "year_until"
        case organMatches = "organ_matches"
        case organNotMatches = "organ_not_matches"
        case textMatches = "text_matches"
        case cellPositive = "cell_positive"
    }

    /// The regular expressions the condition uses, for the pattern cache and lint.
    var patterns: [String] { [organMatches, organNotMatches, textMatches].compactMap { $0 } }
}

/// One check. `kind` picks the primitive; the other fields are its parameters, and
/// `ogiwatch rules lint` reports the ones a kind needs but lacks.
public struct CheckSpec: Sendable, Codable, Equatable {
    public var kind: CheckKind
    /// Overrides the rule's severity for hits of this check.
    public var severity: Severity?
    /// Narrows one check of a rule (a plausibility test only some organs can fail).
    public var when: Condition?
    /// Fills the message's `{note}`, so a rule with several checks says which one fired;
    /// may itself hold the check's placeholders.
    public var note: String?
    /// T2, T3 or T4.
    public var table: String?
    public var tables: [String]?
    /// `row` or `column`: what an equation iterates over.
    public var forEach: String?
    public var rows: [String]?
    public var columns: [String]?
    /// Cell keys (of the other dimension), `@tag` or a number; summed.
    public var left: [String]?
    public var right: [String]?
    /// `=` (default), `<=` or `>=`.
    public var op: String?
    /// `title`, `document` or `section`.
    public var scope: String?
    public var section: Int?
    public var sections: [Int]?
    public var minChars: Int?
    public var requireAny: [String]?
    public var requireAll: [String]?
    public var forbidAny: [String]?
    public var unlessAny: [String]?
    /// Literal text removed before matching.
    public var ignore: [String]?
    /// `fire` to report a text check whose section is missing; by default it is skipped
    /// (STRUCT.SECTIONS_PRESENT reports the missing section).
    public var ifMissing: String?
    /// Metadata fields that must be present.
    public var require: [String]?
    /// Narrative claims compared with table cells.
    public var claims: [ClaimSpec]?
    /// Units of enumerations (条, 件 …).
    public var units: [String]?
    /// Words before a total that make it approximate and exempt (约, 近, 超过).
    public var approximateBefore: [String]?
    /// Severity for a table found but not parseable (vs absent).
    public var unparseableSeverity: Severity?
    /// Severity when every cell of the table is blank.
    public var wholeTableSeverity: Severity?
    /// Severity for a value outside its column's domain (vs a unit written in the cell).
    public var domainSeverity: Severity?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, severity, when, note, table, tables, rows, columns, left, right, op, scope, section, sections
        case claims, units, ignore, require
        case forEach = "for_each"
        case minChars = "min_chars"
        case approximateBefore = "approximate_before"
        case ifMissing = "if_missing"
        case requireAny = "require_any"
        case requireAll = "require_all"
        case forbidAny = "forbid_any"
        case unlessAny = "unless_any"
        case unparseableSeverity = "unparseable_severity"
        case wholeTableSeverity = "whole_table_severity"
        case domainSeverity = "domain_severity"
    }
}

/// A number stated in the prose and the table cells it must equal.
public struct ClaimSpec: Sendable, Codable, Equatable {
    /// What the number counts, in the message (「收到申请」).
    public var what: String
    /// Regular expression over the whitespace-free prose; the last capture group that holds
    /// digits only is the number.
    public var pattern: String
    /// Alternatives; each is a sum such as `T3.new.total + T3.carry_in.total`. `T2.normative.*`
    /// means any column of that row. The claim holds when it equals one of them.
    public var compare: [String]
}

public enum CheckKind: String, Sendable, Codable, Equatable, CaseIterable {
    case sectionsPresent = "sections_present"
    case sectionOrder = "section_order"
    /// A heading in a section's place under another section's title.
    case sectionTitle = "section_title"
    case headingFormat = "heading_format"
    case extraSection = "extra_section"
    case sectionEmpty = "section_empty"
    case text
    case artifacts
    case metadata
    case templateDetected = "template_detected"
    case templateYear = "template_year"
    case rowsPresent = "rows_present"
    case labels
    case tableFound = "table_found"
    case equation
    case blankCells = "blank_cells"
    case valueDomain = "value_domain"
    case enumerationSum = "enumeration_sum"
    case narrativeNumber = "narrative_number"
    /// Title year, statistics-period year and the dominant year of section 一 agree.
    case yearConsistent = "year_consistent"
    /// Raised by the reader (unreadable, unsupported, no text layer), not evaluated; the
    /// rule exists so the finding has a severity, a message and a MESSAGE_ID.
    case reader
}
