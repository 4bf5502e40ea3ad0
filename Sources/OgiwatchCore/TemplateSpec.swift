/// One official report template (2019 or 2021) as declared in `Rules/template-*.yaml`: how to
/// recognise it and the labelled rows and columns of its tables.
public struct TemplateSpec: Sendable, Equatable {
    /// `2019` or `2021`; rules name templates by this id.
    public var id: String
    var name: String
    /// Labels found only in this template (README, "How a report is read"), compared after
    /// normalisation.
    var markers: [String]
    /// Report years the template governs; a report of another year using it is a mismatch.
    var yearFrom: Int?
    var yearUntil: Int?
    var tables: Tables

    func governs(year: Int) -> Bool {
        (yearFrom.map { year >= $0 } ?? true) && (yearUntil.map { year <= $0 } ?? true)
    }

    /// One spec per table: every template defines all three.
    struct Tables: Sendable, Equatable {
        var T2: TableSpec
        var T3: TableSpec
        var T4: TableSpec

        subscript(_ table: StatTable) -> TableSpec {
            switch table {
            case .two: T2
            case .three: T3
            case .four: T4
            }
        }
    }
}

/// A statistical table: its columns and its rows in template order.
///
/// Table 二 is a series of blocks, each with its own columns; tables 三 and 四 have one set
/// of columns for all rows.
struct TableSpec: Sendable, Equatable {
    /// Words of the table's first row; a row holding one starts this table, which tells two
    /// tables apart when extracted text runs them together.
    var opening: [String]?
    var columns: [ColumnSpec]?
    var rows: [RowSpec]?
    var blocks: [BlockSpec]?

    /// Column keys of the whole table, every block's included.
    var allColumnKeys: [String] {
        ((columns ?? []) + (blocks ?? []).flatMap(\.columns)).map(\.key)
    }

    /// Rows in template order, blocks flattened.
    var allRows: [RowSpec] {
        if let blocks { return blocks.flatMap(\.rows) }
        return rows ?? []
    }
}

/// One block of table 二: a caption such as 第二十条第（一）项, a header, rows.
struct BlockSpec: Sendable, Equatable {
    /// The item numeral in the caption, e.g. `一` for 第二十条第（一）项.
    var item: String
    var columns: [ColumnSpec]
    var rows: [RowSpec]
}

struct ColumnSpec: Sendable, Equatable {
    var key: String
    var label: String
    /// What the cells may hold; decides which values are reported as malformed.
    var domain: Domain?

    enum Domain: String, Sendable, Equatable, CaseIterable {
        /// Non-negative integers (件, 条).
        case count
        /// Integers that may carry a sign (2019 本年增/减).
        case signed
        /// Money in 万元, decimals allowed.
        case wan
        /// Money with an optional unit (元/万元), as in 采购总金额.
        case money
    }
}

struct RowSpec: Sendable, Equatable {
    var key: String
    /// The official label, shown in findings and compared by TPL.LABELS.
    var label: String
    /// The group label printed before the first row of a group, e.g. （三）不予公开.
    var group: String?
    /// The row's key: literal alternatives separated by `|`, `^`/`$` anchoring one to the
    /// start or end, compared with the normalised, whitespace-free label text.
    var match: String
    /// Names a rule can use to address several rows at once, e.g. `leaf` for outcome rows.
    var tags: [String]?
    /// For a row of an older template tolerated in this one: the rows it stands in for.
    /// Such a row is only taken when none of those rows is present.
    var standsFor: [String]?
    /// In tables shared by the templates (`tables:` of a rule file): the templates that
    /// have this row; nil for all.
    var onlyIn: [String]?

    func hasTag(_ tag: String) -> Bool { tags?.contains(tag) ?? false }
}

/// One of the six sections and the titles that name it.
///
/// A heading names a section only by one of these titles, compared without whitespace:
/// key phrases prove nothing, because sub-headings such as 「（一）主动公开政府信息的情况」
/// and the introduction that lists all six parts contain them too.
public struct SectionSpec: Sendable, Equatable {
    var number: Int
    /// The official heading without its numbering.
    var title: String
    /// Other wordings accepted as this section's title (those the 条例 and earlier
    /// templates use).
    var accepted: [String]?

    init(number: Int, title: String, accepted: [String]? = nil) {
        self.number = number
        self.title = title
        self.accepted = accepted
    }

    /// 一 … 六, as the official heading numbers it.
    var numeral: String { ChineseNumeral.string(number) }

    /// Every accepted title in the form headings are compared in.
    var comparableTitles: [String] { ([title] + (accepted ?? [])).map(Normalize.nfkcCompact) }
}
