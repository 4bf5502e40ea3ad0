/// Checks on the six sections, the title and authoring leftovers.
extension Evaluator {
    func sectionsPresent() -> [Hit] {
        let found = Set(report.sections.map(\.number))
        return ruleSet.sections.filter { !found.contains($0.number) }.map { spec in
            Hit(["section": spec.numeral, "title": spec.title], location: Location(section: spec.numeral))
        }
    }

    /// One finding for the whole outline: a swap moves two sections, and naming each would
    /// report one defect twice.
    func sectionOrder() -> [Hit] {
        let numbers = report.sections.map(\.number)
        let inOrder = zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
        guard !inOrder, let first = report.sections.first else { return [] }
        let written = numbers.map(ChineseNumeral.string).joined(separator: "、")
        let problem = Set(numbers).count < numbers.count ? "有重复" : "顺序颠倒"
        let misplaced = zip(report.sections, report.sections.dropFirst()).first { $0.number >= $1.number }?.1
        return [Hit(["order": written, "problem": problem], location: Location(line: (misplaced ?? first).line))]
    }

    func sectionTitle() -> [Hit] {
        report.sections.filter { !$0.titleIsAccepted }.compactMap { section in
            guard let spec = ruleSet.sections.first(where: { $0.number == section.number }) else { return nil }
            return Hit(["section": spec.numeral, "heading": Normalize.trimCell(section.heading), "title": spec.title],
                       location: Location(section: spec.numeral, line: section.line))
        }
    }

    func headingFormat() -> [Hit] {
        report.sections.filter(\.titleIsAccepted).compactMap { section in
            guard let spec = ruleSet.sections.first(where: { $0.number == section.number }) else { return nil }
            let official = "\(spec.numeral)、\(spec.title)"
            guard Normalize.compact(section.heading) != Normalize.compact(official) else { return nil }
            return Hit(["section": spec.numeral, "heading": Normalize.trimCell(section.heading), "official": official],
                       location: Location(section: spec.numeral, line: section.line))
        }
    }

    func extraSection() -> [Hit] {
        report.extraHeadings.map { p in
            Hit(["heading": Normalize.trimCell(p.text)], location: Location(line: p.line))
        }
    }

    func sectionEmpty(_ sections: [Int], minChars minimum: Int) -> [Hit] {
        sections.compactMap { number in
            guard let section = report.section(number), let text = sectionText[number] else { return nil }
            let length = text.unicodeScalars.count
            guard length < minimum || length <= 2 && text.unicodeScalars.filter({ !"。.;；".unicodeScalars.contains($0) }).elementsEqual("无".unicodeScalars) else {
                return nil
            }
            let numeral = ChineseNumeral.string(number)
            return Hit(["section": numeral, "length": String(length)], location: Location(section: numeral, line: section.line))
        }
    }

    func metadata(_ require: [MetadataField]) -> [Hit] {
        let missing = require.filter { field in
            switch field {
            case .title: report.title == nil
            case .titleOrgan: report.titleOrgan == nil
            case .titleYear: report.titleYear == nil
            case .organ: report.organ == nil
            case .year: report.year == nil
            }
        }
        guard !missing.isEmpty else { return [] }
        return [Hit(["missing": missing.map(\.chinese).joined(separator: "、"), "title": report.title ?? "（无标题）"],
                    location: Location(line: report.titleLine))]
    }

    /// The year the title states, the year of the statistics period and the year section 一
    /// mostly speaks of must agree; each that cannot be found is left out of the comparison.
    func yearConsistent() -> Hit? {
        let sources: [(String, Int?)] = [
            ("标题", report.titleYear),
            ("统计期限", ReportMetadata.statisticsYear(documentText)),
            ("第一部分正文", sectionText[1].flatMap(ReportMetadata.dominantYear)),
        ]
        let known = sources.compactMap { name, year in year.map { (name, $0) } }
        guard Set(known.map(\.1)).count > 1 else { return nil }
        let years = known.map { "\($0.0)为 \($0.1) 年" }.joined(separator: "，")
        return Hit(["years": years], location: Location(line: report.titleLine),
                   expected: report.titleYear.map(String.init), actual: years)
    }

    /// Reader-removed leftovers plus template placeholders and `XX` blanks left in the text.
    func artifacts(_ patterns: [Pattern]) -> [Hit] {
        var hits = report.artifacts.map { a in
            Hit(["artifact": a.text], location: Location(line: a.line))
        }
        var seen = Set<String>()
        for pattern in patterns {
            for match in pattern.matches(in: documentText) where seen.insert(match[0]).inserted {
                hits.append(Hit(["artifact": match[0]], location: Location(line: line(of: match[0]))))
            }
        }
        return hits
    }
}
