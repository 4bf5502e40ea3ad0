import Foundation

/// What one check tests, with the settings of its kind, parsed and compiled at load: sums,
/// patterns and ignore lists are ready before the first report.
enum CheckTest: Sendable {
    case sectionsPresent, sectionOrder, sectionTitle, headingFormat, extraSection
    case sectionEmpty(sections: [Int], minChars: Int)
    case text(TextCheck)
    /// Reader-removed leftovers plus these patterns in the prose.
    case artifacts(forbidAny: [Pattern])
    case metadata(require: [MetadataField])
    case templateDetected, templateYear
    case rowsPresent(table: StatTable, rows: [String])
    case labels(tables: [StatTable])
    /// `unparseable` is the severity of a table found but not readable (vs absent).
    case tableFound(tables: [StatTable], unparseable: Severity?)
    case equation(EquationCheck)
    /// `wholeTable` is the severity when every cell of the table is blank.
    case blankCells(table: StatTable, wholeTable: Severity?)
    /// `outOfDomain` is the severity of a value outside its column's domain (vs a unit
    /// written in the cell, always a note).
    case valueDomain(table: StatTable, outOfDomain: Severity?)
    case enumerationSum(EnumerationSumCheck)
    case narrativeNumber(scope: TextScope, claims: [Claim])
    case yearConsistent
    case reader

    var kind: CheckKind {
        switch self {
        case .sectionsPresent: .sectionsPresent
        case .sectionOrder: .sectionOrder
        case .sectionTitle: .sectionTitle
        case .headingFormat: .headingFormat
        case .extraSection: .extraSection
        case .sectionEmpty: .sectionEmpty
        case .text: .text
        case .artifacts: .artifacts
        case .metadata: .metadata
        case .templateDetected: .templateDetected
        case .templateYear: .templateYear
        case .rowsPresent: .rowsPresent
        case .labels: .labels
        case .tableFound: .tableFound
        case .equation: .equation
        case .blankCells: .blankCells
        case .valueDomain: .valueDomain
        case .enumerationSum: .enumerationSum
        case .narrativeNumber: .narrativeNumber
        case .yearConsistent: .yearConsistent
        case .reader: .reader
        }
    }
}

/// The text a check reads.
enum TextScope: Sendable, Equatable {
    case title
    case document
    case section(Int)

    /// The section's number, for a section.
    var section: Int? {
        if case .section(let number) = self { return number }
        return nil
    }
}

/// Required and forbidden wording in one scope.
struct TextCheck: Sendable {
    var scope: TextScope
    /// Whitespace-free literal text removed before matching.
    var ignore: [String]
    var requireAny: [Pattern]?
    var requireAll: [Requirement]?
    var forbidAny: [Pattern]?
    var unlessAny: [Pattern]?
    var ifMissing: IfMissing
}

/// One thing a `require_all` list needs, and how a message names it when it is missing.
struct Requirement: Sendable {
    var pattern: Pattern
    /// 「改进措施」: what `{missing}` says; nil for a pattern that is not plain words.
    var what: String?
}

/// Arithmetic over a table's cells: for each row (or column), left op right.
struct EquationCheck: Sendable {
    var table: StatTable
    var axis: Axis
    /// Only these rows (for_each: row) or columns (for_each: column); nil for all.
    var only: [String]?
    var left: [Term]
    var right: [Term]
    var op: EquationOp

    /// One summand: a cell key of the other dimension, every row with a tag, or a number.
    enum Term: Sendable, Equatable {
        case key(String)
        case tag(String)
        case constant(Decimal)

        /// `@leaf`, `0` and `total` as rules write them.
        init(_ text: String) {
            if text.hasPrefix("@") {
                self = .tag(String(text.dropFirst()))
            } else if let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-"),
                      let number = Decimal(string: text) {
                self = .constant(number)
            } else {
                self = .key(text)
            }
        }
    }
}

/// Totals stated in the prose and the counts listed with them.
struct EnumerationSumCheck: Sendable {
    /// Units of the counts (条, 件 …) and words before a total that make it approximate and
    /// exempt (约, 近, 超过), as scalar arrays: sentences are scanned scalar by scalar.
    let units: [[Unicode.Scalar]]
    let approximateBefore: [[Unicode.Scalar]]

    init(units: [String], approximateBefore: [String]) {
        self.units = units.map { Array($0.unicodeScalars) }
        self.approximateBefore = approximateBefore.map { Array($0.unicodeScalars) }
    }
}

/// A number stated in the prose and the table cells it must equal.
struct Claim: Sendable {
    /// What the number counts, in the message (「收到申请」).
    var what: String
    /// Over the whitespace-free prose; the last capture group that holds digits only is
    /// the number.
    var pattern: Pattern
    /// Alternatives; the claim holds when it equals one of them.
    var compare: [CellSum]
}
