/// A template's row matchers, built once per rule set: normalising every key and label for
/// every report would cost more than matching them.
struct TemplateMatchers: Sendable {
    let tableThree: RowMatcher
    let tableTwoBlocks: [RowMatcher]

    init(_ template: TemplateSpec) {
        tableThree = RowMatcher(rows: template.tables.T3.rows ?? [])
        tableTwoBlocks = (template.tables.T2.blocks ?? []).map { RowMatcher(rows: $0.rows) }
    }
}
