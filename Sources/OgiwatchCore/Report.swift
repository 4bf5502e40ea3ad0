/// What a document says once read against the template: title, organ, year, the six
/// sections and the tables 二 三 四 with labelled rows and columns.
public struct Report: Sendable {
    var title: String?
    var titleLine: Int?
    /// Organ and year as the title states them (META.TITLE_ORGAN_YEAR looks only here).
    var titleOrgan: String?
    var titleYear: Int?
    /// Best knowledge of organ and year, from the title or else the body.
    public var organ: String?
    public var year: Int?
    public var template: TemplateSpec?
    /// Markers of each template found in the document (`markers:` in the template files), by template id.
    var templateMarkers: [String: [String]]
    var sections: [ReportSection]
    /// Headings beyond 六 or of the pre-2019 format.
    var extraHeadings: [Paragraph]
    var tables: [StatTable: ReportTable]
    var artifacts: [Artifact]
    /// Every paragraph, in order, for document-wide text rules.
    var paragraphs: [Paragraph]
    /// For each paragraph, the index in `sections` of the section whose body holds it.
    var bodyOf: [Int?]

    init(title: String? = nil, titleLine: Int? = nil, titleOrgan: String? = nil, titleYear: Int? = nil,
                organ: String? = nil, year: Int? = nil, template: TemplateSpec? = nil,
                templateMarkers: [String: [String]] = [:], sections: [ReportSection] = [],
                extraHeadings: [Paragraph] = [], tables: [StatTable: ReportTable] = [:],
                artifacts: [Artifact] = [], paragraphs: [Paragraph] = [], bodyOf: [Int?] = []) {
        self.title = title
        self.titleLine = titleLine
        self.titleOrgan = titleOrgan
        self.titleYear = titleYear
        self.organ = organ
        self.year = year
        self.template = template
        self.templateMarkers = templateMarkers
        self.sections = sections
        self.extraHeadings = extraHeadings
        self.tables = tables
        self.artifacts = artifacts
        self.paragraphs = paragraphs
        self.bodyOf = bodyOf
    }

    /// The first section found with this number.
    func section(_ number: Int) -> ReportSection? {
        sections.first { $0.number == number }
    }
}

struct ReportSection: Sendable {
    var number: Int
    /// The heading as written.
    var heading: String
    /// False when the heading stands in this section's place under a title that is not
    /// the section's (「二、信息主动发布情况」): the section is there, misnamed.
    var titleIsAccepted: Bool
    var line: Int
    /// The body paragraphs (tables are in `Report.tables`).
    var body: [Paragraph]
    /// Tables that appeared in the section, in order.
    var tables: [Table]

    init(number: Int, heading: String, titleIsAccepted: Bool = true, line: Int, body: [Paragraph] = [],
                tables: [Table] = []) {
        self.number = number
        self.heading = heading
        self.titleIsAccepted = titleIsAccepted
        self.line = line
        self.body = body
        self.tables = tables
    }
}

/// A table read against its template: rows found by label, cells by column.
struct ReportTable: Sendable {
    var spec: TableSpec
    var rows: [ReportRow]
    /// Why the table could not be fully read, one entry per problem; empty when it was.
    var problems: [String]
    /// Data rows whose label matches no template row.
    var unknownRows: [UnknownRow]
    var line: Int?

    init(spec: TableSpec, rows: [ReportRow] = [], problems: [String] = [], unknownRows: [UnknownRow] = [], line: Int? = nil) {
        self.spec = spec
        self.rows = rows
        self.problems = problems
        self.unknownRows = unknownRows
        self.line = line
    }

    func row(_ key: String) -> ReportRow? {
        rows.first { $0.spec.key == key }
    }
}

struct ReportRow: Sendable {
    var spec: RowSpec
    var columns: [ColumnSpec]
    /// One value per column, in column order.
    var values: [CellValue]
    /// The label as found (whitespace-free, normalised), for TPL.LABELS.
    var foundLabel: String
    /// True when the official label appears in the text around the row.
    var labelMatches: Bool
    var line: Int

    init(spec: RowSpec, columns: [ColumnSpec], values: [CellValue], foundLabel: String, labelMatches: Bool, line: Int) {
        self.spec = spec
        self.columns = columns
        self.values = values
        self.foundLabel = foundLabel
        self.labelMatches = labelMatches
        self.line = line
    }

    func value(_ columnKey: String) -> CellValue? {
        guard let i = columns.firstIndex(where: { $0.key == columnKey }), i < values.count else { return nil }
        return values[i]
    }
}

struct UnknownRow: Sendable {
    var label: String
    var line: Int
}
