/// The check primitives a rule can use, as `kind:` names them, with the fields each takes.
/// A field another kind uses, or none does, is a load error: it would otherwise do nothing.
enum CheckKind: String, Sendable, CaseIterable {
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

    /// Fields every kind takes.
    static let commonFields = ["kind", "severity", "when", "note"]

    /// The kind's own fields.
    var fields: [String] {
        switch self {
        case .sectionEmpty: ["sections", "min_chars"]
        case .text: ["scope", "section", "ignore", "require_any", "require_all", "forbid_any", "unless_any", "if_missing"]
        case .artifacts: ["forbid_any"]
        case .metadata: ["require"]
        case .rowsPresent: ["table", "rows"]
        case .labels: ["tables"]
        case .tableFound: ["tables", "unparseable_severity"]
        case .equation: ["table", "for_each", "rows", "columns", "left", "right", "op"]
        case .blankCells: ["table", "whole_table_severity"]
        case .valueDomain: ["table", "domain_severity"]
        case .enumerationSum: ["units", "approximate_before"]
        case .narrativeNumber: ["scope", "section", "claims"]
        case .sectionsPresent, .sectionOrder, .sectionTitle, .headingFormat, .extraSection, .templateDetected,
             .templateYear, .yearConsistent, .reader: []
        }
    }

    /// Every field some kind takes: a key outside it is a misspelling, not a misplaced field.
    static let allFields = Set(commonFields + allCases.flatMap(\.fields))
}
