import Foundation

// The values check fields may take; anything else is refused at load with the allowed list.

/// What a `text` or `narrative_number` check reads.
enum Scope: String, Sendable, CaseIterable {
    case title, document, section
}

/// What an equation iterates over.
enum Axis: String, Sendable, CaseIterable {
    case row, column
}

/// How an equation's sides compare.
enum EquationOp: String, Sendable, CaseIterable {
    case equal = "="
    case atMost = "<="
    case atLeast = ">="

    func holds(_ a: Decimal, _ b: Decimal) -> Bool {
        switch self {
        case .equal: a == b
        case .atMost: a <= b
        case .atLeast: a >= b
        }
    }
}

/// What a text check whose section is missing does: by default nothing
/// (STRUCT.SECTIONS_PRESENT reports the missing section).
enum IfMissing: String, Sendable, CaseIterable {
    case skip, fire
}

/// Report facts a `metadata` check can require.
enum MetadataField: String, Sendable, CaseIterable {
    case title
    case titleOrgan = "title_organ"
    case titleYear = "title_year"
    case organ, year

    /// The word a message uses.
    var chinese: String {
        switch self {
        case .title: "标题"
        case .titleOrgan, .organ: "机关名称"
        case .titleYear, .year: "年度"
        }
    }
}
