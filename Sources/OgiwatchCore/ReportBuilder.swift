/// Reads a `Document` as an annual report: sections, metadata, template and tables.
public struct ReportBuilder: Sendable {
    let sections: [SectionSpec]
    let templates: [TemplateSpec]

    let matchers: [String: TemplateMatchers]
    let splitter: SectionSplitter
    let flattened: FlattenedText

    public init(sections: [SectionSpec], templates: [TemplateSpec]) {
        self.init(sections: sections, templates: templates,
                  matchers: Dictionary(templates.map { ($0.id, TemplateMatchers($0)) }, uniquingKeysWith: { a, _ in a }))
    }

    init(sections: [SectionSpec], templates: [TemplateSpec], matchers: [String: TemplateMatchers]) {
        self.sections = sections
        self.templates = templates
        self.matchers = matchers
        let labels = templates.flatMap { t in [t.tables.T2, t.tables.T3, t.tables.T4].flatMap(\.allRows).flatMap { [$0.label, $0.group].compactMap { $0 } } }
        self.splitter = SectionSplitter(specs: sections, tableLabels: Array(Set(labels)))
        self.flattened = FlattenedText(sections: sections, templates: templates)
    }

    public func build(_ document: Document) -> Report {
        var document = document
        document.blocks = flattened.expand(document.blocks)
        let split = splitter.split(document)
        let meta = ReportMetadata(preamble: split.preamble, sections: split.sections, stated: document.statedTitle,
                                  fallback: document.fallbackTitle)
        let tableText = Normalize.compact(document.tables.flatMap(\.rows).flatMap(\.cells).map(\.text).joined())
        var markers = Self.markers(of: templates, in: tableText)
        // Text extracted column by column keeps a table's labels, but as lines of prose.
        if markers.isEmpty { markers = Self.markers(of: templates, in: Normalize.compact(document.paragraphs.map(\.text).joined())) }
        let template = Self.detect(templates: templates, markers: markers)
        var report = Report(title: meta.title, titleLine: meta.titleLine, titleOrgan: meta.titleOrgan,
                            titleYear: meta.titleYear, organ: meta.organ, year: meta.year, template: template,
                            templateMarkers: markers, sections: split.sections, extraHeadings: split.extraHeadings,
                            artifacts: document.artifacts, paragraphs: document.paragraphs, bodyOf: split.bodyOf)
        if let template {
            let matchers = self.matchers[template.id] ?? TemplateMatchers(template)
            report.tables = TableExtractor(template: template, matchers: matchers).extract(document.blocks)
        }
        return report
    }

    /// Each template's markers found in `text`, by template id.
    static func markers(of templates: [TemplateSpec], in text: String) -> [String: [String]] {
        var markers: [String: [String]] = [:]
        for template in templates {
            let found = template.markers.filter { text.includes(Normalize.compact($0)) }
            if !found.isEmpty { markers[template.id] = found }
        }
        return markers
    }

    /// The template with the most markers in the tables. Real reports mix them (a 2021 table
    /// 二 with the 2019 （六） row), so the majority decides and the rules report the mix.
    static func detect(templates: [TemplateSpec], markers: [String: [String]]) -> TemplateSpec? {
        if let best = templates.max(by: { (markers[$0.id]?.count ?? 0) < (markers[$1.id]?.count ?? 0) }),
           (markers[best.id]?.count ?? 0) > 0 {
            return best
        }
        return nil
    }
}
