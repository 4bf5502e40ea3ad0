/// Finds the six section headings and splits the document at them.
///
/// A document numbers its six parts in one marker style (`一、`/`1、`, or `（一）`) and its
/// sub-headings in another, so the style whose headings carry the most section titles is the
/// top level and every other style is body text. A top-level heading names a section by its
/// title (exactly, after whitespace removal); one that stands in a section's place — after the
/// section before it, before the one after it, with its ordinal — under another title is that
/// section, misnamed. Table 三's row labels (「四、结转下年度继续办理」) and the introduction
/// that lists all six parts carry titles only as fragments, so they never qualify.
struct SectionSplitter {
    let specs: [SectionSpec]
    /// Accepted title → section number.
    private let titles: [String: Int]
    /// Numbered table labels (「四、结转下年度继续办理」) without their numbering: such a
    /// line is never a misnamed heading, wherever extraction puts it.
    private let tableLabels: [String]

    init(specs: [SectionSpec], tableLabels: [String] = []) {
        self.specs = specs
        self.tableLabels = tableLabels.compactMap { HeadingLine.parse($0)?.title }
        var titles: [String: Int] = [:]
        for spec in specs {
            for title in spec.comparableTitles where titles[title] == nil { titles[title] = spec.number }
        }
        self.titles = titles
    }

    struct Result {
        var sections: [ReportSection]
        var extraHeadings: [Paragraph]
        /// Blocks before the first heading (title, preamble).
        var preamble: [Paragraph]
        /// For each of the document's paragraphs, the index in `sections` of the section
        /// whose body holds it; nil for headings and the preamble. Lines do not tell: a
        /// flattened line is cut into several paragraphs that share its number.
        var bodyOf: [Int?]
    }

    /// What a paragraph is in the outline.
    enum Role: Equatable {
        case section(Int, titleIsAccepted: Bool)
        /// 七、 and beyond after section 六, or a pre-2019 part such as 政府信息公开情况统计表.
        case extra
    }

    /// The longest title a misnamed heading may have; longer lines are prose or list items.
    static let maxMisnamedTitle = 30

    func split(_ document: Document) -> Result {
        let roles = outline(document.paragraphs)
        var result = Result(sections: [], extraHeadings: [], preamble: [], bodyOf: [])
        var current: ReportSection?
        var index = 0
        for block in document.blocks {
            switch block {
            case .table(let table):
                current?.tables.append(table)
            case .paragraph(let p):
                defer { index += 1 }
                switch roles[index] {
                case .section(let number, let accepted):
                    if let c = current { result.sections.append(c) }
                    current = ReportSection(number: number, heading: p.text, titleIsAccepted: accepted, line: p.line)
                    result.bodyOf.append(nil)
                case .extra:
                    result.extraHeadings.append(p)
                    current?.body.append(p)
                    result.bodyOf.append(current.map { _ in result.sections.count })
                case nil:
                    if current != nil {
                        current?.body.append(p)
                        result.bodyOf.append(result.sections.count)
                    } else {
                        result.preamble.append(p)
                        result.bodyOf.append(nil)
                    }
                }
            }
        }
        if let c = current { result.sections.append(c) }
        return result
    }

    /// The role of each heading paragraph, by index among the document's paragraphs.
    func outline(_ paragraphs: [Paragraph]) -> [Int: Role] {
        let candidates = paragraphs.enumerated().compactMap { i, p in HeadingLine.parse(p.text).map { (index: i, line: $0) } }
        let named = { (style: HeadingLine.Style) in candidates.filter { $0.line.style == style && titles[$0.line.title] != nil }.count }
        let style: HeadingLine.Style = named(.parenthesised) > named(.enumeration) ? .parenthesised : .enumeration
        let topLevel = candidates.filter { $0.line.style == style }

        var roles: [Int: Role] = [:]
        for c in topLevel {
            if let number = titles[c.line.title] { roles[c.index] = .section(number, titleIsAccepted: true) }
        }
        for spec in specs {
            let numbers = roles.values.compactMap { if case .section(let n, _) = $0 { n } else { nil } }
            guard !numbers.contains(spec.number) else { continue }
            let after = roles.compactMap { i, r in if case .section(let n, _) = r, n < spec.number { i } else { nil } }.max() ?? -1
            let before = roles.compactMap { i, r in if case .section(let n, _) = r, n > spec.number { i } else { nil } }.min() ?? Int.max
            if let c = topLevel.first(where: { c in
                c.line.ordinal == spec.number && roles[c.index] == nil && c.index > after && c.index < before
                    && Self.isTitle(c.line.title) && !tableLabels.contains(where: c.line.title.hasPrefix)
            }) {
                roles[c.index] = .section(spec.number, titleIsAccepted: false)
            }
        }
        let lastSix = roles.compactMap { i, r in if case .section(specs.count, _) = r { i } else { nil } }.max()
        for c in candidates where roles[c.index] == nil && Self.isTitle(c.line.title) {
            let beyond = c.line.style == style && c.line.ordinal > specs.count && lastSix.map { c.index > $0 } ?? false
            if beyond || c.line.title.contains("统计表") { roles[c.index] = .extra }
        }
        return roles
    }

    /// A title is short and is not a sentence.
    static func isTitle(_ title: String) -> Bool {
        guard let last = title.unicodeScalars.last else { return false }
        return title.unicodeScalars.count <= maxMisnamedTitle && !"。;；".unicodeScalars.contains(last)
    }
}
